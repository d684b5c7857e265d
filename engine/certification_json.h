// The JSON view of a certification printed by `passerelle show --json`
// (documented in docs/cli-json.md).
#pragma once

#include <nlohmann/json.hpp>

#include "engine/competence_graph.h"

namespace passerelle {

// The whole tree of `cert`, with links made symmetric through `graph`.
nlohmann::json CertificationToJson(const Certification& cert, const CompetenceGraph& graph);

}  // namespace passerelle
