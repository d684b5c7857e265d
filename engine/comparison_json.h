// The JSON of `compare --json` (docs/cli-json.md, "compare").
#pragma once

#include <nlohmann/json.hpp>

#include "engine/certification_comparison.h"

namespace passerelle {

nlohmann::json ComparisonToJson(const CertificationComparison& comparison,
                                const ComparisonThresholds& thresholds = {});

}  // namespace passerelle
