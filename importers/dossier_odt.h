// Paragraph blocks of an OpenDocument text dossier (.odt): content.xml
// parsed with pugixml (rules in docs/dossiers.md).
#pragma once

#include <string>
#include <vector>

#include "engine/status.h"
#include "importers/dossier_block.h"
#include "importers/zip_archive.h"

namespace passerelle {

// Each non-empty text:p and text:h of content.xml in document order (lists,
// tables, sections and text frames included) becomes a block. Its text
// follows the ODF white-space rules: runs of spaces, tabs and line ends in
// the XML collapse into one space; text:s gives its text:c spaces,
// text:tab '\t', text:line-break '\n'; text:span and links are followed.
// Notes, comments (office:annotation), tracked deletions and generated
// indexes (table of contents...) are left out. text:h is a heading, and so
// is a text:p whose style (or its automatic style's parent) is Title,
// Subtitle or Heading*. Errors as ReadXmlPart; a missing content.xml is
// InvalidArgument ("document OpenDocument incomplet").
Result<std::vector<DossierBlock>> OdtBlocks(const ZipArchive& zip, const std::string& file_name);

}  // namespace passerelle
