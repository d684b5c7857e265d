#include "reports/gap_report.h"

#include <set>

#include "reports/gap_report_sections.h"
#include "reports/pdf_document.h"
#include "reports/report_document.h"
#include "reports/report_file.h"
#include "reports/typography.h"

namespace passerelle::reports {

namespace {

// Checks the input once, at the edge, and resolves what the sections need.
Status Prepare(GapReportContext& ctx) {
  const GapReportInput& in = ctx.in;
  Result<std::string> date = FormatFrenchDate(in.date);
  if (!date.ok()) return date.status().WithContext("rapport : ");
  ctx.date_text = *date;
  ctx.candidate = in.candidate.empty() ? in.mapping.candidate : in.candidate;
  if (ctx.candidate.empty()) return Status::InvalidArgument("rapport : candidat non précisé");
  if (!in.mapping.target.empty() && in.mapping.target != in.certification.id)
    return Status::InvalidArgument("rapport : la mise en correspondance porte sur " +
                                   in.mapping.target.value + " et non sur " +
                                   in.certification.id.value);
  std::set<std::string> dossiers;
  for (const CompetenceMapping& c : in.mapping.competences)
    for (const Evidence& e : c.evidence) dossiers.insert(e.dossier);
  ctx.several_dossiers = dossiers.size() > 1;
  return Status::OK();
}

DocumentInfo Info(const GapReportContext& ctx) {
  const Certification& cert = ctx.in.certification;
  DocumentInfo info;
  info.title = "Rapport de positionnement VAE – " + ctx.candidate + " – " + cert.id.value;
  info.subject = FrenchTypography("Couverture du référentiel " + cert.id.value + " (" + cert.title +
                                  ") par le dossier de " + ctx.candidate);
  info.creator = "Passerelle " + ctx.in.engine_version;
  info.date = ctx.in.date;
  return info;
}

}  // namespace

Result<std::string> RenderGapReport(const GapReportInput& in, const GapReportOptions& options) {
  GapReportContext ctx(in, options);
  Status s = Prepare(ctx);
  if (!s.ok()) return s;
  Result<std::unique_ptr<Document>> created = OpenReportDocument(in.font_path, Info(ctx));
  if (!created.ok()) return created.status();
  Document& doc = **created;
  DrawCover(doc, ctx);
  doc.NewPage();
  DrawBlocSummary(doc, ctx);
  if (BelowFitFloor(ctx))
    DrawNoFit(doc, ctx);
  else
    DrawCompetenceDetails(doc, ctx);
  DrawElsewhere(doc, ctx);
  DrawClosing(doc, ctx);
  doc.AddFooters(FrenchTypography("Passerelle " + in.engine_version + " · " +
                                  in.certification.id.value + " · " + ctx.candidate),
                 ctx.date_text, ctx.styles.footer);
  return doc.Save();
}

Status WriteGapReport(const GapReportInput& in, const std::string& output_path,
                      const GapReportOptions& options) {
  Result<std::string> pdf = RenderGapReport(in, options);
  if (!pdf.ok()) return pdf.status();
  return WriteReportFile(output_path, *pdf);
}

Status WriteGapReport(FileSystem& fs, const GapReportInput& in, const std::string& output_path,
                      const GapReportOptions& options) {
  Result<std::string> pdf = RenderGapReport(in, options);
  if (!pdf.ok()) return pdf.status();
  return WriteReportFile(fs, output_path, *pdf);
}

}  // namespace passerelle::reports
