#include "reports/table.h"

#include <algorithm>
#include <cassert>
#include <utility>

namespace passerelle::reports {

struct Table::CellLayout {
  const TableCell* cell = nullptr;
  std::vector<WrappedLine> lines;
  size_t next_line = 0;  // first line not drawn yet
  bool figure_done = false;
};

struct Table::RowLayout {
  std::vector<CellLayout> cells;
};

// Draws one table: column positions, header, rows and their fragments.
class Table::Renderer {
 public:
  Renderer(const Table& table, Document& doc) : table_(table), doc_(doc) {
    ResolveColumns();
    header_cells_.reserve(table.columns_.size());
    for (const TableColumn& column : table.columns_)
      header_cells_.push_back({{{column.header, table.style_.header}}, 0, {}});
    has_header_ = std::any_of(table.columns_.begin(), table.columns_.end(),
                              [](const TableColumn& c) { return !c.header.empty(); });
  }

  void Draw() {
    std::vector<RowLayout> rows;
    for (const auto& cells : table_.rows_) rows.push_back(Prepare(cells));
    if (rows.empty()) return;
    const double first = std::min(FullHeight(rows.front()), MinFragment());
    doc_.EnsureSpace(HeaderHeight() + first);
    DrawHeader();
    for (RowLayout& row : rows) DrawRow(row);
    doc_.SetCursor(doc_.cursor() + table_.style_.space_after);
  }

 private:
  double GivenWidth(const TableColumn& c) const {
    if (!c.fit_header) return std::max(0.0, c.width);
    return doc_.TextWidth(c.header, table_.style_.header) + 2 * Pad() + 1;
  }

  void ResolveColumns() {
    double fixed = 0;
    int flexible = 0;
    for (const TableColumn& c : table_.columns_) {
      fixed += GivenWidth(c);
      if (GivenWidth(c) <= 0) ++flexible;
    }
    const double rest = std::max(0.0, doc_.ContentWidth() - fixed);
    double x = doc_.Left();
    for (const TableColumn& c : table_.columns_) {
      const double w = GivenWidth(c) > 0 ? GivenWidth(c) : rest / std::max(1, flexible);
      x_.push_back(x);
      widths_.push_back(w);
      x += w;
    }
  }

  double Pad() const { return table_.style_.padding; }
  double InnerWidth(size_t col) const { return std::max(1.0, widths_[col] - 2 * Pad()); }

  RowLayout Prepare(const std::vector<TableCell>& cells) const {
    RowLayout row;
    for (size_t col = 0; col < cells.size(); ++col) {
      CellLayout layout;
      layout.cell = &cells[col];
      if (!cells[col].runs.empty()) layout.lines = doc_.Wrap(cells[col].runs, InnerWidth(col));
      layout.figure_done = !cells[col].figure;
      row.cells.push_back(std::move(layout));
    }
    return row;
  }

  static double CellHeight(const CellLayout& c) {
    double h = c.figure_done ? 0 : c.cell->figure_height + (c.lines.empty() ? 0 : 2);
    for (size_t i = c.next_line; i < c.lines.size(); ++i) h += c.lines[i].height;
    return h;
  }

  double FullHeight(const RowLayout& row) const {
    double h = 0;
    for (const CellLayout& c : row.cells) h = std::max(h, CellHeight(c));
    return h + 2 * Pad();
  }

  // The least of a split row worth starting at the foot of a page.
  double MinFragment() const { return 3 * table_.style_.body.LineHeight() + 2 * Pad(); }

  double HeaderHeight() {
    if (!has_header_) return 0;
    if (header_height_ < 0) header_height_ = FullHeight(Prepare(header_cells_));
    return header_height_;
  }

  void DrawHeader() {
    if (!has_header_) return;
    RowLayout header = Prepare(header_cells_);
    DrawFragment(header, FullHeight(header) - 2 * Pad(), true);
  }

  void BreakPage() {
    doc_.NewPage();
    if (table_.style_.repeat_header) DrawHeader();
  }

  void DrawRow(RowLayout& row) {
    const double full = FullHeight(row);
    if (full > doc_.SpaceLeft()) {
      const bool fits_a_page = full <= doc_.ContentHeight() - HeaderHeight();
      if (fits_a_page || doc_.SpaceLeft() < MinFragment()) BreakPage();
    }
    for (;;) {
      const double available = doc_.SpaceLeft() - 2 * Pad();
      const double used = Take(row, available);
      DrawFragment(row, used, false);
      if (FullHeight(row) <= 2 * Pad()) return;  // everything drawn
      BreakPage();
    }
  }

  // Marks, cell by cell, what of the rest of `row` fits in `available`
  // points (at least one line, so a row always progresses) and returns the
  // fragment's content height. The cells' `next_line` are advanced by
  // DrawFragment; here `take_` records how many lines each one draws.
  double Take(const RowLayout& row, double available) {
    take_.assign(row.cells.size(), {0, false});
    double used = 0;
    bool any = false;
    for (size_t col = 0; col < row.cells.size(); ++col) {
      const CellLayout& c = row.cells[col];
      double h = 0;
      if (!c.figure_done && c.cell->figure_height <= available) {
        h = c.cell->figure_height + (c.lines.empty() ? 0 : 2);
        take_[col].second = true;
      }
      size_t n = 0;
      for (size_t i = c.next_line; i < c.lines.size() && h + c.lines[i].height <= available; ++i) {
        h += c.lines[i].height;
        ++n;
      }
      take_[col].first = n;
      any = any || n > 0 || take_[col].second;
      used = std::max(used, h);
    }
    if (!any) ForceProgress(row, &used);
    return used;
  }

  // Nothing fits even on a fresh page (a line or figure taller than the
  // page): draw one item anyway rather than loop.
  void ForceProgress(const RowLayout& row, double* used) {
    for (size_t col = 0; col < row.cells.size(); ++col) {
      const CellLayout& c = row.cells[col];
      if (!c.figure_done) {
        take_[col].second = true;
        *used = std::max(*used, c.cell->figure_height);
        return;
      }
      if (c.next_line < c.lines.size()) {
        take_[col].first = 1;
        *used = std::max(*used, c.lines[c.next_line].height);
        return;
      }
    }
  }

  void DrawFragment(RowLayout& row, double content_height, bool header) {
    const double top = doc_.cursor();
    const double height = content_height + 2 * Pad();
    if (!header) take_.resize(row.cells.size(), {0, false});
    for (size_t col = 0; col < row.cells.size(); ++col) {
      const Box box{x_[col], top, widths_[col], height};
      if (header) doc_.FillRect(box, table_.style_.header_fill);
      if (table_.style_.grid) doc_.StrokeRect(box, table_.style_.rule, 0.5);
      CellLayout& c = row.cells[col];
      const size_t lines = header ? c.lines.size() : take_[col].first;
      const bool figure = header ? false : take_[col].second;
      DrawCell(c, col, top + Pad(), lines, figure);
    }
    doc_.SetCursor(top + height);
  }

  void DrawCell(CellLayout& c, size_t col, double y, size_t lines, bool figure) {
    const double x = x_[col] + Pad();
    if (figure) {
      c.cell->figure(doc_, Box{x, y, InnerWidth(col), c.cell->figure_height});
      y += c.cell->figure_height + (c.lines.empty() ? 0 : 2);
      c.figure_done = true;
    }
    const Align align = table_.columns_[col].align;
    for (size_t i = 0; i < lines; ++i, ++c.next_line) {
      doc_.DrawLine(c.lines[c.next_line], c.cell->runs, x, y, InnerWidth(col), align);
      y += c.lines[c.next_line].height;
    }
  }

  const Table& table_;
  Document& doc_;
  std::vector<double> x_, widths_;
  std::vector<TableCell> header_cells_;
  bool has_header_ = false;
  double header_height_ = -1;
  std::vector<std::pair<size_t, bool>> take_;  // per cell: lines, figure
};

Table::Table(std::vector<TableColumn> columns, TableStyle style)
    : columns_(std::move(columns)), style_(std::move(style)) {}

TableCell Table::TextCell(std::string text) const {
  return TableCell{{{std::move(text), style_.body}}, 0, {}};
}

void Table::AddRow(std::vector<TableCell> cells) {
  assert(cells.size() == columns_.size());
  cells.resize(columns_.size());
  rows_.push_back(std::move(cells));
}

void Table::Draw(Document& doc) const { Renderer(*this, doc).Draw(); }

}  // namespace passerelle::reports
