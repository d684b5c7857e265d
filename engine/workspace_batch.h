// A batch of certification writes that becomes visible all at once, or not
// at all: the way every import writes to the workspace, from one fiche to
// the 25,600 of a national export.
//
// Each staged certification is written at once as a temporary file beside
// its final place (so memory holds summaries, never the whole batch);
// Commit makes the temporaries durable with one file-system sync, renames
// them into place and writes the catalog last. Abort, or destroying an
// uncommitted batch, removes the temporaries and leaves the workspace as it
// was. Layout and crash behaviour: docs/workspace.md.
//
// Thread safety: none. REQUIRES: the caller holds the workspace's writer
// lock (engine/workspace_lock.h) for the life of the batch.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "engine/catalog.h"
#include "engine/certification_index.h"
#include "engine/workspace.h"

namespace passerelle {

class WorkspaceBatch {
 public:
  // Starts a batch on `workspace`, which must outlive it. Removes what a
  // killed import left in staging/, then reads the catalog
  // (Workspace::LoadCatalog, so a stale one is brought up to date and
  // rewritten at Commit). Fails like LoadCatalog. With `indexer` (which
  // must outlive the batch), every written certification is analyzed for
  // the content index, published after the catalog
  // (engine/certification_index.h).
  static Result<std::unique_ptr<WorkspaceBatch>> Begin(Workspace* workspace,
                                                       CertificationIndexer* indexer = nullptr);

  // A commit killed among its renames leaves its journal in staging/
  // (docs/workspace.md, "Killed during a commit"). True when one is there.
  static bool HasInterruptedCommit(const Workspace& workspace);
  // Finishes such commits: renames their remaining temporaries into place
  // and removes the journal, so that the workspace is the new state (the
  // catalog is then repaired by LoadCatalog from the files). Begin does it
  // first; readers do it when they can take the lock. REQUIRES: the writer
  // lock.
  static Status RecoverInterruptedCommits(Workspace* workspace);
  ~WorkspaceBatch();
  WorkspaceBatch(const WorkspaceBatch&) = delete;
  WorkspaceBatch& operator=(const WorkspaceBatch&) = delete;

  // The workspace as stored when the batch began.
  const Catalog& stored() const { return stored_; }

  // Stages `cert`: unchanged when its canonical bytes are those of the
  // stored file (nothing is written), otherwise added or updated, written
  // to a temporary. Staging an id again replaces the earlier staging ("last
  // wins"); the outcome is always relative to the stored workspace. IOError
  // when the temporary cannot be written; the batch should then be aborted.
  Result<SaveOutcome> Stage(const Certification& cert);
  bool IsStaged(const CertificationId& id) const { return staged_.count(id) > 0; }

  // Publishes the batch: syncs the temporaries, renames them into place,
  // syncs the folder, then replaces the catalog. A failure before the first
  // rename leaves the workspace as it was; a failure among the renames (a
  // disk that fails mid-way) leaves the renamed files in place and the
  // catalog stale, which the next LoadCatalog repairs. Nothing to write and
  // an up-to-date catalog: nothing is touched. With an indexer, the content
  // index is then made to match the catalog in one Xapian transaction; a
  // failure there leaves it as it was (stale, repaired by the next writer
  // or reader that needs it).
  Status Commit();
  // Removes the temporaries. Called by the destructor of an uncommitted
  // batch; idempotent.
  void Abort();
  // True once Commit has renamed at least one file into place (so a later
  // failure did change the workspace).
  bool published() const { return published_; }

 private:
  struct Staged {
    CatalogEntry entry;    // summary of the staged version
    bool written = false;  // a temporary holds it (false: unchanged)
  };

  WorkspaceBatch(Workspace* workspace, Catalog stored, bool catalog_stale,
                 CertificationIndexer* indexer);
  std::string TemporaryOf(const CertificationId& id) const;
  Status RenameAll();

  Workspace* workspace_;
  FileSystem* fs_;
  Catalog stored_;
  bool catalog_stale_;
  CertificationIndexer* indexer_;
  std::map<CertificationId, Staged> staged_;
  std::string suffix_;
  bool finished_ = false;
  bool published_ = false;
};

}  // namespace passerelle
