// Hand-built inputs for the report tests, the report benchmark and the
// preview tool: the real TP-00211 referentiel with a mapping of the shipped
// sample dossier (examples/dossier-exemple.md), and synthetic certifications
// of any size for long reports.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/mapping_result.h"
#include "reports/gap_report.h"

namespace passerelle::testing {

// The canonical file referentiels/<id>.xml of `source_dir` (TP-00211,
// RNCP420…) read; throws std::runtime_error when it cannot be.
Certification LoadCanonical(const std::filesystem::path& source_dir, const std::string& id);

// The paragraphs of examples/dossier-exemple.md (blank-line separated), so
// that quotes are verbatim and numbered as the dossier reader numbers them.
std::vector<std::string> SampleDossierParagraphs(const std::filesystem::path& source_dir);

// A plausible mapping of the sample dossier onto TP-00211: CP2 covered;
// CP1, CP3, CP7, CP8, CP9 partial; CP4, CP5, CP6 missing (the candidate never
// set up the machining centre nor used CAM software).
MappingResult SampleMapping(const Certification& tp00211,
                            const std::vector<std::string>& paragraphs);

// Fills the bloc and overall counts and coverage from the competences'
// statuses, as the mapper does.
void FillCounts(MappingResult& mapping, const Certification& cert);

// RNCP99999 with `blocs` blocs of `per_bloc` competences, each with
// criteria and savoir-faire in realistic French.
Certification SyntheticCertification(int blocs, int per_bloc);
// Any certification: statuses cycle covered / partial / missing; each
// evidence text is about `quote_chars` characters of French with accents,
// œ, ’ and «; partial competences miss up to four of their requirements.
MappingResult SyntheticMapping(const Certification& cert, size_t quote_chars);

// A complete input: the certification, the mapping, candidate "C-0042" and
// the date 2025-01-15.
reports::GapReportInput MakeInput(Certification cert, MappingResult mapping);

}  // namespace passerelle::testing
