#include "reports/heat_map.h"

#include <algorithm>

#include "reports/figures.h"
#include "reports/text_wrap.h"
#include "reports/typography.h"

namespace passerelle::reports {

namespace {

bool At(const std::vector<std::vector<bool>>& grid, size_t r, size_t c) {
  return r < grid.size() && c < grid[r].size() && grid[r][c];
}

// A row label on at most two lines of the label column; the second line
// ends with an ellipsis when the label is longer still.
std::vector<std::string> RowLabelLines(const Document& doc, const std::string& label,
                                       const HeatMapStyle& style) {
  const double width = style.row_label_width - 6;
  std::vector<std::string> lines = WrapText(label, style.row_label, width, doc.Measure());
  if (lines.size() > 2) {
    lines.resize(2);
    lines[1] = doc.Ellipsize(lines[1] + " …", style.row_label, width);
  }
  return lines;
}

// The style fitted to the map's content: a small map gets wider cells and
// larger figures; the label column widens to hold the row labels (on two
// lines at most) while the cells keep a readable width, and rows grow to
// two lines when a label needs them.
HeatMapStyle FitStyle(const Document& doc, const HeatMap& map, const HeatMapStyle& style,
                      size_t columns_per_band) {
  HeatMapStyle fitted = style;
  const double content = doc.ContentWidth();
  double widest = 0;
  for (const std::string& label : map.row_labels)
    widest = std::max(widest, doc.TextWidth(label, style.row_label) + 6);
  const double cells_at_ease = static_cast<double>(columns_per_band) * 56;
  fitted.row_label_width =
      std::clamp(std::min(widest, content - cells_at_ease), style.row_label_width, content * 0.62);
  const double cell = (content - fitted.row_label_width) / static_cast<double>(columns_per_band);
  fitted.max_cell_width = std::max(style.max_cell_width, std::min(72.0, cell));
  if (fitted.max_cell_width >= 48) {
    fitted.cell.size = 8.5;
    fitted.column_label.size = 8;
    fitted.row_label.size = 8.5;
  }
  for (const std::string& label : map.row_labels)
    if (RowLabelLines(doc, label, fitted).size() > 1)
      fitted.cell_height =
          std::max(fitted.cell_height, 2 * fitted.row_label.LineHeight() + 4);
  return fitted;
}

// One band of columns [first, last) of the map.
class BandRenderer {
 public:
  BandRenderer(Document& doc, const HeatMap& map, const HeatMapStyle& style, size_t first,
               size_t last, double cell_width)
      : doc_(doc), map_(map), style_(style), first_(first), last_(last), cell_(cell_width) {}

  void Draw() {
    doc_.EnsureSpace(HeaderHeight() + style_.cell_height);
    DrawHeader();
    for (size_t r = 0; r < map_.row_labels.size(); ++r) {
      if (doc_.SpaceLeft() < style_.cell_height) {
        doc_.NewPage();
        DrawHeader();
      }
      DrawRow(r);
    }
    doc_.SetCursor(doc_.cursor() + style_.space_after);
  }

 private:
  double HeaderHeight() const { return style_.column_label.LineHeight() + 4; }
  double X(size_t c) const { return doc_.Left() + style_.row_label_width + (c - first_) * cell_; }

  void DrawHeader() {
    const double baseline = doc_.cursor() + style_.column_label.size;
    for (size_t c = first_; c < last_; ++c) {
      const std::string label =
          doc_.Ellipsize(map_.column_labels[c], style_.column_label, cell_ - 2);
      const double w = doc_.TextWidth(label, style_.column_label);
      doc_.DrawText(label, style_.column_label, X(c) + (cell_ - w) / 2, baseline);
    }
    doc_.SetCursor(doc_.cursor() + HeaderHeight());
  }

  std::string Label(double v) const { return map_.format ? map_.format(v) : FormatDecimal(v, 2); }

  void DrawRow(size_t r) {
    const double top = doc_.cursor();
    const TextStyle& ls = style_.row_label;
    const std::vector<std::string> lines = RowLabelLines(doc_, map_.row_labels[r], style_);
    const double block = static_cast<double>(lines.size()) * ls.LineHeight();
    double baseline = top + (style_.cell_height - block) / 2 + ls.size * 0.93 +
                      (ls.LineHeight() - ls.size * 1.16) / 2;
    for (const std::string& line : lines) {
      doc_.DrawText(line, ls, doc_.Left(), baseline);
      baseline += ls.LineHeight();
    }
    for (size_t c = first_; c < last_; ++c) {
      const Box box{X(c), top, cell_, style_.cell_height};
      if (r < map_.values.size() && c < map_.values[r].size())
        DrawHeatCell(doc_, box, map_.values[r][c], Label(map_.values[r][c]), style_.cell);
      doc_.StrokeRect(box, kWhite, 0.8);
      if (At(map_.flagged, r, c)) {
        const double s = std::min(cell_, style_.cell_height) * 0.32;
        doc_.FillRect(Box{box.right() - s - 1, box.y + 1, s, s}, style_.flag);
      }
    }
    // Outlines last, so that a neighbour's fill does not cover them.
    for (size_t c = first_; c < last_; ++c)
      if (At(map_.outlined, r, c)) {
        const double inset = style_.outline_width / 2 + 0.4;
        doc_.StrokeRect(
            Box{X(c) + inset, top + inset, cell_ - 2 * inset, style_.cell_height - 2 * inset},
            style_.outline, style_.outline_width);
      }
    doc_.SetCursor(top + style_.cell_height);
  }

  Document& doc_;
  const HeatMap& map_;
  const HeatMapStyle& style_;
  size_t first_, last_;
  double cell_;
};

}  // namespace

void DrawHeatMap(Document& doc, const HeatMap& map, const HeatMapStyle& style) {
  const size_t columns = map.column_labels.size();
  if (columns == 0 || map.row_labels.empty()) return;
  const double room = doc.ContentWidth() - style.row_label_width;
  const size_t per_band = std::max<size_t>(1, static_cast<size_t>(room / style.min_cell_width));
  const size_t bands = (columns + per_band - 1) / per_band;
  const size_t width = (columns + bands - 1) / bands;  // balanced bands
  const HeatMapStyle fitted = FitStyle(doc, map, style, width);
  const double cell =
      std::min(fitted.max_cell_width, (doc.ContentWidth() - fitted.row_label_width) / width);
  for (size_t first = 0; first < columns; first += width)
    BandRenderer(doc, map, fitted, first, std::min(columns, first + width), cell).Draw();
}

}  // namespace passerelle::reports
