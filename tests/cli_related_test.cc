// `passerelle related` end to end: a workspace holding the five official
// documents and the open-data extracts (renewals, declared correspondences,
// other trades), its JSON and text, and bad command lines.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "test_support.h"

using nlohmann::json;
using namespace passerelle::testing;

namespace {

const CliWorkspace& Ws() {
  static const CliWorkspace ws(/*with_open_data=*/true);
  return ws;
}

bool Has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

json Related(const std::string& args) {
  const CommandResult r = Ws().Run("related " + args + " --json");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  return json::parse(r.out);
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_renewal_comes_first) {
  const json j = Related("RNCP420");
  BOOST_TEST(j["certification"] == "RNCP420");
  BOOST_REQUIRE(!j["related"].empty());
  const json& first = j["related"][0];
  BOOST_TEST(first["id"] == "RNCP35697");
  BOOST_TEST(first["official"][0] == "replaced_by");
  BOOST_TEST(first["score"].get<double>() >= 0.5);
  const json back = Related("RNCP35697");
  BOOST_TEST(back["related"][0]["id"] == "RNCP420");
  BOOST_TEST(back["related"][0]["official"][0] == "replaces");
}

BOOST_AUTO_TEST_CASE(a_renewal_with_the_same_content_scores_near_one) {
  const json j = Related("RNCP35340 --top 3");
  BOOST_REQUIRE(!j["related"].empty());
  const json& first = j["related"][0];
  BOOST_TEST(first["id"] == "RNCP40792");
  BOOST_TEST(first["content"].get<double>() >= 0.9);
  BOOST_TEST(first["same_nsf"] == true);
  BOOST_TEST(first["shared_rome"].size() == 3u);
  BOOST_TEST(j["related"].size() <= 3u);
}

BOOST_AUTO_TEST_CASE(the_same_trade_before_other_trades) {
  const json j = Related("TP-00211 --top 4");
  std::set<std::string> top;
  for (const json& r : j["related"]) top.insert(r["id"]);
  for (const char* machining : {"RNCP420", "RNCP28243", "RNCP19166", "RNCP35697"})
    BOOST_TEST(top.count(machining) == 1u, machining);
  double previous = 2;
  for (const json& r : j["related"]) {
    BOOST_TEST(r["score"].get<double>() <= previous);
    previous = r["score"].get<double>();
    for (const char* key :
         {"id", "title", "score", "official", "shared_rome", "same_nsf", "content"})
      BOOST_TEST(r.contains(key), key);
  }
}

BOOST_AUTO_TEST_CASE(text_is_french) {
  const CommandResult r = Ws().Run("related RNCP420 --top 2");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_TEST(Has(r.out, "Certifications proches de RNCP420"), r.out);
  BOOST_TEST(Has(r.out, "elle est remplacée par celle-ci"), r.out);
}

BOOST_AUTO_TEST_CASE(bad_command_lines_are_refused) {
  const CommandResult unknown = Ws().Run("related RNCP99999");
  BOOST_TEST(unknown.status == 1);
  BOOST_TEST(Has(unknown.err, "RNCP99999"), unknown.err);
  for (const char* args : {"related", "related RNCP420 TP-00211"}) {
    const CommandResult r = Ws().Run(args);
    BOOST_TEST(r.status == 2, args);
    BOOST_TEST(Has(r.err, "indiquez une certification"), r.err);
  }
  for (const char* top : {"0", "abc", "101", "-3"}) {
    const CommandResult r = Ws().Run(std::string("related RNCP420 --top=") + top);
    BOOST_TEST(r.status == 2, top);
    BOOST_TEST(Has(r.err, "--top"), r.err);
  }
  const CommandResult help = RunPasserelle("related --help");
  BOOST_TEST(help.status == 0);
  BOOST_TEST(Has(help.out, "Exemples"));
}
