#include "reports/figures.h"

#include <algorithm>

#include "reports/palette.h"

namespace passerelle::reports {

void DrawBar(Document& doc, const Box& box, const std::vector<BarSegment>& segments,
             Color outline) {
  doc.FillRect(box, kWhite);
  double x = box.x;
  for (const BarSegment& segment : segments) {
    const double w = std::clamp(segment.fraction, 0.0, 1.0) * box.width;
    const double room = box.right() - x;
    if (w <= 0 || room <= 0) continue;
    doc.FillRect(Box{x, box.y, std::min(w, room), box.height}, segment.color);
    x += std::min(w, room);
  }
  doc.StrokeRect(box, outline, 0.6);
}

BadgeStyle StatusBadge(CoverageStatus status) {
  const StatusColors colors = ColorsFor(status);
  BadgeStyle style;
  style.fill = colors.fill;
  style.text = colors.text;
  style.border = colors.border;
  return style;
}

Box BadgeSize(const Document& doc, std::string_view label, const BadgeStyle& style) {
  return Box{0, 0, doc.TextWidth(label, style.label) + 2 * style.padding_x,
             style.label.size * 1.16 + 2 * style.padding_y};
}

Box DrawBadge(Document& doc, std::string_view label, const BadgeStyle& style, double x,
              double top) {
  Box box = BadgeSize(doc, label, style);
  box.x = x;
  box.y = top;
  doc.FillStrokeRect(box, style.fill, style.border, 0.6);
  TextStyle text = style.label;
  text.color = style.text;
  const double baseline = top + style.padding_y + style.label.size * 0.93;
  doc.DrawText(label, text, x + style.padding_x, baseline);
  return box;
}

void DrawHeatCell(Document& doc, const Box& box, double value, std::string_view label,
                  const TextStyle& style) {
  const Color fill = HeatColor(value);
  doc.FillRect(box, fill);
  TextStyle text = style;
  text.color = TextColorOn(fill);
  const double width = doc.TextWidth(label, text);
  const double baseline = box.y + (box.height - style.size * 1.16) / 2 + style.size * 0.93;
  doc.DrawText(label, text, box.x + (box.width - width) / 2, baseline);
}

void DrawLegend(Document& doc, const std::vector<LegendItem>& items, const TextStyle& style) {
  const double swatch = style.size;
  const double line = std::max(style.LineHeight(), swatch + 4);
  doc.EnsureSpace(line);
  double x = doc.Left();
  for (const LegendItem& item : items) {
    const double width = swatch + 4 + doc.TextWidth(item.label, style) + 14;
    if (x > doc.Left() && x + width > doc.Right()) {
      x = doc.Left();
      doc.SetCursor(doc.cursor() + line);
      doc.EnsureSpace(line);
    }
    const double top = doc.cursor() + (line - swatch) / 2;
    doc.FillStrokeRect(Box{x, top, swatch, swatch}, item.fill, item.border, 0.6);
    doc.DrawText(item.label, style, x + swatch + 4, top + swatch * 0.85);
    x += width;
  }
  doc.SetCursor(doc.cursor() + line);
}

}  // namespace passerelle::reports
