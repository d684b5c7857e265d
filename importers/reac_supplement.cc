#include "importers/reac_supplement.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>

#include "engine/text.h"
#include "importers/list_items.h"
#include "importers/reac_activities.h"
#include "importers/reac_evaluation.h"
#include "importers/reac_lines.h"
#include "importers/reac_text.h"

namespace passerelle {

namespace {

using reac::Line;

std::string TpCode(const std::string& text, const reac::PageHeaderInfo& header) {
  if (!header.code.empty()) return header.code;
  static const std::regex re(R"(TP\s?(?:-|‑|–)\s?(\d{5}))");
  std::map<std::string, int> counts;
  std::string best;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it) {
    const std::string code = "TP-" + (*it)[1].str();
    if (best.empty() || ++counts[code] > counts[best]) best = code;
  }
  return best;
}

// Headings of a criteria table: the column titles "Compétences
// professionnelles  Critères d'évaluation" (repeated on each page).
bool IsCriteriaTableHeading(const std::string& f) {
  return (StartsWith(f, "competences professionnelles") || StartsWith(f, "competences ")) &&
         f.find("criteres d'evaluation") != std::string::npos;
}

// Column titles of the modalities of a criteria table ("Mise en",
// "situation", "professionnelle", "Entretien technique", ...).
bool IsModalityLabel(const std::string& f) {
  static const char* const kLabels[] = {"mise en",
                                        "situation",
                                        "professionnelle",
                                        "mise en situation",
                                        "mise en situation professionnelle",
                                        "entretien technique",
                                        "questionnaire",
                                        "professionnel",
                                        "questionnaire professionnel",
                                        "questionnement a",
                                        "partir de",
                                        "production(s)",
                                        "questionnement a partir de production(s)",
                                        "autres modalites d'evaluation",
                                        "entretien",
                                        "technique",
                                        "x"};
  for (const char* label : kLabels)
    if (f == label) return true;
  return false;
}

// Ends a criteria table: the next numbered part ("3.3. ...", "4. ..."), a
// CCP section, the jury's conditions, an annex.
bool EndsCriteria(const Line& line) {
  static const std::regex numbered(R"(^\d+(\.\d+)*\.\s+\S)");
  const std::string& f = line.folded;
  return std::regex_search(f, numbered) || StartsWith(f, "ccp") || StartsWith(f, "ccs") ||
         StartsWith(f, "conditions de") || StartsWith(f, "annexe") ||
         StartsWith(f, "modalites d'evaluation des competences et organisation");
}

// A paragraph of the table: its lines joined, and whether it reads as
// criteria (sentences ending with a period) or as a title.
struct Paragraph {
  std::vector<std::string> lines;
  bool Criteria() const { return !lines.empty() && EndsWith(Trim(lines.back()), "."); }
};

// Criteria sentences of a paragraph: a line ending with a period ends one.
std::vector<std::string> Sentences(const Paragraph& p) {
  std::vector<std::string> out;
  std::string current;
  for (const std::string& line : p.lines) {
    reac::AppendWrapped(current, StripBullet(line));
    if (EndsWith(Trim(line), ".")) {
      out.push_back(CollapseSpaces(current));
      current.clear();
    }
  }
  if (!Trim(current).empty()) out.push_back(CollapseSpaces(current));
  return out;
}

// The competences of every criteria table: a title paragraph (the last one
// before criteria; earlier ones name the activité type) then its criteria,
// which may run over several paragraphs.
std::vector<Competence> ParseCriteriaTables(const std::vector<Line>& lines) {
  std::vector<Competence> out;
  bool in_table = false;
  std::vector<Paragraph> paragraphs;
  auto flush = [&]() {
    std::string title;
    bool title_open = false;  // a title seen, its criteria not yet
    for (const Paragraph& p : paragraphs) {
      if (!p.Criteria()) {
        title.clear();
        for (const std::string& l : p.lines) reac::AppendWrapped(title, l);
        title_open = true;
        continue;
      }
      if (title_open) {
        Competence c;
        c.title = CleanItem(title, false);
        out.push_back(std::move(c));
        title_open = false;
      }
      if (out.empty()) continue;
      for (std::string& s : Sentences(p)) out.back().criteria.push_back(std::move(s));
    }
    paragraphs.clear();
  };
  for (const Line& line : lines) {
    if (IsCriteriaTableHeading(line.folded)) {
      in_table = true;
      paragraphs.emplace_back();
      continue;
    }
    if (!in_table) continue;
    if (EndsCriteria(line)) {
      flush();
      in_table = false;
      continue;
    }
    if (line.blank() || line.page_start) paragraphs.emplace_back();
    if (line.blank() || IsModalityLabel(line.folded)) continue;
    if (paragraphs.empty()) paragraphs.emplace_back();
    paragraphs.back().lines.push_back(line.text);
  }
  flush();
  std::vector<Competence> kept;
  for (Competence& c : out)
    if (!c.title.empty() && !c.criteria.empty()) kept.push_back(std::move(c));
  return kept;
}

std::string Quoted(const std::string& s) { return "« " + s + " »"; }

}  // namespace

std::string ReacSupplementKind(const std::string& text) {
  // A REAC has compétence fiches (headings at a line start); an RE may
  // name them in its prose.
  for (const std::string& line : SplitLines(text)) {
    const std::string h = FoldForMatch(Trim(line));
    if (StartsWith(h, "fiche competence professionnelle") ||
        StartsWith(h, "fiche de competence professionnelle"))
      return "";
  }
  const std::string f = FoldForMatch(text);
  static const std::regex tp(R"(TP\s?(?:-|‑|–)\s?\d{5})");
  if (!std::regex_search(text, tp)) return "";
  if (f.find("referentiel de certification") != std::string::npos) return "rc";
  if (f.find("referentiel d'evaluation") != std::string::npos) return "re";
  return "";
}

Result<Certification> ParseReacSupplement(const std::string& text, const std::string& file_name) {
  const std::string kind = ReacSupplementKind(text);
  const reac::CleanDocument doc = reac::CleanLines(text);
  const std::string code = TpCode(text, doc.header);
  if (code.empty())
    return Status::InvalidArgument("fichier " + file_name +
                                   " : aucun code de titre professionnel (« TP- » suivi de cinq "
                                   "chiffres) n'a été trouvé");
  Certification c;
  c.id = CertificationId(code);
  c.kind = CertificationKind::kTp;
  ParseReacReferences(text, &c);
  int k = 0;
  for (const reac::CcpEvaluation& e : reac::ParseCcpEvaluations(doc.lines)) {
    Bloc b;
    b.id = BlocId(code + "-E" + std::to_string(++k));
    b.title = e.title;
    b.modalities = e.modalities;
    b.durations = e.durations;
    c.blocs.push_back(std::move(b));
  }
  k = 0;
  for (Competence& comp : ParseCriteriaTables(doc.lines)) {
    comp.id = CompetenceId(code + "-E" + std::to_string(++k));
    c.competences.push_back(std::move(comp));
  }
  if (c.blocs.empty() && c.competences.empty())
    return Status::InvalidArgument(
        "fichier " + file_name + " : " +
        (kind == "rc" ? "référentiel de certification" : "référentiel d'évaluation") +
        " du titre " + code +
        " sans section « CCP » de modalités d'évaluation ni tableau « Compétences "
        "professionnelles / Critères d'évaluation »");
  c.source_format = (kind == "rc" ? "rc-text" : "re-text");
  c.source_name = std::filesystem::path(file_name).filename().string();
  return c;
}

bool IsReacSupplement(const Certification& c) {
  return StartsWith(c.source_format, "re-text") || StartsWith(c.source_format, "rc-text");
}

namespace {

// The references the REAC lacks: sigle, level, codes (or their labels),
// dates (the RE's first, as in a REAC followed by its RE).
void MergeReferences(const Certification& supplement, Certification& titre) {
  if (titre.abbreviation.empty()) titre.abbreviation = supplement.abbreviation;
  if (titre.level == 0) titre.level = supplement.level;
  for (const Code& code : supplement.codes) {
    auto same = std::find_if(titre.codes.begin(), titre.codes.end(), [&](const Code& c) {
      return c.type == code.type && c.value == code.value;
    });
    if (same == titre.codes.end())
      titre.codes.push_back(code);
    else if (same->label.empty())
      same->label = code.label;
  }
  std::stable_sort(titre.codes.begin(), titre.codes.end(),
                   [](const Code& a, const Code& b) { return a.type < b.type; });
  std::vector<DatedEvent> dates;
  for (const DatedEvent& d : supplement.dates)
    if (std::none_of(titre.dates.begin(), titre.dates.end(),
                     [&](const DatedEvent& t) { return t.type == d.type; }))
      dates.push_back(d);
  dates.insert(dates.end(), titre.dates.begin(), titre.dates.end());
  titre.dates = std::move(dates);
}

}  // namespace

void MergeReacSupplement(const Certification& supplement, Certification& titre,
                         std::vector<std::string>* notes) {
  MergeReferences(supplement, titre);
  std::vector<std::string> bloc_titles;
  for (const Bloc& b : titre.blocs) bloc_titles.push_back(b.title);
  for (const Bloc& e : supplement.blocs) {
    const int k = reac::MatchTitle(e.title, bloc_titles);
    if (k < 0) {
      notes->push_back(supplement.source_name + " : la section " + Quoted(e.title) +
                       " ne correspond à aucun bloc de " + titre.id.value + " ; ignorée");
      continue;
    }
    Bloc& b = titre.blocs[static_cast<size_t>(k)];
    b.modalities = e.modalities;
    b.durations = e.durations;
  }
  std::vector<std::string> titles;
  for (const Competence& c : titre.competences) titles.push_back(c.title);
  for (const Competence& e : supplement.competences) {
    const int k = reac::MatchTitle(e.title, titles);
    if (k < 0) {
      notes->push_back(supplement.source_name + " : la compétence " + Quoted(e.title) +
                       " ne correspond à aucune compétence de " + titre.id.value + " ; ignorée");
      continue;
    }
    Competence& c = titre.competences[static_cast<size_t>(k)];
    if (c.criteria.empty()) c.criteria = e.criteria;
  }
}

}  // namespace passerelle
