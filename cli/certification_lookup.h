// Turning what a user typed into a certification of the workspace:
// identifiers are accepted whatever their case ("tp-00211"), and an unknown
// one is answered with the nearest identifiers the workspace holds.
#pragma once

#include <string>
#include <vector>

#include "engine/ids.h"
#include "engine/status.h"
#include "engine/workspace.h"

namespace passerelle::cli {

// The identifier of the workspace's certification that `typed` names: as
// typed when the workspace holds it, else the one equal to it ignoring
// case. NotFound otherwise, the message naming the workspace and the
// nearest identifiers (NearestIds), or saying how to list them.
Result<CertificationId> ResolveCertification(const Workspace& workspace, const std::string& typed);

// At most `max` of `known` closest to `typed` (edit distance ignoring case,
// at most a third of the identifier's length, and at least 2), closest
// first, ties in `known`'s order.
std::vector<std::string> NearestIds(const std::string& typed, const std::vector<std::string>& known,
                                    size_t max = 3);

// "la plus proche : X" / "les plus proches : X, Y" for `nearest`, or how to
// see every id of `what` (`how`) when it is empty.
std::string NearestHint(const std::vector<std::string>& nearest, const std::string& how);

}  // namespace passerelle::cli
