// The gap report: a PDF, in French, that a VAE counsellor hands to a
// candidate. It reads a MappingResult (engine/mapping_result.h) against the
// certification it targets and shows, per bloc and per competence, what the
// dossier already shows (verbatim passages and where they are) and what is
// still to describe, phrased as situations (phrasing.h).
//
// Layout (docs/reports.md): a cover with the overall coverage; a summary
// table per bloc with drawn bars; the competences grouped by bloc (one shared
// by several blocs is detailed once and referred to elsewhere); optionally
// other certifications or blocs that fit the experience; a closing line
// saying the jury decides. Every page has a footer "page N / M" with the date
// and the engine version.
//
// Deterministic: the same input gives the same bytes (no clock, no random
// identifier; the date comes from the input).
#pragma once

#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/file_system.h"
#include "engine/mapping_result.h"
#include "engine/status.h"

namespace passerelle::reports {

// Another certification, or one of its blocs, that the dossier covers.
// Filled by the equivalence work; the report leaves the section out when
// there is none.
struct ElsewhereSuggestion {
  CertificationId certification;
  std::string certification_title;
  BlocId bloc;             // empty: the certification as a whole
  std::string bloc_title;  // empty when `bloc` is
  double coverage = 0;     // in [0, 1]
  std::string note;        // optional, one line ("bloc déclaré équivalent à AT2")
};

struct GapReportInput {
  Certification certification;  // the target, as in the workspace
  MappingResult mapping;        // REQUIRES: mapping.target == certification.id
  std::string candidate;        // identifier shown; empty: mapping.candidate
  std::string date;             // AAAA-MM-JJ, required: the report's date and PDF dates
  std::string font_path;        // a TrueType file for every face; empty: DejaVu
  std::string engine_version = PASSERELLE_VERSION;
  std::vector<ElsewhereSuggestion> elsewhere;
};

struct GapReportOptions {
  // Missing criteria / savoir-faire phrased as situations per competence;
  // the others are listed verbatim in one line below. 8 keeps a partial
  // competence of a REAC (up to ~20 items) within half a page.
  int max_situations = 8;
  // Locations of further evidence listed after the best passage.
  int max_other_locations = 4;
  // Below this coverage, with no competence covered, the certification does
  // not fit the experience: the report says so after the bloc summary,
  // points to better fits (`elsewhere`, passerelle suggest) and leaves out
  // the competence details, which would only list the whole referentiel.
  // 0.1 is under one competence in five partly shown.
  double fit_floor = 0.1;
};

// The PDF bytes. InvalidArgument (French message) for a date that is not
// AAAA-MM-JJ, a mapping of another certification or no candidate; NotFound
// or InvalidArgument when a font is missing or unreadable.
Result<std::string> RenderGapReport(const GapReportInput& in, const GapReportOptions& options = {});

// Renders and writes to `output_path` atomically (report_file.h): on any
// failure no file is left behind and the message says why (unwritable
// folder, missing font, bad input).
Status WriteGapReport(const GapReportInput& in, const std::string& output_path,
                      const GapReportOptions& options = {});
// The same through a FileSystem (tests inject failures).
Status WriteGapReport(FileSystem& fs, const GapReportInput& in, const std::string& output_path,
                      const GapReportOptions& options = {});

}  // namespace passerelle::reports
