// The canonical XML form of a certification: one file per certification in
// the workspace, and the files of referentiels/. The schema is documented in
// docs/referentiel-format.md. Writing is deterministic (same Certification,
// same bytes), which the referentiels/ regeneration test relies on.
#pragma once

#include <string>

#include "engine/certification.h"
#include "engine/status.h"

namespace passerelle {

// Current format version, written as format-version="1".
constexpr int kCertificationFormatVersion = 1;

std::string CertificationToXml(const Certification& cert);

// Parses a canonical file. `origin` names it in messages. Fails with
// Corruption when the XML is malformed or misses required parts.
Result<Certification> CertificationFromXml(const std::string& xml, const std::string& origin);

}  // namespace passerelle
