// Feature terms of a text for the evidence mapping: the analyzer's terms
// (stop words, bare numbers and joined compounds left out) plus one concept
// term per thesaurus match, each with its byte range so that a passage's
// features can be given to its clauses (docs/mapping.md). An extractor may be
// scoped to the thesauri that serve one certification (For()).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/french_analyzer.h"
#include "engine/thesaurus.h"

namespace passerelle {

struct Feature {
  std::string term;  // analyzer term, or Thesaurus::ConceptTerm
  std::string raw;   // as written ("tours", "code G")
  size_t begin = 0;  // byte range in the text
  size_t end = 0;
  // For a concept: the analyzer terms of the matched words.
  std::vector<std::string> parts;
};

class FeatureExtractor {
 public:
  // Both must outlive the extractor. Not thread-safe (the analyzer is not).
  // `scope`: the thesaurus groups whose concepts are extracted (all by
  // default).
  FeatureExtractor(const FrenchAnalyzer& analyzer, const Thesaurus& thesaurus,
                   ThesaurusScope scope = {})
      : analyzer_(analyzer), thesaurus_(thesaurus), scope_(std::move(scope)) {}

  // An extractor of the same analyzer and thesaurus keeping only the
  // concepts of the thesauri that serve `cert` (Thesaurus::ScopeFor): how a
  // certification's texts, and a dossier matched against it, are read.
  FeatureExtractor For(const Certification& cert) const {
    return FeatureExtractor(analyzer_, thesaurus_, thesaurus_.ScopeFor(cert));
  }

  // Features of `text` in text order (concepts right after their first word).
  std::vector<Feature> Extract(std::string_view text) const;
  // Distinct terms of `text`, sorted.
  std::vector<std::string> Terms(std::string_view text) const;

  const Thesaurus& thesaurus() const { return thesaurus_; }
  const ThesaurusScope& scope() const { return scope_; }

 private:
  const FrenchAnalyzer& analyzer_;
  const Thesaurus& thesaurus_;
  ThesaurusScope scope_;
};

}  // namespace passerelle
