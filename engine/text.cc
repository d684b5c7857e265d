#include "engine/text.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>

namespace passerelle {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

icu::UnicodeString ToUnicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// The first letter code point of s, or 0.
UChar32 FirstLetter(std::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c < 0) continue;
    if (u_isalpha(c)) return c;
    if (u_isdigit(c)) return 0;
    if (!u_isspace(c) && c != '"' && c != 0x00AB && c != '(' && c != 0x2019 && c != '\'')
      return 0;
  }
  return 0;
}

}  // namespace

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::vector<std::string> Split(std::string_view s, std::string_view separator) {
  std::vector<std::string> pieces;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(separator, start);
    if (at == std::string_view::npos) break;
    pieces.emplace_back(s.substr(start, at - start));
    start = at + separator.size();
  }
  pieces.emplace_back(s.substr(start));
  return pieces;
}

std::vector<std::string> SplitLines(std::string_view s) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) nl = s.size();
    std::string_view line = s.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.emplace_back(line);
    start = nl + 1;
  }
  if (!lines.empty() && lines.back().empty() && !s.empty() && s.back() == '\n') lines.pop_back();
  return lines;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out.append(sep);
    out.append(parts[i]);
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string NormalizeNfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  icu::UnicodeString out = nfc->normalize(ToUnicode(s), status);
  if (U_FAILURE(status)) return std::string(s);
  return ToUtf8(out);
}

std::string ToLower(std::string_view s) {
  icu::UnicodeString u = ToUnicode(s);
  u.foldCase();
  return ToUtf8(u);
}

std::string FoldForMatch(std::string_view s) {
  // NFD, drop combining marks, fold case; then map typography to ASCII.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = ToUnicode(s);
  if (U_SUCCESS(status)) u = nfd->normalize(u, status);
  u.foldCase();
  icu::UnicodeString kept;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    switch (c) {
      case 0x0153: kept.append(u"oe"); continue;  // œ
      case 0x00E6: kept.append(u"ae"); continue;  // æ
      case 0x2019: case 0x2018: case 0x02BC: case 0x00B4: kept.append(u'\''); continue;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: kept.append(u'-'); continue;
      case 0x00A0: case 0x202F: case 0x2009: kept.append(u' '); continue;
      default: kept.append(c);
    }
  }
  std::string folded = CollapseSpaces(ToUtf8(kept));
  // No space around hyphens: "sante- environnement" == "sante-environnement".
  std::string out;
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] == ' ' && ((i + 1 < folded.size() && folded[i + 1] == '-') ||
                             (!out.empty() && out.back() == '-')))
      continue;
    out.push_back(folded[i]);
  }
  return out;
}

bool StartsWithLowercase(std::string_view s) {
  UChar32 c = FirstLetter(s);
  return c != 0 && u_islower(c);
}

bool StartsWithUppercase(std::string_view s) {
  UChar32 c = FirstLetter(s);
  return c != 0 && (u_isupper(c) || u_istitle(c));
}

std::string CapitalizeFirst(std::string_view s) {
  icu::UnicodeString u = ToUnicode(s);
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    if (u_isalpha(c)) {
      UChar32 up = u_toupper(c);
      if (up != c) u.replace(i, U16_LENGTH(c), up);
      break;
    }
    if (!u_isspace(c)) break;
    i += U16_LENGTH(c);
  }
  return ToUtf8(u);
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

size_t FirstInvalidUtf8(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  size_t i = 0;
  // ASCII runs are the common case: skip them eight bytes at a time.
  while (i < s.size()) {
    if (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, bytes + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = static_cast<int32_t>(i);
    const int32_t n = static_cast<int32_t>(std::min<size_t>(s.size(), i + 4));
    int32_t at = start;
    UChar32 c;
    U8_NEXT(bytes, at, n, c);
    if (c < 0) return i;
    i = static_cast<size_t>(at);
  }
  return std::string_view::npos;
}

std::string RepairUtf8(std::string_view s) {
  if (FirstInvalidUtf8(s) == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0)
      out += "\xEF\xBF\xBD";
    else
      out.append(s.data() + start, static_cast<size_t>(i - start));
  }
  return out;
}

}  // namespace passerelle
