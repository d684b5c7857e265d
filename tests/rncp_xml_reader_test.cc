// The streaming reader of the open-data export: fiches cut one at a time
// from any chunking, and every kind of damage refused with the line and the
// element.
#include "importers/rncp_xml_reader.h"

#include <boost/test/unit_test.hpp>

#include "opendata_fixtures.h"
#include "test_support.h"

using namespace passerelle;
using namespace passerelle::testing;

namespace {

struct ReadAll {
  Status status;
  std::vector<ExportFiche> fiches;
  std::string version;
};

ReadAll Read(ByteSource* source) {
  ReadAll out;
  RncpXmlReader reader(source, "export.xml");
  out.status = reader.ReadHeader();
  while (out.status.ok()) {
    ExportFiche fiche;
    auto more = reader.Next(&fiche);
    if (!more.ok()) out.status = more.status();
    if (!more.ok() || !*more) break;
    out.fiches.push_back(fiche);
  }
  out.version = reader.version();
  return out;
}

ReadAll Read(const std::string& xml, size_t step = 1 << 20) {
  TrickleSource source(xml, step);
  return Read(&source);
}

void ExpectError(const ReadAll& r, const std::vector<std::string>& words) {
  BOOST_REQUIRE(!r.status.ok());
  BOOST_TEST((r.status.kind() == Status::Kind::kInvalidArgument));
  BOOST_TEST(r.status.message().find("export.xml") != std::string::npos, r.status.message());
  for (const std::string& w : words)
    BOOST_TEST(r.status.message().find(w) != std::string::npos, r.status.message());
}

}  // namespace

BOOST_AUTO_TEST_CASE(reads_the_real_extract_fiche_by_fiche) {
  auto file = FileByteSource::Open(
      (SharedDir() / "data" / "rncp-xml" / "export-fiches-rncp-extract.xml").string());
  BOOST_REQUIRE(file.ok());
  ReadAll r = Read(file->get());
  BOOST_REQUIRE_MESSAGE(r.status.ok(), r.status.message());
  BOOST_REQUIRE(r.fiches.size() == 2u);
  BOOST_TEST(r.version == "4.1");
  BOOST_TEST(r.fiches[0].position == 1u);
  BOOST_TEST(r.fiches[0].line == 4u);
  BOOST_TEST(r.fiches[1].position == 2u);
  BOOST_TEST(r.fiches[0].xml.find("<FICHE>") == 0u);
  BOOST_TEST(r.fiches[0].xml.find("RNCP35340") != std::string::npos);
  BOOST_TEST(r.fiches[1].xml.find("RNCP40792") != std::string::npos);
  pugi::xml_document doc;
  BOOST_TEST(ParseFicheXml(r.fiches[1], "export.xml", &doc).ok());
  BOOST_TEST(std::string(doc.child("FICHE").child_value("NUMERO_FICHE")) == "RNCP40792");
}

BOOST_AUTO_TEST_CASE(any_chunking_gives_the_same_fiches) {
  const std::string xml =
      ExportXml({FicheXml("RNCP1", "Un"), FicheXml("RNCP2", "Deux"),
                 "  <!-- commentaire entre fiches -->\n", FicheXml("RNCP3", "Trois")});
  ReadAll whole = Read(xml);
  BOOST_REQUIRE(whole.status.ok());
  BOOST_REQUIRE(whole.fiches.size() == 3u);
  for (size_t step : {1u, 2u, 7u, 64u}) {
    ReadAll trickled = Read(xml, step);
    BOOST_REQUIRE_MESSAGE(trickled.status.ok(), trickled.status.message());
    BOOST_REQUIRE(trickled.fiches.size() == 3u);
    for (size_t i = 0; i < 3; ++i) {
      BOOST_TEST(trickled.fiches[i].xml == whole.fiches[i].xml);
      BOOST_TEST(trickled.fiches[i].line == whole.fiches[i].line);
    }
  }
  BOOST_TEST(whole.fiches[2].line > whole.fiches[1].line);
}

BOOST_AUTO_TEST_CASE(entity_declarations_are_refused_before_parsing) {
  const std::string bomb =
      "<!DOCTYPE FICHES [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">\n]>\n";
  ReadAll r = Read(ExportXml({FicheXml("RNCP1", "&lol2;")}, bomb));
  ExpectError(r, {"ligne 2", "DOCTYPE", "bombe XML"});
  BOOST_TEST(r.fiches.empty());
  // The same declaration hidden between fiches or inside one.
  ExpectError(Read(ExportXml({FicheXml("RNCP1", "Un"), "<!ENTITY x \"y\">\n"})), {"ENTITY"});
  ExportFiche inside{
      "<FICHE><!DOCTYPE x [<!ENTITY a \"b\">]><NUMERO_FICHE>RNCP1</NUMERO_FICHE></FICHE>", 1, 10};
  pugi::xml_document doc;
  Status s = ParseFicheXml(inside, "export.xml", &doc);
  BOOST_TEST(!s.ok());
  BOOST_TEST(s.message().find("bombe XML") != std::string::npos, s.message());
  BOOST_TEST(s.message().find("ligne 10") != std::string::npos, s.message());
}

BOOST_AUTO_TEST_CASE(other_xml_is_not_an_export) {
  ExpectError(Read("<?xml version=\"1.0\"?>\n<certification id=\"RNCP1\"/>\n"),
              {"ligne 2", "<certification>", "<FICHES>"});
  ExpectError(Read(""), {"vide"});
  ExpectError(Read("bonjour"), {"XML"});
  ExpectError(Read("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<FICHES></FICHES>"),
              {"ISO-8859-1", "UTF-8"});
}

BOOST_AUTO_TEST_CASE(a_file_cut_inside_a_fiche_is_truncated) {
  const std::string xml = ExportXml({FicheXml("RNCP1", "Un"), FicheXml("RNCP2", "Deux")});
  const std::string cut = xml.substr(0, xml.find("RNCP2BC02"));
  ReadAll r = Read(cut, 5);
  ExpectError(r, {"tronqué", "fiche n° 2", "FICHE", "ligne"});
  BOOST_TEST(r.fiches.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_file_cut_after_a_fiche_is_truncated) {
  const std::string xml = ExportXml({FicheXml("RNCP1", "Un")});
  ExpectError(Read(xml.substr(0, xml.find("</FICHES>"))), {"tronqué", "FICHES", "ligne 2"});
}

BOOST_AUTO_TEST_CASE(a_fiche_left_open_is_reported_where_it_starts) {
  std::string first = FicheXml("RNCP1", "Un");
  first.replace(first.find("</FICHE>"), 8, "");
  ReadAll r = Read(ExportXml({first, FicheXml("RNCP2", "Deux")}));
  ExpectError(r, {"ligne 4", "fiche n° 1", "non fermée avant la fiche suivante"});
}

BOOST_AUTO_TEST_CASE(malformed_xml_names_the_line_and_the_element) {
  std::string fiche = FicheXml("RNCP1", "Un");
  fiche.replace(fiche.find("</LIBELLE><LISTE"), 10, "</LIBELE>");
  ReadAll r = Read(ExportXml({FicheXml("RNCP9", "Avant"), fiche}));
  BOOST_REQUIRE(r.status.ok());
  BOOST_REQUIRE(r.fiches.size() == 2u);
  pugi::xml_document doc;
  Status s = ParseFicheXml(r.fiches[1], "export.xml", &doc);
  BOOST_REQUIRE(!s.ok());
  const std::string& m = s.message();
  // 3 header lines, 14 lines of fiche 1; the first bloc is the 11th line of
  // fiche 2.
  BOOST_TEST(m.find("ligne 28") != std::string::npos, m);
  BOOST_TEST(m.find("FICHE > BLOCS_COMPETENCES > BLOC_COMPETENCES > LIBELLE") != std::string::npos,
             m);
  BOOST_TEST(m.find("fiche n° 2") != std::string::npos, m);
  BOOST_TEST(m.find("balise de fermeture") != std::string::npos, m);
}

BOOST_AUTO_TEST_CASE(stray_tags_and_trailing_content_are_refused) {
  ExpectError(Read(ExportXml({FicheXml("RNCP1", "Un"), "</BLOC>\n"})), {"</BLOC>", "inattendue"});
  ExpectError(Read(ExportXml({FicheXml("RNCP1", "Un")}) + "<FICHE>"),
              {"après la fin de l'élément racine"});
  BOOST_TEST(Read(ExportXml({FicheXml("RNCP1", "Un")}) + "<!-- fin -->\n").status.ok());
}

BOOST_AUTO_TEST_CASE(sniffing_the_root_element) {
  BOOST_TEST(LooksLikeOpenDataExport(ExportXml({}).substr(0, 100)));
  BOOST_TEST(LooksLikeOpenDataExport("\xEF\xBB\xBF<FICHES>"));
  BOOST_TEST(
      LooksLikeOpenDataExport("<!-- export -->\n<!DOCTYPE FICHES [<!ENTITY a \"b\">]>\n<FICHES>"));
  BOOST_TEST(!LooksLikeOpenDataExport("<?xml version=\"1.0\"?>\n<certification id=\"RNCP1\">"));
  BOOST_TEST(!LooksLikeOpenDataExport("<FICHE><NUMERO_FICHE>"));
  BOOST_TEST(!LooksLikeOpenDataExport("Code RNCP : 420"));
}
