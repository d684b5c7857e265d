// End-to-end tests of `passerelle assess` with the real binary on a
// temporary workspace holding the five official referentiels and dupont's
// dossier: round trips through show --json, the audit trail, a conflicting
// edit refused, bad input refused in French with the workspace unchanged, a
// database of a newer schema refused untouched, and two processes writing.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "test_support.h"

extern char** environ;

namespace fs = std::filesystem;
using namespace passerelle::testing;
using nlohmann::json;

namespace {

const std::string kWho = " --candidate dupont --target TP-00211";

struct Workspace {
  TempDir dir;
  Workspace() {
    auto imported = ImportFiveReferentiels(root().string());
    BOOST_REQUIRE_MESSAGE(imported.status == 0, imported.err);
    auto added =
        Run("dossier add " + Quote((SharedDir() / "dossiers" / "v1_decolleteur.txt").string()) +
            " --candidate dupont");
    BOOST_REQUIRE_MESSAGE(added.status == 0, added.err);
  }
  fs::path root() const { return dir.path() / "ws"; }
  fs::path database() const { return root() / "assessments.sqlite"; }
  CommandResult Run(const std::string& args) const {
    return RunPasserelle("--workspace " + Quote(root().string()) + " " + args);
  }
  CommandResult Assess(const std::string& sub, const std::string& rest = "") const {
    return Run("assess " + sub + kWho + " " + rest);
  }
  json Show() const {
    auto r = Assess("show", "--json");
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
    return json::parse(r.out);
  }
  json History() const {
    auto r = Assess("history", "--json");
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
    return json::parse(r.out);
  }
};

const json& CompetenceIn(const json& show, const std::string& id) {
  for (const json& c : show["competences"])
    if (c["id"] == id) return c;
  throw std::runtime_error("no competence " + id);
}

const json& BlocIn(const json& show, const std::string& id) {
  for (const json& b : show["blocs"])
    if (b["id"] == id) return b;
  throw std::runtime_error("no bloc " + id);
}

void ExpectOk(const CommandResult& r) { BOOST_TEST(r.status == 0, r.err); }

// `r` failed with `status`, saying each of `phrases` on stderr, and the
// workspace's files are still `before`.
void ExpectRefused(const Workspace& ws, const CommandResult& r, int status,
                   const std::vector<std::string>& phrases,
                   const std::map<std::string, std::string>& before) {
  BOOST_TEST(r.status == status, r.err);
  BOOST_TEST(r.out.empty(), r.out);
  for (const std::string& p : phrases) BOOST_TEST(r.err.find(p) != std::string::npos, r.err);
  BOOST_TEST((SnapshotFiles(ws.root()) == before), "workspace changed: " << r.err);
}

}  // namespace

BOOST_AUTO_TEST_CASE(show_lays_the_proposal_under_an_empty_assessment_and_writes_nothing) {
  Workspace ws;
  const auto before = SnapshotFiles(ws.root());
  const json show = ws.Show();
  BOOST_TEST(show["stored"] == false);
  BOOST_TEST(show["state"] == "draft");
  BOOST_TEST(show["opinion"].is_null());
  const json& cp1 = CompetenceIn(show, "TP-00211-CP1");
  BOOST_TEST(cp1["decision"].is_null());
  BOOST_TEST(cp1["revision"] == 0);
  BOOST_TEST(cp1["proposal"]["status"].is_string());
  BOOST_TEST(BlocIn(show, "TP-00211-AT1")["targeted"] == true);
  BOOST_TEST(!fs::exists(ws.database()));
  BOOST_TEST((SnapshotFiles(ws.root()) == before));
  auto text = ws.Assess("show");
  BOOST_TEST(text.status == 0, text.err);
  BOOST_TEST(text.out.find("proposition automatique") != std::string::npos, text.out);
  BOOST_TEST(text.out.find("avis de l'accompagnateur : non donné") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_subcommand_round_trips_through_show_and_history) {
  Workspace ws;
  ExpectOk(ws.Assess("set",
                     "--competence cp3 --decision 'À compléter' --comment 'Réglage seul.' "
                     "--author martin"));
  ExpectOk(ws.Assess("evidence",
                     "--competence CP3 --passage 2 --reject --reason 'Travail du "
                     "chef.' --author martin"));
  ExpectOk(ws.Assess("bloc",
                     "--bloc AT2 --dispensed --comment 'Acquis par le CAP.' "
                     "--author martin"));
  ExpectOk(ws.Assess("opinion",
                     "--opinion défavorable --preconisations 'Décrire un réglage.' "
                     "--hours 24 --author martin"));
  ExpectOk(ws.Assess("share", "--author martin"));
  const json show = ws.Show();
  BOOST_TEST(show["stored"] == true);
  BOOST_TEST(show["state"] == "shared");
  BOOST_TEST(show["opinion"] == "unfavorable");
  BOOST_TEST(show["preconisations"] == "Décrire un réglage.");
  BOOST_TEST(show["planned_hours"] == 24);
  const json& cp3 = CompetenceIn(show, "TP-00211-CP3");
  BOOST_TEST(cp3["decision"] == "to_complete");
  BOOST_TEST(cp3["comment"] == "Réglage seul.");
  BOOST_TEST(cp3["revision"] == 1);
  bool judged = false;
  for (const json& e : cp3["evidence"])
    if (e["passage"] == 2) {
      judged = true;
      BOOST_TEST(e["verdict"] == "rejected");
      BOOST_TEST(e["reason"] == "Travail du chef.");
      BOOST_TEST(e["text"].get<std::string>().size() > 10u);
    }
  BOOST_TEST(judged);
  const json& at2 = BlocIn(show, "TP-00211-AT2");
  BOOST_TEST(at2["dispensed"] == true);
  BOOST_TEST(at2["targeted"] == false);
  const json history = ws.History();
  BOOST_TEST(history.size() == 12u, history.dump());
  BOOST_TEST(history[0]["author"] == "martin");
  BOOST_TEST(history[0]["field"] == "decision");
  BOOST_TEST(history[0]["before"].is_null());
  BOOST_TEST(history[0]["after"] == "to_complete");
  BOOST_TEST(history.back()["field"] == "state");
  BOOST_TEST(history.back()["after"] == "shared");
  auto text = ws.Assess("history");
  BOOST_TEST(text.out.find("décision : — → à compléter") != std::string::npos, text.out);
  BOOST_TEST(text.out.find("commentaire : — → « Réglage seul. »") != std::string::npos, text.out);
}

BOOST_AUTO_TEST_CASE(the_author_defaults_to_the_user_of_the_environment) {
  Workspace ws;
  ::setenv("USER", "claire", 1);
  ExpectOk(ws.Assess("set", "--competence CP1 --decision oui"));
  BOOST_TEST(ws.History()[0]["author"] == "claire");
}

BOOST_AUTO_TEST_CASE(a_conflicting_edit_is_refused_and_changes_nothing) {
  Workspace ws;
  ExpectOk(ws.Assess("set", "--competence CP1 --decision oui --revision 0 --author martin"));
  const auto before = SnapshotFiles(ws.root());
  // Bernard read revision 0 too.
  auto r = ws.Assess("set", "--competence CP1 --decision non --revision 0 --author bernard");
  ExpectRefused(ws, r, 1,
                {"conflit sur la compétence TP-00211-CP1",
                 "révision 1 a été enregistrée par martin", "rien n'a été modifié"},
                before);
  BOOST_TEST(CompetenceIn(ws.Show(), "TP-00211-CP1")["decision"] == "yes");
  ExpectOk(ws.Assess("set", "--competence CP1 --decision non --revision 1 --author bernard"));
  BOOST_TEST(CompetenceIn(ws.Show(), "TP-00211-CP1")["revision"] == 2);
}

BOOST_AUTO_TEST_CASE(bad_input_is_refused_in_french_with_the_workspace_unchanged) {
  Workspace ws;
  const auto fresh = SnapshotFiles(ws.root());
  ExpectRefused(ws, ws.Assess("set", "--competence CP99 --decision oui"), 1,
                {"compétence « CP99 » inconnue dans TP-00211", "CP1, CP2"}, fresh);
  ExpectRefused(ws, ws.Assess("set", "--competence CP1 --decision peut-être"), 1,
                {"décision « peut-être » inconnue", "« à compléter »"}, fresh);
  ExpectRefused(ws, ws.Assess("bloc", "--bloc AT9 --dispensed"), 1, {"bloc « AT9 » inconnu"},
                fresh);
  ExpectRefused(ws, ws.Assess("evidence", "--competence CP1 --passage 9999 --accept"), 1,
                {"n'a pas de passage 9999"}, fresh);
  ExpectRefused(ws, ws.Assess("evidence", "--competence CP1 --passage 2 --reject"), 2,
                {"demande un motif"}, fresh);
  ExpectRefused(ws, ws.Assess("opinion", "--hours -3"), 1, {"--hours attend un nombre entier"},
                fresh);
  ExpectRefused(ws, ws.Assess("opinion", "--opinion super"), 1, {"avis « super » inconnu"}, fresh);
  ExpectRefused(ws, ws.Assess("set", "--competence CP1 --comment \"$(printf '\\377\\376')\""), 1,
                {"pas de l'UTF-8 valide"}, fresh);
  ExpectRefused(ws,
                ws.Run("assess set --candidate inconnu --target TP-00211 --competence CP1 "
                       "--decision oui"),
                1, {"candidat « inconnu » absent"}, fresh);
  ExpectRefused(ws,
                ws.Run("assess set --candidate dupont --target TP-99999 --competence CP1 "
                       "--decision oui"),
                1, {"TP-99999"}, fresh);
  ExpectRefused(ws, ws.Assess("share", "--transmit"), 1, {"ne peut pas passer à l'état"}, fresh);
  ExpectRefused(ws, ws.Run("assess frobnicate" + kWho), 2, {"sous-commande inconnue"}, fresh);
  // Tried in memory first: a conflict on a workspace without database
  // leaves no empty database behind.
  ExpectRefused(ws, ws.Assess("set", "--competence CP1 --decision oui --revision 5"), 1,
                {"conflit sur la compétence TP-00211-CP1"}, fresh);
  BOOST_TEST(!fs::exists(ws.database()));
  // The same refusals once the database exists.
  ExpectOk(ws.Assess("set", "--competence CP1 --decision oui"));
  const auto stored = SnapshotFiles(ws.root());
  ExpectRefused(ws, ws.Assess("set", "--competence CP1 --decision peut-être"), 1,
                {"décision « peut-être » inconnue"}, stored);
  ExpectRefused(ws, ws.Assess("bloc", "--bloc AT1 --targeted --dispensed"), 1,
                {"un bloc dispensé n'est pas visé"}, stored);
}

BOOST_AUTO_TEST_CASE(a_database_of_a_newer_schema_is_refused_and_left_untouched) {
  Workspace ws;
  ExpectOk(ws.Assess("set", "--competence CP1 --decision oui"));
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(ws.database().c_str(), &db) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(db, "PRAGMA user_version = 2", nullptr, nullptr, nullptr) ==
                SQLITE_OK);
  sqlite3_close(db);
  const auto before = SnapshotFiles(ws.root());
  for (const char* sub : {"set", "show", "history"}) {
    auto r = ws.Assess(sub, std::string(sub) == "set" ? "--competence CP1 --decision non" : "");
    ExpectRefused(ws, r, 1, {"version plus récente de Passerelle", "la base n'a pas été modifiée"},
                  before);
  }
}

BOOST_AUTO_TEST_CASE(a_second_process_waits_for_the_first_then_succeeds) {
  Workspace ws;
  ExpectOk(ws.Assess("set", "--competence CP1 --decision oui"));
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(ws.database().c_str(), &db) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  const auto start = std::chrono::steady_clock::now();
  auto writer = std::async(std::launch::async, [&ws] {
    return ws.Assess("set", "--competence CP2 --decision partiellement --author bernard");
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  BOOST_TEST((writer.wait_for(std::chrono::seconds(0)) == std::future_status::timeout));
  BOOST_REQUIRE(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  const CommandResult r = writer.get();
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST((std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(1500)));
  BOOST_TEST(CompetenceIn(ws.Show(), "TP-00211-CP2")["decision"] == "partially");
}

BOOST_AUTO_TEST_CASE(a_verdict_on_a_passage_whose_text_changed_is_flagged) {
  Workspace ws;
  const fs::path file = ws.dir.path() / "livret.txt";
  WriteFile(file,
            "Je règle le tour à commande numérique et je contrôle les pièces.\n\n"
            "Je programme les cycles d'usinage.\n");
  ExpectOk(ws.Run("dossier add " + Quote(file.string()) + " --candidate durand"));
  const std::string who = " --candidate durand --target TP-00211 ";
  ExpectOk(ws.Run("assess evidence" + who + "--competence CP1 --passage 1 --accept"));
  auto judged = [&] {
    auto r = ws.Run("assess show" + who + "--json");
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
    const json show = json::parse(r.out);
    for (const json& e : CompetenceIn(show, "TP-00211-CP1")["evidence"])
      if (e["passage"] == 1 && e["verdict"] == "accepted") return e;
    throw std::runtime_error("verdict not shown: " + r.out);
  };
  BOOST_TEST(judged()["passage_changed"] == false);
  WriteFile(file, "J'ai tenu l'accueil d'un magasin.\n\nJe programme les cycles d'usinage.\n");
  ExpectOk(ws.Run("dossier add " + Quote(file.string()) + " --candidate durand"));
  BOOST_TEST(judged()["passage_changed"] == true);
  auto text = ws.Run("assess show" + who);
  BOOST_TEST(text.out.find("le passage a changé depuis : à relire") != std::string::npos, text.out);
}

// Starts `passerelle args…` with its output thrown away; its pid.
pid_t Spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  std::string binary = PASSERELLE_BINARY;
  argv.push_back(binary.data());
  std::vector<std::string> copy = args;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  BOOST_REQUIRE(rc == 0);
  return pid;
}

BOOST_AUTO_TEST_CASE(kill_9_during_writes_loses_nothing_reported_saved) {
  Workspace ws;
  ExpectOk(ws.Assess("set", "--competence CP1 --decision oui"));
  std::vector<std::string> reported;
  for (int i = 0; i < 24; ++i) {
    const std::string comment = "essai " + std::to_string(i);
    const pid_t pid =
        Spawn({"--workspace", ws.root().string(), "assess", "set", "--candidate", "dupont",
               "--target", "TP-00211", "--competence", "CP1", "--comment", comment});
    // From killing it at once to letting it finish (about 40 ms here).
    std::this_thread::sleep_for(std::chrono::milliseconds(i * 3));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) reported.push_back(comment);
  }
  BOOST_TEST_MESSAGE(reported.size() << " of 24 writes finished before kill -9");
  const json history = ws.History();  // the database opens and reads
  for (const std::string& comment : reported) {
    bool found = false;
    for (const json& e : history) found = found || e["after"] == comment;
    BOOST_TEST(found, comment << " reported saved but lost");
  }
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(ws.database().c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* check = nullptr;
  BOOST_REQUIRE(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &check, nullptr) == SQLITE_OK);
  BOOST_REQUIRE(sqlite3_step(check) == SQLITE_ROW);
  BOOST_TEST(std::string(reinterpret_cast<const char*>(sqlite3_column_text(check, 0))) == "ok");
  sqlite3_finalize(check);
  sqlite3_close(db);
  // Still writable afterwards.
  ExpectOk(ws.Assess("set", "--competence CP1 --comment fin"));
  BOOST_TEST(CompetenceIn(ws.Show(), "TP-00211-CP1")["comment"] == "fin");
}

BOOST_AUTO_TEST_CASE(help_gives_an_example_for_each_subcommand) {
  auto r = RunPasserelle("assess --help");
  BOOST_TEST(r.status == 0);
  for (const char* sub : {"show", "set", "evidence", "bloc", "opinion", "share", "history"})
    BOOST_TEST(
        r.out.find(std::string("passerelle assess ") + sub + " --candidate") != std::string::npos,
        sub);
}
