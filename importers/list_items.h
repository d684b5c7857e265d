// Splitting the lists of referentiels (competences, criteria, savoir-faire)
// into items, whatever the layout left by PDF extraction: one item per line,
// items wrapped over several lines, bullets at line starts ("-", "•", "*",
// "o", "1)"), or bullets flattened into one line ("... - item - item").
// The rules are documented in docs/importers.md.
#pragma once

#include <string>
#include <vector>

namespace passerelle {

struct ListSplitOptions {
  // Recognize " - " inside a line as a bullet (flattened lists).
  bool inline_dash_bullets = true;
  // Recognize "1) " / "a) " enumerations inside a line.
  bool inline_enumerations = true;
  // Remove a final "." from items (titles); criteria keep theirs.
  bool strip_final_period = false;
  // Upper-case the first letter of items.
  bool capitalize = false;
};

struct ListSplit {
  // Unbulleted text before the first bullet, when the list has bullets
  // ("Compétences de niveau B1+ du CECRL").
  std::string preamble;
  std::vector<std::string> items;
  // For each item, the enumeration number it carried ("3" for "3) ..."), or
  // empty.
  std::vector<std::string> numbers;
};

ListSplit SplitListItems(const std::vector<std::string>& lines,
                         const ListSplitOptions& options = {});

// True when `next` continues the item that ends with `previous` rather than
// starting a new one (lower-case start, hyphenated break, previous ends with
// a comma or a function word such as "de", "la", "et").
bool ContinuesItem(const std::string& previous, const std::string& next);

// Removes a leading bullet ("-", "•", "*", "o", "–") and the spaces after it.
std::string StripBullet(const std::string& line);
// True when the line starts with a bullet.
bool HasBullet(const std::string& line);

// Final clean-up of an item: collapse spaces, drop trailing ";" "," ":" and
// a dangling "et"/"ou" left by a list ("..., et").
std::string CleanItem(const std::string& item, bool strip_final_period);

}  // namespace passerelle
