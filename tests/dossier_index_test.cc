// The dossier index on disk (docs/index-format.md): deleted and replaced
// text leaves every file of the workspace, and every state a killed writer
// can leave (constructed here by hand) reads as the old or the new index,
// is cleaned by the next writer, and loses nothing.
#include "engine/dossier_index.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "engine/dossier_search.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace passerelle;
using passerelle::testing::ReadFile;
using passerelle::testing::TempDir;
using passerelle::testing::WriteFile;

namespace {

struct Fixture {
  TempDir dir;
  FrenchAnalyzer analyzer;
  fs::path root() const { return dir.path() / "ws"; }
  fs::path index() const { return root() / "index"; }

  std::unique_ptr<DossierIndex> Writer() {
    auto opened = DossierIndex::OpenForWriting(root().string());
    BOOST_REQUIRE_MESSAGE(opened.ok(), opened.status().message());
    return std::move(opened).value();
  }
  void Add(DossierIndex& index, const std::string& candidate, const std::vector<std::string>& texts) {
    std::vector<PassageInput> passages;
    uint32_t n = 0;
    for (const std::string& t : texts) passages.push_back({++n, 0, 0, "", t});
    CandidateSummary summary{candidate, candidate + ".txt", "text", n, 40};
    Status s = index.AddDossier(candidate, summary, passages, analyzer);
    BOOST_REQUIRE_MESSAGE(s.ok(), s.message());
  }
  void Add(const std::string& candidate, const std::vector<std::string>& texts) {
    Add(*Writer(), candidate, texts);
  }
  // The candidates a reader sees.
  std::set<std::string> Candidates() const {
    auto index = DossierIndex::OpenForReading(root().string());
    BOOST_REQUIRE_MESSAGE(index.ok(), index.status().message());
    auto list = (*index)->Candidates();
    BOOST_REQUIRE(list.ok());
    std::set<std::string> out;
    for (const CandidateSummary& c : *list) out.insert(c.candidate);
    return out;
  }
  size_t Hits(const std::string& query) const {
    auto index = DossierIndex::OpenForReading(root().string());
    BOOST_REQUIRE_MESSAGE(index.ok(), index.status().message());
    auto r = SearchDossiers(**index, analyzer, query, {});
    BOOST_REQUIRE_MESSAGE(r.ok(), r.status().message());
    return r->hits.size();
  }
  // Names in index/, sorted.
  std::set<std::string> Entries() const {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(index())) out.insert(e.path().filename().string());
    return out;
  }
  std::string Live() const { return ReadFile(index() / "XAPIANDB"); }
  // Whether any file under the workspace holds the index term of `word`.
  bool TermOnDisk(const std::string& word) const { return OnDisk(analyzer.Term(word)); }
  // Whether any file under the workspace holds `needle`.
  bool OnDisk(const std::string& needle) const {
    for (const auto& e : fs::recursive_directory_iterator(root()))
      if (e.is_regular_file() && ReadFile(e.path()).find(needle) != std::string::npos) return true;
    return false;
  }
};

// Xapian compresses document data, so the verbatim text is seldom on disk
// as such; the terms are, in the keys of the posting and position tables.
// "Zorglubtopie" stands for what must leave the disk.
const char kSecret[] = "Mon employeur Zorglubtopie m'a licencié en mars";
const char kOther[] = "Je règle les tours et je contrôle les pièces au micromètre";

// A copy of the folder `from` as `to`.
void CopyTree(const fs::path& from, const fs::path& to) {
  fs::copy(from, to, fs::copy_options::recursive);
}

}  // namespace

// ---- 4. deleted text leaves the disk ----

BOOST_FIXTURE_TEST_CASE(replaced_and_removed_text_is_gone_from_every_file, Fixture) {
  Add("dupont", {kSecret, kOther});
  Add("durand", {kOther});
  BOOST_REQUIRE(TermOnDisk("Zorglubtopie"));
  BOOST_REQUIRE(TermOnDisk("micromètre"));
  // Replacing dupont's dossier: the old text must not linger in free blocks.
  Add("dupont", {"Je programme les cycles sur la commande Quetzalcoatlienne"});
  BOOST_TEST(!TermOnDisk("Zorglubtopie"));
  BOOST_TEST(!OnDisk("Zorglubtopie"));
  BOOST_TEST(TermOnDisk("Quetzalcoatlienne"));
  {
    auto index = Writer();
    BOOST_REQUIRE(index->RemoveCandidate("dupont").ok());
  }
  BOOST_TEST(!TermOnDisk("Quetzalcoatlienne"));
  BOOST_TEST(TermOnDisk("micromètre"));  // durand's
  BOOST_TEST((Candidates() == std::set<std::string>{"durand"}));
}

BOOST_FIXTURE_TEST_CASE(invalid_ids_are_refused_for_creation_and_removal, Fixture) {
  Add("dupont", {kOther});
  auto index = Writer();
  CandidateSummary summary{".", "x.txt", "text", 1, 10};
  for (const char* id : {"", ".", "..", "a/b", "é", "a b"}) {
    Status added = index->AddDossier(id, summary, {{1, 0, 0, "", kOther}}, analyzer);
    BOOST_TEST((added.kind() == Status::Kind::kInvalidArgument), id);
    BOOST_TEST((index->RemoveCandidate(id).kind() == Status::Kind::kInvalidArgument), id);
  }
  BOOST_TEST(IsValidCandidateId(std::string(64, 'a')));
  BOOST_TEST(!IsValidCandidateId(std::string(65, 'a')));
  BOOST_TEST(IsValidCandidateId(".dupont"));
}

BOOST_FIXTURE_TEST_CASE(invalid_utf8_never_reaches_the_index, Fixture) {
  Add("dupont", {kOther});
  auto index = Writer();
  CandidateSummary summary{"durand", "d.txt", "text", 1, 10};
  Status s = index->AddDossier("durand", summary, {{1, 0, 0, "", "caf\xE9"}}, analyzer);
  BOOST_TEST((s.kind() == Status::Kind::kInvalidArgument));
  summary.dossier = "d\xE9.txt";
  s = index->AddDossier("durand", summary, {{1, 0, 0, "", kOther}}, analyzer);
  BOOST_TEST((s.kind() == Status::Kind::kInvalidArgument));
  BOOST_TEST(!index->HasCandidate("durand"));
}

// ---- 6. every state a killed compaction can leave ----

BOOST_FIXTURE_TEST_CASE(a_compaction_killed_before_its_swap_leaves_the_old_index, Fixture) {
  Add("dupont", {kSecret});
  Add("durand", {kOther});
  const std::string live = Live();
  // The fresh generation was being written when the process died.
  const std::string next = "gen-99";
  CopyTree(index() / Live().substr(6, Live().size() - 7), index() / next);
  fs::resize_file(index() / next / "termlist.glass", 100);
  BOOST_TEST(Live() == live);
  BOOST_TEST((Candidates() == std::set<std::string>{"dupont", "durand"}));
  BOOST_TEST(Hits("micromètre") == 1u);
  {
    // The next writer removes the half-written generation and compacts
    // again (the interrupted removal's text was still in free blocks).
    auto index = Writer();
    BOOST_TEST(index->HasCandidate("dupont"));
  }
  BOOST_TEST(!Entries().count(next));
  BOOST_TEST(Entries().size() == 2u);  // XAPIANDB and the live generation
  BOOST_TEST(Live() != live);
  BOOST_TEST((Candidates() == std::set<std::string>{"dupont", "durand"}));
}

BOOST_FIXTURE_TEST_CASE(a_compaction_killed_after_its_swap_leaves_the_new_index, Fixture) {
  Add("dupont", {kSecret});
  Add("durand", {kOther});
  {
    auto index = Writer();
    BOOST_REQUIRE(index->RemoveCandidate("dupont").ok());
  }
  // The previous generation, which still holds dupont's text, had not been
  // removed yet: put a copy back as a stale generation.
  const std::string live_name = Live().substr(6, Live().size() - 7);
  fs::create_directory(index() / "gen-1");
  WriteFile(index() / "gen-1" / "docdata.glass", kSecret);
  BOOST_TEST((Candidates() == std::set<std::string>{"durand"}));
  { auto index = Writer(); }
  BOOST_TEST((Entries() == std::set<std::string>{"XAPIANDB", live_name}));
  BOOST_TEST(!OnDisk(kSecret));
  BOOST_TEST(!TermOnDisk("Zorglubtopie"));
  // A stub temporary of a swap killed before its rename goes too.
  WriteFile(index() / "XAPIANDB.tmp-12345", "glass gen-7\n");
  { auto index = Writer(); }
  BOOST_TEST((Entries() == std::set<std::string>{"XAPIANDB", live_name}));
}

BOOST_FIXTURE_TEST_CASE(the_index_of_an_earlier_version_is_read_and_migrated, Fixture) {
  Add("dupont", {kSecret});
  Add("durand", {kOther});
  // The layout of earlier versions: the glass files directly in index/.
  const fs::path generation = index() / Live().substr(6, Live().size() - 7);
  for (const auto& e : fs::directory_iterator(generation))
    fs::rename(e.path(), index() / e.path().filename());
  fs::remove(generation);
  fs::remove(index() / "XAPIANDB");
  BOOST_TEST((Candidates() == std::set<std::string>{"dupont", "durand"}));
  // A first compaction killed before its swap: read as before.
  fs::create_directory(index() / "gen-1");
  WriteFile(index() / "gen-1" / "iamglass", "partial");
  BOOST_TEST((Candidates() == std::set<std::string>{"dupont", "durand"}));
  {
    auto index = Writer();
    BOOST_REQUIRE(index->RemoveCandidate("dupont").ok());
  }
  // Migrated: one generation and the stub, the old files gone with the text.
  BOOST_TEST(Entries().size() == 2u);
  BOOST_TEST(Entries().count("XAPIANDB") == 1u);
  BOOST_TEST(!TermOnDisk("Zorglubtopie"));
  BOOST_TEST((Candidates() == std::set<std::string>{"durand"}));
}

BOOST_FIXTURE_TEST_CASE(an_earlier_version_killed_between_its_two_renames_is_repaired, Fixture) {
  Add("dupont", {kSecret});
  Add("durand", {kOther});
  // Earlier versions compacted into index.compact, renamed index/ to
  // index.old, then index.compact to index/. Killed between the renames:
  const fs::path generation = index() / Live().substr(6, Live().size() - 7);
  fs::rename(generation, root() / "index.compact");
  CopyTree(root() / "index.compact", root() / "index.old");
  fs::remove_all(index());
  BOOST_TEST((Candidates() == std::set<std::string>{"dupont", "durand"}));
  {
    auto index = Writer();
    BOOST_TEST(index->HasCandidate("durand"));
  }
  BOOST_TEST(!fs::exists(root() / "index.old"));
  BOOST_TEST(!fs::exists(root() / "index.compact"));
  BOOST_TEST((Candidates() == std::set<std::string>{"dupont", "durand"}));
}

BOOST_FIXTURE_TEST_CASE(a_damaged_stub_is_reported_not_replaced, Fixture) {
  Add("dupont", {kOther});
  WriteFile(index() / "XAPIANDB", "remote tcp evil.example 1234\n");
  auto reader = DossierIndex::OpenForReading(root().string());
  BOOST_TEST((reader.status().kind() == Status::Kind::kCorruption));
  auto writer = DossierIndex::OpenForWriting(root().string());
  BOOST_TEST((writer.status().kind() == Status::Kind::kCorruption));
  BOOST_TEST(ReadFile(index() / "XAPIANDB") == "remote tcp evil.example 1234\n");
}
