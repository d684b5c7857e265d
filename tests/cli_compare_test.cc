// `passerelle compare` end to end: the real binary on a workspace holding
// the five official documents, its JSON and text, and bad command lines.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

using nlohmann::json;
using namespace passerelle::testing;

namespace {

const CliWorkspace& Ws() {
  static const CliWorkspace ws(/*with_open_data=*/false);
  return ws;
}

bool Has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(json_of_a_renewal) {
  const CommandResult r = Ws().Run("compare RNCP420 RNCP35697 --json");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_TEST(r.err.empty());
  const json j = json::parse(r.out);
  BOOST_TEST(j["a"] == "RNCP420");
  BOOST_TEST(j["b"] == "RNCP35697");
  BOOST_REQUIRE(j["official"].size() == 1u);
  BOOST_TEST(j["official"][0]["type"] == "replaced_by");
  BOOST_TEST(j["official"][0]["from"] == "RNCP420");
  BOOST_TEST(j["official"][0]["to"] == "RNCP35697");
  BOOST_TEST(j["coverage_a_by_b"].get<double>() > 0.5);
  BOOST_TEST(j["coverage_b_by_a"].get<double>() > 0.5);
  for (const json& b : j["blocs"])
    if (b["id"] == "RNCP420BC08") {  // Mathématiques, word for word
      BOOST_TEST(b["best"] == "RNCP35697BC04");
      BOOST_TEST(b["score"].get<double>() >= 0.9);
    }
}

BOOST_AUTO_TEST_CASE(json_of_the_reverse_says_replaces) {
  const CommandResult r = Ws().Run("compare RNCP35697 RNCP420 --json");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  const json j = json::parse(r.out);
  BOOST_REQUIRE(j["official"].size() == 1u);
  BOOST_TEST(j["official"][0]["type"] == "replaces");
}

BOOST_AUTO_TEST_CASE(text_is_french) {
  const CommandResult r = Ws().Run("compare TP-00211 RNCP420");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_TEST(Has(r.out, "Couverture de A par B"), r.out);
  BOOST_TEST(Has(r.out, "Liens officiels : aucun"), r.out);
  BOOST_TEST(Has(r.out, "Élaborer un programme avec un logiciel de FAO"), r.out);
  BOOST_TEST((Has(r.out, "équivalente") || Has(r.out, "proche")), r.out);
}

BOOST_AUTO_TEST_CASE(help_lists_compare) {
  const CommandResult main_help = RunPasserelle("--help");
  BOOST_TEST(Has(main_help.out, "compare"));
  const CommandResult r = RunPasserelle("compare --help");
  BOOST_TEST(r.status == 0);
  BOOST_TEST(Has(r.out, "Exemples"));
}

BOOST_AUTO_TEST_CASE(unknown_certification_is_named) {
  const CommandResult r = Ws().Run("compare RNCP420 RNCP99999");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(Has(r.err, "RNCP99999"), r.err);
  BOOST_TEST(Has(r.err, "absente"), r.err);
}

BOOST_AUTO_TEST_CASE(malformed_id_is_named) {
  const CommandResult r = Ws().Run("compare 'pas un id' RNCP420");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Has(r.err, "pas un id"), r.err);
}

BOOST_AUTO_TEST_CASE(same_certification_twice_is_refused) {
  const CommandResult r = Ws().Run("compare RNCP420 RNCP420");
  BOOST_TEST(r.status == 2);
  BOOST_TEST(Has(r.err, "même certification"), r.err);
}

BOOST_AUTO_TEST_CASE(missing_arguments_are_refused) {
  for (const char* args : {"compare", "compare RNCP420", "compare A B C"}) {
    const CommandResult r = Ws().Run(args);
    BOOST_TEST(r.status == 2, args);
    BOOST_TEST(Has(r.err, "deux certifications"), r.err);
  }
  const CommandResult option = Ws().Run("compare RNCP420 TP-00211 --frobnicate");
  BOOST_TEST(option.status == 2);
  BOOST_TEST(Has(option.err, "option inconnue"), option.err);
}

BOOST_AUTO_TEST_CASE(bad_thesaurus_is_named) {
  const CommandResult r = Ws().Run("compare RNCP420 TP-00211 --thesaurus /nonexistent/t.txt");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Has(r.err, "/nonexistent/t.txt"), r.err);
}

BOOST_AUTO_TEST_CASE(writes_the_equivalence_report) {
  TempDir out;
  const std::string pdf = (out.path() / "equivalences.pdf").string();
  const CommandResult r =
      Ws().Run("compare TP-00211 RNCP28243 -o " + Quote(pdf) + " --date 2025-01-15");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_TEST(Has(r.out, "Rapport d'équivalence écrit"), r.out);
  BOOST_TEST(ReadFile(pdf).rfind("%PDF-", 0) == 0u);
  // --json with -o: the JSON on stdout and the report on disk.
  const CommandResult both = Ws().Run("compare TP-00211 RNCP28243 --json -o " + Quote(pdf));
  BOOST_REQUIRE_MESSAGE(both.status == 0, both.err);
  BOOST_TEST(json::parse(both.out)["a"] == "TP-00211");
}

BOOST_AUTO_TEST_CASE(report_in_a_missing_folder_is_refused) {
  TempDir out;
  const std::string pdf = (out.path() / "absent" / "eq.pdf").string();
  const CommandResult r = Ws().Run("compare TP-00211 RNCP28243 -o " + Quote(pdf));
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Has(r.err, pdf), r.err);
  const CommandResult date = Ws().Run("compare TP-00211 RNCP28243 -o " +
                                      Quote((out.path() / "eq.pdf").string()) + " --date hier");
  BOOST_TEST(date.status == 1);
  BOOST_TEST(Has(date.err, "date"), date.err);
}
