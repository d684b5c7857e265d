// Indexing throughput and search latency of the dossier index, on synthetic
// dossiers built from the shared development texts.
//
//   index_bench [--dossiers N] [--pages N] [--queries N] [--seed N]
//               [--shared DIR] [--keep] [--show]
//
// Defaults: 10,000 dossiers of 20 pages and 1,000 queries (issue 3). Every
// dossier is one candidate, added like `passerelle dossier add` does it: one
// DossierIndex::AddDossier (one Xapian transaction) with its passages, into
// a fresh workspace under the temporary folder (removed at the end unless
// --keep). The queries go through SearchDossiers, snippets included, on the
// index opened for reading as `passerelle search` opens it. --show prints
// the first dossier and stops.
//
// The dossiers come from bench/synthetic_dossiers.h: first-person French
// paragraphs under headings, assembled from the shared development texts.
// The queries draw their words from the same pieces. Everything is drawn
// from a seeded generator: the same seed and texts give the same dossiers
// and queries (the printed checksum says so).
//
// Build it optimized (-DCMAKE_BUILD_TYPE=Release). docs/search.md records the
// figures.
#include <stdlib.h>
#include <sys/resource.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "bench/bench_support.h"
#include "bench/synthetic_dossiers.h"
#include "engine/dossier_index.h"
#include "engine/dossier_search.h"
#include "engine/french_analyzer.h"
#include "engine/text.h"

namespace fs = std::filesystem;
using passerelle::FrenchAnalyzer;
using passerelle::bench::DossierPieces;
using passerelle::bench::Rng;

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// User + system CPU seconds of this process so far.
double CpuSeconds() {
  struct rusage usage;
  ::getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct Options {
  size_t dossiers = 10000;
  size_t pages = 20;
  size_t queries = 1000;
  uint64_t seed = 2024;
  fs::path shared = PASSERELLE_SHARED_DIR;
  bool keep = false;
  bool show = false;  // print the first dossier and stop
};

bool ParseOptions(int argc, char** argv, Options* options) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--keep" || a == "--show") {
      (a == "--keep" ? options->keep : options->show) = true;
      continue;
    }
    if (i + 1 >= argc) return false;
    const char* value = argv[++i];
    if (a == "--dossiers")
      options->dossiers = std::strtoul(value, nullptr, 10);
    else if (a == "--pages")
      options->pages = std::strtoul(value, nullptr, 10);
    else if (a == "--queries")
      options->queries = std::strtoul(value, nullptr, 10);
    else if (a == "--seed")
      options->seed = std::strtoull(value, nullptr, 10);
    else if (a == "--shared")
      options->shared = value;
    else
      return false;
  }
  return options->dossiers > 0 && options->pages > 0;
}

uint64_t CountWords(const std::string& text) {
  uint64_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

// FNV-1a, to tell whether two runs indexed the same text.
void Checksum(const std::string& text, uint64_t* hash) {
  for (unsigned char c : text) *hash = (*hash ^ c) * 0x100000001B3ull;
}

// ---------------------------------------------------------------------------
// Indexing.

struct IndexFigures {
  uint64_t bytes = 0;
  uint64_t passages = 0;
  uint64_t checksum = 0xCBF29CE484222325ull;
  double generate_seconds = 0;
  double index_seconds = 0;  // wall time of opening, AddDossier calls, closing
  double cpu_seconds = 0;    // CPU time of the whole loop, generation included
};

std::string CandidateId(size_t i) {
  char id[32];
  std::snprintf(id, sizeof(id), "cand-%05zu", i + 1);
  return id;
}

passerelle::Status IndexAll(const std::string& root, const Options& options,
                            const DossierPieces& pieces, IndexFigures* figures) {
  Rng rng(options.seed);
  FrenchAnalyzer analyzer;
  const double cpu_start = CpuSeconds();
  const auto open_start = Clock::now();
  auto index = passerelle::DossierIndex::OpenForWriting(root);
  if (!index.ok()) return index.status();
  figures->index_seconds += SecondsSince(open_start);
  for (size_t d = 0; d < options.dossiers; ++d) {
    const auto generate_start = Clock::now();
    const auto passages = passerelle::bench::MakeSyntheticDossier(pieces, rng, options.pages);
    passerelle::CandidateSummary summary{CandidateId(d), CandidateId(d) + ".pdf", "pdf", 0, 0};
    for (const auto& p : passages) {
      summary.words += CountWords(p.text);
      figures->bytes += p.text.size();
      Checksum(p.text, &figures->checksum);
    }
    summary.passages = static_cast<uint32_t>(passages.size());
    figures->passages += passages.size();
    const auto index_start = Clock::now();
    figures->generate_seconds +=
        std::chrono::duration<double>(index_start - generate_start).count();
    passerelle::Status s = (*index)->AddDossier(summary.candidate, summary, passages, analyzer);
    if (!s.ok()) return s;
    figures->index_seconds += SecondsSince(index_start);
    if (options.dossiers >= 20 && (d + 1) % (options.dossiers / 10) == 0)
      std::fprintf(stderr, "  %zu/%zu dossiers indexed, %.0f s\n", d + 1, options.dossiers,
                   figures->index_seconds);
  }
  const auto close_start = Clock::now();
  index->reset();
  figures->index_seconds += SecondsSince(close_start);
  figures->cpu_seconds = CpuSeconds() - cpu_start;
  return passerelle::Status::OK();
}

uint64_t FolderBytes(const fs::path& dir) {
  uint64_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) bytes += entry.file_size();
  return bytes;
}

// ---------------------------------------------------------------------------
// Queries.

// The words queries are made of: the words of the clauses, as written,
// that are one searchable word of at least 4 bytes; and each clause's words
// in order, for phrases.
struct QueryWords {
  std::vector<std::string> words;
  std::vector<std::vector<std::string>> clauses;
};

std::string StripPunctuation(std::string word) {
  static const std::vector<std::string> kMarks = {",", ".", ";",  ":", "(", ")",
                                                  "«", "»", "\"", "!", "?"};
  for (bool stripped = true; stripped && !word.empty();) {
    stripped = false;
    for (const std::string& mark : kMarks) {
      if (passerelle::StartsWith(word, mark)) word.erase(0, mark.size()), stripped = true;
      if (passerelle::EndsWith(word, mark)) word.resize(word.size() - mark.size()), stripped = true;
    }
  }
  return word;
}

// True when `word` is one word with a letter that the analyzer keeps:
// "et/ou" (two stop words), "l'usure" or "porte-outils" are not.
bool IsOneSearchableWord(const std::string& word, const FrenchAnalyzer& analyzer) {
  const auto tokens = analyzer.Analyze(word);
  const bool letter = std::any_of(
      word.begin(), word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  return letter && tokens.size() == 1 && tokens[0].raw == word && !tokens[0].term.empty();
}

QueryWords CollectQueryWords(const DossierPieces& pieces, const FrenchAnalyzer& analyzer) {
  QueryWords out;
  std::set<std::string> seen;
  for (const std::string& clause : pieces.clauses) {
    std::vector<std::string> words;
    std::istringstream in(clause);
    std::string word;
    while (in >> word) {
      word = StripPunctuation(word);
      if (word.empty() || word.find('*') != std::string::npos || word[0] == '-') continue;
      words.push_back(word);
      if (word.size() >= 4 && IsOneSearchableWord(word, analyzer) && seen.insert(word).second)
        out.words.push_back(word);
    }
    if (words.size() >= 3) out.clauses.push_back(std::move(words));
  }
  return out;
}

// The first `chars` code points of `word`.
std::string Utf8Prefix(const std::string& word, size_t chars) {
  size_t i = 0;
  for (size_t n = 0; i < word.size() && n < chars; ++n) {
    ++i;
    while (i < word.size() && (static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) ++i;
  }
  return word.substr(0, i);
}

enum QueryKind { kSingle, kAnd, kOr, kNot, kPhrase, kPrefix, kMixed, kKinds };
const char* const kKindNames[] = {"one word",   "words (AND)", "OR / OU", "NOT / SAUF / -",
                                  "\"phrase\"", "prefix*",     "mixed"};

std::string Phrase(const QueryWords& vocabulary, const FrenchAnalyzer& analyzer, Rng& rng) {
  for (;;) {
    const auto& words = rng.Pick(vocabulary.clauses);
    const size_t length = rng.Between(2, 3);
    const size_t start = rng.Below(words.size() - length + 1);
    std::string phrase;
    bool searchable = false;
    for (size_t i = start; i < start + length; ++i) {
      if (i > start) phrase += ' ';
      phrase += words[i];
      searchable |= IsOneSearchableWord(words[i], analyzer);
    }
    if (searchable) return "\"" + phrase + "\"";
  }
}

std::string Prefix(const QueryWords& vocabulary, Rng& rng) {
  for (;;) {
    const std::string& word = rng.Pick(vocabulary.words);
    const size_t chars = passerelle::Utf8Length(word);
    if (chars < 5) continue;
    return Utf8Prefix(word, rng.Between(3, std::min<size_t>(chars - 1, 6))) + "*";
  }
}

// The pieces of a query are drawn left to right (in `word() + word()` the
// order would be the compiler's), then joined.
std::string MakeQuery(QueryKind kind, const QueryWords& v, const FrenchAnalyzer& analyzer,
                      Rng& rng) {
  std::vector<std::string> parts;
  auto word = [&]() { parts.push_back(rng.Pick(v.words)); };
  auto text = [&parts](const char* t) { parts.emplace_back(t); };
  switch (kind) {
    case kSingle:
      word();
      break;
    case kAnd:
      word(), text(" "), word();
      if (rng.Percent(50)) text(" "), word();
      break;
    case kOr:
      word(), text(rng.Percent(50) ? " OR " : " OU "), word();
      break;
    case kNot: {
      static const char* const kNots[] = {" NOT ", " SAUF ", " -"};
      word(), text(kNots[rng.Below(3)]), word();
      break;
    }
    case kPhrase:
      parts.push_back(Phrase(v, analyzer, rng));
      break;
    case kPrefix:
      parts.push_back(Prefix(v, rng));
      break;
    default:
      parts.push_back(Phrase(v, analyzer, rng));
      text(" OR "), word(), text(" ");
      parts.push_back(Prefix(v, rng));
      text(" -"), word();
  }
  std::string query;
  for (const std::string& part : parts) query += part;
  return query;
}

struct Latencies {
  std::vector<double> all_ms;
  std::vector<double> by_kind_ms[kKinds];
  size_t errors = 0;
  std::string first_error;
  uint64_t matches = 0;
  size_t empty = 0;
};

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t rank = static_cast<size_t>(std::ceil(p * v.size()));
  return v[std::max<size_t>(rank, 1) - 1];
}

passerelle::Status RunQueries(const std::string& root, const Options& options,
                              const QueryWords& vocabulary, Latencies* out) {
  auto index = passerelle::DossierIndex::OpenForReading(root);
  if (!index.ok()) return index.status();
  FrenchAnalyzer analyzer;
  Rng rng(options.seed ^ 0x5EA4C8ull);
  for (size_t i = 0; i < options.queries; ++i) {
    const auto kind = static_cast<QueryKind>(i % kKinds);
    passerelle::SearchOptions search;
    if ((i / kKinds) % 2 == 1) search.candidate = CandidateId(rng.Below(options.dossiers));
    const std::string query = MakeQuery(kind, vocabulary, analyzer, rng);
    const auto start = Clock::now();
    auto results = passerelle::SearchDossiers(**index, analyzer, query, search);
    const double ms = SecondsSince(start) * 1000;
    out->all_ms.push_back(ms);
    out->by_kind_ms[kind].push_back(ms);
    if (!results.ok()) {
      if (out->errors++ == 0) out->first_error = query + ": " + results.status().message();
      continue;
    }
    out->matches += results->total;
    out->empty += results->total == 0;
  }
  return passerelle::Status::OK();
}

// ---------------------------------------------------------------------------
// Output.

void PrintIndexing(const Options& options, const IndexFigures& f, uint64_t index_bytes) {
  const double mb = static_cast<double>(f.bytes) / (1 << 20);
  std::printf(
      "dossiers: %zu x %zu pages, %llu passages, %.1f MB of passage text "
      "(checksum %016llx, generated in %.1f s, not counted)\n",
      options.dossiers, options.pages, static_cast<unsigned long long>(f.passages), mb,
      static_cast<unsigned long long>(f.checksum), f.generate_seconds);
  std::printf(
      "indexing: %.1f s wall, %.2f MB/s, %.0f passages/s "
      "(one AddDossier transaction per dossier; CPU %.1f s)\n",
      f.index_seconds, mb / f.index_seconds, f.passages / f.index_seconds,
      f.cpu_seconds - f.generate_seconds);
  std::printf("index on disk: %.1f MB\n", static_cast<double>(index_bytes) / (1 << 20));
}

void PrintLatencies(const Latencies& l) {
  const size_t n = l.all_ms.size();
  std::printf(
      "queries: %zu (%d kinds in turn, every other round with --candidate), "
      "%zu errors, %zu without match, %.0f matches on average (estimated)\n",
      n, static_cast<int>(kKinds), l.errors, l.empty, n ? static_cast<double>(l.matches) / n : 0.0);
  if (l.errors) std::printf("first error: %s\n", l.first_error.c_str());
  std::printf("latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", Percentile(l.all_ms, 0.5),
              Percentile(l.all_ms, 0.99), Percentile(l.all_ms, 1.0));
  for (int k = 0; k < kKinds; ++k)
    std::printf("  %-16s %4zu queries  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms\n", kKindNames[k],
                l.by_kind_ms[k].size(), Percentile(l.by_kind_ms[k], 0.5),
                Percentile(l.by_kind_ms[k], 0.99), Percentile(l.by_kind_ms[k], 1.0));
}

void ShowFirstDossier(const Options& options, const DossierPieces& pieces) {
  Rng rng(options.seed);
  std::string heading;
  for (const passerelle::PassageInput& p :
       passerelle::bench::MakeSyntheticDossier(pieces, rng, options.pages)) {
    if (p.heading != heading) std::printf("\n## %s\n", (heading = p.heading).c_str());
    std::printf("\n[page %u, paragraph %u] %s\n", p.page, p.paragraph, p.text.c_str());
  }
}

fs::path MakeWorkspace() {
  std::string pattern = (fs::temp_directory_path() / "passerelle-index-bench-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) return "";
  return pattern;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, &options)) {
    std::fprintf(stderr,
                 "usage: index_bench [--dossiers N] [--pages N] [--queries N] [--seed N] "
                 "[--shared DIR] [--keep] [--show]\n");
    return 2;
  }
  passerelle::bench::WarnIfNotOptimized(PASSERELLE_BUILD_TYPE);
  FrenchAnalyzer analyzer;
  const DossierPieces pieces = passerelle::bench::CollectDossierPieces(options.shared, analyzer);
  if (pieces.clauses.empty() || pieces.headings.empty()) {
    std::fprintf(stderr, "no usable text under %s\n", options.shared.c_str());
    return 1;
  }
  std::printf("pieces: %zu clauses, %zu openers, %zu headings from %s\n", pieces.clauses.size(),
              pieces.openers.size(), pieces.headings.size(), options.shared.c_str());
  if (options.show) {
    ShowFirstDossier(options, pieces);
    return 0;
  }
  const fs::path root = MakeWorkspace();
  if (root.empty()) return 1;
  IndexFigures figures;
  passerelle::Status s = IndexAll(root.string(), options, pieces, &figures);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  PrintIndexing(options, figures, FolderBytes(root / "index"));
  Latencies latencies;
  s = RunQueries(root.string(), options, CollectQueryWords(pieces, analyzer), &latencies);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  PrintLatencies(latencies);
  if (options.keep) {
    std::printf("workspace kept: %s\n", root.c_str());
  } else {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  return 0;
}
