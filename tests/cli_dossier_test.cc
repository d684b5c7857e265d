// End-to-end tests of `passerelle dossier add` on bad input: the real binary,
// a workspace that already holds a good dossier, then a bad one for the same
// candidate and for a new one. Each refusal must be a French message naming
// the file, a non-zero exit status, and an index left exactly as it was.
#include <xapian.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "engine/workspace_lock.h"
#include "importers/zip_archive.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace passerelle::testing;

namespace {

const char kContentTypes[] =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Override PartName="/word/document.xml" ContentType="application/)"
    R"(vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";

std::string Docx(const std::string& document_xml, int level = 6) {
  auto zip = passerelle::WriteZip(
      {{"[Content_Types].xml", kContentTypes}, {"word/document.xml", document_xml, level}});
  BOOST_REQUIRE(zip.ok());
  return *zip;
}

std::string GoodDocx() {
  return Docx(
      R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
      R"(<w:body><w:p><w:r><w:t>Je règle les tours et je contrôle les pièces.</w:t></w:r></w:p>)"
      R"(</w:body></w:document>)");
}

// What the user can observe of the index, and the index files themselves.
struct IndexState {
  std::string list_json;
  std::string search_json;
  std::map<std::string, std::string> files;
  bool operator==(const IndexState&) const = default;
};

// A workspace where dupont's dossier (v1_decolleteur.txt) is indexed.
struct Workspace {
  TempDir dir;
  Workspace() {
    auto r =
        Run("dossier add " + Quote((SharedDir() / "dossiers" / "v1_decolleteur.txt").string()) +
            " --candidate dupont");
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  }
  fs::path root() const { return dir.path() / "ws"; }
  CommandResult Run(const std::string& args) const {
    return RunPasserelle("--workspace " + Quote(root().string()) + " " + args);
  }
  fs::path Write(const std::string& name, const std::string& bytes) const {
    const fs::path path = dir.path() / name;
    WriteFile(path, bytes);
    return path;
  }
  IndexState State() const {
    IndexState state;
    auto list = Run("dossier list --json");
    BOOST_REQUIRE_MESSAGE(list.status == 0, list.err);
    auto search = Run("search contrôle --json");
    BOOST_REQUIRE_MESSAGE(search.status == 0, search.err);
    state.list_json = list.out;
    state.search_json = search.out;
    for (const auto& entry : fs::recursive_directory_iterator(root() / "index"))
      if (entry.is_regular_file()) state.files[entry.path().string()] = ReadFile(entry.path());
    return state;
  }
  // Adds `path` for dupont (replacing) and for durand (new): both refused
  // with every `expected` phrase in a message naming the file, the index
  // unchanged.
  void ExpectRefused(const fs::path& path, const std::vector<std::string>& expected) const {
    const IndexState before = State();
    BOOST_REQUIRE(before.search_json.find("dupont") != std::string::npos);
    for (const char* candidate : {"dupont", "durand"}) {
      auto r = Run("dossier add " + Quote(path.string()) + " --candidate " + candidate);
      BOOST_TEST(r.status == 1, path.filename() << " for " << candidate);
      BOOST_TEST(r.out.empty(), r.out);
      BOOST_TEST(r.err.find(path.filename().string()) != std::string::npos, r.err);
      for (const std::string& words : expected)
        BOOST_TEST(r.err.find(words) != std::string::npos, r.err);
      BOOST_TEST((State() == before), "index changed by " << path.filename());
    }
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(good_dossiers_are_added_and_replaced) {
  Workspace ws;
  auto again = ws.Run("dossier add " + Quote(ws.Write("livret.docx", GoodDocx()).string()) +
                      " --candidate dupont --json");
  BOOST_TEST(again.status == 0, again.err);
  BOOST_TEST(again.out.find("\"passages\": 1") != std::string::npos, again.out);
  auto list = ws.Run("dossier list --json");
  BOOST_TEST(list.out.find("livret.docx") != std::string::npos, list.out);
  BOOST_TEST(list.out.find("v1_decolleteur") == std::string::npos, list.out);
}

BOOST_AUTO_TEST_CASE(encrypted_pdf_is_refused) {
  Workspace ws;
  ws.ExpectRefused(ws.Write("protégé.pdf", MakePdf({"Je règle les tours."}, "secret")),
                   {"protégé par un mot de passe"});
}

BOOST_AUTO_TEST_CASE(scanned_pdf_is_refused_saying_ocr_is_not_supported) {
  Workspace ws;
  ws.ExpectRefused(ws.Write("scan.pdf", MakePdfWithoutText()),
                   {"document numérisé", "reconnaissance de caractères n'est pas prise en charge"});
}

BOOST_AUTO_TEST_CASE(corrupt_and_truncated_zips_are_refused) {
  Workspace ws;
  const std::string good = GoodDocx();
  ws.ExpectRefused(ws.Write("coupé.docx", good.substr(0, good.size() / 2)), {"archive zip"});
  std::string damaged = good;
  for (size_t i = damaged.size() - 40; i < damaged.size(); ++i) damaged[i] = 'x';
  ws.ExpectRefused(ws.Write("abîmé.docx", damaged), {"archive zip"});
  ws.ExpectRefused(ws.Write("faux.docx", std::string("PK\x03\x04", 4) + std::string(500, '\x7f')),
                   {"archive zip"});
}

BOOST_AUTO_TEST_CASE(zip_bomb_is_refused) {
  Workspace ws;
  // 210 MB of XML deflate to about 200 KB.
  std::string xml = "<w:document><w:body>" + std::string(210u << 20, ' ');
  xml += "</w:body></w:document>";
  const fs::path bomb = ws.Write("bombe.docx", Docx(xml, 9));
  xml.clear();
  xml.shrink_to_fit();
  BOOST_TEST(fs::file_size(bomb) < (1u << 20));
  ws.ExpectRefused(bomb, {"dépasse 200 Mo une fois décompressée"});
}

BOOST_AUTO_TEST_CASE(empty_dossiers_are_refused) {
  Workspace ws;
  ws.ExpectRefused(ws.Write("vide.txt", ""), {"le dossier est vide"});
  ws.ExpectRefused(ws.Write("blanc.txt", " \n\n\t\n"), {"le dossier est vide"});
  ws.ExpectRefused(ws.Write("titres.md", "# Titre\n\n## Autre titre\n"), {"que des titres"});
}

BOOST_AUTO_TEST_CASE(unsupported_types_are_refused_listing_the_formats) {
  Workspace ws;
  const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10", 20);
  ws.ExpectRefused(ws.Write("photo.png", png), {"type de fichier non pris en charge (image PNG)"});
  auto xlsx = passerelle::WriteZip(
      {{"[Content_Types].xml",
        R"(<Types><Override PartName="/xl/workbook.xml" ContentType="application/)"
        R"(vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>)"},
       {"xl/workbook.xml", "<workbook/>"}});
  BOOST_REQUIRE(xlsx.ok());
  ws.ExpectRefused(ws.Write("tableau.xlsx", *xlsx), {"formats acceptés"});
}

BOOST_AUTO_TEST_CASE(second_writer_is_refused_while_xapian_holds_the_index) {
  Workspace ws;
  const fs::path good = ws.Write("livret.docx", GoodDocx());
  const IndexState before = ws.State();
  Xapian::WritableDatabase writer((ws.root() / "index").string(), Xapian::DB_OPEN);
  ws.ExpectRefused(good, {"déjà ouvert en écriture par un autre processus"});
  writer.close();
  BOOST_TEST((ws.State() == before));
  auto r = ws.Run("dossier add " + Quote(good.string()) + " --candidate durand");
  BOOST_TEST(r.status == 0, r.err);
}

BOOST_AUTO_TEST_CASE(second_writer_is_refused_while_the_workspace_is_locked) {
  Workspace ws;
  const fs::path good = ws.Write("livret.docx", GoodDocx());
  {
    auto lock = passerelle::WorkspaceLock::Acquire(ws.root().string());
    BOOST_REQUIRE(lock.ok());
    ws.ExpectRefused(good, {"déjà utilisé en écriture par un autre processus"});
    auto remove = ws.Run("dossier remove --candidate dupont");
    BOOST_TEST(remove.status == 1, remove.err);
  }
  auto r = ws.Run("dossier add " + Quote(good.string()) + " --candidate durand");
  BOOST_TEST(r.status == 0, r.err);
}
