// The cover, the bloc heat map and the closing note of the equivalence
// report, and the pieces the sections share. The lists (correspondences,
// what has no counterpart) are in equivalence_report_lists.cc.
#include "reports/equivalence_report_sections.h"

#include "engine/text.h"
#include "reports/gap_report_text.h"
#include "reports/heat_map.h"
#include "reports/palette.h"
#include "reports/report_document.h"
#include "reports/table.h"
#include "reports/typography.h"

namespace passerelle::reports {

// ---- shared pieces ----

const char* EquivalenceWord(Equivalence e) {
  switch (e) {
    case Equivalence::kEquivalent:
      return "équivalente";
    case Equivalence::kClose:
      return "proche";
    case Equivalence::kNoCounterpart:
      break;
  }
  return "sans équivalent";
}

BadgeStyle EquivalenceBadge(Equivalence e) {
  CoverageStatus status = CoverageStatus::kMissing;
  if (e == Equivalence::kEquivalent) status = CoverageStatus::kCovered;
  if (e == Equivalence::kClose) status = CoverageStatus::kPartial;
  return StatusBadge(status);
}

std::string CompetenceShortName(const CompetenceId& id, const Certification& cert) {
  // RNCP numbers (C1) repeat from bloc to bloc; a REAC's CP numbers do not.
  const Competence* c = cert.FindCompetence(id);
  const bool numbered = c && cert.kind == CertificationKind::kTp;
  return ShortName(id.value, numbered ? c->number : "", cert.id);
}

// ---- cover ----

namespace {

std::string Fr(std::string_view text) { return FrenchTypography(text); }

std::string Identity(const Certification& c) {
  std::string text = c.id.value + " — " + Fr(c.title);
  if (c.level > 0) text += " (niveau " + std::to_string(c.level) + ")";
  return text;
}

void DrawIdentity(Document& doc, const EquivalenceReportContext& ctx) {
  const ReportStyles& st = ctx.styles;
  TableStyle style;
  style.grid = false;
  style.padding = 3;
  Table table({{"", 110, Align::kLeft}, {"", 0, Align::kLeft}}, style);
  auto row = [&](const std::string& label, const std::string& value) {
    table.AddRow({TableCell{{{label, st.label}}, 0, {}}, TableCell{{{value, st.body}}, 0, {}}});
  };
  row("Référentiel A", Identity(ctx.in.a));
  row("Référentiel B", Identity(ctx.in.b));
  row("Date du rapport", ctx.date_text);
  table.Draw(doc);
}

std::string OfficialSentence(const OfficialLink& l) {
  switch (l.type) {
    case OfficialLink::Type::kReplaces:
      return l.from + " remplace " + l.to + ".";
    case OfficialLink::Type::kReplacedBy:
      return l.from + " est remplacée par " + l.to + ".";
    case OfficialLink::Type::kCorrespondence:
      break;
  }
  return "Correspondance déclarée : " + l.from + " ↔ " + l.to + ".";
}

void DrawOfficial(Document& doc, const EquivalenceReportContext& ctx) {
  const ReportStyles& st = ctx.styles;
  doc.Heading("Liens officiels", st.h2, 40);
  const auto& links = ctx.in.comparison.official;
  if (links.empty()) {
    doc.Paragraph(Fr("Aucun lien officiel (remplacement, correspondance déclarée par un "
                     "certificateur) entre ces deux certifications : les correspondances de ce "
                     "rapport sont toutes calculées."),
                  st.body);
    return;
  }
  ParagraphOptions bullet = Indented(12, 2);
  bullet.bullet = "•";
  for (const OfficialLink& l : links) doc.Paragraph(Fr(OfficialSentence(l)), st.body_bold, bullet);
  doc.Space(4);
}

// "12 équivalentes, 3 proches, 5 sans équivalent sur 20 compétences".
std::string Counts(const ComparisonSide& side) {
  int eq = 0, close = 0, none = 0;
  for (const CompetenceMatch& c : side.competences) {
    eq += c.equivalence == Equivalence::kEquivalent;
    close += c.equivalence == Equivalence::kClose;
    none += c.equivalence == Equivalence::kNoCounterpart;
  }
  return CountNoun(eq, "équivalente", "équivalentes") + ", " +
         CountNoun(close, "proche", "proches") + ", " + FormatInteger(none) +
         " sans équivalent sur " +
         CountNoun(static_cast<int>(side.competences.size()), "compétence", "compétences");
}

void DrawCoverageLine(Document& doc, const EquivalenceReportContext& ctx,
                      const ComparisonSide& side, const CertificationId& other) {
  const ReportStyles& st = ctx.styles;
  const TextStyle figure = MakeStyle(Face::kSansBold, 22, kAccent, 1.1);
  const double height = 44;
  doc.EnsureSpace(height);
  const double top = doc.cursor();
  doc.DrawText(FormatPercent(side.coverage), figure, doc.Left(), top + 22);
  const double x = doc.Left() + 86;
  doc.DrawText(Fr("de " + side.id.value + " couvert par " + other.value), st.body_bold, x,
               top + 10);
  const std::vector<TextRun> runs = {{Fr(Counts(side)), st.small}};
  double y = top + 14;
  for (const WrappedLine& line : doc.Wrap(runs, doc.Right() - x)) {
    doc.DrawLine(line, runs, x, y, doc.Right() - x, Align::kLeft);
    y += line.height;
  }
  DrawBar(doc, Box{doc.Left(), top + 30, 70, 7}, {{side.coverage, HeatColor(0.85)}}, kRule);
  doc.SetCursor(top + height);
}

void DrawReadingGuide(Document& doc, const EquivalenceReportContext& ctx) {
  const ReportStyles& st = ctx.styles;
  const ComparisonThresholds& t = ctx.in.thresholds;
  doc.Heading("Comment lire ce rapport", st.h2, 60);
  const std::pair<Equivalence, std::string> rows[] = {
      {Equivalence::kEquivalent,
       "score de " + FormatDecimal(t.covered, 2) +
           " ou plus : la même compétence, formulée ou détaillée autrement."},
      {Equivalence::kClose, "score de " + FormatDecimal(t.no_counterpart, 2) + " à " +
                                FormatDecimal(t.covered, 2) +
                                " : une partie du contenu est commune."},
      {Equivalence::kNoCounterpart, "score inférieur à " + FormatDecimal(t.no_counterpart, 2) +
                                        " : pas de contrepartie réelle."}};
  const double column = BadgeSize(doc, "sans équivalent", EquivalenceBadge({})).width + 8;
  for (const auto& [e, text] : rows) {
    const double top = doc.cursor();
    DrawBadge(doc, EquivalenceWord(e), EquivalenceBadge(e), doc.Left(), top + 1);
    doc.Paragraph(Fr(text), st.body, Indented(column, 4));
  }
  doc.Space(4);
  doc.Paragraph(
      Fr("Le score va de 0 à 1 (1 : même contenu). Il compare tout ce que les référentiels disent "
         "de chaque compétence — intitulé, critères, savoir-faire, savoirs — et non les seuls "
         "intitulés ; les mots de tous les métiers et ceux que partagent presque toutes les "
         "compétences des deux référentiels y pèsent peu. La couverture compte une compétence "
         "équivalente pour un, une compétence proche pour un demi. Les liens officiels, déclarés "
         "par les certificateurs, priment sur les correspondances calculées."),
      st.body);
}

}  // namespace

std::string EquivalenceNotice();

void DrawEquivalenceCover(Document& doc, const EquivalenceReportContext& ctx) {
  const ReportStyles& st = ctx.styles;
  const std::string kicker = Fr("Passerelle · équivalences entre référentiels");
  const std::string subtitle =
      Fr("Deux référentiels côte à côte : blocs, compétences, ce qui correspond et ce qui n'a "
         "pas d'équivalent");
  const std::string title = Fr("Rapport d'équivalence");
  DrawCoverTitle(doc, st, {kicker, 40, title, subtitle, 22});
  DrawIdentity(doc, ctx);
  doc.Space(10);
  DrawOfficial(doc, ctx);
  doc.Space(8);
  doc.Heading("Couverture", st.h2, 90);
  DrawCoverageLine(doc, ctx, ctx.in.comparison.a, ctx.in.b.id);
  DrawCoverageLine(doc, ctx, ctx.in.comparison.b, ctx.in.a.id);
  doc.Space(10);
  DrawReadingGuide(doc, ctx);
  DrawClosingNotice(doc, st, EquivalenceNotice());
}

// ---- heat map ----

namespace {

HeatMap BlocMap(const EquivalenceReportContext& ctx) {
  const CertificationComparison& c = ctx.in.comparison;
  HeatMap map;
  for (const BlocMatch& b : c.a.blocs)
    map.row_labels.push_back(BlocShortName(b.id, c.a.id) + " " + Fr(CollapseSpaces(b.title)));
  for (const BlocMatch& b : c.b.blocs) map.column_labels.push_back(BlocShortName(b.id, c.b.id));
  map.values = c.bloc_scores;
  for (const BlocMatch& row : c.a.blocs) {
    std::vector<bool> outlined, flagged;
    for (const BlocMatch& column : c.b.blocs) {
      outlined.push_back(row.best && *row.best == column.id);
      bool official = false;
      for (const BlocId& o : row.official) official = official || o == column.id;
      flagged.push_back(official);
    }
    map.outlined.push_back(outlined);
    map.flagged.push_back(flagged);
  }
  return map;
}

void DrawHeatLegend(Document& doc, const EquivalenceReportContext& ctx) {
  const ReportStyles& st = ctx.styles;
  const ComparisonThresholds& t = ctx.in.thresholds;
  DrawLegend(
      doc,
      {{HeatColor(0.1), kRule, "moins de " + FormatDecimal(t.no_counterpart, 2)},
       {HeatColor(0.5), kRule,
        "de " + FormatDecimal(t.no_counterpart, 2) + " à " + FormatDecimal(t.covered, 2)},
       {HeatColor(0.9), kRule, FormatDecimal(t.covered, 2) + " et plus"},
       {kWhite, Color::Hex(0xC0392B), "contour rouge : bloc le plus proche"},
       {Color::Hex(0xE69F00), Color::Hex(0xE69F00), "coin orangé : correspondance officielle"}},
      st.small);
}

// The titles of B's blocs, which the columns only name by their code.
void DrawColumnKey(Document& doc, const EquivalenceReportContext& ctx) {
  const ReportStyles& st = ctx.styles;
  const CertificationComparison& c = ctx.in.comparison;
  doc.Space(10);
  doc.Heading(Fr("Blocs de " + c.b.id.value + " (colonnes)"), st.h3, 30);
  TableStyle style;
  style.grid = false;
  style.padding = 2;
  style.body = st.small;
  Table key({{"", 60, Align::kLeft}, {"", 0, Align::kLeft}}, style);
  for (const BlocMatch& b : c.b.blocs)
    key.AddRow(
        {key.TextCell(BlocShortName(b.id, c.b.id)), key.TextCell(Fr(CollapseSpaces(b.title)))});
  key.Draw(doc);
}

}  // namespace

void DrawBlocHeatMap(Document& doc, const EquivalenceReportContext& ctx) {
  const ReportStyles& st = ctx.styles;
  const CertificationComparison& c = ctx.in.comparison;
  doc.Heading(Fr("Carte des blocs : " + c.a.id.value + " × " + c.b.id.value), st.h1, 120, 6);
  doc.Paragraph(Fr("Chaque ligne est un bloc de " + c.a.id.value + ", chaque colonne un bloc de " +
                   c.b.id.value +
                   ". La case donne le score des deux blocs : d'abord la part "
                   "du bloc de la ligne que le bloc de la colonne couvre (deux tiers), puis la "
                   "réciproque (un tiers). Plus la case est foncée, plus les blocs se "
                   "correspondent."),
                st.body, Indented(0, 10));
  DrawHeatMap(doc, BlocMap(ctx));
  DrawHeatLegend(doc, ctx);
  DrawColumnKey(doc, ctx);
}

// ---- closing ----

std::string EquivalenceNotice() {
  return Fr("Ce rapport compare automatiquement les textes des deux référentiels. Il aide à "
            "repérer les correspondances et ce qui n'a pas d'équivalent ; il ne vaut pas "
            "déclaration d'équivalence : celle-ci appartient aux certificateurs.");
}

void DrawEquivalenceClosing(Document& doc, const EquivalenceReportContext& ctx) {
  // Also on the cover: not worth a page of its own at the end.
  DrawClosingNotice(doc, ctx.styles, EquivalenceNotice(), /*unless_alone=*/true);
}

}  // namespace passerelle::reports
