// Importer for the REAC (référentiel emploi activités compétences) of a
// titre professionnel, optionally followed by its RE (référentiel
// d'évaluation), as text extracted from the PDF. Activités types become
// blocs (TP-xxxxx-AT<k>), compétences professionnelles become competences
// (TP-xxxxx-CP<k>, official numbers), shared between activités types when the
// REAC lists a CP under several of them. See docs/importers.md.
#pragma once

#include <string>

#include "engine/certification.h"
#include "engine/status.h"

namespace passerelle {

// True when `text` looks like a REAC or RE document.
bool LooksLikeReacText(const std::string& text);

// Parses a REAC (+ RE). Fails with InvalidArgument (French message naming
// the file) when no "TP-" code or no compétence professionnelle is found.
Result<Certification> ParseReacText(const std::string& text, const std::string& file_name);

}  // namespace passerelle
