// Private to the REAC importer: the RE (référentiel d'évaluation) part of a
// REAC + RE document, one section per CCP.
#pragma once

#include <string>
#include <vector>

#include "engine/certification.h"
#include "importers/reac_lines.h"

namespace passerelle::reac {

// One "CCP" section of the RE: "CCP" / <activité type> / "Modalités
// d'évaluation des compétences et organisation de l'épreuve" / the table of
// modalities, up to "Conditions de présence et d'intervention du jury".
struct CcpEvaluation {
  std::string title;       // the activité type as the RE names it
  std::string modalities;  // the section's text, one paragraph a line
  // Per modality ("Mise en situation professionnelle", "Entretien
  // technique", ...; "Sans objet" gives none) then "Durée totale".
  std::vector<Duration> durations;
};

// The CCP sections in document order; empty without an RE. The title-level
// section ("3.1. Modalités d'évaluation ...") is not a CCP and is skipped.
std::vector<CcpEvaluation> ParseCcpEvaluations(const std::vector<Line>& lines);

// Minutes of the first "HH h MM min" in `s`, or 0.
int ParseMinutes(const std::string& s);

}  // namespace passerelle::reac
