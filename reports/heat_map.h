// A heat map for the layout toolkit: a grid of values in [0, 1], each cell
// filled by HeatColor and labelled with its figure (colour is never the
// only signal), row labels at the left, short column labels on top. Cells
// can be outlined (a best match) or flagged with a corner mark (an official
// link). Too many columns for the page width are split into several maps,
// one after the other; rows that do not fit continue on the next page with
// the column labels repeated.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "reports/palette.h"
#include "reports/pdf_document.h"
#include "reports/style.h"

namespace passerelle::reports {

struct HeatMap {
  std::vector<std::string> row_labels;      // one line each, shortened to fit
  std::vector<std::string> column_labels;   // short ("BC01", "AT2")
  std::vector<std::vector<double>> values;  // rows × columns
  std::vector<std::vector<bool>> outlined;  // same shape, or empty
  std::vector<std::vector<bool>> flagged;   // same shape, or empty
  // The label of a cell; default: two decimals with a comma ("0,95").
  std::function<std::string(double)> format;
};

struct HeatMapStyle {
  double row_label_width = 150;  // points
  double cell_height = 17;
  double max_cell_width = 42;
  double min_cell_width = 20;  // below this, the columns are split
  TextStyle row_label = MakeStyle(Face::kSans, 7.5, kInk, 1.2);
  TextStyle column_label = MakeStyle(Face::kSansBold, 6.5, kInk, 1.2);
  TextStyle cell = MakeStyle(Face::kSans, 6.8, kInk, 1.2);
  Color outline = Color::Hex(0xC0392B);  // dark red, 1.6 pt
  double outline_width = 1.6;
  Color flag = Color::Hex(0xE69F00);  // amber corner
  double space_after = 8;
};

// Draws `map` at the cursor and leaves the cursor below it. Rows with
// another number of values than columns are drawn with the missing cells
// empty.
void DrawHeatMap(Document& doc, const HeatMap& map, const HeatMapStyle& style = {});

}  // namespace passerelle::reports
