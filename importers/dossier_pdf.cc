#include "importers/dossier_pdf.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <regex>

#include "engine/text.h"
#include "importers/dossier_text.h"
#include "importers/pdf_text.h"
#include "importers/text_decode.h"

namespace passerelle {

namespace {

struct Line {
  std::string text;
  double top = 0, bottom = 0, left = 0, right = 0;
  double height() const { return bottom - top; }
};
using PageLines = std::vector<Line>;

struct Paragraph {
  uint32_t page = 0;
  std::vector<std::string> lines;
};

std::string ToUtf8(const poppler::ustring& u) {
  const poppler::byte_array bytes = u.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// True when `box` continues `line`: to its right and overlapping it
// vertically (a superscript still overlaps its line).
bool OnSameLine(const Line& line, const poppler::rectf& box) {
  const double overlap = std::min(line.bottom, box.bottom()) - std::max(line.top, box.top());
  const double smaller = std::max(1.0, std::min(line.height(), box.height()));
  return box.left() >= line.right - 0.5 * smaller && overlap > 0.3 * smaller;
}

PageLines LinesOfPage(const poppler::page& page) {
  PageLines lines;
  bool space_after = false;
  for (const poppler::text_box& box : page.text_list()) {
    const poppler::rectf r = box.bbox();
    const std::string word = ToUtf8(box.text());
    if (lines.empty() || !OnSameLine(lines.back(), r)) {
      lines.push_back({word, r.top(), r.bottom(), r.left(), r.right()});
    } else {
      Line& line = lines.back();
      line.text += (space_after ? " " : "") + word;
      line.top = std::min(line.top, r.top());
      line.bottom = std::max(line.bottom, r.bottom());
      line.right = std::max(line.right, r.right());
    }
    space_after = box.has_space_after();
  }
  for (Line& line : lines) line.text = Trim(CleanExtractedText(line.text));
  std::erase_if(lines, [](const Line& line) { return line.text.empty(); });
  return lines;
}

// Lines of a page without positions, from its extracted text: a blank line
// becomes a gap, and no line counts as short.
PageLines LinesOfText(const std::string& text) {
  PageLines lines;
  double y = 0;
  for (const std::string& raw : SplitLines(text)) {
    std::string line = Trim(raw);
    if (!line.empty()) lines.push_back({line, y, y + 9, 0, 1000});
    y += 10;
  }
  return lines;
}

// Positioned lines of every page; a page poppler gives no boxes for falls
// back on its extracted text.
std::vector<PageLines> ReadLines(const std::string& bytes,
                                 const std::vector<std::string>& page_texts) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  std::vector<PageLines> pages;
  for (size_t i = 0; i < page_texts.size(); ++i) {
    std::unique_ptr<poppler::page> page(
        doc && !doc->is_locked() ? doc->create_page(static_cast<int>(i)) : nullptr);
    PageLines lines = page ? LinesOfPage(*page) : PageLines();
    if (lines.empty()) lines = LinesOfText(page_texts[i]);
    pages.push_back(std::move(lines));
  }
  return pages;
}

bool IsPageNumber(const std::string& line) {
  // On folded text (lower case, ASCII dashes): "3", "- 3 -", "page 3 sur 12", "3/12", "iv".
  static const std::regex kPageNumber(
      R"(^[- ]*((page|p\.?) *)?(\d+|x{0,3}(ix|iv|v?i{1,3}|v)|x{1,3})( *(/|sur|de) *\d+)?[- ]*$)");
  return std::regex_match(FoldForMatch(line), kPageNumber);
}

// The line with its digits blanked out, to recognise "Dossier VAE - page 3",
// and its height on the page: running headers and footers do not move, the
// first and last lines of the body do.
std::string HeaderKey(const Line& line) {
  std::string key = FoldForMatch(line.text);
  for (char& c : key)
    if (c >= '0' && c <= '9') c = '#';
  return key + "@" + std::to_string(std::lround(line.top / 4));
}

void DropPageNumbers(std::vector<PageLines>& pages) {
  for (PageLines& lines : pages) {
    if (!lines.empty() && IsPageNumber(lines.back().text)) lines.pop_back();
    if (!lines.empty() && IsPageNumber(lines.front().text)) lines.erase(lines.begin());
  }
}

// Running headers (first lines) or footers (last lines, `first` false).
void DropRepeated(std::vector<PageLines>& pages, bool first) {
  if (pages.size() < 3) return;
  std::map<std::string, size_t> counts;
  for (const PageLines& lines : pages)
    if (!lines.empty()) ++counts[HeaderKey(first ? lines.front() : lines.back())];
  const size_t needed = std::max<size_t>(3, (pages.size() + 1) / 2);
  for (PageLines& lines : pages) {
    if (lines.empty()) continue;
    const auto it = first ? lines.begin() : lines.end() - 1;
    if (counts[HeaderKey(*it)] >= needed) lines.erase(it);
  }
}

double Percentile(std::vector<double> values, double fraction) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<size_t>(fraction * static_cast<double>(values.size() - 1))];
}

struct Geometry {
  // A larger vertical gap between two lines separates paragraphs.
  double gap_threshold = std::numeric_limits<double>::infinity();
  // A line ending before this is short (left margin + 3/4 of the width).
  double short_line_right = 0;
};

// Measured over the whole dossier, whose pages share fonts and margins: a
// page with two lines says nothing about the usual gap between lines.
Geometry MeasureGeometry(const std::vector<PageLines>& pages) {
  std::vector<double> gaps, heights;
  double left = std::numeric_limits<double>::infinity(), right = 0;
  for (const PageLines& lines : pages) {
    for (size_t i = 0; i < lines.size(); ++i) {
      heights.push_back(lines[i].height());
      left = std::min(left, lines[i].left);
      right = std::max(right, lines[i].right);
      if (i > 0 && lines[i].top >= lines[i - 1].top)
        gaps.push_back(std::max(0.0, lines[i].top - lines[i - 1].bottom));
    }
  }
  Geometry geometry;
  if (!gaps.empty())
    geometry.gap_threshold = Percentile(gaps, 0.2) + 0.4 * Percentile(heights, 0.5);
  if (!heights.empty()) geometry.short_line_right = left + 0.75 * (right - left);
  return geometry;
}

bool StartsParagraph(const Line& previous, const Line& line, const Geometry& geometry) {
  if (line.top < previous.top - 0.5 * previous.height()) return true;  // went back up
  if (line.top - previous.bottom > geometry.gap_threshold) return true;
  return previous.right < geometry.short_line_right && EndsLikeSentence(previous.text);
}

void AddPageParagraphs(const PageLines& lines, uint32_t page, const Geometry& geometry,
                       std::vector<Paragraph>* out) {
  for (size_t i = 0; i < lines.size(); ++i) {
    const bool starts = i == 0 || StartsParagraph(lines[i - 1], lines[i], geometry);
    // A paragraph cut by the page break continues on this page.
    const bool continues = i == 0 && !out->empty() && !EndsLikeSentence(out->back().lines.back()) &&
                           StartsWithLowercase(lines[i].text);
    if (starts && !continues) out->push_back({page, {}});
    out->back().lines.push_back(lines[i].text);
  }
}

// Lines joined with a space, except after a hyphen that ends a line before
// a lower-case letter: "porte-" + "outils" is "porte-outils".
std::string JoinLines(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) {
    const bool hyphen_break = text.size() > 1 && text.back() == '-' &&
                              text[text.size() - 2] != ' ' && StartsWithLowercase(line);
    if (!text.empty() && !hyphen_break) text += ' ';
    text += line;
  }
  return text;
}

std::vector<DossierBlock> ToBlocks(const std::vector<Paragraph>& paragraphs) {
  std::vector<DossierBlock> blocks;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const Paragraph& p = paragraphs[i];
    DossierBlock block;
    block.page = p.page;
    const bool last = i + 1 == paragraphs.size();
    if (p.lines.size() == 1 && !last && LooksLikeHeading(p.lines[0]))
      block.heading = p.lines[0];
    else
      block.text = JoinLines(p.lines);
    blocks.push_back(std::move(block));
  }
  return blocks;
}

}  // namespace

Result<std::vector<DossierBlock>> PdfBlocks(const std::string& bytes,
                                            const std::string& file_name) {
  Result<std::vector<std::string>> texts = ExtractPdfPages(bytes, file_name);
  if (!texts.ok()) return texts.status();
  std::vector<PageLines> pages = ReadLines(bytes, *texts);
  DropPageNumbers(pages);
  DropRepeated(pages, /*first=*/true);
  DropRepeated(pages, /*first=*/false);
  const Geometry geometry = MeasureGeometry(pages);
  std::vector<Paragraph> paragraphs;
  for (size_t i = 0; i < pages.size(); ++i)
    AddPageParagraphs(pages[i], static_cast<uint32_t>(i + 1), geometry, &paragraphs);
  return ToBlocks(paragraphs);
}

}  // namespace passerelle
