// Times the gap report: the TP-00211 sample (the demo's report) and a
// synthetic report of about ten pages. Prints the page count and the median
// time over several runs. With --write DIR, also writes both PDFs into DIR
// so they can be rendered and looked at:
//   build-release/bench/report_bench --write /tmp/rapports
//   pdftoppm -png -r 70 /tmp/rapports/rapport-tp00211.pdf /tmp/rapports/tp
// docs/reports.md records what it printed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "report_samples.h"
#include "reports/gap_report.h"

namespace {

using passerelle::reports::GapReportInput;
using passerelle::reports::RenderGapReport;

int CountPages(const std::string& pdf) {
  int pages = 0;
  for (size_t at = pdf.find("/Type /Page\n"); at != std::string::npos;
       at = pdf.find("/Type /Page\n", at + 1))
    ++pages;
  return pages;
}

struct Timing {
  double wall_ms = 0;  // median elapsed time
  double cpu_ms = 0;   // median processor time: steadier on a busy machine
};

// Renders `runs` times; returns the medians and the last PDF.
Timing Time(const GapReportInput& in, int runs, std::string* pdf) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    auto result = RenderGapReport(in);
    const std::clock_t cpu_end = std::clock();
    const auto end = std::chrono::steady_clock::now();
    if (!result.ok()) {
      std::fprintf(stderr, "%s\n", result.status().message().c_str());
      std::exit(1);
    }
    *pdf = std::move(result.value());
    wall.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    cpu.push_back(1000.0 * static_cast<double>(cpu_end - cpu_start) / CLOCKS_PER_SEC);
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

void Report(const char* name, const GapReportInput& in, const std::string& write_dir) {
  std::string pdf;
  const Timing t = Time(in, 15, &pdf);
  std::printf("%-22s %3d pages  %7zu bytes  median %6.1f ms (cpu %6.1f ms)\n", name,
              CountPages(pdf), pdf.size(), t.wall_ms, t.cpu_ms);
  if (write_dir.empty()) return;
  const auto path = std::filesystem::path(write_dir) / (std::string(name) + ".pdf");
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr || std::fwrite(pdf.data(), 1, pdf.size(), f) != pdf.size()) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    std::exit(1);
  }
  std::fclose(f);
  std::printf("  written to %s\n", path.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  std::string write_dir;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--write") == 0 && i + 1 < argc) {
      write_dir = argv[++i];
    } else {
      std::fprintf(stderr, "usage: report_bench [--write DIR]\n");
      return 2;
    }
  }
  namespace t = passerelle::testing;
  std::printf("report_bench (%s build)\n", PASSERELLE_BUILD_TYPE);
  const auto tp = t::LoadCanonical(PASSERELLE_SOURCE_DIR, "TP-00211");
  const auto paragraphs = t::SampleDossierParagraphs(PASSERELLE_SOURCE_DIR);
  Report("rapport-tp00211", t::MakeInput(tp, t::SampleMapping(tp, paragraphs)), write_dir);
  const auto synthetic = t::SyntheticCertification(4, 5);
  Report("rapport-synthetique", t::MakeInput(synthetic, t::SyntheticMapping(synthetic, 600)),
         write_dir);
  return 0;
}
