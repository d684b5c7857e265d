#include "engine/mapping_result.h"

namespace passerelle {

std::string_view StatusKey(CoverageStatus status) {
  switch (status) {
    case CoverageStatus::kCovered:
      return "covered";
    case CoverageStatus::kPartial:
      return "partial";
    case CoverageStatus::kMissing:
      break;
  }
  return "missing";
}

std::string_view StatusLabel(CoverageStatus status) {
  switch (status) {
    case CoverageStatus::kCovered:
      return "couvert";
    case CoverageStatus::kPartial:
      return "partiel";
    case CoverageStatus::kMissing:
      break;
  }
  return "non couvert";
}

double CoverageOf(int covered, int partial, int total) {
  if (total <= 0) return 0;
  return (covered + 0.5 * partial) / total;
}

}  // namespace passerelle
