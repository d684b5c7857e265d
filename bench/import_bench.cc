// Imports a national-size open-data export into a fresh workspace with the
// real `passerelle` binary and prints what a user would wait and pay: wall
// time, fiches per second, peak memory (getrusage of the child), then the
// latency of `certifications` (whole list, filtered, searched) and `show`
// on that workspace. Optionally re-imports a second export to time the
// re-import. Not a test, not run by CI. docs/workspace.md records a run.
//
//   import_bench EXPORT.xml [--workspace DIR] [--reimport EXPORT2.xml]
//                [--dossier FILE]
//
// With --dossier, the repository's referentiels are imported too, FILE is
// indexed as candidate "bench" and `suggest`, `map` and `report` are timed on
// the whole register (docs/suggest.md and docs/mapping.md record a run), then
// `suggest` once more after the content index was deleted (the first run
// rebuilds it). The content index's size is printed after the import.
//
// Generate the export first with gen_rncp_export (bench/CMakeLists.txt).
#include <unistd.h>

#include "bench/child_process.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

using passerelle::bench::Child;
using passerelle::bench::RunChild;

// Runs passerelle with `args`, stdout through `out_file`.
Child Run(const std::vector<std::string>& args, const std::string& out_file) {
  return RunChild(PASSERELLE_BINARY, args, out_file);
}

void PrintImport(const char* label, const Child& c) {
  if (c.status != 0) {
    std::cerr << label << " failed (exit " << c.status << ")\n";
    std::exit(1);
  }
  const auto json = nlohmann::json::parse(c.out);
  size_t fiches = 0;
  for (const auto& e : json["exports"]) fiches += e["fiches"].get<size_t>();
  const auto& s = json["summary"];
  std::printf("%s: %zu fiches in %.1f s = %.0f fiches/s, peak RSS %.0f MB\n", label, fiches,
              c.seconds, fiches / c.seconds, c.peak_kb / 1024.0);
  std::printf("  added %zu, updated %zu, unchanged %zu, deactivated %zu, skipped %zu\n",
              s["added"].get<size_t>(), s["updated"].get<size_t>(), s["unchanged"].get<size_t>(),
              s["deactivated"].get<size_t>(), s["skipped"].get<size_t>());
}

// Runs a reading command `runs` times; prints the first (cold catalog
// parse) and the best time.
void TimeCommand(const char* label, const std::vector<std::string>& args, const std::string& tmp) {
  double first = 0, best = 1e9;
  size_t bytes = 0;
  for (int i = 0; i < 5; ++i) {
    Child c = Run(args, tmp);
    if (c.status != 0) {
      std::cerr << label << " failed (exit " << c.status << ")\n";
      std::exit(1);
    }
    if (i == 0) first = c.seconds;
    best = std::min(best, c.seconds);
    bytes = c.out.size();
  }
  std::printf("  %-44s first %6.0f ms, best %6.0f ms (%zu bytes out)\n", label, first * 1000,
              best * 1000, bytes);
}

// Bytes of the files under `dir` (0 when absent).
double MegabytesUnder(const std::string& dir) {
  std::error_code ec;
  uintmax_t bytes = 0;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file()) bytes += it->file_size();
  return static_cast<double>(bytes) / 1048576.0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string export_file, reimport, dossier, workspace = "/tmp/passerelle-bench-ws";
  for (int a = 1; a < argc; ++a) {
    const std::string arg = argv[a];
    if (arg == "--workspace" && a + 1 < argc)
      workspace = argv[++a];
    else if (arg == "--reimport" && a + 1 < argc)
      reimport = argv[++a];
    else if (arg == "--dossier" && a + 1 < argc)
      dossier = argv[++a];
    else if (export_file.empty())
      export_file = arg;
  }
  if (export_file.empty()) {
    std::cerr << "usage: import_bench EXPORT.xml [--workspace DIR] [--reimport EXPORT2.xml]\n";
    return 2;
  }
  std::filesystem::remove_all(workspace);
  const std::string tmp = workspace + ".out";
  const std::string ws = "--workspace=" + workspace;
  std::printf("export %s (%.0f MB), binary %s (%s)\n", export_file.c_str(),
              std::filesystem::file_size(export_file) / 1048576.0, PASSERELLE_BINARY,
              PASSERELLE_BUILD_TYPE);
  PrintImport("import into a fresh workspace", Run({ws, "import", export_file, "--json"}, tmp));
  std::printf("  content index %.1f MB, catalog %.1f MB\n",
              MegabytesUnder(workspace + "/referentiels.xapian"),
              std::filesystem::file_size(workspace + "/catalog") / 1048576.0);
  std::printf("reading the workspace:\n");
  TimeCommand("certifications --json", {ws, "certifications", "--json"}, tmp);
  TimeCommand("certifications (table)", {ws, "certifications"}, tmp);
  TimeCommand("certifications --active --rome H29 --level 4",
              {ws, "certifications", "--active", "--rome", "H29", "--level", "4", "--json"}, tmp);
  TimeCommand("certifications --search \"usinage\"",
              {ws, "certifications", "--search", "usinage", "--json"}, tmp);
  TimeCommand("show RNCP100001 --json", {ws, "show", "RNCP100001", "--json"}, tmp);
  TimeCommand("show RNCP100001", {ws, "show", "RNCP100001"}, tmp);
  if (!dossier.empty()) {
    std::vector<std::string> import = {ws, "import"};
    for (const auto& e : std::filesystem::directory_iterator(PASSERELLE_SOURCE_DIR "/referentiels"))
      if (e.path().extension() == ".xml") import.push_back(e.path().string());
    import.push_back("--json");
    Run(import, tmp);
    if (Run({ws, "dossier", "add", dossier, "--candidate", "bench"}, tmp).status != 0) {
      std::cerr << "cannot index " << dossier << "\n";
      return 1;
    }
    TimeCommand("suggest --candidate bench --json", {ws, "suggest", "--candidate", "bench", "--json"},
                tmp);
    std::printf("  %s\n", nlohmann::json::parse(Run({ws, "suggest", "--candidate", "bench", "--json",
                                                     "--top", "3"},
                                                    tmp)
                                                    .out)["certifications"]
                             .dump()
                             .substr(0, 400)
                             .c_str());
    TimeCommand("map --candidate bench --target TP-00211 --json",
                {ws, "map", "--candidate", "bench", "--target", "TP-00211", "--json"}, tmp);
    const std::string pdf = workspace + "-report.pdf";
    TimeCommand("report --candidate bench --target TP-00211",
                {ws, "report", "--candidate", "bench", "--target", "TP-00211", "--output", pdf}, tmp);
    std::filesystem::remove(pdf);
    std::filesystem::remove_all(workspace + "/referentiels.xapian");
    TimeCommand("suggest, content index deleted", {ws, "suggest", "--candidate", "bench", "--json"},
                tmp);
  }
  PrintImport("re-import of the same export", Run({ws, "import", export_file, "--json"}, tmp));
  if (!reimport.empty())
    PrintImport("re-import of a newer export", Run({ws, "import", reimport, "--json"}, tmp));
  std::filesystem::remove(tmp);
  return 0;
}
