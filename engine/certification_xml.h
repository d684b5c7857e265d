// The canonical XML form of a certification: one file per certification in
// the workspace, and the files of referentiels/. The schema is documented in
// docs/referentiel-format.md. Writing is deterministic (same Certification,
// same bytes), which the referentiels/ regeneration test relies on.
#pragma once

#include <string>

#include "engine/certification.h"
#include "engine/status.h"

namespace passerelle {

// Newest format version this build reads and writes. Version 2 added CCS
// blocs (kind="ccs") and <transversal-competences>.
constexpr int kCertificationFormatVersion = 2;

// The version written for `cert`: the oldest that holds all of it (1 when
// it has no CCS bloc and no transversal competence), so that files of
// certifications without them keep their bytes, and an older reader refuses
// a file it would misread instead of counting a CCS as an activité type.
int FormatVersionFor(const Certification& cert);

std::string CertificationToXml(const Certification& cert);

// Parses a canonical file. `origin` names it in messages. Fails with
// Corruption when the XML is malformed or misses required parts.
Result<Certification> CertificationFromXml(const std::string& xml, const std::string& origin);

}  // namespace passerelle
