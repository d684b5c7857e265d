#include "reports/palette.h"

#include <algorithm>

namespace passerelle::reports {

StatusColors ColorsFor(CoverageStatus status) {
  switch (status) {
    case CoverageStatus::kCovered:
      return {Color::Hex(0x1B7A3E), kWhite, Color::Hex(0x12552B)};
    case CoverageStatus::kPartial:
      return {Color::Hex(0xE0901E), Color::Hex(0x000000), Color::Hex(0x9A6308)};
    case CoverageStatus::kMissing:
      break;
  }
  return {Color::Hex(0xF8DADA), Color::Hex(0x8E1B1B), Color::Hex(0xB03030)};
}

Color HeatColor(double value) {
  // An S-curve rather than a straight ramp: the middle of the scale, where
  // a pair of blocs turns from unrelated to corresponding, takes most of
  // the lightness range, so that 0.3 reads pale and 0.7 dark.
  // A little of the straight ramp keeps it strictly darker at every step.
  const double clamped = std::clamp(value, 0.0, 1.0);
  const double x = std::clamp((clamped - 0.15) / 0.7, 0.0, 1.0);
  const double v = 0.15 * clamped + 0.85 * x * x * (3 - 2 * x);
  const Color light = Color::Hex(0xF4F7FB);
  const Color dark = Color::Hex(0x123A63);
  return {light.r + (dark.r - light.r) * v, light.g + (dark.g - light.g) * v,
          light.b + (dark.b - light.b) * v};
}

Color TextColorOn(Color fill) { return fill.Luma() < 0.55 ? kWhite : Color::Hex(0x000000); }

}  // namespace passerelle::reports
