// A référentiel d'évaluation (RE) or référentiel de certification (RC)
// published apart from its REAC: what it adds to the titre (evaluation
// modalities and durations per CCP or CCS, evaluation criteria per
// competence), and merging that into the titre whichever came first.
// See docs/importers.md.
#pragma once

#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/status.h"

namespace passerelle {

// "re" or "rc" when `text` is a standalone RE or RC of a titre professionnel
// (its heading, a TP code, and no compétence fiche); "" otherwise.
std::string ReacSupplementKind(const std::string& text);

// Parses a standalone RE or RC into a supplement: a Certification with the
// titre's id and title, one bloc per CCP/CCS section (title, modalities,
// durations, no competence) and one competence per competence of the
// criteria tables (title, criteria). source_format "re-text" or "rc-text".
// InvalidArgument (French, naming the file) without a TP code, or when it
// holds neither evaluation section nor criteria.
Result<Certification> ParseReacSupplement(const std::string& text, const std::string& file_name);

// True for a supplement (source format "re-text" or "rc-text").
bool IsReacSupplement(const Certification& c);

// Merges `supplement` into `titre` (same id): each bloc whose title matches
// a CCP/CCS section takes its modalities and durations; each competence
// whose title matches and that has no criteria takes the supplement's. What
// matches nothing is reported in `notes` (French). Merging the same
// supplement twice changes nothing.
void MergeReacSupplement(const Certification& supplement, Certification& titre,
                         std::vector<std::string>* notes);

}  // namespace passerelle
