#include "fuzz/fuzz_checks.h"

#include <nlohmann/json.hpp>

#include "engine/certification_json.h"
#include "engine/certification_xml.h"
#include "engine/competence_graph.h"
#include "engine/dossier_search.h"
#include "engine/french_analyzer.h"
#include "engine/text.h"
#include "importers/document_import.h"
#include "importers/dossier_reader.h"
#include "importers/pdf_text.h"
#include "importers/rncp_xml_import.h"

namespace passerelle::fuzz {

namespace {

bool Valid(const std::string& s) { return FirstInvalidUtf8(s) == std::string::npos; }

// Strict serialization: nlohmann throws on invalid UTF-8, which the CLI
// would have turned into an abort after its work was done.
std::string Dump(const nlohmann::json& j, std::string* error) {
  try {
    return j.dump();
  } catch (const nlohmann::json::exception& e) {
    *error = std::string("JSON impossible : ") + e.what();
    return "";
  }
}

// Accepted certification: JSON, canonical XML, read back, same again.
std::string CheckCertification(const Certification& cert) {
  std::string error;
  const std::string xml = CertificationToXml(cert);
  if (!Valid(xml)) return "canonical XML of " + RepairUtf8(cert.id.value) + " is not UTF-8";
  const std::string json = Dump(CertificationToJson(cert, CompetenceGraph({cert})), &error);
  if (!error.empty()) return error;
  auto back = CertificationFromXml(xml, "round-trip");
  if (!back.ok()) return "canonical XML does not read back: " + back.status().message();
  const std::string xml_again = CertificationToXml(*back);
  if (xml_again != xml) return "canonical XML differs after reading back:\n" + xml + "\n---\n" + xml_again;
  const std::string json_again = Dump(CertificationToJson(*back, CompetenceGraph({*back})), &error);
  if (!error.empty()) return error;
  if (json_again != json) return "JSON differs after reading back";
  return "";
}

std::string CheckImported(std::string_view input, const char* name, DocumentFormat format) {
  auto doc = ImportDocumentBytes(std::string(input), name, format);
  if (!doc.ok()) return Valid(doc.status().message()) ? "" : "error message is not UTF-8";
  for (const Certification& c : doc->certifications) {
    std::string error = CheckCertification(c);
    if (!error.empty()) return error;
  }
  return "";
}

std::string RncpText(std::string_view input) {
  return CheckImported(input, "fuzz.txt", DocumentFormat::kRncpText);
}

std::string ReacText(std::string_view input) {
  return CheckImported(input, "fuzz.txt", DocumentFormat::kReacText);
}

std::string OpenDataXml(std::string_view input) {
  auto certs = ReadOpenDataExport(std::string(input), "fuzz.xml");
  if (!certs.ok()) return "";
  for (const Certification& c : *certs) {
    std::string error = CheckCertification(c);
    if (!error.empty()) return error;
  }
  return "";
}

std::string CanonicalXml(std::string_view input) {
  auto cert = CertificationFromXml(std::string(input), "fuzz.xml");
  if (!cert.ok()) return "";
  return CheckCertification(*cert);
}

// Accepted dossier: every passage UTF-8 and serializable as the index
// stores it.
std::string CheckDossier(std::string_view input, const char* name) {
  auto dossier = ReadDossierBytes(std::string(input), name);
  if (!dossier.ok()) return "";
  if (dossier->passages.empty()) return "dossier accepted without passages";
  std::string error;
  for (const Passage& p : dossier->passages) {
    if (!Valid(p.text) || !Valid(p.heading)) return "passage text is not UTF-8";
    Dump({{"text", p.text}, {"heading", p.heading}, {"paragraph", p.paragraph}}, &error);
    if (!error.empty()) return error;
  }
  return "";
}

std::string Docx(std::string_view input) { return CheckDossier(input, "fuzz.docx"); }
std::string Odt(std::string_view input) { return CheckDossier(input, "fuzz.odt"); }
std::string DossierText(std::string_view input) { return CheckDossier(input, "fuzz.md"); }

// The PDF text extraction both importers and dossiers use.
std::string PdfText(std::string_view input) {
  auto text = ExtractPdfText(std::string(input), "fuzz.pdf");
  if (text.ok() && !Valid(*text)) return "PDF text is not UTF-8";
  return CheckDossier(input, "fuzz.pdf");
}

std::string SearchQuery(std::string_view input) {
  static const FrenchAnalyzer analyzer;
  const std::string query(input);
  auto parsed = ParseSearchQuery(query, analyzer);
  if (!parsed.ok()) return Valid(parsed.status().message()) ? "" : "error message is not UTF-8";
  if (parsed->query.empty()) return "query accepted but empty";
  (void)parsed->query.get_description();
  const std::string snippet = MakeSnippet(query, {}, parsed->prefixes, analyzer);
  if (!Valid(snippet)) return "snippet is not UTF-8";
  return "";
}

}  // namespace

const std::vector<Reader>& Readers() {
  static const std::vector<Reader> kReaders = {
      {"rncp_text", &RncpText},       {"reac_text", &ReacText}, {"opendata_xml", &OpenDataXml},
      {"canonical_xml", &CanonicalXml}, {"docx", &Docx},        {"odt", &Odt},
      {"pdf_text", &PdfText},         {"dossier_text", &DossierText},
      {"search_query", &SearchQuery},
  };
  return kReaders;
}

const Reader* FindReader(std::string_view name) {
  for (const Reader& r : Readers())
    if (name == r.name) return &r;
  return nullptr;
}

}  // namespace passerelle::fuzz
