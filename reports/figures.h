// Small drawings of the layout toolkit: horizontal bars, status badges,
// heat-map cells and legends. All are drawn as filled rectangles with text;
// none relies on colour alone (badges and cells print their word or figure).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reports/palette.h"
#include "reports/pdf_document.h"
#include "reports/style.h"

namespace passerelle::reports {

struct BarSegment {
  double fraction = 0;  // of the bar's width, in [0, 1]
  Color color;
};

// A horizontal bar filling `box`: the segments side by side from the left
// (their total clipped to 1), the rest left white, with a thin outline.
void DrawBar(Document& doc, const Box& box, const std::vector<BarSegment>& segments, Color outline);

struct BadgeStyle {
  Color fill;
  Color text;
  Color border;
  TextStyle label = MakeStyle(Face::kSansBold, 7.5, Color{}, 1.2);
  double padding_x = 4;
  double padding_y = 1.5;
};

// Size of the badge for `label` (x, y of the result are 0).
// The badge of a coverage status: its palette colours (palette.h).
BadgeStyle StatusBadge(CoverageStatus status);

Box BadgeSize(const Document& doc, std::string_view label, const BadgeStyle& style);
// Draws the badge with its top-left corner at (x, top); returns its box.
Box DrawBadge(Document& doc, std::string_view label, const BadgeStyle& style, double x, double top);

// A heat-map cell: filled by HeatColor(value), `label` centred in a colour
// that reads on the fill.
void DrawHeatCell(Document& doc, const Box& box, double value, std::string_view label,
                  const TextStyle& style);

struct LegendItem {
  Color fill;
  Color border;
  std::string label;
};

// Swatches with their labels, in a row that flows at the cursor and wraps
// when the content width is full; the cursor ends below.
void DrawLegend(Document& doc, const std::vector<LegendItem>& items, const TextStyle& style);

}  // namespace passerelle::reports
