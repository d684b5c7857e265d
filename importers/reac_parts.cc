#include "importers/reac_parts.h"

#include <regex>

#include "engine/text.h"
#include "importers/list_items.h"
#include "importers/reac_activities.h"
#include "importers/reac_competences.h"

namespace passerelle::reac {

std::vector<std::string> SplitWords(const std::string& text);

namespace {

// Column labels of a synoptic table, folded.
bool IsTableLabel(const std::string& f) {
  static const char* const kLabels[] = {"n°",
                                        "n° fiche",
                                        "fiche",
                                        "at",
                                        "cp",
                                        "n° fiche at",
                                        "n° fiche cp",
                                        "activites types",
                                        "activite type",
                                        "activites types n°",
                                        "competences professionnelles",
                                        "competence professionnelle"};
  for (const char* label : kLabels)
    if (f == label) return true;
  return false;
}

// The name a CCS heading gives: "Certificat complémentaire de spécialisation
// (CCS) « Accompagner ... »" -> "Accompagner ...". Empty when the heading is
// only a label, or a FICHE heading.
std::string NameOnHeading(const std::vector<Line>& lines, size_t heading, size_t end) {
  const Line& line = lines[heading];
  if (FicheKindOf(line) != FicheKind::kNone) return "";
  // A name wrapped over the next lines: an open guillemet, or a line that
  // continues (ContinuesItem: lower case, a function word at the end), at
  // most two more lines; a row number on the next line does not.
  std::string text = line.text;
  for (size_t i = heading + 1, n = 0; i < end && n < 2 && !lines[i].blank(); ++i, ++n) {
    const bool open_quote =
        text.find("«") != std::string::npos && text.find("»") == std::string::npos;
    if (!open_quote && !ContinuesItem(text, lines[i].text)) break;
    AppendWrapped(text, lines[i].text);
  }
  std::vector<std::string> words;
  for (const std::string& w : SplitWords(text)) words.push_back(w);
  // Leading words that only say "this is a CCS", folded.
  static const std::regex label(
      R"(^(vue|synoptique|du|de|la|des|certificats?|complementaires?|specialisation|\(?ccs\)?)$)");
  // After "spécialisation" or "CCS", only numbers and separators: the
  // name may start with "De la ...".
  static const std::regex after(R"(^(\(?ccs\)?|n°|n°\d+|n|°|\d+|\d+\s*:|-|–|:)$)");
  size_t k = 0;
  bool named = false;  // "spécialisation" or "CCS" seen
  while (k < words.size()) {
    const std::string f = FoldForMatch(words[k]);
    if (!named && std::regex_match(f, label)) {
      named = f == "specialisation" || f.find("ccs") != std::string::npos;
    } else if (!(named && std::regex_match(f, after))) {
      break;
    }
    ++k;
  }
  std::string rest;
  for (size_t i = k; i < words.size(); ++i) rest += (rest.empty() ? "" : " ") + words[i];
  for (const char* quote : {"«", "»", "\"", "“", "”"}) {
    size_t at;
    while ((at = rest.find(quote)) != std::string::npos) rest.erase(at, std::string(quote).size());
  }
  return CleanItem(CollapseSpaces(rest), false);
}

// The paragraph after a CCS heading at `at` when it reads as the CCS's name
// (a cover page: the heading, then the name), not as table labels or rows.
std::string NameAfterHeading(const std::vector<Line>& lines, size_t at, size_t end) {
  size_t i = at + 1;
  while (i < end && lines[i].blank()) ++i;
  std::string name;
  for (int n = 0; i < end && n < 3 && !lines[i].blank(); ++i, ++n) {
    const Line& line = lines[i];
    if (IsTableLabel(line.folded) || EndsFiche(line) ||
        std::isdigit(static_cast<unsigned char>(line.text[0])))
      return "";
    AppendWrapped(name, line.text);
  }
  return CleanItem(name, false);
}

// End of the REAC's own parts: the glossary or the RE after `from`.
size_t PartsEnd(const std::vector<Line>& lines, size_t from) {
  for (size_t i = from; i < lines.size(); ++i) {
    const std::string& f = lines[i].folded;
    if (StartsWith(f, "glossaire") || StartsWith(f, "referentiel d'evaluation") ||
        StartsWith(f, "referentiel de certification") || StartsWith(f, "bibliographie"))
      return i;
  }
  return lines.size();
}

// Where a part found by a numbering restart at heading `heading` begins: the
// last activity fiche or synoptic table after `previous` (the heading of the
// last compétence fiche of the part before), else the heading itself.
size_t RestartBegin(const std::vector<Line>& lines, size_t previous, size_t heading) {
  for (size_t i = heading; i-- > previous + 1;)
    if (FicheKindOf(lines[i]) == FicheKind::kActivite ||
        StartsWith(lines[i].folded, "vue synoptique"))
      return i;
  return heading;
}

// True when fiches[k] has the number and the title of one of fiches[from,
// k).
bool RepeatsFiche(const std::vector<Line>& lines, const std::vector<FicheSection>& fiches, size_t k,
                  size_t from) {
  const std::string title = ParseCompetenceFiche(lines, fiches[k]).title;
  for (size_t j = from; j < k; ++j)
    if (fiches[j].number == fiches[k].number &&
        SameTitle(ParseCompetenceFiche(lines, fiches[j]).title, title))
      return true;
  return false;
}

}  // namespace

std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> out;
  for (size_t b = 0; b < text.size();) {
    while (b < text.size() && text[b] == ' ') ++b;
    size_t e = text.find(' ', b);
    if (e == std::string::npos) e = text.size();
    if (e > b) out.push_back(text.substr(b, e - b));
    b = e;
  }
  return out;
}

std::vector<Line> Slice(const std::vector<Line>& lines, size_t begin, size_t end) {
  return std::vector<Line>(lines.begin() + static_cast<long>(begin),
                           lines.begin() + static_cast<long>(std::min(end, lines.size())));
}

std::vector<Part> SplitParts(const std::vector<Line>& lines) {
  std::vector<Part> parts(1);
  parts[0].end = lines.size();
  std::vector<FicheSection> fiches;
  for (const FicheSection& f : FindAllFiches(lines, FicheKind::kCompetence))
    if (f.number > 0 && ContentLines(lines, f) > 0) fiches.push_back(f);
  if (fiches.empty()) return parts;
  // The heading line of each fiche (the number may be on the line after it).
  auto heading_of = [&](const FicheSection& f) {
    size_t h = f.begin - 1;
    while (h > 0 && FicheKindOf(lines[h]) != FicheKind::kCompetence) --h;
    return h;
  };
  const size_t first = heading_of(fiches[0]);
  const size_t stop = PartsEnd(lines, first);
  size_t next_fiche = 0, part_first_fiche = 0;
  int fiches_in_part = 0, last_number = 0;
  size_t last_heading = first;
  auto start_part = [&](size_t at, const std::string& title) {
    parts.back().end = at;
    Part p;
    p.ccs = static_cast<int>(parts.size());
    p.begin = at;
    p.title = title;
    parts.push_back(p);
    fiches_in_part = 0;
    last_number = 0;
  };
  for (size_t i = first; i < stop; ++i) {
    const Line& line = lines[i];
    const bool is_fiche = next_fiche < fiches.size() && heading_of(fiches[next_fiche]) == i;
    if (IsCcsHeading(line)) {
      std::string name = NameOnHeading(lines, i, stop);
      // After a FICHE heading comes the fiche's own title, not the CCS's.
      if (name.empty() && FicheKindOf(line) == FicheKind::kNone)
        name = NameAfterHeading(lines, i, stop);
      // "FICHE COMPÉTENCE PROFESSIONNELLE DU CCS N° 2" goes on with its
      // CCS; a new CCS shows by its numbering starting again.
      const bool cp_heading = FicheKindOf(line) == FicheKind::kCompetence;
      if (fiches_in_part > 0 && (!cp_heading || parts.back().ccs == 0)) {
        // A compétence fiche that names its CCS: the CCS starts at its
        // activity fiche or synoptic table just before, if any.
        start_part(cp_heading ? RestartBegin(lines, last_heading, i) : i, name);
      } else if (parts.back().ccs > 0 && parts.back().title.empty()) {
        parts.back().title = name;
      }
    }
    if (!is_fiche) continue;
    const int number = fiches[next_fiche].number;
    // Numbering starting again starts a CCS, unless the fiche repeats one
    // of this part (same number, same title: a heading printed twice).
    if (fiches_in_part > 0 && number < last_number &&
        !RepeatsFiche(lines, fiches, next_fiche, part_first_fiche))
      start_part(RestartBegin(lines, last_heading, i), "");
    if (fiches_in_part == 0) part_first_fiche = next_fiche;
    ++fiches_in_part;
    last_number = number;
    last_heading = i;
    ++next_fiche;
  }
  if (parts.size() > 1) parts.back().end = stop;
  return parts;
}

}  // namespace passerelle::reac
