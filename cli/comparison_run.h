// What `compare` and its report share: reading two certifications of the
// workspace, the statistics corpus and the thesauri, and comparing them.
#pragma once

#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/certification_comparison.h"
#include "engine/status.h"

namespace passerelle::cli {

struct ComparisonRequest {
  std::string workspace_root;
  std::string a, b;                          // certification ids
  std::vector<std::string> thesaurus_files;  // --thesaurus, in order
};

struct ComparisonRun {
  Certification a, b;
  CertificationComparison comparison;
};

// NotFound (French, with the id) for a certification absent from the
// workspace; InvalidArgument for a bad thesaurus. REQUIRES: a != b.
Result<ComparisonRun> RunComparison(const ComparisonRequest& request);

}  // namespace passerelle::cli
