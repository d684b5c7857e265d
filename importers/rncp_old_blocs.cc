#include "importers/rncp_old_blocs.h"

#include <algorithm>
#include <cstdio>
#include <regex>

#include "engine/text.h"
#include "importers/html_remnants.h"
#include "importers/list_items.h"

namespace passerelle::rncp {

namespace {

struct Header {
  int number = -1;
  std::string title;
  std::string unit;
};

// Left cell of a line, HTML removed, spaces collapsed.
std::string LeftCell(const std::string& line) {
  return CollapseSpaces(StripHtmlRemnants(SplitCells(line)[0]));
}

// Right cells of a line (after the first tab), or empty.
std::string RightCells(const std::string& line) {
  const size_t tab = line.find('\t');
  return tab == std::string::npos ? "" : line.substr(tab + 1);
}

// Bloc number of a header line, or -1.
int HeaderNumber(const std::string& line) {
  static const std::regex kHeader(R"(^bloc de competences? n\s*°\s*(\d+))");
  std::smatch m;
  const std::string key = FoldForMatch(LeftCell(line));
  if (!std::regex_search(key, m, kHeader)) return -1;
  return std::stoi(m.str(1));
}

Header ParseHeader(const std::string& text) {
  static const std::regex kHeader(
      R"(^.*?n\s*°\s*(\d+)(?:\s*de\s+la\s+fiche\s*n\s*°\s*(?:RNCP|RS)?\s*\d+)?\s*(?:-|–|:)?\s*(.*)$)");
  static const std::regex kUnit(
      R"(^((?:U[A-Z]?|EP|EG)\s?\d{1,3}[A-Za-z]?)\s*(?:(?::|-|–)\s*(.*))?$)");
  Header header;
  std::smatch m;
  if (!std::regex_match(text, m, kHeader)) return header;
  header.number = std::stoi(m.str(1));
  header.title = Trim(m.str(2));
  const std::string title = header.title;
  if (std::regex_match(title, m, kUnit)) {
    header.unit = m.str(1);
    header.unit.erase(std::remove(header.unit.begin(), header.unit.end(), ' '), header.unit.end());
    header.title = Trim(m.str(2));
  }
  return header;
}

bool IsPageHeader(const std::string& folded) {
  return StartsWith(folded, "intitule") && folded.find("descriptif") != std::string::npos;
}

bool IsModalitiesLabel(const std::string& folded) {
  return StartsWith(folded, "modalites d'evaluation") ||
         StartsWith(folded, "modalite d'evaluation") ||
         StartsWith(folded, "modalites de l'evaluation");
}

// Text after a "Label :" prefix, when `line` starts with it.
std::string AfterLabel(const std::string& line) {
  const size_t colon = line.find(':');
  return colon == std::string::npos ? "" : Trim(line.substr(colon + 1));
}

// The official number of `item`: a capacité with the same title, or the
// enumeration number it carried.
std::string NumberOf(const std::string& item, const std::string& enumeration,
                     const std::vector<Capacity>& capacities) {
  const std::string key = ItemKey(item);
  for (const Capacity& c : capacities) {
    const std::string other = ItemKey(c.title);
    if (IsWordPrefix(key, other) || IsWordPrefix(other, key)) return c.number;
  }
  return enumeration.empty() ? "" : "C" + enumeration;
}

void ReadBody(const std::vector<std::string>& body, const std::vector<Capacity>& capacities,
              ParsedBloc* bloc) {
  std::vector<std::string> list;
  std::vector<std::string> modalities;
  for (const std::string& piece : SplitLines(StripHtmlRemnants(Join(body, "\n")))) {
    const std::string line = Trim(piece);
    const std::string key = FoldForMatch(line);
    if (line.empty() || IsPageHeader(key)) continue;
    if (modalities.empty() && IsModalitiesLabel(key)) {
      modalities.push_back(AfterLabel(line));
    } else if (!modalities.empty()) {
      modalities.push_back(line);
    } else {
      list.push_back(list.empty() && StartsWith(key, "descriptif") ? AfterLabel(line) : line);
    }
  }
  const ListSplit split = SplitListItems(list, CompetenceListOptions());
  bloc->description = split.preamble;
  bloc->modalities = CollapseSpaces(Join(modalities, " "));
  for (size_t k = 0; k < split.items.size(); ++k) {
    bloc->items.push_back(split.items[k]);
    bloc->numbers.push_back(NumberOf(split.items[k], split.numbers[k], capacities));
  }
}

std::string BlocCode(const std::string& fiche_id, int number) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%02d", number);
  return fiche_id + "BC" + digits;
}

bool HasTitle(const std::string& header_text) { return !ParseHeader(header_text).title.empty(); }

// Reads the bloc starting at line `i`; returns the line after it.
size_t ReadBloc(const FicheText& fiche, size_t i, const std::string& fiche_id,
                const std::vector<Capacity>& capacities, ParsedBloc* bloc) {
  std::string header_text = LeftCell(fiche.line(i));
  std::vector<std::string> body = {RightCells(fiche.line(i))};
  size_t j = i + 1;
  for (; j < fiche.size() && !fiche.blank(j) && HeaderNumber(fiche.line(j)) < 0; ++j) {
    const std::string next = LeftCell(fiche.line(j));
    if (HasTitle(header_text) && !ContinuesItem(header_text, next)) break;
    header_text = JoinWrapped(header_text, next);
    body.push_back(RightCells(fiche.line(j)));
  }
  for (; j < fiche.size() && HeaderNumber(fiche.line(j)) < 0 && !EndsBlocSection(fiche.folded(j));
       ++j)
    body.push_back(fiche.line(j));
  const Header header = ParseHeader(header_text);
  bloc->code = BlocCode(fiche_id, header.number);
  bloc->unit = header.unit;
  bloc->title = StripOptionalMark(RepairHyphenBreaks(header.title), &bloc->optional);
  ReadBody(body, capacities, bloc);
  return j;
}

}  // namespace

std::vector<Capacity> ParseCapacities(const std::vector<std::string>& lines) {
  // "C4 Title", "C4. Title", "CP4 : Title"; a bare number needs its
  // separator ("4. Title", "4 : Title") not to take "3 années" for one.
  static const std::regex kBare(R"(^(\d{1,2})\s*(?:[.:)]|-|–)\s+(.+)$)");
  std::vector<Capacity> out;
  for (const std::string& raw : lines) {
    const std::string line = StripBullet(CollapseSpaces(StripHtmlRemnants(raw)));
    Capacity capacity;
    std::smatch m;
    if (SplitLeadingNumber(line, &capacity.number, &capacity.title)) {
      out.push_back(std::move(capacity));
    } else if (std::regex_match(line, m, kBare)) {
      out.push_back({m.str(1), m.str(2)});
    } else if (!out.empty() && !line.empty() && ContinuesItem(out.back().title, line)) {
      out.back().title = JoinWrapped(out.back().title, line);
    }
  }
  for (Capacity& c : out) c.title = CleanItem(c.title, true);
  return out;
}

std::vector<ParsedBloc> ParseOldLayoutBlocs(const FicheText& fiche, const std::string& fiche_id,
                                            const std::vector<Capacity>& capacities) {
  std::vector<ParsedBloc> blocs;
  for (size_t i = 0; i < fiche.size();) {
    if (HeaderNumber(fiche.line(i)) < 0) {
      ++i;
      continue;
    }
    ParsedBloc bloc;
    i = ReadBloc(fiche, i, fiche_id, capacities, &bloc);
    // A bloc listed twice (a summary, then the details): keep the fuller.
    auto same = std::find_if(blocs.begin(), blocs.end(),
                             [&](const ParsedBloc& b) { return b.code == bloc.code; });
    if (same == blocs.end())
      blocs.push_back(std::move(bloc));
    else if (bloc.items.size() > same->items.size())
      *same = std::move(bloc);
  }
  return blocs;
}

}  // namespace passerelle::rncp
