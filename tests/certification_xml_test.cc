#include "engine/certification_xml.h"

#include <boost/test/unit_test.hpp>

using namespace passerelle;

namespace {

Certification Sample() {
  Certification c;
  c.id = CertificationId("TP-00211");
  c.kind = CertificationKind::kTp;
  c.title = "Technicien en usinage assisté par ordinateur";
  c.abbreviation = "TUAO";
  c.level = 4;
  c.active = true;
  c.vae_access = true;
  c.codes = {{Code::Type::kRome, "H2503", "Pilotage d'unité élémentaire de production mécanique"},
             {Code::Type::kNsf, "251u", "Conduite d'équipements d'usinage"}};
  c.certificateurs = {{"Ministère du travail", "11000001"}};
  c.dates = {{"effet", "2020-12-08"}};
  c.replaces = {{CertificationId("TP-00001"), "Ancien titre « test » & co"}};
  c.correspondences = {{BlocId("TP-00211-AT1"), CertificationId("RNCP420"), BlocId("RNCP420BC04")}};
  Bloc b;
  b.id = BlocId("TP-00211-AT1");
  b.title = "Réaliser l'usinage";
  b.unit = "CCP1";
  b.durations = {{"Durée totale", 240}};
  b.competences = {CompetenceId("TP-00211-CP1"), CompetenceId("TP-00211-CP3")};
  Bloc b2 = b;
  b2.id = BlocId("TP-00211-AT2");
  b2.optional = true;
  b2.competences = {CompetenceId("TP-00211-CP3")};
  c.blocs = {b, b2};
  Competence cp1;
  cp1.id = CompetenceId("TP-00211-CP1");
  cp1.number = "CP1";
  cp1.title = "Ordonnancer les opérations d'usinage";
  cp1.criteria = {"Le temps imparti est respecté.", "Les règles <HSE> sont respectées."};
  cp1.savoir_faire_techniques = {"Programmer en langage ISO."};
  cp1.savoir_faire_organisationnels = {"Exploiter les documents techniques."};
  cp1.savoir_faire_relationnels = {"Rendre compte."};
  cp1.savoirs = {"Connaissance du langage ISO."};
  Competence cp3;
  cp3.id = CompetenceId("TP-00211-CP3");
  cp3.title = "Assurer le contrôle et la traçabilité";
  c.competences = {cp1, cp3};
  c.source_format = "reac-text";
  c.source_name = "tp.txt";
  return c;
}

}  // namespace

BOOST_AUTO_TEST_CASE(round_trip_keeps_every_field) {
  const Certification c = Sample();
  auto back = CertificationFromXml(CertificationToXml(c), "test");
  BOOST_REQUIRE(back.ok());
  BOOST_TEST((*back == c));
  BOOST_TEST(back->BlocsOf(CompetenceId("TP-00211-CP3")).size() == 2u);
}

BOOST_AUTO_TEST_CASE(writing_is_deterministic) {
  BOOST_TEST(CertificationToXml(Sample()) == CertificationToXml(Sample()));
}

BOOST_AUTO_TEST_CASE(malformed_xml_is_corruption_naming_the_file) {
  std::string xml = CertificationToXml(Sample());
  auto truncated = CertificationFromXml(xml.substr(0, xml.size() / 2), "ws/TP-00211.xml");
  BOOST_TEST(!truncated.ok());
  BOOST_TEST((truncated.status().kind() == Status::Kind::kCorruption));
  BOOST_TEST(truncated.status().message().find("ws/TP-00211.xml") != std::string::npos);
  auto wrong_root = CertificationFromXml("<?xml version=\"1.0\"?><fiche/>", "x.xml");
  BOOST_TEST(!wrong_root.ok());
  auto bad_id = CertificationFromXml("<certification id=\"ABC\"/>", "x.xml");
  BOOST_TEST(!bad_id.ok());
}

BOOST_AUTO_TEST_CASE(newer_format_is_refused) {
  auto r = CertificationFromXml("<certification id=\"RNCP1\" format-version=\"99\"/>", "x.xml");
  BOOST_TEST(!r.ok());
  BOOST_TEST((r.status().kind() == Status::Kind::kUnsupported));
}

BOOST_AUTO_TEST_CASE(text_that_is_not_utf8_is_refused_with_where_it_is) {
  const std::string xml = CertificationToXml(Sample());
  const size_t title = xml.find("<title>") + 7;
  std::string bad = xml;
  bad.insert(title, "\xE9");
  auto r = CertificationFromXml(bad, "x.xml");
  BOOST_TEST((r.status().kind() == Status::Kind::kCorruption));
  BOOST_TEST(r.status().message().find("octet " + std::to_string(title)) != std::string::npos);
  for (const char* ref : {"&#xD800;", "&#x110000;", "&#x7FFFFFFF;"}) {
    bad = xml;
    bad.insert(title, ref);
    r = CertificationFromXml(bad, "x.xml");
    BOOST_TEST((r.status().kind() == Status::Kind::kCorruption), ref);
    BOOST_TEST(r.status().message().find("certification > title") != std::string::npos,
               r.status().message());
  }
}

BOOST_AUTO_TEST_CASE(what_is_read_is_what_writing_then_reading_gives) {
  // Text the writer cannot give back as is (white space only, carriage
  // returns, a negative level) is read as it would be after a round trip.
  const std::string xml =
      "<certification id=\"RNCP1\" kind=\"rncp\" format-version=\"1\">"
      "<title><![CDATA[  ]]></title><level>-3</level>"
      "<capacites-attestees>a&#13;b&#13;&#10;c</capacites-attestees>"
      "<competences><competence id=\"c\"><criteria><criterion><![CDATA[ ]]></criterion>"
      "</criteria></competence></competences></certification>";
  auto first = CertificationFromXml(xml, "x.xml");
  BOOST_REQUIRE(first.ok());
  BOOST_TEST(first->title == "");
  BOOST_TEST(first->level == 0);
  BOOST_TEST(first->capacites_attestees == "a\nb\nc");
  auto second = CertificationFromXml(CertificationToXml(*first), "y.xml");
  BOOST_REQUIRE(second.ok());
  BOOST_TEST(CertificationToXml(*second) == CertificationToXml(*first));
}
