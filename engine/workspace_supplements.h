// The référentiels d'évaluation (RE) and de certification (RC) imported
// apart from their REAC, kept in <workspace>/supplements/<TP code>-<re|rc>.xml
// (canonical XML, docs/workspace.md). They are merged into the titre each
// time it is written, so that a REAC imported after its RE, or imported
// again, keeps what the RE added; until the REAC arrives, they wait there.
#pragma once

#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/status.h"
#include "engine/workspace.h"

namespace passerelle {

std::string SupplementDir(const Workspace& workspace);

// The stored supplements of `id`, RE before RC. Corruption when one is
// damaged.
Result<std::vector<Certification>> LoadSupplements(const Workspace& workspace,
                                                   const CertificationId& id);

// Stores `supplement` (source format "re-text"/"rc-text" gives the file
// name), replacing the previous one of the same kind. REQUIRES: the writer
// lock.
Status SaveSupplement(Workspace& workspace, const Certification& supplement);

}  // namespace passerelle
