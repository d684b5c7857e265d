#include "importers/pdf_text.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>
#include <vector>

#include "engine/text.h"
#include "importers/text_decode.h"

namespace passerelle {

namespace {

// poppler reports syntax errors on stderr; we report our own message.
void SilentPoppler(const std::string&, void*) {}

std::string ToUtf8(const poppler::ustring& u) {
  poppler::byte_array bytes = u.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// How far from the start the "%PDF-" header may be.
constexpr size_t kPdfHeaderWindow = 1024;
// How far from the end the final "%%EOF" may be (readers allow some trailing
// garbage; we allow twice what the PDF reference's implementation notes say).
constexpr size_t kPdfTrailerWindow = 2048;

bool HasPdfTrailer(const std::string& bytes) {
  const size_t from = bytes.size() > kPdfTrailerWindow ? bytes.size() - kPdfTrailerWindow : 0;
  return bytes.find("%%EOF", from) != std::string::npos;
}

// True when `next` starts a new line after `box` (below it, or back to the
// left).
bool OnNextLine(const poppler::rectf& box, const poppler::rectf& next) {
  return next.top() >= box.bottom() - 0.5 * box.height() || next.right() <= box.left();
}

// poppler joins a word cut by a hyphen at a line end and drops the hyphen
// ("porte-" + "outils" -> "porteoutils"). The page's words still have it:
// every such pair found glued in `text` (in order) gets its hyphen back.
std::string RestoreLineEndHyphens(const poppler::page& page, std::string text) {
  const std::vector<poppler::text_box> boxes = page.text_list();
  size_t pos = 0;
  for (size_t i = 0; i + 1 < boxes.size(); ++i) {
    const std::string word = ToUtf8(boxes[i].text());
    if (word.empty() || word.back() != '-' || (word.size() >= 2 && word[word.size() - 2] == '-'))
      continue;
    if (!OnNextLine(boxes[i].bbox(), boxes[i + 1].bbox())) continue;
    // A dash alone ends the line ("contrôle -" / "visuel"): poppler drops
    // it between the two words.
    const bool lone = word.size() == 1;
    if (lone && i == 0) continue;
    const std::string head =
        lone ? ToUtf8(boxes[i - 1].text()) + " " : word.substr(0, word.size() - 1);
    const std::string glued = head + ToUtf8(boxes[i + 1].text());
    const size_t at = text.find(glued, pos);
    if (at == std::string::npos || at > pos + 4096) continue;
    text.insert(at + head.size(), lone ? "- " : "-");
    pos = at + glued.size() + 1;
  }
  return text;
}

}  // namespace

bool LooksLikePdf(const std::string& bytes) {
  if (StartsWith(bytes, "%PDF-")) return true;
  // Readers (Acrobat, poppler) look for the header in the first 1024 bytes:
  // web scripts send blank lines or a BOM first, old Mac tools a binary
  // wrapper. Away from the start, "%PDF-" could as well be quoted by a text
  // file, so it counts only as a whole header ("%PDF-1.7") in a file that
  // also ends like a PDF.
  const size_t header = bytes.substr(0, kPdfHeaderWindow).find("%PDF-");
  if (header == std::string::npos || header + 8 > bytes.size()) return false;
  const std::string version = bytes.substr(header + 5, 3);
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!digit(version[0]) || version[1] != '.' || !digit(version[2])) return false;
  return HasPdfTrailer(bytes);
}

Result<std::vector<std::string>> ExtractPdfPages(const std::string& bytes,
                                                 const std::string& file_name) {
  poppler::set_debug_error_function(&SilentPoppler, nullptr);
  if (!HasPdfTrailer(bytes))
    return Status::InvalidArgument("fichier " + file_name +
                                   " : PDF tronqué (marque de fin %%EOF absente)");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc)
    return Status::InvalidArgument("fichier " + file_name + " : PDF illisible ou endommagé");
  if (doc->is_locked())
    return Status::Unsupported("fichier " + file_name +
                               " : PDF protégé par un mot de passe, impossible d'en lire le texte");
  std::vector<std::string> pages;
  bool any_text = false;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    std::string text;
    if (page)
      text = RestoreLineEndHyphens(
          *page, ToUtf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout)));
    text = CleanExtractedText(text);
    any_text |= !Trim(text).empty();
    pages.push_back(std::move(text));
  }
  if (!any_text)
    return Status::Unsupported("fichier " + file_name +
                               " : PDF sans texte extractible (document numérisé ? la "
                               "reconnaissance de caractères n'est pas prise en charge)");
  return pages;
}

Result<std::string> ExtractPdfText(const std::string& bytes, const std::string& file_name) {
  auto pages = ExtractPdfPages(bytes, file_name);
  if (!pages.ok()) return pages.status();
  return Join(*pages, "\n\n");
}

}  // namespace passerelle
