#include "importers/reac_activities.h"

#include <algorithm>
#include <regex>
#include <set>

#include "engine/text.h"
#include "importers/list_items.h"

namespace passerelle::reac {

namespace {

// Comparison key of a title: folded, without a final period.
std::string Key(const std::string& title) {
  std::string key = FoldForMatch(title);
  while (!key.empty() && (key.back() == '.' || key.back() == ' ')) key.pop_back();
  return key;
}

std::vector<std::string> Keys(const std::vector<std::string>& titles) {
  std::vector<std::string> keys;
  for (const std::string& t : titles) keys.push_back(Key(t));
  return keys;
}

std::set<std::string> Words(const std::string& key) {
  std::set<std::string> words;
  std::string word;
  for (char c : key + " ") {
    if (c == ' ' || c == '\'') {
      if (!word.empty()) words.insert(word);
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  return words;
}

// Jaccard index of the two titles' words.
double WordOverlap(const std::string& a, const std::string& b) {
  const std::set<std::string> wa = Words(a), wb = Words(b);
  size_t common = 0;
  for (const std::string& w : wa) common += wb.count(w);
  const size_t all = wa.size() + wb.size() - common;
  return all == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(all);
}

bool BeginsKnown(const std::string& key, const std::vector<std::string>& known) {
  return std::any_of(known.begin(), known.end(),
                     [&](const std::string& k) { return StartsWith(k, key); });
}

bool IsKnown(const std::string& key, const std::vector<std::string>& known) {
  return std::find(known.begin(), known.end(), key) != known.end();
}

// True when `line` continues the title `current`: together they still begin
// a known title, or `current` is not a known title and the line reads as its
// continuation (Continues).
bool JoinsTitle(const std::string& current, const std::string& line,
                const std::vector<std::string>& known) {
  std::string joined = current;
  AppendWrapped(joined, line);
  if (BeginsKnown(Key(joined), known)) return true;
  if (IsKnown(Key(current), known)) return false;
  return Continues(current, line);
}

// Non-blank lines of [begin, end), bullets stripped.
std::vector<std::string> TextLines(const std::vector<Line>& lines, size_t begin, size_t end) {
  std::vector<std::string> out;
  for (size_t i = begin; i < end && i < lines.size(); ++i)
    if (!lines[i].blank()) out.push_back(StripBullet(lines[i].text));
  return out;
}

// Adds `line` to `titles`, joining it to the last title when it continues it.
void AddTitleLine(std::vector<std::string>& titles, const std::string& line,
                  const std::vector<std::string>& known) {
  if (!titles.empty() && JoinsTitle(titles.back(), line, known))
    AppendWrapped(titles.back(), line);
  else
    titles.push_back(line);
}

std::vector<std::string> Cleaned(const std::vector<std::string>& titles) {
  std::vector<std::string> out;
  for (const std::string& t : titles) {
    std::string c = CleanItem(t, false);
    if (!c.empty()) out.push_back(c);
  }
  return out;
}

ActiviteType ParseActiviteFiche(const std::vector<Line>& lines, const FicheSection& fiche,
                                const std::vector<std::string>& known) {
  ActiviteType at;
  at.number = fiche.number;
  size_t title_end = FindHeading(lines, fiche.begin, fiche.end, "definition");
  if (title_end == fiche.end) {  // no heading: the first paragraph
    title_end = fiche.begin;
    while (title_end < fiche.end && lines[title_end].blank()) ++title_end;
    while (title_end < fiche.end && !lines[title_end].blank()) ++title_end;
  }
  std::string title = fiche.heading_rest;
  AppendWrapped(title, JoinParagraph(lines, fiche.begin, title_end));
  at.title = CleanItem(title, false);
  const size_t list =
      FindHeading(lines, fiche.begin, fiche.end, "liste des competences professionnelles");
  if (list == fiche.end) return at;
  const size_t begin = SkipHeading(lines, list, fiche.end, "type");
  const size_t end = FindHeading(lines, begin, fiche.end, "competences transversales");
  std::vector<std::string> titles;
  for (const std::string& line : TextLines(lines, begin, end)) AddTitleLine(titles, line, known);
  at.competence_titles = Cleaned(titles);
  return at;
}

bool EndsGlobalList(const Line& line) {
  const std::string& f = line.folded;
  return EndsFiche(line) || StartsWith(f, "competences transversales") || StartsWith(f, "niveau") ||
         StartsWith(f, "fiche(s) rome") || StartsWith(f, "code(s) nsf") ||
         StartsWith(f, "convention");
}

// "Liste des activités types et des compétences professionnelles": "1. AT
// title" (maybe wrapped) then the CP titles, for each activité type.
std::vector<ActiviteType> ParseGlobalList(const std::vector<Line>& lines,
                                          const std::vector<std::string>& known) {
  const size_t heading =
      FindHeading(lines, 0, lines.size(), "liste des activites types et des competences");
  if (heading == lines.size()) return {};
  size_t end = SkipHeading(lines, heading, lines.size(), "professionnelles");
  const size_t begin = end;
  while (end < lines.size() && !EndsGlobalList(lines[end])) ++end;
  static const std::regex numbered(R"(^(\d{1,2})\s*[.)]\s*(\S.*)$)");
  std::vector<ActiviteType> out;
  for (const std::string& line : TextLines(lines, begin, end)) {
    std::smatch m;
    if (std::regex_match(line, m, numbered)) {
      out.push_back(ActiviteType{std::stoi(m[1]), m[2].str(), {}});
    } else if (out.empty()) {
      continue;
    } else if (out.back().competence_titles.empty() && JoinsTitle(out.back().title, line, known)) {
      AppendWrapped(out.back().title, line);
    } else {
      AddTitleLine(out.back().competence_titles, line, known);
    }
  }
  for (ActiviteType& at : out) {
    at.title = CleanItem(at.title, false);
    at.competence_titles = Cleaned(at.competence_titles);
  }
  return out;
}

// Completes the activités types of the fiches with the global list.
void Merge(std::vector<ActiviteType>& ats, const std::vector<ActiviteType>& global) {
  for (const ActiviteType& g : global) {
    auto it = std::find_if(ats.begin(), ats.end(),
                           [&](const ActiviteType& a) { return a.number == g.number; });
    if (it == ats.end()) {
      ats.push_back(g);
      continue;
    }
    if (it->title.empty()) it->title = g.title;
    if (it->competence_titles.empty()) it->competence_titles = g.competence_titles;
  }
  std::sort(ats.begin(), ats.end(),
            [](const ActiviteType& a, const ActiviteType& b) { return a.number < b.number; });
}

}  // namespace

std::vector<ActiviteType> ParseActivitesTypes(const std::vector<Line>& lines,
                                              const std::vector<std::string>& known_titles) {
  std::vector<std::string> known = Keys(known_titles);
  std::vector<ActiviteType> ats;
  for (const FicheSection& fiche : FindFiches(lines, FicheKind::kActivite))
    ats.push_back(ParseActiviteFiche(lines, fiche, known));
  for (const ActiviteType& at : ats) known.push_back(Key(at.title));
  Merge(ats, ParseGlobalList(lines, known));
  return ats;
}

bool SameTitle(const std::string& a, const std::string& b) { return Key(a) == Key(b); }

double TitleOverlap(const std::string& a, const std::string& b) {
  return WordOverlap(Key(a), Key(b));
}

int MatchTitle(const std::string& title, const std::vector<std::string>& candidates) {
  const std::string key = Key(title);
  if (key.empty()) return -1;
  const std::vector<std::string> keys = Keys(candidates);
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return static_cast<int>(i);
  // One is the other, cut short: only when a single candidate fits (a cut
  // title may begin several).
  std::vector<int> prefixed;
  for (size_t i = 0; i < keys.size(); ++i) {
    const size_t shorter = std::min(keys[i].size(), key.size());
    if (shorter >= 20 && (StartsWith(keys[i], key) || StartsWith(key, keys[i])))
      prefixed.push_back(static_cast<int>(i));
  }
  if (prefixed.size() == 1) return prefixed[0];
  // Nearly the same words (a typo, a changed article); 0.8 keeps apart the
  // REAC's sibling titles that differ by one or two words out of ten.
  int best = -1;
  double best_score = 0.8;
  for (size_t i = 0; i < keys.size(); ++i) {
    const double score = WordOverlap(key, keys[i]);
    if (score > best_score) {
      best_score = score;
      best = static_cast<int>(i);
    }
  }
  return best;
}

}  // namespace passerelle::reac
