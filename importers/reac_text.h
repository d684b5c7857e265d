// Importer for the REAC (référentiel emploi activités compétences) of a
// titre professionnel, optionally followed by its RE (référentiel
// d'évaluation), as text extracted from the PDF. Activités types become
// blocs (TP-xxxxx-AT<k>), compétences professionnelles become competences
// (TP-xxxxx-CP<k>, official numbers), shared between activités types when the
// REAC lists a CP under several of them. See docs/importers.md.
#pragma once

#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/status.h"

namespace passerelle {

// The references a REAC or an RE states, into `c`: title, sigle, level,
// NSF / ROME / Formacode codes, dates.
void ParseReacReferences(const std::string& text, Certification* c);

// True when `text` looks like a REAC or RE document.
bool LooksLikeReacText(const std::string& text);

// A parsed REAC and what the reader should know about it: titles that
// disagree between the lists and the fiches, listed competences without a
// fiche (French sentences, without the file name).
struct ReacDocument {
  Certification certification;
  std::vector<std::string> notes;
};

// Parses a REAC (+ RE): the titre's activités types (TP-xxxxx-AT<k>) and
// compétences (TP-xxxxx-CP<k>); each certificat complémentaire de
// spécialisation as its own bloc TP-xxxxx-CCS<n> (kind ccs) with its
// competences TP-xxxxx-CCS<n>-CP<k>; the compétences transversales as
// transversal_competences (TP-xxxxx-CT<k>). Same errors as ParseReacText.
Result<ReacDocument> ParseReacDocument(const std::string& text, const std::string& file_name);

// Parses a REAC (+ RE). Fails with InvalidArgument (French message naming
// the file) when no "TP-" code or no compétence professionnelle is found.
Result<Certification> ParseReacText(const std::string& text, const std::string& file_name);

}  // namespace passerelle
