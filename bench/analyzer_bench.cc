// Throughput of passerelle::FrenchAnalyzer against a bare loop doing the
// minimum any French analysis does: ICU word segmentation, case folding and
// Snowball stemming, over the same ~20 MB corpus built by repeating the
// shared dossiers and referentiels.
//
//   analyzer_bench [shared_dir] [megabytes]
//
// Build it optimized (-DCMAKE_BUILD_TYPE=Release): figures of an unoptimized
// build mean nothing. docs/analysis.md records the figures.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench/bench_support.h"
#include "engine/french_analyzer.h"

namespace fs = std::filesystem;

namespace {

// The corpus: one string, and a view per document (a file's copy).
struct Corpus {
  std::string text;
  std::vector<std::string_view> documents;
};

std::vector<std::string> ReadTexts(const fs::path& shared) {
  std::vector<std::string> texts = passerelle::bench::ReadTextFiles(shared / "dossiers");
  for (std::string& text : passerelle::bench::ReadTextFiles(shared / "referentiels"))
    texts.push_back(std::move(text));
  return texts;
}

Corpus BuildCorpus(const std::vector<std::string>& texts, size_t bytes) {
  Corpus corpus;
  std::vector<std::pair<size_t, size_t>> spans;
  while (corpus.text.size() < bytes) {
    for (const std::string& t : texts) {
      spans.emplace_back(corpus.text.size(), t.size());
      corpus.text += t;
    }
  }
  for (const auto& [offset, size] : spans)
    corpus.documents.push_back(std::string_view(corpus.text).substr(offset, size));
  return corpus;
}

// The bare loop: segment, fold case, stem; what any analysis must pay.
class BareLoop {
 public:
  BareLoop() : stemmer_("french") {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getFrance(), status));
  }
  // ICU segmentation alone: the floor under any analysis.
  size_t Segment(std::string_view document) {
    UErrorCode status = U_ZERO_ERROR;
    UText text = UTEXT_INITIALIZER;
    utext_openUTF8(&text, document.data(), static_cast<int64_t>(document.size()), &status);
    words_->setText(&text, status);
    size_t words = 0;
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE; end = words_->next())
      words += words_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT;
    utext_close(&text);
    return words;
  }
  size_t Run(std::string_view document) {
    UErrorCode status = U_ZERO_ERROR;
    UText text = UTEXT_INITIALIZER;
    utext_openUTF8(&text, document.data(), static_cast<int64_t>(document.size()), &status);
    words_->setText(&text, status);
    size_t checksum = 0;
    int32_t begin = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
         begin = end, end = words_->next()) {
      if (words_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
      icu::UnicodeString word =
          icu::UnicodeString::fromUTF8(icu::StringPiece(document.data() + begin, end - begin));
      word.foldCase();
      folded_.clear();
      word.toUTF8String(folded_);
      checksum += stemmer_(folded_).size();
    }
    utext_close(&text);
    return checksum;
  }

 private:
  std::unique_ptr<icu::BreakIterator> words_;
  Xapian::Stem stemmer_;
  std::string folded_;
};

// One way of processing a document, its best time so far and its count.
struct Variant {
  std::function<size_t(std::string_view)> run;
  double best_seconds = 1e30;
  size_t count = 0;
};

// Times every variant over the whole corpus, `rounds` times, interleaved so
// that a busy moment of the (shared) machine does not favour one of them.
void TimeInterleaved(const Corpus& corpus, int rounds, std::vector<Variant>* variants) {
  for (int round = 0; round < rounds; ++round) {
    for (Variant& v : *variants) {
      const auto start = std::chrono::steady_clock::now();
      size_t count = 0;
      for (std::string_view document : corpus.documents) count += v.run(document);
      const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
      v.best_seconds = std::min(v.best_seconds, elapsed.count());
      v.count = count;
    }
  }
}

double ConstructionMicroseconds() {
  const int count = 200;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < count; ++i) passerelle::FrenchAnalyzer analyzer;
  const std::chrono::duration<double, std::micro> elapsed =
      std::chrono::steady_clock::now() - start;
  return elapsed.count() / count;
}

// Variants in the order main() builds them: segmentation alone, the bare
// loop, the analyzer with and without its cache.
void PrintFigures(double mb, const std::vector<Variant>& variants) {
  const Variant& segment = variants[0];
  const Variant& loop = variants[1];
  auto speed = [mb](const Variant& v) { return mb / v.best_seconds; };
  std::printf("ICU word segmentation alone:                  %7.1f MB/s  %zu ICU words\n",
              speed(segment), segment.count);
  std::printf("bare ICU segmentation + fold case + Snowball: %7.1f MB/s  (checksum %zu)\n",
              speed(loop), loop.count);
  const char* names[] = {"FrenchAnalyzer (term cache, default):       ",
                         "FrenchAnalyzer (term_cache_size = 0):       "};
  double worst_ratio = 1e30;
  for (size_t i = 2; i < variants.size(); ++i) {
    const double ratio = loop.best_seconds / variants[i].best_seconds;
    worst_ratio = std::min(worst_ratio, ratio);
    std::printf("%s %7.1f MB/s  %zu tokens  ratio %.2f\n", names[i - 2], speed(variants[i]),
                variants[i].count, ratio);
  }
  std::printf("target, at least 0.50 of the bare loop: %s\n",
              worst_ratio >= 0.5 ? "met" : "MISSED");
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path shared = argc > 1 ? argv[1] : PASSERELLE_SHARED_DIR;
  const size_t megabytes = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 20;
  passerelle::bench::WarnIfNotOptimized(PASSERELLE_BUILD_TYPE);
  const std::vector<std::string> texts = ReadTexts(shared);
  if (texts.empty()) {
    std::fprintf(stderr, "no .txt under %s/dossiers or %s/referentiels\n", shared.c_str(),
                 shared.c_str());
    return 1;
  }
  const Corpus corpus = BuildCorpus(texts, megabytes << 20);
  const double mb = static_cast<double>(corpus.text.size()) / (1 << 20);
  std::printf("corpus: %.1f MB, %zu documents (%zu files repeated)\n", mb, corpus.documents.size(),
              texts.size());

  BareLoop bare;
  passerelle::FrenchAnalyzer cached;
  passerelle::FrenchAnalyzer uncached(passerelle::FrenchAnalyzerOptions{.term_cache_size = 0});
  std::vector<passerelle::AnalyzedToken> tokens;
  auto analyze_with = [&tokens](const passerelle::FrenchAnalyzer& analyzer) {
    return [&tokens, &analyzer](std::string_view document) {
      analyzer.AnalyzeInto(document, &tokens);
      return tokens.size();
    };
  };
  std::vector<Variant> variants = {{[&bare](std::string_view d) { return bare.Segment(d); }},
                                   {[&bare](std::string_view d) { return bare.Run(d); }},
                                   {analyze_with(cached)},
                                   {analyze_with(uncached)}};
  TimeInterleaved(corpus, 3, &variants);
  PrintFigures(mb, variants);
  std::printf("FrenchAnalyzer construction: %.1f us\n", ConstructionMicroseconds());
  return 0;
}
