// Synthetic candidate dossiers for the benchmarks: first-person French
// paragraphs under headings, assembled from the shared development texts.
//
// The sentences are made of pieces of ../shared: the first-person clauses
// of the development dossiers ("je règle des tours automatiques...") and
// their openers ("À partir du plan client"), and the competence lines of the
// referentiels ("Préparer la production de nouvelles pièces...") put in the
// first person ("je prépare la production..."), which also give the
// headings ("Activité 3 : Contrôler un état de surface"). Everything is
// drawn from a seeded Rng: the same seed and texts give the same dossiers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/dossier_index.h"
#include "engine/french_analyzer.h"

namespace passerelle::bench {

// SplitMix64: small, fast, and the same sequence on every platform (the
// standard distributions are not).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  size_t Between(size_t low, size_t high) { return low + Below(high - low + 1); }
  bool Percent(unsigned p) { return Below(100) < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }

 private:
  uint64_t state_;
};

// The pieces sentences are made of.
struct DossierPieces {
  std::vector<std::string> clauses;   // "je règle des tours...", no final period
  std::vector<std::string> openers;   // "À partir du plan client"
  std::vector<std::string> headings;  // "Préparer la production..."
};

// Reads <shared>/dossiers/*.txt and <shared>/referentiels/*.txt. The pieces
// are empty when the folders hold no usable text.
DossierPieces CollectDossierPieces(const std::filesystem::path& shared,
                                   const FrenchAnalyzer& analyzer);

// One dossier of `pages` pages: each page starts with a heading (a quarter
// of them have a second one) and has 4 to 6 paragraphs of 2 to 5 sentences.
// Numbered as importers/dossier_reader.h does: a heading takes a paragraph
// number and yields no passage; `page` is set, `part` is 0.
// REQUIRES: `pieces` has clauses and headings.
std::vector<PassageInput> MakeSyntheticDossier(const DossierPieces& pieces, Rng& rng, size_t pages);

}  // namespace passerelle::bench
