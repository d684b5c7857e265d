#include "importers/rncp_xml_competences.h"

#include <optional>

#include "engine/text.h"
#include "importers/html_remnants.h"
#include "importers/list_items.h"

namespace passerelle {

namespace {

// ---- rule 1: segments ----

// HTML remnants out (flux v3), no-break spaces made spaces.
std::string Prepare(std::string_view text) {
  std::string s(text);
  if (s.find('<') != std::string::npos || s.find('&') != std::string::npos)
    s = StripHtmlRemnants(s);
  if (s.find("\xC2\xA0") == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      out.push_back(' ');
      ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// The text cut at every line break, tab or run of two or more spaces: the
// line breaks the export flattened. Segments are trimmed, empty ones dropped.
std::vector<std::string> Segments(std::string_view text) {
  std::vector<std::string> out;
  auto is_break = [&](size_t j) {
    const char c = text[j];
    return c == '\n' || c == '\r' || c == '\t' ||
           (c == ' ' && j + 1 < text.size() && text[j + 1] == ' ');
  };
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && !is_break(j)) ++j;
    std::string segment = Trim(text.substr(i, j - i));
    if (!segment.empty()) out.push_back(std::move(segment));
    while (j < text.size() &&
           (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r'))
      ++j;
    i = j;
  }
  return out;
}

// ---- rule 2: markers ----

struct Marked {
  std::string bullet;  // "*", "-", "o", "•", ... ; empty when none
  std::string number;  // "A1C1", "1.1", ... ; empty when none
  std::string text;    // the rest
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// A bullet at the start of `s`: its length, 0 when none. ASCII bullets and
// "o" need a space after them ("-Analyser" is also accepted: a dash glued to
// a capital).
size_t BulletLength(std::string_view s) {
  static const char* kWide[] = {"\u2022", "\u2013", "\u25e6", "\u25aa", "\u25cb",
                                "\u2192", "\u25ba", "\u27a2", "\u00b7"};
  for (const char* b : kWide) {
    const std::string_view bullet(b);
    if (StartsWith(s, bullet)) return bullet.size();
  }
  if (s.empty()) return 0;
  const char c = s[0];
  if (c != '*' && c != '-' && c != 'o' && c != '>') return 0;
  if (s.size() == 1 || s[1] == ' ') return 1;
  return (c == '-' || c == '*') && IsUpper(s[1]) ? 1 : 0;
}

// One group of a number at `s[i]`: up to two capitals, an optional "."
// after them ("C.1"), then one to three digits not followed by a fourth
// ("H2903" is a ROME code, not a number). Returns the end, or `i` when there
// is no group there.
size_t GroupEnd(std::string_view s, size_t i) {
  size_t j = i, letters = 0, digits = 0;
  while (j < s.size() && IsUpper(s[j]) && letters < 2) ++j, ++letters;
  if (letters > 0 && j < s.size() && s[j] == '.') ++j;
  while (j < s.size() && IsDigit(s[j]) && digits < 3) ++j, ++digits;
  if (digits == 0 || (j < s.size() && IsDigit(s[j]))) return i;
  return j;
}

// The end of a number made of groups joined directly ("A1C1") or by a dot
// ("1.1.1", "A5.C1"); `*dotted` tells whether a dot joined two groups.
size_t NumberEnd(std::string_view s, bool* dotted) {
  size_t end = GroupEnd(s, 0);
  if (end == 0) return 0;
  for (;;) {
    size_t next = GroupEnd(s, end);
    if (next > end && !IsDigit(s[end])) {  // "A1" + "C1"
      end = next;
      continue;
    }
    if (end < s.size() && s[end] == '.' && (next = GroupEnd(s, end + 1)) > end + 1) {
      *dotted = true;
      end = next;
      continue;
    }
    return end;
  }
}

// Reads a numbering token at the start of `s` into `*number`; returns the
// length consumed with its separators and spaces, 0 when `s` does not start
// with one. A number must be followed by a separator (". : ) - –"), by the
// end of the segment, or by a space (or a glued ".") and a capitalized word:
// "1.1 Recueillir", "A1C2.Apprécier", "1 : Préparer", "C.1. Organiser", "a)".
// "2 heures", "3D", "B1+", "H2903" are not numbers.
size_t NumberLength(std::string_view s, std::string* number) {
  if (s.size() >= 2 && s[0] >= 'a' && s[0] <= 'h' && s[1] == ')') {
    *number = std::string(s.substr(0, 1));
    size_t end = 2;
    while (end < s.size() && s[end] == ' ') ++end;
    return end;
  }
  bool dotted = false;
  const size_t end = NumberEnd(s, &dotted);
  if (end == 0) return 0;
  size_t j = end;
  bool separator = false;
  for (;;) {
    if (j < s.size() && (s[j] == '.' || s[j] == ':' || s[j] == ')' || s[j] == '-')) {
      separator = true;
      ++j;
    } else if (StartsWith(s.substr(j), "\u2013")) {
      separator = true;
      j += std::string_view("\u2013").size();
    } else if (j < s.size() && s[j] == ' ') {
      ++j;
    } else {
      break;
    }
  }
  const bool spaced = j > end && s[end] == ' ';
  const bool glued_period = j == end + 1 && s[end] == '.';
  const bool capital_follows = StartsWithUppercase(s.substr(j));
  const bool ok = j == s.size() || (separator && !glued_period) ||
                  ((spaced || glued_period) && capital_follows) || (dotted && spaced);
  if (!ok) return 0;
  *number = std::string(s.substr(0, end));
  return j;
}

Marked ParseMarkers(const std::string& segment) {
  Marked m;
  std::string_view rest(segment);
  if (const size_t b = BulletLength(rest)) {
    m.bullet = std::string(rest.substr(0, b));
    rest.remove_prefix(b);
    while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
  }
  if (const size_t n = NumberLength(rest, &m.number)) rest.remove_prefix(n);
  m.text = std::string(rest);
  return m;
}

// ---- rule 3: items ----

struct Item {
  std::string bullet, number, text;
  bool marked = false;
};

void Append(std::string* item, const std::string& next) {
  if (!item->empty() && item->back() == '-' && item->size() >= 2 &&
      (*item)[item->size() - 2] != ' ') {
    *item += next;  // "porte-" + "outils"
    return;
  }
  if (!item->empty()) item->push_back(' ');
  *item += next;
}

// Groups the segments into items: a marked segment opens an item (a marker
// alone on its segment applies to the next segment); an unmarked segment
// continues the current item when ContinuesItem says so (lower-case start,
// open end), otherwise opens an unmarked item, or, before the first marked
// item of a list that has markers, goes to the preamble.
std::vector<Item> GroupItems(const std::vector<std::string>& segments, std::string* preamble) {
  std::vector<Marked> marked;
  bool any_marker = false;
  for (const std::string& seg : segments) {
    Marked m = ParseMarkers(seg);
    if (!marked.empty() && marked.back().text.empty() &&
        (!marked.back().bullet.empty() || !marked.back().number.empty())) {
      // "-" or "3.1" alone: the marker of this segment's text.
      if (m.bullet.empty()) m.bullet = marked.back().bullet;
      if (m.number.empty()) m.number = marked.back().number;
      marked.pop_back();
    }
    any_marker |= !m.bullet.empty() || !m.number.empty();
    marked.push_back(std::move(m));
  }
  std::vector<Item> items;
  for (Marked& m : marked) {
    const bool is_marked = !m.bullet.empty() || !m.number.empty();
    if (is_marked) {
      items.push_back({m.bullet, m.number, m.text, true});
    } else if (items.empty() && any_marker) {
      Append(preamble, m.text);
    } else if (!items.empty() && ContinuesItem(items.back().text, m.text)) {
      Append(&items.back().text, m.text);
    } else {
      items.push_back({"", "", m.text, false});
    }
  }
  return items;
}

// ---- rule 4: nesting ----

bool NestsUnder(const std::string& parent, const std::string& child) {
  return !parent.empty() && child.size() > parent.size() + 1 && StartsWith(child, parent) &&
         child[parent.size()] == '.';
}

// Items nest under the last top-level item when their number extends its
// number ("1.1.1" under "1.1", "4.1" under "4") or when they carry another
// bullet than the first marked item of the list ("o" under "*", "-" under
// "1."). An unmarked item stays at the level of the item before it.
CompetenceList Nest(const std::vector<Item>& items, const std::string& preamble) {
  CompetenceList out;
  out.preamble = CleanItem(preamble, false);
  std::optional<std::string> top_bullet;  // bullet of the first marked item
  bool previous_nested = false;
  for (const Item& item : items) {
    if (!top_bullet && item.marked) top_bullet = item.bullet;
    bool nested = false;
    if (!out.items.empty()) {
      if (item.marked)
        nested = NestsUnder(out.items.back().number, item.number) || item.bullet != *top_bullet;
      else
        nested = previous_nested;
    }
    previous_nested = nested;
    std::string text = CleanItem(item.text, /*strip_final_period=*/true);
    if (text.empty()) continue;
    if (nested)
      out.items.back().details.push_back(std::move(text));
    else
      out.items.push_back({item.number, CapitalizeFirst(text), {}});
  }
  return out;
}

}  // namespace

CompetenceList SplitCompetenceList(std::string_view text) {
  const std::string prepared = Prepare(text);
  std::string preamble;
  const std::vector<Item> items = GroupItems(Segments(prepared), &preamble);
  return Nest(items, preamble);
}

std::string UnflattenText(std::string_view text) { return Join(Segments(Prepare(text)), "\n"); }

}  // namespace passerelle
