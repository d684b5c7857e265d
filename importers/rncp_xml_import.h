// Importing France Compétences' open-data export (the XML file, or the zip
// as downloaded, which holds it) into a workspace, at national scale: the
// export is streamed fiche by fiche (importers/rncp_xml_reader.h), each
// fiche mapped (importers/rncp_xml_fiche.h) and staged at once into a
// WorkspaceBatch, so memory holds one fiche plus the summaries.
//
// Re-import semantics (docs/importers.md): a fiche is added, updated or
// unchanged against the workspace; a fiche without NUMERO_FICHE is skipped
// and reported with its position; a fiche present twice is imported once,
// the last one winning, and reported; certifications imported from an
// earlier export of the same kind (RNCP or RS) that the new export no
// longer holds are marked inactive by DeactivateMissing, never deleted.
// Certifications that came from other documents (fiche PDF, REAC) are never
// deactivated.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/workspace_batch.h"
#include "importers/byte_source.h"

namespace passerelle {

// Largest export accepted once decompressed (the national RNCP export is
// about 570 MB): a zip declaring or inflating more is refused (zip bomb).
constexpr uint64_t kMaxExportBytes = 4ull * 1024 * 1024 * 1024;

struct ImportProgress {
  size_t fiches = 0;         // fiches read so far
  uint64_t bytes_done = 0;   // bytes of the XML read so far
  uint64_t bytes_total = 0;  // size of the XML when known, else 0
};
// Called every few fiches and once at the end of each export.
using ProgressCallback = std::function<void(const ImportProgress&)>;

struct SkippedFiche {
  size_t position = 0;  // rank of the FICHE in the file, from 1
  size_t line = 0;
  std::string reason;  // French: "sans NUMERO_FICHE"
};

struct DuplicateFiche {
  CertificationId id;
  std::vector<size_t> positions;  // every occurrence; the last one was kept
};

// What one export brought.
struct ExportReport {
  std::string file;
  std::string flux_version;                      // VERSION_FLUX, "4.1"
  size_t fiches = 0;                             // FICHE elements read
  size_t added = 0, updated = 0, unchanged = 0;  // distinct certifications
  std::vector<SkippedFiche> skipped;
  std::vector<DuplicateFiche> duplicates;
};

// One import run: any number of exports into one batch, then the
// deactivation of what they no longer hold.
class OpenDataImport {
 public:
  // `batch` must outlive this object.
  explicit OpenDataImport(WorkspaceBatch* batch) : batch_(batch) {}

  // Streams the export at `path` (XML, or a zip holding one or more
  // exports) into the batch. Errors (French, naming the file, with line and
  // element for XML damage): NotFound, InvalidArgument (not an export, zip
  // without export, DOCTYPE/ENTITY, malformed or truncated XML), IOError.
  // After an error the caller must abort the batch: fiches already staged
  // would otherwise be half an import.
  Result<std::vector<ExportReport>> ImportFile(const std::string& path,
                                               const ProgressCallback& progress = {});
  // The same for one export read from `source`; `name` names it.
  Result<ExportReport> ImportStream(ByteSource* source, const std::string& name,
                                    const ProgressCallback& progress = {});

  // Stages as inactive (active = false) every certification of the stored
  // workspace that came from an open-data export (source format
  // kOpenDataFormat) of a kind this run imported, that no export of this run
  // holds, and that is not already inactive. Returns their ids, sorted.
  Result<std::vector<CertificationId>> DeactivateMissing(const Workspace& workspace);

 private:
  WorkspaceBatch* batch_;
  std::set<CertificationId> seen_;
  std::set<CertificationKind> kinds_;
};

// True when `head` (the first bytes of a file) is a zip archive.
bool LooksLikeZip(std::string_view head);

// True when the file at `path` is an open-data export: XML whose root is
// FICHES, or a zip archive holding such an XML file. Unreadable files are
// not exports (the ordinary import path reports them).
bool IsOpenDataExportFile(const std::string& path);

// Every certification of an export given as bytes (XML or zip), the last
// occurrence of a duplicated fiche winning; for small exports and tests.
// Same errors as OpenDataImport::ImportFile.
Result<std::vector<Certification>> ReadOpenDataExport(const std::string& bytes,
                                                      const std::string& name);

}  // namespace passerelle
