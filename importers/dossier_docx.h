// Paragraph blocks of a Word dossier (.docx): the WordprocessingML main part
// parsed with pugixml (rules in docs/dossiers.md).
#pragma once

#include <string>
#include <vector>

#include "engine/status.h"
#include "importers/dossier_block.h"
#include "importers/zip_archive.h"

namespace passerelle {

// Each non-empty w:p of `main_part` (usually "word/document.xml") in
// document order, table cells and text boxes included, becomes a block: the
// text of its w:t runs, w:tab as '\t', w:br / w:cr as '\n', deleted text of
// tracked changes, field codes, the fallback copy of text boxes, and
// table-of-contents paragraphs left out. A paragraph is a heading when its
// style is one (Heading1.., Titre1.., Title, or a style of word/styles.xml
// named "heading N" / "Title" or with an outline level) or it has its own
// w:outlineLvl below 9. Errors as ReadXmlPart, naming the part; a missing
// main part is InvalidArgument ("document Word incomplet").
Result<std::vector<DossierBlock>> DocxBlocks(const ZipArchive& zip, const std::string& main_part,
                                             const std::string& file_name);

}  // namespace passerelle
