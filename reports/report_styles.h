// The text styles shared by the reports (gap report, equivalence report), so
// that they look like one family.
#pragma once

#include "reports/palette.h"
#include "reports/style.h"

namespace passerelle::reports {

struct ReportStyles {
  TextStyle title = MakeStyle(Face::kSansBold, 24, kAccent, 1.2);
  TextStyle subtitle = MakeStyle(Face::kSans, 12, kMuted, 1.35);
  TextStyle h1 = MakeStyle(Face::kSansBold, 15, kAccent, 1.3);
  TextStyle h2 = MakeStyle(Face::kSansBold, 12, kAccent, 1.3);
  TextStyle h3 = MakeStyle(Face::kSansBold, 10, kInk, 1.3);
  TextStyle body = MakeStyle(Face::kSans, 9.5, kInk, 1.35);
  TextStyle body_bold = MakeStyle(Face::kSansBold, 9.5, kInk, 1.35);
  TextStyle label = MakeStyle(Face::kSansBold, 8.5, kMuted, 1.35);
  TextStyle small = MakeStyle(Face::kSans, 8.5, kMuted, 1.35);
  TextStyle quote = MakeStyle(Face::kSerif, 9.5, kInk, 1.4);
  TextStyle footer = MakeStyle(Face::kSans, 7.5, kMuted, 1.2);
  TextStyle figure = MakeStyle(Face::kSansBold, 44, kAccent, 1.1);
};

}  // namespace passerelle::reports
