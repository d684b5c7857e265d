#include "importers/dossier_split.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

#include "engine/text.h"

namespace passerelle {

namespace {

// Sentences of `text` as consecutive substrings (trailing spaces included),
// or {text} when ICU cannot build the iterator.
std::vector<std::string> Sentences(const std::string& text) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale("fr@ss=standard"), status));
  if (U_FAILURE(status) || !it) return {text};
  it->setText(u);
  std::vector<std::string> sentences;
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    std::string sentence;
    u.tempSubStringBetween(start, end).toUTF8String(sentence);
    sentences.push_back(std::move(sentence));
  }
  return sentences;
}

// Byte length of the first `count` code points of `s`.
size_t PrefixBytes(const std::string& s, size_t count) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  for (size_t k = 0; k < count && i < n; ++k) U8_FWD_1(s.data(), i, n);
  return static_cast<size_t>(i);
}

// Cuts an over-long sentence into pieces of at most `max_part` code points,
// after the last space that fits when there is one.
std::vector<std::string> CutAtSpaces(const std::string& sentence, size_t max_part) {
  std::vector<std::string> pieces;
  std::string rest = sentence;
  while (Utf8Length(rest) > max_part) {
    const size_t limit = PrefixBytes(rest, max_part);
    const size_t space = rest.rfind(' ', limit);
    const size_t cut = (space != std::string::npos && space > 0) ? space + 1 : limit;
    pieces.push_back(rest.substr(0, cut));
    rest.erase(0, cut);
  }
  if (!rest.empty()) pieces.push_back(rest);
  return pieces;
}

}  // namespace

std::vector<std::string> SplitLongParagraph(const std::string& text, size_t split_above,
                                            size_t max_part) {
  if (Utf8Length(text) <= split_above) return {text};
  std::vector<std::string> parts;
  std::string current;
  size_t current_length = 0;
  auto flush = [&] {
    std::string part = Trim(current);
    if (!part.empty()) parts.push_back(std::move(part));
    current.clear();
    current_length = 0;
  };
  for (const std::string& sentence : Sentences(text)) {
    for (const std::string& piece : CutAtSpaces(sentence, max_part)) {
      const size_t length = Utf8Length(piece);
      if (current_length > 0 && current_length + length > max_part) flush();
      current += piece;
      current_length += length;
    }
  }
  flush();
  return parts;
}

size_t CountWords(const std::string& text) {
  size_t words = 0;
  bool counted = false;  // the current token already counts as a word
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, n, c);
    if (c < 0 || u_isUWhiteSpace(c)) {
      counted = false;
      continue;
    }
    if (!counted && u_isalnum(c)) {
      ++words;
      counted = true;
    }
  }
  return words;
}

}  // namespace passerelle
