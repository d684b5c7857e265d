#include "importers/list_items.h"

#include <cctype>
#include <regex>

#include "engine/text.h"

namespace passerelle {

namespace {

const char* const kBullet = "\u2022";

// Function words after which a line cannot end an item.
bool EndsWithFunctionWord(const std::string& s) {
  static const char* kWords[] = {"de", "du", "des", "d'", "d\u2019", "la", "le", "les",
                                 "l'", "l\u2019", "à", "au", "aux", "et", "ou", "en", "sur",
                                 "par", "pour", "avec", "un", "une", "dans", "son", "sa",
                                 "ses", "leur", "leurs", "qui", "que", "dont", "entre",
                                 "vers", "sous", "sans", "afin", "ainsi", "tout", "toute"};
  std::string t = Trim(s);
  size_t sp = t.find_last_of(' ');
  std::string last = ToLower(sp == std::string::npos ? t : t.substr(sp + 1));
  for (const char* w : kWords)
    if (last == w) return true;
  return false;
}

struct Fragment {
  std::string text;
  bool bulleted = false;
  std::string number;
};

// Splits one line into fragments at inline bullets and enumerations.
std::vector<Fragment> SplitLine(const std::string& line, const ListSplitOptions& options) {
  std::vector<Fragment> out;
  std::string rest = Trim(line);
  Fragment current;
  current.bulleted = HasBullet(rest);
  if (current.bulleted) rest = StripBullet(rest);
  static const std::regex kEnum(R"(^(\d{1,2}|[a-h])\)\s+)");
  std::smatch m;
  if (options.inline_enumerations && std::regex_search(rest, m, kEnum)) {
    current.bulleted = true;
    current.number = m[1];
    rest = rest.substr(m.length(0));
  }
  // Scan for inline separators.
  static const std::regex kInline(R"((\s)(-|•|(\d{1,2})\))\s+)");
  auto begin = std::sregex_iterator(rest.begin(), rest.end(), kInline);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const std::smatch& sm = *it;
    const std::string sep = sm[2];
    const bool is_enum = sm[3].matched;
    if (sep == "-" && !options.inline_dash_bullets) continue;
    if (is_enum && !options.inline_enumerations) continue;
    size_t pos = static_cast<size_t>(sm.position(0));
    current.text = rest.substr(last, pos - last);
    out.push_back(current);
    current = Fragment();
    current.bulleted = true;
    if (is_enum) current.number = sm[3];
    last = pos + static_cast<size_t>(sm.length(0));
  }
  current.text = rest.substr(last);
  out.push_back(current);
  // Drop empty leading fragment produced by a line that is only a bullet.
  std::vector<Fragment> kept;
  for (Fragment& f : out)
    if (!Trim(f.text).empty() || f.bulleted) kept.push_back(std::move(f));
  return kept;
}

void Append(std::string& item, const std::string& next) {
  std::string t = Trim(item);
  std::string n = Trim(next);
  if (t.empty()) {
    item = n;
    return;
  }
  // "porte-" + "outils" -> "porte-outils"; "Santé-" + "Environnement".
  if (t.size() >= 2 && t.back() == '-' && t[t.size() - 2] != ' ') {
    item = t + n;
    return;
  }
  item = t + " " + n;
}

}  // namespace

bool HasBullet(const std::string& line) {
  std::string t = Trim(line);
  if (StartsWith(t, kBullet) || StartsWith(t, "\u2013 ") || StartsWith(t, "* ") ||
      StartsWith(t, "o ") || StartsWith(t, "\u25e6"))
    return true;
  return t.size() >= 2 && t[0] == '-' && (t[1] == ' ' || t[1] == '\t');
}

std::string StripBullet(const std::string& line) {
  std::string t = Trim(line);
  if (StartsWith(t, kBullet)) return Trim(t.substr(std::string(kBullet).size()));
  if (StartsWith(t, "\u2013 ")) return Trim(t.substr(std::string("\u2013").size()));
  if (StartsWith(t, "\u25e6")) return Trim(t.substr(std::string("\u25e6").size()));
  if (HasBullet(t)) return Trim(t.substr(1));
  return t;
}

bool ContinuesItem(const std::string& previous, const std::string& next) {
  std::string p = Trim(previous);
  std::string n = Trim(next);
  if (p.empty() || n.empty()) return false;
  if (StartsWithLowercase(n)) return true;
  const char first = n[0];
  if (first == '(' || first == ')' || first == ';' || first == ',' || first == ':' ||
      first == '.')
    return true;
  const char last = p.back();
  if (last == ',' || (last == '-' && p.size() >= 2 && p[p.size() - 2] != ' ')) return true;
  if (last == '(' || last == '\'') return true;
  return EndsWithFunctionWord(p);
}

std::string CleanItem(const std::string& item, bool strip_final_period) {
  std::string s = CollapseSpaces(item);
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    const char last = s.back();
    if (last == ';' || last == ',' || last == ':' || (strip_final_period && last == '.')) {
      s.pop_back();
      changed = true;
    }
    s = Trim(s);
    if (EndsWith(s, " et") || EndsWith(s, " ou")) {
      s = Trim(s.substr(0, s.size() - 3));
      changed = true;
    }
  }
  return s;
}

ListSplit SplitListItems(const std::vector<std::string>& lines, const ListSplitOptions& options) {
  std::vector<Fragment> fragments;
  for (const std::string& line : lines) {
    if (Trim(line).empty()) continue;
    for (Fragment& f : SplitLine(line, options)) fragments.push_back(std::move(f));
  }
  bool any_bullet = false;
  for (const Fragment& f : fragments) any_bullet |= f.bulleted;

  ListSplit out;
  std::vector<std::string> items;
  bool in_items = false;
  for (const Fragment& f : fragments) {
    if (f.bulleted) {
      items.push_back(Trim(f.text));
      out.numbers.push_back(f.number);
      in_items = true;
    } else if (any_bullet && !in_items) {
      Append(out.preamble, f.text);
    } else if (!items.empty() && ContinuesItem(items.back(), f.text)) {
      Append(items.back(), f.text);
    } else {
      items.push_back(Trim(f.text));
      out.numbers.push_back("");
    }
  }
  for (size_t i = 0; i < items.size(); ++i) {
    std::string item = CleanItem(items[i], options.strip_final_period);
    if (item.empty()) continue;
    out.items.push_back(options.capitalize ? CapitalizeFirst(item) : item);
    if (out.numbers.size() < out.items.size()) out.numbers.push_back("");
    out.numbers[out.items.size() - 1] = out.numbers[i];
  }
  out.numbers.resize(out.items.size());
  out.preamble = CleanItem(out.preamble, false);
  return out;
}

}  // namespace passerelle
