// The common output of the dossier format readers (text, Markdown, PDF,
// DOCX, ODT), before numbering and splitting (importers/dossier_reader.h).
#pragma once

#include <cstdint>
#include <string>

namespace passerelle {

// One paragraph of a dossier as its format delimits it (a blank-line
// separated block, a gap in a PDF, a w:p or text:p). Every block consumes
// one paragraph number. A block opens a heading, carries body text, or both
// (a Markdown block that starts with "# Title" lines); body text without
// any letter or digit ("* * *") yields no passage but keeps its number.
struct DossierBlock {
  std::string heading;  // heading this block opens, "" if none
  std::string text;     // body text (verbatim, trimmed), "" for a heading only
  uint32_t page = 0;    // 1-based page where the block starts, 0 when unknown
};

}  // namespace passerelle
