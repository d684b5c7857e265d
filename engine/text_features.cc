#include "engine/text_features.h"

#include <algorithm>

namespace passerelle {

namespace {

bool AllDigits(const std::string& term) {
  return std::all_of(term.begin(), term.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == ',' || c == '.';
  });
}

}  // namespace

std::vector<Feature> FeatureExtractor::Extract(std::string_view text) const {
  std::vector<AnalyzedToken> tokens = analyzer_.Analyze(text);
  std::vector<ConceptMatch> concepts = thesaurus_.Find(tokens, scope_);
  std::vector<Feature> out;
  out.reserve(tokens.size() + concepts.size());
  size_t next_concept = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const AnalyzedToken& t = tokens[i];
    if (!t.joined && !(t.exact && AllDigits(t.term)))
      out.push_back({t.term, t.raw, t.begin, t.end, {}});
    while (next_concept < concepts.size() && concepts[next_concept].first == i) {
      const ConceptMatch& m = concepts[next_concept++];
      const size_t end = tokens[m.last].end;
      Feature f{Thesaurus::ConceptTerm(m.group),
                std::string(text.substr(t.begin, end - t.begin)), t.begin, end, {}};
      for (size_t k = m.first; k <= m.last; ++k)
        if (!tokens[k].joined) f.parts.push_back(tokens[k].term);
      out.push_back(std::move(f));
    }
  }
  return out;
}

std::vector<std::string> FeatureExtractor::Terms(std::string_view text) const {
  std::vector<std::string> terms;
  for (Feature& f : Extract(text)) terms.push_back(std::move(f.term));
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

}  // namespace passerelle
