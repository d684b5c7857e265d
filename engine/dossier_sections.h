// Evidence units larger than a paragraph. A dossier professionnel (the
// official template of the titres professionnels, and the livret 2 built on
// it) presents its work as *examples*, each opening with the template's
// first prompt, "1. Décrivez les tâches ou opérations que vous avez
// effectuées, et dans quelles conditions", followed by the candidate's text,
// the means used, with whom, the context. An example is written to show one
// competence (or a few): the mapping attributes it to the competences it is
// most about (docs/mapping.md, "Examples"). The prompt survives when the
// headings that name the competence claimed ("Exemple n°2 ▸ <CP title>") are
// removed, so the content, not the heading, carries the attribution.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "engine/dossier_index.h"

namespace passerelle {

constexpr size_t kNoExample = static_cast<size_t>(-1);

// True when `text` opens with the template's first prompt ("1. Décrivez les
// tâches…", "Décrivez les tâches…"), accents, case and numbering aside.
bool OpensExample(std::string_view text);

// The example each passage belongs to (0, 1, … in dossier order), or
// kNoExample for the passages before the first one. An example runs from a
// passage that OpensExample to the passage before the next one. All
// kNoExample when the dossier does not follow the template.
std::vector<size_t> ExamplesOf(const std::vector<IndexedPassage>& passages);

}  // namespace passerelle
