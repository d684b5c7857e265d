#include "importers/reac_lines.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "engine/text.h"
#include "importers/list_items.h"

namespace passerelle::reac {

namespace {

// Labels of the page header table when pdftotext puts each cell on its own
// line (TP-01352 layout), folded.
// clang-format off
const char* const kHeaderLabels[] = {
    "sigle", "type de document", "code titre", "millesime", "date de validation",
    "date de mise a jour", "date dernier jo", "date dernier j.o.", "date de publication",
    "date de parution", "page"};
// clang-format on

const std::regex& TpCodeToken() {
  static const std::regex re(R"(^TP-\d{5}$)");
  return re;
}

bool IsHeaderLabel(const std::string& folded) {
  for (const char* label : kHeaderLabels)
    if (folded == label) return true;
  return false;
}

// A cell value of the header table: one short word ("AIS", "REAC",
// "TP-01352", "01", "18/04/2018", "17/44").
bool IsHeaderValue(const std::string& text) {
  return !text.empty() && text.size() <= 20 && text.find(' ') == std::string::npos;
}

bool IsPageNumber(const std::string& text) {
  static const std::regex re(R"(^(page\s*)?\d{1,3}(\s*(/|sur)\s*\d{1,3})?$)");
  return std::regex_match(text, re);
}

bool IsTableOfContentsLine(const std::string& text) {
  static const std::regex re(R"(\.{5,}\s*\d*\s*$)");
  return std::regex_search(text, re);
}

bool IsUrlLine(const std::string& folded) {
  return StartsWith(folded, "http") || StartsWith(folded, "www.") ||
         StartsWith(folded, "site : http") || StartsWith(folded, "site: http");
}

bool IsBoilerplateLine(const std::string& folded) {
  return StartsWith(folded, "article l 122-4") || StartsWith(folded, "article l122-4") ||
         StartsWith(folded, "realise par l'afpa") || IsUrlLine(folded);
}

std::vector<std::string> Words(const std::string& collapsed) {
  std::vector<std::string> words;
  for (size_t b = 0; b < collapsed.size();) {
    size_t e = collapsed.find(' ', b);
    if (e == std::string::npos) e = collapsed.size();
    words.push_back(collapsed.substr(b, e - b));
    b = e + 1;
  }
  return words;
}

// The values of a header table without its labels, as a footer:
// "TUAO REAC TP-00211 08 05/11/2020 05/11/2020 35/40".
bool IsHeaderValuesLine(const std::string& text) {
  const std::vector<std::string> cells = Words(CollapseSpaces(text));
  if (cells.size() < 4 || cells.size() > 9) return false;
  if (cells.back().find('/') == std::string::npos || !IsPageNumber(cells.back())) return false;
  return std::any_of(cells.begin(), cells.end(),
                     [](const std::string& c) { return std::regex_match(c, TpCodeToken()); });
}

// Removes page furniture line by line; see CleanLines.
class Cleaner {
 public:
  explicit Cleaner(const std::string& text) : raw_(SplitLines(text)) {}

  CleanDocument Run() {
    size_t i = 0;
    while (i < raw_.size()) {
      size_t next = SkipFurniture(i);
      if (next > i) {
        MarkPageBreak();
        i = next;
        continue;
      }
      if (!IsTableOfContentsLine(Trim(raw_[i]))) Emit(raw_[i]);
      ++i;
    }
    return std::move(doc_);
  }

 private:
  // Index after the furniture starting at `i`, or `i` when there is none.
  size_t SkipFurniture(size_t i) {
    const std::string text = Trim(raw_[i]);
    if (text.empty()) return i;
    const std::string folded = FoldForMatch(text);
    if (StartsWith(folded, "sigle type de document")) return SkipTableHeader(i, folded);
    if (IsHeaderLabel(folded)) return SkipLabelBlock(i);
    if (IsHeaderValuesLine(text)) return i + 1;
    if (IsPageNumber(folded)) return i + 1;
    if (StartsWith(folded, "reproduction interdite")) return SkipCopyright(i);
    if (IsBoilerplateLine(folded)) return i + 1;
    return i;
  }

  // Index of the first non-blank line after `i` (at most two blank lines
  // skipped), or raw_.size().
  size_t NextContent(size_t i) const {
    size_t j = i + 1;
    for (int blanks = 0; j < raw_.size() && Trim(raw_[j]).empty() && blanks < 2; ++blanks) ++j;
    return j < raw_.size() && !Trim(raw_[j]).empty() ? j : raw_.size();
  }

  // "SIGLE Type de document Code titre Millésime Date de Validation ..." then
  // the values on one line ("TUAO REAC TP-00211 08 05/11/2020 05/11/2020
  // 35/40") or one value a line.
  size_t SkipTableHeader(size_t i, const std::string& folded) {
    const size_t j = NextContent(i);
    if (j == raw_.size()) return i + 1;
    const std::string values = CollapseSpaces(raw_[j]);
    if (values.find(' ') == std::string::npos) return SkipHeaderValues(i, folded);
    const std::vector<std::string> cells = Words(values);
    auto code = std::find_if(cells.begin(), cells.end(), [](const std::string& c) {
      return std::regex_match(c, TpCodeToken());
    });
    if (code == cells.end() && !IsPageNumber(cells.back())) return i + 1;
    if (code != cells.end())
      RecordTableValues(cells, static_cast<size_t>(code - cells.begin()),
                        folded.find("date de validation") != std::string::npos);
    return j + 1;
  }

  // The values of a one-line header table given one a line.
  size_t SkipHeaderValues(size_t i, const std::string& folded) {
    std::vector<std::string> cells;
    size_t next = i + 1;
    for (size_t j = NextContent(i); j < raw_.size() && cells.size() < 7; j = NextContent(j)) {
      const std::string value = Trim(raw_[j]);
      if (!IsHeaderValue(value)) break;
      cells.push_back(value);
      next = j + 1;
    }
    if (cells.size() >= 3 && std::regex_match(cells[2], TpCodeToken()))
      RecordTableValues(cells, 2, folded.find("date de validation") != std::string::npos);
    return next;
  }

  void RecordTableValues(const std::vector<std::string>& cells, size_t code, bool validation) {
    PageHeaderInfo& h = doc_.header;
    if (h.code.empty()) h.code = cells[code];
    const std::string type = code >= 1 ? cells[code - 1] : "";
    if (h.sigle.empty() && code >= 2) {
      std::vector<std::string> sigle(cells.begin(), cells.begin() + static_cast<long>(code - 1));
      h.sigle = Join(sigle, " ");
    }
    if (validation && type != "RE" && h.validation_date.empty() && code + 2 < cells.size())
      h.validation_date = cells[code + 2];
  }

  // The header table with each cell on its own line: labels and values
  // alternate ("SIGLE" / "AIS" / "Type de document" / "REAC" ...) or all
  // labels come first, then all values. Values are paired with labels in
  // order. Needs two labels, or one label and its value.
  size_t SkipLabelBlock(size_t i) {
    std::vector<std::string> pending;  // labels waiting for their value
    size_t labels = 0, values = 0, next = i;
    for (size_t j = i; j < raw_.size(); ++j) {
      const std::string text = Trim(raw_[j]);
      if (text.empty()) continue;
      const std::string folded = FoldForMatch(text);
      if (IsHeaderLabel(folded)) {
        pending.push_back(folded);
        ++labels;
      } else if (!pending.empty() && IsHeaderValue(text) &&
                 (pending.front() != "page" || IsPageNumber(text))) {
        RecordLabelValue(pending.front(), text);
        pending.erase(pending.begin());
        ++values;
      } else {
        break;
      }
      next = j + 1;
    }
    return labels >= 2 || values >= 1 ? next : i;
  }

  void RecordLabelValue(const std::string& label, const std::string& value) {
    PageHeaderInfo& h = doc_.header;
    if (label == "type de document") doc_type_ = value;
    if (label == "sigle" && h.sigle.empty()) h.sigle = value;
    if (label == "code titre" && h.code.empty() && std::regex_match(value, TpCodeToken()))
      h.code = value;
    if (label == "date de validation" && doc_type_ != "RE" && h.validation_date.empty())
      h.validation_date = value;
  }

  // "Reproduction interdite" ... "art ou un procédé quelconque."
  size_t SkipCopyright(size_t i) const {
    for (size_t j = i + 1; j < raw_.size() && j <= i + 10; ++j)
      if (FoldForMatch(raw_[j]).find("quelconque") != std::string::npos) return j + 1;
    return i + 1;
  }

  void MarkPageBreak() {
    while (!doc_.lines.empty() && doc_.lines.back().blank()) doc_.lines.pop_back();
    page_break_ = true;
  }

  void Emit(const std::string& raw) {
    std::string text = Trim(raw);
    if (text.empty()) {
      if (!page_break_) doc_.lines.push_back(Line{});
      return;
    }
    // pdftotext without -layout starts each page with one space in some
    // documents (TP-00211): a page start where a blank line may be lost.
    const bool leading_space =
        raw.size() >= 2 && raw[0] == ' ' && !std::isspace(static_cast<unsigned char>(raw[1]));
    Line line;
    line.folded = FoldForMatch(text);
    line.text = std::move(text);
    line.page_start = page_break_ || leading_space;
    doc_.lines.push_back(std::move(line));
    page_break_ = false;
  }

  std::vector<std::string> raw_;
  CleanDocument doc_;
  std::string doc_type_;  // "REAC" or "RE" from the last header
  bool page_break_ = false;
};

size_t CountChar(const std::string& s, char c) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), c));
}

// True when `next` closes a parenthesis left open in `previous`.
bool ClosesParenthesis(const std::string& previous, const std::string& next) {
  if (CountChar(previous, '(') <= CountChar(previous, ')')) return false;
  const size_t close = next.find(')');
  return close != std::string::npos && next.find('(') > close;
}

int WordCount(const std::string& s) {
  int n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// The number of the fiche whose heading is line `at`: "N° k" on the heading
// line, or alone on the next line, or the first number of the heading.
FicheSection NumberFiche(const std::vector<Line>& lines, size_t at) {
  static const std::regex number(R"([Nn]\s*(?:°|º|o\.?)\s*(\d{1,2})\s*(?:-|–|:|\.)?\s*)");
  static const std::regex bare(R"(^\D*?(\d{1,2})\b\s*(?:-|–|:|\.)?\s*)");
  FicheSection s;
  s.begin = at + 1;
  std::smatch m;
  if (std::regex_search(lines[at].text, m, number) || std::regex_search(lines[at].text, m, bare)) {
    s.number = std::stoi(m[1]);
    s.heading_rest = Trim(m.suffix().str());
    return s;
  }
  size_t next = at + 1;
  while (next < lines.size() && lines[next].blank()) ++next;
  if (next < lines.size() && std::regex_search(lines[next].text, m, number) && m.position(0) == 0) {
    s.number = std::stoi(m[1]);
    s.heading_rest = Trim(m.suffix().str());
    s.begin = next + 1;
  }
  return s;
}

}  // namespace

size_t ContentLines(const std::vector<Line>& lines, const FicheSection& s) {
  size_t n = 0;
  for (size_t i = s.begin; i < s.end && i < lines.size(); ++i) n += lines[i].blank() ? 0 : 1;
  return n;
}

CleanDocument CleanLines(const std::string& text) { return Cleaner(text).Run(); }

FicheKind FicheKindOf(const Line& line) {
  const std::string& f = line.folded;
  if (!StartsWith(f, "fiche")) return FicheKind::kNone;
  if (StartsWith(f, "fiche activite type")) return FicheKind::kActivite;
  if (StartsWith(f, "fiche competence professionnelle") ||
      StartsWith(f, "fiche de competence professionnelle"))
    return FicheKind::kCompetence;
  if (StartsWith(f, "fiche des competences transversales") ||
      StartsWith(f, "fiche competence transversale") ||
      StartsWith(f, "fiche competences transversales") ||
      StartsWith(f, "fiche de la competence transversale"))
    return FicheKind::kTransversal;
  // Other fiche headings are upper case ("FICHE EMPLOI TYPE"); "Fiche(s) Rome
  // de rattachement" is a label.
  return StartsWith(line.text, "FICHE ") ? FicheKind::kOther : FicheKind::kNone;
}

bool EndsFiche(const Line& line) {
  if (line.blank()) return false;
  const std::string& f = line.folded;
  return FicheKindOf(line) != FicheKind::kNone || IsCcsHeading(line) ||
         StartsWith(f, "glossaire") || StartsWith(f, "vue synoptique") ||
         StartsWith(f, "referentiel d'evaluation") || StartsWith(f, "annexe") ||
         StartsWith(f, "referentiel emploi activites competences");
}

bool IsCcsHeading(const Line& line) {
  // A heading starts with a capital; prose wrapped before "certificat
  // complémentaire" does not.
  if (line.blank() || !std::isupper(static_cast<unsigned char>(line.text[0]))) return false;
  std::string f = line.folded;
  for (const char* lead :
       {"vue synoptique du ", "vue synoptique de la ", "vue synoptique des ", "vue synoptique de "})
    if (StartsWith(f, lead)) f = f.substr(std::string(lead).size());
  if (StartsWith(f, "certificat complementaire de specialisation") ||
      StartsWith(f, "certificats complementaires de specialisation"))
    return true;
  static const std::regex ccs(R"(^ccs\b\s*(n\s*°\s*)?\d*\s*(-|–|:|\.|$))");
  if (std::regex_search(f, ccs)) return true;
  if (FicheKindOf(line) == FicheKind::kNone) return false;
  static const std::regex in_fiche(R"(complementaires? de specialisation|\bccs\b)");
  return std::regex_search(f, in_fiche);
}

std::vector<FicheSection> FindAllFiches(const std::vector<Line>& lines, FicheKind kind) {
  std::vector<FicheSection> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (FicheKindOf(lines[i]) != kind) continue;
    FicheSection s = NumberFiche(lines, i);
    if (s.number == 0) s.heading_rest.clear();
    s.end = s.begin;
    while (s.end < lines.size() && !EndsFiche(lines[s.end])) ++s.end;
    out.push_back(s);
  }
  return out;
}

std::vector<FicheSection> FindFiches(const std::vector<Line>& lines, FicheKind kind) {
  std::vector<FicheSection> out;
  for (FicheSection s : FindAllFiches(lines, kind)) {
    if (s.number == 0) continue;
    // A number seen twice (a table of contents without leaders, a repeated
    // heading): keep the fiche with the most text.
    auto same = std::find_if(out.begin(), out.end(),
                             [&](const FicheSection& o) { return o.number == s.number; });
    if (same == out.end())
      out.push_back(s);
    else if (ContentLines(lines, s) > ContentLines(lines, *same))
      *same = s;
  }
  return out;
}

size_t FindHeading(const std::vector<Line>& lines, size_t begin, size_t end,
                   const std::string& folded_prefix) {
  for (size_t i = begin; i < end; ++i)
    if (StartsWith(lines[i].folded, folded_prefix)) return i;
  return end;
}

size_t SkipHeading(const std::vector<Line>& lines, size_t at, size_t end,
                   const std::string& folded_tail) {
  std::string heading = lines[at].folded;
  size_t j = at + 1;
  for (int wrapped = 0; !EndsWith(heading, folded_tail) && wrapped < 2 && j < end; ++wrapped) {
    if (lines[j].blank() || WordCount(lines[j].folded) > 5) break;
    heading += " " + lines[j].folded;
    ++j;
  }
  return EndsWith(heading, folded_tail) ? j : at + 1;
}

bool Continues(const std::string& previous, const std::string& next) {
  if (ContinuesItem(previous, next)) return true;
  const std::string p = Trim(previous);
  const std::string n = Trim(next);
  if (p.empty() || n.empty()) return false;
  if (p.back() == ':' || p.back() == '/') return true;
  if (ClosesParenthesis(p, n)) return true;
  return std::isdigit(static_cast<unsigned char>(n[0])) && p.back() != '.';
}

void AppendWrapped(std::string& text, const std::string& next) {
  const std::string t = Trim(text);
  const std::string n = Trim(next);
  if (t.empty() || n.empty()) {
    text = t.empty() ? n : t;
    return;
  }
  // "machines-" + "outils" -> "machines-outils"; a dash after a space is
  // punctuation and keeps its space.
  const bool hyphen = t.back() == '-' && t.size() >= 2 && t[t.size() - 2] != ' ';
  text = hyphen ? t + n : t + " " + n;
}

std::string JoinParagraph(const std::vector<Line>& lines, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end && i < lines.size(); ++i)
    if (!lines[i].blank()) AppendWrapped(out, StripBullet(lines[i].text));
  return CollapseSpaces(out);
}

std::vector<ListItem> BuildItems(const std::vector<Line>& lines, size_t begin, size_t end) {
  std::vector<ListItem> items;
  bool blank_seen = false;
  bool page_seen = false;
  bool lone_bullet = false;  // a bullet alone on its line: the text follows
  for (size_t i = begin; i < end && i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank()) {
      blank_seen = true;
      continue;
    }
    const bool bullet = HasBullet(line.text) || line.text == "\u2022";
    const std::string text = bullet ? StripBullet(line.text) : line.text;
    page_seen = page_seen || line.page_start;
    if (text.empty() || text == "\u2022") {
      lone_bullet = true;
      continue;
    }
    const bool new_item =
        bullet || lone_bullet || items.empty() || !Continues(items.back().text, text);
    if (new_item)
      items.push_back(ListItem{text, blank_seen, page_seen});
    else
      AppendWrapped(items.back().text, text);
    blank_seen = page_seen = lone_bullet = false;
  }
  std::vector<ListItem> out;
  for (ListItem& item : items) {
    item.text = CleanItem(item.text, false);
    if (!item.text.empty()) out.push_back(std::move(item));
  }
  return out;
}

std::string IsoDate(const std::string& s) {
  static const std::regex re(R"((\d{1,2})/(\d{1,2})/(\d{4}))");
  std::smatch m;
  if (!std::regex_search(s, m, re)) return "";
  auto two = [](const std::string& d) { return d.size() == 1 ? "0" + d : d; };
  return m[3].str() + "-" + two(m[2].str()) + "-" + two(m[1].str());
}

}  // namespace passerelle::reac
