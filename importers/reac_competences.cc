#include "importers/reac_competences.h"

#include <algorithm>
#include <functional>
#include <regex>

#include "engine/text.h"
#include "importers/list_items.h"

namespace passerelle::reac {

namespace {

using Group = std::vector<ListItem>;

// Verbs (folded) that open a savoir-faire relationnel in REACs: exchanging
// information, working with others, negotiating, passing knowledge on.
// "Rédiger" is not here: in most REACs writing documentation is technical.
// clang-format off
const char* const kRelationalStarts[] = {
    "communiquer",          "rendre compte",         "travailler en equipe",
    "travailler en groupe", "travailler en binome",  "travailler en collaboration",
    "echanger",             "transmettre",           "cooperer",
    "collaborer",           "informer",              "s'adapter",
    "exprimer",             "dialoguer",             "animer",
    "negocier",             "accueillir",            "conseiller",
    "etre a l'ecoute",      "ecouter",               "argumenter",
    "reformuler",           "presenter",             "sensibiliser",
    "former ",              "expliquer",             "assurer la relation",
    "gerer la relation",    "entretenir des relations", "entretenir une relation",
    "apporter un appui",    "developper des liaisons", "relayer",
    "faire preuve d'ecoute", "adapter sa communication", "etablir une relation",
    "creer une relation",   "instaurer une relation", "mobiliser les acteurs"};
// clang-format on

// A savoir: "Connaissance(s) de ...".
bool IsSavoir(const std::string& folded) { return StartsWith(folded, "connaissance"); }

// True when the first word looks like an infinitive ("Appliquer", "Rendre",
// "Établir", "S'adapter"): a savoir-faire, not a savoir.
bool StartsWithInfinitive(const std::string& folded) {
  std::string first = folded.substr(0, folded.find(' '));
  return EndsWith(first, "er") || EndsWith(first, "ir") || EndsWith(first, "re");
}

std::vector<std::string> Texts(const Group& items) {
  std::vector<std::string> out;
  for (const ListItem& item : items) out.push_back(item.text);
  return out;
}

void Append(std::vector<std::string>& to, const Group& items) {
  for (const ListItem& item : items) to.push_back(item.text);
}

// Splits `items` before each item for which `starts_group` is true.
std::vector<Group> SplitGroups(const Group& items,
                               const std::function<bool(const ListItem&)>& starts_group) {
  std::vector<Group> groups;
  for (const ListItem& item : items) {
    if (groups.empty() || starts_group(item)) groups.emplace_back();
    groups.back().push_back(item);
  }
  return groups;
}

// Number of items at the end of `group` that are relational.
size_t RelationalTail(const Group& group) {
  size_t n = 0;
  while (n < group.size() && IsRelationalItem(group[group.size() - 1 - n].text)) ++n;
  return n;
}

bool AnyRelational(const Group& group) {
  return std::any_of(group.begin(), group.end(),
                     [](const ListItem& item) { return IsRelationalItem(item.text); });
}

// Moves the relational tail of `group` to `out.relationnels` and the rest to
// `rest`.
void SplitTail(const Group& group, std::vector<std::string>& rest, SavoirFaire& out) {
  const size_t tail = RelationalTail(group);
  for (size_t i = 0; i < group.size(); ++i)
    (i + tail < group.size() ? rest : out.relationnels).push_back(group[i].text);
}

// Assigns the groups of savoir-faire (in document order) to the three kinds.
void AssignGroups(const std::vector<Group>& groups, SavoirFaire& out) {
  const size_t n = groups.size();
  if (n == 0) return;
  if (n == 1) return SplitTail(groups[0], out.techniques, out);
  out.techniques = Texts(groups[0]);
  const Group& last = groups.back();
  for (size_t g = 1; g + 1 < n; ++g) Append(out.organisationnels, groups[g]);
  if (n == 2 && RelationalTail(last) == last.size()) {
    out.relationnels = Texts(last);  // technical and organisational merged
  } else if (n == 3 || (n > 3 && AnyRelational(last))) {
    out.relationnels = Texts(last);
  } else {
    SplitTail(last, out.organisationnels, out);
  }
}

// Index of the first heading of the fiche whose folded text satisfies
// `is_heading`, or `end`.
size_t FindIf(const std::vector<Line>& lines, size_t begin, size_t end,
              const std::function<bool(const std::string&)>& is_heading) {
  for (size_t i = begin; i < end; ++i)
    if (is_heading(lines[i].folded)) return i;
  return end;
}

bool IsDescriptionHeading(const std::string& f) {
  return StartsWith(f, "description de la competence");
}
bool IsContextHeading(const std::string& f) {
  return StartsWith(f, "contexte") && f.find("professionnel") != std::string::npos && f.size() < 60;
}
bool IsCriteriaHeading(const std::string& f) {
  return StartsWith(f, "criteres de performance") || StartsWith(f, "critere de performance");
}
bool IsSavoirFaireHeading(const std::string& f) {
  return StartsWith(f, "savoir-faire technique") ||
         (StartsWith(f, "savoir-faire") && f.find("savoirs") != std::string::npos);
}

// Positions of the four headings of a fiche (`end` when missing).
struct FicheLayout {
  size_t description, context, criteria, savoir_faire, end;
  // The first heading after `at`, or `end`.
  size_t NextAfter(size_t at) const {
    size_t next = end;
    for (size_t h : {description, context, criteria, savoir_faire})
      if (h > at && h < next) next = h;
    return next;
  }
};

FicheLayout LocateHeadings(const std::vector<Line>& lines, const FicheSection& fiche) {
  FicheLayout l;
  l.end = fiche.end;
  l.description = FindIf(lines, fiche.begin, fiche.end, IsDescriptionHeading);
  l.context = FindIf(lines, fiche.begin, fiche.end, IsContextHeading);
  l.criteria = FindIf(lines, fiche.begin, fiche.end, IsCriteriaHeading);
  l.savoir_faire = FindIf(lines, fiche.begin, fiche.end, IsSavoirFaireHeading);
  return l;
}

// The title: the heading's rest and the lines up to the first heading; with
// no heading at all, up to the first blank line after some text.
std::string ParseTitle(const std::vector<Line>& lines, const FicheSection& fiche,
                       const FicheLayout& layout) {
  size_t stop = layout.NextAfter(fiche.begin - 1);
  if (stop == layout.end) {
    stop = fiche.begin;
    while (stop < layout.end && lines[stop].blank()) ++stop;
    while (stop < layout.end && !lines[stop].blank()) ++stop;
  }
  std::string title = fiche.heading_rest;
  AppendWrapped(title, JoinParagraph(lines, fiche.begin, stop));
  return CleanItem(title, false);
}

// Lines [first, last) of the body under the heading at `heading`.
std::pair<size_t, size_t> Body(const std::vector<Line>& lines, const FicheLayout& layout,
                               size_t heading, const std::string& tail) {
  if (heading >= layout.end) return {layout.end, layout.end};
  return {SkipHeading(lines, heading, layout.end, tail), layout.NextAfter(heading)};
}

}  // namespace

bool IsRelationalItem(const std::string& item) {
  const std::string f = FoldForMatch(item);
  for (const char* start : kRelationalStarts)
    if (StartsWith(f, start)) return true;
  return false;
}

// The REAC gives the savoir-faire as one list: technical items, a blank line,
// organisational items, a blank line, relational items, a blank line, then
// the savoirs ("Connaissance de ..."). Extraction blurs that:
//  - savoirs are recognised by their first word; an item after the first
//    savoir that does not start with an infinitive is a savoir too
//    ("Notions de ...");
//  - the other items are grouped by blank lines. Three groups are the three
//    kinds. Fewer groups: a page break may have eaten a blank line, so page
//    starts are tried as separators too and used when they give exactly
//    three groups. More groups (stray blank lines): first is technical, last
//    is relational when it holds a verb of communication (IsRelationalItem),
//    the middle is organisational;
//  - otherwise (two groups, or a layout without any blank line such as
//    TP-01352): the relational items are the trailing run of items starting
//    with a verb of communication; with two groups the first is technical and
//    the rest of the second organisational; with one group everything else
//    is technical, since nothing separates technical from organisational.
SavoirFaire ClassifySavoirFaire(const std::vector<ListItem>& items) {
  SavoirFaire out;
  Group doing;
  bool in_savoirs = false;
  for (const ListItem& item : items) {
    const std::string f = FoldForMatch(item.text);
    in_savoirs = IsSavoir(f) || (in_savoirs && !StartsWithInfinitive(f));
    if (in_savoirs)
      out.savoirs.push_back(item.text);
    else
      doing.push_back(item);
  }
  std::vector<Group> hard = SplitGroups(doing, [](const ListItem& i) { return i.after_blank; });
  if (hard.size() < 3) {
    std::vector<Group> soft =
        SplitGroups(doing, [](const ListItem& i) { return i.after_blank || i.after_page_break; });
    if (soft.size() == 3) hard = std::move(soft);
  }
  AssignGroups(hard, out);
  return out;
}

namespace {

bool IsTransversalHeading(const std::string& f) {
  return IsDescriptionHeading(f) || IsContextHeading(f) || IsCriteriaHeading(f) ||
         IsSavoirFaireHeading(f);
}

// First line of the title of the entry whose description heading is at
// `description`: the run of lines just before it, back to a blank line, a
// heading, a page start (kept) or `floor`; at most four lines.
size_t TitleStart(const std::vector<Line>& lines, size_t floor, size_t description) {
  size_t start = description;
  for (int n = 0; start > floor && n < 4; ++n) {
    const Line& line = lines[start - 1];
    if (line.blank() || IsTransversalHeading(line.folded)) break;
    --start;
    if (line.page_start) break;
  }
  return start;
}

// The sorted words of a title, folded: a title whose cells pdftotext
// scattered over several lines keeps its words, not their order.
std::vector<std::string> SortedWords(const std::string& title) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : FoldForMatch(title) + " ") {
    if (ch == ' ' || ch == '\'' || ch == '.' || ch == ',') {
      // "et" / "ou" left dangling at the end of a scattered title are
      // dropped by CleanItem: not counted.
      if (!word.empty() && word != "et" && word != "ou") words.push_back(word);
      word.clear();
    } else {
      word.push_back(ch);
    }
  }
  std::sort(words.begin(), words.end());
  return words;
}

// The titles listed under "Compétences transversales de l'emploi" in the
// fiche emploi type, one a line.
std::vector<std::string> ListedTransversalTitles(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!StartsWith(lines[i].folded, "competences transversales de l'emploi")) continue;
    for (size_t j = i + 1; j < lines.size() && !lines[j].blank() && !EndsFiche(lines[j]); ++j) {
      if (StartsWith(lines[j].folded, "niveau")) break;
      out.push_back(CleanItem(StripBullet(lines[j].text), false));
    }
    if (!out.empty()) break;
  }
  return out;
}

}  // namespace

std::vector<Competence> ParseTransversalFiches(const std::vector<Line>& lines) {
  const std::vector<std::string> listed = ListedTransversalTitles(lines);
  std::vector<Competence> out;
  for (const FicheSection& fiche : FindAllFiches(lines, FicheKind::kTransversal)) {
    std::vector<size_t> starts;  // first line of each entry
    for (size_t i = fiche.begin; i < fiche.end; ++i)
      if (IsDescriptionHeading(lines[i].folded))
        // The first title runs from the heading, blank lines and all (a
        // title scattered over table cells); later ones are the paragraph
        // before their description.
        starts.push_back(starts.empty() ? fiche.begin : TitleStart(lines, fiche.begin, i));
    for (size_t k = 0; k < starts.size(); ++k) {
      FicheSection entry;
      entry.begin = starts[k];
      entry.end = k + 1 < starts.size() ? starts[k + 1] : fiche.end;
      if (k == 0) entry.heading_rest = fiche.heading_rest;
      Competence c = ParseCompetenceFiche(lines, entry);
      // "Compétence transversale n° 2 : Title" -> "Title".
      static const std::regex lead(
          R"(^comp(?:é|e|É)tence transversale\s*(n\s*°\s*)?\d*\s*(:|-|–|\.)?\s*)",
          std::regex::icase);
      c.title = std::regex_replace(c.title, lead, "", std::regex_constants::format_first_only);
      // The list of the fiche emploi type has the words in order.
      for (const std::string& title : listed)
        if (SortedWords(title) == SortedWords(c.title)) c.title = title;
      if (c.title.empty()) continue;
      c.number = "CT" + std::to_string(out.size() + 1);
      out.push_back(std::move(c));
    }
  }
  return out;
}

Competence ParseCompetenceFiche(const std::vector<Line>& lines, const FicheSection& fiche) {
  Competence c;
  c.number = "CP" + std::to_string(fiche.number);
  const FicheLayout layout = LocateHeadings(lines, fiche);
  c.title = ParseTitle(lines, fiche, layout);
  auto [db, de] = Body(lines, layout, layout.description, "oeuvre");
  c.description = JoinParagraph(lines, db, de);
  auto [xb, xe] = Body(lines, layout, layout.context, "oeuvre");
  c.context = JoinParagraph(lines, xb, xe);
  auto [cb, ce] = Body(lines, layout, layout.criteria, "performance");
  for (const ListItem& item : BuildItems(lines, cb, ce)) c.criteria.push_back(item.text);
  auto [sb, se] = Body(lines, layout, layout.savoir_faire, "savoirs");
  SavoirFaire sf = ClassifySavoirFaire(BuildItems(lines, sb, se));
  c.savoir_faire_techniques = std::move(sf.techniques);
  c.savoir_faire_organisationnels = std::move(sf.organisationnels);
  c.savoir_faire_relationnels = std::move(sf.relationnels);
  c.savoirs = std::move(sf.savoirs);
  return c;
}

}  // namespace passerelle::reac
