// Private to the REAC importer: one "FICHE COMPÉTENCE PROFESSIONNELLE N° k"
// section as a Competence, and the split of its savoir-faire list into
// techniques / organisationnels / relationnels / savoirs.
#pragma once

#include <string>
#include <vector>

#include "engine/certification.h"
#include "importers/reac_lines.h"

namespace passerelle::reac {

// Parses the fiche's title (lines up to "Description de la compétence"),
// description, context ("Contexte(s) professionnel(s) de mise en œuvre"),
// criteria ("Critères de performance", one item per criterion, final period
// kept) and savoir-faire. Sets `number` to "CP<k>"; leaves `id` empty.
Competence ParseCompetenceFiche(const std::vector<Line>& lines, const FicheSection& fiche);

// The compétences transversales de l'emploi: every "FICHE DES COMPÉTENCES
// TRANSVERSALES ..." / "FICHE COMPÉTENCE TRANSVERSALE N° k" section, one
// competence per "Description de la compétence" heading in it (its title is
// the paragraph just before the heading, or the heading's rest). Numbers
// "CT<k>" in document order; ids left empty.
std::vector<Competence> ParseTransversalFiches(const std::vector<Line>& lines);

struct SavoirFaire {
  std::vector<std::string> techniques;
  std::vector<std::string> organisationnels;
  std::vector<std::string> relationnels;
  std::vector<std::string> savoirs;
};

// Splits the items of the section "Savoir-faire techniques, savoir-faire
// organisationnels, savoir-faire relationnels, savoirs". See the comment in
// the source for the rules.
SavoirFaire ClassifySavoirFaire(const std::vector<ListItem>& items);

// True when the item starts with a verb of communication ("Communiquer",
// "Rendre compte", "Travailler en équipe", "Animer", "Négocier"...): a
// savoir-faire relationnel when nothing else tells.
bool IsRelationalItem(const std::string& item);

}  // namespace passerelle::reac
