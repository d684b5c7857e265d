// End-to-end tests of the passerelle command: the real binary on the real
// documents of ../shared and on broken inputs.
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace passerelle::testing;

namespace {

std::string Referentiel(const std::string& name) {
  return (SharedDir() / "referentiels" / name).string();
}

std::string AllReferentiels() {
  std::string args;
  for (const char* f : {"rncp19166-btm-technicien-mecanique-precision.txt",
                        "rncp28243-cqpm-technicien-usinage-mocn.txt",
                        "rncp35697-bacpro-technicien-realisation-produits-mecaniques.txt",
                        "rncp420-bacpro-technicien-usinage.txt",
                        "tp00211-reac-re-technicien-usinage-assiste-ordinateur.txt"})
    args += " " + Quote(Referentiel(f));
  return args;
}

std::string Ws(const TempDir& dir) { return "--workspace " + Quote((dir.path() / "ws").string()); }

// Every file of the workspace with its content.
std::map<std::string, std::string> Snapshot(const TempDir& dir) {
  return SnapshotFiles(dir.path() / "ws");
}

struct ImportedWorkspace {
  TempDir dir;
  ImportedWorkspace() {
    auto r = RunPasserelle(Ws(dir) + " import" + AllReferentiels());
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  }
};

json ShowJson(const TempDir& dir, const std::string& id) {
  auto r = RunPasserelle(Ws(dir) + " show " + id + " --json");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  return json::parse(r.out);
}

void ExpectRefused(const std::string& file_args, const std::string& file_name,
                   const std::string& expected_words) {
  ImportedWorkspace ws;
  const auto before = Snapshot(ws.dir);
  auto r = RunPasserelle(Ws(ws.dir) + " import " + file_args);
  BOOST_TEST(r.status != 0);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(r.err.find(file_name) != std::string::npos, r.err);
  BOOST_TEST(r.err.find(expected_words) != std::string::npos, r.err);
  BOOST_TEST((Snapshot(ws.dir) == before));
}

}  // namespace

BOOST_AUTO_TEST_CASE(help_is_french_with_examples) {
  auto main_help = RunPasserelle("--help");
  BOOST_TEST(main_help.status == 0);
  BOOST_TEST(main_help.out.find("Commandes") != std::string::npos);
  for (const char* cmd : {"import", "certifications", "show"}) {
    auto r = RunPasserelle(std::string(cmd) + " --help");
    BOOST_TEST(r.status == 0);
    BOOST_TEST(r.out.find("Exemple") != std::string::npos, cmd);
  }
  auto unknown = RunPasserelle("frobnicate");
  BOOST_TEST(unknown.status == 2);
  BOOST_TEST(unknown.err.find("commande inconnue") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(imports_the_five_documents) {
  TempDir dir;
  auto r = RunPasserelle(Ws(dir) + " import" + AllReferentiels());
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  size_t added = 0;
  for (size_t p = r.out.find("ajoutée"); p != std::string::npos; p = r.out.find("ajoutée", p + 1))
    ++added;
  BOOST_TEST(added == 5u);
  BOOST_TEST(r.out.find("TP-00211") != std::string::npos);
  BOOST_TEST(r.out.find("3 blocs, 9 compétences") != std::string::npos, r.out);

  auto list = RunPasserelle(Ws(dir) + " certifications --json");
  BOOST_REQUIRE(list.status == 0);
  json certs = json::parse(list.out);
  BOOST_REQUIRE(certs.size() == 5u);
  std::map<std::string, json> by_id;
  for (const json& c : certs) by_id[c["id"]] = c;
  BOOST_TEST(by_id["TP-00211"]["blocs"] == 3);
  BOOST_TEST(by_id["TP-00211"]["competences"] == 9);
  BOOST_TEST(by_id["TP-00211"]["kind"] == "TP");
  BOOST_TEST(by_id["RNCP35697"]["blocs"] == 15);
  BOOST_TEST(by_id["RNCP420"]["blocs"] == 14);
  BOOST_TEST(by_id["RNCP28243"]["blocs"] == 3);
  BOOST_TEST(by_id["RNCP19166"]["competences"] >= 10);
}

BOOST_AUTO_TEST_CASE(show_gives_the_whole_tree) {
  ImportedWorkspace ws;
  json tp = ShowJson(ws.dir, "TP-00211");
  BOOST_TEST(tp["level"] == 4);
  BOOST_REQUIRE(tp["blocs"].size() == 3u);
  BOOST_TEST(tp["blocs"][0]["id"] == "TP-00211-AT1");
  BOOST_TEST(tp["blocs"][0]["competences"].size() == 3u);
  BOOST_TEST(tp["blocs"][2]["competences"].size() == 4u);
  json cp3;
  for (const json& c : tp["competences"])
    if (c["id"] == "TP-00211-CP3") cp3 = c;
  BOOST_REQUIRE(!cp3.is_null());
  BOOST_TEST(cp3["blocs"] == json({"TP-00211-AT1", "TP-00211-AT2"}));
  BOOST_TEST(!cp3["criteria"].empty());
  BOOST_TEST(!cp3["savoir_faire"].empty());
  BOOST_TEST(!cp3["savoirs"].empty());
  const bool has_rome = std::find(tp["rome"].begin(), tp["rome"].end(), "H2503") != tp["rome"].end();
  BOOST_TEST(has_rome);

  json bac = ShowJson(ws.dir, "RNCP35697");
  BOOST_TEST(bac["replaces"] == json({"RNCP420", "RNCP422", "RNCP792"}));
  BOOST_TEST(bac["blocs"][0]["competences"][1] == "RNCP35697BC01-C2");
  // The old fiche does not say it was replaced: the graph makes it symmetric.
  json old = ShowJson(ws.dir, "RNCP420");
  BOOST_TEST(old["replaced_by"] == json({"RNCP35697"}));
  BOOST_TEST(old["blocs"][0]["unit"] == "U31");

  json btm = ShowJson(ws.dir, "RNCP19166");
  BOOST_REQUIRE(btm["blocs"].size() == 1u);
  BOOST_TEST(btm["blocs"][0]["implicit"] == true);

  auto text = RunPasserelle(Ws(ws.dir) + " show TP-00211");
  BOOST_TEST(text.status == 0);
  BOOST_TEST(text.out.find("Critères de performance") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(importing_twice_gives_the_same_graph) {
  ImportedWorkspace ws;
  const auto before = Snapshot(ws.dir);
  auto again = RunPasserelle(Ws(ws.dir) + " import" + AllReferentiels() + " --json");
  BOOST_REQUIRE(again.status == 0);
  json out = json::parse(again.out);
  for (const json& item : out["imported"]) BOOST_TEST(item["status"] == "unchanged");
  BOOST_TEST((Snapshot(ws.dir) == before));
}

BOOST_AUTO_TEST_CASE(workspace_files_are_private) {
  ImportedWorkspace ws;
  struct stat st;
  BOOST_REQUIRE(::stat((ws.dir.path() / "ws" / "certifications" / "TP-00211.xml").c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 0777) == 0600u);
  BOOST_REQUIRE(::stat((ws.dir.path() / "ws" / "certifications").c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 0777) == 0700u);
}

BOOST_AUTO_TEST_CASE(unknown_certification) {
  ImportedWorkspace ws;
  auto r = RunPasserelle(Ws(ws.dir) + " show RNCP99999");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("RNCP99999") != std::string::npos);
  auto bad = RunPasserelle(Ws(ws.dir) + " show banane");
  BOOST_TEST(bad.status == 1);
  BOOST_TEST(bad.err.find("banane") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(empty_file_is_refused) {
  TempDir tmp;
  WriteFile(tmp.path() / "vide.txt", "");
  ExpectRefused(Quote((tmp.path() / "vide.txt").string()), "vide.txt", "vide");
}

BOOST_AUTO_TEST_CASE(binary_garbage_is_refused) {
  TempDir tmp;
  std::string garbage;
  for (int i = 0; i < 5000; ++i) garbage.push_back(static_cast<char>((i * 131 + 7) % 256));
  WriteFile(tmp.path() / "photo.jpg", garbage);
  ExpectRefused(Quote((tmp.path() / "photo.jpg").string()), "photo.jpg", "binaire");
}

BOOST_AUTO_TEST_CASE(document_of_unknown_kind_is_refused) {
  TempDir tmp;
  WriteFile(tmp.path() / "recette.txt",
            "Tarte aux pommes\n\nÉplucher les pommes, étaler la pâte, cuire 30 minutes.\n");
  ExpectRefused(Quote((tmp.path() / "recette.txt").string()), "recette.txt", "type de document inconnu");
}

BOOST_AUTO_TEST_CASE(truncated_pdf_is_refused) {
  TempDir tmp;
  const std::string text = ReadFile(Referentiel("rncp420-bacpro-technicien-usinage.txt"));
  const std::string pdf = MakePdf({text.substr(0, 3000)});
  WriteFile(tmp.path() / "fiche.pdf", pdf.substr(0, pdf.size() * 2 / 3));
  ExpectRefused(Quote((tmp.path() / "fiche.pdf").string()), "fiche.pdf", "PDF");
}

BOOST_AUTO_TEST_CASE(missing_file_is_refused) {
  ExpectRefused("/nonexistent/fiche.txt", "fiche.txt", "introuvable");
}

BOOST_AUTO_TEST_CASE(one_bad_file_means_nothing_is_imported) {
  TempDir tmp;
  WriteFile(tmp.path() / "vide.txt", "");
  TempDir dir;
  auto r = RunPasserelle(Ws(dir) + " import " +
                         Quote(Referentiel("rncp420-bacpro-technicien-usinage.txt")) + " " +
                         Quote((tmp.path() / "vide.txt").string()));
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("rien n'a été importé") != std::string::npos);
  BOOST_TEST(Snapshot(dir).empty());
}

BOOST_AUTO_TEST_CASE(windows_1252_text_imports_like_utf8) {
  TempDir tmp;
  // Re-encode the UTF-8 fiche to Windows-1252 with iconv.
  const fs::path legacy = tmp.path() / "rncp420-cp1252.txt";
  const std::string cmd = "iconv -f UTF-8 -t WINDOWS-1252//TRANSLIT " +
                          Quote(Referentiel("rncp420-bacpro-technicien-usinage.txt")) + " > " +
                          Quote(legacy.string());
  BOOST_REQUIRE(std::system(cmd.c_str()) == 0);
  TempDir a, b;
  BOOST_REQUIRE(RunPasserelle(Ws(a) + " import " + Quote(legacy.string())).status == 0);
  BOOST_REQUIRE(
      RunPasserelle(Ws(b) + " import " + Quote(Referentiel("rncp420-bacpro-technicien-usinage.txt")))
          .status == 0);
  json from_legacy = ShowJson(a, "RNCP420");
  json from_utf8 = ShowJson(b, "RNCP420");
  BOOST_TEST(from_legacy["blocs"] == from_utf8["blocs"]);
  BOOST_TEST(from_legacy["title"] == from_utf8["title"]);
  BOOST_TEST(from_legacy["competences"].size() == from_utf8["competences"].size());
}

BOOST_AUTO_TEST_CASE(pdf_of_a_fiche_imports_like_its_text) {
  TempDir tmp;
  const std::string text = ReadFile(Referentiel("rncp420-bacpro-technicien-usinage.txt"));
  // Pages of 70 lines, as the PDF had.
  std::vector<std::string> pages(1);
  size_t lines = 0;
  for (char c : text) {
    pages.back().push_back(c);
    if (c == '\n' && ++lines % 70 == 0) pages.emplace_back();
  }
  WriteFile(tmp.path() / "rncp420.pdf", MakePdf(pages));
  TempDir dir;
  auto r = RunPasserelle(Ws(dir) + " import " + Quote((tmp.path() / "rncp420.pdf").string()));
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  json fiche = ShowJson(dir, "RNCP420");
  std::vector<size_t> counts;
  for (const json& b : fiche["blocs"]) counts.push_back(b["competences"].size());
  BOOST_TEST((counts == std::vector<size_t>{5, 3, 3, 3, 2, 2, 5, 5, 5, 3, 4, 4, 3, 5}));
  // The stored source says the text came from a PDF (docs/referentiel-format.md).
  const std::string stored = ReadFile(dir.path() / "ws" / "certifications" / "RNCP420.xml");
  BOOST_TEST(stored.find("format=\"rncp-text+pdf\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(second_writer_is_refused_while_locked) {
  TempDir dir;
  fs::create_directories(dir.path() / "ws");
  // Hold the lock with flock(1) while importing.
  const std::string lock = Quote((dir.path() / "ws" / "lock").string());
  const std::string cmd = "flock -n " + lock + " " + Quote(PASSERELLE_BINARY) + " " + Ws(dir) +
                          " import " + Quote(Referentiel("rncp420-bacpro-technicien-usinage.txt")) +
                          " >/dev/null 2>" + Quote((dir.path() / "err").string());
  int raw = std::system(cmd.c_str());
  BOOST_TEST(raw != 0);
  BOOST_TEST(ReadFile(dir.path() / "err").find("autre processus") != std::string::npos);
}
