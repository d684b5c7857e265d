// The workspace: the folder where Passerelle keeps the competence graph
// (one canonical XML file per certification under certifications/) and,
// later, the dossier index. Layout documented in docs/workspace.md.
//
// Thread safety: none; one process writes at a time (a lock file guards
// writers across processes).
#pragma once

#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/file_system.h"
#include "engine/status.h"

namespace passerelle {

// The workspace folder: `flag` when not empty, else $PASSERELLE_WORKSPACE,
// else "./.passerelle".
std::string ResolveWorkspacePath(const std::string& flag);

enum class SaveOutcome { kAdded, kUpdated, kUnchanged };

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
  // All certifications, sorted by id.
  Result<std::vector<Certification>> LoadAll() const;

  // Stores the certifications. All files are first written as temporaries;
  // only when every one is written are they renamed into place, so a failed
  // save leaves the workspace as it was. `outcomes` (may be null) receives
  // one entry per certification.
  Status Save(const std::vector<Certification>& certs, std::vector<SaveOutcome>* outcomes);

  std::string PathOf(const CertificationId& id) const;

 private:
  std::string CertDir() const { return root_ + "/certifications"; }
  FileSystem* fs_;
  std::string root_;
};

}  // namespace passerelle
