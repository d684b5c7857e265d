// The workspace: the folder where Passerelle keeps the competence graph
// (one canonical XML file per certification under certifications/, and the
// catalog that summarizes them) and the dossier index. Layout documented in
// docs/workspace.md.
//
// Thread safety: none; one process writes at a time (a lock file guards
// writers across processes).
#pragma once

#include <string>
#include <vector>

#include "engine/catalog.h"
#include "engine/certification.h"
#include "engine/file_system.h"
#include "engine/status.h"

namespace passerelle {

// The workspace folder: `flag` when not empty, else $PASSERELLE_WORKSPACE,
// else "./.passerelle".
std::string ResolveWorkspacePath(const std::string& flag);

enum class SaveOutcome { kAdded, kUpdated, kUnchanged };

// What LoadCatalog had to do to bring the stored catalog up to date.
struct CatalogRefresh {
  bool missing = false;   // no catalog file (or an unreadable one): rebuilt
  bool folder_changed = false;  // the folder changed: every file was stamped
  size_t reread = 0;      // certification files read because their stamp changed
  size_t dropped = 0;     // entries whose file no longer exists
  bool stale() const { return missing || folder_changed || reread > 0 || dropped > 0; }
};

class Workspace {
 public:
  // `fs` must outlive the workspace.
  Workspace(FileSystem* fs, std::string root);

  const std::string& root() const { return root_; }

  // Ids of the stored certifications, sorted.
  Result<std::vector<CertificationId>> List() const;
  bool Contains(const CertificationId& id) const;
  // NotFound (French message with the id) when absent; Corruption when the
  // file is damaged.
  Result<Certification> Load(const CertificationId& id) const;
  // All certifications, sorted by id. Reads every file: prefer
  // LoadCatalog when summaries are enough.
  Result<std::vector<Certification>> LoadAll() const;
  // The certifications of `ids` that can be read, in that order; absent or
  // damaged ones are left out. For samples that only feed word statistics.
  std::vector<Certification> LoadReadable(const std::vector<CertificationId>& ids) const;

  // The catalog, checked against the certification files. When the
  // certifications folder has the stamp the catalog recorded (nothing was
  // added, removed or renamed there since), the catalog is trusted as is:
  // one stat and one read. Otherwise every file is stamped: an entry whose
  // file changed (other stamp) is rebuilt from the file, one whose file is
  // gone is dropped, a file without entry is summarized. Files edited in
  // place, without a rename, are not noticed until the folder changes
  // (Passerelle itself always renames; docs/workspace.md). The result is
  // not written back (readers hold no lock); `refresh` (may be null) says
  // whether writing it would help. Corruption when a certification file is
  // damaged; a damaged catalog is simply rebuilt.
  Result<Catalog> LoadCatalog(CatalogRefresh* refresh = nullptr) const;
  // Replaces the catalog file atomically. REQUIRES: the writer lock.
  Status WriteCatalog(const Catalog& catalog);

  // Stores the certifications (and updates the catalog) through a
  // WorkspaceBatch: all files are first written as temporaries; only when
  // every one is written are they renamed into place, so a failed save
  // leaves the workspace as it was. `outcomes` (may be null) receives one
  // entry per certification.
  Status Save(const std::vector<Certification>& certs, std::vector<SaveOutcome>* outcomes);

  std::string PathOf(const CertificationId& id) const;
  std::string CatalogPath() const { return root_ + "/catalog"; }
  std::string CertDir() const { return root_ + "/certifications"; }
  // Where a WorkspaceBatch writes its temporaries: beside certifications/,
  // so that staging does not change the certifications folder's stamp.
  std::string StagingDir() const { return root_ + "/staging"; }
  FileSystem* file_system() const { return fs_; }
  // FileSystem::Stamp of the certifications folder; empty when absent.
  std::string FolderStamp() const;

  // Parses the canonical bytes of `id` and summarizes them with `stamp`.
  static Result<CatalogEntry> EntryFromXml(const std::string& xml, const std::string& stamp,
                                           const std::string& origin);

 private:
  Result<std::string> ReadCertificationFile(const CertificationId& id) const;
  FileSystem* fs_;
  std::string root_;
};

}  // namespace passerelle
