#include "engine/workspace.h"

#include <boost/test/unit_test.hpp>

#include "engine/competence_graph.h"

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
