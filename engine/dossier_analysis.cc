#include "engine/dossier_analysis.h"

#include <map>

namespace passerelle {

DossierAnalysis AnalyzeDossier(const FeatureExtractor& features,
                               const std::vector<IndexedPassage>& passages) {
  DossierAnalysis analysis;
  analysis.passages.reserve(passages.size());
  analysis.headings.emplace_back();
  std::map<std::string, size_t> heading_index = {{"", 0}};
  for (const IndexedPassage& passage : passages) {
    AnalyzedPassage a;
    auto [h, fresh] = heading_index.try_emplace(passage.heading, analysis.headings.size());
    if (fresh) {
      std::vector<std::string> terms;
      if (ClassifyClause(passage.heading) == ClauseKind::kAsserted)
        for (const Feature& f : features.Extract(passage.heading)) terms.push_back(f.term);
      analysis.headings.push_back(std::move(terms));
    }
    a.heading = h->second;
    a.features = features.Extract(passage.text);
    for (const Clause& c : ReadClauses(passage.text))
      if (c.kind == ClauseKind::kAsserted) a.asserted.push_back(c);
    analysis.passages.push_back(std::move(a));
  }
  return analysis;
}

}  // namespace passerelle
