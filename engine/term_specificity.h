// How specific a feature term is to a trade: 1 for a word no other trade
// uses ("mandrin", "code G"), near 0 for a word every trade uses ("régler",
// "qualité"). Measured on an out-of-domain corpus (the certifications that
// share no ROME or NSF code with the target, plus the background corpus
// shipped in referentiels/background/), and capped for the everyday
// vocabulary of referentiels/generic-vocabulary.txt (docs/mapping.md).
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "engine/certification.h"
#include "engine/text_features.h"

namespace passerelle {

class TermSpecificity {
 public:
  // Specificity given to the everyday vocabulary, whatever the corpus says.
  static constexpr double kGenericCap = 0.15;

  // One out-of-domain document: its distinct terms.
  void AddDocument(const std::vector<std::string>& distinct_terms);
  // Caps `term` at kGenericCap.
  void AddGeneric(const std::string& term);

  // In [0, 1]: (1 - df / (N + 1))^3, capped for generic terms; 1 when the
  // corpus is empty and the term is not generic.
  double Of(const std::string& term) const;
  size_t documents() const { return documents_; }
  // The corpus measure alone, without the cap of the everyday vocabulary.
  double CorpusSpecificity(const std::string& term) const;
  // True for a word of the everyday vocabulary (capped by Of).
  bool IsGeneric(const std::string& term) const { return generic_.count(term) > 0; }

 private:
  std::unordered_map<std::string, uint32_t> df_;
  std::unordered_set<std::string> generic_;
  size_t documents_ = 0;
};

// True when the two certifications share a ROME code or an NSF code (its
// three digits: "251" and "251u" meet).
bool SameDomain(const Certification& a, const Certification& b);

// What the specificity statistics are built from, apart from the target:
// the background corpus and the generic vocabulary, analyzed once, and the
// terms of each certification seen, analyzed once per certification id.
// Mapping one dossier onto many targets (`suggest`) shares one.
class SpecificityCorpus {
 public:
  // `features` must outlive the corpus. Not thread-safe.
  explicit SpecificityCorpus(const FeatureExtractor& features);
  // The specificity for mapping onto `target` (see BuildSpecificity).
  TermSpecificity For(const Certification& target,
                      const std::vector<const Certification*>& others) const;

 private:
  struct Doc {
    std::set<std::string> rome;
    std::set<std::string> nsf;  // three-digit stems
    std::vector<std::string> terms;
  };
  const std::vector<std::string>& TermsOf(const Certification& cert) const;

  const FeatureExtractor& features_;
  std::vector<Doc> background_;
  std::vector<std::string> generic_;
  mutable std::map<std::string, std::vector<std::string>> cert_terms_;  // by id
};

// The specificity for mapping onto `target`: the built-in generic vocabulary
// and background corpus, plus the certifications of `others` outside the
// target's domain.
TermSpecificity BuildSpecificity(const Certification& target,
                                 const std::vector<const Certification*>& others,
                                 const FeatureExtractor& features);

// All the text of a certification (titles, competences, lists), for corpus
// statistics.
std::string CertificationText(const Certification& cert);

}  // namespace passerelle
