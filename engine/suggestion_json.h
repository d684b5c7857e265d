// The JSON of `passerelle suggest --json` (docs/cli-json.md).
#pragma once

#include <nlohmann/json.hpp>

#include "engine/certification_suggestions.h"

namespace passerelle {

nlohmann::json SuggestionsToJson(const Suggestions& suggestions);

}  // namespace passerelle
