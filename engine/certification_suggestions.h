// Which certifications, and which blocs, a candidate's dossier covers best:
// the dossier is mapped (evidence_mapper.h) onto a shortlist of the
// workspace's certifications, chosen by how much the dossier's own words
// meet their content (the content index, certification_index.h) and their
// titles (the catalog), and ranked by coverage (docs/suggest.md).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/catalog.h"
#include "engine/certification.h"
#include "engine/certification_index.h"
#include "engine/dossier_index.h"
#include "engine/mapping_result.h"
#include "engine/mapping_session.h"
#include "engine/status.h"

namespace passerelle {

// One of the competences the dossier shows best.
struct StrongCompetence {
  CompetenceId id;
  std::string number;
  std::string title;
  CoverageStatus status = CoverageStatus::kMissing;
  double score = 0;
};

struct CertificationSuggestion {
  CertificationId id;
  std::string title;
  double coverage = 0;
  std::vector<StrongCompetence> strongest;  // at most 3, covered first
};

struct BlocSuggestion {
  BlocId id;
  CertificationId certification;
  std::string certification_title;
  std::string title;
  double coverage = 0;
  std::vector<StrongCompetence> strongest;
};

// How the shortlist was made.
enum class ShortlistBasis {
  kWhole,             // few enough certifications: all of them were mapped
  kContentAndTitles,  // content index and titles
  kTitles,            // titles only (no usable content index)
};

struct Suggestions {
  std::string candidate;
  std::vector<CertificationSuggestion> certifications;  // best first
  std::vector<BlocSuggestion> blocs;                    // best first
  size_t catalog_size = 0;  // certifications considered from the catalog
  size_t mapped = 0;        // certifications the dossier was mapped onto
  ShortlistBasis shortlist = ShortlistBasis::kWhole;
  // For the user (French), set by the caller that provided the index: what
  // was done to the content index, or why there was none. Empty normally.
  std::string note;
};

struct SuggestOptions {
  size_t top = 10;        // per list
  size_t shortlist = 100;  // certifications mapped at most
  // Certifications left out (the target of a gap report).
  std::vector<CertificationId> exclude;
};

using CertificationLoader = std::function<Result<Certification>(const CertificationId&)>;

// `analysis` is session.Analyze(passages). `corpus` measures specificity as
// for `passerelle map` (each target uses those outside its domain), so that a
// certification's coverage here is the one its gap report shows. Inactive
// certifications (marked inactive, or replaced by another one:
// engine/active_status.h) are left out: a candidate cannot apply to them. Certifications with zero coverage are not listed.
// `index` (may be null) is the content index matching `catalog`
// (CertificationIndex::Matches); without it, or when it cannot be searched,
// the shortlist uses titles only (Suggestions::shortlist says which). Errors
// from `load` are returned.
Result<Suggestions> SuggestCertifications(const MappingSession& session, const Catalog& catalog,
                                          const CertificationIndex* index,
                                          const CertificationLoader& load,
                                          const std::vector<const Certification*>& corpus,
                                          const std::string& candidate,
                                          const std::vector<IndexedPassage>& passages,
                                          const DossierAnalysis& analysis,
                                          const SuggestOptions& options = {});

}  // namespace passerelle
