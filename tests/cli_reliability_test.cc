// End-to-end tests of the defects found by fuzzing and fault injection
// (issue 14): the real binary on inputs an attacker or a careless user
// gives. Each refusal must be a French message, a non-zero exit that is not
// a crash (status -1 here), and a workspace left as it was.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "opendata_fixtures.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace passerelle::testing;

namespace {

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A workspace with the five referentiels, and a folder for inputs.
struct Fixture {
  TempDir dir;
  CliWorkspace ws;
  fs::path Write(const std::string& name, const std::string& bytes) const {
    const fs::path path = dir.path() / name;
    WriteFile(path, bytes);
    return path;
  }
  fs::path root() const {
    // CliWorkspace's folder, from its flag: "--workspace '<path>'".
    std::string flag = ws.Flag();
    return flag.substr(flag.find('\'') + 1, flag.rfind('\'') - flag.find('\'') - 1);
  }
  std::map<std::string, std::string> Snapshot() const { return SnapshotFiles(root()); }
};

std::string Dossier(const std::string& words) {
  return "Je règle les tours multibroches et je contrôle les pièces au micromètre. " + words +
         "\n\nJe change les outils et je surveille l'usure des plaquettes.\n";
}

}  // namespace

// ---- 1. text is valid UTF-8 from the edge inward ----

BOOST_AUTO_TEST_CASE(invalid_utf8_in_an_open_data_fiche_is_refused_with_its_offset) {
  Fixture f;
  const auto before = f.Snapshot();
  const std::string fiche = FicheXml("RNCP90001", "Agent de fabrication \xC3(x)");
  const auto path = f.Write("export.xml", ExportXml({fiche}));
  auto r = f.ws.Run("import " + Quote(path.string()));
  BOOST_TEST(r.status == 1, r.err);
  BOOST_TEST(Has(r.err, "UTF-8"), r.err);
  BOOST_TEST(Has(r.err, "octet"), r.err);
  BOOST_TEST(Has(r.err, "ligne 7"), r.err);
  BOOST_TEST((f.Snapshot() == before));
  // A character reference outside Unicode is no better than the byte.
  const auto refs = f.Write("refs.xml", ExportXml({FicheXml("RNCP90002", "Agent &#xD800;")}));
  r = f.ws.Run("import " + Quote(refs.string()));
  BOOST_TEST(r.status == 1, r.err);
  BOOST_TEST(Has(r.err, "INTITULE"), r.err);
  BOOST_TEST((f.Snapshot() == before));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_a_canonical_file_is_refused_and_json_keeps_working) {
  Fixture f;
  const auto before = f.Snapshot();
  std::string xml = ReadFile(SourceDir() / "referentiels" / "TP-00211.xml");
  const size_t title = xml.find("<title>") + 7;
  std::string bad_byte = xml;
  bad_byte.insert(title, "\xFF");
  auto r = f.ws.Run("import " + Quote(f.Write("bad-byte.xml", bad_byte).string()));
  BOOST_TEST(r.status == 1, r.err);
  BOOST_TEST(Has(r.err, "octet " + std::to_string(title)), r.err);
  std::string bad_ref = xml;
  bad_ref.insert(title, "&#x110000;");
  r = f.ws.Run("import " + Quote(f.Write("bad-ref.xml", bad_ref).string()));
  BOOST_TEST(r.status == 1, r.err);
  BOOST_TEST(Has(r.err, "title"), r.err);
  BOOST_TEST((f.Snapshot() == before));
  for (const char* command : {"show TP-00211 --json", "related TP-00211 --json",
                              "compare TP-00211 RNCP420 --json"}) {
    r = f.ws.Run(command);
    BOOST_TEST(r.status == 0, command << ": " << r.err);
    BOOST_CHECK_NO_THROW(nlohmann::json::parse(r.out));
  }
}

// ---- 2. only regular files are read ----

BOOST_AUTO_TEST_CASE(devices_and_fifos_are_refused_without_reading_them) {
  Fixture f;
  const auto before = f.Snapshot();
  const fs::path fifo = f.dir.path() / "tube.txt";
  BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  for (const std::string& input : {std::string("/dev/zero"), fifo.string()}) {
    for (const std::string& command : std::vector<std::string>{
             "import " + Quote(input), "dossier add " + Quote(input) + " --candidate dupont",
          "map " + Quote(input) + " --target TP-00211",
          "map --candidate dupont --target TP-00211 --thesaurus " + Quote(input)}) {
      auto r = f.ws.Run(command);
      BOOST_TEST(r.status == 1, command << ": " << r.err);
      BOOST_TEST(Has(r.err, "pas un fichier ordinaire"), command << ": " << r.err);
    }
  }
  BOOST_TEST((f.Snapshot() == before));
}

// ---- 3. file names that are not UTF-8 ----

BOOST_AUTO_TEST_CASE(file_names_that_are_not_utf8_are_refused_before_anything_is_written) {
  Fixture f;
  const auto before = f.Snapshot();
  const auto dossier = f.Write("dossier-\xE9t\xE9.txt", Dossier(""));
  auto r = f.ws.Run("dossier add " + Quote(dossier.string()) + " --candidate dupont");
  BOOST_TEST(r.status == 1, r.err);
  BOOST_TEST(Has(r.err, "n'est pas en UTF-8"), r.err);
  const auto fiche = f.Write("fiche-\xE9.xml", ReadFile(SourceDir() / "referentiels" / "RNCP420.xml"));
  r = f.ws.Run("import --json " + Quote(fiche.string()));
  BOOST_TEST(r.status == 1, r.err);
  BOOST_TEST(Has(r.err, "n'est pas en UTF-8"), r.err);
  BOOST_TEST(Has(r.err, "rien n'a été importé"), r.err);
  BOOST_TEST((f.Snapshot() == before));
}

// ---- 5. an empty or invalid candidate is an error everywhere ----

BOOST_AUTO_TEST_CASE(an_empty_or_invalid_candidate_is_refused_by_every_command) {
  Fixture f;
  auto r = f.ws.Run("dossier add " + Quote(f.Write("d.txt", Dossier("")).string()) +
                    " --candidate dupont");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  for (const char* id : {"", ".", "..", "a/b", "dupont durand", "\xC3\xA9lise"}) {
    const std::string candidate = " --candidate " + Quote(id);
    for (const std::string& command : std::vector<std::string>{
             "search tour" + candidate, "dossier remove" + candidate,
          "dossier add " + Quote(f.Write("e.txt", Dossier("")).string()) + candidate,
          "map --target TP-00211" + candidate, "suggest" + candidate,
          "report --target TP-00211 -o " + Quote((f.dir.path() / "r.pdf").string()) +
              candidate}) {
      r = f.ws.Run(command);
      BOOST_TEST(r.status == 2, command << ": " << r.err);
      BOOST_TEST(Has(r.err, "candidat"), command << ": " << r.err);
    }
  }
}

// ---- 7. a workspace carries a marker ----

BOOST_AUTO_TEST_CASE(a_folder_that_is_not_a_workspace_is_left_alone) {
  TempDir dir;
  const fs::path folder = dir.path() / "documents";
  fs::create_directories(folder / "staging");
  WriteFile(folder / "staging" / "notes.txt", "mes notes\n");
  WriteFile(folder / "catalog", "catalogue de ma bibliothèque\n");
  const auto before = SnapshotFiles(folder);
  const std::string flag = "--workspace " + Quote(folder.string()) + " ";
  const std::string fiche = Quote((SourceDir() / "referentiels" / "RNCP420.xml").string());
  WriteFile(dir.path() / "d.txt", Dossier(""));
  const std::string dossier = Quote((dir.path() / "d.txt").string());
  for (const std::string& command :
       std::vector<std::string>{"import " + fiche, "dossier add " + dossier + " --candidate dupont",
                                "certifications", "dossier list", "search usinage"}) {
    auto r = RunPasserelle(flag + command);
    BOOST_TEST(r.status == 1, command << ": " << r.err);
    BOOST_TEST(Has(r.err, "n'est pas un espace de travail Passerelle"), command << ": " << r.err);
  }
  BOOST_TEST((SnapshotFiles(folder) == before));
  BOOST_TEST(!fs::exists(folder / "lock"));
}

BOOST_AUTO_TEST_CASE(a_workspace_of_a_newer_format_is_refused_and_an_unmarked_one_adopted) {
  Fixture f;
  const fs::path marker = f.root() / "passerelle-workspace";
  BOOST_REQUIRE(fs::exists(marker));
  BOOST_TEST(ReadFile(marker) == "passerelle-workspace\t1\n");
  const std::string fiche = Quote((SourceDir() / "referentiels" / "RNCP420.xml").string());
  // Written by a Passerelle without markers: adopted by the next writer.
  fs::remove(marker);
  auto r = f.ws.Run("certifications");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(!fs::exists(marker));
  r = f.ws.Run("import " + fiche);
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(ReadFile(marker) == "passerelle-workspace\t1\n");
  // From a later version: refused by readers and writers alike.
  WriteFile(marker, "passerelle-workspace\t2\n");
  const auto before = f.Snapshot();
  for (const std::string& command :
       std::vector<std::string>{"import " + fiche, "certifications", "show RNCP420", "dossier list"}) {
    r = f.ws.Run(command);
    BOOST_TEST(r.status == 1, command << ": " << r.err);
    BOOST_TEST(Has(r.err, "plus récent"), command << ": " << r.err);
  }
  BOOST_TEST((f.Snapshot() == before));
}

// ---- 8. outputs never go inside the workspace ----

BOOST_AUTO_TEST_CASE(reports_are_never_written_inside_the_workspace) {
  Fixture f;
  auto r = f.ws.Run("dossier add " + Quote(f.Write("d.txt", Dossier("")).string()) +
                    " --candidate dupont");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto before = f.Snapshot();
  const fs::path link = f.dir.path() / "lien";
  fs::create_directory_symlink(f.root() / "certifications", link);
  for (const fs::path& output :
       {f.root() / "certifications" / "TP-00211.xml", f.root() / "index" / "XAPIANDB",
        f.root() / "rapport.pdf", link / "RNCP420.xml"}) {
    const std::string o = " -o " + Quote(output.string());
    for (const std::string& command : std::vector<std::string>{
             "report --candidate dupont --target TP-00211" + o,
          "report --candidate dupont --target TP-00211 --json-too" + o,
          "compare TP-00211 RNCP420" + o}) {
      r = f.ws.Run(command);
      BOOST_TEST(r.status == 1, command << ": " << r.err);
      BOOST_TEST(Has(r.err, "dans l'espace de travail"), command << ": " << r.err);
    }
  }
  BOOST_TEST((f.Snapshot() == before));
  r = f.ws.Run("compare TP-00211 RNCP420 -o " + Quote((f.dir.path() / "eq.pdf").string()));
  BOOST_TEST(r.status == 0, r.err);
}

// ---- 9, 10. candidate ids derived by `map FILE` ----

BOOST_AUTO_TEST_CASE(map_file_derives_distinct_valid_ids_and_never_replaces_silently) {
  Fixture f;
  auto map = [&](const fs::path& file, const std::string& extra = "") {
    return f.ws.Run("map " + Quote(file.string()) + " --target TP-00211 --json" + extra);
  };
  auto candidates = [&] {
    auto r = f.ws.Run("dossier list --json");
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
    std::map<std::string, std::string> out;  // candidate -> dossier
    for (const auto& c : nlohmann::json::parse(r.out)) out[c["candidate"]] = c["dossier"];
    return out;
  };
  auto r = map(f.Write("été.txt", Dossier("Premier.")));
  BOOST_TEST(r.status == 0, r.err);
  r = map(f.Write("ôté.txt", Dossier("Second.")));
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST((candidates() == std::map<std::string, std::string>{{"ete", "été.txt"},
                                                                   {"ote", "ôté.txt"}}));
  // The same file again is the dossier already indexed: reused.
  r = map(f.dir.path() / "été.txt");
  BOOST_TEST(r.status == 0, r.err);
  // An existing candidate is never replaced by another dossier implicitly.
  r = f.ws.Run("dossier add " + Quote(f.Write("livret.txt", Dossier("Livret.")).string()) +
               " --candidate v1");
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto v1 = f.Write("v1.txt", Dossier("Autre version."));
  r = map(v1);
  BOOST_TEST(r.status == 1, r.err);
  BOOST_TEST(Has(r.err, "« v1 » a déjà un dossier indexé (livret.txt)"), r.err);
  BOOST_TEST(Has(r.err, "--replace"), r.err);
  BOOST_TEST(candidates()["v1"] == "livret.txt");
  r = map(v1, " --candidate v1-bis");
  BOOST_TEST(r.status == 0, r.err);
  r = map(v1, " --replace");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(candidates()["v1"] == "v1.txt");
  // Names that are only dots give an id that can be removed again.
  for (const char* name : {"..txt", "...txt", "-.txt"}) {
    r = map(f.Write(name, Dossier(name)), " --replace");
    BOOST_TEST(r.status == 0, name << ": " << r.err);
    const std::string id = nlohmann::json::parse(r.out)["candidate"];
    BOOST_TEST(id == "candidat", name);
    r = f.ws.Run("dossier remove --candidate " + Quote(id));
    BOOST_TEST(r.status == 0, name << ": " << r.err);
  }
}

// ---- 11. reading a workspace without index, or without workspace ----

BOOST_AUTO_TEST_CASE(reads_of_a_missing_workspace_or_index_say_so_in_french_and_create_nothing) {
  TempDir dir;
  const fs::path missing = dir.path() / "nulle-part";
  const std::string flag = "--workspace " + Quote(missing.string()) + " ";
  for (const char* command :
       {"search usinage", "dossier list", "dossier remove --candidate dupont", "certifications"}) {
    auto r = RunPasserelle(flag + command);
    BOOST_TEST(r.status == 1, command << ": " << r.err);
    BOOST_TEST(Has(r.err, "introuvable"), command << ": " << r.err);
    BOOST_TEST(!Has(r.err, "Xapian"), command << ": " << r.err);
    BOOST_TEST(!fs::exists(missing), command);
  }
  Fixture f;  // referentiels, no dossier: no index
  const auto before = f.Snapshot();
  auto r = f.ws.Run("search usinage");
  BOOST_TEST(r.status == 1, r.err);
  BOOST_TEST(Has(r.err, "aucun dossier n'est indexé"), r.err);
  r = f.ws.Run("dossier list");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out == "Aucun dossier indexé.\n");
  r = f.ws.Run("dossier list --json");
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out == "[]\n");
  r = f.ws.Run("dossier remove --candidate dupont");
  BOOST_TEST(r.status == 1, r.err);
  BOOST_TEST(Has(r.err, "aucun dossier n'est indexé"), r.err);
  BOOST_TEST(!fs::exists(f.root() / "index"));
  BOOST_TEST((f.Snapshot() == before));
}
