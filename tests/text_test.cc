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

BOOST_AUTO_TEST_CASE(first_invalid_utf8_gives_the_offset_of_the_bad_sequence) {
  BOOST_TEST(FirstInvalidUtf8("déjà vu, 8 octets ASCII puis é") == std::string_view::npos);
  BOOST_TEST(FirstInvalidUtf8("") == std::string_view::npos);
  BOOST_TEST(FirstInvalidUtf8("abcdefghij\xFFz") == 10u);  // past the 8-byte fast path
  BOOST_TEST(FirstInvalidUtf8("caf\xE9") == 3u);           // Latin-1
  BOOST_TEST(FirstInvalidUtf8("\xC0\xAF") == 0u);          // overlong
  BOOST_TEST(FirstInvalidUtf8("x\xED\xA0\x80") == 1u);     // surrogate
  BOOST_TEST(FirstInvalidUtf8("\xF4\x90\x80\x80") == 0u);  // past U+10FFFF
  BOOST_TEST(FirstInvalidUtf8("\xE2\x82") == 0u);          // truncated
  BOOST_TEST(RepairUtf8("caf\xE9!") == "caf\xEF\xBF\xBD!");
  BOOST_TEST(RepairUtf8("déjà") == "déjà");
}
