// End-to-end tests of `passerelle import` on France Compétences' open-data
// export, of the filters of `certifications` and of `show` on the graph it
// makes: the real binary on the real extracts of ../shared/data/rncp-xml and
// on damaged exports written by the tests.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "importers/zip_archive.h"
#include "opendata_fixtures.h"
#include "test_support.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace passerelle;
using namespace passerelle::testing;

namespace {

std::string Data(const std::string& name) {
  return (SharedDir() / "data" / "rncp-xml" / name).string();
}

std::string AllExports() {
  return " " + Quote(Data("export-fiches-rncp-extract.xml")) + " " +
         Quote(Data("selection-rncp-12-fiches.xml")) + " " +
         Quote(Data("selection-rs-8-fiches.xml"));
}

std::string Ws(const TempDir& dir) { return "--workspace " + Quote((dir.path() / "ws").string()); }

std::map<std::string, std::string> Snapshot(const TempDir& dir) {
  return SnapshotFiles(dir.path() / "ws");
}

json RunJson(const std::string& args) {
  auto r = RunPasserelle(args);
  BOOST_REQUIRE_MESSAGE(r.status == 0, args + "\n" + r.err);
  return json::parse(r.out);
}

struct ImportedRegister {
  TempDir dir;
  json summary;
  ImportedRegister() { summary = RunJson(Ws(dir) + " import" + AllExports() + " --json"); }
  std::set<std::string> Ids(const std::string& filters) {
    std::set<std::string> ids;
    for (const json& c : RunJson(Ws(dir) + " certifications --json " + filters))
      ids.insert(c["id"].get<std::string>());
    return ids;
  }
};

using Ids = std::set<std::string>;

// An import of `file_args` into a workspace holding the extract must fail
// with `words` in its message and leave every file as it was.
void ExpectRefused(const std::string& file_args, const std::vector<std::string>& words) {
  TempDir dir;
  BOOST_REQUIRE(
      RunPasserelle(Ws(dir) + " import " + Quote(Data("export-fiches-rncp-extract.xml"))).status ==
      0);
  const auto before = Snapshot(dir);
  auto r = RunPasserelle(Ws(dir) + " import " + file_args);
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.out.empty());
  for (const std::string& w : words) BOOST_TEST(r.err.find(w) != std::string::npos, r.err);
  BOOST_TEST(r.err.find("rien n'a été importé") != std::string::npos, r.err);
  BOOST_TEST((Snapshot(dir) == before));
}

}  // namespace

BOOST_AUTO_TEST_CASE(imports_the_real_exports_with_a_summary) {
  ImportedRegister reg;
  const json& s = reg.summary;
  BOOST_REQUIRE(s["exports"].size() == 3u);
  BOOST_TEST(s["exports"][1]["fiches"] == 12);
  BOOST_TEST(s["exports"][1]["flux"] == "4.1");
  BOOST_TEST(s["summary"]["added"] == 22);
  BOOST_TEST(s["summary"]["deactivated"] == 0);
  BOOST_TEST(s["deactivated"].empty());
  auto text = RunPasserelle(Ws(reg.dir) + " import" + AllExports());
  BOOST_REQUIRE(text.status == 0);
  BOOST_TEST(text.out.find("12 fiches — 0 ajoutée(s), 0 mise(s) à jour, 12 inchangée(s)") !=
                 std::string::npos,
             text.out);
  BOOST_TEST(text.out.find("Bilan : 0 ajoutée(s), 0 mise(s) à jour, 22 inchangée(s), 0 "
                           "désactivée(s)") != std::string::npos,
             text.out);
  BOOST_TEST(text.err.empty());  // no progress line: stdout is not a terminal
}

BOOST_AUTO_TEST_CASE(reimporting_the_same_exports_changes_no_file) {
  ImportedRegister reg;
  const auto before = Snapshot(reg.dir);
  json again = RunJson(Ws(reg.dir) + " import" + AllExports() + " --json");
  BOOST_TEST(again["summary"]["unchanged"] == 22);
  BOOST_TEST((Snapshot(reg.dir) == before));
}

BOOST_AUTO_TEST_CASE(certifications_filters) {
  ImportedRegister reg;
  BOOST_TEST(reg.Ids("").size() == 22u);
  BOOST_TEST(reg.Ids("--active").size() == 16u);
  BOOST_TEST((reg.Ids("--rome M1805 --active") ==
              Ids{"RNCP36490", "RNCP37674", "RNCP37873", "RNCP40792"}));
  BOOST_TEST(reg.Ids("--rome m18").size() == 7u);  // a prefix, any case
  BOOST_TEST(reg.Ids("--nsf 326").size() == 11u);  // 326, 326t, 326m
  BOOST_TEST((reg.Ids("--nsf 326T") == Ids{"RNCP35959", "RNCP36490", "RNCP37674", "RNCP37873"}));
  BOOST_TEST((reg.Ids("--level 7") == Ids{"RNCP34762", "RNCP35419", "RNCP35625", "RNCP39568"}));
  BOOST_TEST((reg.Ids("--search " + Quote("développeur web")) == Ids{"RNCP35959", "RNCP37674"}));
  // French analysis: plural, no accent, any case.
  BOOST_TEST((reg.Ids("--search DEVELOPPEURS") ==
              Ids{"RNCP35959", "RNCP36490", "RNCP37674", "RNCP37873"}));
  BOOST_TEST((reg.Ids("--level 5 --search développeur") == Ids{"RNCP35959", "RNCP37674"}));
  BOOST_TEST(reg.Ids("--search " + Quote("repérage amiante")).size() == 2u);
  auto none = RunPasserelle(Ws(reg.dir) + " certifications --level 8");
  BOOST_TEST(none.status == 0);
  BOOST_TEST(none.out.find("Aucune certification ne correspond") != std::string::npos);
  auto bad = RunPasserelle(Ws(reg.dir) + " certifications --level 9");
  BOOST_TEST(bad.status == 2);
  BOOST_TEST(bad.err.find("--level") != std::string::npos);
  BOOST_TEST(RunPasserelle(Ws(reg.dir) + " certifications --search " + Quote("les de")).status ==
             2);
}

BOOST_AUTO_TEST_CASE(show_gives_state_abbreviation_links_and_correspondences) {
  ImportedRegister reg;
  json bts = RunJson(Ws(reg.dir) + " show RNCP35340 --json");
  BOOST_TEST(bts["abbreviation"] == "BTS");
  BOOST_TEST(bts["state"] == "Publiée");
  BOOST_TEST(bts["active"] == false);
  BOOST_TEST(bts["level"] == 5);
  BOOST_TEST(bts["vae"] == true);
  BOOST_TEST(bts["replaces"] == json({"RNCP17108"}));
  BOOST_TEST(bts["replaced_by"] == json({"RNCP40792"}));
  BOOST_TEST(bts["dates"]["effet"] == "2020-09-01");
  json newer = RunJson(Ws(reg.dir) + " show RNCP40792 --json");
  BOOST_TEST(newer["replaces"] == json({"RNCP35340"}));
  BOOST_TEST(newer["active"] == true);
  BOOST_TEST(newer["blocs"][0]["competences"].size() == 6u);
  BOOST_TEST(newer["competences"][0]["savoir_faire"].size() == 6u);
  // Correspondences declared by RNCP36490, seen from RNCP35419 too.
  json declared = RunJson(Ws(reg.dir) + " show RNCP36490 --json");
  BOOST_TEST(declared["correspondences"].size() == 30u);  // 20 declarations, several blocs each
  json seen = RunJson(Ws(reg.dir) + " show RNCP35419 --json");
  const json expected = json::parse(R"([
    {"bloc":"RNCP35419BC03","to_certification":"RNCP36490","to_bloc":"RNCP36490BC03"},
    {"bloc":"RNCP35419BC04","to_certification":"RNCP36490","to_bloc":"RNCP36490BC02"},
    {"bloc":"RNCP35419BC04","to_certification":"RNCP36490","to_bloc":"RNCP36490BC03"}])");
  BOOST_TEST(seen["correspondences"] == expected);
  json web = RunJson(Ws(reg.dir) + " show RNCP37674 --json");
  BOOST_TEST(web["correspondences"][0]["bloc"].is_null());  // the whole fiche
  json rs = RunJson(Ws(reg.dir) + " show RS5719 --json");
  BOOST_TEST(rs["blocs"][0]["implicit"] == true);
  BOOST_TEST(rs["blocs"][0]["id"] == "RS5719BC00");
  BOOST_TEST(rs["level"].is_null());
  auto text = RunPasserelle(Ws(reg.dir) + " show RNCP35419");
  BOOST_TEST(text.out.find("Correspondances officielles") != std::string::npos);
  BOOST_TEST(text.out.find("RNCP35419BC04 ↔ RNCP36490BC02") != std::string::npos, text.out);
}

BOOST_AUTO_TEST_CASE(a_newer_export_deactivates_the_fiches_it_no_longer_holds) {
  TempDir dir;
  BOOST_REQUIRE(RunPasserelle(Ws(dir) + " import" + AllExports()).status == 0);
  // The newer RNCP export: the extract without RNCP40792, plus a fiche read
  // from a text fiche, which no export can deactivate.
  std::string extract = ReadFile(Data("export-fiches-rncp-extract.xml"));
  const size_t second = extract.find("<FICHE>", extract.find("</FICHE>"));
  extract.erase(second, extract.find("</FICHE>", second) + 8 - second);
  WriteFile(dir.path() / "newer.xml", extract);
  BOOST_REQUIRE(
      RunPasserelle(
          Ws(dir) + " import " +
          Quote((SharedDir() / "referentiels" / "rncp420-bacpro-technicien-usinage.txt").string()))
          .status == 0);
  json r = RunJson(Ws(dir) + " import " + Quote((dir.path() / "newer.xml").string()) + " --json");
  BOOST_TEST(r["summary"]["unchanged"] == 1);
  // Every active RNCP fiche of the earlier exports but RNCP35340 (already
  // inactive... and still there) is deactivated; RS fiches and RNCP420 are not.
  const std::set<std::string> deactivated(r["deactivated"].begin(), r["deactivated"].end());
  BOOST_TEST(deactivated.count("RNCP40792"));
  BOOST_TEST(!deactivated.count("RNCP35340"));
  BOOST_TEST(!deactivated.count("RNCP34762"));  // already inactive
  BOOST_TEST(!deactivated.count("RNCP420"));
  BOOST_TEST(deactivated.size() == 10u);
  BOOST_TEST(r["summary"]["deactivated"] == 10);
  BOOST_TEST(RunJson(Ws(dir) + " show RNCP40792 --json")["active"] == false);
  BOOST_TEST(RunJson(Ws(dir) + " show RS5719 --json")["active"] == true);
  BOOST_TEST(RunJson(Ws(dir) + " certifications --json").size() == 23u);  // nothing deleted
}

BOOST_AUTO_TEST_CASE(skipped_and_duplicated_fiches_are_in_the_summary) {
  TempDir dir;
  WriteFile(dir.path() / "export.xml", ExportXml({FicheXml("RNCP1", "Première"),
                                                  "  <FICHE><INTITULE>Sans numéro</INTITULE>"
                                                  "</FICHE>\n",
                                                  FicheXml("RNCP1", "Seconde")}));
  const std::string file = Quote((dir.path() / "export.xml").string());
  json r = RunJson(Ws(dir) + " import " + file + " --json");
  BOOST_TEST(r["summary"]["added"] == 1);
  BOOST_TEST(r["summary"]["skipped"] == 1);
  BOOST_TEST(r["exports"][0]["skipped"][0]["position"] == 2);
  BOOST_TEST(r["exports"][0]["skipped"][0]["line"] == 18);
  BOOST_TEST(r["exports"][0]["skipped"][0]["reason"] == "sans NUMERO_FICHE");
  BOOST_TEST(r["exports"][0]["duplicates"][0]["id"] == "RNCP1");
  BOOST_TEST(r["exports"][0]["duplicates"][0]["positions"] == json({1, 3}));
  BOOST_TEST(RunJson(Ws(dir) + " show RNCP1 --json")["title"] == "Seconde");
  auto text = RunPasserelle(Ws(dir) + " import " + file);
  BOOST_TEST(text.out.find("fiche n° 2 (ligne 18) : sans NUMERO_FICHE") != std::string::npos,
             text.out);
  BOOST_TEST(text.out.find("RNCP1 : fiches n° 1 3") != std::string::npos, text.out);
}

BOOST_AUTO_TEST_CASE(the_zip_as_downloaded_imports_like_its_xml) {
  TempDir dir;
  auto zip = WriteZip(
      {{"export_fiches_RNCP_V4_1.xml", ReadFile(Data("export-fiches-rncp-extract.xml")), 6}});
  BOOST_REQUIRE(zip.ok());
  WriteFile(dir.path() / "export.zip", *zip);
  json r = RunJson(Ws(dir) + " import " + Quote((dir.path() / "export.zip").string()) + " --json");
  BOOST_TEST(r["summary"]["added"] == 2);
  BOOST_TEST(RunJson(Ws(dir) + " show RNCP40792 --json")["replaces"] == json({"RNCP35340"}));
}

BOOST_AUTO_TEST_CASE(a_truncated_export_is_refused_with_line_and_element) {
  TempDir tmp;
  const std::string xml = ReadFile(Data("selection-rncp-12-fiches.xml"));
  WriteFile(tmp.path() / "tronque.xml", xml.substr(0, xml.size() / 2));
  ExpectRefused(Quote((tmp.path() / "tronque.xml").string()),
                {"tronque.xml", "tronqué", "ligne", "FICHE"});
}

BOOST_AUTO_TEST_CASE(a_malformed_export_is_refused_with_line_and_element) {
  TempDir tmp;
  std::string xml = ReadFile(Data("selection-rncp-12-fiches.xml"));
  const size_t at = xml.find("</LIBELLE>", xml.find("RNCP36612BC02"));
  xml.replace(at, 10, "</LIBELE>");
  WriteFile(tmp.path() / "abime.xml", xml);
  const size_t line = 1 + std::count(xml.begin(), xml.begin() + at, '\n');
  ExpectRefused(Quote((tmp.path() / "abime.xml").string()),
                {"abime.xml", "ligne " + std::to_string(line),
                 "BLOCS_COMPETENCES > BLOC_COMPETENCES > LIBELLE"});
}

BOOST_AUTO_TEST_CASE(an_xml_bomb_is_refused) {
  TempDir tmp;
  std::string entities = "<!DOCTYPE FICHES [\n<!ENTITY a0 \"ha\">\n";
  for (int i = 1; i < 10; ++i)
    entities += "<!ENTITY a" + std::to_string(i) + " \"" + std::string(10, '&') + "\">\n";
  entities += "]>\n";
  WriteFile(tmp.path() / "bombe.xml", ExportXml({FicheXml("RNCP1", "&a9;")}, entities));
  ExpectRefused(Quote((tmp.path() / "bombe.xml").string()), {"bombe.xml", "ligne 2", "bombe XML"});
}

BOOST_AUTO_TEST_CASE(a_zip_that_is_not_an_export_is_refused) {
  TempDir tmp;
  auto zip = WriteZip({{"lisezmoi.txt", "Ceci n'est pas un export.", 6},
                       {"autre.xml", "<?xml version=\"1.0\"?><racine/>", 6}});
  BOOST_REQUIRE(zip.ok());
  WriteFile(tmp.path() / "archive.zip", *zip);
  ExpectRefused(Quote((tmp.path() / "archive.zip").string()),
                {"archive.zip", "ne contient pas d'export France Compétences"});
}

BOOST_AUTO_TEST_CASE(progress_is_drawn_on_a_terminal_only) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) return;  // util-linux absent
  TempDir dir;
  const auto log = dir.path() / "terminal.log";
  const std::string command = std::string(PASSERELLE_BINARY) + " " + Ws(dir) + " import " +
                              Quote(Data("selection-rncp-12-fiches.xml"));
  const std::string run =
      "script -qec " + Quote(command) + " " + Quote(log.string()) + " >/dev/null 2>&1 </dev/null";
  BOOST_REQUIRE(std::system(run.c_str()) == 0);
  const std::string terminal = ReadFile(log);
  BOOST_TEST(terminal.find("12 / ~12 fiches · ") != std::string::npos, terminal);
  BOOST_TEST(terminal.find("fiches/s") != std::string::npos);
  const std::string json_run = "script -qec " + Quote(command + " --json") + " " +
                               Quote(log.string()) + " >/dev/null 2>&1 </dev/null";
  BOOST_REQUIRE(std::system(json_run.c_str()) == 0);
  BOOST_TEST(ReadFile(log).find("fiches/s") == std::string::npos);
}
