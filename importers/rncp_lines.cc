#include "importers/rncp_lines.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <regex>

#include "engine/text.h"
#include "importers/html_remnants.h"
#include "importers/list_items.h"

namespace passerelle::rncp {

namespace {

struct Label {
  const char* key;  // folded (FoldForMatch) start of the label line
  bool exact;       // the whole line must be the key
};

// Section labels of both layouts, as match keys. A section runs from its
// label to the next one, so this list decides where texts end: a label
// missing here lets the previous section swallow the next one.
const Label kLabels[] = {
    // New layout (France Compétences site since 2019).
    {"active", true},
    {"inactive", true},
    {"n° de fiche", false},
    {"nomenclature du niveau", false},
    {"code(s) nsf", false},
    {"formacode(s)", false},
    {"date d'echeance", false},
    {"certificateur(s)", false},
    {"resume de la certification", false},
    {"objectifs et contexte", false},
    {"activites visees", false},
    {"competences attestees", false},
    {"modalites d'evaluation :", false},
    {"modalites d'evaluation", true},
    {"blocs de competences", true},
    {"description des modalites d'acquisition", false},
    {"secteur d'activite", false},
    {"secteurs d'activite", false},
    {"type d'emplois accessibles", false},
    {"code(s) rome", false},
    {"references juridiques", false},
    {"le cas echeant", false},
    {"pre-requis distincts", false},
    {"validite des composantes", false},
    {"voie d'acces a la certification", false},
    {"liens avec d'autres certifications", false},
    {"base legale", false},
    {"reference au(x) texte(s)", false},
    {"reference des arretes", false},
    {"date de publication de la fiche", false},
    {"pour plus d'informations", false},
    {"statistiques", false},
    {"lien internet", false},
    {"le certificateur n'habilite", false},
    {"certification(s) anterieure(s)", false},
    {"nouvelle(s) certification(s)", false},
    {"referentiel d'activite", false},
    // Old layout ("Résumé descriptif de la certification").
    {"intitule", true},
    {"autorite responsable", false},
    {"niveau et/ou domaine", false},
    {"convention(s)", false},
    {"resume du referentiel", false},
    {"les capacites attestees", false},
    {"codes des fiches rome", false},
    {"reglementation d'activites", false},
    {"modalites d'acces a cette certification", false},
    {"descriptif des composantes", false},
    {"bloc de competence :", false},
    {"bloc de competences :", false},
    {"conditions d'inscription", false},
    {"accords europeens", false},
    {"reference du decret", false},
    {"reference arrete", false},
    {"references autres", false},
    {"autres sources d'information", false},
    {"lieu(x) de certification", false},
    {"lieu(x) de preparation", false},
    {"historique de la certification", false},
};

bool EndsSentence(const std::string& s) {
  if (s.empty()) return true;
  const char c = s.back();
  return c == '.' || c == ':' || c == ';' || c == '!' || c == '?';
}

}  // namespace

ListSplitOptions CompetenceListOptions() {
  ListSplitOptions options;
  options.strip_final_period = true;
  return options;
}

std::string ItemKey(const std::string& item) { return FoldForMatch(CleanItem(item, true)); }

FicheText::FicheText(const std::string& text) {
  std::string flat;
  for (std::string line : SplitLines(text)) {
    for (size_t p = line.find("**"); p != std::string::npos; p = line.find("**", p))
      line.erase(p, 2);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    folded_.push_back(FoldForMatch(Trim(line)));
    flat += line;
    flat += ' ';
    lines_.push_back(std::move(line));
  }
  flat_ = CollapseSpaces(flat);
}

size_t FicheText::Find(std::string_view label, size_t from) const {
  for (size_t i = from; i < size(); ++i)
    if (StartsWith(folded_[i], label)) return i;
  return kNoLine;
}

bool EndsBlocSection(const std::string& folded) {
  static const char* kEnds[] = {"description des modalites d'acquisition",
                                "secteur d'activite et type d'emploi",
                                "secteurs d'activites :",
                                "voies d'acces",
                                "liens avec d'autres certifications",
                                "base legale",
                                "pour plus d'informations",
                                "le cas echeant",
                                "validite des composantes",
                                "voie d'acces a la certification",
                                "conditions d'inscription",
                                "accords europeens",
                                "historique de la certification"};
  for (const char* end : kEnds)
    if (StartsWith(folded, end)) return true;
  return false;
}

bool FicheText::IsSectionLabel(size_t i) const {
  const std::string& key = folded_[i];
  for (const Label& label : kLabels) {
    if (label.exact ? key == label.key : StartsWith(key, label.key)) return true;
  }
  return false;
}

std::pair<size_t, size_t> FicheText::SectionAfter(size_t label_line) const {
  if (label_line == kNoLine) return {kNoLine, kNoLine};
  size_t end = label_line + 1;
  while (end < size() && !IsSectionLabel(end)) ++end;
  return {label_line + 1, end};
}

std::vector<std::string> LinesOf(const FicheText& fiche, std::pair<size_t, size_t> range) {
  std::vector<std::string> out;
  if (range.first == kNoLine) return out;
  for (size_t i = range.first; i < range.second && i < fiche.size(); ++i)
    out.push_back(fiche.line(i));
  return out;
}

std::string JoinWrapped(const std::string& before, const std::string& after) {
  std::string a = Trim(before);
  std::string b = Trim(after);
  if (a.empty()) return b;
  if (b.empty()) return a;
  if (a.size() >= 2 && a.back() == '-' && a[a.size() - 2] != ' ') return a + b;
  return a + " " + b;
}

std::string ParagraphText(const std::vector<std::string>& lines) {
  std::vector<std::string> paragraphs;
  bool open = false;  // the last paragraph may continue on the next line
  for (const std::string& raw : lines) {
    for (const std::string& piece : SplitLines(StripHtmlRemnants(raw))) {
      std::string line = CollapseSpaces(piece);
      if (line.empty()) {
        open = false;
        continue;
      }
      // A lower-case line after a blank line still continues an unfinished
      // sentence: PDF extraction leaves blank lines inside list items.
      const bool unfinished = !paragraphs.empty() && !EndsSentence(paragraphs.back());
      const bool joins = !HasBullet(line) && ((open && (unfinished || StartsWithLowercase(line))) ||
                                              (!open && unfinished && StartsWithLowercase(line)));
      if (joins)
        paragraphs.back() = JoinWrapped(paragraphs.back(), line);
      else
        paragraphs.push_back(line);
      open = true;
    }
  }
  return Join(paragraphs, "\n");
}

std::vector<std::string> SplitCells(const std::string& line) {
  std::vector<std::string> cells;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return cells;
}

bool IsTableRule(const std::string& line) {
  bool dash = false;
  for (char c : line) {
    if (c == '-')
      dash = true;
    else if (c != '\t' && c != ' ')
      return false;
  }
  return dash;
}

bool IsWordPrefix(std::string_view prefix, std::string_view text) {
  if (prefix.empty() || !StartsWith(text, prefix)) return false;
  if (text.size() == prefix.size()) return true;
  const char last = prefix.back();
  if (last == '-' || last == '\'' || last == ' ') return true;
  const char next = text[prefix.size()];
  return next == ' ' || next == ',' || next == ';' || next == '.' || next == ':' || next == ')' ||
         next == '-' || next == '\'';
}

bool SplitLeadingNumber(const std::string& item, std::string* number, std::string* title) {
  static const std::regex kNumber(R"(^((?:C|CP)\s?\d{1,2})\s*(?:[.:)]|-|–)?\s+(.+)$)");
  std::smatch m;
  if (!std::regex_match(item, m, kNumber) || !StartsWithUppercase(m.str(2))) return false;
  *number = m.str(1);
  number->erase(std::remove(number->begin(), number->end(), ' '), number->end());
  *title = m.str(2);
  return true;
}

bool IsAllCaps(std::string_view s) {
  bool letters = false;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    if (u_islower(c)) return false;
    letters = true;
  }
  return letters;
}

std::string StripOptionalMark(const std::string& title, bool* optional) {
  std::string t = Trim(title);
  const std::string key = FoldForMatch(t);
  *optional = false;
  if (StartsWith(key, "bloc facultatif ")) {
    *optional = true;
    return Trim(t.substr(std::string("Bloc facultatif ").size()));
  }
  const size_t open = t.rfind('(');
  if (open != std::string::npos && EndsWith(t, ")") &&
      FoldForMatch(t.substr(open)).find("facultati") != std::string::npos) {
    *optional = true;
    return Trim(t.substr(0, open));
  }
  return t;
}

std::string RepairHyphenBreaks(const std::string& title) {
  std::string out;
  out.reserve(title.size());
  for (size_t i = 0; i < title.size(); ++i) {
    out.push_back(title[i]);
    const bool glued_hyphen = title[i] == '-' && i > 0 && title[i - 1] != ' ';
    if (glued_hyphen) {
      while (i + 1 < title.size() && title[i + 1] == ' ') ++i;
    }
  }
  return out;
}

}  // namespace passerelle::rncp
