// Which certifications of a workspace teach a comparison which words every
// trade uses (engine/term_specificity.h): those outside the domain of both
// compared certifications. Reading all of them is fine for a workspace of a
// few dozen referentiels but not for the national register (25,600 files),
// so at most `max` are taken, spread evenly over the catalog's id order —
// deterministic, and a cross-section of trades (docs/equivalences.md).
#pragma once

#include <string>
#include <vector>

#include "engine/catalog.h"
#include "engine/certification.h"

namespace passerelle {

// Default bound: enough trades for the statistics, about 0.2 s of reading
// and analysis at most.
constexpr size_t kMaxComparisonCorpus = 60;

// True when the entry shares a ROME code or an NSF code (three digits) with
// `cert` — SameDomain on a catalog summary.
bool SameDomainAs(const CatalogEntry& entry, const Certification& cert);

// Ids of catalog entries outside the domains of all of `compared` (and not
// one of them), at most `max`, spread evenly over the catalog.
std::vector<CertificationId> ComparisonCorpusIds(const Catalog& catalog,
                                                 const std::vector<const Certification*>& compared,
                                                 size_t max = kMaxComparisonCorpus);

}  // namespace passerelle
