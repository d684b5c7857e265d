// Line breaking by measured width, independent of the PDF library so it can
// be tested with a fake measure.
//
// Text is a sequence of runs, each with its own style (a bold label then
// plain text). Lines break only at ordinary spaces (U+0020) and at '\n' (a
// forced break; "\n\n" leaves an empty line); no-break spaces (U+00A0,
// U+202F) never break. A word wider than the line is cut between code points
// so that nothing ever exceeds the width, except a single code point wider
// than the whole line (it then stands alone on its line).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "reports/style.h"

namespace passerelle::reports {

struct TextRun {
  std::string text;  // UTF-8
  TextStyle style;
};

// A piece of a line drawn in one style, at `x` from the line's start.
struct LinePiece {
  std::string text;
  size_t run = 0;  // index of the run whose style it uses
  double x = 0;
  double width = 0;
};

struct WrappedLine {
  std::vector<LinePiece> pieces;  // empty for an empty line
  double width = 0;               // of the text, without trailing space
  double height = 0;              // the largest line height of its runs
  double font_size = 0;           // the largest font size of its runs
};

// Width in points of `text` drawn in `style` (no line breaks in `text`).
using MeasureFn = std::function<double(std::string_view text, const TextStyle& style)>;

// Breaks `runs` into lines no wider than `width` (must be > 0).
std::vector<WrappedLine> WrapRuns(const std::vector<TextRun>& runs, double width,
                                  const MeasureFn& measure);

// One style: the texts of the lines.
std::vector<std::string> WrapText(std::string_view text, const TextStyle& style, double width,
                                  const MeasureFn& measure);

}  // namespace passerelle::reports
