#include "reports/gap_report_text.h"

#include <boost/test/unit_test.hpp>

using namespace passerelle;
using namespace passerelle::reports;

BOOST_AUTO_TEST_CASE(CoverReadingHasFrenchPlurals) {
  BOOST_TEST(CoverageReading(7, 1, 9) == "7 compétences sur 9 couvertes, 1 partielle");
  BOOST_TEST(CoverageReading(1, 0, 9) == "1 compétence sur 9 couverte");
  BOOST_TEST(CoverageReading(0, 2, 9) ==
             "Aucune des 9 compétences n'est encore couverte ; 2 sont partielles");
  BOOST_TEST(CoverageReading(0, 1, 62) == "Aucune des 62 compétences n'est encore couverte ; 1 est partielle");
  BOOST_TEST(CoverageReading(0, 0, 1) == "La compétence n'est pas encore couverte");
  BOOST_TEST(CoverageReading(9, 0, 9) == "9 compétences sur 9 couvertes");
  BOOST_TEST(CoverageReading(0, 0, 0) == "Le référentiel ne compte aucune compétence");
}

BOOST_AUTO_TEST_CASE(StatusCountsAgree) {
  BOOST_TEST(StatusCounts(2, 1, 0) == "2 couvertes, 1 partielle, 0 non couverte");
  BOOST_TEST(StatusCounts(1, 3, 2) == "1 couverte, 3 partielles, 2 non couvertes");
}

BOOST_AUTO_TEST_CASE(LocationsOmitUnknownPages) {
  Evidence e;
  e.dossier = "dossier.pdf";
  e.passage = 5;
  e.paragraph = 12;
  e.page = 3;
  BOOST_TEST(EvidenceLocation(e, false) == "page 3, paragraphe 12");
  BOOST_TEST(EvidenceLocation(e, true) == "dossier.pdf, page 3, paragraphe 12");
  e.page = 0;
  BOOST_TEST(EvidenceLocation(e, false) == "paragraphe 12");
  e.paragraph = 0;
  BOOST_TEST(EvidenceLocation(e, false) == "passage 5");
}

BOOST_AUTO_TEST_CASE(ShortNames) {
  const CertificationId tp("TP-00211"), rncp("RNCP35697");
  BOOST_TEST(BlocShortName(BlocId("TP-00211-AT1"), tp) == "AT1");
  BOOST_TEST(BlocShortName(BlocId("RNCP35697BC01"), rncp) == "BC01");
  BOOST_TEST(BlocShortName(BlocId("RNCP420BC01"), rncp) == "RNCP420BC01");
  CompetenceMapping c;
  c.id = CompetenceId("RNCP35697BC01-C2");
  BOOST_TEST(CompetenceShortName(c, rncp) == "BC01-C2");
  c.number = "CP3";
  BOOST_TEST(CompetenceShortName(c, rncp) == "CP3");
  BOOST_TEST(BlocNoun(CertificationKind::kTp, true) == "activités types");
  BOOST_TEST(BlocNoun(CertificationKind::kRncp, false) == "bloc");
}

BOOST_AUTO_TEST_CASE(CompetenceBadgesAgreeWithTheFeminineNoun) {
  BOOST_TEST(CompetenceStatusWord(CoverageStatus::kCovered) == "couverte");
  BOOST_TEST(CompetenceStatusWord(CoverageStatus::kPartial) == "partielle");
  BOOST_TEST(CompetenceStatusWord(CoverageStatus::kMissing) == "non couverte");
}

BOOST_AUTO_TEST_CASE(AbbreviationNotRepeatedWhenTheTitleNamesIt) {
  Certification c;
  c.title = "CQP : Certificat de qualification professionnelle Technicien(ne) d'usinage (CQPM)";
  c.abbreviation = "CQP";
  BOOST_TEST(TitleNamesAbbreviation(c));
  c.title = "BAC PRO - Technicien en réalisation de produits mécaniques";
  c.abbreviation = "BAC PRO";
  BOOST_TEST(TitleNamesAbbreviation(c));
  c.title = "Technicien en usinage assisté par ordinateur";
  c.abbreviation = "TUAO";
  BOOST_TEST(!TitleNamesAbbreviation(c));
}
