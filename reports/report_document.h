// What every Passerelle report starts with: the document opened with its
// fonts and metadata, and the title block of its cover page.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "engine/status.h"
#include "reports/pdf_document.h"
#include "reports/report_styles.h"

namespace passerelle::reports {

// Locates the fonts (`font_path` overrides, see LocateFonts), creates the
// document and sets `info`. Errors are prefixed with "rapport : ".
Result<std::unique_ptr<Document>> OpenReportDocument(const std::string& font_path,
                                                     const DocumentInfo& info);

struct CoverTitle {
  std::string_view kicker;    // small line at the top ("Passerelle · …")
  double space_before = 40;   // between the kicker and the title
  std::string_view title;
  std::string_view subtitle;  // already typeset (FrenchTypography)
  double space_after = 22;    // below the subtitle
};

void DrawCoverTitle(Document& doc, const ReportStyles& st, const CoverTitle& cover);

// The notice that ends a report: `text` (already typeset) in a grey box,
// kept whole on one page. With `unless_alone`, nothing is drawn when the
// box would start a page of its own: the reports also print it on their
// cover, so a last page holding only the notice says nothing new. Returns
// whether it was drawn.
bool DrawClosingNotice(Document& doc, const ReportStyles& st, const std::string& text,
                       bool unless_alone = false);

}  // namespace passerelle::reports
