// Private to the RNCP/RS fiche importer: blocs of the new layout ("N° de
// fiche", "BLOCS DE COMPÉTENCES").
//
// Each bloc is "RNCP35697BC01 - Title" (the title may wrap on the next
// lines; "(Bloc facultatif)" sets optional; hyphen breaks repaired) then a
// two-column table "Liste de compétences<TAB>Modalités d'évaluation". PDF
// extraction interleaves the columns across page breaks, so the reader
// rebuilds them line by line:
//  - a line with a tab is a row: left cell to the competences column,
//    the other cells to the modalities column;
//  - a lone line (no tab) goes to the competences column when it is a
//    bullet (and, if the bloc has a clean list, the bullet's item belongs
//    to it), or when it continues the last, truncated, competence: with a
//    clean list, appending it must extend a match with a clean item word
//    by word; without one, the last competence must end open (function
//    word, comma, glued hyphen). Otherwise it is modalities text.
//  - "Liste de compétences" / "Modalités d'évaluation" headers and table
//    rules ("--<TAB>--") are dropped.
// The competences column is then split into items (importers/list_items.h;
// its preamble is the description) and reconciled with the bloc's clean
// list, i.e. the list under the bloc's title (or "Bloc facultatif <title>")
// in "Compétences attestées :" (a "Bloc 2 :" or code prefix is allowed):
//  - two consecutive items that a " - " inside one competence split are
//    joined when the clean list has them as one item and neither alone;
//  - an item that is a strict word prefix of a clean item is completed
//    from it, unless the rest of the clean item is another item of the
//    table (the clean lists sometimes merge two items);
//  - a table without items takes the clean list.
// Where the table and the clean list disagree otherwise, the table wins:
// its bullets are reliable, the clean list merges items.
// The modalities column is HTML-stripped and collapsed.
#pragma once

#include <string>
#include <vector>

#include "importers/rncp_lines.h"

namespace passerelle::rncp {

std::vector<ParsedBloc> ParseNewLayoutBlocs(const FicheText& fiche);

// The competence items of the table rows in `lines`, given the bloc's
// clean list (may be empty). Exposed for tests of the column rules.
ParsedBloc ReadCompetenceTable(const std::vector<std::string>& lines,
                               const std::vector<std::string>& clean_items);

}  // namespace passerelle::rncp
