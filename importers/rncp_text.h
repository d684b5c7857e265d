// Importer for RNCP and RS fiches as text extracted from their PDF, in both
// layouts published by France Compétences:
//  - the old "Résumé descriptif de la certification Code RNCP : N" layout
//    (blocs "Bloc de compétence n°k de la fiche n° N - U31 : titre", or no
//    blocs at all, or blocs in HTML remnants with "1) ..." capacités);
//  - the new "N° de fiche RNCPN" layout with "BLOCS DE COMPÉTENCES", where
//    the competences column and the modalities column are interleaved across
//    page breaks and are reconciled with the "Compétences attestées" lists.
// See docs/importers.md for the rules.
#pragma once

#include <string>

#include "engine/certification.h"
#include "engine/status.h"

namespace passerelle {

// Title of the implicit bloc `<fiche>BC00` of a fiche without blocs
// (docs/identifiers.md), shared with the open-data importer.
extern const char kImplicitBlocTitle[];

// True when `text` looks like an RNCP/RS fiche (either layout).
bool LooksLikeRncpFicheText(const std::string& text);

// Parses a fiche. `text` is clean UTF-8 (importers/text_decode.h);
// `file_name` is used in messages and recorded as the source name.
// Fails with InvalidArgument (French message naming the file) when the
// fiche number cannot be found.
Result<Certification> ParseRncpFicheText(const std::string& text, const std::string& file_name);

}  // namespace passerelle
