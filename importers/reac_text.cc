// REAC (+ RE) importer. The document is read in layers:
//  1. reac_lines: page furniture removed, lines folded for matching;
//  2. the certification's references (code, title, sigle, level, NSF, ROME,
//     Formacode, dates), here;
//  3. reac_competences: one Competence per "FICHE COMPÉTENCE PROFESSIONNELLE";
//  4. reac_activities: the activités types and the CP titles they list,
//     matched to the fiches by title (a CP listed under two activités types
//     is one competence with two parent blocs);
//  5. reac_evaluation: the RE's CCP sections give each bloc its modalities
//     and durations.
// Nothing here knows a particular title: every rule is about the layout the
// Ministère du travail uses for all its REACs.
#include "importers/reac_text.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <regex>

#include "engine/text.h"
#include "importers/list_items.h"
#include "importers/reac_activities.h"
#include "importers/reac_competences.h"
#include "importers/reac_evaluation.h"
#include "importers/reac_lines.h"
#include "importers/reac_parts.h"
#include "importers/reac_synoptic.h"

namespace passerelle {

namespace {

using reac::Line;

constexpr const char* kSourceFormat = "reac-text";

const std::regex& TpCodePattern() {
  static const std::regex re(R"(TP\s?(?:-|‑|–)\s?(\d{5}))");
  return re;
}

// The TP code written most often: page headers repeat the document's own
// code on every page, while an annex may name a former title's code.
std::string MostFrequentTpCode(const std::string& text) {
  std::map<std::string, int> counts;
  std::string best;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), TpCodePattern());
       it != std::sregex_iterator(); ++it) {
    const std::string code = "TP-" + (*it)[1].str();
    const int n = ++counts[code];
    if (best.empty() || n > counts[best]) best = code;
  }
  return best;
}

// Trimmed text after the first ':' of `text`, or "" ("Niveau : 4" -> "4").
std::string AfterColon(const std::string& text) {
  const size_t colon = text.find(':');
  return colon == std::string::npos ? "" : Trim(text.substr(colon + 1));
}

size_t FindExact(const std::vector<Line>& lines, const std::string& folded) {
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].folded == folded) return i;
  return lines.size();
}

// The paragraph after line `at` (blank lines skipped first), at most three
// lines, stopping at a line that starts with `folded_stop`.
std::string ParagraphAfter(const std::vector<Line>& lines, size_t at,
                           const std::string& folded_stop) {
  size_t i = at + 1;
  while (i < lines.size() && lines[i].blank()) ++i;
  std::string out;
  for (int n = 0; i < lines.size() && n < 3; ++i, ++n) {
    if (lines[i].blank() || StartsWith(lines[i].folded, folded_stop)) break;
    reac::AppendWrapped(out, lines[i].text);
  }
  return CollapseSpaces(out);
}

// The emploi type: the RE's "Intitulé du titre professionnel : ...", the
// line after "FICHE EMPLOI TYPE", or the cover's "DU TITRE PROFESSIONNEL".
std::string FindTitle(const std::vector<Line>& lines) {
  for (const Line& line : lines)
    if (StartsWith(line.folded, "intitule du titre professionnel")) {
      const std::string value = AfterColon(line.text);
      if (!value.empty()) return value;
    }
  const size_t fiche = FindExact(lines, "fiche emploi type");
  if (fiche < lines.size()) {
    std::string title = ParagraphAfter(lines, fiche, "definition");
    if (!title.empty()) return title;
  }
  const size_t cover = FindExact(lines, "du titre professionnel");
  return cover < lines.size() ? ParagraphAfter(lines, cover, "niveau") : "";
}

std::string FindAbbreviation(const std::vector<Line>& lines, const reac::PageHeaderInfo& h) {
  for (const Line& line : lines)
    if (StartsWith(line.folded, "sigle du titre professionnel")) {
      const std::string value = AfterColon(line.text);
      if (!value.empty()) return value;
    }
  return h.sigle;
}

// European level of a 1969-nomenclature level (V=3, IV=4, III=5, II=6,
// I=7), given in roman or arabic figures; 0 when out of range.
int LevelFrom1969(const std::string& folded_level) {
  static const std::map<std::string, int> kLevels = {{"v", 3}, {"iv", 4}, {"iii", 5}, {"ii", 6},
                                                     {"i", 7}, {"5", 3},  {"4", 4},   {"3", 5},
                                                     {"2", 6}, {"1", 7}};
  auto it = kLevels.find(folded_level);
  return it == kLevels.end() ? 0 : it->second;
}

// European level from "Niveau 4 (Cadre national des certifications 2019)",
// "Niveau : 4", or the 1969 nomenclature: "Niveau II", "Niveau III
// (Nomenclature de 1969)".
int FindLevel(const std::vector<Line>& lines) {
  static const std::regex re(R"(^niveau\s*:?\s*([1-8]|iii|ii|iv|i|v)\b\s*(.*)$)");
  for (const Line& line : lines) {
    std::smatch m;
    if (!std::regex_match(line.folded, m, re)) continue;
    const std::string rest = m[2].str();
    if (!rest.empty() && rest[0] != '(' && rest[0] != '-') continue;
    const std::string v = m[1].str();
    const bool roman = !std::isdigit(static_cast<unsigned char>(v[0]));
    if (roman || rest.find("1969") != std::string::npos) return LevelFrom1969(v);
    return v[0] - '0';
  }
  return 0;
}

// Adds a code or gives a known one its missing label. Returns the code's
// index when this call set its label, -1 otherwise.
int AddCode(std::vector<Code>& codes, Code::Type type, const std::string& value,
            const std::string& label) {
  for (size_t i = 0; i < codes.size(); ++i) {
    Code& c = codes[i];
    if (c.type != type || c.value != value) continue;
    if (!c.label.empty() || label.empty()) return -1;
    c.label = label;
    return static_cast<int>(i);
  }
  codes.push_back(Code{type, value, label});
  return label.empty() ? -1 : static_cast<int>(codes.size() - 1);
}

// "Intitulé (niv100)" -> "Intitulé".
std::string CleanCodeLabel(const std::string& label) {
  static const std::regex niv(R"(\s*\(niv\w*\)\s*$)", std::regex::icase);
  std::string out = std::regex_replace(Trim(label), niv, "");
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ' '))
    out.pop_back();
  return out;
}

// Adds the codes of one value: "251u--Conduite d'équipements d'usinage",
// "H2503 Pilotage ...", or a bare list "H2503, H2912". Returns false when the
// value holds no code, and leaves `*labelled` alone then; otherwise
// `*labelled` is the index of the code whose label this value set, or -1.
bool AddCodeValue(std::vector<Code>& codes, Code::Type type, const std::string& value,
                  const std::regex& code_re, int* labelled) {
  static const std::regex sep(R"(\s*[,;]\s*)");
  std::vector<std::string> parts(std::sregex_token_iterator(value.begin(), value.end(), sep, -1),
                                 {});
  const bool bare_list = parts.size() > 1 && std::all_of(parts.begin(), parts.end(), [&](auto& p) {
                           std::smatch m;
                           return std::regex_match(p, m, code_re) && Trim(m[2].str()).empty();
                         });
  if (!bare_list) parts = {Trim(value)};
  bool any = false;
  for (const std::string& part : parts) {
    std::smatch m;
    if (!std::regex_match(part, m, code_re)) continue;
    *labelled = AddCode(codes, type, m[1].str(), CleanCodeLabel(m[2].str()));
    any = true;
  }
  return any;
}

// Codes after a label line ("Code(s) NSF :", "Fiche(s) Rome de
// rattachement"): on the label line after ':' or on the following lines,
// blank lines allowed between them; a line starting in lower case continues
// the previous code's label.
void ParseCodesAfter(const std::vector<Line>& lines, size_t at, Code::Type type,
                     const std::regex& code_re, std::vector<Code>& codes) {
  int labelled = -1;
  const std::string inline_value = AfterColon(lines[at].text);
  if (!inline_value.empty() && AddCodeValue(codes, type, inline_value, code_re, &labelled)) return;
  for (size_t i = at + 1; i < lines.size(); ++i) {
    if (lines[i].blank()) continue;
    if (AddCodeValue(codes, type, lines[i].text, code_re, &labelled)) continue;
    if (labelled < 0 || !StartsWithLowercase(lines[i].text)) break;
    Code& code = codes[static_cast<size_t>(labelled)];
    code.label = CleanCodeLabel(code.label + " " + lines[i].text);
  }
}

bool StartsWithAny(const std::string& folded, std::initializer_list<const char*> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const char* p) { return StartsWith(folded, p); });
}

void ParseFormacodes(const std::string& value, std::vector<Code>& codes) {
  static const std::regex five(R"(\b\d{5}\b)");
  for (auto it = std::sregex_iterator(value.begin(), value.end(), five);
       it != std::sregex_iterator(); ++it)
    AddCode(codes, Code::Type::kFormacode, it->str(), "");
}

std::vector<Code> FindCodes(const std::vector<Line>& lines) {
  static const std::regex nsf(R"(^(\d{3}[a-zA-Z]?)\b\s*(?:-+|–|:)?\s*(.*)$)");
  static const std::regex rome(R"(^([A-N]\d{4})\b\s*(?:-|–|:)?\s*(.*)$)");
  std::vector<Code> codes;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& f = lines[i].folded;
    if (StartsWithAny(f, {"code(s) nsf", "codes nsf", "code nsf"}))
      ParseCodesAfter(lines, i, Code::Type::kNsf, nsf, codes);
    else if (StartsWithAny(f, {"fiche(s) rome", "fiches rome", "fiche rome", "code(s) rome",
                               "codes rome", "code rome"}))
      ParseCodesAfter(lines, i, Code::Type::kRome, rome, codes);
    else if (StartsWithAny(f, {"formacode", "code(s) formacode", "codes formacode"}))
      ParseFormacodes(AfterColon(lines[i].text), codes);
  }
  std::stable_sort(codes.begin(), codes.end(),
                   [](const Code& a, const Code& b) { return a.type < b.type; });
  return codes;
}

void AddDate(std::vector<DatedEvent>& dates, const std::string& type, const std::string& iso) {
  if (iso.empty()) return;
  for (const DatedEvent& d : dates)
    if (d.type == type) return;
  dates.push_back(DatedEvent{type, iso});
}

// The RE's "Date de l'arrêté", "Date de parution au JO de l'arrêté", "Date
// d'effet de l'arrêté", and the REAC header's "Date de Validation".
std::vector<DatedEvent> FindDates(const std::vector<Line>& lines, const reac::PageHeaderInfo& h) {
  std::vector<DatedEvent> dates;
  for (const Line& line : lines) {
    const std::string& f = line.folded;
    if (StartsWith(f, "date de parution"))
      AddDate(dates, "journal-officiel", reac::IsoDate(line.text));
    else if (StartsWith(f, "date d'effet"))
      AddDate(dates, "effet", reac::IsoDate(line.text));
    else if (StartsWith(f, "date de l'arrete"))
      AddDate(dates, "arrete", reac::IsoDate(line.text));
  }
  AddDate(dates, "validation-reac", reac::IsoDate(h.validation_date));
  return dates;
}

// The compétence fiches of one part, by number; ids "<prefix>-CP<k>".
std::vector<Competence> ParseCompetences(const std::vector<Line>& lines,
                                         const std::string& prefix) {
  std::vector<reac::FicheSection> fiches = reac::FindFiches(lines, reac::FicheKind::kCompetence);
  std::stable_sort(fiches.begin(), fiches.end(),
                   [](const auto& a, const auto& b) { return a.number < b.number; });
  std::vector<Competence> out;
  for (const reac::FicheSection& fiche : fiches) {
    Competence c = reac::ParseCompetenceFiche(lines, fiche);
    c.id = CompetenceId(prefix + "-" + c.number);
    out.push_back(std::move(c));
  }
  return out;
}

std::string Quoted(const std::string& s) { return "« " + s + " »"; }

Bloc MakeBloc(const reac::ActiviteType& at, const std::vector<Competence>& competences,
              const std::string& code, std::vector<std::string>* notes) {
  std::vector<std::string> titles;
  for (const Competence& c : competences) titles.push_back(c.title);
  Bloc b;
  b.id = BlocId(code + "-AT" + std::to_string(at.number));
  b.title = at.title;
  for (const std::string& t : at.competence_titles) {
    const int k = reac::MatchTitle(t, titles);
    if (k < 0) {
      notes->push_back("activité type " + std::to_string(at.number) + " : la compétence " +
                       Quoted(t) + " n'a pas de fiche compétence professionnelle ; ignorée");
      continue;
    }
    const Competence& c = competences[static_cast<size_t>(k)];
    if (!reac::SameTitle(t, c.title))
      notes->push_back("activité type " + std::to_string(at.number) + " : " + c.number +
                       " est écrite " + Quoted(t) + " dans la liste, " + Quoted(c.title) +
                       " dans sa fiche ; l'intitulé de la fiche est retenu");
    if (std::find(b.competences.begin(), b.competences.end(), c.id) == b.competences.end())
      b.competences.push_back(c.id);
  }
  return b;
}

// Gives each bloc the modalities and durations of its CCP (or CCS) in the RE.
void AttachEvaluations(const std::vector<reac::CcpEvaluation>& evaluations,
                       std::vector<Bloc>& blocs) {
  std::vector<std::string> titles;
  for (const Bloc& b : blocs) titles.push_back(b.title);
  for (const reac::CcpEvaluation& e : evaluations) {
    const int k = reac::MatchTitle(e.title, titles);
    if (k < 0) continue;
    Bloc& b = blocs[static_cast<size_t>(k)];
    if (!b.modalities.empty()) continue;
    b.modalities = e.modalities;
    b.durations = e.durations;
  }
}

// The titre's activités types, from the lines of its own part.
std::vector<Bloc> BuildBlocs(const std::vector<Line>& lines, const Certification& cert,
                             std::vector<std::string>* notes) {
  std::vector<std::string> titles;
  for (const Competence& c : cert.competences) titles.push_back(c.title);
  std::vector<Bloc> blocs;
  for (const reac::ActiviteType& at : reac::ParseActivitesTypes(lines, titles))
    blocs.push_back(MakeBloc(at, cert.competences, cert.id.value, notes));
  if (blocs.empty()) {
    // No activité type found: one implicit bloc keeps every competence
    // reachable from a bloc, as for RNCP fiches without blocs.
    Bloc b;
    b.id = BlocId(cert.id.value + "-AT1");
    b.title = cert.title;
    b.implicit = true;
    for (const Competence& c : cert.competences) b.competences.push_back(c.id);
    blocs.push_back(std::move(b));
  }
  return blocs;
}

// The name of a CCS: its heading's, else its activity fiche's title.
std::string CcsTitle(const reac::Part& part, const std::vector<Line>& lines) {
  if (!part.title.empty()) return part.title;
  for (const reac::FicheSection& f : reac::FindAllFiches(lines, reac::FicheKind::kActivite)) {
    const size_t end = reac::FindHeading(lines, f.begin, f.end, "definition");
    std::string title = f.heading_rest;
    size_t stop = f.begin;
    while (stop < end && lines[stop].blank()) ++stop;
    while (stop < end && !lines[stop].blank()) ++stop;
    reac::AppendWrapped(title, reac::JoinParagraph(lines, f.begin, stop));
    title = CleanItem(title, false);
    if (!title.empty()) return title;
  }
  return "Certificat complémentaire de spécialisation n° " + std::to_string(part.ccs);
}

// One CCS: its own bloc (kind ccs) holding every compétence fiche of its
// part (`lines`), numbered within the CCS. False when it has none.
bool AddCcs(const reac::Part& part, const std::vector<Line>& lines, Certification& cert) {
  const std::string prefix = cert.id.value + "-CCS" + std::to_string(part.ccs);
  Bloc b;
  b.id = BlocId(prefix);
  b.kind = BlocKind::kCcs;
  b.title = CcsTitle(part, lines);
  for (Competence& c : ParseCompetences(lines, prefix)) {
    b.competences.push_back(c.id);
    cert.competences.push_back(std::move(c));
  }
  if (b.competences.empty()) return false;
  cert.blocs.push_back(std::move(b));
  return true;
}

// The titre's activités types by number: [k-1] is TP-xxxxx-ATk (null when
// absent).
std::vector<const Bloc*> TitreBlocsByNumber(const Certification& cert) {
  std::vector<const Bloc*> out;
  for (const Bloc& b : cert.blocs) {
    const size_t at = b.id.value.rfind("-AT");
    if (b.kind != BlocKind::kStandard || at == std::string::npos) continue;
    const size_t k = std::stoul(b.id.value.substr(at + 3));
    if (k == 0 || k > 99) continue;
    if (out.size() < k) out.resize(k, nullptr);
    out[k - 1] = &b;
  }
  return out;
}

// Reports the synoptic table's titles that disagree with the fiches.
void CheckSynoptic(const std::vector<Line>& lines, const Certification& cert,
                   const std::string& prefix, const std::vector<const Bloc*>& blocs,
                   std::vector<std::string>* notes) {
  for (std::string& note :
       reac::CheckSynopticTitles(reac::ParseSynopticRows(lines), cert, prefix, blocs))
    notes->push_back(std::move(note));
}

void ParseReferences(const reac::CleanDocument& doc, Certification& c) {
  c.title = FindTitle(doc.lines);
  c.abbreviation = FindAbbreviation(doc.lines, doc.header);
  c.level = FindLevel(doc.lines);
  c.codes = FindCodes(doc.lines);
  c.dates = FindDates(doc.lines, doc.header);
}

}  // namespace

void ParseReacReferences(const std::string& text, Certification* c) {
  ParseReferences(reac::CleanLines(text), *c);
}

bool LooksLikeReacText(const std::string& text) {
  const std::string f = FoldForMatch(text);
  if (f.find("fiche competence professionnelle") != std::string::npos) return true;
  if (f.find("code rncp") != std::string::npos || f.find("n° de fiche") != std::string::npos)
    return false;
  if (f.find("referentiel emploi activites competences") != std::string::npos) return true;
  return std::regex_search(text, TpCodePattern()) &&
         (f.find("activites types") != std::string::npos ||
          f.find("activite type") != std::string::npos);
}

Result<Certification> ParseReacText(const std::string& text, const std::string& file_name) {
  auto parsed = ParseReacDocument(text, file_name);
  if (!parsed.ok()) return parsed.status();
  return std::move(parsed->certification);
}

Result<ReacDocument> ParseReacDocument(const std::string& text, const std::string& file_name) {
  const reac::CleanDocument doc = reac::CleanLines(text);
  const std::string code = doc.header.code.empty() ? MostFrequentTpCode(text) : doc.header.code;
  if (code.empty())
    return Status::InvalidArgument("fichier " + file_name +
                                   " : aucun code de titre professionnel (« TP- » suivi de cinq "
                                   "chiffres) n'a été trouvé ; ce document n'est pas un REAC");
  ReacDocument out;
  Certification& c = out.certification;
  c.id = CertificationId(code);
  c.kind = CertificationKind::kTp;
  const std::vector<reac::Part> parts = reac::SplitParts(doc.lines);
  const std::vector<Line> titre =
      parts.size() > 1 ? reac::Slice(doc.lines, 0, parts[1].begin) : doc.lines;
  c.competences = ParseCompetences(titre, code);
  if (c.competences.empty())
    return Status::InvalidArgument(
        "fichier " + file_name +
        " : aucune « FICHE COMPÉTENCE PROFESSIONNELLE N° … » n'a été trouvée ; un REAC en "
        "décrit au moins une");
  ParseReferences(doc, c);
  // Every titre professionnel can be obtained through VAE: the RE itself
  // describes the path of VAE candidates.
  c.vae_access = true;
  c.blocs = BuildBlocs(titre, c, &out.notes);
  CheckSynoptic(titre, c, code, TitreBlocsByNumber(c), &out.notes);
  for (size_t k = 1; k < parts.size(); ++k) {
    const std::vector<Line> lines = reac::Slice(doc.lines, parts[k].begin, parts[k].end);
    if (!AddCcs(parts[k], lines, c)) continue;
    CheckSynoptic(lines, c, c.blocs.back().id.value, {&c.blocs.back()}, &out.notes);
  }
  AttachEvaluations(reac::ParseCcpEvaluations(doc.lines), c.blocs);
  c.transversal_competences = reac::ParseTransversalFiches(doc.lines);
  for (Competence& t : c.transversal_competences) t.id = CompetenceId(code + "-" + t.number);
  c.source_format = kSourceFormat;
  c.source_name = std::filesystem::path(file_name).filename().string();
  return out;
}

}  // namespace passerelle
