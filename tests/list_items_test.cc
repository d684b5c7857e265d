#include "importers/list_items.h"

#include <boost/test/unit_test.hpp>

using namespace passerelle;

BOOST_AUTO_TEST_CASE(wrapped_lines_join_into_items) {
  // RNCP420, bloc 1: one competence per line, some wrapped.
  auto split = SplitListItems({"Analyser des données de gestion.",
                               "Émettre des propositions de rationalisation et d’optimisation d’une",
                               "unité de production.", "Installer l’environnement (porte-",
                               "outils).", "Mettre en oeuvre une procédure de diagnostic."});
  BOOST_REQUIRE(split.items.size() == 4u);
  BOOST_TEST(split.items[1] ==
             "Émettre des propositions de rationalisation et d’optimisation d’une unité de "
             "production.");
  BOOST_TEST(split.items[2] == "Installer l’environnement (porte-outils).");
}

BOOST_AUTO_TEST_CASE(preamble_then_bullets) {
  auto split = SplitListItems({"Compétences de niveau B1+ du CECRL",
                               "- S’exprimer oralement en continu ;",
                               "- Réaliser une prestation corporelle à visée artistique ou acrobatique",
                               ";", "- Respecter les règles de vie collective et assumer les rôles",
                               "liés à l’activité"});
  BOOST_TEST(split.preamble == "Compétences de niveau B1+ du CECRL");
  BOOST_REQUIRE(split.items.size() == 3u);
  BOOST_TEST(split.items[0] == "S’exprimer oralement en continu");
  BOOST_TEST(split.items[1] ==
             "Réaliser une prestation corporelle à visée artistique ou acrobatique");
  BOOST_TEST(split.items[2] ==
             "Respecter les règles de vie collective et assumer les rôles liés à l’activité");
}

BOOST_AUTO_TEST_CASE(flattened_bullets_and_enumerations) {
  auto dashes = SplitListItems({"- Configurer et régler les postes - Mettre en œuvre un moyen"});
  BOOST_REQUIRE(dashes.items.size() == 2u);
  BOOST_TEST(dashes.items[1] == "Mettre en œuvre un moyen");
  auto numbered = SplitListItems({"suivantes : 3) Mettre en place le brut 4) Élaborer un "
                                  "programme 5) Contrôler les faces usinées"});
  BOOST_TEST(numbered.preamble == "suivantes");
  BOOST_REQUIRE(numbered.items.size() == 3u);
  BOOST_TEST(numbered.numbers[1] == "4");
  BOOST_TEST(numbered.items[1] == "Élaborer un programme");
}

BOOST_AUTO_TEST_CASE(bullet_glyphs_and_capitalization) {
  ListSplitOptions options;
  options.capitalize = true;
  options.strip_final_period = true;
  auto split = SplitListItems({"\u2022 le suivi des réalisations (SAV).",
                               "-          la clôture des opérations d’usinage,"},
                              options);
  BOOST_REQUIRE(split.items.size() == 2u);
  BOOST_TEST(split.items[0] == "Le suivi des réalisations (SAV)");
  BOOST_TEST(split.items[1] == "La clôture des opérations d’usinage");
}

BOOST_AUTO_TEST_CASE(continuation_rules) {
  BOOST_TEST(ContinuesItem("Programmer sur tour à commande", "numérique."));
  BOOST_TEST(ContinuesItem("Effectuer le choix de", "Moyens"));
  BOOST_TEST(!ContinuesItem("Contrôler une pièce.", "Contrôler et suivre la production."));
  BOOST_TEST(ContinuesItem("Programmer une sous-phase de fraisage", "(FAO)."));
}
