#include "engine/dossier_search.h"

#include <boost/test/unit_test.hpp>
#include <map>

#include "test_support.h"

using namespace passerelle;
using passerelle::testing::TempDir;

namespace {

struct Fixture {
  TempDir dir;
  FrenchAnalyzer analyzer;
  std::unique_ptr<DossierIndex> index;
  Fixture() {
    auto opened = DossierIndex::OpenForWriting(dir.path().string());
    BOOST_REQUIRE(opened.ok());
    index = std::move(opened).value();
    Add("dupont", {"Je controle les pièces au micromètre.",
                   "Les cotes ont été contrôlées et le programme contrôlé.",
                   "Je serre la pièce dans des mors doux sur le tour.",
                   "J'aime programmer les cycles en langage ISO.",
                   "La mise en oeuvre du montage d'usinage."});
    Add("martin", {"Je dresse les assiettes, les mors ne sont pas doux.",
                   "Je règle le four et je programme les cuissons."});
  }
  void Add(const std::string& candidate, const std::vector<std::string>& texts) {
    std::vector<PassageInput> passages;
    uint32_t n = 0;
    for (const std::string& t : texts) passages.push_back({++n, 0, 0, "", t});
    CandidateSummary summary{candidate, candidate + ".txt", "text", n, 40};
    BOOST_REQUIRE(index->AddDossier(candidate, summary, passages, analyzer).ok());
  }
  std::vector<uint32_t> Paragraphs(const std::string& query, const std::string& candidate = "") {
    SearchOptions options;
    options.candidate = candidate;
    auto r = SearchDossiers(*index, analyzer, query, options);
    BOOST_REQUIRE_MESSAGE(r.ok(), r.status().message());
    std::vector<uint32_t> out;
    for (const SearchHit& h : r->hits)
      if (h.passage.candidate == "dupont") out.push_back(h.passage.paragraph);
    std::sort(out.begin(), out.end());
    return out;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(accents_and_inflections_meet, Fixture) {
  BOOST_TEST((Paragraphs("contrôle") == std::vector<uint32_t>{1, 2}));
}

BOOST_FIXTURE_TEST_CASE(elision_in_query, Fixture) {
  BOOST_TEST((Paragraphs("l'usinage") == std::vector<uint32_t>{5}));
}

BOOST_FIXTURE_TEST_CASE(programmation_finds_programmer, Fixture) {
  // "programme" (paragraph 2) shares the stem too.
  BOOST_TEST((Paragraphs("programmation") == std::vector<uint32_t>{2, 4}));
}

BOOST_FIXTURE_TEST_CASE(phrase_needs_adjacent_words, Fixture) {
  SearchOptions options;
  auto r = SearchDossiers(*index, analyzer, "\"mors doux\"", options);
  BOOST_REQUIRE(r.ok());
  BOOST_REQUIRE(r->hits.size() == 1u);  // not martin's "mors ne sont pas doux"
  BOOST_TEST(r->hits[0].passage.paragraph == 3u);
  BOOST_TEST(r->hits[0].snippet.find("**mors** **doux**") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(oe_ligature_meets, Fixture) {
  BOOST_TEST((Paragraphs("œuvre") == std::vector<uint32_t>{5}));
}

BOOST_FIXTURE_TEST_CASE(boolean_operators_and_prefix, Fixture) {
  BOOST_TEST((Paragraphs("micromètre OR ISO") == std::vector<uint32_t>{1, 4}));
  BOOST_TEST((Paragraphs("contrôle NOT micromètre") == std::vector<uint32_t>{2}));
  BOOST_TEST((Paragraphs("micro*") == std::vector<uint32_t>{1}));
  BOOST_TEST((Paragraphs("pièce tour") == std::vector<uint32_t>{3}));
}

BOOST_FIXTURE_TEST_CASE(candidate_filter_and_replacement, Fixture) {
  SearchOptions only_martin;
  only_martin.candidate = "martin";
  auto r = SearchDossiers(*index, analyzer, "programme", only_martin);
  BOOST_REQUIRE(r.ok());
  BOOST_REQUIRE(r->hits.size() == 1u);
  BOOST_TEST(r->hits[0].passage.candidate == "martin");
  Add("martin", {"Nouvelle version du dossier."});
  BOOST_TEST(index->PassagesOf("martin")->size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(remove_really_deletes, Fixture) {
  BOOST_REQUIRE(index->RemoveCandidate("dupont").ok());
  BOOST_TEST(!index->HasCandidate("dupont"));
  BOOST_TEST(Paragraphs("micromètre").empty());
  BOOST_TEST(index->Candidates()->size() == 1u);
  auto again = index->RemoveCandidate("dupont");
  BOOST_TEST((again.kind() == Status::Kind::kNotFound));
}

BOOST_FIXTURE_TEST_CASE(second_writer_is_refused, Fixture) {
  auto second = DossierIndex::OpenForWriting(dir.path().string());
  BOOST_TEST(!second.ok());
  BOOST_TEST(second.status().message().find("autre processus") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(query_of_stop_words_only_is_refused, Fixture) {
  auto r = SearchDossiers(*index, analyzer, "le la les", {});
  BOOST_TEST(!r.ok());
}

BOOST_FIXTURE_TEST_CASE(words_matched_by_a_prefix_are_highlighted, Fixture) {
  auto snippets = [this](const std::string& query) {
    SearchOptions options;
    options.candidate = "dupont";
    auto r = SearchDossiers(*index, analyzer, query, options);
    BOOST_REQUIRE_MESSAGE(r.ok(), r.status().message());
    std::map<uint32_t, std::string> out;
    for (const SearchHit& h : r->hits) out[h.passage.paragraph] = h.snippet;
    return out;
  };
  auto usin = snippets("usin*");
  BOOST_REQUIRE(usin.count(5));
  BOOST_TEST(usin[5] == "La mise en oeuvre du montage d'**usinage**.");
  // The stem is shorter than the prefix typed: "programmer" and "programme".
  auto programm = snippets("programma*");
  BOOST_TEST(programm[2] == "Les cotes ont été contrôlées et le **programme** contrôlé.");
  BOOST_TEST(programm[4] == "J'aime **programmer** les cycles en langage ISO.");
  // With other words; an excluded prefix highlights nothing.
  auto mixed = snippets("pièce micro*");
  BOOST_TEST(mixed[1] == "Je controle les **pièces** au **micromètre**.");
  auto excluded = snippets("contrôle -micro*");
  BOOST_TEST(excluded.size() == 1u);
  BOOST_TEST(excluded[2] == "Les cotes ont été **contrôlées** et le programme **contrôlé**.");
}

BOOST_FIXTURE_TEST_CASE(short_prefix_matching_many_words_still_searches, Fixture) {
  // More distinct words than the wildcard's expansion limit (200).
  std::string many;
  for (int i = 0; i < 300; ++i) many += "zz" + std::to_string(1000 + i) + "x ";
  Add("durand", {many, "Je zz1000x le tour."});
  SearchOptions options;
  options.candidate = "durand";
  auto r = SearchDossiers(*index, analyzer, "zz*", options);
  BOOST_REQUIRE_MESSAGE(r.ok(), r.status().message());
  BOOST_TEST(r->hits.size() >= 1u);
}

BOOST_FIXTURE_TEST_CASE(very_long_dossier_names_are_indexed, Fixture) {
  // A file name may have 255 bytes; a Xapian term at most 245.
  std::string name(120, 'e');
  for (int i = 0; i < 60; ++i) name += "é";
  name += ".txt";
  BOOST_REQUIRE(name.size() == 244u);
  const std::vector<PassageInput> passages = {{1, 0, 0, "", "Je règle les tours automatiques."}};
  Status s = index->AddDossier("long", {"long", name, "text", 1, 5}, passages, analyzer);
  BOOST_REQUIRE_MESSAGE(s.ok(), s.message());
  auto stored = index->PassagesOf("long");
  BOOST_REQUIRE(stored.ok());
  BOOST_REQUIRE(stored->size() == 1u);
  BOOST_TEST((*stored)[0].dossier == name);
  SearchOptions options;
  options.candidate = "long";
  auto r = SearchDossiers(*index, analyzer, "automatiques", options);
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(r->hits.size() == 1u);
}

// A malformed query is an error naming the character, not "0 passage".
BOOST_FIXTURE_TEST_CASE(syntax_errors_name_their_position, Fixture) {
  auto error = [this](const std::string& query) {
    auto r = SearchDossiers(*index, analyzer, query, {});
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST((r.status().kind() == Status::Kind::kInvalidArgument));
    return r.status().message();
  };
  const std::string paren = error("usinage AND (");
  BOOST_TEST(paren.find("caractère 13") != std::string::npos, paren);
  BOOST_TEST(paren.find("parenthèses") != std::string::npos, paren);
  BOOST_TEST(paren.find("\n  usinage AND (\n              ^") != std::string::npos, paren);
  BOOST_TEST(error("\"mors doux").find("caractère 1 : guillemet") != std::string::npos);
  BOOST_TEST(error("mors OR").find("caractère 6 : « OR » doit être suivi") != std::string::npos);
  BOOST_TEST(error("OR mors").find("caractère 1 : « OR » doit suivre") != std::string::npos);
  BOOST_TEST(error("contrôle NOT").find("caractère 10 : « NOT »") != std::string::npos);
  // Positions count characters, not bytes.
  BOOST_TEST(error("é è (").find("caractère 5") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(and_is_accepted_and_changes_nothing, Fixture) {
  BOOST_TEST((Paragraphs("pièce AND tour") == std::vector<uint32_t>{3}));
  BOOST_TEST((Paragraphs("pièce ET tour") == std::vector<uint32_t>{3}));
}
