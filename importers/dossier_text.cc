#include "importers/dossier_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "engine/text.h"

namespace passerelle {

namespace {

constexpr size_t kMaxHeadingChars = 100;

// The code points of `s`, for looking at its first and last characters.
std::u32string CodePoints(const std::string& s) {
  std::u32string out;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (c >= 0) out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

bool IsClosing(char32_t c) {
  return c == U'»' || c == U'”' || c == U'"' || c == U'’' || c == U'\'' || c == U')' || c == U']';
}

bool IsBullet(char32_t c) {
  return c == U'-' || c == U'*' || c == U'+' || c == U'•' || c == U'–' || c == U'—' || c == U'>' ||
         c == U'▪' || c == U'◦';
}

bool StartsWithFirstPersonSubject(const std::string& line) {
  const std::string folded = FoldForMatch(line);
  for (const char* subject : {"je ", "j'", "j ", "nous ", "on "})
    if (StartsWith(folded, subject)) return true;
  return false;
}

// "# Title ##" → "Title"; false when `line` is not an ATX heading.
bool AtxHeading(const std::string& line, std::string* heading) {
  size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6) return false;
  if (hashes < line.size() && line[hashes] != ' ' && line[hashes] != '\t') return false;
  std::string rest = Trim(std::string_view(line).substr(hashes));
  size_t end = rest.size();
  while (end > 0 && rest[end - 1] == '#') --end;
  if (end == 0 || rest[end - 1] == ' ') rest = Trim(std::string_view(rest).substr(0, end));
  *heading = rest;
  return true;
}

bool IsSetextUnderline(const std::string& line) {
  if (line.size() < 2 || (line[0] != '=' && line[0] != '-')) return false;
  return line.find_first_not_of(line[0]) == std::string::npos;
}

DossierBlock MarkdownBlock(const std::vector<std::string>& lines) {
  DossierBlock block;
  size_t first_body = 0;
  std::string heading;
  while (first_body < lines.size() && AtxHeading(lines[first_body], &heading)) {
    block.heading = heading;
    ++first_body;
  }
  if (first_body == 0 && lines.size() == 2 && IsSetextUnderline(lines[1])) {
    block.heading = lines[0];
    first_body = 2;
  }
  std::vector<std::string> body(lines.begin() + static_cast<long>(first_body), lines.end());
  block.text = Join(body, " ");
  return block;
}

DossierBlock PlainBlock(const std::vector<std::string>& lines, bool last) {
  DossierBlock block;
  if (lines.size() == 1 && !last && LooksLikeHeading(lines[0]))
    block.heading = lines[0];
  else
    block.text = Join(lines, " ");
  return block;
}

}  // namespace

std::vector<std::vector<std::string>> BlankLineGroups(const std::string& text) {
  std::vector<std::vector<std::string>> groups;
  bool in_block = false;
  for (const std::string& raw : SplitLines(text)) {
    std::string line = Trim(raw);
    if (line.empty()) {
      in_block = false;
      continue;
    }
    if (!in_block) groups.emplace_back();
    groups.back().push_back(std::move(line));
    in_block = true;
  }
  return groups;
}

std::vector<DossierBlock> TextBlocks(const std::string& text, bool markdown) {
  const auto groups = BlankLineGroups(text);
  std::vector<DossierBlock> blocks;
  blocks.reserve(groups.size());
  for (size_t i = 0; i < groups.size(); ++i)
    blocks.push_back(markdown ? MarkdownBlock(groups[i])
                              : PlainBlock(groups[i], i + 1 == groups.size()));
  return blocks;
}

bool LooksLikeHeading(const std::string& line) {
  const std::u32string cps = CodePoints(Trim(line));
  if (cps.empty() || cps.size() > kMaxHeadingChars) return false;
  bool has_letter = false;
  for (char32_t c : cps) has_letter |= u_isalpha(static_cast<UChar32>(c)) != 0;
  if (!has_letter || IsBullet(cps.front()) || StartsWithLowercase(line)) return false;
  const char32_t last = cps.back();
  const bool closing_quote = last != U')' && last != U']' && IsClosing(last);
  if (closing_quote || last == U',' || EndsLikeSentence(line)) return false;
  return !StartsWithFirstPersonSubject(line);
}

bool EndsLikeSentence(const std::string& text) {
  std::u32string cps = CodePoints(Trim(text));
  while (!cps.empty() && IsClosing(cps.back())) cps.pop_back();
  if (cps.empty()) return false;
  const char32_t c = cps.back();
  return c == U'.' || c == U'!' || c == U'?' || c == U'…' || c == U':' || c == U';';
}

}  // namespace passerelle
