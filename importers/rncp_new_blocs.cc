#include "importers/rncp_new_blocs.h"

#include <algorithm>
#include <regex>

#include "engine/text.h"
#include "importers/html_remnants.h"
#include "importers/list_items.h"

namespace passerelle::rncp {

namespace {

const std::regex kBlocHeader(R"(^((?:RNCP|RS)\d+BC\d+)\s*(?:-|–|:)?\s*(.*)$)");

bool IsBlocHeader(const std::string& line) { return std::regex_match(Trim(line), kBlocHeader); }

bool IsColumnHeader(const std::string& folded) {
  return folded == "liste de competences" || StartsWith(folded, "modalites d'evaluation");
}

// Rebuilds the two columns of a bloc table, see rncp_new_blocs.h.
class TableReader {
 public:
  explicit TableReader(const std::vector<std::string>& clean) {
    for (const std::string& item : clean) clean_keys_.push_back(ItemKey(item));
  }

  void AddLine(const std::string& line) {
    if (Trim(line).empty() || IsTableRule(line)) return;
    const std::vector<std::string> cells = SplitCells(line);
    if (cells.size() >= 2)
      AddRow(cells);
    else
      AddLoneLine(line);
  }

  ParsedBloc Finish(const std::vector<std::string>& clean) const;

 private:
  void AddRow(const std::vector<std::string>& cells) {
    const std::string left = StripHtmlRemnants(cells[0]);
    if (IsColumnHeader(FoldForMatch(left))) return;  // "Liste de compétences<TAB>Modalités..."
    left_ += "\n" + left;
    for (size_t c = 1; c < cells.size(); ++c) right_.push_back(cells[c]);
  }

  void AddLoneLine(const std::string& line);
  bool ContinuesLastItem(const std::string& text) const;
  bool BulletBelongsToList(const std::string& text) const;
  std::vector<std::string> Items(const std::string& left) const {
    return SplitListItems(SplitLines(left), CompetenceListOptions()).items;
  }

  std::vector<std::string> clean_keys_;
  std::string left_;                // competences column, HTML removed
  std::vector<std::string> right_;  // modalities column, raw
};

void TableReader::AddLoneLine(const std::string& line) {
  const std::string stripped = Trim(StripHtmlRemnants(line));
  std::string first;
  for (const std::string& piece : SplitLines(stripped))
    if (first.empty()) first = Trim(piece);
  if (first.empty() || IsColumnHeader(FoldForMatch(first))) return;
  if (HasBullet(first)) {
    if (BulletBelongsToList(first))
      left_ += "\n" + stripped;
    else
      right_.push_back(line);
  } else if (Items(left_).empty()) {
    left_ += "\n" + stripped;
  } else if (ContinuesLastItem(stripped)) {
    left_ += " " + stripped;  // same line: the item goes on
  } else {
    right_.push_back(line);
  }
}

bool TableReader::ContinuesLastItem(const std::string& text) const {
  const std::vector<std::string> items = Items(left_);
  const std::string last = ItemKey(items.back());
  bool known = false;  // the clean list knows the last item
  for (const std::string& key : clean_keys_) known |= IsWordPrefix(last, key);
  if (!known) {
    // Without a clean list, only an item that cannot end here goes on:
    // the raw end of the column ends with a comma, a glued hyphen or a
    // function word (ContinuesItem against an upper-case start).
    std::string tail;
    for (const std::string& line : SplitLines(left_))
      if (!Trim(line).empty()) tail = line;
    return ContinuesItem(tail, "A");
  }
  // The last item as it would be; `text` may go on with other items.
  const std::vector<std::string> extended = Items(left_ + " " + text);
  if (extended.size() < items.size()) return false;
  const std::string joined = ItemKey(extended[items.size() - 1]);
  if (joined.size() <= last.size()) return false;
  for (const std::string& key : clean_keys_)
    if (IsWordPrefix(joined, key)) return true;
  return false;
}

bool TableReader::BulletBelongsToList(const std::string& text) const {
  if (clean_keys_.empty()) return true;
  const std::vector<std::string> items = Items(text);
  if (items.empty()) return false;
  const std::string item = ItemKey(items.front());
  for (const std::string& key : clean_keys_) {
    if (IsWordPrefix(item, key) || IsWordPrefix(key, item) || key.find(item) != std::string::npos)
      return true;
  }
  return false;
}

// True when `rest` (a match key) is, or starts, another item of `keys`.
bool IsAnotherItem(const std::string& rest, const std::vector<std::string>& keys, size_t self) {
  for (size_t k = 0; k < keys.size(); ++k) {
    if (k == self || keys[k].empty()) continue;
    if (IsWordPrefix(keys[k], rest) || IsWordPrefix(rest, keys[k])) return true;
  }
  return false;
}

// Joins two items that a " - " inside one competence split apart, when the
// clean list has them as one item and neither alone.
void MergeSplitItems(const std::vector<std::string>& clean, std::vector<std::string>* items) {
  std::vector<std::string> keys;
  for (const std::string& item : clean) keys.push_back(ItemKey(item));
  auto known = [&](const std::string& key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
  };
  for (size_t k = 0; k + 1 < items->size(); ++k) {
    const std::string& a = (*items)[k];
    const std::string& b = (*items)[k + 1];
    const std::string joined = a + " - " + b;
    if (known(ItemKey(a)) || known(ItemKey(b)) || !known(ItemKey(joined))) continue;
    (*items)[k] = joined;
    items->erase(items->begin() + static_cast<std::ptrdiff_t>(k) + 1);
  }
}

// Completes the items cut by a page break from the clean list.
void CompleteTruncated(const std::vector<std::string>& clean, std::vector<std::string>* items) {
  std::vector<std::string> keys;
  for (const std::string& item : *items) keys.push_back(ItemKey(item));
  for (size_t k = 0; k < items->size(); ++k) {
    for (const std::string& candidate : clean) {
      const std::string key = ItemKey(candidate);
      if (key.size() <= keys[k].size() || !IsWordPrefix(keys[k], key)) continue;
      const std::string rest = Trim(key.substr(keys[k].size()));
      if (IsAnotherItem(rest, keys, k)) continue;
      (*items)[k] = CleanItem(candidate, true);
      break;
    }
  }
}

ParsedBloc TableReader::Finish(const std::vector<std::string>& clean) const {
  ParsedBloc bloc;
  const ListSplit split = SplitListItems(SplitLines(left_), CompetenceListOptions());
  bloc.description = split.preamble;
  bloc.items = split.items;
  if (bloc.items.empty()) bloc.items = clean;
  MergeSplitItems(clean, &bloc.items);
  CompleteTruncated(clean, &bloc.items);
  bloc.numbers.assign(bloc.items.size(), "");
  bloc.modalities = CollapseSpaces(StripHtmlRemnants(Join(right_, "\n")));
  return bloc;
}

// The bloc title: header text and the lines wrapped after it (up to a
// blank line, a table row or a column header). Sets *body to the first
// line after the title.
std::string ReadTitle(const FicheText& fiche, size_t header, size_t end, size_t* body) {
  std::smatch m;
  const std::string first = Trim(fiche.line(header));
  std::regex_match(first, m, kBlocHeader);
  std::string title = m.str(2);
  size_t i = header + 1;
  if (Trim(title).empty()) {  // "RNCP35697BC01" alone, the title below it
    while (i < end && fiche.blank(i)) ++i;
  }
  for (; i < end && !fiche.blank(i); ++i) {
    const std::string& line = fiche.line(i);
    if (line.find('\t') != std::string::npos || IsColumnHeader(fiche.folded(i))) break;
    title = JoinWrapped(title, line);
  }
  *body = i;
  return CollapseSpaces(title);
}

struct BlocSpan {
  size_t header;
  size_t end;
};

std::vector<BlocSpan> FindBlocSpans(const FicheText& fiche) {
  std::vector<BlocSpan> spans;
  // From the "BLOCS DE COMPÉTENCES" label, or without it from the first
  // bloc header.
  size_t i = 0;
  while (i < fiche.size() && !StartsWith(fiche.folded(i), "blocs de competences") &&
         !IsBlocHeader(fiche.line(i)))
    ++i;
  for (; i < fiche.size() && !EndsBlocSection(fiche.folded(i)); ++i) {
    if (!IsBlocHeader(fiche.line(i))) continue;
    if (!spans.empty()) spans.back().end = i;
    spans.push_back({i, i});
  }
  if (!spans.empty()) spans.back().end = i;
  return spans;
}

// Match key of a clean-list heading: no optional mark, no "Bloc 2 :" or
// "RNCP35697BC02 -" prefix, no final ":".
std::string HeadingKey(const std::string& line, bool* optional) {
  static const std::regex kPrefix(
      R"(^(?:bloc(?: de competences?)?(?: n°)?\s*\d+|(?:rncp|rs)\d+bc\d+)\s*(?::|-)\s*)");
  std::string key = FoldForMatch(StripOptionalMark(line, optional));
  key = std::regex_replace(key, kPrefix, "");
  while (!key.empty() && (key.back() == ':' || key.back() == ' ')) key.pop_back();
  return key;
}

// Finds the bloc a clean-list heading names: same title (match key) and
// same optional mark, or same title only; not yet taken.
size_t BlocOfHeading(const std::string& line, const std::vector<ParsedBloc>& blocs,
                     const std::vector<bool>& taken) {
  bool optional = false;
  const std::string key = HeadingKey(line, &optional);
  size_t loose = kNoLine;
  for (size_t b = 0; b < blocs.size(); ++b) {
    if (taken[b] || FoldForMatch(blocs[b].title) != key) continue;
    if (blocs[b].optional == optional) return b;
    if (loose == kNoLine) loose = b;
  }
  return loose;
}

// The clean competence lists of "Compétences attestées :", per bloc.
std::vector<std::vector<std::string>> CleanLists(const FicheText& fiche,
                                                 const std::vector<ParsedBloc>& blocs) {
  std::vector<std::vector<std::string>> lines(blocs.size());
  std::vector<bool> taken(blocs.size(), false);
  size_t current = kNoLine;
  for (const std::string& line :
       LinesOf(fiche, fiche.SectionAfter(fiche.Find("competences attestees")))) {
    if (Trim(line).empty()) continue;
    const size_t bloc = HasBullet(line) ? kNoLine : BlocOfHeading(line, blocs, taken);
    if (bloc != kNoLine) {
      taken[bloc] = true;
      current = bloc;
    } else if (current != kNoLine) {
      lines[current].push_back(line);
    }
  }
  std::vector<std::vector<std::string>> lists;
  for (const auto& bloc_lines : lines)
    lists.push_back(SplitListItems(bloc_lines, CompetenceListOptions()).items);
  return lists;
}

}  // namespace

ParsedBloc ReadCompetenceTable(const std::vector<std::string>& lines,
                               const std::vector<std::string>& clean_items) {
  TableReader reader(clean_items);
  for (const std::string& line : lines) reader.AddLine(line);
  return reader.Finish(clean_items);
}

std::vector<ParsedBloc> ParseNewLayoutBlocs(const FicheText& fiche) {
  std::vector<ParsedBloc> blocs;
  std::vector<std::pair<size_t, size_t>> bodies;
  for (const BlocSpan& span : FindBlocSpans(fiche)) {
    ParsedBloc bloc;
    std::smatch m;
    const std::string header = Trim(fiche.line(span.header));
    std::regex_match(header, m, kBlocHeader);
    bloc.code = m.str(1);
    size_t body = span.end;
    const std::string title = ReadTitle(fiche, span.header, span.end, &body);
    bloc.title = StripOptionalMark(RepairHyphenBreaks(title), &bloc.optional);
    blocs.push_back(std::move(bloc));
    bodies.push_back({body, span.end});
  }
  const std::vector<std::vector<std::string>> clean = CleanLists(fiche, blocs);
  for (size_t b = 0; b < blocs.size(); ++b) {
    ParsedBloc table = ReadCompetenceTable(LinesOf(fiche, bodies[b]), clean[b]);
    blocs[b].description = table.description;
    blocs[b].modalities = table.modalities;
    blocs[b].items = std::move(table.items);
    blocs[b].numbers = std::move(table.numbers);
  }
  return blocs;
}

}  // namespace passerelle::rncp
