#include "engine/dossier_analysis.h"

#include <map>

namespace passerelle {

DossierAnalysis AnalyzeDossier(const FeatureExtractor& features,
                               const std::vector<IndexedPassage>& passages) {
  DossierAnalysis analysis;
  analysis.passages.reserve(passages.size());
  std::map<std::string, std::vector<Feature>> headings;
  for (const IndexedPassage& passage : passages) {
    AnalyzedPassage a;
    auto [h, fresh] = headings.try_emplace(passage.heading);
    if (fresh && !passage.heading.empty() &&
        ClassifyClause(passage.heading) == ClauseKind::kAsserted)
      h->second = features.Extract(passage.heading);
    a.heading = h->second;
    a.features = features.Extract(passage.text);
    for (const Clause& c : ReadClauses(passage.text))
      if (c.kind == ClauseKind::kAsserted) a.asserted.push_back(c);
    analysis.passages.push_back(std::move(a));
  }
  return analysis;
}

}  // namespace passerelle
