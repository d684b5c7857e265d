#include "pdf_inspect.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>
#include <stdexcept>

#include "engine/text.h"

namespace passerelle::testing {

namespace {

std::string Utf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

void Silent(const std::string&, void*) {}

}  // namespace

std::string Flatten(const std::string& text) {
  std::string spaced;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\u202F") == 0) {
      spaced.push_back(' ');
      i += 2;
    } else if (text.compare(i, 2, "\u00A0") == 0) {
      spaced.push_back(' ');
      i += 1;
    } else {
      spaced.push_back(text[i]);
    }
  }
  return CollapseSpaces(spaced);
}

std::string PdfContent::FlatText() const {
  std::string all;
  for (const PdfPage& page : pages) all += page.text + "\n";
  return Flatten(all);
}

std::string TextInColumn(const PdfPage& page, double x_from, double x_to) {
  std::string out;
  for (const PdfWord& w : page.words) {
    if (w.x < x_from || w.x >= x_to) continue;
    if (!out.empty()) out.push_back(' ');
    out += w.text;
  }
  return Flatten(out);
}

PdfContent InspectPdf(const std::string& bytes) {
  poppler::set_debug_error_function(&Silent, nullptr);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc || doc->is_locked()) throw std::runtime_error("poppler cannot open the PDF");
  PdfContent content;
  content.title = Utf8(doc->get_title());
  content.subject = Utf8(doc->get_subject());
  content.creator = Utf8(doc->get_creator());
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) throw std::runtime_error("poppler cannot open page " + std::to_string(i + 1));
    PdfPage p;
    const poppler::rectf box = page->page_rect(poppler::media_box);
    p.width = box.width();
    p.height = box.height();
    p.text = Utf8(page->text());
    for (const poppler::text_box& word : page->text_list(poppler::page::text_list_include_font)) {
      const poppler::rectf r = word.bbox();
      const bool font = word.has_font_info();
      p.words.push_back({Utf8(word.text()), r.x(), r.y(), r.width(), r.height(),
                         font ? word.get_font_name() : "", font ? word.get_font_size() : 0});
    }
    content.pages.push_back(std::move(p));
  }
  return content;
}

}  // namespace passerelle::testing
