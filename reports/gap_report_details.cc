// The competence details of the gap report, grouped by bloc: per competence
// its status, the best passage quoted verbatim with its location and what it
// matched, and, when it is not covered, the situations still to describe.
#include <algorithm>

#include "engine/text.h"
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

std::string JoinItems(const std::vector<std::string>& items);

// A label in bold grey followed by plain text.
void Labelled(Document& doc, const GapReportContext& ctx, const std::string& label,
              const std::string& text, double indent) {
  ParagraphOptions options;
  options.indent = indent;
  options.space_after = 2;
  doc.Paragraph({{label, ctx.styles.label}, {text, ctx.styles.small}}, options);
}

void DrawEvidence(Document& doc, const GapReportContext& ctx, const CompetenceMapping& c) {
  const ReportStyles& st = ctx.styles;
  const double indent = BadgeColumn(doc);
  const Evidence& best = c.evidence.front();
  std::vector<TextRun> heading = {
      {"Passage le plus probant", st.label},
      {Fr(" — " + EvidenceLocation(best, ctx.several_dossiers)), st.small}};
  doc.EnsureSpace(doc.TextHeight(heading, doc.ContentWidth() - indent) + 3 * st.quote.LineHeight());
  doc.Paragraph(heading, Indented(indent, 2));
  // Verbatim: only white space is normalised; the guillemets are ours.
  ParagraphOptions quote;
  quote.indent = indent + 10;
  quote.left_rule = true;
  quote.rule_color = kQuoteRule;
  quote.space_after = 4;
  const std::string verbatim = NormalizeVerbatim(best.text);
  if (!verbatim.empty()) doc.Paragraph("«\u202F" + verbatim + "\u202F»", st.quote, quote);
  if (!best.matched.empty())
    Labelled(doc, ctx, Fr("Termes reconnus : "), Join(best.matched, ", "), indent);
  if (!best.supports.empty())
    Labelled(doc, ctx, Fr("Éléments du référentiel montrés : "), Fr(JoinItems(best.supports)),
             indent);
  if (c.evidence.size() > 1) {
    std::vector<std::string> others;
    const size_t shown = std::min(
        c.evidence.size(), static_cast<size_t>(std::max(0, ctx.options.max_other_locations)) + 1);
    for (size_t i = 1; i < shown; ++i)
      others.push_back(EvidenceLocation(c.evidence[i], ctx.several_dossiers));
    std::string text = Join(others, " ; ");
    const size_t rest = c.evidence.size() - shown;
    if (rest > 0) text += " et " + CountNoun(static_cast<int>(rest), "autre", "autres");
    Labelled(doc, ctx, Fr("Autres passages : "), Fr(text), indent);
  }
}

// A referentiel item as it reads inside a list: no final period.
std::string ListItem(std::string_view item) {
  std::string text = CollapseSpaces(item);
  while (!text.empty() && (text.back() == '.' || text.back() == ';' || text.back() == ' '))
    text.pop_back();
  return text;
}

std::string JoinItems(const std::vector<std::string>& items) {
  std::vector<std::string> cleaned;
  for (const std::string& item : items) cleaned.push_back(ListItem(item));
  return Join(cleaned, " ; ");
}

// What the referentiel asks that the dossier does not show yet, most
// actionable first: for a competence with no evidence, the competence
// itself; then the technical savoir-faire (concrete actions), the criteria,
// and the organisational and relational savoir-faire.
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
  // The competence itself leads when nothing of it is shown, and stands
  // alone when the referentiel lists no criteria (most RNCP fiches).
  if ((c.status == CoverageStatus::kMissing || ranked.empty()) && !c.title.empty())
    items.push_back(c.title);
  for (auto& [rank, item] : ranked) items.push_back(std::move(item));
  return items;
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
  std::string text = JoinItems(std::vector<std::string>(
      rest.begin(), rest.begin() + static_cast<long>(std::min(cap, rest.size()))));
  if (rest.size() > cap)
    text += " ; et " +
            CountNoun(static_cast<int>(rest.size() - cap), "autre point", "autres points") +
            " de la fiche du référentiel";
  Labelled(doc, ctx, Fr("Autres points non encore montrés : "), Fr(text + "."), indent + 12);
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
    BadgedParagraph(doc, c.status, TitleRuns(ctx, c), 0);
    doc.Paragraph(Fr("Commune à plusieurs " + BlocNoun(ctx.in.certification.kind, true) +
                     " : voir son détail avec " + done->second + "."),
                  st.small, Indented(indent, 10));
    return;
  }
  // Keep the title with the start of what follows: the quote's label and
  // first lines, or the first situations to describe.
  const double keep = c.evidence.empty() ? st.small.LineHeight() + st.label.LineHeight() +
                                               2 * st.body.LineHeight() + 8
                                         : st.label.LineHeight() + 3 * st.quote.LineHeight() + 8;
  BadgedParagraph(doc, c.status, TitleRuns(ctx, c), keep);
  ctx.detailed[c.id.value] =
      (bloc_name.empty() ? "" : bloc_name + ", ") + "page " + std::to_string(doc.PageNumber());
  if (c.blocs.size() > 1)
    doc.Paragraph(Fr("Compétence commune avec " + OtherBlocs(ctx, c, bloc) +
                     " : détaillée ici une seule fois."),
                  st.small, Indented(indent, 3));
  if (!c.evidence.empty()) DrawEvidence(doc, ctx, c);
  if (c.status != CoverageStatus::kCovered) DrawMissing(doc, ctx, c);
  doc.Space(10);
}

// What a bloc heading keeps with it: its coverage line and the start of its
// first competence (a three-line title, the quote's label and first lines).
double BlocKeep(const ReportStyles& st) {
  return st.small.LineHeight() + 8 + 3 * st.h3.LineHeight() + st.label.LineHeight() +
         3 * st.quote.LineHeight() + 8;
}

void DrawBloc(Document& doc, GapReportContext& ctx, const BlocMapping& b) {
  const ReportStyles& st = ctx.styles;
  doc.Space(8);
  doc.Heading(BlocShortName(b.id, Target(ctx)) + " — " + Fr(BlocTitle(ctx, b)), st.h2, BlocKeep(st),
              2);
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
  doc.Heading("Détail par compétence", st.h1, 2 * st.h2.LineHeight() + 2 + BlocKeep(st), 4);
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
      doc.Heading(m.blocs.empty() ? "Compétences" : "Autres compétences", st.h2, BlocKeep(st), 8);
      heading = true;
    }
    DrawCompetence(doc, ctx, c, BlocId());
  }
}

}  // namespace passerelle::reports
