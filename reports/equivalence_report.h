// The equivalence report: a PDF, in French, for a certifier comparing two
// referentiels (or a counsellor, a candidate holding one of them). It reads
// a CertificationComparison (engine/certification_comparison.h) of A with B
// and shows the official links, how much of each the other covers, a bloc ×
// bloc heat map of scores, the correspondences competence by competence
// with both texts side by side, and what has no counterpart on either side.
//
// Layout in docs/reports.md ("The equivalence report"). Deterministic: the
// same input gives the same bytes (the date comes from the input).
#pragma once

#include <string>

#include "engine/certification.h"
#include "engine/certification_comparison.h"
#include "engine/file_system.h"
#include "engine/status.h"

namespace passerelle::reports {

struct EquivalenceReportInput {
  Certification a;  // as in the workspace
  Certification b;
  CertificationComparison comparison;  // REQUIRES: of a with b
  ComparisonThresholds thresholds;     // those the comparison used
  std::string date;                    // AAAA-MM-JJ, required
  std::string font_path;               // a TrueType file for every face; empty: DejaVu
  std::string engine_version = PASSERELLE_VERSION;
};

// The PDF bytes. InvalidArgument (French message) for a date that is not
// AAAA-MM-JJ or a comparison of other certifications; NotFound or
// InvalidArgument when a font is missing or unreadable.
Result<std::string> RenderEquivalenceReport(const EquivalenceReportInput& in);

// Renders and writes to `output_path` atomically (report_file.h): on any
// failure no file is left behind and the message says why.
Status WriteEquivalenceReport(const EquivalenceReportInput& in, const std::string& output_path);
// The same through a FileSystem (tests inject failures).
Status WriteEquivalenceReport(FileSystem& fs, const EquivalenceReportInput& in,
                              const std::string& output_path);

}  // namespace passerelle::reports
