#include "engine/workspace_batch.h"

#include <unistd.h>

#include "engine/certification_xml.h"
#include "engine/text.h"

namespace passerelle {

Result<std::unique_ptr<WorkspaceBatch>> WorkspaceBatch::Begin(Workspace* workspace,
                                                              CertificationIndexer* indexer) {
  // The folder exists before its stamp is taken, so that creating it does
  // not count as a change made by someone else (see Commit).
  FileSystem* fs = workspace->file_system();
  Status s = fs->MakeDirs(workspace->CertDir());
  if (!s.ok()) return s;
  // The writer lock is held: a killed commit is finished first, then
  // anything left in staging/ is the temporaries of an import that was
  // killed before committing.
  s = RecoverInterruptedCommits(workspace);
  if (!s.ok()) return s;
  auto leftovers = fs->ListDir(workspace->StagingDir());
  if (leftovers.ok())
    for (const std::string& name : *leftovers) fs->Remove(workspace->StagingDir() + "/" + name);
  CatalogRefresh refresh;
  auto catalog = workspace->LoadCatalog(&refresh);
  if (!catalog.ok()) return catalog.status();
  return std::unique_ptr<WorkspaceBatch>(
      new WorkspaceBatch(workspace, std::move(catalog).value(), refresh.stale(), indexer));
}

namespace {

// The journal of a commit: staging/commit.tmp-<pid>, written durably after
// the temporaries and before the first rename, removed after the catalog.
// Its presence says: every staging/<id>.xml.tmp-<pid> belongs in
// certifications/.
constexpr const char* kJournalPrefix = "commit.tmp-";

std::string JournalPath(const Workspace& workspace, const std::string& suffix) {
  return workspace.StagingDir() + "/commit" + suffix;
}

}  // namespace

bool WorkspaceBatch::HasInterruptedCommit(const Workspace& workspace) {
  auto names = workspace.file_system()->ListDir(workspace.StagingDir());
  if (!names.ok()) return false;
  for (const std::string& name : *names)
    if (StartsWith(name, kJournalPrefix)) return true;
  return false;
}

Status WorkspaceBatch::RecoverInterruptedCommits(Workspace* workspace) {
  FileSystem* fs = workspace->file_system();
  auto names = fs->ListDir(workspace->StagingDir());
  if (!names.ok()) return names.status();
  for (const std::string& journal : *names) {
    if (!StartsWith(journal, kJournalPrefix)) continue;
    const std::string suffix = journal.substr(std::string("commit").size());  // ".tmp-<pid>"
    const std::string ending = ".xml" + suffix;
    for (const std::string& name : *names) {
      if (!EndsWith(name, ending)) continue;
      const std::string id = name.substr(0, name.size() - ending.size());
      if (!IsCertificationId(id)) continue;
      Status s = fs->Rename(workspace->StagingDir() + "/" + name, workspace->PathOf(CertificationId(id)));
      if (!s.ok()) return s;
    }
    Status s = fs->SyncFileSystem(workspace->CertDir());
    if (s.ok()) s = fs->Remove(workspace->StagingDir() + "/" + journal);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

WorkspaceBatch::WorkspaceBatch(Workspace* workspace, Catalog stored, bool catalog_stale,
                               CertificationIndexer* indexer)
    : workspace_(workspace),
      fs_(workspace->file_system()),
      stored_(std::move(stored)),
      catalog_stale_(catalog_stale),
      indexer_(indexer),
      suffix_(".tmp-" + std::to_string(::getpid())) {}

WorkspaceBatch::~WorkspaceBatch() { Abort(); }

std::string WorkspaceBatch::TemporaryOf(const CertificationId& id) const {
  return workspace_->StagingDir() + "/" + id.value + ".xml" + suffix_;
}

Result<SaveOutcome> WorkspaceBatch::Stage(const Certification& cert) {
  if (finished_) return Status::InvalidArgument("lot d'écriture déjà terminé");
  if (staged_.empty()) {
    Status s = fs_->MakeDirs(workspace_->StagingDir());
    if (!s.ok()) return s;
  }
  const std::string xml = CertificationToXml(cert);
  // Readers validate at the edge; this is the last guard before the disk:
  // a file with invalid UTF-8 would break every JSON output of it.
  const size_t invalid = FirstInvalidUtf8(xml);
  if (invalid != std::string::npos)
    return Status::InvalidArgument("certification " + RepairUtf8(cert.id.value) +
                                   " : texte qui n'est pas de l'UTF-8 valide (octet " +
                                   std::to_string(invalid) +
                                   " de sa forme canonique) ; rien n'est enregistré");
  CatalogEntry entry = Summarize(cert);
  entry.hash = ContentHash(xml);
  const CatalogEntry* stored = stored_.Find(cert.id);
  auto previous = staged_.find(cert.id);
  const bool had_temporary = previous != staged_.end() && previous->second.written;
  if (stored && stored->hash == entry.hash) {
    if (had_temporary) fs_->Remove(TemporaryOf(cert.id));
    staged_[cert.id] = {*stored, false};
    return SaveOutcome::kUnchanged;
  }
  const std::string temporary = TemporaryOf(cert.id);
  Status s = fs_->WriteFileUnsynced(temporary, xml);
  if (!s.ok()) {
    fs_->Remove(temporary);
    if (had_temporary) staged_.erase(cert.id);
    return s;
  }
  // Renaming keeps size, modification time and inode: the stamp of the
  // temporary is the stamp the final file will have.
  auto stamp = fs_->Stamp(temporary);
  if (!stamp.ok()) {
    fs_->Remove(temporary);
    staged_.erase(cert.id);
    return stamp.status();
  }
  entry.stamp = *stamp;
  if (indexer_) {
    s = indexer_->Stage(cert, entry.hash);
    if (!s.ok()) {
      fs_->Remove(temporary);
      staged_.erase(cert.id);
      return s;
    }
  }
  staged_[cert.id] = {std::move(entry), true};
  return stored ? SaveOutcome::kUpdated : SaveOutcome::kAdded;
}

Status WorkspaceBatch::RenameAll() {
  Status s;
  for (auto& [id, staged] : staged_) {
    if (!staged.written) continue;
    if (s.ok()) s = fs_->Rename(TemporaryOf(id), workspace_->PathOf(id));
    if (s.ok()) {
      staged.written = false;  // in place: nothing left to remove
      stored_.Put(staged.entry);
      published_ = true;
    }
  }
  return s;
}

Status WorkspaceBatch::Commit() {
  if (finished_) return Status::InvalidArgument("lot d'écriture déjà terminé");
  bool any_write = false;
  for (const auto& [id, staged] : staged_) any_write |= staged.written;
  if (any_write) {
    Status s = fs_->SyncFileSystem(workspace_->CertDir());
    if (!s.ok()) return s;  // the destructor removes the temporaries
    // Nothing but this batch may change the folder between the stamp the
    // catalog was checked against and the one recorded after the renames;
    // if something did, record none and let the next reader check files.
    const bool undisturbed = workspace_->FolderStamp() == stored_.folder_stamp();
    // From the journal on, a kill leaves the new state: the next command
    // finishes the renames (RecoverInterruptedCommits).
    s = fs_->WriteFile(JournalPath(*workspace_, suffix_), "");
    if (s.ok()) s = fs_->SyncFileSystem(workspace_->StagingDir());
    if (!s.ok()) {
      fs_->Remove(JournalPath(*workspace_, suffix_));
      return s;  // the destructor removes the temporaries
    }
    s = RenameAll();
    if (s.ok()) s = fs_->SyncFileSystem(workspace_->CertDir());
    if (!s.ok()) return s;
    stored_.set_folder_stamp(undisturbed ? workspace_->FolderStamp() : "");
  }
  finished_ = true;
  if (any_write || catalog_stale_) {
    Status s = workspace_->WriteCatalog(stored_);
    if (any_write) fs_->Remove(JournalPath(*workspace_, suffix_));
    if (!s.ok()) {
      if (indexer_) indexer_->Abort();
      return s.WithContext(
          "certifications enregistrées, mais catalogue non mis à jour "
          "(il sera reconstruit à la prochaine lecture) : ");
    }
  }
  if (!indexer_) return Status::OK();
  Status s = indexer_->Publish(*workspace_, stored_);
  if (!s.ok())
    return s.WithContext(
        "certifications enregistrées, mais index des référentiels non mis à jour "
        "(il sera reconstruit quand suggest en aura besoin) : ");
  return Status::OK();
}

void WorkspaceBatch::Abort() {
  if (indexer_ && !finished_) indexer_->Abort();
  for (auto& [id, staged] : staged_) {
    if (!staged.written) continue;
    fs_->Remove(TemporaryOf(id));
    staged.written = false;
  }
  finished_ = true;
}

}  // namespace passerelle
