#include "engine/active_status.h"

#include <boost/test/unit_test.hpp>

using namespace passerelle;

namespace {

CatalogEntry Entry(const std::string& id, std::optional<bool> active,
                   std::vector<std::string> replaces = {}) {
  CatalogEntry e;
  e.id = CertificationId(id);
  e.active = active;
  for (const std::string& r : replaces) e.replaces.push_back({CertificationId(r), ""});
  return e;
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_explicit_flag_wins_then_replacement_then_unknown) {
  Catalog catalog;
  catalog.Put(Entry("RNCP35697", true, {"RNCP420", "RNCP1"}));
  catalog.Put(Entry("RNCP420", std::nullopt));   // an old text fiche
  catalog.Put(Entry("RNCP1", true));             // open data says active
  catalog.Put(Entry("RNCP2", false));            // open data says inactive
  catalog.Put(Entry("TP-00211", std::nullopt));  // a REAC
  const ActiveStatuses statuses(catalog);
  const auto of = [&](const char* id) { return statuses.Of(*catalog.Find(CertificationId(id))); };
  BOOST_TEST((of("RNCP420").kind == ActiveStatus::Kind::kReplaced));
  BOOST_TEST(of("RNCP420").replaced_by ==
             (std::vector<CertificationId>{CertificationId("RNCP35697")}));
  BOOST_TEST(!of("RNCP420").MayBeActive());
  BOOST_TEST(DescribeActiveStatus(of("RNCP420")) == "remplacée par RNCP35697");
  BOOST_TEST((of("RNCP1").kind == ActiveStatus::Kind::kActive));  // the flag wins
  BOOST_TEST((of("RNCP2").kind == ActiveStatus::Kind::kInactive));
  BOOST_TEST(DescribeActiveStatus(of("RNCP2")) == "inactive");
  BOOST_TEST((of("TP-00211").kind == ActiveStatus::Kind::kUnknown));
  BOOST_TEST(of("TP-00211").MayBeActive());
  BOOST_TEST(!of("TP-00211").Flag().has_value());
  BOOST_TEST(DescribeActiveStatus(of("TP-00211")) == "inconnue (fiche texte sans statut)");
  BOOST_TEST(ActiveStatusName(of("RNCP35697").kind) == "active");
}

BOOST_AUTO_TEST_CASE(replacement_declared_by_the_replaced_side_counts_too) {
  Catalog catalog;
  CatalogEntry old = Entry("RNCP7", std::nullopt);
  old.replaced_by.push_back({CertificationId("RNCP9"), ""});
  old.replaced_by.push_back({CertificationId("RNCP8"), ""});
  catalog.Put(old);
  catalog.Put(Entry("RNCP9", std::nullopt, {"RNCP7"}));
  const ActiveStatus s = ActiveStatuses(catalog).Of(*catalog.Find(CertificationId("RNCP7")));
  BOOST_TEST((s.kind == ActiveStatus::Kind::kReplaced));
  // Both sides named, once each, sorted.
  BOOST_TEST(s.replaced_by ==
             (std::vector<CertificationId>{CertificationId("RNCP8"), CertificationId("RNCP9")}));
  BOOST_TEST(DescribeActiveStatus(s) == "remplacée par RNCP8, RNCP9");
}
