// Times `passerelle related` with the real binary on a workspace (the
// national register: docs/equivalences.md records a run). Not a test.
//
//   related_bench --workspace DIR [--runs 5] [ID...]
//
// Without ids, five certifications spread over the workspace's catalog are
// taken (`passerelle certifications --json`). Each is asked --runs times;
// the first run and the median and worst of the others are printed, with
// the peak memory and the number of certifications returned.
#include "bench/child_process.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#ifndef PASSERELLE_BUILD_TYPE
#define PASSERELLE_BUILD_TYPE ""
#endif

namespace {

using passerelle::bench::Child;
using passerelle::bench::RunChild;

// Runs passerelle with `args`, stdout captured through a temporary file.
Child Run(const std::vector<std::string>& args) {
  return RunChild(PASSERELLE_BINARY, args, "/tmp/related_bench.out");
}

std::vector<std::string> SpreadIds(const std::string& workspace, size_t count) {
  const Child list = Run({"--workspace", workspace, "certifications", "--json"});
  if (list.status != 0) {
    std::cerr << "cannot list the workspace " << workspace << "\n";
    std::exit(1);
  }
  const nlohmann::json all = nlohmann::json::parse(list.out);
  std::vector<std::string> ids;
  for (size_t k = 0; k < count && !all.empty(); ++k)
    ids.push_back(all[k * all.size() / count]["id"]);
  return ids;
}

void Measure(const std::string& workspace, const std::string& id, int runs) {
  std::vector<double> times;
  long peak = 0;
  size_t found = 0;
  double first = 0;
  for (int r = 0; r <= runs; ++r) {
    const Child c = Run({"--workspace", workspace, "related", id, "--json"});
    if (c.status != 0) {
      std::cerr << "related " << id << " failed (exit " << c.status << ")\n";
      std::exit(1);
    }
    if (r == 0) {
      first = c.seconds;
      found = nlohmann::json::parse(c.out)["related"].size();
    } else {
      times.push_back(c.seconds);
    }
    peak = std::max(peak, c.peak_kb);
  }
  std::sort(times.begin(), times.end());
  std::printf(
      "related %-12s first %6.0f ms, median %6.0f ms, max %6.0f ms, peak RSS %4ld MB, %zu found\n",
      id.c_str(), first * 1000, times[times.size() / 2] * 1000, times.back() * 1000, peak / 1024,
      found);
}

}  // namespace

int main(int argc, char** argv) {
  std::string workspace;
  int runs = 5;
  std::vector<std::string> ids;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--workspace" && i + 1 < argc)
      workspace = argv[++i];
    else if (a == "--runs" && i + 1 < argc)
      runs = std::max(1, std::atoi(argv[++i]));
    else
      ids.push_back(a);
  }
  if (workspace.empty()) {
    std::cerr << "usage: related_bench --workspace DIR [--runs 5] [ID...]\n";
    return 2;
  }
  const std::string type = PASSERELLE_BUILD_TYPE;
  if (type != "Release" && type != "RelWithDebInfo")
    std::printf("warning: %s build, figures mean little\n",
                type.empty() ? "unknown" : type.c_str());
  if (ids.empty()) ids = SpreadIds(workspace, 5);
  std::printf("workspace %s, binary %s (%s), %d runs after the first\n", workspace.c_str(),
              PASSERELLE_BINARY, type.c_str(), runs);
  for (const std::string& id : ids) Measure(workspace, id, runs);
  return 0;
}
