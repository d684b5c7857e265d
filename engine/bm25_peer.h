// The stock Xapian BM25 peer the mapping is measured against
// (docs/mapping.md, "Quality"): each competence's profile text (title,
// description, context, criteria, savoir-faire, savoirs, bloc titles) is one
// document indexed by Xapian's TermGenerator with the French Snowball
// stemmer; each dossier paragraph is one query (its stemmed terms, OR) run
// with Xapian's default BM25 weighting. A competence's score is its best
// paragraph's BM25 weight; thresholds on that score give its status. Nothing
// of the Passerelle method (thesauri, clauses, specificity) is used.
//
// Thread safety: none.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/dossier_index.h"
#include "engine/mapping_result.h"

namespace passerelle {

// BM25 weight of every (competence, passage) pair of one dossier.
struct Bm25Scores {
  std::vector<std::string> numbers;      // competence numbers, referentiel order
  std::vector<uint32_t> paragraphs;      // paragraph of each passage
  std::vector<std::vector<double>> weight;  // [competence][passage]
  // The best passage of competence `ci` and its weight (0, 0 when none).
  std::pair<double, uint32_t> Best(size_t ci) const;
};

// Thresholds on a competence's best BM25 weight.
struct Bm25Thresholds {
  double partial = 0;  // ≥ partial: partial
  double covered = 0;  // ≥ covered: covered
};

class Bm25Peer {
 public:
  explicit Bm25Peer(const Certification& target);
  ~Bm25Peer();
  Bm25Scores Score(const std::vector<IndexedPassage>& passages) const;

 private:
  struct Index;
  std::unique_ptr<Index> index_;
  std::vector<std::string> numbers_;
};

// Statuses and best evidence (one per non-missing competence) under
// `thresholds`, as a MappingResult the gold scorers judge.
MappingResult Bm25Decide(const Bm25Scores& scores, const Bm25Thresholds& thresholds);

}  // namespace passerelle
