// What a new user reads on the terminal (cli/display.h and the commands
// using it): short identifiers in columns sized to them, wrapping at the
// width instead of cutting, --all, a shared competence printed once,
// identifiers in any case, nearest ids and known candidates on a typo,
// search syntax errors with their position, highlights without markers.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <sstream>

#include "engine/text.h"
#include "test_support.h"

using namespace passerelle;
using namespace passerelle::testing;

namespace {

// The five referentiels and the sample dossier of examples/.
struct SampleWorkspace {
  CliWorkspace ws{/*with_open_data=*/false};
  SampleWorkspace() {
    const std::string dossier = (SourceDir() / "examples" / "dossier-exemple.md").string();
    const CommandResult r = ws.Run("dossier add " + Quote(dossier) + " --candidate exemple");
    if (r.status != 0) throw std::runtime_error(r.err);
  }
};

const CliWorkspace& Ws() {
  static const SampleWorkspace sample;
  return sample.ws;
}

bool Has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Runs with $COLUMNS set (standard output is a file, not a terminal).
CommandResult RunAtWidth(const std::string& args, int columns) {
  setenv("COLUMNS", std::to_string(columns).c_str(), 1);
  CommandResult r = Ws().Run(args);
  unsetenv("COLUMNS");
  return r;
}

// Where the second column starts on every line that starts with `prefix`
// (the labels are ASCII): all equal when the columns are aligned.
std::vector<size_t> SecondColumns(const std::string& out, const std::string& prefix) {
  std::vector<size_t> columns;
  for (const std::string& line : Lines(out)) {
    if (!line.starts_with(prefix)) continue;
    size_t i = 2;
    while (i < line.size() && line[i] != ' ') ++i;
    while (i < line.size() && line[i] == ' ') ++i;
    columns.push_back(i);
  }
  return columns;
}

}  // namespace

BOOST_AUTO_TEST_CASE(map_shows_short_ids_in_columns_sized_to_them) {
  // RNCP19166 has no blocs: its invented bloc gives BC00-C1 … BC00-C10.
  const CommandResult r = Ws().Run("map --candidate exemple --target RNCP19166");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_TEST(!Has(r.out, "RNCP19166BC00"), r.out);
  BOOST_TEST(Has(r.out, "  BC00-C10 "), r.out);
  // A competence of a fiche without criteria is its own only point: it is
  // on the line already, not repeated as "à montrer".
  BOOST_TEST(!Has(r.out, "à montrer : La conduite des opérations d’usinage"), r.out);
  const std::vector<size_t> columns = SecondColumns(r.out, "  BC00-C");
  BOOST_REQUIRE(columns.size() >= 10u);
  for (size_t c : columns) BOOST_TEST(c == columns.front(), r.out);
  // The CQPM's capacités keep their official numbers, as in show.
  const CommandResult cqpm = Ws().Run("map --candidate exemple --target RNCP28243");
  BOOST_REQUIRE_MESSAGE(cqpm.status == 0, cqpm.err);
  BOOST_TEST(Has(cqpm.out, "\n  C7 "), cqpm.out);
  const CommandResult show = Ws().Run("show RNCP28243");
  BOOST_TEST(Has(show.out, "    C7 "), show.out);
  BOOST_TEST(!Has(show.out, "RNCP28243BC03-C"), show.out);
}

BOOST_AUTO_TEST_CASE(json_keeps_full_ids) {
  const CommandResult r = Ws().Run("map --candidate exemple --target RNCP19166 --json");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_TEST(Has(r.out, "\"RNCP19166BC00-C10\""), r.out);
}

BOOST_AUTO_TEST_CASE(map_wraps_at_the_width_and_all_prints_everything) {
  const CommandResult r = RunAtWidth("map --candidate exemple --target TP-00211", 60);
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  for (const std::string& line : Lines(r.out)) {
    // A line longer than the width is one word that cannot be broken.
    if (Utf8Length(line) > 60)
      BOOST_TEST(line.substr(line.find_first_not_of(' ')).find(' ') == std::string::npos, line);
    BOOST_TEST(!Has(line, "(--json)"), line);
  }
  BOOST_TEST(Has(r.out, "(--all pour tout afficher)"), r.out);
  const CommandResult all = RunAtWidth("map --candidate exemple --target TP-00211 --all", 60);
  BOOST_REQUIRE_MESSAGE(all.status == 0, all.err);
  BOOST_TEST(!Has(all.out, "autres points"), all.out);
  BOOST_TEST(Lines(all.out).size() > Lines(r.out).size());
  // Piped without $COLUMNS: titles whole on their line, never cut.
  const CommandResult piped = Ws().Run("map --candidate exemple --target TP-00211");
  BOOST_TEST(Has(piped.out, "Réaliser l'usinage de pièces unitaires ou de petites séries sur un "
                            "tour à commande numérique\n"),
             piped.out);
}

BOOST_AUTO_TEST_CASE(a_shared_competence_is_detailed_once) {
  // CP3 belongs to AT1 and AT2.
  const CommandResult r = Ws().Run("map --candidate exemple --target TP-00211");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_TEST(Has(r.out, "commune avec AT2 : détaillée ici une seule fois"), r.out);
  BOOST_TEST(Has(r.out, "commune avec AT1 : son détail est plus haut"), r.out);
  const size_t at2 = r.out.find("\nAT2 ");
  const std::string in_at2 = r.out.substr(at2, r.out.find("\nAT3 ") - at2);
  const std::string cp3 = in_at2.substr(in_at2.find("  CP3 "));
  BOOST_TEST(!Has(cp3, "preuve"), cp3);
}

BOOST_AUTO_TEST_CASE(show_details_a_shared_competence_once) {
  const CommandResult r = Ws().Run("show TP-00211");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_TEST(Has(r.out, "(commune avec AT1 : son détail est plus haut)"), r.out);
  const size_t second = r.out.find("\n  AT2 ");
  BOOST_REQUIRE(second != std::string::npos);
  const std::string at2 = r.out.substr(second, r.out.find("\n  AT3 ") - second);
  const std::string cp3 = at2.substr(at2.find("    CP3 "));
  BOOST_TEST(!Has(cp3, "Critères de performance"), cp3);
}

BOOST_AUTO_TEST_CASE(certification_ids_in_any_case_and_nearest_ids) {
  const CommandResult lower = Ws().Run("map --candidate exemple --target tp-00211");
  BOOST_TEST(lower.status == 0, lower.err);
  BOOST_TEST(Has(lower.out, "TP-00211 — "), lower.out);
  BOOST_TEST(Ws().Run("show rncp420").status == 0);
  const CommandResult typo = Ws().Run("map --candidate exemple --target TP-00212");
  BOOST_TEST(typo.status == 1);
  BOOST_TEST(Has(typo.err, "certification « TP-00212 » absente"), typo.err);
  BOOST_TEST(Has(typo.err, "la plus proche : TP-00211"), typo.err);
  const CommandResult far = Ws().Run("show RS999999");
  BOOST_TEST(far.status == 1);
  BOOST_TEST(Has(far.err, "passerelle certifications les liste toutes"), far.err);
  const CommandResult compare = Ws().Run("compare tp-00211 rncp28243");
  BOOST_TEST(compare.status == 0, compare.err);
}

BOOST_AUTO_TEST_CASE(an_unknown_candidate_lists_the_known_ones) {
  const CommandResult r = Ws().Run("map --candidate exempel --target TP-00211");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(Has(r.err, "candidat « exempel » absent de l'index"), r.err);
  BOOST_TEST(Has(r.err, "le plus proche : exemple"), r.err);
  BOOST_TEST(Has(r.err, "candidats indexés : exemple"), r.err);
  const CommandResult search = Ws().Run("search mors --candidate personne");
  BOOST_TEST(search.status == 1);
  BOOST_TEST(Has(search.err, "candidats indexés : exemple"), search.err);
}

BOOST_AUTO_TEST_CASE(search_syntax_error_is_an_error_with_its_position) {
  const CommandResult r = Ws().Run("search 'usinage AND ('");
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.out.empty(), r.out);
  BOOST_TEST(Has(r.err, "caractère 13"), r.err);
  BOOST_TEST(Has(r.err, "usinage AND (\n              ^"), r.err);
}

BOOST_AUTO_TEST_CASE(search_highlights_have_no_markers_off_a_terminal) {
  const CommandResult r = Ws().Run("search mors");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_TEST(Has(r.out, "mors"), r.out);
  BOOST_TEST(!Has(r.out, "**"), r.out);
  BOOST_TEST(!Has(r.out, "\033["), r.out);
  const CommandResult json = Ws().Run("search mors --json");
  BOOST_TEST(Has(json.out, "**mors**"), json.out);
}

BOOST_AUTO_TEST_CASE(compare_and_suggest_show_short_ids) {
  const CommandResult r = Ws().Run("compare TP-00211 RNCP28243");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_TEST(!Has(r.out, "TP-00211-CP"), r.out);
  BOOST_TEST(Has(r.out, "\n  CP1 "), r.out);
  BOOST_TEST(Has(r.out, "→ RNCP28243 C"), r.out);
  const CommandResult s = Ws().Run("suggest --candidate exemple");
  BOOST_REQUIRE_MESSAGE(s.status == 0, s.err);
  BOOST_TEST(!Has(s.out, "TP-00211-AT"), s.out);
  BOOST_TEST(Has(s.out, "TP-00211 AT1"), s.out);
  BOOST_TEST(Has(s.out, "examinées sur 5 dans l'espace de travail"), s.out);
  BOOST_TEST(!Has(s.out, " couvert,"), s.out);  // the competences' word is feminine
}

BOOST_AUTO_TEST_CASE(search_highlights_in_bold_on_a_terminal) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) return;  // util-linux absent
  TempDir dir;
  const auto log = dir.path() / "terminal.log";
  const std::string command = std::string(PASSERELLE_BINARY) + " " + Ws().Flag() + " search mors";
  const std::string run =
      "script -qec " + Quote(command) + " " + Quote(log.string()) + " >/dev/null 2>&1 </dev/null";
  BOOST_REQUIRE(std::system(run.c_str()) == 0);
  const std::string terminal = ReadFile(log);
  BOOST_TEST(Has(terminal, "\033[1mmors\033[0m"), terminal);
  BOOST_TEST(!Has(terminal, "**"), terminal);
}
