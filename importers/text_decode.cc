#include "importers/text_decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

#include "engine/text.h"

namespace passerelle {

namespace {


Result<std::string> Convert(const std::string& bytes, const char* charset,
                            const std::string& file_name) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), charset);
  if (u.isBogus()) status = U_INVALID_CHAR_FOUND;
  if (U_FAILURE(status))
    return Status::InvalidArgument("fichier " + file_name + " : impossible de convertir le texte depuis l'encodage " +
                                   charset);
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string DetectCharset(const std::string& bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status),
                                                                   &ucsdet_close);
  if (U_FAILURE(status)) return "windows-1252";
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || !match) return "windows-1252";
  std::string name = ucsdet_getName(match, &status);
  if (U_FAILURE(status)) return "windows-1252";
  // French text that is not UTF-8 is Windows-1252 or ISO-8859-1/15 in
  // practice; ICU often says ISO-8859-1 for Windows-1252 text (a superset for
  // printable characters), so decode both as Windows-1252 which also maps the
  // typographic quotes and the euro sign.
  if (name == "ISO-8859-1" || name == "ISO-8859-15" || name == "windows-1252" ||
      name.rfind("UTF", 0) == 0)
    return "windows-1252";
  return name;
}

}  // namespace

bool LooksBinary(const std::string& bytes) {
  size_t control = 0;
  const size_t n = std::min<size_t>(bytes.size(), 64 * 1024);
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
  }
  return n > 0 && control * 20 > n;  // more than 5 %
}

bool IsValidUtf8(const std::string& bytes) {
  return FirstInvalidUtf8(bytes) == std::string::npos;
}

Result<std::string> DecodeText(const std::string& bytes, const std::string& file_name) {
  if (Trim(bytes).empty())
    return Status::InvalidArgument("fichier " + file_name + " : le fichier est vide");
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xFE)
    return Convert(bytes.substr(2), "UTF-16LE", file_name);
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
      static_cast<unsigned char>(bytes[1]) == 0xFF)
    return Convert(bytes.substr(2), "UTF-16BE", file_name);
  if (LooksBinary(bytes))
    return Status::InvalidArgument("fichier " + file_name +
                                   " : contenu binaire, ce n'est pas un document texte");
  std::string body = bytes;
  if (StartsWith(body, "\xEF\xBB\xBF")) body.erase(0, 3);
  if (IsValidUtf8(body)) return body;
  return Convert(body, DetectCharset(body).c_str(), file_name);
}

std::string CleanExtractedText(const std::string& utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  icu::UnicodeString out;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (c == '\r') {
      if (i < u.length() && u.charAt(i) == '\n') continue;
      out.append(u'\n');
    } else if (c == '\f' || c == 0x2028 || c == 0x2029) {
      out.append(u'\n');
    } else if (c == 0x00A0 || c == 0x202F || c == 0x2007 || c == 0x2009) {
      out.append(u' ');
    } else if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF || c == 0x00AD) {
      // zero-width characters and soft hyphens vanish
    } else if ((c >= 0xE000 && c <= 0xF8FF) || c == 0x2022 || c == 0x25CF || c == 0x25AA ||
               c == 0x25A0 || c == 0x2023 || c == 0x2043 || c == 0x25E6 || c == 0x27A2 ||
               c == 0x00B7 || c == 0x2219) {
      out.append(u'\u2022');  // one bullet glyph for all
    } else {
      out.append(c);
    }
  }
  std::string s;
  out.toUTF8String(s);
  return NormalizeNfc(s);
}

}  // namespace passerelle
