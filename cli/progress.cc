#include "cli/progress.h"

#include <unistd.h>

#include <filesystem>
#include <iostream>

namespace passerelle::cli {

namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
constexpr int kBarWidth = 20;

std::string Duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  if (s < 60) return std::to_string(s) + " s";
  return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
}

}  // namespace

bool ProgressWanted(bool json) {
  return !json && ::isatty(STDOUT_FILENO) && ::isatty(STDERR_FILENO);
}

std::string FormatCount(size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(' ');
    out.push_back(digits[i]);
  }
  return out;
}

ProgressLine::ProgressLine(bool enabled) : enabled_(enabled), start_(Clock::now()) {}

void ProgressLine::Update(const std::string& label, const ImportProgress& p) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (!started_) {  // the rate counts from the first step, not from construction
    start_ = now;
    started_ = true;
  }
  if (drawn_ && now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double share =
      p.bytes_total > 0 ? std::min(1.0, static_cast<double>(p.bytes_done) / p.bytes_total) : 0;
  const size_t total = share > 0 ? static_cast<size_t>(p.fiches / share) : 0;
  const double rate = elapsed > 0 ? p.fiches / elapsed : 0;
  std::string line = std::filesystem::path(label).filename().string() + " [";
  const int filled = static_cast<int>(share * kBarWidth);
  line += std::string(filled, '#') + std::string(kBarWidth - filled, '.') + "] ";
  line += FormatCount(p.fiches) + (total ? " / ~" + FormatCount(total) : "") + " fiches";
  line += " · " + FormatCount(static_cast<size_t>(rate)) + " fiches/s";
  if (share > 0 && share < 1 && elapsed > 1)
    line += " · reste " + Duration(elapsed * (1 - share) / share);
  std::cerr << "\r\033[K" << line << std::flush;
  drawn_ = true;
}

void ProgressLine::Clear() {
  if (!drawn_) return;
  std::cerr << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace passerelle::cli
