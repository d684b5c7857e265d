// Tables for the layout toolkit: fixed column widths, cells whose text wraps,
// an optional drawing at the top of a cell (a bar, a badge), a header row
// repeated on every page. A row that does not fit moves to the next page; a
// row taller than a whole page breaks between its lines.
// With `grid` off and empty headers, a table lays out side-by-side text
// columns.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "reports/palette.h"
#include "reports/pdf_document.h"
#include "reports/style.h"
#include "reports/text_wrap.h"

namespace passerelle::reports {

struct TableColumn {
  std::string header;  // may be empty
  double width = 0;    // points; columns at 0 share what the others leave
  Align align = Align::kLeft;
  // When true, `width` is ignored: the column is as wide as its header on
  // one line (with the padding), so short figures under it never wrap it.
  bool fit_header = false;
};

struct TableCell {
  std::vector<TextRun> runs;  // text below the figure; may be empty
  // A drawing at the top of the cell, `figure_height` points high, drawn by
  // `figure` in the box it is given (inside the padding).
  double figure_height = 0;
  std::function<void(Document&, const Box&)> figure;
};

struct TableStyle {
  TextStyle header = MakeStyle(Face::kSansBold, 8.5, kInk, 1.25);
  TextStyle body = MakeStyle(Face::kSans, 9, kInk, 1.3);
  double padding = 4;
  Color header_fill = kHeaderFill;
  Color rule = kRule;
  bool grid = true;           // rules around every cell
  bool repeat_header = true;  // the header again at the top of each page
  double space_after = 8;
};

class Table {
 public:
  explicit Table(std::vector<TableColumn> columns, TableStyle style = {});

  // A cell holding `text` in the body style.
  TableCell TextCell(std::string text) const;
  // REQUIRES: one cell per column.
  void AddRow(std::vector<TableCell> cells);
  size_t RowCount() const { return rows_.size(); }

  // Draws the table at the cursor across the content width and leaves the
  // cursor below it.
  void Draw(Document& doc) const;

 private:
  struct CellLayout;
  struct RowLayout;
  class Renderer;

  std::vector<TableColumn> columns_;
  TableStyle style_;
  std::vector<std::vector<TableCell>> rows_;
};

}  // namespace passerelle::reports
