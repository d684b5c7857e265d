// Splitting the competence lists of the open-data export (LISTE_COMPETENCES
// of a bloc, CAPACITES_ATTESTEES of a fiche without blocs) into
// competences.
//
// The export flattened the lists: each line break became a run of spaces
// (two or more), bullets are "*", "-", "o", "•" or nothing, items may be
// numbered ("A1C1.", "C.1.", "1 :", "1.1", "4.1") and wrapped lines were
// flattened too ("Valider une solution   technique"). Older exports (flux
// v3) kept HTML ("<p>- Item</p>") with entities. The rules, in the order
// they apply, are documented in docs/importers.md and each is tested in
// tests/rncp_xml_competences_test.cc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace passerelle {

// One top-level item of a list.
struct ListedCompetence {
  // The official number written before the item, without its final
  // separator: "A1C1", "C.1", "1.1", "1"; empty when none.
  std::string number;
  // The item, cleaned: spaces collapsed, trailing ";" "," ":" and final "."
  // removed, first letter capitalized.
  std::string title;
  // Items nested under it (second bullet kind, "1.1.1" under "1.1"),
  // cleaned the same way but not capitalized.
  std::vector<std::string> details;
};

struct CompetenceList {
  // Unmarked text before the first bulleted or numbered item of a list
  // that has some ("Les compétences attestées par la certification :").
  std::string preamble;
  std::vector<ListedCompetence> items;
};

CompetenceList SplitCompetenceList(std::string_view text);

// Turns a flattened free text (ACTIVITES_VISEES, MODALITES_EVALUATION) back
// into lines: HTML remnants removed, every run of two or more spaces, tab
// or line break becomes one '\n', lines trimmed, empty lines dropped.
std::string UnflattenText(std::string_view text);

}  // namespace passerelle
