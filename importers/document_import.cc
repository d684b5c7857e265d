#include "importers/document_import.h"

#include "engine/certification_xml.h"
#include "engine/file_system.h"
#include "engine/text.h"
#include "importers/pdf_text.h"
#include "importers/reac_supplement.h"
#include "importers/reac_text.h"
#include "importers/rncp_text.h"
#include "importers/rncp_xml_import.h"
#include "importers/rncp_xml_reader.h"
#include "importers/text_decode.h"

namespace passerelle {

Result<DocumentFormat> ParseDocumentFormat(const std::string& name) {
  if (name == "auto") return DocumentFormat::kAuto;
  if (name == "rncp" || name == "rs") return DocumentFormat::kRncpText;
  if (name == "reac" || name == "tp") return DocumentFormat::kReacText;
  return Status::InvalidArgument("format « " + name +
                                 " » inconnu (valeurs possibles : auto, rncp, reac)");
}

namespace {

Result<std::string> DocumentText(const std::string& bytes, const std::string& name,
                                 bool* from_pdf) {
  *from_pdf = LooksLikePdf(bytes);
  if (*from_pdf) return ExtractPdfText(bytes, name);
  auto text = DecodeText(bytes, name);
  if (!text.ok()) return text.status();
  return CleanExtractedText(*text);
}

DocumentFormat Detect(const std::string& text) {
  // REAC first: an RE or REAC may cite RNCP codes, a fiche never holds
  // "FICHE COMPÉTENCE PROFESSIONNELLE".
  if (LooksLikeReacText(text)) return DocumentFormat::kReacText;
  if (LooksLikeRncpFicheText(text)) return DocumentFormat::kRncpText;
  return DocumentFormat::kAuto;
}

bool LooksLikeXml(const std::string& bytes) {
  std::string head = Trim(bytes.substr(0, 512));
  if (StartsWith(head, "\xEF\xBB\xBF")) head = head.substr(3);
  return StartsWith(head, "<?xml") || StartsWith(head, "<certification");
}

// A canonical file of referentiels/ or of another workspace.
Result<ImportedDocument> ImportCanonicalXml(const std::string& bytes, const std::string& name) {
  if (bytes.find("<certification") == std::string::npos)
    return Status::InvalidArgument("fichier " + name +
                                   " : document XML d'un type inconnu (attendu : fichier "
                                   "canonique <certification> de Passerelle)");
  auto cert = CertificationFromXml(bytes, name);
  if (!cert.ok()) return Status::InvalidArgument(cert.status().message());
  ImportedDocument doc;
  doc.format = "canonical-xml";
  doc.certifications.push_back(std::move(cert).value());
  return doc;
}

// The open-data export (XML whose root is FICHES), or a zip archive, which
// must hold one.
Result<ImportedDocument> ImportOpenDataBytes(const std::string& bytes, const std::string& name) {
  auto certs = ReadOpenDataExport(bytes, name);
  if (!certs.ok()) return certs.status();
  ImportedDocument doc;
  doc.format = "opendata-xml";
  doc.certifications = std::move(certs).value();
  return doc;
}

}  // namespace

Result<ImportedDocument> ImportDocumentBytes(const std::string& bytes, const std::string& name,
                                             DocumentFormat format) {
  if (format == DocumentFormat::kAuto &&
      (LooksLikeOpenDataExport(std::string_view(bytes).substr(0, 4096)) || LooksLikeZip(bytes)))
    return ImportOpenDataBytes(bytes, name);
  if (format == DocumentFormat::kAuto && LooksLikeXml(bytes)) return ImportCanonicalXml(bytes, name);
  bool from_pdf = false;
  auto text = DocumentText(bytes, name, &from_pdf);
  if (!text.ok()) return text.status();
  if (format != DocumentFormat::kRncpText && !ReacSupplementKind(*text).empty()) {
    auto supplement = ParseReacSupplement(*text, name);
    if (!supplement.ok()) return supplement.status();
    if (from_pdf) supplement->source_format += "+pdf";
    ImportedDocument doc;
    doc.format = supplement->source_format;
    doc.supplements.push_back(std::move(supplement).value());
    return doc;
  }
  if (format == DocumentFormat::kAuto) format = Detect(*text);
  Result<Certification> cert = Status::InvalidArgument("");
  std::string format_name;
  std::vector<std::string> notes;
  switch (format) {
    case DocumentFormat::kRncpText:
      cert = ParseRncpFicheText(*text, name);
      format_name = "rncp-text";
      break;
    case DocumentFormat::kReacText: {
      auto reac = ParseReacDocument(*text, name);
      if (!reac.ok()) return reac.status();
      cert = std::move(reac->certification);
      notes = std::move(reac->notes);
      format_name = "reac-text";
      break;
    }
    case DocumentFormat::kAuto:
      return Status::InvalidArgument(
          "fichier " + name +
          " : type de document inconnu (ni fiche RNCP/RS, ni REAC de titre professionnel) ; "
          "--format rncp ou --format reac permet de forcer le type");
  }
  if (!cert.ok()) return cert.status();
  // Stored with the certification (docs/referentiel-format.md): where its
  // text came from, a PDF or a plain text.
  if (from_pdf) cert->source_format += "+pdf";
  ImportedDocument doc;
  doc.format = format_name + (from_pdf ? "+pdf" : "");
  doc.certifications.push_back(std::move(cert).value());
  doc.notes = std::move(notes);
  return doc;
}

Result<ImportedDocument> ImportDocumentFile(const std::string& path, DocumentFormat format) {
  auto bytes = ReadInputFile(path, kMaxDocumentBytes);
  if (!bytes.ok()) return bytes.status();
  return ImportDocumentBytes(*bytes, path, format);
}

}  // namespace passerelle
