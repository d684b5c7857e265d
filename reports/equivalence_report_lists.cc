// The lists of the equivalence report: the correspondences bloc by bloc with
// both competences side by side, then what has no counterpart on either
// side.
#include <map>

#include "engine/text.h"
#include "reports/equivalence_report_sections.h"
#include "reports/gap_report_text.h"
#include "reports/palette.h"
#include "reports/table.h"
#include "reports/typography.h"

namespace passerelle::reports {

namespace {

std::string Fr(std::string_view text) { return FrenchTypography(text); }

// The title of each competence of `side`, by id.
std::map<std::string, const CompetenceMatch*> ById(const ComparisonSide& side) {
  std::map<std::string, const CompetenceMatch*> out;
  for (const CompetenceMatch& c : side.competences) out[c.id.value] = &c;
  return out;
}

// "Bloc le plus proche dans B : BC03 — title (score 0,95), couverture 80 %."
std::vector<TextRun> BlocReading(const EquivalenceReportContext& ctx, const BlocMatch& b) {
  const ReportStyles& st = ctx.styles;
  const CertificationId& other = ctx.in.b.id;
  std::vector<TextRun> runs;
  if (b.best) {
    runs.push_back({"Bloc le plus proche : ", st.small});
    runs.push_back(
        {BlocShortName(*b.best, other) + " — " + Fr(CollapseSpaces(b.best_title)), st.body_bold});
    runs.push_back({Fr(" (score " + FormatDecimal(b.score, 2) + ")"), st.small});
  } else {
    runs.push_back({Fr("Aucun bloc de " + other.value + " ne lui correspond"), st.body_bold});
    if (!b.closest.empty())
      runs.push_back({Fr(" (le plus proche, " + BlocShortName(b.closest, other) +
                         ", a un score "
                         "de " +
                         FormatDecimal(b.score, 2) + ")"),
                      st.small});
  }
  runs.push_back(
      {Fr(" · couverture du bloc par " + other.value + " : " + FormatPercent(b.coverage) + "."),
       st.small});
  for (const BlocId& o : b.official)
    runs.push_back({Fr("\nCorrespondance officielle déclarée avec " + o.value + "."), st.small});
  return runs;
}

TableCell CompetenceCell(const EquivalenceReportContext& ctx, const std::string& code,
                         const std::string& title) {
  const ReportStyles& st = ctx.styles;
  return TableCell{{{code + " ", st.body_bold}, {Fr(CollapseSpaces(title)), st.body}}, 0, {}};
}

TableCell ScoreCell(const EquivalenceReportContext& ctx, const CompetenceMatch& c) {
  TableCell cell;
  cell.runs = {{FormatDecimal(c.score, 2), ctx.styles.body_bold}};
  const Equivalence e = c.equivalence;
  cell.figure_height = 12;
  cell.figure = [e](Document& doc, const Box& box) {
    DrawBadge(doc, EquivalenceWord(e), EquivalenceBadge(e), box.x, box.y);
  };
  return cell;
}

void DrawBlocCorrespondences(Document& doc, const EquivalenceReportContext& ctx, const Bloc& bloc,
                             const BlocMatch& match) {
  const ReportStyles& st = ctx.styles;
  const CertificationId& a = ctx.in.a.id;
  const CertificationId& b = ctx.in.b.id;
  doc.Heading(BlocShortName(bloc.id, a) + " — " + Fr(CollapseSpaces(bloc.title)), st.h2, 70, 3);
  doc.Paragraph(BlocReading(ctx, match), Indented(0, 6));
  const auto by_id = ById(ctx.in.comparison.a);
  TableStyle style;
  style.body = st.body;
  Table table({{"Compétence de " + a.value, 0, Align::kLeft},
               {"Score", 78, Align::kLeft},
               {"Meilleure correspondance dans " + b.value, 0, Align::kLeft}},
              style);
  for (const CompetenceId& id : bloc.competences) {
    const auto it = by_id.find(id.value);
    if (it == by_id.end() || !it->second->best) continue;
    const CompetenceMatch& c = *it->second;
    if (c.equivalence == Equivalence::kNoCounterpart) continue;
    table.AddRow({CompetenceCell(ctx, CompetenceShortName(c.id, ctx.in.a), c.title),
                  ScoreCell(ctx, c),
                  CompetenceCell(ctx, CompetenceShortName(*c.best, ctx.in.b), c.best_title)});
  }
  if (table.RowCount() == 0) {
    doc.Paragraph(Fr("Aucune compétence de ce bloc n'a d'équivalent dans " + b.value + "."),
                  st.body, Indented(0, 10));
    return;
  }
  table.Draw(doc);
}

}  // namespace

void DrawCorrespondences(Document& doc, const EquivalenceReportContext& ctx) {
  const ReportStyles& st = ctx.styles;
  const CertificationId& a = ctx.in.a.id;
  const CertificationId& b = ctx.in.b.id;
  doc.Heading("Correspondances, compétence par compétence", st.h1, 90, 6);
  doc.Paragraph(Fr("Pour chaque bloc de " + a.value + ", son bloc le plus proche dans " + b.value +
                   ", puis chacune de ses compétences qui a un équivalent ou une compétence "
                   "proche dans " +
                   b.value +
                   ", les deux intitulés côte à côte. Les compétences "
                   "sans équivalent sont rassemblées à la fin du rapport."),
                st.body, Indented(0, 10));
  const auto& blocs = ctx.in.comparison.a.blocs;
  for (size_t x = 0; x < ctx.in.a.blocs.size() && x < blocs.size(); ++x)
    DrawBlocCorrespondences(doc, ctx, ctx.in.a.blocs[x], blocs[x]);
}

namespace {

// The competences of `cert` without counterpart in the other certification,
// grouped by bloc; a competence of several blocs is listed under the first.
void DrawUnmatched(Document& doc, const EquivalenceReportContext& ctx, const Certification& cert,
                   const ComparisonSide& side, const CertificationId& other) {
  const ReportStyles& st = ctx.styles;
  const auto by_id = ById(side);
  doc.Heading(Fr("Dans " + cert.id.value + ", sans équivalent dans " + other.value), st.h2, 50, 4);
  std::map<std::string, bool> listed;
  int count = 0;
  for (const Bloc& bloc : cert.blocs) {
    std::vector<const CompetenceMatch*> none;
    for (const CompetenceId& id : bloc.competences) {
      const auto it = by_id.find(id.value);
      if (it == by_id.end() || listed[id.value]) continue;
      if (it->second->equivalence != Equivalence::kNoCounterpart) continue;
      listed[id.value] = true;
      none.push_back(it->second);
    }
    if (none.empty()) continue;
    count += static_cast<int>(none.size());
    const bool whole = none.size() == bloc.competences.size();
    doc.Heading(BlocShortName(bloc.id, cert.id) + " — " + Fr(CollapseSpaces(bloc.title)) +
                    (whole ? Fr(" (tout le bloc)") : ""),
                st.h3, 24, 2);
    ParagraphOptions bullet = Indented(12, 1);
    bullet.bullet = "•";
    for (const CompetenceMatch* c : none)
      doc.Paragraph({{CompetenceShortName(c->id, cert) + " ", st.body_bold},
                     {Fr(CollapseSpaces(c->title)), st.body},
                     {Fr(" (meilleur score " + FormatDecimal(c->score, 2) + ")"), st.small}},
                    bullet);
    doc.Space(4);
  }
  if (count == 0)
    doc.Paragraph(Fr("Toutes les compétences de " + cert.id.value +
                     " ont un équivalent ou une "
                     "compétence proche dans " +
                     other.value + "."),
                  st.body, Indented(0, 8));
}

}  // namespace

void DrawWithoutCounterpart(Document& doc, const EquivalenceReportContext& ctx) {
  const ReportStyles& st = ctx.styles;
  doc.Space(12);
  doc.Heading("Sans équivalent", st.h1, 90, 6);
  doc.Paragraph(Fr("Les compétences dont le meilleur score reste sous " +
                   FormatDecimal(ctx.in.thresholds.no_counterpart, 2) +
                   " : ce qu'un titulaire de l'autre certification devrait encore montrer."),
                st.body, Indented(0, 8));
  DrawUnmatched(doc, ctx, ctx.in.a, ctx.in.comparison.a, ctx.in.b.id);
  doc.Space(6);
  DrawUnmatched(doc, ctx, ctx.in.b, ctx.in.comparison.b, ctx.in.a.id);
}

}  // namespace passerelle::reports
