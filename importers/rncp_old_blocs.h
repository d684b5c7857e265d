// Private to the RNCP/RS fiche importer: blocs of the old layout
// ("Résumé descriptif de la certification Code RNCP : N") and the
// capacités list of that layout.
//
// Rules:
//  - A bloc starts at a line whose left cell (before a tab, HTML removed)
//    begins with "Bloc de compétence(s) n°K". Its header continues on the
//    next lines, up to a blank line, while it has no title yet or the next
//    line continues it (lower case start, or the header ends with a
//    function word, a comma or a glued hyphen). Cells right of a tab go to
//    the body.
//  - Header "Bloc de compétence n°K de la fiche n° N - U31 : Title": id
//    "<fiche>BC<KK>", unit "U31" (U, UP, UG, ..., EP, EG and a number),
//    title without the unit; "(Bloc facultatif)" sets optional; hyphen
//    breaks repaired ("Santé- Environnement" -> "Santé-Environnement").
//  - The body runs to the next header or to a section label ("Validité des
//    composantes acquises", ...). Page headers ("INTITULÉ DESCRIPTIF ET
//    MODALITÉS D'ÉVALUATION") are dropped and HTML remnants removed. A line
//    starting "Modalités d'évaluation" splits the body: after it are the
//    modalities, before it the competence list (importers/list_items.h),
//    whose preamble, without a "Descriptif :" label, is the description.
//  - Official numbers: the number of the capacité of the "Les capacités
//    attestées" list with the same title; otherwise "C<n>" from a "n)"
//    enumeration.
#pragma once

#include <string>
#include <vector>

#include "importers/rncp_lines.h"

namespace passerelle::rncp {

// A numbered capacité ("C4 Élaborer un programme pièce au juste nécessaire").
struct Capacity {
  std::string number;  // "C4"
  std::string title;
};

// Capacités written "C1 Title", "C1. Title", "CP1 : Title" one per line
// (wrapped lines joined); empty when no line carries such a number.
std::vector<Capacity> ParseCapacities(const std::vector<std::string>& lines);

std::vector<ParsedBloc> ParseOldLayoutBlocs(const FicheText& fiche, const std::string& fiche_id,
                                            const std::vector<Capacity>& capacities);

}  // namespace passerelle::rncp
