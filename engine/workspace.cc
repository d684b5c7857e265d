#include "engine/workspace.h"

#include <algorithm>
#include <cstdlib>

#include "engine/certification_xml.h"
#include "engine/text.h"
#include "engine/workspace_batch.h"

namespace passerelle {

std::string ResolveWorkspacePath(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("PASSERELLE_WORKSPACE");
  if (env && *env) return env;
  return "./.passerelle";
}

Workspace::Workspace(FileSystem* fs, std::string root) : fs_(fs), root_(std::move(root)) {
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
}

std::string Workspace::PathOf(const CertificationId& id) const {
  return CertDir() + "/" + id.value + ".xml";
}

Result<std::vector<CertificationId>> Workspace::List() const {
  auto names = fs_->ListDir(CertDir());
  if (!names.ok()) return names.status();
  std::vector<CertificationId> ids;
  for (const std::string& name : *names) {
    if (!EndsWith(name, ".xml")) continue;
    std::string id = name.substr(0, name.size() - 4);
    if (IsCertificationId(id)) ids.emplace_back(id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool Workspace::Contains(const CertificationId& id) const { return fs_->Exists(PathOf(id)); }

Result<std::string> Workspace::ReadCertificationFile(const CertificationId& id) const {
  if (!IsCertificationId(id.value))
    return Status::InvalidArgument("« " + id.value +
                                   " » n'est pas un identifiant de certification "
                                   "(attendu : RNCP1234, RS1234 ou TP-01234)");
  auto xml = fs_->ReadFile(PathOf(id));
  if (!xml.ok() && xml.status().kind() == Status::Kind::kNotFound)
    return Status::NotFound("certification " + id.value + " absente de l'espace de travail " +
                            root_);
  return xml;
}

Result<Certification> Workspace::Load(const CertificationId& id) const {
  auto xml = ReadCertificationFile(id);
  if (!xml.ok()) return xml.status();
  return CertificationFromXml(*xml, PathOf(id));
}

Result<std::vector<Certification>> Workspace::LoadAll() const {
  auto ids = List();
  if (!ids.ok()) return ids.status();
  std::vector<Certification> all;
  all.reserve(ids->size());
  for (const CertificationId& id : *ids) {
    auto cert = Load(id);
    if (!cert.ok()) return cert.status();
    all.push_back(std::move(cert).value());
  }
  return all;
}

std::vector<Certification> Workspace::LoadReadable(const std::vector<CertificationId>& ids) const {
  std::vector<Certification> out;
  out.reserve(ids.size());
  for (const CertificationId& id : ids) {
    auto cert = Load(id);
    if (cert.ok()) out.push_back(std::move(cert).value());
  }
  return out;
}

Result<CatalogEntry> Workspace::EntryFromXml(const std::string& xml, const std::string& stamp,
                                             const std::string& origin) {
  auto cert = CertificationFromXml(xml, origin);
  if (!cert.ok()) return cert.status();
  CatalogEntry entry = Summarize(*cert);
  entry.stamp = stamp;
  entry.hash = ContentHash(xml);
  return entry;
}

namespace {

// The stored catalog, or an empty one when the file is absent or damaged
// (`*missing` set): it is derived data and will be rebuilt.
Result<Catalog> ReadStoredCatalog(FileSystem* fs, const std::string& path, bool* missing) {
  *missing = false;
  auto text = fs->ReadFile(path);
  if (!text.ok()) {
    if (text.status().kind() != Status::Kind::kNotFound) return text.status();
    *missing = true;
    return Catalog();
  }
  auto parsed = Catalog::Parse(*text, path);
  if (parsed.ok() || parsed.status().kind() == Status::Kind::kUnsupported) return parsed;
  *missing = true;
  return Catalog();
}

}  // namespace

std::string Workspace::FolderStamp() const {
  auto stamp = fs_->Stamp(CertDir());
  return stamp.ok() ? *stamp : "";
}

Result<Catalog> Workspace::LoadCatalog(CatalogRefresh* refresh) const {
  CatalogRefresh info;
  // Taken before listing: a file added while we list makes the next reader
  // look again.
  const std::string folder = FolderStamp();
  bool missing = false;
  auto catalog = ReadStoredCatalog(fs_, CatalogPath(), &missing);
  if (!catalog.ok()) return catalog.status();
  if (!missing && !folder.empty() && catalog->folder_stamp() == folder) {
    if (refresh) *refresh = info;
    return catalog;  // the folder did not change since the catalog was written
  }
  auto files = fs_->ListStamped(CertDir());
  if (!files.ok()) return files.status();
  std::vector<std::pair<CertificationId, const std::string*>> stamped;  // sorted by id
  for (const FileSystem::StampedName& file : *files) {
    if (!EndsWith(file.name, ".xml")) continue;
    CertificationId id(file.name.substr(0, file.name.size() - 4));
    if (IsCertificationId(id.value)) stamped.emplace_back(std::move(id), &file.stamp);
  }
  std::sort(stamped.begin(), stamped.end());
  info.missing = missing && !stamped.empty();
  // The folder changed since the catalog was written (or the catalog did
  // not know its stamp): every entry is checked against its file.
  info.folder_changed = !missing && catalog->folder_stamp() != folder;
  // Entries are checked in place (no copy of 25,600 summaries): those whose
  // stamp differs are rebuilt, those without file are dropped at the end.
  for (const auto& [id, stamp] : stamped) {
    const CatalogEntry* known = catalog->Find(id);
    if (known && known->stamp == *stamp) continue;
    auto xml = ReadCertificationFile(id);
    if (!xml.ok()) return xml.status();
    auto entry = EntryFromXml(*xml, *stamp, PathOf(id));
    if (!entry.ok()) return entry.status();
    catalog->Put(std::move(entry).value());
    ++info.reread;
  }
  std::vector<CertificationId> gone;
  auto file = stamped.begin();
  for (const auto& [id, entry] : catalog->entries()) {
    while (file != stamped.end() && file->first < id) ++file;
    if (file == stamped.end() || file->first != id) gone.push_back(id);
  }
  for (const CertificationId& id : gone) catalog->Remove(id);
  info.dropped = gone.size();
  catalog->set_folder_stamp(folder);
  if (refresh) *refresh = info;
  return catalog;
}

Status Workspace::WriteCatalog(const Catalog& catalog) {
  Status s = fs_->MakeDirs(root_);
  if (!s.ok()) return s;
  return WriteFileAtomic(*fs_, CatalogPath(), catalog.Serialize());
}

Status Workspace::Save(const std::vector<Certification>& certs,
                       std::vector<SaveOutcome>* outcomes) {
  auto batch = WorkspaceBatch::Begin(this);
  if (!batch.ok()) return batch.status();
  std::vector<SaveOutcome> result;
  for (const Certification& cert : certs) {
    auto outcome = (*batch)->Stage(cert);
    if (!outcome.ok()) return outcome.status();  // the batch removes its temporaries
    result.push_back(*outcome);
  }
  Status s = (*batch)->Commit();
  if (!s.ok()) return s;
  if (outcomes) *outcomes = std::move(result);
  return Status::OK();
}

}  // namespace passerelle
