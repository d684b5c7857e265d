// The assessment store on a temporary workspace: round trips of every kind
// of edit, the audit trail, optimistic concurrency, the schema checks (a
// newer or foreign database refused and left byte for byte), the audit's
// append-only rule, and a second connection that waits for the first.
#include "engine/assessment/assessment_store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "engine/assessment/assessment_schema.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace passerelle;
using passerelle::testing::ReadFile;
using passerelle::testing::TempDir;
using passerelle::testing::WriteFile;

namespace {

const AssessmentKey kKey{"dupont", CertificationId("TP-00211")};
const WriteContext kMartin{"martin", "2026-12-02T10:00:00Z"};
const WriteContext kBernard{"bernard", "2026-12-02T11:00:00Z"};
const CompetenceId kCp3("TP-00211-CP3");

struct Store {
  TempDir dir;
  std::unique_ptr<AssessmentStore> store;
  Store() { Reopen(); }
  void Reopen() {
    store.reset();
    auto opened = AssessmentStore::Open(dir.path().string());
    BOOST_REQUIRE_MESSAGE(opened.ok(), opened.status().message());
    store = std::move(*opened);
  }
  std::string Path() const { return AssessmentStore::PathIn(dir.path().string()); }
  Assessment Load() const {
    auto a = store->Load(kKey);
    BOOST_REQUIRE_MESSAGE(a.ok(), a.status().message());
    return *a;
  }
  std::vector<AuditEntry> History() const {
    auto h = store->History(kKey);
    BOOST_REQUIRE_MESSAGE(h.ok(), h.status().message());
    return *h;
  }
};

WriteOutcome Ok(const Result<WriteOutcome>& r) {
  BOOST_REQUIRE_MESSAGE(r.ok(), r.status().message());
  return *r;
}

// Runs `sql` on `path` with a connection of its own.
void RawExec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  BOOST_REQUIRE_MESSAGE(rc == SQLITE_OK, message);
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_unwritten_assessment_is_empty_and_nothing_is_stored) {
  Store s;
  const Assessment a = s.Load();
  BOOST_TEST(!a.stored);
  BOOST_TEST(a.overall.revision == 0);
  BOOST_TEST((a.overall.state == AssessmentState::kDraft));
  BOOST_TEST(a.CompetenceOf(kCp3).revision == 0);
  BOOST_TEST(a.BlocOf(BlocId("TP-00211-AT1")).targeted);
  BOOST_TEST(s.History().empty());
}

BOOST_AUTO_TEST_CASE(every_edit_round_trips_through_a_reopened_store) {
  Store s;
  CompetenceEdit c{kCp3, Decision::kPartially, "Montre le réglage, pas la programmation.", 0};
  BOOST_TEST(Ok(s.store->SetCompetence(kKey, c, kMartin)).revision == 1);
  EvidenceEdit e{kCp3, {"livret.docx", 12}, Verdict::kRejected, "Décrit le travail du chef.",
                 0,    "0123456789abcdef"};
  BOOST_TEST(Ok(s.store->SetEvidence(kKey, e, kMartin)).revision == 1);
  BlocEdit b{BlocId("TP-00211-AT2"), std::nullopt, true, "Acquis par le CAP.", 0};
  BOOST_TEST(Ok(s.store->SetBloc(kKey, b, kMartin)).revision == 1);
  OpinionEdit o{Opinion::kToDeepen, "Décrire une mise en route.", 24, 0};
  BOOST_TEST(Ok(s.store->SetOpinion(kKey, o, kMartin)).revision == 1);
  BOOST_TEST(Ok(s.store->Advance(kKey, AssessmentState::kShared, 1, kMartin)).revision == 2);
  s.Reopen();
  const Assessment a = s.Load();
  BOOST_TEST(a.stored);
  const CompetenceAssessment cp3 = a.CompetenceOf(kCp3);
  BOOST_TEST((cp3.decision == Decision::kPartially));
  BOOST_TEST(cp3.comment == "Montre le réglage, pas la programmation.");
  BOOST_REQUIRE(cp3.evidence.size() == 1u);
  BOOST_TEST(cp3.evidence[0].passage.dossier == "livret.docx");
  BOOST_TEST(cp3.evidence[0].passage.passage == 12u);
  BOOST_TEST((cp3.evidence[0].verdict == Verdict::kRejected));
  BOOST_TEST(cp3.evidence[0].reason == "Décrit le travail du chef.");
  BOOST_TEST(cp3.evidence[0].passage_hash == "0123456789abcdef");
  const BlocAssessment at2 = a.BlocOf(BlocId("TP-00211-AT2"));
  BOOST_TEST(at2.dispensed);
  BOOST_TEST(!at2.targeted);  // dispensed implies not targeted
  BOOST_TEST(at2.comment == "Acquis par le CAP.");
  BOOST_TEST((a.overall.opinion == Opinion::kToDeepen));
  BOOST_TEST(a.overall.preconisations == "Décrire une mise en route.");
  BOOST_TEST(a.overall.planned_hours.value_or(-1) == 24);
  BOOST_TEST((a.overall.state == AssessmentState::kShared));
  BOOST_TEST(a.overall.revision == 2);
}

BOOST_AUTO_TEST_CASE(the_audit_trail_records_who_when_before_and_after) {
  Store s;
  Ok(s.store->SetCompetence(kKey, {kCp3, Decision::kYes, std::nullopt, 0}, kMartin));
  Ok(s.store->SetCompetence(kKey, {kCp3, Decision::kNo, "Pas de preuve.", 1}, kBernard));
  const auto h = s.History();
  BOOST_REQUIRE(h.size() == 3u);
  BOOST_TEST(h[0].author == "martin");
  BOOST_TEST(h[0].at == "2026-12-02T10:00:00Z");
  BOOST_TEST(h[0].subject == "competence");
  BOOST_TEST(h[0].item == kCp3.value);
  BOOST_TEST(h[0].field == "decision");
  BOOST_TEST(!h[0].before.has_value());
  BOOST_TEST(h[0].after.value_or("") == "yes");
  BOOST_TEST(h[1].author == "bernard");
  BOOST_TEST(h[1].before.value_or("") == "yes");
  BOOST_TEST(h[1].after.value_or("") == "no");
  BOOST_TEST(h[2].field == "comment");
  BOOST_TEST(h[2].before.value_or("?") == "");
  BOOST_TEST(h[2].after.value_or("") == "Pas de preuve.");
  BOOST_TEST(h[0].sequence < h[1].sequence);
}

BOOST_AUTO_TEST_CASE(a_write_that_changes_nothing_writes_nothing) {
  Store s;
  Ok(s.store->SetCompetence(kKey, {kCp3, Decision::kYes, std::nullopt, 0}, kMartin));
  const WriteOutcome again =
      Ok(s.store->SetCompetence(kKey, {kCp3, Decision::kYes, std::nullopt, 1}, kBernard));
  BOOST_TEST(again.changes == 0);
  BOOST_TEST(again.revision == 1);
  BOOST_TEST(s.History().size() == 1u);
  BOOST_TEST(s.Load().CompetenceOf(kCp3).revision == 1);
  // Nothing written for another candidate's empty edit either.
  const AssessmentKey other{"durand", kKey.target};
  BOOST_TEST(Ok(s.store->SetBloc(
                    other, {BlocId("TP-00211-AT1"), true, std::nullopt, std::nullopt, std::nullopt},
                    kMartin))
                 .changes == 0);
  BOOST_TEST(!s.store->Load(other)->stored);
}

BOOST_AUTO_TEST_CASE(a_write_on_a_changed_value_is_refused_and_changes_nothing) {
  Store s;
  Ok(s.store->SetCompetence(kKey, {kCp3, Decision::kYes, std::nullopt, 0}, kMartin));
  // Bernard read revision 0, before Martin's write.
  auto refused = s.store->SetCompetence(kKey, {kCp3, Decision::kNo, "Rien.", int64_t{0}}, kBernard);
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST((refused.status().kind() == Status::Kind::kConflict));
  const std::string& m = refused.status().message();
  BOOST_TEST(m.find("conflit sur la compétence TP-00211-CP3") != std::string::npos, m);
  BOOST_TEST(m.find("révision 0") != std::string::npos, m);
  BOOST_TEST(m.find("révision 1 a été enregistrée par martin le 2026-12-02T10:00:00Z") !=
                 std::string::npos,
             m);
  BOOST_TEST(m.find("rien n'a été modifié") != std::string::npos, m);
  const CompetenceAssessment cp3 = s.Load().CompetenceOf(kCp3);
  BOOST_TEST((cp3.decision == Decision::kYes));
  BOOST_TEST(cp3.comment.empty());
  BOOST_TEST(s.History().size() == 1u);
  // The same conflict on the other kinds of item.
  Ok(s.store->SetOpinion(kKey, {Opinion::kFavorable, std::nullopt, std::nullopt, 0}, kMartin));
  BOOST_TEST(
      (s.store->SetOpinion(kKey, {Opinion::kUnfavorable, std::nullopt, std::nullopt, 0}, kBernard)
           .status()
           .kind() == Status::Kind::kConflict));
  BOOST_TEST((s.store->Advance(kKey, AssessmentState::kShared, 0, kBernard).status().kind() ==
              Status::Kind::kConflict));
  BOOST_TEST((s.Load().overall.state == AssessmentState::kDraft));
}

BOOST_AUTO_TEST_CASE(bad_edits_are_refused_in_french) {
  Store s;
  auto both =
      s.store->SetBloc(kKey, {BlocId("TP-00211-AT1"), true, true, std::nullopt, 0}, kMartin);
  BOOST_TEST(both.status().message().find("un bloc dispensé n'est pas visé") != std::string::npos);
  auto no_reason = s.store->SetEvidence(
      kKey, {kCp3, {"livret.docx", 3}, Verdict::kRejected, "", 0, ""}, kMartin);
  BOOST_TEST(no_reason.status().message().find("demande un motif") != std::string::npos);
  auto long_comment = s.store->SetCompetence(
      kKey, {kCp3, std::nullopt, std::string(kMaxAssessmentText + 1, 'a'), 0}, kMartin);
  BOOST_TEST(long_comment.status().message().find("commentaire trop long") != std::string::npos);
  BOOST_TEST(!s.Load().stored);
  BOOST_TEST(s.History().empty());
}

BOOST_AUTO_TEST_CASE(the_state_moves_forward_only_and_a_transmitted_assessment_is_frozen) {
  Store s;
  auto skip = s.store->Advance(kKey, AssessmentState::kTransmitted, std::nullopt, kMartin);
  BOOST_TEST(
      skip.status().message().find("ne peut pas passer à l'état « transmis »") != std::string::npos,
      skip.status().message());
  Ok(s.store->Advance(kKey, AssessmentState::kShared, std::nullopt, kMartin));
  auto without_opinion =
      s.store->Advance(kKey, AssessmentState::kTransmitted, std::nullopt, kMartin);
  BOOST_TEST(without_opinion.status().message().find("sans avis ne peut pas être transmis") !=
             std::string::npos);
  Ok(s.store->SetOpinion(kKey, {Opinion::kFavorable, std::nullopt, 12, std::nullopt}, kMartin));
  Ok(s.store->Advance(kKey, AssessmentState::kTransmitted, std::nullopt, kMartin));
  auto frozen =
      s.store->SetCompetence(kKey, {kCp3, Decision::kNo, std::nullopt, std::nullopt}, kBernard);
  BOOST_TEST(frozen.status().message().find("a été transmis : il ne peut plus être modifié") !=
             std::string::npos);
  BOOST_TEST(!s.Load().CompetenceOf(kCp3).decision.has_value());
}

BOOST_AUTO_TEST_CASE(the_audit_trail_is_append_only_and_leaves_only_with_its_assessment) {
  Store s;
  Ok(s.store->SetCompetence(kKey, {kCp3, Decision::kYes, "Bien.", 0}, kMartin));
  auto* db = s.store->database();
  BOOST_TEST(!db->Exec("UPDATE audit SET author = 'x'").ok());
  BOOST_TEST(!db->Exec("DELETE FROM audit").ok());
  BOOST_TEST(s.History().size() == 2u);
  // Deleting the assessment (what `candidate delete` will do) takes
  // everything with it.
  BOOST_TEST(db->Exec("DELETE FROM assessments").ok());
  BOOST_TEST(*db->QueryInt("SELECT COUNT(*) FROM audit") == 0);
  BOOST_TEST(*db->QueryInt("SELECT COUNT(*) FROM competence_decisions") == 0);
}

BOOST_AUTO_TEST_CASE(the_database_is_private_versioned_and_in_wal_mode) {
  Store s;
  struct stat st {};
  BOOST_REQUIRE(::stat(s.Path().c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 0777) == 0600u);
  auto* db = s.store->database();
  BOOST_TEST(*db->QueryInt("PRAGMA user_version") == kAssessmentSchemaVersion);
  BOOST_TEST(*db->QueryInt("PRAGMA application_id") == kAssessmentApplicationId);
  BOOST_TEST(*db->QueryInt("PRAGMA foreign_keys") == 1);
  BOOST_TEST(*db->QueryInt("PRAGMA secure_delete") == 1);
  BOOST_TEST(*db->QueryInt("SELECT COUNT(*) FROM schema_history") == kAssessmentSchemaVersion);
  auto mode = db->Prepare("PRAGMA journal_mode");
  BOOST_REQUIRE(mode.ok() && *mode->Step());
  BOOST_TEST(mode->Text(0) == "wal");
}

BOOST_AUTO_TEST_CASE(a_database_of_a_newer_schema_is_refused_and_left_untouched) {
  Store s;
  Ok(s.store->SetCompetence(kKey, {kCp3, Decision::kYes, std::nullopt, 0}, kMartin));
  s.store.reset();
  RawExec(s.Path(), "PRAGMA user_version = 7");
  const std::string before = ReadFile(s.Path());
  auto refused = AssessmentStore::Open(s.dir.path().string());
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST((refused.status().kind() == Status::Kind::kUnsupported));
  const std::string& m = refused.status().message();
  BOOST_TEST(m.find("version plus récente de Passerelle (schéma 7") != std::string::npos, m);
  BOOST_TEST(m.find("la base n'a pas été modifiée") != std::string::npos, m);
  BOOST_TEST(ReadFile(s.Path()) == before);
}

BOOST_AUTO_TEST_CASE(foreign_and_damaged_files_are_refused_and_left_untouched) {
  TempDir dir;
  const std::string path = AssessmentStore::PathIn(dir.path().string());
  RawExec(path, "PRAGMA application_id = 1234; CREATE TABLE t (x)");
  const std::string foreign = ReadFile(path);
  auto refused = AssessmentStore::Open(dir.path().string());
  BOOST_TEST(refused.status().message().find("n'est pas une base de Passerelle") !=
             std::string::npos);
  BOOST_TEST(ReadFile(path) == foreign);
  WriteFile(path, "Ceci n'est pas une base SQLite, mais un texte assez long pour le dire.");
  auto damaged = AssessmentStore::Open(dir.path().string());
  BOOST_TEST((damaged.status().kind() == Status::Kind::kCorruption));
  BOOST_TEST(damaged.status().message().find("n'est pas une base SQLite") != std::string::npos,
             damaged.status().message());
  BOOST_TEST(ReadFile(path) ==
             "Ceci n'est pas une base SQLite, mais un texte assez long pour le dire.");
}

BOOST_AUTO_TEST_CASE(a_writer_waits_for_another_connection_then_succeeds) {
  Store s;
  sqlite3* other = nullptr;
  BOOST_REQUIRE(sqlite3_open(s.Path().c_str(), &other) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  std::thread release([other] {
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
  });
  const auto start = std::chrono::steady_clock::now();
  auto written = s.store->SetCompetence(kKey, {kCp3, Decision::kYes, std::nullopt, 0}, kMartin);
  const auto waited = std::chrono::steady_clock::now() - start;
  release.join();
  sqlite3_close(other);
  BOOST_REQUIRE_MESSAGE(written.ok(), written.status().message());
  BOOST_TEST(waited >= std::chrono::milliseconds(300));
  BOOST_TEST((s.Load().CompetenceOf(kCp3).decision == Decision::kYes));
}

BOOST_AUTO_TEST_CASE(two_connections_creating_the_database_at_once_both_succeed) {
  TempDir dir;
  const std::string root = dir.path().string();
  std::vector<std::thread> threads;
  std::vector<std::string> errors(4);
  for (size_t i = 0; i < errors.size(); ++i)
    threads.emplace_back([&, i] {
      auto store = AssessmentStore::Open(root);
      if (!store.ok()) {
        errors[i] = store.status().message();
        return;
      }
      auto written = (*store)->SetCompetence(
          kKey,
          {CompetenceId("TP-00211-CP" + std::to_string(i + 1)), Decision::kYes, std::nullopt, 0},
          kMartin);
      if (!written.ok()) errors[i] = written.status().message();
    });
  for (std::thread& t : threads) t.join();
  for (const std::string& e : errors) BOOST_TEST(e.empty(), e);
  auto store = AssessmentStore::Open(root);
  BOOST_REQUIRE(store.ok());
  BOOST_TEST((*store)->Load(kKey)->competences.size() == errors.size());
  BOOST_TEST(*(*store)->database()->QueryInt("SELECT COUNT(*) FROM schema_history") ==
             kAssessmentSchemaVersion);
}
