// Private to the RNCP/RS fiche importer (importers/rncp_text.h): the fiche
// as lines with their match keys, the section labels of both layouts, and
// small text helpers shared by rncp_fields, rncp_old_blocs and
// rncp_new_blocs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "importers/list_items.h"

namespace passerelle::rncp {

inline constexpr size_t kNoLine = static_cast<size_t>(-1);

// A bloc as read from a fiche, before its competences get identifiers.
struct ParsedBloc {
  std::string code;  // "RNCP35697BC01"
  std::string title;
  std::string unit;  // "U31"
  bool optional = false;
  std::string description;
  std::string modalities;
  std::vector<std::string> items;    // competence titles, in order
  std::vector<std::string> numbers;  // official numbers ("C4" or ""), parallel to items
};

// Options for competence titles: same rule in every layout (trailing ";",
// ",", ":" and "." dropped, see CleanItem).
ListSplitOptions CompetenceListOptions();

// The key used to compare competence titles of two sources:
// FoldForMatch of the title cleaned like a competence.
std::string ItemKey(const std::string& item);

// The text of a fiche split into lines. Markdown bold markers ("**") are
// removed and trailing spaces dropped; leading tabs are kept because they
// place a cell in its table column.
class FicheText {
 public:
  explicit FicheText(const std::string& text);

  size_t size() const { return lines_.size(); }
  const std::string& line(size_t i) const { return lines_[i]; }
  // FoldForMatch of the trimmed line.
  const std::string& folded(size_t i) const { return folded_[i]; }
  bool blank(size_t i) const { return folded_[i].empty(); }
  // All lines joined by single spaces (for phrases wrapped over lines).
  const std::string& flat() const { return flat_; }

  // First line at or after `from` whose key starts with `label` (a folded
  // key, see FoldForMatch), or kNoLine.
  size_t Find(std::string_view label, size_t from = 0) const;
  // True when line `i` is a section label of either layout ("Activités
  // visées :", "Code(s) NSF :", "BLOCS DE COMPÉTENCES", ...).
  bool IsSectionLabel(size_t i) const;
  // The lines after the label at `label_line` up to the next section label
  // (excluded), as [begin, end) indexes. {kNoLine, kNoLine} when
  // `label_line` is kNoLine.
  std::pair<size_t, size_t> SectionAfter(size_t label_line) const;

 private:
  std::vector<std::string> lines_;
  std::vector<std::string> folded_;
  std::string flat_;
};

// True when a line (match key) ends the blocs of either layout: the
// labels that follow them ("Validité des composantes acquises",
// "Description des modalités d'acquisition...", "Base légale", ...). Kept
// narrower than the section labels because competences are free text.
bool EndsBlocSection(const std::string& folded);

// The lines [begin, end) of `fiche`, as they are.
std::vector<std::string> LinesOf(const FicheText& fiche, std::pair<size_t, size_t> range);

// Joins a line wrapped by the PDF to the text before it: no space after a
// hyphen glued to its word ("Santé-" + "Environnement"), one space
// otherwise.
std::string JoinWrapped(const std::string& before, const std::string& after);

// Readable text of a section: HTML remnants removed, lines wrapped inside a
// sentence joined, one paragraph or bullet per line, blank lines dropped.
std::string ParagraphText(const std::vector<std::string>& lines);

// Cells of a table row separated by tabs (not trimmed).
std::vector<std::string> SplitCells(const std::string& line);

// True when the line holds only table rules ("--\t---").
bool IsTableRule(const std::string& line);

// True when `prefix` is `text` or begins it and ends on a word boundary of
// `text`. Both are match keys (FoldForMatch).
bool IsWordPrefix(std::string_view prefix, std::string_view text);

// Splits an official number written before an item: "C4. Title",
// "C4 : Title", "CP4) Title", "C4 Title" -> ("C4", "Title"). False (and
// nothing set) when the item has none or the rest is not a capitalized text.
bool SplitLeadingNumber(const std::string& item, std::string* number, std::string* title);

// True when `s` has letters and none of them is lower case ("BAC PRO").
bool IsAllCaps(std::string_view s);

// "(Bloc facultatif)" or "Bloc facultatif " removed from a bloc title;
// `optional` is set when it was there.
std::string StripOptionalMark(const std::string& title, bool* optional);

// Repairs a hyphen followed by a space between two words, left by a line
// break in the PDF: "Prévention-santé- environnement" ->
// "Prévention-santé-environnement". Spaced dashes (" - ", " – ") are kept.
std::string RepairHyphenBreaks(const std::string& title);

}  // namespace passerelle::rncp
