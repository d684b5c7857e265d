// The cover, the bloc summary, the "elsewhere" section and the closing line
// of the gap report, and the pieces the sections share. The competence
// details are in gap_report_details.cc.
#include "reports/gap_report_sections.h"

#include <algorithm>

#include "engine/text.h"
#include "reports/coverage_scope.h"
#include "reports/gap_report_text.h"
#include "reports/palette.h"
#include "reports/report_document.h"
#include "reports/table.h"
#include "reports/typography.h"

namespace passerelle::reports {

// ---- shared pieces ----

std::string Fr(std::string_view text) { return FrenchTypography(text); }


std::vector<BarSegment> CoverageSegments(int covered, int partial, int missing) {
  const double total = std::max(1, covered + partial + missing);
  return {{covered / total, ColorsFor(CoverageStatus::kCovered).fill},
          {partial / total, ColorsFor(CoverageStatus::kPartial).fill},
          {missing / total, ColorsFor(CoverageStatus::kMissing).fill}};
}

void DrawCoverageBar(Document& doc, const Box& box, double coverage,
                     const std::vector<BarSegment>& segments) {
  const TextStyle text = MakeStyle(Face::kSansBold, 8.5, kInk);
  const std::string percent = FormatPercent(coverage);
  const double label = doc.TextWidth("100 %", text) + 6;
  const double bar_height = std::min(box.height, 9.0);
  DrawBar(doc, Box{box.x, box.y + (box.height - bar_height) / 2, box.width - label, bar_height},
          segments, kRule);
  const double baseline = box.y + (box.height - text.size * 1.16) / 2 + text.size * 0.93;
  doc.DrawText(percent, text, box.right() - doc.TextWidth(percent, text), baseline);
}

double BadgeColumn(const Document& doc) {
  return BadgeSize(doc, CompetenceStatusWord(CoverageStatus::kMissing),
                   StatusBadge(CoverageStatus::kMissing))
             .width +
         8;
}

void BadgedParagraph(Document& doc, CoverageStatus status, const std::vector<TextRun>& runs,
                     double keep_with_next) {
  const double column = BadgeColumn(doc);
  const std::vector<WrappedLine> lines = doc.Wrap(runs, doc.ContentWidth() - column);
  if (lines.empty()) return;
  double first = 0;
  for (size_t i = 0; i < lines.size() && i < 2; ++i) first += lines[i].height;
  const double all = lines.size() <= 3 ? first + (lines.size() == 3 ? lines[2].height : 0) : first;
  doc.EnsureSpace(all + keep_with_next);
  const BadgeStyle badge = StatusBadge(status);
  const double badge_height = BadgeSize(doc, CompetenceStatusWord(status), badge).height;
  const double top = doc.cursor() + (lines.front().height - badge_height) / 2;
  DrawBadge(doc, CompetenceStatusWord(status), badge, doc.Left(), top);
  ParagraphOptions options;
  options.indent = column;
  options.space_after = 3;
  options.keep_lines = static_cast<int>(std::min<size_t>(lines.size(), 3));
  doc.Paragraph(runs, options);
}

const std::string& BlocTitle(const GapReportContext& ctx, const BlocMapping& bloc) {
  return bloc.title.empty() ? ctx.in.certification.title : bloc.title;
}

// ---- cover ----

namespace {

void DrawIdentity(Document& doc, const GapReportContext& ctx) {
  const ReportStyles& st = ctx.styles;
  const Certification& cert = ctx.in.certification;
  TableStyle style;
  style.grid = false;
  style.padding = 3;
  style.body = st.body;
  Table table({{"", 130, Align::kLeft}, {"", 0, Align::kLeft}}, style);
  auto row = [&](const std::string& label, const std::string& value) {
    table.AddRow({TableCell{{{label, st.label}}, 0, {}}, TableCell{{{value, st.body}}, 0, {}}});
  };
  row("Candidature", ctx.candidate);
  std::string target = cert.id.value + " — " + Fr(cert.title);
  if (!TitleNamesAbbreviation(cert)) target += " (" + cert.abbreviation + ")";
  row("Certification visée", target);
  if (cert.level > 0) row("Niveau", std::to_string(cert.level) + " (nomenclature européenne)");
  row("Date du rapport", ctx.date_text);
  std::vector<std::string> dossiers;
  for (const CompetenceMapping& c : ctx.in.mapping.competences)
    for (const Evidence& e : c.evidence)
      if (!e.dossier.empty() &&
          std::find(dossiers.begin(), dossiers.end(), e.dossier) == dossiers.end())
        dossiers.push_back(e.dossier);
  if (!dossiers.empty())
    row(dossiers.size() == 1 ? "Document cité" : "Documents cités", Join(dossiers, ", "));
  table.Draw(doc);
}

// "enseignement général et blocs facultatifs compris", naming only the kinds
// of bloc the certification has beside its trade blocs.
std::string OtherBlocsIncluded(const Certification& cert) {
  bool general = false, optional = false;
  for (const Bloc& b : cert.blocs) {
    general = general || ScopeIn(cert, b) == BlocScope::kGeneral;
    optional = optional || ScopeIn(cert, b) == BlocScope::kOptional;
  }
  if (general && optional) return "enseignement général et blocs facultatifs compris";
  return general ? "enseignement général compris" : "blocs facultatifs compris";
}

// The panel with the coverage as a big figure, laid out from its top: the
// figure and its reading, then the stacked bar and the counts. When the
// certification holds general-education or optional blocs, the figure is
// the professional blocs' and the overall one follows, labelled.
void DrawCoveragePanel(Document& doc, const GapReportContext& ctx) {
  const ReportStyles& st = ctx.styles;
  const MappingResult& m = ctx.in.mapping;
  const std::optional<ScopedCoverage> pro = ProfessionalCoverage(ctx.in.certification, m);
  const ScopedCoverage shown =
      pro ? *pro : ScopedCoverage{m.coverage, m.covered, m.partial, m.missing};
  const double pad = 16;
  const double bar_top = pad + st.figure.size * 1.2 + 10;
  const double counts_baseline = bar_top + 12 + 13;
  const double inner = doc.ContentWidth() - 2 * pad;
  std::vector<TextRun> overall;
  if (pro)
    overall = {{Fr("Ensemble de la certification, " + OtherBlocsIncluded(ctx.in.certification) +
                   " : " + FormatPercent(m.coverage) + " (" +
                   StatusCounts(m.covered, m.partial, m.missing) + ")"),
                st.small}};
  const std::vector<WrappedLine> overall_lines =
      overall.empty() ? std::vector<WrappedLine>{} : doc.Wrap(overall, inner);
  double overall_height = 0;
  for (const WrappedLine& line : overall_lines) overall_height += line.height;
  const double height = counts_baseline + 12 + overall_height;
  doc.EnsureSpace(height);
  const Box panel{doc.Left(), doc.cursor(), doc.ContentWidth(), height};
  doc.FillStrokeRect(panel, Color::Hex(0xF1F4F8), Color::Hex(0xC9D3DF), 0.6);
  const std::string figure = FormatPercent(shown.coverage);
  const double figure_width = doc.TextWidth(figure, st.figure);
  doc.DrawText(figure, st.figure, panel.x + pad, panel.y + pad + st.figure.size * 0.93);
  const double text_x = panel.x + pad + std::max(figure_width, 90.0) + 18;
  const TextStyle reading = MakeStyle(Face::kSansBold, 12, kInk);
  doc.DrawText(pro ? "couverture des blocs professionnels" : "couverture globale du référentiel",
               st.label, text_x, panel.y + pad + 12);
  const int total = shown.covered + shown.partial + shown.missing;
  std::vector<TextRun> runs = {{Fr(CoverageReading(shown.covered, shown.partial, total)), reading}};
  double y = panel.y + pad + 20;
  for (const WrappedLine& line : doc.Wrap(runs, panel.right() - pad - text_x)) {
    doc.DrawLine(line, runs, text_x, y, panel.right() - pad - text_x, Align::kLeft);
    y += line.height;
  }
  const Box bar{panel.x + pad, panel.y + bar_top, panel.width - 2 * pad, 12};
  DrawBar(doc, bar, CoverageSegments(shown.covered, shown.partial, shown.missing), kRule);
  doc.DrawText(Fr(StatusCounts(shown.covered, shown.partial, shown.missing)), st.small, bar.x,
               panel.y + counts_baseline);
  double line_top = panel.y + counts_baseline + 5;
  for (const WrappedLine& line : overall_lines) {
    doc.DrawLine(line, overall, bar.x, line_top, inner, Align::kLeft);
    line_top += line.height;
  }
  doc.SetCursor(panel.bottom() + 22);
}

void DrawReadingGuide(Document& doc, const GapReportContext& ctx) {
  const ReportStyles& st = ctx.styles;
  doc.Heading("Comment lire ce rapport", st.h2, 60);
  const std::pair<CoverageStatus, const char*> statuses[] = {
      {CoverageStatus::kCovered,
       "au moins un passage du dossier montre la compétence et ce que le référentiel en attend."},
      {CoverageStatus::kPartial,
       "des passages s'y rapportent, mais certains critères ou savoir-faire ne sont pas encore "
       "montrés."},
      {CoverageStatus::kMissing, "aucun passage du dossier ne montre encore cette compétence."}};
  for (const auto& [status, text] : statuses)
    BadgedParagraph(doc, status, {{Fr(text), st.body}}, 0);
  doc.Space(6);
  doc.Paragraph(Fr("La couverture compte chaque compétence couverte pour un et chaque compétence "
                   "partielle pour un demi. Les passages cités sont recopiés tels qu'ils figurent "
                   "dans le dossier, avec leur emplacement (page, paragraphe) pour les retrouver. "
                   "Pour chaque compétence partielle ou non couverte, le rapport propose des "
                   "situations à décrire, tirées des critères et savoir-faire du référentiel."),
                st.body);
}

}  // namespace

void DrawCover(Document& doc, GapReportContext& ctx) {
  const ReportStyles& st = ctx.styles;
  const std::string kicker = Fr("Passerelle · aide à la préparation de la VAE");
  const std::string subtitle =
      Fr("Ce que le dossier montre déjà et ce qui reste à décrire, compétence par compétence");
  DrawCoverTitle(doc, st, {kicker, 56, "Rapport de positionnement", subtitle, 26});
  DrawIdentity(doc, ctx);
  doc.Space(14);
  DrawCoveragePanel(doc, ctx);
  DrawReadingGuide(doc, ctx);
  DrawCoverNotice(doc, ctx);
}

// ---- bloc summary ----

namespace {

TableCell CoverageCell(double coverage, int covered, int partial, int missing) {
  TableCell cell;
  cell.figure_height = 11;
  cell.figure = [=](Document& doc, const Box& box) {
    DrawCoverageBar(doc, box, coverage, CoverageSegments(covered, partial, missing));
  };
  return cell;
}

TableCell CountCell(const Table& table, int count) { return table.TextCell(FormatInteger(count)); }

}  // namespace

void DrawBlocSummary(Document& doc, GapReportContext& ctx) {
  const ReportStyles& st = ctx.styles;
  const MappingResult& m = ctx.in.mapping;
  const CertificationKind kind = ctx.in.certification.kind;
  doc.Heading("Synthèse par " + BlocNoun(kind, false), st.h1, 80, 6);
  doc.Paragraph(Fr("Pour chaque " + BlocNoun(kind, false) +
                   ", la barre montre la part des compétences couvertes, partielles et non "
                   "couvertes ; le pourcentage est sa couverture."),
                st.body, Indented(0, 8));
  TableStyle style;
  style.body = st.body;
  Table table({{kind == CertificationKind::kTp ? "Activité type" : "Bloc", 0, Align::kLeft},
               {"Couverture", 112, Align::kLeft},
               {"Couvertes", 0, Align::kRight, true},
               {"Partielles", 0, Align::kRight, true},
               {"Non couvertes", 0, Align::kRight, true}},
              style);
  for (const BlocMapping& b : m.blocs) {
    std::vector<TextRun> name = {
        {BlocShortName(b.id, m.target.empty() ? ctx.in.certification.id : m.target) + " — ",
         st.body_bold},
        {Fr(BlocTitle(ctx, b)), st.body}};
    if (const Bloc* bloc = ctx.in.certification.FindBloc(b.id)) {
      const BlocScope scope = ScopeIn(ctx.in.certification, *bloc);
      if (scope == BlocScope::kOptional) name.push_back({" (facultatif)", st.small});
      if (scope == BlocScope::kGeneral) name.push_back({" (enseignement général)", st.small});
    }
    table.AddRow({TableCell{name, 0, {}}, CoverageCell(b.coverage, b.covered, b.partial, b.missing),
                  CountCell(table, b.covered), CountCell(table, b.partial),
                  CountCell(table, b.missing)});
  }
  if (const auto pro = ProfessionalCoverage(ctx.in.certification, m))
    table.AddRow({TableCell{{{"Blocs professionnels", st.body_bold}}, 0, {}},
                  CoverageCell(pro->coverage, pro->covered, pro->partial, pro->missing),
                  CountCell(table, pro->covered), CountCell(table, pro->partial),
                  CountCell(table, pro->missing)});
  table.AddRow({TableCell{{{"Ensemble de la certification", st.body_bold}}, 0, {}},
                CoverageCell(m.coverage, m.covered, m.partial, m.missing),
                CountCell(table, m.covered), CountCell(table, m.partial),
                CountCell(table, m.missing)});
  table.Draw(doc);
  DrawLegend(doc,
             {{ColorsFor(CoverageStatus::kCovered).fill, ColorsFor(CoverageStatus::kCovered).border,
               "couvertes"},
              {ColorsFor(CoverageStatus::kPartial).fill, ColorsFor(CoverageStatus::kPartial).border,
               "partielles"},
              {ColorsFor(CoverageStatus::kMissing).fill, ColorsFor(CoverageStatus::kMissing).border,
               "non couvertes"}},
             st.small);
  const bool shared = std::any_of(m.competences.begin(), m.competences.end(),
                                  [](const CompetenceMapping& c) { return c.blocs.size() > 1; });
  if (shared) {
    doc.Space(4);
    doc.Paragraph(Fr("Une compétence commune à plusieurs " + BlocNoun(kind, true) + " compte dans " +
                     (kind == CertificationKind::kTp ? "chacune" : "chacun") +
                     " ; la ligne d'ensemble compte chaque compétence une fois."),
                  st.small);
  }
}

// ---- no fit ----

namespace {

// The command to type, kept on one line (no-break spaces).
std::string SuggestCommand(const GapReportContext& ctx) {
  return "passerelle\u00A0suggest\u00A0--candidate\u00A0" + ctx.candidate;
}

}  // namespace

bool BelowFitFloor(const GapReportContext& ctx) {
  const MappingResult& m = ctx.in.mapping;
  return m.covered == 0 && m.coverage < ctx.options.fit_floor && !m.competences.empty();
}

void DrawNoFit(Document& doc, GapReportContext& ctx) {
  const ReportStyles& st = ctx.styles;
  doc.Space(16);
  doc.Heading(Fr("Cette certification ne correspond pas à l'expérience décrite"), st.h1, 60, 6);
  doc.Paragraph(
      Fr("Le dossier ne montre aucune compétence de " + ctx.in.certification.id.value +
         " et n'en touche que " + FormatPercent(ctx.in.mapping.coverage) +
         " : détailler ce qui reste à montrer reviendrait à recopier tout le référentiel. Mieux "
         "vaut viser une certification plus proche de cette expérience."),
      st.body, Indented(0, 6));
  doc.Paragraph(Fr(ctx.in.elsewhere.empty()
                       ? "Pour trouver celles que le dossier couvre le mieux : " + SuggestCommand(ctx) +
                             "."
                       : "Celles que le dossier couvre le mieux sont ci-dessous ; la liste "
                         "complète : " +
                             SuggestCommand(ctx) + "."),
                st.body, Indented(0, 6));
}

// ---- elsewhere ----

void DrawElsewhere(Document& doc, GapReportContext& ctx) {
  if (ctx.in.elsewhere.empty()) return;
  const ReportStyles& st = ctx.styles;
  doc.Space(16);
  doc.Heading(Fr("Ailleurs : d'autres certifications proches de cette expérience"), st.h1, 80, 6);
  doc.Paragraph(Fr("Le dossier montre aussi des compétences de ces certifications ou blocs ; ils "
                   "peuvent compléter la cible actuelle ou mieux lui correspondre."),
                st.body, Indented(0, 8));
  TableStyle style;
  style.body = st.body;
  Table table({{"Certification", 0, Align::kLeft},
               {"Bloc", 0, Align::kLeft},
               {"Couverture", 128, Align::kLeft}},
              style);
  for (const ElsewhereSuggestion& s : ctx.in.elsewhere) {
    // Built with append: GCC 12 at -O3 warns falsely (-Wrestrict) on
    // "literal" + std::string here.
    std::vector<TextRun> cert = {{s.certification.value + " — ", st.body_bold},
                                 {Fr(s.certification_title), st.body}};
    if (!s.note.empty()) cert.push_back({std::string("\n").append(Fr(s.note)), st.small});
    std::string bloc_text = "Certification entière";
    if (!s.bloc.empty())
      bloc_text = BlocShortName(s.bloc, s.certification).append(" — ").append(Fr(s.bloc_title));
    std::vector<TextRun> bloc = {{bloc_text, st.body}};
    TableCell coverage;
    coverage.figure_height = 11;
    const double value = s.coverage;
    coverage.figure = [value](Document& d, const Box& box) {
      DrawCoverageBar(d, box, value, {{value, ColorsFor(CoverageStatus::kCovered).fill}});
    };
    table.AddRow({TableCell{cert, 0, {}}, TableCell{bloc, 0, {}}, coverage});
  }
  table.Draw(doc);
}

// ---- closing ----

namespace {

std::string GapNotice() {
  return Fr("Ce rapport est une aide à la préparation du dossier : il s'appuie sur une lecture "
            "automatique et ne remplace pas l'accompagnement. La décision appartient au jury, seul "
            "compétent pour valider tout ou partie de la certification.");
}

}  // namespace

void DrawCoverNotice(Document& doc, GapReportContext& ctx) {
  DrawClosingNotice(doc, ctx.styles, GapNotice());
}

void DrawClosing(Document& doc, GapReportContext& ctx) {
  DrawClosingNotice(doc, ctx.styles, GapNotice(), /*unless_alone=*/true);
}

}  // namespace passerelle::reports
