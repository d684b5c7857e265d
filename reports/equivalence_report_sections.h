// Internal to the equivalence report (equivalence_report.cc): its sections
// and the pieces they share. Each section flows from the document's cursor.
#pragma once

#include <string>

#include "reports/equivalence_report.h"
#include "reports/figures.h"
#include "reports/pdf_document.h"
#include "reports/report_styles.h"

namespace passerelle::reports {

struct EquivalenceReportContext {
  explicit EquivalenceReportContext(const EquivalenceReportInput& input) : in(input) {}
  const EquivalenceReportInput& in;
  std::string date_text;  // "15 janvier 2025"
  ReportStyles styles;
};

// ---- shared pieces ----

// "équivalente", "proche", "sans équivalent".
const char* EquivalenceWord(Equivalence e);
// The badge of an equivalence, in the colours of the gap report's statuses.
BadgeStyle EquivalenceBadge(Equivalence e);
// "CP6" for a titre professionnel (its numbers run across the title), else
// the id without its certification's prefix: "BC01-C2".
std::string CompetenceShortName(const CompetenceId& id, const Certification& cert);

// ---- sections, in report order ----

void DrawEquivalenceCover(Document& doc, const EquivalenceReportContext& ctx);
void DrawBlocHeatMap(Document& doc, const EquivalenceReportContext& ctx);
void DrawCorrespondences(Document& doc, const EquivalenceReportContext& ctx);
void DrawWithoutCounterpart(Document& doc, const EquivalenceReportContext& ctx);
void DrawEquivalenceClosing(Document& doc, const EquivalenceReportContext& ctx);

}  // namespace passerelle::reports
