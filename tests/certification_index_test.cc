// The content index of the certifications: kept in step with the catalog by
// WorkspaceBatch (adds, updates, deactivations), repaired when stale
// (files removed by hand, a publish that never ran), untouched by a batch
// that fails.
#include "engine/certification_index.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "engine/workspace.h"
#include "engine/workspace_batch.h"
#include "test_support.h"

using namespace passerelle;
using namespace passerelle::testing;

namespace {

// A certification with one competence whose title is `competence`.
Certification Cert(const std::string& id, const std::string& competence, bool active = true) {
  Certification c;
  c.id = CertificationId(id);
  c.kind = *KindOfId(id);
  c.title = "Certification " + id;
  c.active = active;
  Competence k;
  k.id = CompetenceId(id + "BC01-C1");
  k.title = competence;
  k.criteria = {"Le travail est conforme"};
  c.competences.push_back(k);
  c.blocs.push_back({BlocId(id + "BC01"), "Bloc unique", "", false, false, "", "", {}, {k.id}});
  return c;
}

struct DiskWorkspace {
  TempDir dir;
  RealFileSystem fs;
  Workspace ws{&fs, (dir.path() / "ws").string()};

  // One batch through the indexer; false when staging or commit failed.
  Status Import(const std::vector<Certification>& certs) {
    CertificationIndexer indexer(ws.root(), ws.StagingDir());
    auto batch = WorkspaceBatch::Begin(&ws, &indexer);
    if (!batch.ok()) return batch.status();
    for (const Certification& c : certs) {
      auto outcome = (*batch)->Stage(c);
      if (!outcome.ok()) return outcome.status();
    }
    return (*batch)->Commit();
  }
  Catalog LoadCatalog() {
    auto catalog = ws.LoadCatalog();
    BOOST_REQUIRE(catalog.ok());
    return *catalog;
  }
  std::unique_ptr<CertificationIndex> Index() {
    auto index = CertificationIndex::Open(ws.root());
    BOOST_REQUIRE_MESSAGE(index.ok(), index.status().message());
    return std::move(*index);
  }
  // Ids found for the analyzed words of `text`, best first.
  std::vector<std::string> Find(const std::string& text) {
    FrenchAnalyzer analyzer;
    Thesaurus thesaurus;
    FeatureExtractor features(analyzer, thesaurus);
    std::vector<CertificationIndex::QueryTerm> query;
    for (const std::string& t : features.Terms(text)) query.push_back({t, 1.0});
    auto found = Index()->Search(query, 10);
    BOOST_REQUIRE(found.ok());
    std::vector<std::string> ids;
    for (const auto& [id, score] : *found) ids.push_back(id.value);
    return ids;
  }
  std::map<std::string, std::string> IndexFiles() {
    return SnapshotFiles(CertificationIndex::PathOf(ws.root()));
  }
};

using Ids = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_CASE(an_import_publishes_the_content_with_the_catalog) {
  DiskWorkspace w;
  BOOST_REQUIRE(w.Import({Cert("RNCP1", "Régler les tours automatiques à cames"),
                          Cert("RNCP2", "Préparer les desserts de restaurant")})
                    .ok());
  BOOST_TEST(w.Index()->Matches(w.LoadCatalog()));
  BOOST_TEST((w.Find("cames") == Ids{"RNCP1"}));
  BOOST_TEST((w.Find("dessert") == Ids{"RNCP2"}));
  // Criteria count too, with the competence's other parts.
  BOOST_TEST(w.Find("conforme").size() == 2u);
  BOOST_TEST(std::filesystem::is_empty(w.ws.StagingDir()));
}

BOOST_AUTO_TEST_CASE(updates_and_deactivations_reach_the_index) {
  DiskWorkspace w;
  BOOST_REQUIRE(w.Import({Cert("RNCP1", "Régler les tours automatiques à cames"),
                          Cert("RNCP2", "Préparer les desserts de restaurant")})
                    .ok());
  BOOST_REQUIRE(w.Import({Cert("RNCP1", "Souder les tuyauteries"),
                          Cert("RNCP2", "Préparer les desserts de restaurant", false)})
                    .ok());
  BOOST_TEST(w.Index()->Matches(w.LoadCatalog()));
  BOOST_TEST(w.Find("cames").empty());  // the old content is gone
  BOOST_TEST((w.Find("tuyauteries") == Ids{"RNCP1"}));
  BOOST_TEST(w.Find("dessert").empty());  // inactive: not proposed
}

BOOST_AUTO_TEST_CASE(an_unchanged_reimport_touches_nothing) {
  DiskWorkspace w;
  const std::vector<Certification> certs = {Cert("RNCP1", "Régler les tours à cames")};
  BOOST_REQUIRE(w.Import(certs).ok());
  const auto before = SnapshotFiles(w.dir.path());
  BOOST_REQUIRE(w.Import(certs).ok());
  BOOST_TEST((SnapshotFiles(w.dir.path()) == before));
}

BOOST_AUTO_TEST_CASE(a_failed_batch_leaves_the_index_as_it_was) {
  DiskWorkspace w;
  BOOST_REQUIRE(w.Import({Cert("RNCP1", "Régler les tours automatiques à cames")}).ok());
  const auto before = SnapshotFiles(w.dir.path());
  {
    CertificationIndexer indexer(w.ws.root(), w.ws.StagingDir());
    auto batch = WorkspaceBatch::Begin(&w.ws, &indexer);
    BOOST_REQUIRE(batch.ok());
    BOOST_REQUIRE((*batch)->Stage(Cert("RNCP1", "Souder les tuyauteries")).ok());
    BOOST_REQUIRE((*batch)->Stage(Cert("RNCP2", "Préparer les desserts")).ok());
    // Destroyed without Commit: the import failed (a damaged export, say).
  }
  BOOST_TEST((SnapshotFiles(w.dir.path()) == before));
  BOOST_TEST((w.Find("cames") == Ids{"RNCP1"}));
}

BOOST_AUTO_TEST_CASE(a_failed_publish_leaves_the_index_as_it_was) {
  DiskWorkspace w;
  BOOST_REQUIRE(w.Import({Cert("RNCP1", "Régler les tours automatiques à cames")}).ok());
  const auto before = w.IndexFiles();
  // A catalog naming a certification whose file cannot be read: the
  // transaction is cancelled.
  Catalog catalog = w.LoadCatalog();
  CatalogEntry ghost = Summarize(Cert("RNCP9", "Fantôme"));
  ghost.hash = "0123456789abcdef";
  catalog.Put(ghost);
  CertificationIndexer indexer(w.ws.root(), w.ws.StagingDir());
  Status s = indexer.Publish(w.ws, catalog);
  BOOST_TEST((s.kind() == Status::Kind::kNotFound));
  BOOST_TEST((w.IndexFiles() == before));
  BOOST_TEST(w.Index()->Matches(w.LoadCatalog()));
}

BOOST_AUTO_TEST_CASE(a_stale_index_is_repaired_from_the_files) {
  DiskWorkspace w;
  BOOST_REQUIRE(w.Import({Cert("RNCP1", "Régler les tours automatiques à cames"),
                          Cert("RNCP2", "Préparer les desserts de restaurant")})
                    .ok());
  // A file removed by hand, one written without the indexer.
  std::filesystem::remove(w.ws.PathOf(CertificationId("RNCP2")));
  BOOST_REQUIRE(w.ws.Save({Cert("RNCP3", "Conduire les poids lourds")}, nullptr).ok());
  Catalog catalog = w.LoadCatalog();
  BOOST_TEST(!w.Index()->Matches(catalog));
  CertificationIndexer indexer(w.ws.root(), w.ws.StagingDir());
  IndexPublication done;
  BOOST_REQUIRE(indexer.Publish(w.ws, catalog, &done).ok());
  BOOST_TEST(done.repaired == 1u);  // RNCP3 only: RNCP1 was up to date
  BOOST_TEST(done.removed == 1u);
  BOOST_TEST(w.Index()->Matches(catalog));
  BOOST_TEST(w.Find("dessert").empty());
  BOOST_TEST((w.Find("poids lourds") == Ids{"RNCP3"}));
}

BOOST_AUTO_TEST_CASE(a_missing_index_is_rebuilt_and_an_absent_one_is_not_found) {
  DiskWorkspace w;
  BOOST_TEST((CertificationIndex::Open(w.ws.root()).status().kind() == Status::Kind::kNotFound));
  BOOST_REQUIRE(w.ws.Save({Cert("RNCP1", "Régler les tours automatiques à cames")}, nullptr).ok());
  CertificationIndexer indexer(w.ws.root(), w.ws.StagingDir());
  IndexPublication done;
  BOOST_REQUIRE(indexer.Publish(w.ws, w.LoadCatalog(), &done).ok());
  BOOST_TEST(done.repaired == 1u);
  BOOST_TEST((w.Find("cames") == Ids{"RNCP1"}));
}
