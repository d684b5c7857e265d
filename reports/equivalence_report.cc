#include "reports/equivalence_report.h"

#include "reports/equivalence_report_sections.h"
#include "reports/pdf_document.h"
#include "reports/report_document.h"
#include "reports/report_file.h"
#include "reports/typography.h"

namespace passerelle::reports {

namespace {

// Checks the input once, at the edge.
Status Prepare(EquivalenceReportContext& ctx) {
  const EquivalenceReportInput& in = ctx.in;
  Result<std::string> date = FormatFrenchDate(in.date);
  if (!date.ok()) return date.status().WithContext("rapport : ");
  ctx.date_text = *date;
  if (in.comparison.a.id != in.a.id || in.comparison.b.id != in.b.id)
    return Status::InvalidArgument("rapport : la comparaison porte sur " +
                                   in.comparison.a.id.value + " et " + in.comparison.b.id.value +
                                   ", non sur " + in.a.id.value + " et " + in.b.id.value);
  return Status::OK();
}

DocumentInfo Info(const EquivalenceReportContext& ctx) {
  const EquivalenceReportInput& in = ctx.in;
  DocumentInfo info;
  info.title = FrenchTypography("Rapport d'équivalence – " + in.a.id.value + " – " + in.b.id.value);
  info.subject = FrenchTypography("Correspondances entre " + in.a.id.value + " (" + in.a.title +
                                  ") et " + in.b.id.value + " (" + in.b.title + ")");
  info.creator = "Passerelle " + in.engine_version;
  info.date = in.date;
  return info;
}

}  // namespace

Result<std::string> RenderEquivalenceReport(const EquivalenceReportInput& in) {
  EquivalenceReportContext ctx(in);
  Status s = Prepare(ctx);
  if (!s.ok()) return s;
  Result<std::unique_ptr<Document>> created = OpenReportDocument(in.font_path, Info(ctx));
  if (!created.ok()) return created.status();
  Document& doc = **created;
  DrawEquivalenceCover(doc, ctx);
  doc.NewPage();
  DrawBlocHeatMap(doc, ctx);
  doc.NewPage();
  DrawCorrespondences(doc, ctx);
  DrawWithoutCounterpart(doc, ctx);
  DrawEquivalenceClosing(doc, ctx);
  doc.AddFooters(FrenchTypography("Passerelle " + in.engine_version + " · " + in.a.id.value +
                                  " ↔ " + in.b.id.value),
                 ctx.date_text, ctx.styles.footer);
  return doc.Save();
}

Status WriteEquivalenceReport(const EquivalenceReportInput& in, const std::string& output_path) {
  Result<std::string> pdf = RenderEquivalenceReport(in);
  if (!pdf.ok()) return pdf.status();
  return WriteReportFile(output_path, *pdf);
}

Status WriteEquivalenceReport(FileSystem& fs, const EquivalenceReportInput& in,
                              const std::string& output_path) {
  Result<std::string> pdf = RenderEquivalenceReport(in);
  if (!pdf.ok()) return pdf.status();
  return WriteReportFile(fs, output_path, *pdf);
}

}  // namespace passerelle::reports
