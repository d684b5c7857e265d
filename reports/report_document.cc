#include "reports/report_document.h"

#include <vector>

#include "reports/fonts.h"
#include "reports/palette.h"

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

bool DrawClosingNotice(Document& doc, const ReportStyles& st, const std::string& text,
                       bool unless_alone) {
  const std::vector<TextRun> runs = {{text, st.body}};
  const double height = doc.TextHeight(runs, doc.ContentWidth() - 24) + 20;
  if (unless_alone && !doc.AtPageTop() && height + 14 > doc.SpaceLeft()) return false;
  doc.Space(14);
  doc.EnsureSpace(height);
  const Box box{doc.Left(), doc.cursor(), doc.ContentWidth(), height};
  doc.FillStrokeRect(box, Color::Hex(0xF4F4F4), kRule, 0.6);
  doc.SetCursor(box.y + 10);
  ParagraphOptions options;
  options.indent = 12;
  options.width = doc.ContentWidth() - 24;
  options.keep_lines = 99;
  doc.Paragraph(runs, options);
  doc.SetCursor(box.bottom());
  return true;
}

}  // namespace passerelle::reports
