// Importing the open-data export into a workspace (in memory): the real
// extracts, re-import semantics (added / updated / unchanged /
// deactivated), skipped and duplicated fiches, damaged exports leaving the
// workspace intact, and the zip form.
#include "importers/rncp_xml_import.h"

#include <boost/test/unit_test.hpp>

#include "engine/competence_graph.h"
#include "importers/zip_archive.h"
#include "opendata_fixtures.h"
#include "test_support.h"

using namespace passerelle;
using namespace passerelle::testing;

namespace {

struct Export {
  std::string name;
  std::string bytes;
};

struct Run {
  std::vector<ExportReport> reports;
  std::vector<CertificationId> deactivated;
};

// One import run of `exports` (and `documents`) into `ws`, as the CLI does.
Result<Run> ImportRun(Workspace* ws, const std::vector<Export>& exports,
                      const std::vector<Certification>& documents = {}) {
  auto batch = WorkspaceBatch::Begin(ws);
  if (!batch.ok()) return batch.status();
  for (const Certification& c : documents) {
    auto outcome = (*batch)->Stage(c);
    if (!outcome.ok()) return outcome.status();
  }
  OpenDataImport import(batch->get());
  Run run;
  for (const Export& e : exports) {
    StringByteSource source(e.bytes);
    auto report = import.ImportStream(&source, e.name);
    if (!report.ok()) return report.status();  // the batch aborts
    run.reports.push_back(std::move(report).value());
  }
  auto deactivated = import.DeactivateMissing(*ws);
  if (!deactivated.ok()) return deactivated.status();
  run.deactivated = std::move(deactivated).value();
  Status s = (*batch)->Commit();
  if (!s.ok()) return s;
  return run;
}

Export RealExport(const std::string& file) {
  return {file, ReadFile(SharedDir() / "data" / "rncp-xml" / file)};
}

struct MemoryWorkspace {
  MemoryFileSystem fs;
  Workspace ws{&fs, "/ws"};
  Certification Get(const std::string& id) {
    auto c = ws.Load(CertificationId(id));
    BOOST_REQUIRE_MESSAGE(c.ok(), c.status().message());
    return *c;
  }
};

std::vector<std::string> Ids(const std::vector<CertificationLink>& links) {
  std::vector<std::string> out;
  for (const CertificationLink& l : links) out.push_back(l.id.value);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_CASE(the_real_extracts_make_one_graph) {
  MemoryWorkspace m;
  auto run = ImportRun(
      &m.ws, {RealExport("export-fiches-rncp-extract.xml"),
              RealExport("selection-rncp-12-fiches.xml"), RealExport("selection-rs-8-fiches.xml")});
  BOOST_REQUIRE_MESSAGE(run.ok(), run.status().message());
  BOOST_TEST(run->reports[1].fiches == 12u);
  BOOST_TEST(run->reports[1].added == 12u);
  BOOST_TEST(run->reports[1].flux_version == "4.1");
  BOOST_TEST(run->deactivated.empty());
  auto catalog = m.ws.LoadCatalog();
  BOOST_REQUIRE(catalog.ok());
  BOOST_TEST(catalog->size() == 22u);

  auto graph = CompetenceGraph::LoadFor(m.ws, {CertificationId("RNCP35340")});
  BOOST_REQUIRE(graph.ok());
  BOOST_TEST((Ids(graph->ReplacedBy(CertificationId("RNCP35340"))) == Strings{"RNCP40792"}));
  BOOST_TEST((Ids(graph->Replaces(CertificationId("RNCP40792"))) == Strings{"RNCP35340"}));
  BOOST_TEST((Ids(graph->Replaces(CertificationId("RNCP35340"))) == Strings{"RNCP17108"}));
  BOOST_TEST(graph->Find(CertificationId("RNCP35340")));
  BOOST_TEST(!graph->Find(CertificationId("RNCP40792")));  // summarized only
  // RS6604 declares it replaces RS5000; RS5000 declares it is replaced.
  BOOST_TEST((Ids(graph->ReplacedBy(CertificationId("RS5000"))) == Strings{"RS6604"}));
  // RNCP36490 declares correspondences towards RNCP35419: seen from there.
  auto seen = graph->Correspondences(CertificationId("RNCP35419"));
  const std::vector<Correspondence> expected = {
      {BlocId("RNCP35419BC03"), CertificationId("RNCP36490"), BlocId("RNCP36490BC03")},
      {BlocId("RNCP35419BC04"), CertificationId("RNCP36490"), BlocId("RNCP36490BC02")},
      {BlocId("RNCP35419BC04"), CertificationId("RNCP36490"), BlocId("RNCP36490BC03")}};
  BOOST_TEST((seen == expected));
}

BOOST_AUTO_TEST_CASE(importing_the_same_export_again_changes_nothing) {
  MemoryWorkspace m;
  BOOST_REQUIRE(ImportRun(&m.ws, {RealExport("selection-rncp-12-fiches.xml")}).ok());
  const auto before = m.fs.files();
  auto again = ImportRun(&m.ws, {RealExport("selection-rncp-12-fiches.xml")});
  BOOST_REQUIRE(again.ok());
  BOOST_TEST(again->reports[0].unchanged == 12u);
  BOOST_TEST(again->reports[0].added + again->reports[0].updated == 0u);
  BOOST_TEST((m.fs.files() == before));
}

BOOST_AUTO_TEST_CASE(a_newer_export_updates_adds_and_deactivates) {
  MemoryWorkspace m;
  Certification from_pdf;  // imported from a fiche PDF: never deactivated
  from_pdf.id = CertificationId("RNCP50");
  from_pdf.title = "Fiche lue dans un PDF";
  from_pdf.source_format = "rncp-text";
  from_pdf.active = true;
  const Export v1{"v1.xml", ExportXml({FicheXml("RNCP1", "Un"), FicheXml("RNCP2", "Deux"),
                                       FicheXml("RNCP3", "Trois")})};
  const Export rs{"rs.xml", ExportXml({RsFicheXml("RS1", "Habilitation")})};
  BOOST_REQUIRE(ImportRun(&m.ws, {v1, rs}, {from_pdf}).ok());

  const Export v2{"v2.xml", ExportXml({FicheXml("RNCP1", "Un"), FicheXml("RNCP2", "Deux, révisé"),
                                       FicheXml("RNCP4", "Quatre")})};
  auto run = ImportRun(&m.ws, {v2});
  BOOST_REQUIRE_MESSAGE(run.ok(), run.status().message());
  const ExportReport& r = run->reports[0];
  BOOST_TEST(r.added == 1u);
  BOOST_TEST(r.updated == 1u);
  BOOST_TEST(r.unchanged == 1u);
  BOOST_TEST(run->deactivated.size() == 1u);
  BOOST_TEST(run->deactivated[0].value == "RNCP3");
  BOOST_TEST((m.Get("RNCP3").active == false));
  BOOST_TEST(m.Get("RNCP3").title == "Trois");  // kept, not deleted
  BOOST_TEST(m.Get("RNCP2").title == "Deux, révisé");
  BOOST_TEST((m.Get("RS1").active == true));     // an RNCP export says nothing of RS
  BOOST_TEST((m.Get("RNCP50").active == true));  // nor of a fiche read from a PDF

  // Importing it again: RNCP3 is already inactive, nothing to deactivate.
  auto again = ImportRun(&m.ws, {v2});
  BOOST_REQUIRE(again.ok());
  BOOST_TEST(again->deactivated.empty());
  BOOST_TEST(again->reports[0].unchanged == 3u);
  // A fiche that comes back is active again.
  auto back = ImportRun(&m.ws, {v1});
  BOOST_REQUIRE(back.ok());
  BOOST_TEST((m.Get("RNCP3").active == true));
  BOOST_TEST(back->reports[0].updated == 2u);  // RNCP2's title, RNCP3's state
  BOOST_TEST(back->deactivated.size() == 1u);  // RNCP4
}

BOOST_AUTO_TEST_CASE(skipped_and_duplicated_fiches_are_reported) {
  MemoryWorkspace m;
  const Export e{"e.xml",
                 ExportXml({FicheXml("RNCP1", "Première version"),
                            "  <FICHE><INTITULE>Sans numéro</INTITULE></FICHE>\n",
                            FicheXml("RNCP1", "Dernière version"), FicheXml("RNCP2", "Autre")})};
  auto run = ImportRun(&m.ws, {e});
  BOOST_REQUIRE_MESSAGE(run.ok(), run.status().message());
  const ExportReport& r = run->reports[0];
  BOOST_TEST(r.fiches == 4u);
  BOOST_TEST(r.added == 2u);
  BOOST_REQUIRE(r.skipped.size() == 1u);
  BOOST_TEST(r.skipped[0].position == 2u);
  BOOST_TEST(r.skipped[0].line == 18u);
  BOOST_TEST(r.skipped[0].reason == "sans NUMERO_FICHE");
  BOOST_REQUIRE(r.duplicates.size() == 1u);
  BOOST_TEST(r.duplicates[0].id.value == "RNCP1");
  BOOST_TEST((r.duplicates[0].positions == std::vector<size_t>{1, 3}));
  BOOST_TEST(m.Get("RNCP1").title == "Dernière version");
}

BOOST_AUTO_TEST_CASE(a_damaged_export_leaves_the_workspace_intact) {
  MemoryWorkspace m;
  BOOST_REQUIRE(ImportRun(&m.ws, {RealExport("export-fiches-rncp-extract.xml")}).ok());
  const auto before = m.fs.files();
  const std::string good = ExportXml(
      {FicheXml("RNCP1", "Un"), FicheXml("RNCP2", "Deux"), FicheXml("RNCP35340", "Renommée")});
  std::string malformed = good;
  malformed.replace(malformed.rfind("</INTITULE>"), 11, "</INTITULEE>");
  const std::string truncated = good.substr(0, good.size() - 40);
  const std::string bomb =
      ExportXml({FicheXml("RNCP1", "&a;")}, "<!DOCTYPE FICHES [<!ENTITY a \"aaaaaaaaaa\">]>\n");
  for (const std::string& bad : {malformed, truncated, bomb}) {
    auto run = ImportRun(&m.ws, {{"bad.xml", bad}});
    BOOST_REQUIRE(!run.ok());
    BOOST_TEST(run.status().message().find("bad.xml : ") != std::string::npos,
               run.status().message());
    BOOST_TEST(run.status().message().find("ligne") != std::string::npos, run.status().message());
    BOOST_TEST((m.fs.files() == before));
  }
}

BOOST_AUTO_TEST_CASE(a_disk_failure_mid_import_leaves_the_workspace_intact) {
  MemoryWorkspace m;
  BOOST_REQUIRE(ImportRun(&m.ws, {RealExport("export-fiches-rncp-extract.xml")}).ok());
  const auto before = m.fs.files();
  m.fs.FailWriteAfter(5);
  auto run = ImportRun(&m.ws, {RealExport("selection-rncp-12-fiches.xml")});
  BOOST_TEST(!run.ok());
  BOOST_TEST((m.fs.files() == before));
}

BOOST_AUTO_TEST_CASE(the_zip_as_downloaded) {
  const std::string xml = ReadFile(SharedDir() / "data" / "rncp-xml" / "selection-rs-8-fiches.xml");
  auto zip = WriteZip({{"export_fiches_RS_V4_1_2026-11-20.xml", xml, 6}});
  BOOST_REQUIRE(zip.ok());
  auto certs = ReadOpenDataExport(*zip, "export.zip");
  BOOST_REQUIRE_MESSAGE(certs.ok(), certs.status().message());
  BOOST_TEST(certs->size() == 8u);

  TempDir dir;
  const auto path = (dir.path() / "export.zip").string();
  WriteFile(path, *zip);
  BOOST_TEST(IsOpenDataExportFile(path));
  MemoryWorkspace m;
  auto batch = WorkspaceBatch::Begin(&m.ws);
  BOOST_REQUIRE(batch.ok());
  OpenDataImport import(batch->get());
  std::vector<ImportProgress> progress;
  auto reports = import.ImportFile(path, [&](const ImportProgress& p) { progress.push_back(p); });
  BOOST_REQUIRE_MESSAGE(reports.ok(), reports.status().message());
  BOOST_REQUIRE(reports->size() == 1u);
  BOOST_TEST((*reports)[0].added == 8u);
  BOOST_TEST((*reports)[0].file.find("export_fiches_RS_V4_1_2026-11-20.xml") != std::string::npos);
  BOOST_REQUIRE(!progress.empty());
  BOOST_TEST(progress.back().fiches == 8u);
  BOOST_TEST(progress.back().bytes_done == xml.size());
  BOOST_TEST(progress.back().bytes_total == xml.size());
  BOOST_TEST((*batch)->Commit().ok());
  BOOST_TEST(m.ws.LoadCatalog()->size() == 8u);
}

BOOST_AUTO_TEST_CASE(a_zip_without_an_export_is_refused) {
  auto notes = WriteZip({{"notes.txt", "bonjour", 6},
                         {"fiche.xml", "<?xml version=\"1.0\"?><certification id=\"RNCP1\"/>", 6}});
  BOOST_REQUIRE(notes.ok());
  auto certs = ReadOpenDataExport(*notes, "archive.zip");
  BOOST_REQUIRE(!certs.ok());
  BOOST_TEST(certs.status().message().find("archive.zip") != std::string::npos);
  BOOST_TEST(certs.status().message().find("ne contient pas d'export France Compétences") !=
             std::string::npos);
  TempDir dir;
  const auto path = (dir.path() / "archive.zip").string();
  WriteFile(path, *notes);
  BOOST_TEST(!IsOpenDataExportFile(path));
  MemoryWorkspace m;
  auto batch = WorkspaceBatch::Begin(&m.ws);
  OpenDataImport import(batch->get());
  BOOST_TEST(!import.ImportFile(path).ok());
  WriteFile(dir.path() / "faux.zip", "PK\x03\x04 pas vraiment une archive");
  auto broken = import.ImportFile((dir.path() / "faux.zip").string());
  BOOST_REQUIRE(!broken.ok());
  BOOST_TEST(broken.status().message().find("faux.zip") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(export_files_are_recognized_from_their_content) {
  BOOST_TEST(IsOpenDataExportFile(
      (SharedDir() / "data" / "rncp-xml" / "export-fiches-rncp-extract.xml").string()));
  BOOST_TEST(!IsOpenDataExportFile((SourceDir() / "referentiels" / "TP-00211.xml").string()));
  BOOST_TEST(!IsOpenDataExportFile("/nonexistent/export.xml"));
}
