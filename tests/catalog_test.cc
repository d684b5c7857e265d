// The workspace catalog's text form: round trip, escaping, damage.
#include "engine/catalog.h"

#include <boost/test/unit_test.hpp>

using namespace passerelle;

namespace {

CatalogEntry Entry(const std::string& id, const std::string& title) {
  Certification c;
  c.id = CertificationId(id);
  c.kind = *KindOfId(id);
  c.title = title;
  CatalogEntry e = Summarize(c);
  e.stamp = "12:34:56";
  e.hash = "0123456789abcdef";
  return e;
}

}  // namespace

BOOST_AUTO_TEST_CASE(summary_of_a_certification) {
  Certification c;
  c.id = CertificationId("RNCP35340");
  c.title = "BTS SIO";
  c.abbreviation = "BTS";
  c.level = 5;
  c.active = false;
  c.source_format = "opendata-xml";
  c.codes = {{Code::Type::kRome, "M1810", "Production"}, {Code::Type::kNsf, "326", "Informatique"}};
  c.replaced_by = {{CertificationId("RNCP40792"), ""}};
  c.correspondences = {{BlocId("RNCP35340BC01"), CertificationId("RNCP1"), BlocId("RNCP1BC01")}};
  c.blocs.resize(2);
  c.competences.resize(7);
  const CatalogEntry e = Summarize(c);
  BOOST_TEST(e.blocs == 2u);
  BOOST_TEST(e.competences == 7u);
  BOOST_TEST(e.codes[0].label.empty());  // labels stay in the file
  BOOST_TEST(e.codes[1].value == "326");
  BOOST_TEST(e.replaced_by[0].id.value == "RNCP40792");
  BOOST_TEST((e.active == false));
}

BOOST_AUTO_TEST_CASE(text_form_round_trips_with_awkward_characters) {
  Catalog catalog;
  CatalogEntry odd = Entry("RNCP2", "Titre\tavec tabulation\net retour \\ barre");
  odd.active = true;
  odd.level = 7;
  odd.codes = {{Code::Type::kFormacode, "31084", ""}};
  odd.replaces = {{CertificationId("RNCP1"), "Ancien\ttitre"}};
  odd.correspondences = {{BlocId(""), CertificationId("RS5"), BlocId("")}};
  catalog.Put(odd);
  catalog.Put(Entry("TP-00211", "Technicien d'usinage"));
  catalog.Put(Entry("RS5", ""));
  const std::string text = catalog.Serialize();
  BOOST_TEST(text.find("passerelle-catalog\t1\t\n") == 0u);
  auto parsed = Catalog::Parse(text, "catalog");
  BOOST_REQUIRE_MESSAGE(parsed.ok(), parsed.status().message());
  BOOST_TEST(parsed->size() == 3u);
  BOOST_TEST((*parsed->Find(CertificationId("RNCP2")) == odd));
  BOOST_TEST((parsed->Find(CertificationId("RS5"))->active == std::nullopt));
  BOOST_TEST(parsed->Serialize() == text);
}

BOOST_AUTO_TEST_CASE(damaged_catalog_is_corruption_with_the_line) {
  Catalog catalog;
  catalog.Put(Entry("RNCP2", "Titre"));
  const std::string text = catalog.Serialize();
  for (const std::string& bad :
       {text.substr(0, text.size() - 3), std::string("bonjour\n"), text + "K\tinconnu\tX\n",
        text + "C\tRNCP3\tpas assez\n", std::string("passerelle-catalog\t1\nR\tRNCP1\t\n"),
        std::string("")}) {
    auto parsed = Catalog::Parse(bad, "/ws/catalog");
    BOOST_TEST(!parsed.ok());
    BOOST_TEST((parsed.status().kind() == Status::Kind::kCorruption));
    BOOST_TEST(parsed.status().message().find("/ws/catalog") != std::string::npos);
  }
  auto newer = Catalog::Parse("passerelle-catalog\t2\n", "catalog");
  BOOST_TEST((newer.status().kind() == Status::Kind::kUnsupported));
}
