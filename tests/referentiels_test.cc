// The canonical files committed in referentiels/ are exactly what the
// importers make of the raw documents in ../shared/referentiels.
// Regenerate them with scripts/refresh-referentiels.sh.
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace passerelle::testing;

BOOST_AUTO_TEST_CASE(committed_referentiels_match_a_fresh_import) {
  TempDir dir;
  std::string args = " --workspace " + Quote((dir.path() / "ws").string()) + " import";
  size_t raw = 0;
  for (const auto& entry : fs::directory_iterator(SharedDir() / "referentiels")) {
    args += " " + Quote(entry.path().string());
    ++raw;
  }
  BOOST_REQUIRE(raw == 5u);
  auto r = RunPasserelle(args);
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);

  size_t compared = 0;
  for (const auto& entry : fs::directory_iterator(dir.path() / "ws" / "certifications")) {
    const fs::path committed = SourceDir() / "referentiels" / entry.path().filename();
    BOOST_REQUIRE_MESSAGE(fs::exists(committed),
                          committed.string() + " missing: run scripts/refresh-referentiels.sh");
    BOOST_TEST((ReadFile(entry.path()) == ReadFile(committed)),
               committed.string() + " is stale: run scripts/refresh-referentiels.sh");
    ++compared;
  }
  BOOST_TEST(compared == 5u);
}

BOOST_AUTO_TEST_CASE(committed_referentiels_import_as_they_are) {
  TempDir dir;
  std::string args = " --workspace " + Quote((dir.path() / "ws").string()) + " import";
  for (const auto& entry : fs::directory_iterator(SourceDir() / "referentiels"))
    if (entry.path().extension() == ".xml") args += " " + Quote(entry.path().string());
  auto r = RunPasserelle(args);
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  for (const auto& entry : fs::directory_iterator(dir.path() / "ws" / "certifications"))
    BOOST_TEST((ReadFile(entry.path()) ==
                ReadFile(SourceDir() / "referentiels" / entry.path().filename())));
}
