#include "importers/rncp_fields.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "engine/text.h"
#include "importers/html_remnants.h"
#include "importers/list_items.h"

namespace passerelle::rncp {

namespace {

const std::regex kOldId(R"(Code\s+(RNCP|RS)\s*:\s*(\d+))");
const std::regex kNewId(R"(N°\s*de\s*fiche\s*:?\s*(RNCP|RS)\s?(\d+))");

// The lines of the section labelled at `label_line`, with the text written
// after the label's ":" on the same line first ("Code(s) NSF : 251 ...").
std::vector<std::string> SectionWithRest(const FicheText& fiche, size_t label_line) {
  std::vector<std::string> lines;
  if (label_line == kNoLine) return lines;
  const std::string& label = fiche.line(label_line);
  const size_t colon = label.find(':');
  if (colon != std::string::npos && !Trim(label.substr(colon + 1)).empty())
    lines.push_back(Trim(label.substr(colon + 1)));
  for (std::string& line : LinesOf(fiche, fiche.SectionAfter(label_line)))
    lines.push_back(std::move(line));
  return lines;
}

// Lines of a one-paragraph value after `label_line`: leading blank lines
// skipped, then lines up to a blank line or a section label.
std::vector<std::string> FirstParagraphAfter(const FicheText& fiche, size_t label_line) {
  std::vector<std::string> lines;
  if (label_line == kNoLine) return lines;
  size_t i = label_line + 1;
  while (i < fiche.size() && fiche.blank(i)) ++i;
  for (; i < fiche.size() && !fiche.blank(i) && !fiche.IsSectionLabel(i); ++i)
    lines.push_back(Trim(fiche.line(i)));
  return lines;
}

// New layout without its "Répertoire ..." line: the paragraph just before
// "Active" / "Inactive" / "N° de fiche".
std::vector<std::string> ParagraphBeforeStatus(const FicheText& fiche) {
  size_t at = 0;
  while (at < fiche.size() && fiche.folded(at) != "active" && fiche.folded(at) != "inactive" &&
         !StartsWith(fiche.folded(at), "n° de fiche"))
    ++at;
  if (at == fiche.size()) return {};
  while (at > 0 && fiche.blank(at - 1)) --at;
  size_t begin = at;
  while (begin > 0 && !fiche.blank(begin - 1) && !fiche.IsSectionLabel(begin - 1)) --begin;
  return LinesOf(fiche, {begin, at});
}

struct CodeSyntax {
  Code::Type type;
  std::regex line;  // code at the start of a line, then the label
  std::regex next;  // another code inside a label: ", 201p Technologie"
};

const CodeSyntax& SyntaxOf(Code::Type type) {
  static const CodeSyntax kNsf{Code::Type::kNsf,
                               std::regex(R"(^(\d{3}[a-z]?)(?:\s*(?::|-|–)\s*|\s+|$)(.*)$)"),
                               std::regex(R"(,\s+(\d{3}[a-z]?)\s+)")};
  static const CodeSyntax kRome{Code::Type::kRome,
                                std::regex(R"(^([A-N]\d{4})(?:\s*(?::|-|–)\s*|\s+|$)(.*)$)"),
                                std::regex(R"(,\s+([A-N]\d{4})\s*(?::|-|–)\s*)")};
  static const CodeSyntax kFormacode{Code::Type::kFormacode,
                                     std::regex(R"(^(\d{5})(?:\s*(?::|-|–)\s*|\s+|$)(.*)$)"),
                                     std::regex(R"(,\s+(\d{5})\s*(?::|-|–)\s*)")};
  if (type == Code::Type::kNsf) return kNsf;
  return type == Code::Type::kRome ? kRome : kFormacode;
}

// Adds the code starting `text` and the ones following it in its label.
void AddCodesOfLine(const CodeSyntax& syntax, std::string value, std::string text,
                    std::vector<Code>* codes) {
  std::smatch m;
  while (std::regex_search(text, m, syntax.next)) {
    const std::string rest = m.suffix();
    if (!StartsWithUppercase(rest)) break;
    codes->push_back({syntax.type, value, CleanItem(m.prefix(), false)});
    value = m[1];
    text = rest;
  }
  codes->push_back({syntax.type, value, CleanItem(text, false)});
}

std::vector<Code> ParseCodeLines(const std::vector<std::string>& lines, Code::Type type) {
  const CodeSyntax& syntax = SyntaxOf(type);
  std::vector<Code> codes;
  for (const std::string& raw : lines) {
    const std::string line = StripBullet(CollapseSpaces(StripHtmlRemnants(raw)));
    if (line.empty()) continue;
    std::smatch m;
    if (std::regex_match(line, m, syntax.line)) {
      AddCodesOfLine(syntax, m[1], m[2], &codes);
    } else if (!codes.empty() && StartsWithLowercase(line)) {
      codes.back().label = CleanItem(JoinWrapped(codes.back().label, line), false);
    } else {
      break;
    }
  }
  return codes;
}

std::vector<Code> CodesAfter(const FicheText& fiche, std::initializer_list<const char*> labels,
                             Code::Type type) {
  for (const char* label : labels) {
    const size_t at = fiche.Find(label);
    if (at != kNoLine) return ParseCodeLines(SectionWithRest(fiche, at), type);
  }
  return {};
}

std::string DigitsOf(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c >= '0' && c <= '9') out.push_back(c);
  return out;
}

std::vector<Certificateur> NewLayoutCertificateurs(const FicheText& fiche) {
  std::vector<Certificateur> out;
  static const std::regex kInline(R"(^(.*?)\s+(\d{14})(?:\s.*)?$)");
  for (const std::string& raw :
       LinesOf(fiche, fiche.SectionAfter(fiche.Find("certificateur(s)")))) {
    const std::vector<std::string> cells = SplitCells(raw);
    const std::string name = CollapseSpaces(cells[0]);
    if (name.empty() || StartsWith(FoldForMatch(name), "nom legal")) continue;
    std::smatch m;
    if (cells.size() >= 2) {
      const std::string siret = DigitsOf(cells[1]);
      out.push_back({name, siret.size() == 14 ? siret : ""});
    } else if (std::regex_match(name, m, kInline)) {
      out.push_back({Trim(m.str(1)), m[2]});
    }
  }
  return out;
}

std::vector<Certificateur> OldLayoutCertificateurs(const FicheText& fiche) {
  std::vector<Certificateur> out;
  for (const std::string& line : FirstParagraphAfter(fiche, fiche.Find("autorite responsable"))) {
    if (StartsWith(FoldForMatch(line), "modalites d'elaboration")) break;
    const std::string name = CollapseSpaces(SplitCells(line)[0]);
    if (name.empty()) continue;
    if (!out.empty() && ContinuesItem(out.back().name, name))
      out.back().name = JoinWrapped(out.back().name, name);
    else
      out.push_back({name, ""});
  }
  return out;
}

// Event type of a "Date ..." line of the new layout, or empty.
std::string DateTypeOf(const std::string& folded_label) {
  struct Rule {
    const char* key;
    const char* type;
  };
  static const Rule kRules[] = {{"echeance", "echeance"},
                                {"publication de la fiche", "publication"},
                                {"debut des parcours", "debut-parcours"},
                                {"derniere delivrance", "derniere-delivrance"},
                                {"decision", "decision"}};
  for (const Rule& rule : kRules)
    if (folded_label.find(rule.key) != std::string::npos) return rule.type;
  return "";
}

void AddDate(std::vector<DatedEvent>* dates, const std::string& type, const std::string& iso) {
  if (type.empty() || iso.empty()) return;
  for (const DatedEvent& d : *dates)
    if (d.type == type) return;
  dates->push_back({type, iso});
}

void AddOldLayoutDate(const std::string& flat, const std::string& lead, const std::string& type,
                      std::vector<DatedEvent>* dates) {
  const std::regex pattern(lead + R"(\s+(\d{1,2})(?:er)?\s+(\S+)\s+(\d{4}))");
  std::smatch m;
  if (std::regex_search(flat, m, pattern))
    AddDate(dates, type, IsoDateFromFrench(m[1], m[2], m[3]));
}

// The X of a "Par expérience" row written without table columns, on the
// row or on the next lines of the same row.
std::optional<bool> VaeMarkWithoutColumns(const FicheText& fiche, size_t row) {
  static const std::regex kMark(R"((^|\s)[Xx](\s|$))");
  static const std::regex kLeadingMark(R"(^[Xx](\s|$))");
  if (std::regex_search(fiche.line(row), kMark)) return true;
  for (size_t i = row + 1, seen = 0; i < fiche.size() && seen < 4; ++i) {
    if (fiche.blank(i)) continue;
    ++seen;
    const std::string line = Trim(fiche.line(i));
    if (std::regex_search(line, kLeadingMark)) return true;
    if (!StartsWithLowercase(line)) break;
  }
  return std::nullopt;
}

}  // namespace

std::string FindFicheId(const FicheText& fiche) {
  std::smatch m;
  if (std::regex_search(fiche.flat(), m, kNewId) || std::regex_search(fiche.flat(), m, kOldId))
    return m.str(1) + m.str(2);
  return "";
}

bool IsNewLayout(const FicheText& fiche) { return std::regex_search(fiche.flat(), kNewId); }

std::string FindTitle(const FicheText& fiche, bool new_layout) {
  size_t at = kNoLine;
  for (size_t i = 0; i < fiche.size() && at == kNoLine; ++i) {
    const std::string& key = fiche.folded(i);
    const bool label = new_layout
                           ? key == "repertoire national des certifications professionnelles" ||
                                 key == "repertoire specifique"
                           : key == "intitule";
    if (label) at = i;
  }
  std::vector<std::string> lines = FirstParagraphAfter(fiche, at);
  if (lines.empty() && new_layout) lines = ParagraphBeforeStatus(fiche);
  std::string title;
  for (const std::string& line : lines) title = JoinWrapped(title, line);
  return CollapseSpaces(title);
}

std::string AbbreviationOf(const std::string& title) {
  // Acronyms: at most three short words ("BAC PRO", "CQP", "BP JEPS"), so
  // that an all-caps title ("TECHNICIEN - OPTION") gives none.
  static const std::regex kPrefix(R"(^((?:[^\s:]{1,6}\s){0,2}[^\s:]{1,6})\s+(?::|-|–)\s+\S)");
  std::smatch m;
  if (std::regex_search(title, m, kPrefix) && IsAllCaps(m.str(1))) return Trim(m.str(1));
  static const std::regex kTrailing(R"(\(([A-Z][A-Z0-9-]{1,9})\)\s*$)");
  if (std::regex_search(title, m, kTrailing)) return m.str(1);
  return "";
}

int FindLevel(const FicheText& fiche) {
  static const std::regex kNew(R"(Nomenclature du niveau de qualification\s*:\s*Niveau\s*(\d))");
  static const std::regex kEurope(R"((\d)\s*\(Nomenclature Europe\))");
  static const std::regex k1969(R"((?:^|\s)(I|II|III|IV|V)\s*\(Nomenclature de 1969\))");
  std::smatch m;
  const std::string& flat = fiche.flat();
  if (std::regex_search(flat, m, kNew) || std::regex_search(flat, m, kEurope))
    return std::stoi(m.str(1));
  if (!std::regex_search(flat, m, k1969)) return 0;
  const std::string roman = m.str(1);
  if (roman == "V") return 3;
  if (roman == "IV") return 4;
  if (roman == "III") return 5;
  return roman == "II" ? 6 : 7;
}

std::optional<bool> FindActive(const FicheText& fiche) {
  for (size_t i = 0; i < fiche.size(); ++i) {
    if (fiche.folded(i) == "active") return true;
    if (fiche.folded(i) == "inactive") return false;
  }
  return std::nullopt;
}

std::vector<Code> FindCodes(const FicheText& fiche) {
  std::vector<Code> codes = CodesAfter(fiche, {"code(s) nsf"}, Code::Type::kNsf);
  for (Code& c : CodesAfter(fiche, {"code(s) rome", "codes des fiches rome"}, Code::Type::kRome))
    codes.push_back(std::move(c));
  for (Code& c : CodesAfter(fiche, {"formacode(s)"}, Code::Type::kFormacode))
    codes.push_back(std::move(c));
  return codes;
}

std::vector<Certificateur> FindCertificateurs(const FicheText& fiche, bool new_layout) {
  return new_layout ? NewLayoutCertificateurs(fiche) : OldLayoutCertificateurs(fiche);
}

std::vector<DatedEvent> FindDates(const FicheText& fiche) {
  std::vector<DatedEvent> dates;
  static const std::regex kNumeric(R"((\d{2}[-/]\d{2}[-/]\d{4}))");
  for (size_t i = 0; i < fiche.size(); ++i) {
    if (!StartsWith(fiche.folded(i), "date d")) continue;
    std::smatch m;
    if (std::regex_search(fiche.line(i), m, kNumeric))
      AddDate(&dates, DateTypeOf(fiche.folded(i)), IsoDateFromNumeric(m[1]));
  }
  AddOldLayoutDate(fiche.flat(), "avec effet au", "effet", &dates);
  AddOldLayoutDate(fiche.flat(), "jusqu(?:'|’)au", "echeance", &dates);
  return dates;
}

std::optional<bool> FindVaeAccess(const FicheText& fiche) {
  // The access table follows one of these labels; prose before it may
  // start a line with "Par expérience" too.
  size_t table = fiche.Find("conditions d'inscription");
  if (table == kNoLine) table = fiche.Find("voie d'acces a la certification");
  const size_t row = fiche.Find("par experience", table == kNoLine ? 0 : table);
  if (row == kNoLine) return std::nullopt;
  const std::vector<std::string> cells = SplitCells(fiche.line(row));
  if (cells.size() < 2) return VaeMarkWithoutColumns(fiche, row);
  const std::string oui = Trim(cells[1]);
  if (oui == "X" || oui == "x") return true;
  if (oui.empty() && cells.size() >= 3) {
    const std::string non = Trim(cells[2]);
    if (non == "X" || non == "x") return false;
  }
  return std::nullopt;
}

std::vector<CertificationLink> FindLinks(const FicheText& fiche, const char* label) {
  std::vector<CertificationLink> links;
  static const std::regex kRow(R"(^((?:RNCP|RS)\s?\d+)\b\s*(?:\([^)]*\))?\s*(?::|-|–)?\s*(.*)$)");
  for (const std::string& raw : LinesOf(fiche, fiche.SectionAfter(fiche.Find(label)))) {
    const std::vector<std::string> cells = SplitCells(raw);
    const std::string first = Trim(cells[0]);
    std::smatch m;
    if (!std::regex_match(first, m, kRow)) continue;
    std::string id = m.str(1);
    id.erase(std::remove(id.begin(), id.end(), ' '), id.end());
    const std::string title = cells.size() >= 2 ? cells[1] : m.str(2);
    links.push_back({CertificationId(id), CollapseSpaces(title)});
  }
  return links;
}

std::string IsoDateFromNumeric(const std::string& text) {
  // DD-MM-YYYY or DD/MM/YYYY, checked by hand: the open-data import converts
  // six dates per fiche, 150,000 at national scale.
  const std::string t = Trim(text);
  if (t.size() != 10) return "";
  for (size_t i = 0; i < t.size(); ++i) {
    const bool separator_place = i == 2 || i == 5;
    const bool ok = separator_place ? (t[i] == '/' || t[i] == '-')
                                    : std::isdigit(static_cast<unsigned char>(t[i])) != 0;
    if (!ok) return "";
  }
  return t.substr(6, 4) + "-" + t.substr(3, 2) + "-" + t.substr(0, 2);
}

std::string IsoDateFromFrench(const std::string& day, const std::string& month,
                              const std::string& year) {
  static const char* kMonths[] = {"janvier",   "fevrier", "mars",     "avril",
                                  "mai",       "juin",    "juillet",  "aout",
                                  "septembre", "octobre", "novembre", "decembre"};
  const std::string key = FoldForMatch(month);
  for (int i = 0; i < 12; ++i) {
    if (key != kMonths[i]) continue;
    const std::string d = DigitsOf(day);
    if (d.empty() || d.size() > 2) return "";
    const std::string m = std::to_string(i + 1);
    return year + "-" + (m.size() == 1 ? "0" + m : m) + "-" + (d.size() == 1 ? "0" + d : d);
  }
  return "";
}

}  // namespace passerelle::rncp
