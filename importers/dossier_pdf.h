// Paragraph blocks of a PDF dossier (rules in docs/dossiers.md).
#pragma once

#include <string>
#include <vector>

#include "engine/status.h"
#include "importers/dossier_block.h"

namespace passerelle {

// Reads the text with ExtractPdfPages (so its errors come first: damaged,
// password-protected, no text) and rebuilds paragraphs from the positions of
// the words (poppler text boxes):
// - words on the same baseline form a line; lines are in reading order;
// - a new paragraph starts at a vertical gap clearly larger than the usual
//   gap between lines of the page (20th percentile + 0.4 line height), when
//   the text goes back up (next column, frame), or after a line that ends a
//   sentence well before the right margin (paragraphs without spacing);
// - page numbers ("3", "- 3 -", "Page 3 sur 12", "3/12", "iv") in the first or
//   last line of a page, and first or last lines repeated (digits aside) on
//   at least half the pages of a document of 3 pages or more (running
//   headers and footers), are dropped;
// - a paragraph cut by a page break (its page ends without final
//   punctuation and the next page starts with a lower-case letter) is
//   joined; it keeps the page where it starts;
// - a one-line paragraph that LooksLikeHeading() is a heading.
// Lines of a paragraph are joined with one space, or with none after a
// hyphen that ends a line before a lower-case letter ("porte-" + "outils"
// gives "porte-outils"; Word does not hyphenate by default, so such a
// hyphen is the candidate's own).
Result<std::vector<DossierBlock>> PdfBlocks(const std::string& bytes, const std::string& file_name);

}  // namespace passerelle
