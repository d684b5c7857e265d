// The progress line of long imports on a terminal: fiches done / estimated
// total, rate and remaining time, redrawn in place on stderr. Shown only
// when both stdout and stderr are terminals and the output is not JSON, so
// that nothing of it reaches a file, a pipe or a JSON reader.
#pragma once

#include <chrono>
#include <string>

#include "importers/rncp_xml_import.h"

namespace passerelle::cli {

// True when a progress line may be drawn (see above).
bool ProgressWanted(bool json);

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled);
  ~ProgressLine() { Clear(); }

  // Redraws "<label> [#####.....] 12 345 / ~25 600 fiches · 1 850 fiches/s ·
  // reste 7 s", at most every 100 ms. The total is estimated from the share
  // of bytes read.
  void Update(const std::string& label, const ImportProgress& progress);
  // Erases the line (before printing results or errors).
  void Clear();

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool drawn_ = false;
  bool started_ = false;
  Clock::time_point start_;
  Clock::time_point last_draw_;
};

// "25 600": thousands separated by a space, as French writes them.
std::string FormatCount(size_t n);

}  // namespace passerelle::cli
