// The content index of a workspace's certifications: one Xapian document
// per certification holding the analyzed terms of its competences (titles,
// descriptions, contexts, criteria, savoir-faire, savoirs, bloc titles),
// weighted like the mapping profiles (engine/competence_profile.h). It lets
// `suggest` shortlist certifications whose content meets a dossier's words
// even when their titles do not (docs/suggest.md). Format: docs/workspace.md,
// "The content index".
//
// The index is derived data, kept in step with the catalog: its metadata
// records the digest of the catalog it matches (CatalogDigest) and the
// analysis that produced its terms (ContentAnalysisKey). A WorkspaceBatch
// given a CertificationIndexer publishes the index after the catalog, in one
// Xapian transaction; an index found missing or stale is repaired from the
// certification files (Publish with nothing staged).
//
// Thread safety: none. Writers hold the workspace lock.
#pragma once

#include <xapian.h>

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/catalog.h"
#include "engine/certification.h"
#include "engine/french_analyzer.h"
#include "engine/status.h"
#include "engine/text_features.h"
#include "engine/thesaurus.h"

namespace passerelle {

class Workspace;

// Bump when the analysis rules or the weights below change the terms an
// unchanged certification gets (the thesauri are hashed separately).
constexpr int kContentIndexVersion = 1;

// Identifies the analysis that produced an index's terms: the version
// above and a hash of the built-in thesauri. An index with another key is
// rebuilt.
std::string ContentAnalysisKey();

// A fingerprint of the catalog's ids and content hashes: the index is
// fresh when its recorded digest equals the catalog's.
std::string CatalogDigest(const Catalog& catalog);

// The content terms of `cert` with their within-document frequencies: for
// each part of the referentiel a term occurs in, twice the part's weight in
// ProfileWeights, rounded (title 6, description 3, criterion 1, ...). Each
// bloc title counts once.
std::vector<std::pair<std::string, Xapian::termcount>> ContentTerms(
    const Certification& cert, const FeatureExtractor& features);

// Read side, for the shortlist.
class CertificationIndex {
 public:
  // Opens <workspace>/referentiels.xapian. NotFound when absent,
  // Corruption when unreadable.
  static Result<std::unique_ptr<CertificationIndex>> Open(const std::string& workspace_root);

  // True when the index holds exactly `catalog`'s certifications as
  // analyzed by this version (digest and analysis key match).
  bool Matches(const Catalog& catalog) const;

  // One query term: an analyzer or concept term and its weight in the
  // dossier (how much the dossier is about it).
  struct QueryTerm {
    std::string term;
    double weight = 1;
  };
  // Certifications ranked by BM25 over `terms` (each scaled by its weight),
  // inactive ones left out; at most `limit`, best first. The `max_terms`
  // terms of highest weight × idf are kept (a long dossier has thousands).
  Result<std::vector<std::pair<CertificationId, double>>> Search(
      const std::vector<QueryTerm>& terms, size_t limit, size_t max_terms = 100) const;

  static std::string PathOf(const std::string& workspace_root) {
    return workspace_root + "/referentiels.xapian";
  }
  // Terms and slots (docs/workspace.md).
  static constexpr const char* kIdPrefix = "Q";
  static constexpr const char* kInactiveTerm = "XI";
  static constexpr Xapian::valueno kIdHashSlot = 0;  // "<id>\t<content hash>"

 private:
  CertificationIndex(std::string path, Xapian::Database db)
      : path_(std::move(path)), db_(std::move(db)) {}
  std::string path_;
  Xapian::Database db_;
};

// What Publish did.
struct IndexPublication {
  size_t staged = 0;    // documents written from staged certifications
  size_t repaired = 0;  // certifications read back from their files
  size_t removed = 0;   // documents of certifications no longer in the catalog
};

// Write side. Stage analyzes certifications as a batch writes them and
// keeps their documents in a staging file (memory holds none of them);
// Publish applies them to the index, repairs whatever else differs from the
// catalog, and commits, all in one Xapian transaction. Until Publish
// commits, the index on disk is untouched (it is not even opened).
class CertificationIndexer {
 public:
  // `staging_dir` holds the staging file (<staging_dir>/referentiels.tmp-<pid>).
  CertificationIndexer(std::string workspace_root, std::string staging_dir);
  ~CertificationIndexer();
  CertificationIndexer(const CertificationIndexer&) = delete;
  CertificationIndexer& operator=(const CertificationIndexer&) = delete;

  // Analyzes `cert`, whose canonical bytes hash to `hash`, for Publish.
  // IOError when the staging file cannot be written.
  Status Stage(const Certification& cert, const std::string& hash);
  // Makes the index match `catalog` (the catalog just written):
  // staged documents whose hash is the catalog's are used as they are, any
  // other entry whose document is missing or has another hash is read
  // from `workspace` and analyzed, documents without entry are deleted.
  // On failure the index is as it was. Removes the staging file.
  Status Publish(const Workspace& workspace, const Catalog& catalog,
                 IndexPublication* publication = nullptr);
  // Removes the staging file; idempotent.
  void Abort();
  // Called while Publish writes documents: (written so far, certifications
  // of the catalog). Writing the national register takes several seconds.
  using Progress = std::function<void(size_t done, size_t total)>;
  void SetProgress(Progress progress) { progress_ = std::move(progress); }

 private:
  Status Flush();
  std::string root_;
  std::string staging_path_;
  FrenchAnalyzer analyzer_;
  Thesaurus thesaurus_;
  FeatureExtractor features_;
  Status thesaurus_status_;
  std::FILE* staging_ = nullptr;
  std::string buffer_;
  Progress progress_;
};

}  // namespace passerelle
