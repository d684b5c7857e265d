// The layout toolkit's document: A4 pages with margins, three embedded
// TrueType faces, UTF-8 text measured and wrapped by width, a cursor that
// flows down the page and breaks to a new page, and footers added once the
// layout is done ("page N / M"). Built on libharu; nothing else in reports/
// calls libharu except through this class.
//
// Coordinates are top-down points (style.h). Flow methods (Paragraph,
// Heading, Space) start at the cursor and leave it below what they drew;
// drawing primitives (DrawText, FillRect, ...) draw at given positions on the
// current page and do not move the cursor.
//
// Errors: Create fails with a French Status when a font cannot be loaded. A
// libharu failure later (out of memory, bad argument) is remembered and
// returned by Save; drawing calls after a failure do nothing harmful.
// Not thread-safe; one Document per report.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"
#include "reports/fonts.h"
#include "reports/style.h"
#include "reports/text_wrap.h"

namespace passerelle::reports {

// Page size and margins, in points. Defaults: A4 portrait, 20 mm margins on
// the sides and top, 22 mm at the bottom where the footer sits.
struct PageLayout {
  double width = 595.276;
  double height = 841.89;
  double margin_top = 56.69;
  double margin_bottom = 62.36;
  double margin_left = 56.69;
  double margin_right = 56.69;
  double footer_baseline = 30;  // distance of the footer's baseline from the bottom edge
};

// PDF metadata. `date` (AAAA-MM-JJ) becomes the creation and modification
// dates, at midnight: the output never depends on the clock.
struct DocumentInfo {
  std::string title;
  std::string subject;
  std::string creator;  // "Passerelle 0.1.0"
  std::string date;
};

// How a paragraph flows.
struct ParagraphOptions {
  double indent = 0;       // from the left margin
  double width = 0;        // 0: up to the right margin
  double space_after = 4;  // below the last line
  int keep_lines = 2;      // no fewer lines than this alone at a page foot or head
  bool left_rule = false;  // a vertical bar in the indent (quotes)
  Color rule_color;        // its colour
  std::string bullet;      // drawn in the indent on the first line ("•")
  // Points of what follows that must share a page with the paragraph's end:
  // when the paragraph fits but they would not, its last `keep_lines` lines
  // go to the next page with them (the whole paragraph when it is too short
  // to split), so that a short closing line never stands alone at a page
  // head. 0: no constraint.
  double keep_with_next = 0;
};

// Options with an indent and a space after, the most common variation.
inline ParagraphOptions Indented(double indent, double space_after = 4) {
  ParagraphOptions options;
  options.indent = indent;
  options.space_after = space_after;
  return options;
}

// Replaces what the PDF text cannot show: invalid UTF-8 and code points
// beyond U+FFFF become U+FFFD, control characters become spaces (except
// '\n'). Fast when there is nothing to replace.
std::string PdfSafeText(std::string_view text);

class Document {
 public:
  // Loads the fonts (the same file loaded once when it serves several faces).
  // InvalidArgument naming the file when libharu cannot read it as TrueType.
  static Result<std::unique_ptr<Document>> Create(const FontFiles& fonts,
                                                  const PageLayout& layout = {});
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // InvalidArgument when info.date is not AAAA-MM-JJ.
  Status SetInfo(const DocumentInfo& info);

  // ---- geometry of the current page ----
  const PageLayout& layout() const { return layout_; }
  double Left() const { return layout_.margin_left; }
  double Right() const { return layout_.width - layout_.margin_right; }
  double ContentWidth() const { return Right() - Left(); }
  double Top() const { return layout_.margin_top; }
  double Bottom() const { return layout_.height - layout_.margin_bottom; }
  double ContentHeight() const { return Bottom() - Top(); }
  double cursor() const { return cursor_; }
  void SetCursor(double y) { cursor_ = y; }
  double SpaceLeft() const { return Bottom() - cursor_; }
  bool AtPageTop() const { return cursor_ <= Top() + 0.01; }
  int PageCount() const { return static_cast<int>(pages_.size()); }
  int PageNumber() const { return PageCount(); }  // 1-based; layout is always on the last page

  // Starts a new page with the cursor at its top.
  void NewPage();
  // Moves the cursor down by `dy`, or to the top of a new page when that
  // would pass the bottom margin. Nothing at the top of a page.
  void Space(double dy);
  // Starts a new page unless `height` fits between the cursor and the bottom
  // margin (or the cursor is already at the top). True when it broke.
  bool EnsureSpace(double height);

  // ---- text measurement ----
  double TextWidth(std::string_view text, const TextStyle& style) const;
  MeasureFn Measure() const;
  std::vector<WrappedLine> Wrap(const std::vector<TextRun>& runs, double width) const;
  // `text` cut at a code point and ended with "…" so that it fits `width`
  // (unchanged when it fits).
  std::string Ellipsize(std::string_view text, const TextStyle& style, double width) const;
  // Height of `runs` wrapped to `width`.
  double TextHeight(const std::vector<TextRun>& runs, double width) const;
  // Baseline of a line whose box starts at `top`.
  double Baseline(const WrappedLine& line, double top) const;

  // ---- drawing on the current page (cursor unchanged) ----
  void DrawText(std::string_view text, const TextStyle& style, double x, double baseline);
  // One wrapped line in a box [x, x + width] whose top is `top`.
  void DrawLine(const WrappedLine& line, const std::vector<TextRun>& runs, double x, double top,
                double width, Align align);
  void FillRect(const Box& box, Color fill);
  void StrokeRect(const Box& box, Color stroke, double line_width = 0.5);
  void FillStrokeRect(const Box& box, Color fill, Color stroke, double line_width = 0.5);
  void StrokeLine(double x1, double y1, double x2, double y2, Color stroke,
                  double line_width = 0.5);

  // ---- flow ----
  // Wraps and draws `runs` from the cursor, breaking pages between lines,
  // never leaving fewer than `keep_lines` lines alone at the foot or the head
  // of a page (orphans and widows) when the paragraph allows it.
  void Paragraph(const std::vector<TextRun>& runs, const ParagraphOptions& options = {});
  void Paragraph(std::string_view text, const TextStyle& style,
                 const ParagraphOptions& options = {});
  // A heading that stays on the same page as the next `keep_with_next`
  // points of content (at least its first lines): no orphan headings.
  void Heading(std::string_view text, const TextStyle& style, double keep_with_next,
               double space_after = 4);

  // ---- finishing ----
  // Draws on every page a footer: `left` and `center` texts and, on the
  // right, "page N / M"; a left text too long for its third is shortened
  // with "…". Call once, after the layout.
  void AddFooters(const std::string& left, const std::string& center, const TextStyle& style);
  // The PDF bytes; the first libharu error, if any, as an IOError.
  Result<std::string> Save();

 private:
  struct Impl;
  Document(const PageLayout& layout);
  Status LoadFonts(const FontFiles& fonts);
  void DrawFragment(const std::vector<WrappedLine>& lines, size_t from, size_t to,
                    const std::vector<TextRun>& runs, double x, double width,
                    const ParagraphOptions& options);
  size_t LinesThatFit(const std::vector<WrappedLine>& lines, size_t from) const;

  PageLayout layout_;
  std::unique_ptr<Impl> impl_;
  std::vector<void*> pages_;  // HPDF_Page handles
  double cursor_ = 0;
};

}  // namespace passerelle::reports
