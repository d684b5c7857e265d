#include "engine/workspace.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "engine/certification_xml.h"
#include "engine/competence_graph.h"
#include "engine/workspace_batch.h"
#include "test_support.h"

using namespace passerelle;

namespace {

Certification Cert(const std::string& id, const std::string& title) {
  Certification c;
  c.id = CertificationId(id);
  c.kind = *KindOfId(id);
  c.title = title;
  return c;
}

}  // namespace

BOOST_AUTO_TEST_CASE(save_reports_added_updated_unchanged) {
  MemoryFileSystem fs;
  Workspace ws(&fs, "/ws/");
  std::vector<SaveOutcome> outcomes;
  BOOST_REQUIRE(ws.Save({Cert("RNCP420", "A"), Cert("TP-00211", "B")}, &outcomes).ok());
  BOOST_TEST((outcomes == std::vector<SaveOutcome>{SaveOutcome::kAdded, SaveOutcome::kAdded}));
  BOOST_REQUIRE(ws.Save({Cert("RNCP420", "A"), Cert("TP-00211", "B2")}, &outcomes).ok());
  BOOST_TEST((outcomes == std::vector<SaveOutcome>{SaveOutcome::kUnchanged, SaveOutcome::kUpdated}));
  auto ids = ws.List();
  BOOST_REQUIRE(ids.ok());
  BOOST_TEST(ids->size() == 2u);
  BOOST_TEST(ws.Load(CertificationId("TP-00211"))->title == "B2");
}

BOOST_AUTO_TEST_CASE(failed_save_leaves_workspace_as_it_was) {
  MemoryFileSystem fs;
  Workspace ws(&fs, "/ws");
  BOOST_REQUIRE(ws.Save({Cert("RNCP420", "ancien")}, nullptr).ok());
  const auto before = fs.files();
  fs.FailWriteAfter(1);  // the first temporary is written, the second fails
  Status s = ws.Save({Cert("RNCP420", "nouveau"), Cert("RNCP35697", "autre")}, nullptr);
  BOOST_TEST(!s.ok());
  BOOST_TEST((fs.files() == before));
}

BOOST_AUTO_TEST_CASE(missing_certification_is_not_found_with_its_id) {
  MemoryFileSystem fs;
  Workspace ws(&fs, "/ws");
  auto r = ws.Load(CertificationId("RNCP99999"));
  BOOST_TEST((r.status().kind() == Status::Kind::kNotFound));
  BOOST_TEST(r.status().message().find("RNCP99999") != std::string::npos);
  auto bad = ws.Load(CertificationId("n'importe quoi"));
  BOOST_TEST((bad.status().kind() == Status::Kind::kInvalidArgument));
}

BOOST_AUTO_TEST_CASE(damaged_file_is_reported_as_corruption) {
  MemoryFileSystem fs;
  Workspace ws(&fs, "/ws");
  BOOST_REQUIRE(ws.Save({Cert("RNCP420", "A")}, nullptr).ok());
  BOOST_REQUIRE(fs.WriteFile(ws.PathOf(CertificationId("RNCP420")), "<certif").ok());
  auto r = ws.Load(CertificationId("RNCP420"));
  BOOST_TEST((r.status().kind() == Status::Kind::kCorruption));
}

BOOST_AUTO_TEST_CASE(graph_makes_replacement_links_symmetric) {
  Certification newer = Cert("RNCP35697", "Nouveau");
  newer.replaces = {{CertificationId("RNCP420"), ""}};
  newer.codes = {{Code::Type::kRome, "H2903", ""}};
  Certification older = Cert("RNCP420", "Ancien");
  older.codes = {{Code::Type::kRome, "H2903", ""}};
  Certification other = Cert("RS5", "Autre");
  other.replaced_by = {{CertificationId("RNCP420"), ""}};
  CompetenceGraph g({newer, older, other});
  auto by = g.ReplacedBy(CertificationId("RNCP420"));
  BOOST_REQUIRE(by.size() == 1u);
  BOOST_TEST(by[0].id.value == "RNCP35697");
  BOOST_TEST(by[0].title == "Nouveau");
  auto replaces = g.Replaces(CertificationId("RNCP420"));
  BOOST_REQUIRE(replaces.size() == 1u);
  BOOST_TEST(replaces[0].id.value == "RS5");
  BOOST_TEST(g.Replaces(CertificationId("RNCP35697"))[0].title == "Ancien");
  auto sharing = g.SharingRome(CertificationId("RNCP420"));
  BOOST_REQUIRE(sharing.size() == 1u);
  BOOST_TEST(sharing[0].value == "RNCP35697");
}

BOOST_AUTO_TEST_CASE(correspondences_are_seen_from_both_sides) {
  Certification a = Cert("RNCP1", "A");
  a.correspondences = {{BlocId("RNCP1BC01"), CertificationId("RNCP2"), BlocId("RNCP2BC03")}};
  CompetenceGraph g({a, Cert("RNCP2", "B")});
  auto from_b = g.Correspondences(CertificationId("RNCP2"));
  BOOST_REQUIRE(from_b.size() == 1u);
  BOOST_TEST(from_b[0].bloc.value == "RNCP2BC03");
  BOOST_TEST(from_b[0].to_certification.value == "RNCP1");
  BOOST_TEST(from_b[0].to_bloc.value == "RNCP1BC01");
}

BOOST_AUTO_TEST_CASE(workspace_path_resolution) {
  BOOST_TEST(ResolveWorkspacePath("/tmp/x") == "/tmp/x");
  setenv("PASSERELLE_WORKSPACE", "/tmp/env-ws", 1);
  BOOST_TEST(ResolveWorkspacePath("") == "/tmp/env-ws");
  unsetenv("PASSERELLE_WORKSPACE");
  BOOST_TEST(ResolveWorkspacePath("") == "./.passerelle");
}

// ---- the catalog and batches ----

BOOST_AUTO_TEST_CASE(save_writes_the_catalog_that_listing_reads) {
  MemoryFileSystem fs;
  Workspace ws(&fs, "/ws");
  Certification newer = Cert("RNCP35697", "Nouveau");
  newer.replaces = {{CertificationId("RNCP420"), ""}};
  BOOST_REQUIRE(ws.Save({newer, Cert("RNCP420", "Ancien")}, nullptr).ok());
  BOOST_REQUIRE(fs.files().count("/ws/catalog"));
  CatalogRefresh refresh;
  auto catalog = ws.LoadCatalog(&refresh);
  BOOST_REQUIRE(catalog.ok());
  BOOST_TEST(!refresh.stale());
  BOOST_TEST(catalog->size() == 2u);
  BOOST_TEST(catalog->Find(CertificationId("RNCP35697"))->replaces[0].id.value == "RNCP420");
  // Only RNCP420 is read in full; the link comes from the catalog.
  auto graph = CompetenceGraph::LoadFor(ws, {CertificationId("RNCP420")});
  BOOST_REQUIRE(graph.ok());
  BOOST_TEST(graph->ReplacedBy(CertificationId("RNCP420"))[0].title == "Nouveau");
}

BOOST_AUTO_TEST_CASE(a_missing_or_stale_catalog_is_rebuilt_from_the_files) {
  MemoryFileSystem fs;
  Workspace ws(&fs, "/ws");
  BOOST_REQUIRE(ws.Save({Cert("RNCP1", "Un"), Cert("RNCP2", "Deux"), Cert("RNCP3", "Trois")},
                        nullptr).ok());
  // A file changed behind the catalog's back, one removed, one added.
  Certification changed = Cert("RNCP1", "Un, modifié");
  BOOST_REQUIRE(fs.WriteFile(ws.PathOf(changed.id), CertificationToXml(changed)).ok());
  BOOST_REQUIRE(fs.Remove(ws.PathOf(CertificationId("RNCP2"))).ok());
  Certification added = Cert("RS4", "Quatre");
  BOOST_REQUIRE(fs.WriteFile(ws.PathOf(added.id), CertificationToXml(added)).ok());
  CatalogRefresh refresh;
  auto catalog = ws.LoadCatalog(&refresh);
  BOOST_REQUIRE(catalog.ok());
  BOOST_TEST(refresh.reread == 2u);
  BOOST_TEST(refresh.dropped == 1u);
  BOOST_TEST(catalog->Find(CertificationId("RNCP1"))->title == "Un, modifié");
  BOOST_TEST(!catalog->Find(CertificationId("RNCP2")));
  BOOST_TEST(catalog->Find(CertificationId("RS4")));
  // No catalog at all, or a damaged one: rebuilt.
  for (const char* damage : {"", "n'importe quoi"}) {
    if (*damage) BOOST_REQUIRE(fs.WriteFile("/ws/catalog", damage).ok());
    else BOOST_REQUIRE(fs.Remove("/ws/catalog").ok());
    auto rebuilt = ws.LoadCatalog(&refresh);
    BOOST_REQUIRE(rebuilt.ok());
    BOOST_TEST(refresh.missing);
    BOOST_TEST(rebuilt->size() == 3u);
  }
  // The next save writes it back.
  BOOST_REQUIRE(ws.Save({}, nullptr).ok());
  ws.LoadCatalog(&refresh);
  BOOST_TEST(!refresh.stale());
}

BOOST_AUTO_TEST_CASE(a_batch_stages_last_wins_and_aborts_cleanly) {
  MemoryFileSystem fs;
  Workspace ws(&fs, "/ws");
  BOOST_REQUIRE(ws.Save({Cert("RNCP1", "Un")}, nullptr).ok());
  const auto before = fs.files();
  {
    auto batch = WorkspaceBatch::Begin(&ws);
    BOOST_REQUIRE(batch.ok());
    BOOST_TEST((*(*batch)->Stage(Cert("RNCP1", "Autre")) == SaveOutcome::kUpdated));
    BOOST_TEST((*(*batch)->Stage(Cert("RNCP2", "Deux")) == SaveOutcome::kAdded));
    // Staged again with the stored content: unchanged, its temporary goes.
    BOOST_TEST((*(*batch)->Stage(Cert("RNCP1", "Un")) == SaveOutcome::kUnchanged));
    BOOST_TEST(fs.files().size() == before.size() + 1);  // RNCP2's temporary
  }  // destroyed without Commit
  BOOST_TEST((fs.files() == before));
  // Temporaries of a killed import are cleared by the next batch.
  BOOST_REQUIRE(fs.WriteFile(ws.StagingDir() + "/RNCP9.xml.tmp-12345", "<certif").ok());
  BOOST_REQUIRE(WorkspaceBatch::Begin(&ws).ok());
  BOOST_TEST((fs.files() == before));
  // A batch with nothing to write touches nothing.
  auto idle = WorkspaceBatch::Begin(&ws);
  BOOST_REQUIRE(idle.ok());
  BOOST_TEST((*(*idle)->Stage(Cert("RNCP1", "Un")) == SaveOutcome::kUnchanged));
  BOOST_TEST((*idle)->Commit().ok());
  BOOST_TEST(!(*idle)->published());
  BOOST_TEST((fs.files() == before));
}

BOOST_AUTO_TEST_CASE(on_disk_an_unchanged_folder_is_trusted_without_stamping_files) {
  passerelle::testing::TempDir dir;
  RealFileSystem disk;
  Workspace ws(&disk, (dir.path() / "ws").string());
  BOOST_REQUIRE(ws.Save({Cert("RNCP1", "Un"), Cert("RNCP2", "Deux")}, nullptr).ok());
  auto stored = Catalog::Parse(*disk.ReadFile(ws.CatalogPath()), "catalog");
  BOOST_REQUIRE(stored.ok());
  BOOST_TEST(stored->folder_stamp() == ws.FolderStamp());
  BOOST_TEST(!stored->folder_stamp().empty());
  CatalogRefresh refresh;
  BOOST_REQUIRE(ws.LoadCatalog(&refresh).ok());
  BOOST_TEST(!refresh.stale());
  // A certification file renamed into the folder by someone else: the
  // folder's stamp changes, every file is checked, the new one is found.
  Certification added = Cert("RS3", "Trois");
  BOOST_REQUIRE(WriteFileAtomic(disk, ws.PathOf(added.id), CertificationToXml(added)).ok());
  auto catalog = ws.LoadCatalog(&refresh);
  BOOST_REQUIRE(catalog.ok());
  BOOST_TEST(refresh.folder_changed);
  BOOST_TEST(refresh.reread == 1u);
  BOOST_TEST(catalog->size() == 3u);
  BOOST_TEST(catalog->folder_stamp() == ws.FolderStamp());
  // Temporaries never go to the certifications folder.
  auto batch = WorkspaceBatch::Begin(&ws);
  BOOST_REQUIRE(batch.ok());
  BOOST_REQUIRE((*batch)->Stage(Cert("RNCP4", "Quatre")).ok());
  BOOST_TEST(std::distance(std::filesystem::directory_iterator(ws.StagingDir()),
                           std::filesystem::directory_iterator()) == 1);
  BOOST_TEST(!disk.Exists(ws.PathOf(CertificationId("RNCP4"))));
  BOOST_REQUIRE((*batch)->Commit().ok());
  BOOST_TEST(disk.Exists(ws.PathOf(CertificationId("RNCP4"))));
  // Begin checked the files (RS3 included) and nothing else touched the
  // folder before the renames: the new catalog is trusted as it is.
  ws.LoadCatalog(&refresh);
  BOOST_TEST(!refresh.stale());
}

// A commit killed among its renames (constructed: the journal, one
// temporary renamed, one not): the next batch, or a reader holding the
// lock, finishes it, so the workspace is the new state, never a mix. Killed
// before the journal: the temporaries are dropped, the old state stays.
BOOST_AUTO_TEST_CASE(a_commit_killed_among_its_renames_is_finished_not_mixed) {
  MemoryFileSystem fs;
  Workspace ws(&fs, "/ws");
  BOOST_REQUIRE(ws.Save({Cert("RNCP420", "A"), Cert("TP-00211", "B")}, nullptr).ok());
  // The killed batch (pid 4242) had renamed RNCP420, not TP-00211.
  BOOST_REQUIRE(fs.WriteFile("/ws/certifications/RNCP420.xml", CertificationToXml(Cert("RNCP420", "A2"))).ok());
  BOOST_REQUIRE(fs.WriteFile("/ws/staging/TP-00211.xml.tmp-4242", CertificationToXml(Cert("TP-00211", "B2"))).ok());
  BOOST_REQUIRE(fs.WriteFile("/ws/staging/commit.tmp-4242", "").ok());
  BOOST_TEST(WorkspaceBatch::HasInterruptedCommit(ws));
  {
    auto batch = WorkspaceBatch::Begin(&ws);
    BOOST_REQUIRE(batch.ok());
    BOOST_TEST((*batch)->stored().Find(CertificationId("TP-00211"))->title == "B2");
    BOOST_REQUIRE((*batch)->Commit().ok());
  }
  BOOST_TEST(!WorkspaceBatch::HasInterruptedCommit(ws));
  BOOST_TEST(ws.Load(CertificationId("RNCP420"))->title == "A2");
  BOOST_TEST(ws.Load(CertificationId("TP-00211"))->title == "B2");
  BOOST_TEST(ws.LoadCatalog()->Find(CertificationId("TP-00211"))->title == "B2");
  BOOST_TEST(fs.ListDir("/ws/staging")->empty());
  // Killed before its journal: nothing of it is published.
  BOOST_REQUIRE(fs.WriteFile("/ws/staging/TP-00211.xml.tmp-4343", CertificationToXml(Cert("TP-00211", "B3"))).ok());
  {
    auto batch = WorkspaceBatch::Begin(&ws);
    BOOST_REQUIRE(batch.ok());
  }
  BOOST_TEST(ws.Load(CertificationId("TP-00211"))->title == "B2");
  BOOST_TEST(fs.ListDir("/ws/staging")->empty());
}
