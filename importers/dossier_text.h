// Paragraph blocks of plain-text and Markdown dossiers, and the heading and
// sentence-end tests the PDF reader shares (rules in docs/dossiers.md).
#pragma once

#include <string>
#include <vector>

#include "importers/dossier_block.h"

namespace passerelle {

// Splits decoded, cleaned UTF-8 `text` into its blank-line separated blocks
// (a blank line holds only white space). Every block becomes one
// DossierBlock, in order: block k of the file is paragraph k. Inner lines
// are trimmed and joined with one space.
// Plain text: a block that LooksLikeHeading() and is not the last one is a
// heading. Markdown: "#".."######" lines at the start of a block and
// setext headings (a line underlined with "===" or "---") are headings; the
// rest of the block is its body text.
std::vector<DossierBlock> TextBlocks(const std::string& text, bool markdown);

// The lines of each blank-line separated block of `text`, trimmed.
std::vector<std::vector<std::string>> BlankLineGroups(const std::string& text);

// True when a one-line paragraph reads as a heading of a plain-text or PDF
// dossier ("Expérience 2 : régleur chez X (2015-2020)"): at most 100
// characters with a letter, no final punctuation (. ! ? … ; , : or a closing
// quote), not starting with a lower-case letter, a bullet, or a first-person
// subject ("je", "j'", "nous", "on"): candidates often forget the final
// period of a real sentence, and their sentences start with "je".
bool LooksLikeHeading(const std::string& line);

// True when `text` ends a sentence: its last character, before any closing
// quotes or brackets, is one of . ! ? … : ;
bool EndsLikeSentence(const std::string& text);

}  // namespace passerelle
