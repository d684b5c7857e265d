// French text analysis: turns UTF-8 text into index terms with positions and
// byte offsets. One analyzer serves referentiels, dossiers and queries alike,
// so that a word written in any of them meets the same term. The rules, their
// order and the format of a term are in docs/analysis.md.
//
// Example: "J’ai contrôlé les porte-outils (G71)" gives
//   term "control"    raw "contrôlé"       position 2 (J’ai took position 1)
//   term "port"       raw "porte"          position 4 (les took position 3)
//   term "outil"      raw "outils"         position 5
//   term "portoutil"  raw "porte-outils"   position 4, joined
//   term "g71"        raw "G71"            position 6, exact
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle {

// One word of the analyzed text.
struct AnalyzedToken {
  // The index term: lower case, no accents, œ/æ expanded, apostrophes
  // removed, stemmed (French Snowball plus a few documented normalizations)
  // unless `exact`. Never empty, at most kMaxTermBytes bytes, valid UTF-8.
  std::string term;
  // The word as written: input.substr(begin, end - begin). An elided article
  // is not part of it ("l'usinage" gives "usinage").
  std::string raw;
  // Word position, from 1 (like Xapian::TermGenerator). Every word takes
  // one, stop words included, so a phrase query matches only words that
  // were really adjacent. A joined compound takes its first part's position.
  uint32_t position = 0;
  // Byte offsets of `raw` in the input, for highlighting.
  uint32_t begin = 0;
  uint32_t end = 0;
  // A technical token or a number (the word holds a digit: G71, 42CrMo4,
  // 316L, 2768, 3,5): lower-cased and accent-folded but not stemmed.
  bool exact = false;
  // The joined form of a hyphenated compound ("porte-outils" gives porte,
  // outils, then the joined "portoutil"): its term is its parts' terms
  // concatenated; it comes right after its parts. Leave it out of phrases.
  bool joined = false;
};

struct FrenchAnalyzerOptions {
  // Capacity of the per-instance word → term cache, in entries; 0 disables
  // it. Stemming is the costly step and French text repeats its words, so
  // the cache doubles throughput. Default 65536 entries, about 10 MB when
  // full (a dossier uses a few thousand); when full it is emptied and refills.
  size_t term_cache_size = 65536;
};

// Thread safety: an analyzer is NOT thread-safe, not even its const methods:
// they reuse an ICU break iterator, a Snowball stemmer (Xapian::Stem, whose
// copies share state), a term cache and buffers. Give each thread its own
// analyzer; constructing one is cheap (about 4 microseconds).
class FrenchAnalyzer {
 public:
  // Longest term; a longer word (a run of letters with no break, a hash) is
  // skipped but still takes its position.
  static constexpr size_t kMaxTermBytes = 100;

  // Throws std::runtime_error when ICU's word break data or Xapian's French
  // stemmer are missing (a broken installation, not bad input).
  explicit FrenchAnalyzer(const FrenchAnalyzerOptions& options = {});
  ~FrenchAnalyzer();
  FrenchAnalyzer(const FrenchAnalyzer&) = delete;
  FrenchAnalyzer& operator=(const FrenchAnalyzer&) = delete;

  // The tokens of `utf8`, in text order. Invalid UTF-8 bytes separate words
  // and never reach a term. REQUIRES: utf8.size() < 2 GiB (the rest of a
  // longer text is ignored).
  std::vector<AnalyzedToken> Analyze(std::string_view utf8) const;
  // The same into `*tokens`, whose previous content is replaced; reusing
  // one vector across calls avoids allocations.
  void AnalyzeInto(std::string_view utf8, std::vector<AnalyzedToken>* tokens) const;

  // The term of one word as a query would give it: the first token Analyze
  // emits, or the joined term for a hyphenated compound ("porte-outil" →
  // "portoutil"); "" for a stop word or when `word` holds no word.
  std::string Term(std::string_view word) const;
  // True when `word`, case and accents ignored, is in the stop-word list
  // (engine/stopwords_fr.txt): "Le", "l'", "à", "A" are.
  bool IsStopword(std::string_view word) const;

  // The stop-word list as written in engine/stopwords_fr.txt, in its order
  // (the test checks that the two agree).
  static const std::vector<std::string_view>& StopwordList();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace passerelle
