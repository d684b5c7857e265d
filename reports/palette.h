// The colours of the reports. Every colour that carries meaning is chosen to
// stay distinguishable when printed in grey (their lumas are far apart), and
// is always accompanied by a word: colour is never the only signal.
#pragma once

#include "engine/mapping_result.h"
#include "reports/style.h"

namespace passerelle::reports {

inline constexpr Color kInk = Color::Hex(0x1E1E1E);         // body text
inline constexpr Color kMuted = Color::Hex(0x5A5A5A);       // secondary text
inline constexpr Color kRule = Color::Hex(0xA8A8A8);        // table rules, outlines
inline constexpr Color kHeaderFill = Color::Hex(0xE6E6E6);  // table headers
inline constexpr Color kAccent = Color::Hex(0x1F4E79);      // titles
inline constexpr Color kQuoteRule = Color::Hex(0x8FA9C4);   // bar beside quotes
inline constexpr Color kWhite = Color::Hex(0xFFFFFF);

// Fill, text and border of a status badge or bar segment:
//   couvert      dark green (luma ~0.35), white text
//   partiel      amber      (luma ~0.61), black text
//   non couvert  pale rose  (luma ~0.88), dark red text and border
struct StatusColors {
  Color fill;
  Color text;
  Color border;
};
StatusColors ColorsFor(CoverageStatus status);

// Heat-map fill for a value in [0, 1]: from near white to dark blue, by
// lightness only, so the order reads the same in grey. The ramp is an
// S-curve: 0.3 is pale (luma about 0.84) and 0.7 dark (about 0.33).
Color HeatColor(double value);

// Black or white, whichever reads better on `fill`.
Color TextColorOn(Color fill);

}  // namespace passerelle::reports
