// The competence details of the gap report, grouped by bloc: per competence
// its status, the best passage quoted verbatim with its location and what it
// matched, and, when it is not covered, the situations still to describe.
#include <algorithm>

#include "engine/text.h"
#include "reports/coverage_scope.h"
#include "reports/gap_report_sections.h"
#include "reports/gap_report_text.h"
#include "reports/phrasing.h"
#include "reports/typography.h"

namespace passerelle::reports {

namespace {

const CertificationId& Target(const GapReportContext& ctx) {
  return ctx.in.mapping.target.empty() ? ctx.in.certification.id : ctx.in.mapping.target;
}

std::vector<TextRun> TitleRuns(const GapReportContext& ctx, const CompetenceMapping& c) {
  const TextStyle& style = ctx.styles.h3;
  return {{CompetenceShortName(c, Target(ctx)) + " — " + Fr(c.title), style}};
}

std::string QuotedItems(const std::vector<std::string>& items);

// A label in bold grey followed by plain text, as a paragraph to draw.
struct LabelledLine {
  std::vector<TextRun> runs;
  ParagraphOptions options;
};

LabelledLine Labelled(const GapReportContext& ctx, const std::string& label,
                      const std::string& text, double indent) {
  LabelledLine line{{{label, ctx.styles.label}, {text, ctx.styles.small}}, {}};
  line.options.indent = indent;
  line.options.space_after = 2;
  return line;
}

// What of `line` must share a page with the paragraph before it: all of a
// paragraph too short to break, else its first lines (it breaks itself
// keeping as many at the head of the next page).
double KeepHeight(const Document& doc, const LabelledLine& line) {
  const std::vector<WrappedLine> lines =
      doc.Wrap(line.runs, doc.ContentWidth() - line.options.indent);
  const size_t keep = static_cast<size_t>(std::max(1, line.options.keep_lines));
  const size_t kept = lines.size() < 2 * keep ? lines.size() : keep;
  double height = kept == lines.size() ? line.options.space_after : 0;
  for (size_t i = 0; i < kept; ++i) height += lines[i].height;
  return height;
}

// What follows the quote: the matched terms, the referentiel's items shown,
// the other passages.
std::vector<LabelledLine> EvidenceTail(const GapReportContext& ctx, const CompetenceMapping& c,
                                       double indent) {
  const Evidence& best = c.evidence.front();
  std::vector<LabelledLine> tail;
  if (!best.matched.empty())
    tail.push_back(Labelled(ctx, Fr("Termes reconnus : "), Join(best.matched, ", "), indent));
  if (!best.supports.empty())
    tail.push_back(Labelled(ctx, Fr("Éléments du référentiel montrés : "),
                            Fr(QuotedItems(best.supports)), indent));
  if (c.evidence.size() > 1) {
    std::vector<std::string> others;
    const size_t shown = std::min(
        c.evidence.size(), static_cast<size_t>(std::max(0, ctx.options.max_other_locations)) + 1);
    for (size_t i = 1; i < shown; ++i)
      others.push_back(EvidenceLocation(c.evidence[i], ctx.several_dossiers));
    std::string text = Join(others, " ; ");
    const size_t rest = c.evidence.size() - shown;
    if (rest > 0) text += " et " + CountNoun(static_cast<int>(rest), "autre", "autres");
    tail.push_back(Labelled(ctx, Fr("Autres passages : "), Fr(text), indent));
  }
  return tail;
}

bool Splittable(const Document& doc, const std::vector<TextRun>& runs,
                const ParagraphOptions& options) {
  const size_t keep = static_cast<size_t>(std::max(1, options.keep_lines));
  return doc.Wrap(runs, doc.ContentWidth() - options.indent).size() >= 2 * keep;
}

// What must share a page with the paragraph before tail[from]: the
// paragraphs too short to break, up to and including the start of the
// first one that can break. A closing line ("Autres passages") then never
// starts a page on its own, nor does the tail leave its quote.
double KeepChain(const Document& doc, const std::vector<LabelledLine>& tail, size_t from) {
  double keep = 0;
  for (size_t i = from; i < tail.size(); ++i) {
    keep += KeepHeight(doc, tail[i]);
    if (Splittable(doc, tail[i].runs, tail[i].options)) break;
  }
  return keep;
}

// The best passage quoted: the heading with its location, the verbatim
// text, what follows.
struct EvidenceBlock {
  std::vector<TextRun> heading;
  std::vector<TextRun> quote;
  ParagraphOptions quote_options;
  std::vector<LabelledLine> tail;
};

EvidenceBlock MakeEvidenceBlock(const Document& doc, const GapReportContext& ctx,
                                const CompetenceMapping& c) {
  const ReportStyles& st = ctx.styles;
  const double indent = BadgeColumn(doc);
  const Evidence& best = c.evidence.front();
  EvidenceBlock block;
  block.heading = {{"Passage le plus probant", st.label},
                   {Fr(" — " + EvidenceLocation(best, ctx.several_dossiers)), st.small}};
  // Verbatim: only white space is normalised; the guillemets are ours.
  const std::string verbatim = NormalizeVerbatim(best.text);
  if (!verbatim.empty()) block.quote = {{"«\u202F" + verbatim + "\u202F»", st.quote}};
  block.quote_options.indent = indent + 10;
  block.quote_options.left_rule = true;
  block.quote_options.rule_color = kQuoteRule;
  block.quote_options.space_after = 4;
  block.tail = EvidenceTail(ctx, c, indent);
  return block;
}

// The height the quote's heading keeps with it: all of a quote too short
// to break and the tail it keeps, else the quote's first lines.
double QuoteKeep(const Document& doc, const EvidenceBlock& block) {
  if (block.quote.empty()) return KeepChain(doc, block.tail, 0);
  const std::vector<WrappedLine> lines =
      doc.Wrap(block.quote, doc.ContentWidth() - block.quote_options.indent);
  const size_t keep = static_cast<size_t>(std::max(1, block.quote_options.keep_lines));
  double height = 0;
  if (lines.size() >= 2 * keep) {
    for (size_t i = 0; i < keep; ++i) height += lines[i].height;
    return height;
  }
  for (const WrappedLine& line : lines) height += line.height;
  return height + block.quote_options.space_after + KeepChain(doc, block.tail, 0);
}

// What a competence title keeps with it when it has evidence.
double EvidenceStart(const Document& doc, const GapReportContext& ctx, const CompetenceMapping& c) {
  const EvidenceBlock block = MakeEvidenceBlock(doc, ctx, c);
  return doc.TextHeight(block.heading, doc.ContentWidth() - BadgeColumn(doc)) + 2 +
         QuoteKeep(doc, block);
}

// The quote and what follows it, each paragraph kept with what must follow
// it (KeepChain).
void DrawEvidence(Document& doc, const GapReportContext& ctx, const CompetenceMapping& c) {
  EvidenceBlock block = MakeEvidenceBlock(doc, ctx, c);
  ParagraphOptions heading = Indented(BadgeColumn(doc), 2);
  heading.keep_with_next = QuoteKeep(doc, block);
  doc.Paragraph(block.heading, heading);
  for (size_t i = 0; i < block.tail.size(); ++i)
    block.tail[i].options.keep_with_next = KeepChain(doc, block.tail, i + 1);
  block.quote_options.keep_with_next = KeepChain(doc, block.tail, 0);
  if (!block.quote.empty()) doc.Paragraph(block.quote, block.quote_options);
  for (const LabelledLine& line : block.tail) doc.Paragraph(line.runs, line.options);
}

// A referentiel item as it reads inside a list: no final period.
std::string ListItem(std::string_view item) {
  std::string text = CollapseSpaces(item);
  while (!text.empty() && (text.back() == '.' || text.back() == ';' || text.back() == ' '))
    text.pop_back();
  return text;
}

// Items of the referentiel cited as written, typos included: as quotes.
std::string QuotedItems(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const std::string& item : items) quoted.push_back("«\u202F" + ListItem(item) + "\u202F»");
  return Join(quoted, " ; ");
}

// What the referentiel asks that the dossier does not show yet, most
// actionable first: for a competence with no evidence, the competence
// itself; then the technical savoir-faire (concrete actions), the criteria,
// and the organisational and relational savoir-faire. Each item once: a
// fiche may list the competence's title among its own items.
std::vector<std::string> MissingItems(const GapReportContext& ctx, const CompetenceMapping& c,
                                      const RequirementKinds& kinds) {
  const Competence* ref = ctx.in.certification.FindCompetence(c.id);
  std::vector<std::string> items = c.missing;
  if (items.empty() && c.status == CoverageStatus::kMissing && ref != nullptr) {
    items = ref->criteria;
    for (std::string& s : ref->AllSavoirFaire()) items.push_back(std::move(s));
  }
  std::vector<std::pair<int, std::string>> ranked;
  for (std::string& item : items) {
    const int rank = kinds.IsTechnical(item)                         ? 0
                     : kinds.Of(item) == RequirementKind::kCriterion ? 1
                                                                     : 2;
    ranked.emplace_back(rank, std::move(item));
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  items.clear();
  std::vector<std::string> seen;
  auto add = [&](std::string item) {
    std::string key = FoldForMatch(ListItem(item));
    if (key.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) return;
    seen.push_back(std::move(key));
    items.push_back(std::move(item));
  };
  // The competence itself leads when nothing of it is shown, and stands
  // alone when the referentiel lists no criteria (most RNCP fiches).
  if ((c.status == CoverageStatus::kMissing || ranked.empty()) && !c.title.empty()) add(c.title);
  for (auto& [rank, item] : ranked) add(std::move(item));
  return items;
}

// The heading of a group of further items: "Critères", "Savoir-faire"…
const char* KindHeading(RequirementKind kind) {
  switch (kind) {
    case RequirementKind::kCriterion:
      return "Critères : ";
    case RequirementKind::kSavoirFaire:
      return "Savoir-faire : ";
    case RequirementKind::kSavoir:
      return "Savoirs : ";
    case RequirementKind::kUnknown:
      break;
  }
  return "Autres éléments : ";
}

// The items beyond the phrased situations, grouped by kind, each quoted as
// the referentiel writes it (its typos included).
void DrawFurtherItems(Document& doc, const GapReportContext& ctx,
                      const std::vector<std::string>& rest, size_t more,
                      const RequirementKinds& kinds, double indent) {
  const ReportStyles& st = ctx.styles;
  doc.EnsureSpace(st.label.LineHeight() + 2 * st.body.LineHeight());
  doc.Paragraph(Fr("Autres points du référentiel, non encore montrés"), st.label,
                Indented(indent, 2));
  for (RequirementKind kind : {RequirementKind::kSavoirFaire, RequirementKind::kCriterion,
                               RequirementKind::kSavoir, RequirementKind::kUnknown}) {
    std::vector<std::string> of_kind;
    for (const std::string& item : rest)
      if (kinds.Of(item) == kind) of_kind.push_back(item);
    if (of_kind.empty()) continue;
    ParagraphOptions options = Indented(indent + 12, 2);
    doc.Paragraph({{Fr(KindHeading(kind)), st.body_bold}, {Fr(QuotedItems(of_kind)) + ".", st.body}},
                  options);
  }
  if (more > 0)
    doc.Paragraph(Fr("Et " + CountNoun(static_cast<int>(more), "autre point", "autres points") +
                     " : voir la fiche du référentiel."),
                  st.body, Indented(indent + 12, 2));
}

void DrawMissing(Document& doc, const GapReportContext& ctx, const CompetenceMapping& c) {
  const ReportStyles& st = ctx.styles;
  const double indent = BadgeColumn(doc);
  const RequirementKinds kinds(ctx.in.certification.FindCompetence(c.id));
  const std::vector<std::string> items = MissingItems(ctx, c, kinds);
  if (items.empty()) return;
  if (c.evidence.empty())
    doc.Paragraph(Fr("Aucun passage du dossier ne montre encore cette compétence."), st.small,
                  Indented(indent, 2));
  doc.EnsureSpace(st.label.LineHeight() + 2 * st.body.LineHeight());
  doc.Paragraph("Ce qui reste à montrer", st.label, Indented(indent, 2));
  const size_t limit =
      std::min(items.size(), static_cast<size_t>(std::max(0, ctx.options.max_situations)));
  ParagraphOptions bullet = Indented(indent + 12, 2);
  bullet.bullet = "•";
  for (size_t i = 0; i < limit; ++i) {
    const bool title = i == 0 && items[0] == c.title;
    const RequirementKind kind = title ? RequirementKind::kSavoirFaire : kinds.Of(items[i]);
    doc.Paragraph(PhraseSituation(items[i], kind), st.body, bullet);
  }
  if (limit >= items.size()) return;
  std::vector<std::string> rest(items.begin() + static_cast<long>(limit), items.end());
  // With no evidence at all every item of the fiche is missing: a few more
  // and a pointer to the referentiel say enough.
  const size_t cap = c.status == CoverageStatus::kMissing ? 6 : rest.size();
  const size_t more = rest.size() > cap ? rest.size() - cap : 0;
  rest.resize(std::min(cap, rest.size()));
  DrawFurtherItems(doc, ctx, rest, more, kinds, indent);
}

std::string OtherBlocs(const GapReportContext& ctx, const CompetenceMapping& c,
                       const BlocId& here) {
  std::vector<std::string> names;
  for (const BlocId& b : c.blocs)
    if (b != here) names.push_back(BlocShortName(b, Target(ctx)));
  return Join(names, ", ");
}

void DrawCompetence(Document& doc, GapReportContext& ctx, const CompetenceMapping& c,
                    const BlocId& bloc) {
  const ReportStyles& st = ctx.styles;
  const double indent = BadgeColumn(doc);
  const std::string bloc_name = bloc.empty() ? "" : BlocShortName(bloc, Target(ctx));
  auto done = ctx.detailed.find(c.id.value);
  if (done != ctx.detailed.end()) {
    const std::vector<TextRun> note = {
        {Fr("Commune à plusieurs " + BlocNoun(ctx.in.certification.kind, true) +
            " : voir son détail avec " + done->second + "."),
         st.small}};
    BadgedParagraph(doc, c.status, TitleRuns(ctx, c),
                    doc.TextHeight(note, doc.ContentWidth() - indent) + 10);
    doc.Paragraph(note, Indented(indent, 10));
    return;
  }
  std::vector<TextRun> shared;
  if (c.blocs.size() > 1)
    shared = {{Fr("Compétence commune avec " + OtherBlocs(ctx, c, bloc) +
                  " : détaillée ici une seule fois."),
               st.small}};
  // Keep the title with the start of what follows: the note of a shared
  // competence, then the quote's heading and first lines (all of a short
  // quote and the lines after it), or the first situations to describe.
  const double keep =
      (shared.empty() ? 0 : doc.TextHeight(shared, doc.ContentWidth() - indent) + 3) +
      (c.evidence.empty()
           ? st.small.LineHeight() + st.label.LineHeight() + 2 * st.body.LineHeight() + 8
           : EvidenceStart(doc, ctx, c) + 4);
  BadgedParagraph(doc, c.status, TitleRuns(ctx, c), keep);
  ctx.detailed[c.id.value] =
      (bloc_name.empty() ? "" : bloc_name + ", ") + "page " + std::to_string(doc.PageNumber());
  if (!shared.empty()) doc.Paragraph(shared, Indented(indent, 3));
  if (!c.evidence.empty()) DrawEvidence(doc, ctx, c);
  if (c.status != CoverageStatus::kCovered) DrawMissing(doc, ctx, c);
  doc.Space(10);
}

// The first competence of bloc `b` in the mapping; null when it has none.
const CompetenceMapping* FirstOf(const GapReportContext& ctx, const BlocId& b) {
  for (const CompetenceMapping& c : ctx.in.mapping.competences)
    if (std::find(c.blocs.begin(), c.blocs.end(), b) != c.blocs.end()) return &c;
  return nullptr;
}

// What a bloc heading keeps with it: its coverage line and the start of its
// first competence as it will be drawn — its title, then the quote's label
// and first lines, or the first situations to describe. Measured rather
// than assumed, so that a short start does not leave a third of a page
// blank.
double BlocKeep(const Document& doc, const GapReportContext& ctx, const CompetenceMapping* first) {
  const ReportStyles& st = ctx.styles;
  double keep = st.small.LineHeight() + 8;
  if (first == nullptr) return keep + 3 * st.h3.LineHeight();
  keep += doc.TextHeight(TitleRuns(ctx, *first), doc.ContentWidth() - BadgeColumn(doc)) + 3;
  return keep + (first->evidence.empty()
                     ? st.small.LineHeight() + st.label.LineHeight() + 2 * st.body.LineHeight() + 8
                     : EvidenceStart(doc, ctx, *first) + 4);
}

void DrawBloc(Document& doc, GapReportContext& ctx, const BlocMapping& b) {
  const ReportStyles& st = ctx.styles;
  doc.Space(8);
  std::string scope;
  if (const Bloc* bloc = ctx.in.certification.FindBloc(b.id)) {
    const BlocScope kind = ScopeIn(ctx.in.certification, *bloc);
    if (kind == BlocScope::kOptional) scope = " (facultatif)";
    if (kind == BlocScope::kGeneral) scope = " (enseignement général)";
  }
  doc.Heading(BlocShortName(b.id, Target(ctx)) + " — " + Fr(BlocTitle(ctx, b)) + scope, st.h2,
              BlocKeep(doc, ctx, FirstOf(ctx, b.id)), 2);
  doc.Paragraph(Fr("Couverture : " + FormatPercent(b.coverage) + " — " +
                   StatusCounts(b.covered, b.partial, b.missing)),
                st.small, Indented(0, 8));
  for (const CompetenceMapping& c : ctx.in.mapping.competences)
    if (std::find(c.blocs.begin(), c.blocs.end(), b.id) != c.blocs.end())
      DrawCompetence(doc, ctx, c, b.id);
}

}  // namespace

void DrawCompetenceDetails(Document& doc, GapReportContext& ctx) {
  const ReportStyles& st = ctx.styles;
  const MappingResult& m = ctx.in.mapping;
  doc.Space(24);
  const CompetenceMapping* first = m.blocs.empty() ? nullptr : FirstOf(ctx, m.blocs.front().id);
  doc.Heading("Détail par compétence", st.h1,
              2 * st.h2.LineHeight() + 2 + BlocKeep(doc, ctx, first), 4);
  for (const BlocMapping& b : m.blocs) DrawBloc(doc, ctx, b);
  // Competences outside every listed bloc (a fiche without blocs).
  bool heading = false;
  for (const CompetenceMapping& c : m.competences) {
    const bool placed = std::any_of(c.blocs.begin(), c.blocs.end(), [&](const BlocId& id) {
      return std::any_of(m.blocs.begin(), m.blocs.end(),
                         [&](const BlocMapping& b) { return b.id == id; });
    });
    if (placed) continue;
    if (!heading) {
      doc.Space(8);
      doc.Heading(m.blocs.empty() ? "Compétences" : "Autres compétences", st.h2,
                  BlocKeep(doc, ctx, &c), 8);
      heading = true;
    }
    DrawCompetence(doc, ctx, c, BlocId());
  }
}

}  // namespace passerelle::reports
