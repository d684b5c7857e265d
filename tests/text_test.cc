#include "engine/text.h"

#include <boost/test/unit_test.hpp>

using namespace passerelle;

BOOST_AUTO_TEST_CASE(fold_for_match_ignores_accents_case_and_hyphen_spacing) {
  BOOST_TEST(FoldForMatch("Prévention-santé- environnement") ==
             FoldForMatch("prevention-sante-environnement"));
  BOOST_TEST(FoldForMatch("Économie – gestion") == "economie-gestion");
  BOOST_TEST(FoldForMatch("d’œuvres") == "d'oeuvres");
}

BOOST_AUTO_TEST_CASE(case_of_first_letter) {
  BOOST_TEST(StartsWithLowercase("  été"));
  BOOST_TEST(StartsWithUppercase("Établir"));
  BOOST_TEST(!StartsWithLowercase("42 pièces"));
  BOOST_TEST(CapitalizeFirst("le suivi") == "Le suivi");
  BOOST_TEST(CapitalizeFirst("élaborer") == "Élaborer");
}

BOOST_AUTO_TEST_CASE(split_and_collapse) {
  BOOST_TEST(SplitLines("a\r\nb\n\nc\n").size() == 4u);
  BOOST_TEST(CollapseSpaces("  a \t b\n c  ") == "a b c");
}
