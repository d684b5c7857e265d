// The dossier index: one Xapian database in <workspace>/index holding one
// document per passage of every candidate's dossier (docs/index-format.md).
//
// Thread safety: none. One writer at a time across processes: a writer holds
// the workspace lock (engine/workspace_lock.h, the one `import` takes) and
// Xapian's own lock for its whole life; a second writer gets IOError with a
// French message.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "engine/french_analyzer.h"
#include "engine/status.h"
#include "engine/workspace_lock.h"

namespace passerelle {

// A passage as stored: what search results and the mapping show.
struct IndexedPassage {
  std::string candidate;
  std::string dossier;     // file name of the dossier
  uint32_t passage = 0;    // 1-based rank of the passage in its dossier
  uint32_t paragraph = 0;  // 1-based paragraph number
  uint32_t page = 0;       // 0 when unknown
  uint32_t part = 0;       // sentence part when the paragraph was split
  std::string heading;
  std::string text;  // verbatim
};

struct CandidateSummary {
  std::string candidate;
  std::string dossier;
  std::string format;
  uint32_t passages = 0;
  uint64_t words = 0;
};

// A passage to add (what importers/dossier_reader.h produces, copied so that
// the engine does not depend on importers).
struct PassageInput {
  uint32_t paragraph = 0;
  uint32_t page = 0;
  uint32_t part = 0;
  std::string heading;
  std::string text;
};

// The one rule for candidate ids, checked when a dossier is added and when
// one is removed (and by the CLI for every --candidate): 1 to 64 ASCII
// letters, digits, '-', '_' and '.', but not "." or "..".
constexpr size_t kMaxCandidateIdBytes = 64;
bool IsValidCandidateId(const std::string& id);
// OK, or InvalidArgument with a French message quoting `id` and the rule.
Status CheckCandidateId(const std::string& id);

class DossierIndex {
 public:
  enum class OpenMode {
    kCreate,    // create the workspace and the index when missing (add)
    kExisting,  // NotFound, creating nothing, when either is missing (remove)
  };
  // Opens for writing, taking the workspace lock first: held until
  // destruction, it also covers the compactions, during which Xapian's
  // lock is released. Under the lock, what a killed writer left is cleaned
  // up (and a compaction it did not finish is done again). IOError when
  // another process holds either lock (so a caller must not hold the
  // workspace lock itself), Corruption when damaged; the checks of
  // WorkspaceLock::Acquire (a folder that is not a workspace is refused).
  static Result<std::unique_ptr<DossierIndex>> OpenForWriting(const std::string& workspace_root,
                                                              OpenMode mode = OpenMode::kCreate);
  // Opens for reading, creating nothing. NotFound when the workspace does
  // not exist (CheckWorkspaceForReading); an absent index reads as empty
  // (exists() false).
  static Result<std::unique_ptr<DossierIndex>> OpenForReading(const std::string& workspace_root);

  // Adds the dossier of `candidate`, replacing any previous one, in one
  // transaction: on failure the index is as it was. A replaced dossier's
  // text is then compacted away like a removed one. InvalidArgument for an
  // invalid candidate id (CheckCandidateId) or text that is not UTF-8.
  Status AddDossier(const std::string& candidate, const CandidateSummary& summary,
                    const std::vector<PassageInput>& passages, const FrenchAnalyzer& analyzer);
  // Deletes every passage of the candidate and compacts the database so that
  // the deleted text does not linger in free blocks. NotFound when absent,
  // InvalidArgument for an invalid id.
  Status RemoveCandidate(const std::string& candidate);

  // False for a workspace without dossier index (opened for reading).
  bool exists() const { return db_ != nullptr; }
  const std::string& workspace_root() const { return root_; }

  Result<std::vector<CandidateSummary>> Candidates() const;
  bool HasCandidate(const std::string& candidate) const;
  // All passages of a candidate in dossier order.
  Result<std::vector<IndexedPassage>> PassagesOf(const std::string& candidate) const;

  // REQUIRES: exists().
  const Xapian::Database& database() const { return *db_; }
  static IndexedPassage PassageFromDocument(const Xapian::Document& doc);

  // Term prefixes and value slots (docs/index-format.md).
  static constexpr const char* kCandidatePrefix = "XC";
  static constexpr const char* kDossierPrefix = "XD";
  static constexpr const char* kIdPrefix = "Q";
  static constexpr Xapian::valueno kParagraphSlot = 0;
  static constexpr Xapian::valueno kPageSlot = 1;
  static constexpr Xapian::valueno kPassageSlot = 2;

 private:
  DossierIndex(std::string root, std::string path, std::unique_ptr<Xapian::Database> db,
               Xapian::WritableDatabase* writable, std::unique_ptr<WorkspaceLock> lock = nullptr)
      : lock_(std::move(lock)),
        root_(std::move(root)),
        path_(std::move(path)),
        db_(std::move(db)),
        writable_(writable) {}
  Status Compact();

  std::unique_ptr<WorkspaceLock> lock_;  // writers only; released after db_ closes
  std::string root_;
  std::string path_;  // <workspace>/index
  std::string live_;  // the live generation (writers)
  std::unique_ptr<Xapian::Database> db_;
  Xapian::WritableDatabase* writable_ = nullptr;  // db_ when open for writing
};

}  // namespace passerelle
