// One FICHE of France Compétences' open-data export (flux 4.1 and the older
// flux 3) as a Certification. The field mapping is documented in
// docs/importers.md; competence lists are split by
// importers/rncp_xml_competences.h.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "engine/certification.h"

namespace passerelle {

// Certification::source_format of everything imported from the export. A
// re-import deactivates the certifications of this format (and of the
// export's kind) that the new export no longer holds.
extern const char kOpenDataFormat[];

// A mapped fiche, or why it was skipped.
struct FicheMapping {
  std::optional<Certification> certification;
  // French, when `certification` is empty: "sans NUMERO_FICHE",
  // "NUMERO_FICHE « ABC » invalide (attendu RNCPn ou RSn)".
  std::string skipped_because;
};

// Maps the FICHE element `fiche`. `flux_version` ("4.1") is recorded as the
// source name ("flux 4.1"). A fiche without a usable NUMERO_FICHE is
// skipped, not an error: the rest of the export stays importable.
FicheMapping CertificationFromFiche(pugi::xml_node fiche, const std::string& flux_version);

// "RNCP35340" from " rncp 35340 "; empty when the text is not RNCPn or RSn.
std::string NormalizeFicheNumber(std::string_view raw);

// Our id of the bloc with official code `code` in fiche `fiche`
// (docs/identifiers.md): the code itself when it is "<fiche>BC<nn>", the
// fiche number prefixed to a bare "BC<nn>", otherwise "<fiche>-<code>" so
// that a code published under another fiche's number stays distinct.
// `rank` (from 1) names a bloc without code: "<fiche>-B<rank>".
std::string BlocIdFor(const std::string& fiche, std::string_view code, size_t rank);

}  // namespace passerelle
