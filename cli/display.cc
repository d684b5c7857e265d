#include "cli/display.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "engine/text.h"

namespace passerelle::cli {

bool StdoutIsTerminal() { return ::isatty(STDOUT_FILENO) == 1; }

size_t OutputWidth() {
  if (StdoutIsTerminal()) {
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) return size.ws_col;
  }
  const char* columns = std::getenv("COLUMNS");
  if (columns == nullptr) return StdoutIsTerminal() ? 80 : 0;
  char* end = nullptr;
  const long n = std::strtol(columns, &end, 10);
  if (end == columns || *end != '\0' || n < 20 || n > 1000) return StdoutIsTerminal() ? 80 : 0;
  return static_cast<size_t>(n);
}

namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  const std::string flat = CollapseSpaces(text);
  for (size_t start = 0; start < flat.size();) {
    size_t end = flat.find(' ', start);
    if (end == std::string::npos) end = flat.size();
    if (end > start) words.push_back(flat.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// Code points shown: the escape sequences of bold ("\033[1m") take no room.
size_t DisplayLength(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\033') {
      while (i < s.size() && s[i] != 'm') ++i;
      continue;
    }
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

std::string WrapText(std::string_view text, size_t width, std::string_view first,
                     std::string_view rest) {
  std::string out(first);
  size_t used = DisplayLength(first);
  bool line_empty = true;
  for (const std::string& word : Words(text)) {
    const size_t length = DisplayLength(word);
    if (!line_empty && width > 0 && used + 1 + length > width) {
      out.append("\n").append(rest);
      used = DisplayLength(rest);
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++used;
    }
    out += word;
    used += length;
    line_empty = false;
  }
  return out + "\n";
}

std::string ShortenAtWord(std::string_view s, size_t max) {
  const std::string flat = CollapseSpaces(s);
  if (Utf8Length(flat) <= max) return flat;
  std::string out;
  for (const std::string& word : Words(flat)) {
    if (Utf8Length(out) + (out.empty() ? 0 : 1) + Utf8Length(word) > max) break;
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out + " …";
}

std::string RenderHighlights(std::string_view snippet, bool terminal) {
  std::string out;
  bool open = false;
  for (size_t i = 0; i < snippet.size(); ++i) {
    if (snippet.compare(i, 2, "**") == 0) {
      if (terminal) out += open ? "\033[0m" : "\033[1m";
      open = !open;
      ++i;
      continue;
    }
    out += snippet[i];
  }
  if (open && terminal) out += "\033[0m";
  return out;
}

size_t ColumnWidth(const std::vector<std::string>& labels) {
  size_t width = 0;
  for (const std::string& label : labels) width = std::max(width, Utf8Length(label));
  return width;
}

}  // namespace passerelle::cli
