#include "importers/rncp_xml_import.h"

#include <map>

#include "engine/text.h"
#include "importers/rncp_xml_fiche.h"
#include "importers/rncp_xml_reader.h"
#include "importers/zip_archive.h"

namespace passerelle {

namespace {

constexpr size_t kSniffBytes = 4096;
constexpr size_t kProgressEvery = 64;  // fiches between two progress calls

// Receives each mapped certification; returns its outcome in the workspace.
using FicheSink = std::function<Result<SaveOutcome>(Certification)>;

void CountOutcomes(const std::map<CertificationId, SaveOutcome>& outcomes, ExportReport* report) {
  for (const auto& [id, outcome] : outcomes) {
    if (outcome == SaveOutcome::kAdded) ++report->added;
    if (outcome == SaveOutcome::kUpdated) ++report->updated;
    if (outcome == SaveOutcome::kUnchanged) ++report->unchanged;
  }
}

void Notify(const ProgressCallback& progress, const RncpXmlReader& reader, size_t fiches) {
  if (progress) progress({fiches, reader.bytes_read(), reader.total_bytes()});
}

// Reads every fiche of one export and hands the mapped ones to `sink`.
Result<ExportReport> ReadExport(ByteSource* source, const std::string& name,
                                const ProgressCallback& progress, const FicheSink& sink) {
  RncpXmlReader reader(source, name);
  Status s = reader.ReadHeader();
  if (!s.ok()) return s;
  ExportReport report;
  report.file = name;
  std::map<CertificationId, std::vector<size_t>> positions;
  std::map<CertificationId, SaveOutcome> outcomes;
  ExportFiche fiche;
  pugi::xml_document doc;
  for (;;) {
    auto more = reader.Next(&fiche);
    if (!more.ok()) return more.status();
    if (!*more) break;
    ++report.fiches;
    s = ParseFicheXml(fiche, name, &doc);
    if (!s.ok()) return s;
    FicheMapping mapped = CertificationFromFiche(doc.child("FICHE"), reader.version());
    if (!mapped.certification) {
      report.skipped.push_back({fiche.position, fiche.line, mapped.skipped_because});
      continue;
    }
    const CertificationId id = mapped.certification->id;
    auto outcome = sink(std::move(*mapped.certification));
    if (!outcome.ok()) return outcome.status();
    positions[id].push_back(fiche.position);
    outcomes[id] = *outcome;
    if (report.fiches % kProgressEvery == 0) Notify(progress, reader, report.fiches);
  }
  Notify(progress, reader, report.fiches);
  report.flux_version = reader.version();
  CountOutcomes(outcomes, &report);
  for (auto& [id, where] : positions)
    if (where.size() > 1) report.duplicates.push_back({id, std::move(where)});
  return report;
}

bool EndsWithXml(const std::string& name) {
  return name.size() >= 4 && FoldForMatch(name.substr(name.size() - 4)) == ".xml";
}

// The entries of `archive` that are open-data exports, in archive order.
Result<std::vector<std::string>> ExportEntries(const ZipArchive& archive, const std::string& name) {
  std::vector<std::string> exports;
  for (const std::string& entry : archive.EntryNames()) {
    if (!EndsWithXml(entry)) continue;
    auto stream = archive.OpenEntry(entry, kMaxExportBytes);
    if (!stream.ok()) return stream.status();
    std::string head(kSniffBytes, '\0');
    auto n = (*stream)->Read(head.data(), head.size());
    if (!n.ok()) return n.status();
    head.resize(*n);
    if (LooksLikeOpenDataExport(head)) exports.push_back(entry);
  }
  if (exports.empty())
    return Status::InvalidArgument(
        "fichier " + name +
        " : archive zip qui ne contient pas d'export France Compétences (aucun fichier XML dont "
        "l'élément racine est <FICHES>)");
  return exports;
}

// Runs `read` on every export of the zip archive.
Result<std::vector<ExportReport>> ReadZipExports(
    const ZipArchive& archive, const std::string& name,
    const std::function<Result<ExportReport>(ByteSource*, const std::string&)>& read) {
  auto entries = ExportEntries(archive, name);
  if (!entries.ok()) return entries.status();
  std::vector<ExportReport> reports;
  for (const std::string& entry : *entries) {
    auto stream = archive.OpenEntry(entry, kMaxExportBytes);
    if (!stream.ok()) return stream.status();
    // Entry names may be in any charset (zip tools of old Windows):
    // shown repaired, never carried invalid into the report or its JSON.
    auto report = read(stream->get(), name + " (" + RepairUtf8(entry) + ")");
    if (!report.ok()) return report.status();
    reports.push_back(std::move(report).value());
  }
  return reports;
}

}  // namespace

bool LooksLikeZip(std::string_view head) { return StartsWith(head, "PK\x03\x04"); }

bool IsOpenDataExportFile(const std::string& path) {
  auto head = ReadFileHead(path, kSniffBytes);
  if (!head.ok()) return false;
  if (LooksLikeOpenDataExport(*head)) return true;
  if (!LooksLikeZip(*head)) return false;
  auto archive = ZipArchive::OpenFile(path);
  if (!archive.ok()) return false;
  auto entries = ExportEntries(**archive, path);
  return entries.ok();
}

Result<ExportReport> OpenDataImport::ImportStream(ByteSource* source, const std::string& name,
                                                  const ProgressCallback& progress) {
  return ReadExport(source, name, progress, [this](Certification cert) {
    seen_.insert(cert.id);
    kinds_.insert(cert.kind);
    return batch_->Stage(cert);
  });
}

Result<std::vector<ExportReport>> OpenDataImport::ImportFile(const std::string& path,
                                                             const ProgressCallback& progress) {
  auto head = ReadFileHead(path, kSniffBytes);
  if (!head.ok()) return head.status();
  auto read = [&](ByteSource* source, const std::string& name) {
    return ImportStream(source, name, progress);
  };
  if (LooksLikeZip(*head)) {
    auto archive = ZipArchive::OpenFile(path);
    if (!archive.ok()) return archive.status();
    return ReadZipExports(**archive, path, read);
  }
  auto file = FileByteSource::Open(path);
  if (!file.ok()) return file.status();
  auto report = read(file->get(), path);
  if (!report.ok()) return report.status();
  return std::vector<ExportReport>{std::move(report).value()};
}

Result<std::vector<CertificationId>> OpenDataImport::DeactivateMissing(const Workspace& workspace) {
  std::vector<CertificationId> deactivated;
  for (const auto& [id, entry] : batch_->stored().entries()) {
    if (entry.source_format != kOpenDataFormat || !kinds_.count(entry.kind) || seen_.count(id) ||
        entry.active == false || batch_->IsStaged(id))
      continue;
    auto cert = workspace.Load(id);
    if (!cert.ok()) return cert.status();
    cert->active = false;
    auto outcome = batch_->Stage(*cert);
    if (!outcome.ok()) return outcome.status();
    deactivated.push_back(id);
  }
  return deactivated;
}

Result<std::vector<Certification>> ReadOpenDataExport(const std::string& bytes,
                                                      const std::string& name) {
  std::map<CertificationId, Certification> certs;
  auto read = [&](ByteSource* source, const std::string& entry_name) {
    return ReadExport(source, entry_name, {}, [&](Certification cert) -> Result<SaveOutcome> {
      CertificationId id = cert.id;
      certs.insert_or_assign(std::move(id), std::move(cert));
      return SaveOutcome::kAdded;
    });
  };
  Status s;
  if (LooksLikeZip(bytes)) {
    auto archive = ZipArchive::Open(bytes, name);
    if (!archive.ok()) return archive.status();
    s = ReadZipExports(**archive, name, read).status();
  } else {
    StringByteSource source(bytes);
    s = read(&source, name).status();
  }
  if (!s.ok()) return s;
  std::vector<Certification> out;
  for (auto& [id, cert] : certs) out.push_back(std::move(cert));
  return out;
}

}  // namespace passerelle
