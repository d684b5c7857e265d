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

// How the corpus is counted.
struct SpecificityOptions {
  // Each trade weighs one document in all (GroupIntoTrades), instead of
  // each document one: the evidence mapping counts trades.
  bool by_trade = false;
  // specificity = (1 - df / (N + 1))^exponent. Counted by trade, N is
  // small (a handful of trades): a word of one trade in seven keeps 0.77.
  double exponent = 3.0;
};

class TermSpecificity {
 public:
  explicit TermSpecificity(double exponent = 3.0) : exponent_(exponent) {}
  // Specificity given to the everyday vocabulary, whatever the corpus says.
  static constexpr double kGenericCap = 0.15;

  // One out-of-domain document: its distinct terms. `weight` is its share
  // of its trade (1 / the trade's documents), so that every trade counts
  // once however many of its certifications the corpus holds.
  void AddDocument(const std::vector<std::string>& distinct_terms, double weight = 1.0);
  // Caps `term` at kGenericCap.
  void AddGeneric(const std::string& term);

  // In [0, 1]: (1 - df / (N + 1))^3, N the trades of the corpus and df the
  // trades using the term (each trade the share of its documents that do),
  // capped for generic terms; 1 when the corpus is empty and the term is not
  // generic.
  double Of(const std::string& term) const;
  // The trades of the corpus (the sum of the documents' weights).
  double documents() const { return documents_; }
  // The corpus measure alone, without the cap of the everyday vocabulary.
  double CorpusSpecificity(const std::string& term) const;
  // True for a word of the everyday vocabulary (capped by Of).
  bool IsGeneric(const std::string& term) const { return generic_.count(term) > 0; }

 private:
  std::unordered_map<std::string, double> df_;
  std::unordered_set<std::string> generic_;
  double documents_ = 0;
  double exponent_ = 3.0;
};

// True when the two certifications share a ROME code or an NSF code (its
// three digits: "251" and "251u" meet).
bool SameDomain(const Certification& a, const Certification& b);

// Groups documents into trades: two documents sharing a ROME code or an
// NSF stem are of the same trade, and so, transitively, are their
// neighbours; a document without codes is a trade of its own. Returns the
// trade index of each document (0-based, in order of first appearance).
std::vector<size_t> GroupIntoTrades(const std::vector<std::set<std::string>>& codes);

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
                      const std::vector<const Certification*>& others,
                      const SpecificityOptions& options = {}) const;

 private:
  struct Doc {
    std::set<std::string> rome;
    std::set<std::string> nsf;  // three-digit stems
    std::vector<std::string> terms;
  };
  static std::set<std::string> CodesOf(const Doc& d);
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
                                 const FeatureExtractor& features,
                                 const SpecificityOptions& options = {});

// What the evidence mapping uses: counted by trade (docs/mapping.md).
constexpr SpecificityOptions kMappingSpecificity{true, 2.0};

// All the text of a certification (titles, competences, lists), for corpus
// statistics.
std::string CertificationText(const Certification& cert);

}  // namespace passerelle
