// End-to-end: a REAC with CCS and transversal competences, its standalone
// RE imported before or after it, and the active status of the register.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace passerelle::testing;

namespace {

std::string Fixture(const std::string& name) {
  return (SourceDir() / "tests" / "data" / "reac" / name).string();
}

std::string Ws(const TempDir& dir) { return "--workspace " + Quote((dir.path() / "ws").string()); }

json RunJson(const std::string& args) {
  auto r = RunPasserelle(args);
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  return json::parse(r.out);
}

// The fixture REAC with CP3's criteria taken out, written in `dir`: a REAC
// whose criteria are in its RE.
std::string ReacWithoutCp3Criteria(const TempDir& dir) {
  std::string text = ReadFile(Fixture("reac-ccs-jardinier.txt"));
  const std::string criteria = "La hauteur de coupe est adaptée.\nLes bordures sont nettes.\n";
  const size_t at = text.find(criteria);
  BOOST_REQUIRE(at != std::string::npos);
  text.erase(at, criteria.size());
  const std::string path = (dir.path() / "reac-jardinier.txt").string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// The certification files of the workspace, by file name.
std::map<std::string, std::string> Certifications(const TempDir& dir) {
  std::map<std::string, std::string> out;
  for (const auto& [path, content] : SnapshotFiles(dir.path() / "ws" / "certifications"))
    out[fs::path(path).filename().string()] = content;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(show_lists_ccs_apart_and_transversal_competences) {
  TempDir dir;
  auto r = RunPasserelle(Ws(dir) + " import " + Quote(Fixture("reac-ccs-jardinier.txt")));
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  // The titre's own ATs and CPs are counted; its CCS are told apart.
  BOOST_TEST(r.out.find("2 blocs, 7 compétences, plus 2 CCS (4 compétences)") != std::string::npos,
             r.out);
  const json list = RunJson(Ws(dir) + " certifications --json");
  BOOST_REQUIRE(list.size() == 1u);
  BOOST_TEST(list[0]["blocs"] == 2);
  BOOST_TEST(list[0]["competences"] == 7);
  auto show = RunPasserelle(Ws(dir) + " show TP-77701");
  BOOST_REQUIRE(show.status == 0);
  BOOST_TEST(show.out.find("CCS1 Élaguer des arbres d’ornement (certificat "
                           "complémentaire de spécialisation") != std::string::npos,
             show.out);
  BOOST_TEST(show.out.find("Compétences transversales de l'emploi") != std::string::npos);
  BOOST_TEST(show.out.find("CT2  Appliquer les règles de sécurité du chantier") !=
             std::string::npos);
  const json j = RunJson(Ws(dir) + " show TP-77701 --json");
  BOOST_TEST(j["blocs"][2]["kind"] == "ccs");
  BOOST_TEST(j["blocs"][0]["kind"] == "standard");
  BOOST_TEST(j["transversal_competences"].size() == 2u);
  BOOST_TEST(j["competences"].size() == 11u);
}

BOOST_AUTO_TEST_CASE(re_before_or_after_its_reac_gives_the_same_graph) {
  TempDir after, before, together;
  const std::string reac = ReacWithoutCp3Criteria(after);
  const std::string re = Quote(Fixture("re-jardinier.txt"));
  // REAC, then RE.
  auto r = RunPasserelle(Ws(after) + " import " + Quote(reac));
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  r = RunPasserelle(Ws(after) + " import " + re);
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("RE de TP-77701") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("fusionné dans TP-77701") != std::string::npos, r.out);
  // RE alone: it waits, no certification is created.
  r = RunPasserelle(Ws(before) + " import " + re);
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("en attente") != std::string::npos, r.out);
  BOOST_TEST(RunJson(Ws(before) + " certifications --json").empty());
  BOOST_TEST(Certifications(before).empty());
  r = RunPasserelle(Ws(before) + " import " + Quote(reac));
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  // Both at once, RE first on the command line.
  r = RunPasserelle(Ws(together) + " import " + re + " " + Quote(reac) + " --json");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  const json summary = json::parse(r.out);
  BOOST_TEST(summary["supplements"][0]["status"] == "merged");
  BOOST_TEST(summary["supplements"][0]["kind"] == "re");

  const json graph = RunJson(Ws(after) + " show TP-77701 --json");
  BOOST_TEST(graph["competences"][2]["criteria"].size() == 3u);  // CP3, from the RE
  BOOST_TEST(graph["blocs"][0]["durations"].size() == 2u);
  BOOST_TEST((Certifications(after) == Certifications(before)));
  BOOST_TEST((Certifications(after) == Certifications(together)));
  // Importing the REAC again keeps what the RE added.
  r = RunPasserelle(Ws(after) + " import " + Quote(reac));
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("inchangée") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(certifications_derive_the_active_status) {
  CliWorkspace ws;
  auto table = ws.Run("certifications");
  BOOST_REQUIRE(table.status == 0);
  BOOST_TEST(table.out.find("?") == std::string::npos, table.out);
  BOOST_TEST(table.out.find("remplacée par RNCP35697") != std::string::npos, table.out);
  BOOST_TEST(table.out.find("inconnue (fiche texte sans statut)") != std::string::npos);
  const json list = json::parse(ws.Run("certifications --json").out);
  std::map<std::string, json> by_id;
  for (const json& c : list) by_id[c["id"]] = c;
  BOOST_TEST(by_id["RNCP420"]["status"] == "replaced");
  BOOST_TEST(by_id["RNCP420"]["active"] == false);
  BOOST_TEST(by_id["RNCP420"]["replaced_by"] == json::array({"RNCP35697"}));
  BOOST_TEST(by_id["RNCP35697"]["status"] == "active");
  BOOST_TEST(by_id["TP-00211"]["status"] == "unknown");
  BOOST_TEST(by_id["TP-00211"]["active"].is_null());
  const json active = json::parse(ws.Run("certifications --active --json").out);
  for (const json& c : active) BOOST_TEST(c["id"] != "RNCP420");
  BOOST_TEST(active.size() == 4u);
  auto show = ws.Run("show RNCP420");
  BOOST_TEST(show.out.find("statut : remplacée par RNCP35697") != std::string::npos, show.out);
}

BOOST_AUTO_TEST_CASE(coverage_of_a_titre_counts_its_own_activites_types) {
  TempDir dir;
  auto r = RunPasserelle(Ws(dir) + " import " + Quote(Fixture("reac-ccs-jardinier.txt")));
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  const std::string dossier = (dir.path() / "dossier.txt").string();
  std::ofstream(dossier) << "Je grimpe dans les arbres avec une corde de rappel et je choisis les "
                            "points d'ancrage ; je vérifie mes équipements de protection contre "
                            "les chutes.\n\nJe tonds les pelouses et je règle la hauteur de "
                            "coupe de la tondeuse selon la saison.\n";
  auto text = RunPasserelle(Ws(dir) + " map " + Quote(dossier) + " --target TP-77701");
  BOOST_REQUIRE_MESSAGE(text.status == 0, text.err);
  BOOST_TEST(text.out.find(" sur 7\n") != std::string::npos, text.out);
  BOOST_TEST(
      text.out.find("certificat complémentaire de spécialisation, hors couverture du titre") !=
          std::string::npos,
      text.out);
  const json m = RunJson(Ws(dir) + " map " + Quote(dossier) + " --target TP-77701 --json");
  // The seven competences of the two activités types, not the CCS's four.
  BOOST_TEST(m["covered"].get<int>() + m["partial"].get<int>() + m["missing"].get<int>() == 7);
  BOOST_TEST(m["competences"].size() == 11u);
  BOOST_REQUIRE(m["blocs"].size() == 4u);
  BOOST_TEST(m["blocs"][2]["kind"] == "ccs");
  BOOST_TEST(m["blocs"][2]["covered"].get<int>() + m["blocs"][2]["partial"].get<int>() +
                 m["blocs"][2]["missing"].get<int>() ==
             2);
}

// TP-00211 cut where its RE starts: the REAC and the RE imported as two
// documents, in either order, give the graph of the whole document.
BOOST_AUTO_TEST_CASE(tp00211_reac_and_re_apart_give_the_whole_document) {
  const std::string whole = ReadFile(SharedDir() / "referentiels" /
                                     "tp00211-reac-re-technicien-usinage-assiste-ordinateur.txt");
  const size_t cut = whole.find(" REFERENTIEL D’EVALUATION");
  BOOST_REQUIRE(cut != std::string::npos);
  TempDir files, reac_first, re_first, together;
  const std::string reac = (files.path() / "tp00211-reac.txt").string();
  const std::string re = (files.path() / "tp00211-re.txt").string();
  std::ofstream(reac, std::ios::binary) << whole.substr(0, cut);
  std::ofstream(re, std::ios::binary) << whole.substr(cut);
  for (const auto& [dir, order] : std::vector<std::pair<const TempDir*, std::vector<std::string>>>{
           {&reac_first, {reac, re}}, {&re_first, {re, reac}}}) {
    for (const std::string& file : order) {
      auto r = RunPasserelle(Ws(*dir) + " import " + Quote(file));
      BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
    }
  }
  auto r = RunPasserelle(Ws(together) + " import " +
                         Quote((SharedDir() / "referentiels" /
                                "tp00211-reac-re-technicien-usinage-assiste-ordinateur.txt")
                                   .string()));
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_TEST((Certifications(reac_first) == Certifications(re_first)));
  json apart = RunJson(Ws(reac_first) + " show TP-00211 --json");
  json one = RunJson(Ws(together) + " show TP-00211 --json");
  BOOST_TEST(apart["blocs"][2]["durations"].size() == 3u);
  BOOST_TEST(apart["dates"]["effet"] == "2020-12-08");
  BOOST_TEST(apart["formacodes"].size() == 5u);
  BOOST_TEST(apart == one);
}
