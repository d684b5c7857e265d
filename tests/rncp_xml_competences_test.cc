// The splitting rules of the competence lists of the open-data export
// (docs/importers.md, "LISTE_COMPETENCES"), one test per rule, then the real
// lists of ../shared/data/rncp-xml.
#include "importers/rncp_xml_competences.h"

#include <boost/test/unit_test.hpp>
#include <pugixml.hpp>

#include "test_support.h"

using namespace passerelle;

namespace {

std::vector<std::string> Titles(const CompetenceList& list) {
  std::vector<std::string> out;
  for (const ListedCompetence& c : list.items) out.push_back(c.title);
  return out;
}

std::vector<std::string> Numbers(const CompetenceList& list) {
  std::vector<std::string> out;
  for (const ListedCompetence& c : list.items) out.push_back(c.number);
  return out;
}

using Strings = std::vector<std::string>;

// LISTE_COMPETENCES of bloc `code` in a file of ../shared/data/rncp-xml.
std::string RealList(const std::string& file, const std::string& code) {
  pugi::xml_document doc;
  BOOST_REQUIRE(doc.load_file((testing::SharedDir() / "data" / "rncp-xml" / file).c_str()));
  for (pugi::xml_node fiche : doc.child("FICHES").children("FICHE"))
    for (pugi::xml_node b : fiche.child("BLOCS_COMPETENCES").children("BLOC_COMPETENCES"))
      if (std::string(b.child_value("CODE")) == code) return b.child_value("LISTE_COMPETENCES");
  BOOST_FAIL("bloc " + code + " absent of " + file);
  return "";
}

}  // namespace

// Rule 1: a run of two or more spaces (a flattened line break), a tab or a
// real line break separates items; a single space does not.
BOOST_AUTO_TEST_CASE(runs_of_spaces_and_line_breaks_separate_items) {
  auto list =
      SplitCompetenceList("Gérer le patrimoine      Travailler en mode projet\tCoder\nTester");
  BOOST_TEST((Titles(list) ==
              Strings{"Gérer le patrimoine", "Travailler en mode projet", "Coder", "Tester"}));
  BOOST_TEST(SplitCompetenceList("Gérer le patrimoine informatique").items.size() == 1u);
}

// Rule 2: bullets "*", "-", "•", "o" are removed; "o" only with a space
// after it, so a word starting with "o" is not a bullet.
BOOST_AUTO_TEST_CASE(bullets_are_removed) {
  for (const char* bullet : {"*", "-", "•", "o", "–"}) {
    const std::string b = bullet;
    auto list = SplitCompetenceList(b + " Valider      " + b + " Coder  " + b + " Installer  ");
    BOOST_TEST((Titles(list) == Strings{"Valider", "Coder", "Installer"}), bullet);
  }
  auto glued = SplitCompetenceList("-Analyser le besoin  -Rédiger le cahier des charges");
  BOOST_TEST((Titles(glued) == Strings{"Analyser le besoin", "Rédiger le cahier des charges"}));
  auto words = SplitCompetenceList("Organiser le chantier    Ordonner les tâches");
  BOOST_TEST((Titles(words) == Strings{"Organiser le chantier", "Ordonner les tâches"}));
  auto o = SplitCompetenceList("o Recenser les ressources    o Gérer des sauvegardes");
  BOOST_TEST((Titles(o) == Strings{"Recenser les ressources", "Gérer des sauvegardes"}));
}

// Rule 2b: a bullet or a number alone on its segment marks the next one.
BOOST_AUTO_TEST_CASE(a_lone_marker_marks_the_next_segment) {
  auto list = SplitCompetenceList("- Apporter des contributions    -   Conduire une analyse");
  BOOST_TEST((Titles(list) == Strings{"Apporter des contributions", "Conduire une analyse"}));
  auto numbered =
      SplitCompetenceList("3.1  Organiser le déploiement    3.2 Assurer la maintenance");
  BOOST_TEST((Numbers(numbered) == Strings{"3.1", "3.2"}));
  BOOST_TEST(numbered.items[0].title == "Organiser le déploiement");
  auto both = SplitCompetenceList("* C5.  Développer un programme    * C6. Implémenter des tests");
  BOOST_TEST((Numbers(both) == Strings{"C5", "C6"}));
  BOOST_TEST(both.items[0].title == "Développer un programme");
}

// Rule 3: an unmarked segment continues the item before it when it starts
// in lower case or the item ends open (function word, comma); otherwise it
// starts an item of its own.
BOOST_AUTO_TEST_CASE(wrapped_lines_are_joined) {
  auto list = SplitCompetenceList(
      "- Valider une solution   technique  - Prévenir les risques  professionnels  - Lister "
      "les contraintes du   concepteur");
  BOOST_TEST((Titles(list) == Strings{"Valider une solution technique",
                                      "Prévenir les risques professionnels",
                                      "Lister les contraintes du concepteur"}));
  auto missing_bullet = SplitCompetenceList(
      "- Identifier les sources   Définir et instruire une problématique  - Défendre l'analyse");
  BOOST_TEST((Titles(missing_bullet) == Strings{"Identifier les sources",
                                                "Définir et instruire une problématique",
                                                "Défendre l'analyse"}));
}

// Rule 3b: in a list with markers, unmarked text before the first marked
// item is the preamble (the bloc description); a list without any marker
// has no preamble.
BOOST_AUTO_TEST_CASE(text_before_the_first_marked_item_is_the_preamble) {
  auto list = SplitCompetenceList(
      "Les compétences attestées par la certification :        * C1. Concevoir un projet      "
      "* C2. Développer la partie front-end");
  BOOST_TEST(list.preamble == "Les compétences attestées par la certification");
  BOOST_TEST((Numbers(list) == Strings{"C1", "C2"}));
  auto plain = SplitCompetenceList("Recueillir les besoins    Auditer un site existant");
  BOOST_TEST(plain.preamble.empty());
  BOOST_TEST(plain.items.size() == 2u);
}

// Rule 4: official numbers are split off and kept: "A1C1.", "A1C2.Apprécier"
// (glued), "A5.C1.", "C.1.", "C1 :", "1 :", "1.", "1.1", "3.1.2.".
BOOST_AUTO_TEST_CASE(official_numbers_are_kept) {
  auto list = SplitCompetenceList(
      "A1C1. Evaluer les contextes    A1C2.Apprécier les incidences    A5.C1. Réaliser un "
      "diagnostic    C.10. Développer les fonctionnalités    C4 : Interfacer une application    "
      "2 : Analyser la langue    7) Animer un cours    3.1.2. Configurer l’environnement    d) "
      "Clore le dossier");
  BOOST_TEST(
      (Numbers(list) == Strings{"A1C1", "A1C2", "A5.C1", "C.10", "C4", "2", "7", "3.1.2", "d"}));
  BOOST_TEST(list.items[1].title == "Apprécier les incidences");
  BOOST_TEST(list.items[7].title == "Configurer l’environnement");
}

// Rule 4b: what only looks like a number stays in the title.
BOOST_AUTO_TEST_CASE(words_with_digits_are_not_numbers) {
  for (const char* text :
       {"2 heures de mise en situation", "3D : modéliser une pièce", "B1+ du CECRL en anglais",
        "H2903 : usinage", "5S et SMED", "1er niveau de maintenance", "2023-2024 : session"}) {
    auto list = SplitCompetenceList(text);
    BOOST_REQUIRE(list.items.size() == 1u);
    BOOST_TEST(list.items[0].number.empty(), text);
  }
}

// Rule 5: items nest under the last top-level item when they carry another
// bullet than the first marked item ("o" under "*") ...
BOOST_AUTO_TEST_CASE(a_second_bullet_kind_nests) {
  auto list = SplitCompetenceList(
      "    * Gérer le patrimoine informatique            o Recenser les ressources            o "
      "Gérer des sauvegardes      * Travailler en mode projet            o Planifier les "
      "activités");
  BOOST_TEST(
      (Titles(list) == Strings{"Gérer le patrimoine informatique", "Travailler en mode projet"}));
  BOOST_TEST(
      (list.items[0].details == Strings{"Recenser les ressources", "Gérer des sauvegardes"}));
  BOOST_TEST((list.items[1].details == Strings{"Planifier les activités"}));
}

// ... or when their number extends its number ("1.1.1" under "1.1", "4.1"
// under "4."); "C.10" does not extend "C.1".
BOOST_AUTO_TEST_CASE(an_extended_number_nests) {
  auto list = SplitCompetenceList(
      "1.1 Recueillir le besoin    1.1.1 Auditer les parties prenantes    1.1.2 Formaliser les "
      "besoins    1.2 Rédiger le cahier des charges    1.2.1 Analyser le contexte");
  BOOST_TEST((Numbers(list) == Strings{"1.1", "1.2"}));
  BOOST_TEST((list.items[0].details ==
              Strings{"Auditer les parties prenantes", "Formaliser les besoins"}));
  auto gestures = SplitCompetenceList(
      "4. Réaliser les gestes de premiers secours face à une personne :       4.1 victime d'une "
      "obstruction ;       4.2 en arrêt cardiaque ;     5. Assister des équipiers");
  BOOST_TEST((Numbers(gestures) == Strings{"4", "5"}));
  BOOST_TEST(
      (gestures.items[0].details == Strings{"victime d'une obstruction", "en arrêt cardiaque"}));
  auto flat = SplitCompetenceList("C.1. Organiser une réunion    C.10. Développer le logiciel");
  BOOST_TEST(flat.items.size() == 2u);
}

// Rule 6: items are cleaned: spaces collapsed, trailing ";" "," ":" and a
// final "." dropped, first letter capitalized (details keep their case).
BOOST_AUTO_TEST_CASE(items_are_cleaned_and_capitalized) {
  auto list = SplitCompetenceList(
      "1. évoluer dans le cadre juridique ;    2. Assurer une protection immédiate.    3. gérer "
      "les accès,");
  BOOST_TEST((Titles(list) == Strings{"Évoluer dans le cadre juridique",
                                      "Assurer une protection immédiate", "Gérer les accès"}));
}

// Rule 0: lists of the older flux kept HTML and its entities.
BOOST_AUTO_TEST_CASE(html_lists_of_the_older_flux) {
  auto list = SplitCompetenceList(
      "<p>- Diagnostiquer une anomalie</p>\r\n<p>- Traiter l'eau</p>\r\n<p>- Param&eacute;trer "
      "et r&eacute;gler les &eacute;quipements</p>");
  BOOST_TEST((Titles(list) == Strings{"Diagnostiquer une anomalie", "Traiter l'eau",
                                      "Paramétrer et régler les équipements"}));
}

BOOST_AUTO_TEST_CASE(free_text_gets_its_line_breaks_back) {
  BOOST_TEST(UnflattenText("Cas pratiques    Mise en situation   professionnelle  ") ==
             "Cas pratiques\nMise en situation\nprofessionnelle");
  BOOST_TEST(UnflattenText("<p>Oral&nbsp;: 20 min</p>") == "Oral : 20 min");
  BOOST_TEST(UnflattenText("   ").empty());
}

// The real lists: the new BTS SIO fiche nests its detailed competences under
// the same six competences as the fiche it replaces.
BOOST_AUTO_TEST_CASE(real_lists_of_the_bts_sio) {
  auto old_list = SplitCompetenceList(RealList("export-fiches-rncp-extract.xml", "RNCP35340BC01"));
  auto new_list = SplitCompetenceList(RealList("export-fiches-rncp-extract.xml", "RNCP40792BC01"));
  BOOST_TEST(old_list.items.size() == 6u);
  BOOST_TEST(Titles(old_list) == Titles(new_list));
  BOOST_TEST(new_list.items[0].details.size() == 6u);
  BOOST_TEST(new_list.items[0].details[0] == "Recenser et identifier les ressources numériques");
  BOOST_TEST(old_list.items[0].details.empty());
}

BOOST_AUTO_TEST_CASE(real_numbered_and_plain_lists) {
  auto management = SplitCompetenceList(RealList("selection-rncp-12-fiches.xml", "RNCP34762BC05"));
  BOOST_TEST(management.preamble.find("En mobilisant une analyse") == 0u);
  BOOST_TEST((Numbers(management) == Strings{"A5.C1", "A5.C2", "A5.C3", "A5.C4", "A5.C5"}));
  auto finishing = SplitCompetenceList(RealList("selection-rncp-12-fiches.xml", "RNCP35809BC02"));
  BOOST_TEST(finishing.items.size() == 20u);
  BOOST_TEST(finishing.items[0].title == "Valider une solution technique");
  auto software = SplitCompetenceList(RealList("selection-rncp-12-fiches.xml", "RNCP36490BC03"));
  BOOST_TEST((Numbers(software) == Strings{"3.1", "3.2", "3.3"}));
  BOOST_TEST(software.items[0].details.size() == 3u);
  auto vet = SplitCompetenceList(RealList("selection-rncp-12-fiches.xml", "RNCP40344BC01"));
  BOOST_TEST(vet.items.size() == 6u);
  BOOST_TEST(vet.items[0].title.back() != '.');
}
