// Replays the regression corpus of the fuzz harnesses in the normal build:
// every input a harness ever failed on (fuzz/regressions/<reader>/) and the
// committed seeds (fuzz/seeds/<reader>/) must pass the same checks the
// harnesses make (fuzz/fuzz_checks.h).
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>

#include "fuzz/fuzz_checks.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace passerelle::testing;

namespace {

size_t Replay(const char* folder) {
  size_t replayed = 0;
  for (const passerelle::fuzz::Reader& reader : passerelle::fuzz::Readers()) {
    const fs::path dir = SourceDir() / "fuzz" / folder / reader.name;
    if (!fs::exists(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
      const std::string error = reader.check(ReadFile(entry.path()));
      BOOST_TEST(error.empty(), reader.name << " " << entry.path().filename() << ": " << error);
      ++replayed;
    }
  }
  return replayed;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_input_the_fuzzers_failed_on_now_holds) {
  BOOST_TEST(Replay("regressions") > 0u);
}

BOOST_AUTO_TEST_CASE(the_committed_seeds_hold) { BOOST_TEST(Replay("seeds") > 0u); }

// The real documents the harnesses start from hold too: the round trip
// (read, canonical XML, read again, same certification) on real fiches and
// REAC, canonical files and dossiers.
BOOST_AUTO_TEST_CASE(the_real_seed_documents_hold) {
  auto check = [](const char* reader, const fs::path& file) {
    const std::string error = passerelle::fuzz::FindReader(reader)->check(ReadFile(file));
    BOOST_TEST(error.empty(), reader << " " << file.filename() << ": " << error);
  };
  for (const auto& e : fs::directory_iterator(SharedDir() / "referentiels")) {
    const std::string name = e.path().filename().string();
    check(name.rfind("tp", 0) == 0 ? "reac_text" : "rncp_text", e.path());
  }
  for (const auto& e : fs::directory_iterator(SharedDir() / "referentiels-extra"))
    check("reac_text", e.path());
  for (const auto& e : fs::directory_iterator(SourceDir() / "referentiels"))
    if (e.path().extension() == ".xml") check("canonical_xml", e.path());
  for (const auto& e : fs::directory_iterator(SourceDir() / "tests" / "data" / "dossiers"))
    check("dossier_text", e.path());
  check("opendata_xml", SharedDir() / "data" / "rncp-xml" / "export-fiches-rncp-extract.xml");
}

BOOST_AUTO_TEST_CASE(every_reader_of_the_issue_has_a_harness) {
  for (const char* name : {"rncp_text", "reac_text", "opendata_xml", "canonical_xml", "docx", "odt",
                           "pdf_text", "dossier_text", "search_query"})
    BOOST_TEST(passerelle::fuzz::FindReader(name) != nullptr, name);
}
