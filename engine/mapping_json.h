// The JSON of `map --json` (docs/cli-json.md, "map").
#pragma once

#include <nlohmann/json.hpp>

#include "engine/mapping_result.h"

namespace passerelle {

nlohmann::json MappingToJson(const MappingResult& result);

// A score or coverage as the JSON outputs write it: three decimals.
double JsonScore(double x);

}  // namespace passerelle
