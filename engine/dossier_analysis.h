// A dossier read once for any number of targets: each passage's feature
// terms, its asserted clauses (statement_clauses.h) and its heading's
// features. Mapping the same dossier onto many certifications (`suggest`)
// analyzes it once (docs/mapping.md): with every thesaurus, each target then
// keeping only the concepts of the thesauri that serve it.
#pragma once

#include <string>
#include <vector>

#include "engine/dossier_index.h"
#include "engine/statement_clauses.h"
#include "engine/text_features.h"

namespace passerelle {

struct AnalyzedPassage {
  std::vector<Feature> features;  // of the passage's text, in text order
  std::vector<Clause> asserted;   // its asserted clauses only
  size_t heading = 0;             // index in DossierAnalysis::headings
};

struct DossierAnalysis {
  std::vector<AnalyzedPassage> passages;  // parallel to the IndexedPassages
  // The feature terms of each distinct heading, analyzed once (empty unless
  // the heading is asserted); headings[0] is the empty heading.
  std::vector<std::vector<std::string>> headings;
};

// `features` should extract every thesaurus's concepts (an unscoped
// extractor) for the analysis to serve any target.
DossierAnalysis AnalyzeDossier(const FeatureExtractor& features,
                               const std::vector<IndexedPassage>& passages);

}  // namespace passerelle
