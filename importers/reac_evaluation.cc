#include "importers/reac_evaluation.h"

#include <algorithm>
#include <regex>

#include "engine/text.h"
#include "importers/list_items.h"

namespace passerelle::reac {

namespace {

// Modalities of the RE, by the folded start of their row label.
struct Modality {
  const char* folded_start;
  const char* label;
};
const Modality kModalities[] = {
    {"mise en situation", "Mise en situation professionnelle"},
    {"presentation d'un projet", "Présentation d'un projet réalisé en amont de la session"},
    {"entretien technique", "Entretien technique"},
    {"questionnaire", "Questionnaire professionnel"},
    {"questionnement", "Questionnement à partir de production(s)"},
    {"entretien final", "Entretien final"},
};

// Longest modalities text kept for a bloc; the RE's CCP sections run to one
// or two pages, the gist is in the first ones.
constexpr size_t kMaxModalitiesChars = 3000;

const char* const kModalitiesHeading = "modalites d'evaluation des competences et organisation";

// "CCP", "CCP 2", "CCP - <title>", and "CCS ..." for a certificat
// complémentaire de spécialisation: returns true and the title part.
bool IsCcpLine(const Line& line, std::string* rest) {
  static const std::regex re(R"(^CC[PS]\s*\d*\s*(?:-|–|:)?\s*(.*)$)");
  std::smatch m;
  if (!std::regex_match(line.text, m, re)) return false;
  *rest = m[1].str();
  return true;
}

// The "CCP" line above the modalities heading at `heading` (at most six
// title lines between), or `heading` when there is none.
size_t FindCcpLine(const std::vector<Line>& lines, size_t heading, std::string* rest) {
  int title_lines = 0;
  for (size_t k = heading; k-- > 0 && title_lines <= 6;) {
    if (lines[k].blank()) continue;
    if (IsCcpLine(lines[k], rest)) return k;
    ++title_lines;
  }
  return heading;
}

std::string ModalityOf(const std::string& folded) {
  for (const Modality& m : kModalities)
    if (StartsWith(folded, m.folded_start)) return m.label;
  return "";
}

bool HasDuration(const std::vector<Duration>& durations, const std::string& label) {
  return std::any_of(durations.begin(), durations.end(),
                     [&](const Duration& d) { return d.label == label; });
}

// Durations of lines [begin, end): the first "HH h MM min" after a
// modality's row label is its duration; "Sans objet" gives none.
std::vector<Duration> ParseDurations(const std::vector<Line>& lines, size_t begin, size_t end) {
  std::vector<Duration> out;
  std::string current;
  Duration total;
  for (size_t i = begin; i < end; ++i) {
    const std::string folded = FoldForMatch(StripBullet(lines[i].text));
    const int minutes = ParseMinutes(lines[i].text);
    if (StartsWith(folded, "duree totale")) {
      if (folded.find("candidat") != std::string::npos && total.minutes == 0)
        total = Duration{"Durée totale", minutes};
      continue;
    }
    const std::string modality = ModalityOf(folded);
    if (!modality.empty()) current = modality;
    if (minutes > 0 && !current.empty() && !HasDuration(out, current))
      out.push_back(Duration{current, minutes});
  }
  if (total.minutes > 0) out.push_back(total);
  return out;
}

// Paragraphs of lines [begin, end), one a line, spaces collapsed; bulleted
// lines start a line of their own with "- ". The table's column titles,
// repeated on each page, are dropped.
std::string CondenseText(const std::vector<Line>& lines, size_t begin, size_t end) {
  std::vector<std::string> out(1);
  for (size_t i = begin; i < end; ++i) {
    const Line& line = lines[i];
    if (StartsWith(line.folded, "modalites competences evaluees")) continue;
    if (line.blank() || HasBullet(line.text)) {
      if (!out.back().empty()) out.emplace_back();
      if (line.blank()) continue;
      out.back() = "- ";
    }
    AppendWrapped(out.back(), StripBullet(line.text));
  }
  std::string text;
  for (const std::string& p : out) {
    const std::string c = CollapseSpaces(p);
    if (c.empty() || c == "-") continue;
    if (text.size() + c.size() > kMaxModalitiesChars) break;
    text += (text.empty() ? "" : "\n") + c;
  }
  return text;
}

// A CCP section: its "CCP" line and its modalities heading.
struct CcpSection {
  size_t ccp;
  size_t heading;
  std::string title_rest;  // title text on the "CCP" line itself
};

std::vector<CcpSection> FindCcpSections(const std::vector<Line>& lines) {
  std::vector<CcpSection> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!StartsWith(lines[i].folded, kModalitiesHeading)) continue;
    std::string rest;
    const size_t ccp = FindCcpLine(lines, i, &rest);
    if (ccp != i) out.push_back(CcpSection{ccp, i, rest});  // else the title's own section
  }
  return out;
}

// End of the section at `heading`: the next CCP section, an annex, another
// part of the RE, or the end.
size_t SectionEnd(const std::vector<Line>& lines, size_t heading, size_t next_ccp) {
  for (size_t i = heading + 1; i < next_ccp; ++i) {
    const std::string& f = lines[i].folded;
    if (StartsWith(f, "annexe") || StartsWith(f, "referentiel d'evaluation")) return i;
  }
  return next_ccp;
}

}  // namespace

int ParseMinutes(const std::string& s) {
  static const std::regex hours(R"((\d{1,2})\s*h\s*(\d{1,2})\s*min)");
  static const std::regex minutes_only(R"(^(\d{1,3})\s*min\b)");
  std::smatch m;
  if (std::regex_search(s, m, hours)) return std::stoi(m[1]) * 60 + std::stoi(m[2]);
  if (std::regex_search(s, m, minutes_only)) return std::stoi(m[1]);
  return 0;
}

std::vector<CcpEvaluation> ParseCcpEvaluations(const std::vector<Line>& lines) {
  const std::vector<CcpSection> sections = FindCcpSections(lines);
  std::vector<CcpEvaluation> out;
  for (size_t k = 0; k < sections.size(); ++k) {
    const CcpSection& s = sections[k];
    CcpEvaluation e;
    e.title = s.title_rest;
    AppendWrapped(e.title, JoinParagraph(lines, s.ccp + 1, s.heading));
    e.title = CleanItem(e.title, false);
    const size_t next = k + 1 < sections.size() ? sections[k + 1].ccp : lines.size();
    const size_t end = SectionEnd(lines, s.heading, next);
    const size_t jury = FindHeading(lines, s.heading, end, "conditions de presence");
    e.modalities = CondenseText(lines, s.heading + 1, jury);
    e.durations = ParseDurations(lines, s.heading + 1, jury);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace passerelle::reac
