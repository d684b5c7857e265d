// passerelle suggest, and the "Ailleurs" section it gives the gap report:
// the development dossiers against the five referentiels.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "tests/pdf_inspect.h"
#include "tests/test_support.h"

using namespace passerelle::testing;

namespace {

std::string PdfText(const std::string& path) {
  return passerelle::testing::InspectPdf(ReadFile(path)).FlatText();
}

struct Workspace5 {
  TempDir dir;
  std::string ws;
  Workspace5() : ws((dir.path() / "ws").string()) {
    BOOST_REQUIRE_EQUAL(ImportFiveReferentiels(ws).status, 0);
    for (const char* d : {"v1_decolleteur", "v2_fraiseur_moules", "v3_cuisinier"}) {
      const auto file = SharedDir() / "dossiers" / (std::string(d) + ".txt");
      BOOST_REQUIRE_EQUAL(
          Run("dossier add " + Quote(file.string()) + " --candidate " + d).status, 0);
    }
  }
  CommandResult Run(const std::string& args) {
    return RunPasserelle("--workspace " + Quote(ws) + " " + args);
  }
  nlohmann::json Suggest(const std::string& candidate, const std::string& extra = "") {
    CommandResult r = Run("suggest --candidate " + candidate + " --json" + extra);
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
    return nlohmann::json::parse(r.out);
  }
};

}  // namespace

// The décolleteur checks "cotes" (dimensions); the web developer's fiche
// RNCP37674 says "composants métier coté serveur". The machining thesaurus
// serves mechanical trades only, so the two do not meet.
BOOST_AUTO_TEST_CASE(a_machinist_is_not_pointed_to_web_development) {
  Workspace5 w;
  const auto fiches = SharedDir() / "data" / "rncp-xml" / "selection-rncp-12-fiches.xml";
  BOOST_REQUIRE_EQUAL(w.Run("import " + Quote(fiches.string())).status, 0);
  auto turner = w.Suggest("v1_decolleteur");
  BOOST_REQUIRE(!turner["certifications"].empty());
  BOOST_CHECK_EQUAL(turner["certifications"][0]["id"], "TP-00211");
  for (const auto& c : turner["certifications"]) BOOST_CHECK_NE(c["id"], "RNCP37674");
  for (const auto& b : turner["blocs"])
    BOOST_CHECK_NE(b["id"].get<std::string>().rfind("RNCP37674", 0), 0u);
}

BOOST_AUTO_TEST_CASE(machinists_are_pointed_to_the_machining_title_and_the_right_bloc) {
  Workspace5 w;
  auto turner = w.Suggest("v1_decolleteur");
  BOOST_REQUIRE(!turner["certifications"].empty());
  BOOST_CHECK_EQUAL(turner["certifications"][0]["id"], "TP-00211");
  BOOST_CHECK_EQUAL(turner["blocs"][0]["id"], "TP-00211-AT1");  // the lathe bloc
  auto miller = w.Suggest("v2_fraiseur_moules");
  BOOST_CHECK_EQUAL(miller["blocs"][0]["id"], "TP-00211-AT2");  // the machining-centre bloc
  // Ranked by coverage, three strongest competences at most, covered first.
  for (const auto* list : {&turner["certifications"], &turner["blocs"]}) {
    double previous = 1.0;
    for (const auto& item : *list) {
      BOOST_CHECK_LE(item["coverage"].get<double>(), previous);
      BOOST_CHECK_GT(item["coverage"].get<double>(), 0.0);
      previous = item["coverage"];
      BOOST_CHECK_LE(item["strongest"].size(), 3u);
      for (const auto& c : item["strongest"]) BOOST_CHECK_NE(c["status"], "missing");
    }
  }
  BOOST_CHECK_EQUAL(turner["certifications"][0]["strongest"][0]["status"], "covered");
}

BOOST_AUTO_TEST_CASE(a_cook_is_suggested_no_machining_certification) {
  Workspace5 w;
  auto cook = w.Suggest("v3_cuisinier");
  BOOST_CHECK(cook["certifications"].empty());
  BOOST_CHECK(cook["blocs"].empty());
  BOOST_CHECK_EQUAL(cook["candidate"], "v3_cuisinier");
}

BOOST_AUTO_TEST_CASE(top_limits_both_lists) {
  Workspace5 w;
  auto j = w.Suggest("v1_decolleteur", " --top 2");
  BOOST_CHECK_LE(j["certifications"].size(), 2u);
  BOOST_CHECK_EQUAL(j["blocs"].size(), 2u);
  CommandResult text = w.Run("suggest --candidate v1_decolleteur");
  BOOST_CHECK_EQUAL(text.status, 0);
  BOOST_CHECK_NE(text.out.find("TP-00211"), std::string::npos);
  BOOST_CHECK_NE(text.out.find("Blocs"), std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_requests_fail_in_french) {
  Workspace5 w;
  CommandResult unknown = w.Run("suggest --candidate personne");
  BOOST_CHECK_NE(unknown.status, 0);
  BOOST_CHECK_NE(unknown.err.find("candidat « personne » absent"), std::string::npos);
  for (const char* top : {"0", "-3", "abc", "1000"}) {
    CommandResult r = w.Run(std::string("suggest --candidate v1_decolleteur --top ") + top);
    BOOST_CHECK_EQUAL(r.status, 2);
    BOOST_CHECK_NE(r.err.find("--top attend un nombre"), std::string::npos);
  }
  BOOST_CHECK_EQUAL(w.Run("suggest").status, 2);
}

BOOST_AUTO_TEST_CASE(gap_report_lists_what_the_dossier_covers_elsewhere) {
  Workspace5 w;
  const auto pdf = w.dir.path() / "rapport.pdf";
  CommandResult r = w.Run("report --candidate v1_decolleteur --target RNCP420 --date 2026-11-22 -o " +
                          Quote(pdf.string()));
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  const std::string text = PdfText(pdf.string());
  const size_t at = text.find("Ailleurs");
  BOOST_REQUIRE_NE(at, std::string::npos);
  const std::string section = text.substr(at);
  BOOST_CHECK_NE(section.find("TP-00211"), std::string::npos);
  BOOST_CHECK_EQUAL(section.find("RNCP420 —"), std::string::npos);  // not the target itself
  // A cook's report has no such section.
  CommandResult cook = w.Run("report --candidate v3_cuisinier --target TP-00211 --date 2026-11-22 -o " +
                             Quote((w.dir.path() / "cuisinier.pdf").string()));
  BOOST_REQUIRE_EQUAL(cook.status, 0);
  BOOST_CHECK_EQUAL(PdfText((w.dir.path() / "cuisinier.pdf").string()).find("Ailleurs"),
                    std::string::npos);
}

// Suggest, map and the gap report measure specificity on the same sample of
// the workspace, so a certification's coverage reads the same everywhere.
// Regression: suggest used its shortlist (active fiches only) as the corpus,
// and said 50 % where the map of the same target said 44 %.
BOOST_AUTO_TEST_CASE(suggest_coverage_is_the_coverage_map_gives) {
  Workspace5 w;
  std::string extracts;
  for (const auto& e : std::filesystem::directory_iterator(SharedDir() / "data" / "rncp-xml"))
    if (e.path().extension() == ".xml") extracts += " " + Quote(e.path().string());
  BOOST_REQUIRE_EQUAL(w.Run("import" + extracts).status, 0);
  const auto sample = SourceDir() / "examples" / "dossier-exemple.md";
  BOOST_REQUIRE_EQUAL(w.Run("dossier add " + Quote(sample.string()) + " --candidate ex").status, 0);
  for (const char* candidate : {"ex", "v1_decolleteur", "v2_fraiseur_moules"}) {
    auto suggested = w.Suggest(candidate, " --top 3");
    BOOST_REQUIRE(!suggested["certifications"].empty());
    for (const auto& cert : suggested["certifications"]) {
      const std::string id = cert["id"];
      CommandResult map = w.Run("map --candidate " + std::string(candidate) + " --target " + id +
                                " --json");
      BOOST_REQUIRE_MESSAGE(map.status == 0, map.err);
      BOOST_TEST_INFO(candidate << " " << id);
      BOOST_TEST(cert["coverage"].get<double>() ==
                 nlohmann::json::parse(map.out)["coverage"].get<double>());
    }
  }
}
