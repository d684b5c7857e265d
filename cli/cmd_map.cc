// passerelle map: evidence mapping of a candidate's dossier onto a
// certification.
#include <algorithm>
#include <iostream>
#include <map>

#include "cli/cli.h"
#include "cli/display.h"
#include "cli/mapping_run.h"
#include "engine/mapping_json.h"
#include "engine/text.h"
#include "reports/gap_report_text.h"

namespace passerelle::cli {

const char kMapHelp[] =
    "Usage : passerelle map --candidate ID --target CERTIFICATION [--all] [--json]\n"
    "        passerelle map FICHIER [--candidate ID] [--replace] --target CERTIFICATION\n"
    "                       [--all] [--json]\n\n"
    "Pour chaque compétence de la certification visée, dit si le dossier du candidat\n"
    "la montre (couvert), en montre une partie (partiel) ou non (non couvert), cite\n"
    "les passages qui le prouvent et ce qui manque encore. Les phrases niées\n"
    "(« je n'ai jamais… »), hypothétiques, d'apprentissage ou qui décrivent le\n"
    "travail d'autres personnes ne comptent pas comme preuves.\n\n"
    "Avec FICHIER, le dossier est d'abord indexé sous l'identifiant --candidate ou,\n"
    "sans lui, sous un identifiant tiré du nom du fichier (sans accents, en\n"
    "minuscules). Le dossier d'un candidat déjà indexé n'est jamais remplacé sans\n"
    "--replace ; le même fichier, inchangé, est réutilisé tel quel.\n\n"
    "Options :\n"
    "  --candidate ID       candidat déjà indexé (passerelle dossier add) ; avec\n"
    "                       FICHIER, l'identifiant sous lequel l'indexer\n"
    "  --replace            avec FICHIER : remplace le dossier déjà indexé du candidat\n"
    "  --target CERT        certification visée (TP-00211, RNCP35697… ; majuscules\n"
    "                       ou minuscules)\n"
    "  --all                tout afficher : passages entiers, chaque point à montrer\n"
    "                       (sinon les trois premiers) ; le texte suit la largeur\n"
    "                       du terminal\n"
    "  --thesaurus FICHIER  thésaurus supplémentaire : un groupe de termes\n"
    "                       équivalents par ligne, séparés par « | » (répétable) ;\n"
    "                       en tête, « @nsf 251 » ou « @rome H29 » le réserve aux\n"
    "                       certifications de ces codes NSF ou ROME\n"
    "  --json               {\"candidate\",\"target\",\"coverage\",\"blocs\":[…],\n"
    "                       \"competences\":[{\"id\",\"title\",\"blocs\",\"status\",\n"
    "                       \"score\",\"evidence\":[…],\"missing\":[…]}]}\n\n"
    "Exemples :\n"
    "  passerelle map --candidate dupont --target TP-00211\n"
    "  passerelle map livret2-dupont.docx --target TP-00211 --thesaurus mon-atelier.txt\n";

namespace {

std::string Plural(int n, const std::string& singular, const std::string& plural) {
  return std::to_string(n) + " " + (n > 1 ? plural : singular);
}

// How the text output is laid out: the width to wrap at, the columns of
// the competence lines, whether everything is printed (--all).
struct Layout {
  size_t width = 0;
  size_t label = 0;   // widest competence short name
  size_t status = 0;  // widest status word
  bool all = false;
  std::string Indent() const { return std::string(2 + label + 1 + status + 1, ' '); }
};

// Quotes and requirements are shortened (at a word) unless --all.
constexpr size_t kQuote = 140;
constexpr size_t kShownMissing = 3;

void PrintEvidence(const CompetenceMapping& c, const Layout& layout) {
  const Evidence& e = c.evidence.front();
  std::string line = "preuve : paragraphe " + std::to_string(e.paragraph);
  if (e.page) line += ", page " + std::to_string(e.page);
  const std::string quote = layout.all ? CollapseSpaces(e.text) : ShortenAtWord(e.text, kQuote);
  line += " — « " + quote + " »";
  if (!e.matched.empty()) line += " (" + Join(e.matched, ", ") + ")";
  const std::string indent = std::string(2 + layout.label + 1, ' ');
  std::cout << WrapText(line, layout.width, indent, indent + "  ");
  if (c.evidence.size() > 1)
    std::cout << indent << "et "
              << Plural(static_cast<int>(c.evidence.size() - 1), "autre passage", "autres passages")
              << "\n";
}

// The points still to show, each once; the competence's own title, which
// a fiche without criteria lists as its only point, is already on screen.
void PrintMissing(const CompetenceMapping& c, const Layout& layout) {
  const std::string indent = std::string(2 + layout.label + 1, ' ');
  std::vector<std::string> points, seen = {FoldForMatch(CollapseSpaces(c.title))};
  for (const std::string& item : c.missing) {
    std::string key = FoldForMatch(CollapseSpaces(item));
    while (!key.empty() && (key.back() == '.' || key.back() == ' ')) key.pop_back();
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(std::move(key));
    points.push_back(item);
  }
  const size_t shown = layout.all ? points.size() : std::min(points.size(), kShownMissing);
  for (size_t i = 0; i < shown; ++i)
    std::cout << WrapText(points[i], layout.width, indent + "à montrer : ",
                          indent + "            ");
  if (shown < points.size())
    std::cout << indent << "… et " << points.size() - shown
              << (points.size() - shown > 1 ? " autres points" : " autre point")
              << " (--all pour tout afficher)\n";
}

// One competence under its bloc. A competence shared by several blocs is
// detailed under the first one and only named under the others.
void PrintCompetence(const MappingRun& run, const CompetenceMapping& c, const Layout& layout,
                     std::map<std::string, std::string>& detailed, const BlocId& bloc) {
  const std::string label = ShortName(c.id.value, c.number, run.target.id);
  const std::string status = reports::CompetenceStatusWord(c.status);
  std::cout << WrapText(c.title, layout.width,
                        "  " + PadRight(label, layout.label + 1) +
                            PadRight(status, layout.status + 1),
                        layout.Indent());
  auto done = detailed.find(c.id.value);
  if (done != detailed.end()) {
    std::cout << std::string(2 + layout.label + 1, ' ') << "commune avec " << done->second
              << " : son détail est plus haut\n";
    return;
  }
  detailed[c.id.value] = ShortName(bloc.value, "", run.target.id);
  std::vector<std::string> others;
  for (const BlocId& other : c.blocs)
    if (other != bloc) others.push_back(ShortName(other.value, "", run.target.id));
  if (!others.empty())
    std::cout << std::string(2 + layout.label + 1, ' ') << "commune avec " << Join(others, ", ")
              << " : détaillée ici une seule fois\n";
  if (!c.evidence.empty()) PrintEvidence(c, layout);
  if (c.status != CoverageStatus::kCovered) PrintMissing(c, layout);
}

Layout MakeLayout(const MappingRun& run, bool all) {
  Layout layout;
  layout.width = OutputWidth();
  layout.all = all;
  std::vector<std::string> labels, statuses;
  for (const CompetenceMapping& c : run.result.competences) {
    labels.push_back(ShortName(c.id.value, c.number, run.target.id));
    statuses.push_back(reports::CompetenceStatusWord(c.status));
  }
  layout.label = ColumnWidth(labels);
  layout.status = ColumnWidth(statuses);
  return layout;
}

void PrintText(const MappingRun& run, bool all) {
  const MappingResult& r = run.result;
  const Layout layout = MakeLayout(run, all);
  std::cout << WrapText("Candidature " + r.candidate + " · " + r.target.value + " — " +
                            run.target.title,
                        layout.width, "", "  ")
            << WrapText("Couverture : " + Percent(r.coverage) + " — " +
                            Plural(r.covered, "compétence couverte", "compétences couvertes") +
                            ", " + Plural(r.partial, "partielle", "partielles") + ", " +
                            Plural(r.missing, "non couverte", "non couvertes") + " sur " +
                            std::to_string(r.covered + r.partial + r.missing),
                        layout.width, "", "  ");
  std::map<std::string, std::string> detailed;
  for (const BlocMapping& b : r.blocs) {
    const Bloc* bloc = run.target.FindBloc(b.id);
    if (bloc == nullptr) continue;
    std::cout << "\n"
              << WrapText(ShortName(b.id.value, "", run.target.id) + " — " + b.title +
                              (bloc->optional ? " (facultatif)" : "") + " (couverture " +
                              Percent(b.coverage) +
                              (b.kind == BlocKind::kCcs
                                   ? " ; certificat complémentaire de spécialisation, hors "
                                     "couverture du titre"
                                   : "") +
                              ")",
                          layout.width, "", "  ");
    for (const CompetenceId& id : bloc->competences)
      for (const CompetenceMapping& c : r.competences)
        if (c.id == id) PrintCompetence(run, c, layout, detailed, b.id);
  }
}

}  // namespace

int RunMap(const std::vector<std::string>& argv) {
  auto args = ParseArgs(argv, {{"--json", "--all", "--replace"},
                               {"--candidate", "--target", "--thesaurus"}});
  if (!args.ok()) return UsageError(args.status().message(), "map");
  MappingRequest request;
  request.workspace_root = WorkspaceRoot(*args);
  request.target = args->Get("--target");
  if (request.target.empty()) return UsageError("indiquez la certification visée (--target)", "map");
  request.thesaurus_files = args->GetAll("--thesaurus");
  if (args->positional.size() > 1) return UsageError("un seul fichier de dossier à la fois", "map");
  auto candidate = CandidateOption(*args);
  if (!candidate.ok()) return UsageError(candidate.status().message(), "map");
  request.candidate = *candidate;
  if (args->positional.size() == 1) {
    const std::string& file = args->positional[0];
    if (request.candidate.empty()) request.candidate = CandidateIdFromFileName(file);
    bool unchanged = false;
    auto indexed = IndexDossierFile(
        request.workspace_root, file, request.candidate,
        args->Has("--replace") ? ExistingDossier::kReplace : ExistingDossier::kKeep, &unchanged);
    if (!indexed.ok()) return Fail(indexed.status());
    if (!args->Has("--json"))
      std::cout << "Dossier " << indexed->dossier
                << (unchanged ? " déjà indexé, inchangé, pour le candidat " : " indexé pour le candidat ")
                << request.candidate << ".\n\n";
  } else {
    if (args->Has("--replace"))
      return UsageError("--replace ne s'emploie qu'avec un fichier de dossier", "map");
    if (request.candidate.empty())
      return UsageError("indiquez un candidat (--candidate) ou un fichier de dossier", "map");
  }
  auto run = RunMapping(request);
  if (!run.ok()) return Fail(run.status());
  if (args->Has("--json")) {
    PrintJson(MappingToJson(run->result));
  } else {
    PrintText(*run, args->Has("--all"));
  }
  return kExitOk;
}

}  // namespace passerelle::cli
