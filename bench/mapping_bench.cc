// mapping_bench: how long the evidence mapping takes for a 60-page dossier
// (~150 KB of text) against TP-00211 (docs/mapping.md, "Speed").
//
//   mapping_bench [--kb 150] [--runs 20]
//
// Builds a workspace with the repository's referentiels, a synthetic dossier
// made of the development dossiers' paragraphs (varied, repeated to the
// size), indexes it, then prints:
//   - the mapping once the index is open (passages read + Map), median and max;
//   - the whole `passerelle map --candidate ... --json` command, process start
//     included, median and max.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <random>
#include <sstream>

#include "bench/bench_support.h"
#include "engine/certification_xml.h"
#include "engine/dossier_index.h"
#include "engine/file_system.h"
#include "engine/mapping_session.h"
#include "engine/workspace.h"

using namespace passerelle;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += (cur.empty() ? "" : " ") + line;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

void Report(const std::string& what, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  std::cout << std::fixed << std::setprecision(1) << what << ": median " << ms[ms.size() / 2]
            << " ms, max " << ms.back() << " ms over " << ms.size() << " runs\n";
}

}  // namespace

int main(int argc, char** argv) {
  bench::WarnIfNotOptimized(PASSERELLE_BUILD_TYPE);
  size_t kb = 150, runs = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--kb") kb = std::stoul(argv[i + 1]);
    else if (a == "--runs") runs = std::stoul(argv[i + 1]);
  }
  const fs::path root = fs::temp_directory_path() / ("mapping_bench_" + std::to_string(getpid()));
  fs::create_directories(root);
  RealFileSystem rfs;
  Workspace ws(&rfs, root.string());
  std::vector<Certification> certs;
  for (const auto& e : fs::directory_iterator(fs::path(PASSERELLE_SOURCE_DIR) / "referentiels"))
    if (e.path().extension() == ".xml")
      certs.push_back(*CertificationFromXml(bench::ReadFile(e.path()), e.path().string()));
  if (!ws.Save(certs, nullptr).ok()) return 1;

  // The dossier: development paragraphs, shuffled and lightly varied.
  std::vector<std::string> pool;
  for (const std::string& text :
       bench::ReadTextFiles(fs::path(PASSERELLE_SHARED_DIR) / "dossiers"))
    for (const std::string& p : Paragraphs(text)) pool.push_back(p);
  std::mt19937 rng(42);
  std::vector<PassageInput> passages;
  size_t bytes = 0;
  uint32_t paragraph = 0;
  while (bytes < kb * 1024) {
    PassageInput p;
    p.paragraph = ++paragraph;
    p.page = paragraph / 10 + 1;
    p.text = pool[rng() % pool.size()];
    if (rng() % 2) p.text += " " + pool[rng() % pool.size()];
    bytes += p.text.size();
    passages.push_back(std::move(p));
  }
  {
    auto index = DossierIndex::OpenForWriting(root.string());
    FrenchAnalyzer analyzer;
    CandidateSummary s{"bench", "bench.txt", "text", static_cast<uint32_t>(passages.size()), 0};
    if (!(*index)->AddDossier("bench", s, passages, analyzer).ok()) return 1;
  }
  std::cout << "dossier: " << passages.size() << " paragraphs, " << bytes / 1024 << " KB, "
            << paragraph / 10 + 1 << " pages\n";

  auto index = DossierIndex::OpenForReading(root.string());
  auto session = MappingSession::Create();
  std::vector<const Certification*> corpus;
  const Certification* target = nullptr;
  for (const Certification& c : certs) {
    corpus.push_back(&c);
    if (c.id.value == "TP-00211") target = &c;
  }
  std::vector<double> prepare_ms, map_ms;
  for (size_t r = 0; r < runs; ++r) {
    auto t = Clock::now();
    auto prepared = (*session)->Prepare(*target, corpus);
    prepare_ms.push_back(Ms(t, Clock::now()));
    auto t0 = Clock::now();
    auto read = (*index)->PassagesOf("bench");
    MappingResult result = (*session)->Map(*prepared, "bench", *read);
    auto t1 = Clock::now();
    map_ms.push_back(Ms(t0, t1));
    if (r == 0)
      std::cout << "coverage " << result.coverage << " (" << result.covered << " covered, "
                << result.partial << " partial)\n";
  }
  Report("preparing TP-00211 (profiles, corpus specificity)", prepare_ms);
  Report("mapping once the index is open (read passages + map)", map_ms);

  std::vector<double> cmd_ms;
  const std::string cmd = std::string(PASSERELLE_BINARY) + " --workspace " + root.string() +
                          " map --candidate bench --target TP-00211 --json > /dev/null";
  for (size_t r = 0; r < runs; ++r) {
    auto t0 = Clock::now();
    if (std::system(cmd.c_str()) != 0) return 1;
    cmd_ms.push_back(Ms(t0, Clock::now()));
  }
  Report("whole command (passerelle map --json, process start included)", cmd_ms);
  fs::remove_all(root);
  return 0;
}
