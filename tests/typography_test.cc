#include "reports/typography.h"

#include <boost/test/unit_test.hpp>

using namespace passerelle::reports;

namespace {
const std::string N = "\u202F";  // narrow no-break space
}

BOOST_AUTO_TEST_CASE(NarrowSpaceBeforeHighPunctuation) {
  BOOST_TEST(FrenchTypography("Couverture : 78") == "Couverture" + N + ": 78");
  BOOST_TEST(FrenchTypography("Vraiment?") == "Vraiment" + N + "?");
  BOOST_TEST(FrenchTypography("a ; b") == "a" + N + "; b");
  BOOST_TEST(FrenchTypography("Attention !") == "Attention" + N + "!");
  // A no-break space already there is replaced, a narrow one kept.
  BOOST_TEST(FrenchTypography("a\u00A0: b") == "a" + N + ": b");
  BOOST_TEST(FrenchTypography("a" + N + ": b") == "a" + N + ": b");
  // "?!" takes one space only.
  BOOST_TEST(FrenchTypography("Quoi ?!") == "Quoi" + N + "?!");
}

BOOST_AUTO_TEST_CASE(ColonsThatAreNotPunctuationStayAlone) {
  BOOST_TEST(FrenchTypography("à 10:30") == "à 10:30");
  BOOST_TEST(FrenchTypography("voir https://exemple.fr/a?b=1") == "voir https://exemple.fr/a?b=1");
}

BOOST_AUTO_TEST_CASE(GuillemetsGetNarrowSpaces) {
  BOOST_TEST(FrenchTypography("« oui »") == "«" + N + "oui" + N + "»");
  BOOST_TEST(FrenchTypography("«oui»") == "«" + N + "oui" + N + "»");
}

BOOST_AUTO_TEST_CASE(TypographicApostrophe) {
  BOOST_TEST(FrenchTypography("l'usinage d'une pièce") == "l’usinage d’une pièce");
  BOOST_TEST(FrenchTypography("aujourd'hui") == "aujourd’hui");
  // Not a quote mark at a word's edge.
  BOOST_TEST(FrenchTypography("' x") == "' x");
}

BOOST_AUTO_TEST_CASE(VerbatimOnlyNormalisesWhiteSpace) {
  BOOST_TEST(NormalizeVerbatim("  j'ai\n\tréglé  le tour : ok ") == "j'ai réglé le tour : ok");
}

BOOST_AUTO_TEST_CASE(Numbers) {
  BOOST_TEST(FormatInteger(0) == "0");
  BOOST_TEST(FormatInteger(999) == "999");
  BOOST_TEST(FormatInteger(12345) == "12" + N + "345");
  BOOST_TEST(FormatInteger(-1234567) == "-1" + N + "234" + N + "567");
  BOOST_TEST(FormatDecimal(0.825, 2) == "0,83");
  BOOST_TEST(FormatDecimal(3.0, 1) == "3,0");
  BOOST_TEST(FormatDecimal(-0.001, 2) == "0,00");
  BOOST_TEST(FormatDecimal(1234.5, 1) == "1" + N + "234,5");
}

BOOST_AUTO_TEST_CASE(Percentages) {
  BOOST_TEST(FormatPercent(0.78) == "78" + N + "%");
  BOOST_TEST(FormatPercent(0) == "0" + N + "%");
  BOOST_TEST(FormatPercent(1) == "100" + N + "%");
  // Never 100 % for less than everything, nor 0 % for something.
  BOOST_TEST(FormatPercent(0.996) == "99" + N + "%");
  BOOST_TEST(FormatPercent(0.001) == "1" + N + "%");
  BOOST_TEST(FormatPercent(-3) == "0" + N + "%");
  BOOST_TEST(FormatPercent(7) == "100" + N + "%");
}

BOOST_AUTO_TEST_CASE(Plurals) {
  BOOST_TEST(CountNoun(0, "compétence", "compétences") == "0 compétence");
  BOOST_TEST(CountNoun(1, "compétence", "compétences") == "1 compétence");
  BOOST_TEST(CountNoun(2, "compétence", "compétences") == "2 compétences");
  BOOST_TEST(PluralForm(7, "couverte", "couvertes") == "couvertes");
}

BOOST_AUTO_TEST_CASE(Dates) {
  BOOST_TEST(FormatFrenchDate("2025-01-15").value() == "15 janvier 2025");
  BOOST_TEST(FormatFrenchDate("2024-03-01").value() == "1er mars 2024");
  BOOST_TEST(FormatFrenchDate("2024-02-29").value() == "29 février 2024");
  BOOST_TEST(!IsIsoDate("2023-02-29"));
  BOOST_TEST(!IsIsoDate("2025-13-01"));
  BOOST_TEST(!IsIsoDate("15/01/2025"));
  BOOST_TEST(!IsIsoDate("2025-1-15"));
  auto bad = FormatFrenchDate("demain");
  BOOST_TEST(!bad.ok());
  BOOST_TEST(bad.status().message().find("AAAA-MM-JJ") != std::string::npos);
  BOOST_TEST(bad.status().message().find("demain") != std::string::npos);
}
