// A dossier read once for any number of targets: each passage's feature
// terms, its asserted clauses (statement_clauses.h) and its heading's
// features. Mapping the same dossier onto many certifications (`suggest`)
// analyzes it once (docs/mapping.md).
#pragma once

#include <vector>

#include "engine/dossier_index.h"
#include "engine/statement_clauses.h"
#include "engine/text_features.h"

namespace passerelle {

struct AnalyzedPassage {
  std::vector<Feature> features;   // of the passage's text, in text order
  std::vector<Clause> asserted;    // its asserted clauses only
  std::vector<Feature> heading;    // empty unless the heading is asserted
};

struct DossierAnalysis {
  std::vector<AnalyzedPassage> passages;  // parallel to the IndexedPassages
};

DossierAnalysis AnalyzeDossier(const FeatureExtractor& features,
                               const std::vector<IndexedPassage>& passages);

}  // namespace passerelle
