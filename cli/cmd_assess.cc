// passerelle assess: the counsellor's assessment (positionnement) of a
// candidate against a target certification, stored in the workspace's
// SQLite database (docs/assessment.md).
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <iostream>
#include <map>

#include "cli/certification_lookup.h"
#include "cli/cli.h"
#include "cli/display.h"
#include "cli/mapping_run.h"
#include "engine/assessment/assessment_json.h"
#include "engine/assessment/assessment_store.h"
#include "engine/dossier_index.h"
#include "engine/file_system.h"
#include "engine/text.h"
#include "importers/text_decode.h"
#include "reports/gap_report_text.h"

namespace passerelle::cli {

const char kAssessHelp[] =
    "Usage : passerelle assess SOUS-COMMANDE --candidate ID --target CERTIFICATION [OPTIONS]\n\n"
    "Le positionnement de l'accompagnateur : pour chaque compétence de la\n"
    "certification visée, sa décision à côté de la proposition automatique, ses\n"
    "commentaires, les preuves retenues ou écartées, les blocs visés, l'avis\n"
    "d'ensemble. Tout est enregistré dans l'espace de travail, avec l'historique de\n"
    "chaque modification (qui, quand, avant, après).\n\n"
    "Sous-commandes :\n"
    "  show       la proposition automatique et les décisions enregistrées\n"
    "             passerelle assess show --candidate dupont --target TP-00211\n"
    "  set        la décision et le commentaire d'une compétence ; décisions : oui,\n"
    "             partiellement, non, « à compléter »\n"
    "             passerelle assess set --candidate dupont --target TP-00211 \\\n"
    "               --competence CP3 --decision partiellement --comment \"Réglage seul.\"\n"
    "  evidence   retenir ou écarter un passage du dossier comme preuve d'une\n"
    "             compétence (--reason obligatoire pour écarter)\n"
    "             passerelle assess evidence --candidate dupont --target TP-00211 \\\n"
    "               --competence CP3 --passage 12 --reject --reason \"Travail du chef.\"\n"
    "  bloc       bloc visé ou non, dispensé (acquis par un autre diplôme), commentaire\n"
    "             passerelle assess bloc --candidate dupont --target TP-00211 \\\n"
    "               --bloc AT2 --dispensed --comment \"Acquis par le CAP.\"\n"
    "  opinion    avis (favorable, défavorable, « à approfondir »), préconisations,\n"
    "             heures d'accompagnement prévues\n"
    "             passerelle assess opinion --candidate dupont --target TP-00211 \\\n"
    "               --opinion favorable --preconisations \"Décrire un réglage.\" --hours 24\n"
    "  share      brouillon → partagé avec le candidat ; avec --transmit, partagé →\n"
    "             transmis (il faut un avis ; ensuite plus rien ne change)\n"
    "             passerelle assess share --candidate dupont --target TP-00211\n"
    "  history    l'historique des modifications, de la plus ancienne à la plus récente\n"
    "             passerelle assess history --candidate dupont --target TP-00211\n\n"
    "Options :\n"
    "  --candidate ID       candidat déjà indexé (passerelle dossier add)\n"
    "  --target CERT        certification visée (TP-00211, RNCP35697…)\n"
    "  --competence C       compétence : identifiant complet ou court (CP3, BC01-C2)\n"
    "  --bloc B             bloc : identifiant complet ou court (AT1, BC01)\n"
    "  --decision D         oui, partiellement, non, « à compléter »\n"
    "  --comment TEXTE      commentaire (une chaîne vide l'efface)\n"
    "  --passage N          rang du passage dans le dossier (celui de map --json)\n"
    "  --dossier FICHIER    le dossier du passage, quand le candidat en a plusieurs\n"
    "  --accept, --reject   retenir ou écarter le passage ; --reason TEXTE : le motif\n"
    "  --targeted, --not-targeted, --dispensed, --not-dispensed   état du bloc\n"
    "  --opinion AVIS       favorable, défavorable, « à approfondir »\n"
    "  --preconisations T   préconisations (texte libre) ; --hours N : heures prévues\n"
    "  --transmit           (share) transmettre le positionnement au certificateur\n"
    "  --revision N         la révision lue (show --json) : refusé si elle a changé\n"
    "                       depuis ; sans elle, la valeur actuelle est modifiée\n"
    "  --author NOM         auteur de la modification (sinon l'utilisateur du système)\n"
    "  --thesaurus FICHIER  (show) thésaurus supplémentaire, comme pour map\n"
    "  --json               sortie JSON (docs/assessment.md)\n";

namespace {

constexpr const char* kCommand = "assess";
constexpr size_t kMaxAuthor = 200;

// What every subcommand needs: the workspace, the key, the certification.
struct Subject {
  std::string root;
  AssessmentKey key;
  Certification target;
};

// Exit code of a failure: a bad command line is 2, everything else 1.
struct Failure {
  Status status;
  bool usage = false;
};

int Report(const Failure& f) {
  return f.usage ? UsageError(f.status.message(), kCommand) : Fail(f.status);
}

Failure Usage(const std::string& message) { return {Status::InvalidArgument(message), true}; }

Result<Subject> OpenSubject(const Args& args, Failure* failure) {
  Subject s;
  s.root = WorkspaceRoot(args);
  s.key.candidate = args.Get("--candidate");
  const std::string target = args.Get("--target");
  if (s.key.candidate.empty() || target.empty()) {
    *failure = Usage("indiquez le candidat et la certification visée (--candidate, --target)");
    return failure->status;
  }
  if (!IsValidCandidateId(s.key.candidate)) {
    *failure = Usage("--candidate attend un identifiant (lettres, chiffres, - _ .)");
    return failure->status;
  }
  auto index = DossierIndex::OpenForReading(s.root);
  Status st = index.ok() ? Status::OK() : index.status();
  if (st.ok() && !(*index)->HasCandidate(s.key.candidate))
    st = UnknownCandidate(**index, s.key.candidate);
  RealFileSystem fs;
  Workspace workspace(&fs, s.root);
  auto id = st.ok() ? ResolveCertification(workspace, target) : Result<CertificationId>(st);
  auto cert = id.ok() ? workspace.Load(*id) : Result<Certification>(id.status());
  if (!cert.ok()) {
    *failure = {cert.status()};
    return cert.status();
  }
  s.target = std::move(*cert);
  s.key.target = s.target.id;
  return s;
}

// "CP3", "tp-00211-cp3" or the full id -> the competence's id.
Result<CompetenceId> ResolveCompetence(const Certification& cert, const std::string& typed) {
  std::vector<std::string> names;
  for (const Competence& c : cert.competences) {
    const std::string name = ShortName(c.id.value, c.number, cert.id);
    if (FoldForMatch(typed) == FoldForMatch(c.id.value) ||
        FoldForMatch(typed) == FoldForMatch(name))
      return c.id;
    names.push_back(name);
  }
  return Status::InvalidArgument("compétence « " + typed + " » inconnue dans " + cert.id.value +
                                 " ; ses compétences : " + Join(names, ", "));
}

Result<BlocId> ResolveBloc(const Certification& cert, const std::string& typed) {
  std::vector<std::string> names;
  for (const Bloc& b : cert.blocs) {
    const std::string name = ShortName(b.id.value, "", cert.id);
    if (FoldForMatch(typed) == FoldForMatch(b.id.value) ||
        FoldForMatch(typed) == FoldForMatch(name))
      return b.id;
    names.push_back(name);
  }
  return Status::InvalidArgument("bloc « " + typed + " » inconnu dans " + cert.id.value +
                                 " ; ses blocs : " + Join(names, ", "));
}

// A whole number in [0, max] typed for `option`.
Result<int64_t> ParseCount(const std::string& typed, const std::string& option, int64_t max) {
  int64_t value = 0;
  if (typed.empty() || typed.size() > 9) value = -1;
  for (char c : typed) {
    if (c < '0' || c > '9') value = -1;
    if (value >= 0) value = value * 10 + (c - '0');
  }
  if (value < 0 || value > max)
    return Status::InvalidArgument(option + " attend un nombre entier de 0 à " +
                                   std::to_string(max) + ", pas « " + typed + " »");
  return value;
}

Result<std::optional<int64_t>> RevisionOf(const Args& args) {
  if (!args.Has("--revision")) return std::optional<int64_t>();
  auto r = ParseCount(args.Get("--revision"), "--revision", 999999999);
  if (!r.ok()) return r.status();
  return std::optional<int64_t>(*r);
}

// A text option, checked (UTF-8) and normalized (NFC); nullopt when absent.
Result<std::optional<std::string>> TextOf(const Args& args, const std::string& option) {
  if (!args.Has(option)) return std::optional<std::string>();
  const std::string value = args.Get(option);
  if (!IsValidUtf8(value))
    return Status::InvalidArgument(option + " : le texte n'est pas de l'UTF-8 valide");
  return std::optional<std::string>(NormalizeNfc(value));
}

std::string SystemUser() {
  for (const char* name : {"USER", "LOGNAME"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return value;
  }
  const passwd* pw = ::getpwuid(::getuid());
  return pw != nullptr && pw->pw_name != nullptr ? pw->pw_name : "";
}

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

Result<WriteContext> ContextOf(const Args& args) {
  auto author = TextOf(args, "--author");
  if (!author.ok()) return author.status();
  WriteContext context{author->value_or(SystemUser()), UtcNow()};
  context.author = Trim(context.author);
  if (context.author.empty())
    return Status::InvalidArgument("auteur inconnu : indiquez --author NOM");
  if (context.author.size() > kMaxAuthor)
    return Status::InvalidArgument("--author : nom trop long (au plus 200 octets)");
  return context;
}

void PrintOutcome(const Args& args, const Subject& s, const std::string& item,
                  const WriteOutcome& outcome) {
  if (args.Has("--json")) {
    PrintJson({{"candidate", s.key.candidate},
               {"target", s.key.target.value},
               {"item", item},
               {"revision", outcome.revision},
               {"changes", outcome.changes}});
  } else if (outcome.changes == 0) {
    std::cout << "Rien à modifier : " << item << " est déjà ainsi (révision " << outcome.revision
              << ").\n";
  } else {
    std::cout << "Enregistré : " << item << ", révision " << outcome.revision << ".\n";
  }
}

// Runs `write` on the workspace's store, once every argument was checked.
// When the workspace has no database yet, the write is first tried on an
// empty one in memory: a refused write (or one that changes nothing) then
// creates no file.
template <typename Write>
Result<WriteOutcome> Store(const Subject& s, Write write) {
  auto store = AssessmentStore::Open(s.root, false);
  if (!store.ok() && store.status().kind() == Status::Kind::kNotFound) {
    auto rehearsal = AssessmentStore::OpenInMemory();
    if (!rehearsal.ok()) return rehearsal.status();
    auto tried = write(**rehearsal);
    if (!tried.ok() || tried->changes == 0) return tried;
    store = AssessmentStore::Open(s.root, true);
  }
  if (!store.ok()) return store.status();
  return write(**store);
}

int RunSet(const Args& args, const Subject& s) {
  if (!args.Has("--competence"))
    return UsageError("indiquez la compétence (--competence)", kCommand);
  auto id = ResolveCompetence(s.target, args.Get("--competence"));
  if (!id.ok()) return Fail(id.status());
  CompetenceEdit edit;
  edit.competence = *id;
  if (args.Has("--decision")) {
    auto decision = ParseDecision(args.Get("--decision"));
    if (!decision.ok()) return Fail(decision.status());
    edit.decision = *decision;
  }
  auto comment = TextOf(args, "--comment");
  auto revision = RevisionOf(args);
  auto context = ContextOf(args);
  if (!comment.ok()) return Fail(comment.status());
  if (!revision.ok()) return Fail(revision.status());
  if (!context.ok()) return Fail(context.status());
  edit.comment = *comment;
  edit.expected_revision = *revision;
  if (!edit.decision && !edit.comment)
    return UsageError("indiquez --decision ou --comment", kCommand);
  auto outcome =
      Store(s, [&](AssessmentStore& store) { return store.SetCompetence(s.key, edit, *context); });
  if (!outcome.ok()) return Fail(outcome.status());
  PrintOutcome(args, s, "la compétence " + id->value, *outcome);
  return kExitOk;
}

// The passage `--passage` (of `--dossier` when given) of the candidate,
// and the ContentHash of its text.
Result<std::pair<PassageRef, std::string>> ResolvePassage(const Args& args, const Subject& s) {
  auto rank = ParseCount(args.Get("--passage"), "--passage", 10000000);
  if (!rank.ok()) return rank.status();
  auto index = DossierIndex::OpenForReading(s.root);
  if (!index.ok()) return index.status();
  auto passages = (*index)->PassagesOf(s.key.candidate);
  if (!passages.ok()) return passages.status();
  const std::string dossier = args.Get("--dossier");
  std::vector<std::pair<PassageRef, std::string>> found;
  for (const IndexedPassage& p : *passages)
    if (p.passage == *rank && (dossier.empty() || p.dossier == dossier))
      found.push_back({{p.dossier, p.passage}, ContentHash(p.text)});
  if (found.size() == 1) return found.front();
  if (found.size() > 1)
    return Status::InvalidArgument("le passage " + args.Get("--passage") +
                                   " existe dans plusieurs dossiers : indiquez --dossier");
  return Status::InvalidArgument("le dossier de " + s.key.candidate + " n'a pas de passage " +
                                 args.Get("--passage") +
                                 (dossier.empty() ? "" : " dans « " + dossier + " »") + " (" +
                                 std::to_string(passages->size()) + " passages)");
}

int RunEvidence(const Args& args, const Subject& s) {
  if (!args.Has("--competence") || !args.Has("--passage"))
    return UsageError("indiquez la compétence et le passage (--competence, --passage)", kCommand);
  if (args.Has("--accept") == args.Has("--reject"))
    return UsageError("indiquez soit --accept, soit --reject", kCommand);
  auto id = ResolveCompetence(s.target, args.Get("--competence"));
  if (!id.ok()) return Fail(id.status());
  auto passage = ResolvePassage(args, s);
  if (!passage.ok()) return Fail(passage.status());
  auto reason = TextOf(args, "--reason");
  auto revision = RevisionOf(args);
  auto context = ContextOf(args);
  if (!reason.ok()) return Fail(reason.status());
  if (!revision.ok()) return Fail(revision.status());
  if (!context.ok()) return Fail(context.status());
  EvidenceEdit edit{*id,
                    passage->first,
                    args.Has("--reject") ? Verdict::kRejected : Verdict::kAccepted,
                    reason->value_or(""),
                    *revision,
                    passage->second};
  if (edit.verdict == Verdict::kRejected && Trim(edit.reason).empty())
    return UsageError("écarter une preuve demande un motif (--reason)", kCommand);
  auto outcome =
      Store(s, [&](AssessmentStore& store) { return store.SetEvidence(s.key, edit, *context); });
  if (!outcome.ok()) return Fail(outcome.status());
  PrintOutcome(args, s,
               "la preuve " + passage->first.dossier + "#" +
                   std::to_string(passage->first.passage) + " de " + id->value,
               *outcome);
  return kExitOk;
}

// --yes / --no of a flag pair: nullopt when neither.
Result<std::optional<bool>> FlagPair(const Args& args, const std::string& yes,
                                     const std::string& no) {
  if (args.Has(yes) && args.Has(no))
    return Status::InvalidArgument(yes + " et " + no + " s'excluent");
  if (!args.Has(yes) && !args.Has(no)) return std::optional<bool>();
  return std::optional<bool>(args.Has(yes));
}

int RunBloc(const Args& args, const Subject& s) {
  if (!args.Has("--bloc")) return UsageError("indiquez le bloc (--bloc)", kCommand);
  auto targeted = FlagPair(args, "--targeted", "--not-targeted");
  auto dispensed = FlagPair(args, "--dispensed", "--not-dispensed");
  if (!targeted.ok()) return UsageError(targeted.status().message(), kCommand);
  if (!dispensed.ok()) return UsageError(dispensed.status().message(), kCommand);
  auto id = ResolveBloc(s.target, args.Get("--bloc"));
  if (!id.ok()) return Fail(id.status());
  auto comment = TextOf(args, "--comment");
  auto revision = RevisionOf(args);
  auto context = ContextOf(args);
  if (!comment.ok()) return Fail(comment.status());
  if (!revision.ok()) return Fail(revision.status());
  if (!context.ok()) return Fail(context.status());
  BlocEdit edit{*id, *targeted, *dispensed, *comment, *revision};
  if (!edit.targeted && !edit.dispensed && !edit.comment)
    return UsageError(
        "indiquez --targeted, --not-targeted, --dispensed, --not-dispensed ou "
        "--comment",
        kCommand);
  auto outcome =
      Store(s, [&](AssessmentStore& store) { return store.SetBloc(s.key, edit, *context); });
  if (!outcome.ok()) return Fail(outcome.status());
  PrintOutcome(args, s, "le bloc " + id->value, *outcome);
  return kExitOk;
}

int RunOpinion(const Args& args, const Subject& s) {
  OpinionEdit edit;
  if (args.Has("--opinion")) {
    auto opinion = ParseOpinion(args.Get("--opinion"));
    if (!opinion.ok()) return Fail(opinion.status());
    edit.opinion = *opinion;
  }
  if (args.Has("--hours")) {
    auto hours = ParseCount(args.Get("--hours"), "--hours", 10000);
    if (!hours.ok()) return Fail(hours.status());
    edit.planned_hours = *hours;
  }
  auto text = TextOf(args, "--preconisations");
  auto revision = RevisionOf(args);
  auto context = ContextOf(args);
  if (!text.ok()) return Fail(text.status());
  if (!revision.ok()) return Fail(revision.status());
  if (!context.ok()) return Fail(context.status());
  edit.preconisations = *text;
  edit.expected_revision = *revision;
  if (!edit.opinion && !edit.planned_hours && !edit.preconisations)
    return UsageError("indiquez --opinion, --preconisations ou --hours", kCommand);
  auto outcome =
      Store(s, [&](AssessmentStore& store) { return store.SetOpinion(s.key, edit, *context); });
  if (!outcome.ok()) return Fail(outcome.status());
  PrintOutcome(args, s, "l'avis d'ensemble", *outcome);
  return kExitOk;
}

int RunShare(const Args& args, const Subject& s) {
  auto revision = RevisionOf(args);
  auto context = ContextOf(args);
  if (!revision.ok()) return Fail(revision.status());
  if (!context.ok()) return Fail(context.status());
  const AssessmentState to =
      args.Has("--transmit") ? AssessmentState::kTransmitted : AssessmentState::kShared;
  auto outcome = Store(
      s, [&](AssessmentStore& store) { return store.Advance(s.key, to, *revision, *context); });
  if (!outcome.ok()) return Fail(outcome.status());
  if (args.Has("--json")) {
    PrintOutcome(args, s, "l'état", *outcome);
  } else {
    std::cout << "Positionnement de " << s.key.candidate << " pour " << s.key.target.value << " : "
              << LabelOf(to) << " (révision " << outcome->revision << ").\n";
  }
  return kExitOk;
}

// The stored assessment, or an empty one when the database does not exist
// yet (a reading command never creates it).
Result<Assessment> LoadStored(const Subject& s) {
  auto store = AssessmentStore::Open(s.root, false);
  if (!store.ok() && store.status().kind() == Status::Kind::kNotFound)
    return Assessment{s.key, false, {}, {}, {}};
  if (!store.ok()) return store.status();
  return (*store)->Load(s.key);
}

std::string ValueLabel(const std::string& field, const std::optional<std::string>& value) {
  if (!value || value->empty()) return "—";
  if (field == "decision" && DecisionFromKey(*value))
    return std::string(LabelOf(*DecisionFromKey(*value)));
  if (field == "verdict" && VerdictFromKey(*value))
    return std::string(LabelOf(*VerdictFromKey(*value)));
  if (field == "opinion" && OpinionFromKey(*value))
    return std::string(LabelOf(*OpinionFromKey(*value)));
  if (field == "state" && StateFromKey(*value)) return std::string(LabelOf(*StateFromKey(*value)));
  if (*value == "true") return "oui";
  if (*value == "false") return "non";
  return "« " + *value + " »";
}

const std::map<std::string, std::string>& FieldLabels() {
  static const std::map<std::string, std::string> kLabels = {
      {"decision", "décision"},
      {"comment", "commentaire"},
      {"verdict", "verdict"},
      {"reason", "motif"},
      {"targeted", "visé"},
      {"dispensed", "dispensé"},
      {"opinion", "avis"},
      {"preconisations", "préconisations"},
      {"planned_hours", "heures prévues"},
      {"state", "état"},
      {"passage_hash", "empreinte du passage jugé"}};
  return kLabels;
}

int RunHistory(const Args& args, const Subject& s) {
  auto store = AssessmentStore::Open(s.root, false);
  std::vector<AuditEntry> entries;
  if (store.ok()) {
    auto history = (*store)->History(s.key);
    if (!history.ok()) return Fail(history.status());
    entries = std::move(*history);
  } else if (store.status().kind() != Status::Kind::kNotFound) {
    return Fail(store.status());
  }
  if (args.Has("--json")) {
    PrintJson(AuditToJson(entries));
    return kExitOk;
  }
  if (entries.empty())
    std::cout << "Aucune modification enregistrée pour " << s.key.candidate << " et "
              << s.key.target.value << ".\n";
  const size_t width = OutputWidth();
  for (const AuditEntry& e : entries) {
    auto label = FieldLabels().find(e.field);
    const std::string what = (e.item.empty() ? "ensemble" : e.item) + ", " +
                             (label == FieldLabels().end() ? e.field : label->second);
    std::cout << WrapText(e.at + "  " + e.author + "  " + what + " : " +
                              ValueLabel(e.field, e.before) + " → " + ValueLabel(e.field, e.after),
                          width, "", "    ");
  }
  return kExitOk;
}

std::string BlocState(const BlocAssessment& b) {
  if (b.dispensed) return "dispensé";
  return b.targeted ? "visé" : "non visé";
}

// The candidate's passages as the index holds them now.
std::map<PassageRef, QuotedPassage> CurrentPassages(const MappingRun& run) {
  std::map<PassageRef, QuotedPassage> passages;
  for (const IndexedPassage& p : run.dossier.passages)
    passages[{p.dossier, p.passage}] = {p.paragraph, p.page, p.text};
  return passages;
}

// True when the text judged is no longer the passage's (a re-added dossier).
bool PassageChanged(const EvidenceJudgement& j,
                    const std::map<PassageRef, QuotedPassage>& passages) {
  if (j.passage_hash.empty()) return false;
  auto it = passages.find(j.passage);
  return it == passages.end() || ContentHash(it->second.text) != j.passage_hash;
}

void PrintCompetence(const CompetenceMapping& c, const CompetenceAssessment& d,
                     const Certification& target, size_t width,
                     const std::map<PassageRef, QuotedPassage>& passages) {
  const std::string name = ShortName(c.id.value, c.number, target.id);
  std::cout << WrapText(name + " — " + c.title, width, "  ", "    ");
  std::string line = "proposition automatique : " + reports::CompetenceStatusWord(c.status) +
                     " · avis de l'accompagnateur : " +
                     (d.decision ? std::string(LabelOf(*d.decision)) : "non donné");
  if (d.revision) line += " (révision " + std::to_string(d.revision) + ")";
  std::cout << WrapText(line, width, "    ", "      ");
  if (!d.comment.empty())
    std::cout << WrapText("commentaire : " + d.comment, width, "    ", "      ");
  for (const EvidenceJudgement& j : d.evidence)
    std::cout << WrapText("preuve " + j.passage.dossier + "#" + std::to_string(j.passage.passage) +
                              " " + std::string(LabelOf(j.verdict)) +
                              (j.reason.empty() ? "" : " : " + j.reason) +
                              (PassageChanged(j, passages) ? " (le passage a changé depuis : "
                                                             "à relire)"
                                                           : ""),
                          width, "    ", "      ");
}

void PrintAssessment(const MappingRun& run, const Assessment& a) {
  const size_t width = OutputWidth();
  const OverallAssessment& o = a.overall;
  const auto passages = CurrentPassages(run);
  std::cout << WrapText("Positionnement de " + a.key.candidate + " · " + a.key.target.value +
                            " — " + run.target.title,
                        width, "", "  ")
            << "État : " << LabelOf(o.state)
            << " · avis : " << (o.opinion ? std::string(LabelOf(*o.opinion)) : "non donné")
            << " · révision " << o.revision << "\n";
  if (o.planned_hours)
    std::cout << "Heures d'accompagnement prévues : " << *o.planned_hours << " h\n";
  if (!o.preconisations.empty())
    std::cout << WrapText("Préconisations : " + o.preconisations, width, "", "  ");
  for (const BlocMapping& b : run.result.blocs) {
    const BlocAssessment decided = a.BlocOf(b.id);
    std::cout << "\n"
              << WrapText(ShortName(b.id.value, "", run.target.id) + " — " + b.title + " (" +
                              BlocState(decided) + ")",
                          width, "", "  ");
    if (!decided.comment.empty())
      std::cout << WrapText("commentaire : " + decided.comment, width, "  ", "    ");
    for (const CompetenceMapping& c : run.result.competences)
      if (!c.blocs.empty() && c.blocs.front() == b.id)
        PrintCompetence(c, a.CompetenceOf(c.id), run.target, width, passages);
  }
}

int RunShowCommand(const Args& args, const Subject& s) {
  auto stored = LoadStored(s);
  if (!stored.ok()) return Fail(stored.status());
  MappingRequest request{s.root, s.key.candidate, s.key.target.value, args.GetAll("--thesaurus")};
  auto run = RunMapping(request);
  if (!run.ok()) return Fail(run.status());
  if (!args.Has("--json")) {
    PrintAssessment(*run, *stored);
    return kExitOk;
  }
  PrintJson(AssessmentToJson(*stored, run->result, CurrentPassages(*run)));
  return kExitOk;
}

const OptionSpec kSpec = {{"--json", "--accept", "--reject", "--targeted", "--not-targeted",
                           "--dispensed", "--not-dispensed", "--transmit"},
                          {"--candidate", "--target", "--competence", "--bloc", "--decision",
                           "--comment", "--passage", "--dossier", "--reason", "--opinion",
                           "--preconisations", "--hours", "--revision", "--author", "--thesaurus"}};

}  // namespace

int RunAssess(const std::vector<std::string>& argv) {
  if (argv.empty() || argv[0].rfind("-", 0) == 0)
    return UsageError(
        "indiquez une sous-commande : show, set, evidence, bloc, opinion, share "
        "ou history",
        kCommand);
  const std::string sub = argv[0];
  using Runner = int (*)(const Args&, const Subject&);
  static const std::map<std::string, Runner> kRunners = {
      {"show", &RunShowCommand}, {"set", &RunSet},         {"evidence", &RunEvidence},
      {"bloc", &RunBloc},        {"opinion", &RunOpinion}, {"share", &RunShare},
      {"history", &RunHistory}};
  auto runner = kRunners.find(sub);
  if (runner == kRunners.end())
    return UsageError("sous-commande inconnue : « " + sub + " »", kCommand);
  auto args = ParseArgs(std::vector<std::string>(argv.begin() + 1, argv.end()), kSpec);
  if (!args.ok()) return UsageError(args.status().message(), kCommand);
  if (!args->positional.empty())
    return UsageError("argument inattendu : « " + args->positional[0] + " »", kCommand);
  Failure failure;
  auto subject = OpenSubject(*args, &failure);
  if (!subject.ok()) return Report(failure);
  return runner->second(*args, *subject);
}

}  // namespace passerelle::cli
