// Importing a referentiel document of any supported kind: the format is
// detected from the content (not the file name), or forced by the caller.
#pragma once

#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/status.h"

namespace passerelle {

enum class DocumentFormat {
  kAuto,      // detect from content
  kRncpText,  // RNCP / RS fiche, text or PDF
  kReacText,  // REAC (+ RE) of a titre professionnel, text or PDF
};

// "auto", "rncp", "reac" (the --format values). InvalidArgument otherwise.
Result<DocumentFormat> ParseDocumentFormat(const std::string& name);

struct ImportedDocument {
  std::vector<Certification> certifications;
  // A standalone RE or RC: what it adds to its titre, to merge into it
  // (importers/reac_supplement.h); never a certification of its own.
  std::vector<Certification> supplements;
  std::string format;  // "rncp-text", "reac-text", "re-text", "rc-text", with "+pdf" from a PDF
  // What the reader should know (French, without the file name): titles
  // that disagree between a REAC's lists and its fiches, ...
  std::vector<std::string> notes;
};

// Largest document accepted (a referentiel PDF is a few MB).
constexpr size_t kMaxDocumentBytes = 64u * 1024 * 1024;

// Reads and parses the file at `path`. Messages (French) name the file.
// Detection, from the content: France Compétences' open-data export (XML
// root FICHES, or a zip holding it; a zip without one is refused), then a
// canonical <certification> file, a PDF, a text fiche or REAC. The national
// export is larger than kMaxDocumentBytes: import it with OpenDataImport
// (importers/rncp_xml_import.h), which streams it into the workspace.
Result<ImportedDocument> ImportDocumentFile(const std::string& path, DocumentFormat format);

// Same on bytes already read; `name` is used in messages and as source name.
Result<ImportedDocument> ImportDocumentBytes(const std::string& bytes, const std::string& name,
                                             DocumentFormat format);

}  // namespace passerelle
