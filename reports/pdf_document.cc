#include "reports/pdf_document.h"

#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <array>
#include <cstdio>

#include "reports/typography.h"

namespace passerelle::reports {

namespace {

// Bytes of the UTF-8 sequence starting `s[at]` when it is valid and encodes
// a code point of the Basic Multilingual Plane (what libharu's UTF-8 encoder
// can put in a two-byte CID); 0 otherwise.
size_t ValidBmpSequence(std::string_view s, size_t at) {
  const unsigned char c = static_cast<unsigned char>(s[at]);
  auto continuation = [&](size_t i) {
    return at + i < s.size() && (static_cast<unsigned char>(s[at + i]) & 0xC0) == 0x80;
  };
  if (c >= 0xC2 && c <= 0xDF) return continuation(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!continuation(1) || !continuation(2)) return 0;
    const unsigned char c1 = static_cast<unsigned char>(s[at + 1]);
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogates
    return 3;
  }
  return 0;
}

bool IsPlain(std::string_view text) {
  for (unsigned char c : text)
    if (c < 0x20 || c >= 0x7F) return false;
  return true;
}

HPDF_Page Page(void* handle) { return static_cast<HPDF_Page>(handle); }

// libharu 2.3.0's UTF-8 encoder gives each Type0 font, as its ToUnicode
// CMap, a copy of its encoding CMap ("begincidrange <0000> <FFFF> 0"):
// poppler warns "Invalid 'begincidrange' operator in ToUnicode CMap" and
// text extraction and screen readers must guess. With the UTF-8 encoder and
// Identity-H, a character code is its BMP code point, so the correct map is
// the identity: one bfrange per high byte (a bfrange may not cross one),
// leaving out the surrogates, which are not characters.
std::string IdentityToUnicodeCMap() {
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::string> ranges;
  char line[40];
  for (unsigned high = 0; high <= 0xFF; ++high) {
    if (high >= 0xD8 && high <= 0xDF) continue;  // surrogates
    std::snprintf(line, sizeof(line), "<%02X00> <%02XFF> <%02X00>\n", high, high, high);
    ranges.push_back(line);
  }
  // At most 100 entries per block (PDF 32000-1, 9.10.3).
  for (size_t i = 0; i < ranges.size(); i += 100) {
    const size_t n = std::min<size_t>(100, ranges.size() - i);
    cmap += std::to_string(n) + " beginbfrange\n";
    for (size_t j = i; j < i + n; ++j) cmap += ranges[j];
    cmap += "endbfrange\n";
  }
  return cmap +
         "endcmap\n"
         "CMapName currentdict /CMap defineresource pop\n"
         "end\n"
         "end\n";
}

// Replaces the ToUnicode stream of `font` by the identity map. False when
// the font has none or it cannot be rewritten (the PDF is still valid).
bool WriteToUnicode(HPDF_Font font) {
  HPDF_Dict dict = static_cast<HPDF_Dict>(
      HPDF_Dict_GetItem(reinterpret_cast<HPDF_Dict>(font), "ToUnicode", HPDF_OCLASS_DICT));
  if (dict == nullptr || dict->stream == nullptr) return false;
  static const std::string cmap = IdentityToUnicodeCMap();
  HPDF_MemStream_FreeData(dict->stream);
  return HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                           static_cast<HPDF_UINT>(cmap.size())) == HPDF_OK;
}

}  // namespace

std::string PdfSafeText(std::string_view text) {
  if (IsPlain(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out.push_back((c < 0x20 && c != '\n') || c == 0x7F ? ' ' : static_cast<char>(c));
      ++i;
      continue;
    }
    const size_t n = ValidBmpSequence(text, i);
    if (n == 0) {
      out += "\uFFFD";
      ++i;
      while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
      continue;
    }
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

struct Document::Impl {
  HPDF_Doc doc = nullptr;
  std::array<HPDF_Font, 3> fonts{};
  double ascent = 0.93;   // of the body face, in em
  double descent = 0.24;  // positive, in em
  HPDF_STATUS error = HPDF_OK;
  HPDF_STATUS error_detail = 0;
  HPDF_Page page = nullptr;  // where drawing primitives go

  HPDF_Font FontOf(Face face) const { return fonts[static_cast<size_t>(face)]; }

  static void OnError(HPDF_STATUS error, HPDF_STATUS detail, void* data) {
    Impl* self = static_cast<Impl*>(data);
    if (error == HPDF_STREAM_EOF) return;  // reading the saved PDF to its end
    if (self->error == HPDF_OK) {
      self->error = error;
      self->error_detail = detail;
    }
  }

  ~Impl() {
    if (doc != nullptr) HPDF_Free(doc);
  }
};

Document::Document(const PageLayout& layout) : layout_(layout), impl_(std::make_unique<Impl>()) {}

Document::~Document() = default;

Result<std::unique_ptr<Document>> Document::Create(const FontFiles& fonts,
                                                   const PageLayout& layout) {
  std::unique_ptr<Document> document(new Document(layout));
  Impl& impl = *document->impl_;
  impl.doc = HPDF_New(&Impl::OnError, &impl);
  if (impl.doc == nullptr)
    return Status::IOError("création du PDF impossible (mémoire insuffisante)");
  HPDF_SetCompressionMode(impl.doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(impl.doc);
  HPDF_SetCurrentEncoder(impl.doc, "UTF-8");
  Status s = document->LoadFonts(fonts);
  if (!s.ok()) return s;
  document->NewPage();
  return document;
}

Status Document::LoadFonts(const FontFiles& fonts) {
  const std::array<const std::string*, 3> paths = {&fonts.sans, &fonts.sans_bold, &fonts.serif};
  for (size_t i = 0; i < paths.size(); ++i) {
    const std::string& path = *paths[i];
    size_t same = 0;
    while (same < i && *paths[same] != path) ++same;
    if (same < i) {
      impl_->fonts[i] = impl_->fonts[same];  // one file serving several faces
      continue;
    }
    const char* name = HPDF_LoadTTFontFromFile(impl_->doc, path.c_str(), HPDF_TRUE);
    if (name != nullptr) impl_->fonts[i] = HPDF_GetFont(impl_->doc, name, "UTF-8");
    if (impl_->fonts[i] != nullptr) WriteToUnicode(impl_->fonts[i]);
    if (name == nullptr || impl_->fonts[i] == nullptr || impl_->error != HPDF_OK) {
      char code[32] = "";
      if (impl_->error != HPDF_OK)
        std::snprintf(code, sizeof(code), " (erreur libharu 0x%04X)",
                      static_cast<unsigned>(impl_->error));
      return Status::InvalidArgument("police " + path +
                                     " illisible : une police TrueType (.ttf) est attendue" + code);
    }
  }
  HPDF_Font body = impl_->fonts[0];
  impl_->ascent = HPDF_Font_GetAscent(body) / 1000.0;
  impl_->descent = -HPDF_Font_GetDescent(body) / 1000.0;
  if (impl_->ascent <= 0 || impl_->ascent > 2) impl_->ascent = 0.93;
  if (impl_->descent < 0 || impl_->descent > 1) impl_->descent = 0.24;
  return Status::OK();
}

Status Document::SetInfo(const DocumentInfo& info) {
  int year = 0, month = 0, day = 0;
  if (!IsIsoDate(info.date) || std::sscanf(info.date.c_str(), "%d-%d-%d", &year, &month, &day) != 3)
    return Status::InvalidArgument("date « " + info.date +
                                   " » invalide : attendu AAAA-MM-JJ, par exemple 2025-01-15");
  HPDF_Doc doc = impl_->doc;
  HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, PdfSafeText(info.title).c_str());
  HPDF_SetInfoAttr(doc, HPDF_INFO_SUBJECT, PdfSafeText(info.subject).c_str());
  HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, PdfSafeText(info.creator).c_str());
  HPDF_Date date = {year, month, day, 0, 0, 0, ' ', 0, 0};
  HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date);
  HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, date);
  return Status::OK();
}

void Document::NewPage() {
  HPDF_Page page = HPDF_AddPage(impl_->doc);
  HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(layout_.width));
  HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(layout_.height));
  pages_.push_back(page);
  impl_->page = page;
  cursor_ = Top();
}

void Document::Space(double dy) {
  if (AtPageTop()) return;
  if (cursor_ + dy > Bottom()) {
    NewPage();
  } else {
    cursor_ += dy;
  }
}

bool Document::EnsureSpace(double height) {
  if (AtPageTop() || height <= SpaceLeft() + 0.01) return false;
  NewPage();
  return true;
}

// ---- measurement ----

double Document::TextWidth(std::string_view text, const TextStyle& style) const {
  if (text.empty()) return 0;
  const std::string safe = PdfSafeText(text);
  HPDF_TextWidth tw = HPDF_Font_TextWidth(impl_->FontOf(style.face),
                                          reinterpret_cast<const HPDF_BYTE*>(safe.data()),
                                          static_cast<HPDF_UINT>(safe.size()));
  return tw.width * style.size / 1000.0;
}

MeasureFn Document::Measure() const {
  return [this](std::string_view text, const TextStyle& style) { return TextWidth(text, style); };
}

std::vector<WrappedLine> Document::Wrap(const std::vector<TextRun>& runs, double width) const {
  return WrapRuns(runs, std::max(width, 1.0), Measure());
}

std::string Document::Ellipsize(std::string_view text, const TextStyle& style, double width) const {
  if (TextWidth(text, style) <= width) return std::string(text);
  const std::string ellipsis = "…";
  std::string out;
  double used = TextWidth(ellipsis, style);
  for (size_t i = 0; i < text.size();) {
    size_t n = 1;
    while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
    const double w = TextWidth(text.substr(i, n), style);
    if (used + w > width) break;
    out.append(text.substr(i, n));
    used += w;
    i += n;
  }
  return out + ellipsis;
}

double Document::TextHeight(const std::vector<TextRun>& runs, double width) const {
  double height = 0;
  for (const WrappedLine& line : Wrap(runs, width)) height += line.height;
  return height;
}

double Document::Baseline(const WrappedLine& line, double top) const {
  const double s = line.font_size;
  return top + (line.height - (impl_->ascent + impl_->descent) * s) / 2 + impl_->ascent * s;
}

// ---- drawing ----

void Document::DrawText(std::string_view text, const TextStyle& style, double x, double baseline) {
  if (text.empty()) return;
  const std::string safe = PdfSafeText(text);
  HPDF_Page page = impl_->page;
  HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(style.color.r),
                       static_cast<HPDF_REAL>(style.color.g),
                       static_cast<HPDF_REAL>(style.color.b));
  HPDF_Page_BeginText(page);
  HPDF_Page_SetFontAndSize(page, impl_->FontOf(style.face), static_cast<HPDF_REAL>(style.size));
  HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(x),
                    static_cast<HPDF_REAL>(layout_.height - baseline), safe.c_str());
  HPDF_Page_EndText(page);
}

void Document::DrawLine(const WrappedLine& line, const std::vector<TextRun>& runs, double x,
                        double top, double width, Align align) {
  double offset = 0;
  if (align == Align::kRight) offset = width - line.width;
  if (align == Align::kCenter) offset = (width - line.width) / 2;
  const double baseline = Baseline(line, top);
  for (const LinePiece& piece : line.pieces)
    DrawText(piece.text, runs[piece.run].style, x + offset + piece.x, baseline);
}

namespace {

void SetStroke(HPDF_Page page, Color c, double line_width) {
  HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g),
                         static_cast<HPDF_REAL>(c.b));
  HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(line_width));
}

void SetFill(HPDF_Page page, Color c) {
  HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g),
                       static_cast<HPDF_REAL>(c.b));
}

}  // namespace

void Document::FillRect(const Box& box, Color fill) {
  HPDF_Page page = impl_->page;
  SetFill(page, fill);
  HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(box.x),
                      static_cast<HPDF_REAL>(layout_.height - box.bottom()),
                      static_cast<HPDF_REAL>(box.width), static_cast<HPDF_REAL>(box.height));
  HPDF_Page_Fill(page);
}

void Document::StrokeRect(const Box& box, Color stroke, double line_width) {
  HPDF_Page page = impl_->page;
  SetStroke(page, stroke, line_width);
  HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(box.x),
                      static_cast<HPDF_REAL>(layout_.height - box.bottom()),
                      static_cast<HPDF_REAL>(box.width), static_cast<HPDF_REAL>(box.height));
  HPDF_Page_Stroke(page);
}

void Document::FillStrokeRect(const Box& box, Color fill, Color stroke, double line_width) {
  HPDF_Page page = impl_->page;
  SetFill(page, fill);
  SetStroke(page, stroke, line_width);
  HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(box.x),
                      static_cast<HPDF_REAL>(layout_.height - box.bottom()),
                      static_cast<HPDF_REAL>(box.width), static_cast<HPDF_REAL>(box.height));
  HPDF_Page_FillStroke(page);
}

void Document::StrokeLine(double x1, double y1, double x2, double y2, Color stroke,
                          double line_width) {
  HPDF_Page page = impl_->page;
  SetStroke(page, stroke, line_width);
  HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(x1), static_cast<HPDF_REAL>(layout_.height - y1));
  HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(x2), static_cast<HPDF_REAL>(layout_.height - y2));
  HPDF_Page_Stroke(page);
}

// ---- flow ----

size_t Document::LinesThatFit(const std::vector<WrappedLine>& lines, size_t from) const {
  double y = cursor_;
  size_t n = 0;
  for (size_t i = from; i < lines.size(); ++i, ++n) {
    if (y + lines[i].height > Bottom() + 0.01) break;
    y += lines[i].height;
  }
  return n;
}

void Document::DrawFragment(const std::vector<WrappedLine>& lines, size_t from, size_t to,
                            const std::vector<TextRun>& runs, double x, double width,
                            const ParagraphOptions& options) {
  const double top = cursor_;
  for (size_t i = from; i < to; ++i) {
    DrawLine(lines[i], runs, x, cursor_, width, runs.front().style.align);
    if (i == 0 && !options.bullet.empty()) {
      const TextStyle& style = runs.front().style;
      const double bullet_x = x - TextWidth(options.bullet + " ", style);
      DrawText(options.bullet, style, bullet_x, Baseline(lines[i], cursor_));
    }
    cursor_ += lines[i].height;
  }
  if (options.left_rule && to > from)
    StrokeLine(x - 7, top + 1, x - 7, cursor_ - 1, options.rule_color, 1.5);
}

void Document::Paragraph(const std::vector<TextRun>& runs, const ParagraphOptions& options) {
  if (runs.empty()) return;
  const double x = Left() + options.indent;
  const double width = options.width > 0 ? options.width : Right() - x;
  const std::vector<WrappedLine> lines = Wrap(runs, width);
  const size_t keep = static_cast<size_t>(std::max(1, options.keep_lines));
  // Where the paragraph must break for what follows to keep its end
  // company (keep_with_next); lines.size() when it need not.
  size_t forced = lines.size();
  if (options.keep_with_next > 0 && !AtPageTop() && LinesThatFit(lines, 0) == lines.size()) {
    double height = options.space_after + options.keep_with_next;
    for (const WrappedLine& line : lines) height += line.height;
    if (height > SpaceLeft() + 0.01) forced = lines.size() >= 2 * keep ? lines.size() - keep : 0;
  }
  if (forced == 0) NewPage();
  for (size_t i = 0; i < lines.size();) {
    const size_t remaining = lines.size() - i;
    size_t take = i < forced && forced < lines.size() ? forced - i : LinesThatFit(lines, i);
    if (take < remaining) {
      if (remaining - take < keep) take = remaining >= 2 * keep ? remaining - keep : 0;
      if (take < keep) take = 0;
      if (take == 0 && AtPageTop()) take = std::max<size_t>(LinesThatFit(lines, i), 1);
    }
    DrawFragment(lines, i, i + take, runs, x, width, options);
    i += take;
    if (i < lines.size()) NewPage();
  }
  cursor_ += options.space_after;
}

void Document::Paragraph(std::string_view text, const TextStyle& style,
                         const ParagraphOptions& options) {
  Paragraph(std::vector<TextRun>{{std::string(text), style}}, options);
}

void Document::Heading(std::string_view text, const TextStyle& style, double keep_with_next,
                       double space_after) {
  std::vector<TextRun> runs = {{std::string(text), style}};
  const std::vector<WrappedLine> lines = Wrap(runs, ContentWidth());
  double height = 0;
  for (const WrappedLine& line : lines) height += line.height;
  EnsureSpace(height + space_after + keep_with_next);
  ParagraphOptions options;
  options.space_after = space_after;
  options.keep_lines = static_cast<int>(lines.size());
  Paragraph(runs, options);
}

// ---- finishing ----

void Document::AddFooters(const std::string& left, const std::string& center,
                          const TextStyle& style) {
  HPDF_Page current = impl_->page;
  const double baseline = layout_.height - layout_.footer_baseline;
  const double rule_y = baseline - style.size * 1.6;
  const int total = PageCount();
  const double center_width = TextWidth(center, style);
  const std::string fitted = Ellipsize(left, style, (ContentWidth() - center_width) / 2 - 10);
  for (int i = 0; i < total; ++i) {
    impl_->page = Page(pages_[static_cast<size_t>(i)]);
    StrokeLine(Left(), rule_y, Right(), rule_y, Color::Hex(0xC8C8C8), 0.5);
    DrawText(fitted, style, Left(), baseline);
    DrawText(center, style, Left() + (ContentWidth() - center_width) / 2, baseline);
    const std::string number = "page " + std::to_string(i + 1) + " / " + std::to_string(total);
    DrawText(number, style, Right() - TextWidth(number, style), baseline);
  }
  impl_->page = current;
}

Result<std::string> Document::Save() {
  HPDF_Doc doc = impl_->doc;
  if (impl_->error == HPDF_OK) HPDF_SaveToStream(doc);
  std::string out;
  if (impl_->error == HPDF_OK) {
    out.reserve(HPDF_GetStreamSize(doc));
    HPDF_ResetStream(doc);
    for (;;) {
      HPDF_BYTE buffer[65536];
      HPDF_UINT32 size = sizeof(buffer);
      HPDF_ReadFromStream(doc, buffer, &size);
      if (size == 0) break;
      out.append(reinterpret_cast<const char*>(buffer), size);
    }
  }
  if (impl_->error != HPDF_OK) {
    char code[32];
    std::snprintf(code, sizeof(code), "0x%04X/%u", static_cast<unsigned>(impl_->error),
                  static_cast<unsigned>(impl_->error_detail));
    return Status::IOError(std::string("production du PDF impossible (erreur libharu ") + code +
                           ")");
  }
  return out;
}

}  // namespace passerelle::reports
