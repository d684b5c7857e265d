// Reading back the PDFs the reports write, with poppler-cpp, to check them
// as a reader would: the text of each page, where each word is, metadata.
#pragma once

#include <string>
#include <vector>

namespace passerelle::testing {

// A word as poppler sees it, in top-down points.
struct PdfWord {
  std::string text;
  double x = 0, y = 0, width = 0, height = 0;
  std::string font;  // "HPDFAB+DejaVuSans-Bold"
  double size = 0;   // font size in points
  double right() const { return x + width; }
  double bottom() const { return y + height; }
};

struct PdfPage {
  double width = 0, height = 0;
  std::string text;  // page::text(), UTF-8
  std::vector<PdfWord> words;
};

struct PdfContent {
  std::vector<PdfPage> pages;
  std::string title, subject, creator;
  // All pages' text, with no-break spaces made ordinary and white space
  // collapsed, for searching.
  std::string FlatText() const;
};

// The words of `page` that start in [x_from, x_to), in reading order, joined
// with spaces: the text of one column of a table, which page text
// interleaves with its neighbours.
std::string TextInColumn(const PdfPage& page, double x_from, double x_to);

// Throws std::runtime_error when poppler cannot open `bytes`.
PdfContent InspectPdf(const std::string& bytes);

// No-break spaces (U+00A0, U+202F) made ordinary, white space collapsed.
std::string Flatten(const std::string& text);

}  // namespace passerelle::testing
