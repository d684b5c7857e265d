// Internal to the gap report (gap_report.cc): its sections and the pieces
// they share. Each section flows from the document's cursor.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "reports/figures.h"
#include "reports/gap_report.h"
#include "reports/pdf_document.h"
#include "reports/report_styles.h"

namespace passerelle::reports {

struct GapReportContext {
  GapReportContext(const GapReportInput& input, const GapReportOptions& opts)
      : in(input), options(opts) {}

  const GapReportInput& in;
  const GapReportOptions& options;
  std::string candidate;  // resolved: in.candidate or in.mapping.candidate
  std::string date_text;  // "15 janvier 2025"
  ReportStyles styles;
  bool several_dossiers = false;  // evidence cites more than one dossier file
  // Competences already detailed: id -> where ("AT1, page 4").
  std::map<std::string, std::string> detailed;
};

// ---- shared pieces ----

// FrenchTypography, for our own sentences and referentiel texts.
std::string Fr(std::string_view text);
// Stacked segments (covered, partial, missing) of a coverage bar.
std::vector<BarSegment> CoverageSegments(int covered, int partial, int missing);
// A coverage bar with its percentage at the right, filling `box`.
void DrawCoverageBar(Document& doc, const Box& box, double coverage,
                     const std::vector<BarSegment>& segments);
// Width of the column holding status badges ("non couverte" fits).
double BadgeColumn(const Document& doc);
// A status badge at the left margin and `runs` wrapping beside it; the badge
// and the first lines stay on the same page, with `keep_with_next` points of
// what follows.
void BadgedParagraph(Document& doc, CoverageStatus status, const std::vector<TextRun>& runs,
                     double keep_with_next);

// The bloc's title; the certification's for an untitled (implicit) bloc.
const std::string& BlocTitle(const GapReportContext& ctx, const BlocMapping& bloc);

// ---- sections, in report order ----

void DrawCover(Document& doc, GapReportContext& ctx);
void DrawBlocSummary(Document& doc, GapReportContext& ctx);
void DrawCompetenceDetails(Document& doc, GapReportContext& ctx);
// True when the mapping is below the options' fit floor.
bool BelowFitFloor(const GapReportContext& ctx);
// In place of the details for such a mapping: says the certification does
// not fit, and where to look.
void DrawNoFit(Document& doc, GapReportContext& ctx);
// Nothing when ctx.in.elsewhere is empty.
void DrawElsewhere(Document& doc, GapReportContext& ctx);
// The notice saying the jury decides: on the cover, and at the end unless
// it would stand alone on a page.
void DrawCoverNotice(Document& doc, GapReportContext& ctx);
void DrawClosing(Document& doc, GapReportContext& ctx);

}  // namespace passerelle::reports
