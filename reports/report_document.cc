#include "reports/report_document.h"

#include "reports/fonts.h"

namespace passerelle::reports {

Result<std::unique_ptr<Document>> OpenReportDocument(const std::string& font_path,
                                                     const DocumentInfo& info) {
  Result<FontFiles> fonts = LocateFonts(font_path);
  if (!fonts.ok()) return fonts.status().WithContext("rapport : ");
  Result<std::unique_ptr<Document>> created = Document::Create(*fonts);
  if (!created.ok()) return created.status().WithContext("rapport : ");
  Status s = (*created)->SetInfo(info);
  if (!s.ok()) return s;
  return created;
}

void DrawCoverTitle(Document& doc, const ReportStyles& st, const CoverTitle& cover) {
  doc.Paragraph(cover.kicker, st.small);
  doc.Space(cover.space_before);
  ParagraphOptions title;
  title.space_after = 6;
  doc.Paragraph(cover.title, st.title, title);
  ParagraphOptions subtitle;
  subtitle.space_after = cover.space_after;
  doc.Paragraph(cover.subtitle, st.subtitle, subtitle);
}

}  // namespace passerelle::reports
