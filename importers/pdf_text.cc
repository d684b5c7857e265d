#include "importers/pdf_text.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>

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

}  // namespace

bool LooksLikePdf(const std::string& bytes) {
  return bytes.compare(0, 5, "%PDF-") == 0 ||
         (bytes.size() > 1024 ? bytes.substr(0, 1024) : bytes).find("%PDF-") != std::string::npos;
}

Result<std::vector<std::string>> ExtractPdfPages(const std::string& bytes,
                                                 const std::string& file_name) {
  poppler::set_debug_error_function(&SilentPoppler, nullptr);
  if (bytes.find("%%EOF", bytes.size() > 2048 ? bytes.size() - 2048 : 0) == std::string::npos)
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
      text = ToUtf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
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
