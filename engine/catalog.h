// The workspace catalog: one summary line per certification, so that
// listing, filtering and following links across 25,600 certifications never
// reads 25,600 files. The summaries are derived data: each one records the
// stamp of the file it summarizes and is rebuilt from that file when the
// stamp no longer matches (engine/workspace.h). Format in docs/workspace.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/status.h"

namespace passerelle {

// What the catalog knows of one certification without reading its file.
struct CatalogEntry {
  CertificationId id;
  CertificationKind kind = CertificationKind::kRncp;
  std::string title;
  std::string abbreviation;
  int level = 0;  // 0 when unknown
  std::optional<bool> active;
  std::string source_format;  // Certification::source_format
  size_t blocs = 0;
  size_t competences = 0;
  std::vector<Code> codes;  // type and value; labels are not kept
  std::vector<CertificationLink> replaces;
  std::vector<CertificationLink> replaced_by;
  std::vector<Correspondence> correspondences;
  // FileSystem::Stamp of the canonical file when it was summarized.
  std::string stamp;
  // ContentHash of the canonical file's bytes: a re-import that produces the
  // same bytes is recognized as unchanged without reading the file.
  std::string hash;

  bool operator==(const CatalogEntry&) const = default;
};

// The summary of `cert` (stamp and hash left empty).
CatalogEntry Summarize(const Certification& cert);

// Current catalog format version, first line
// "passerelle-catalog<TAB>1<TAB><folder stamp>".
constexpr int kCatalogFormatVersion = 1;

class Catalog {
 public:
  // Entries by id (sorted).
  const std::map<CertificationId, CatalogEntry>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }
  // Null when absent.
  const CatalogEntry* Find(const CertificationId& id) const;
  // Inserts or replaces the entry with the same id.
  void Put(CatalogEntry entry);
  void Remove(const CertificationId& id);

  // FileSystem::Stamp of the certifications folder when the entries were
  // known to match its files; empty when unknown. While the folder keeps
  // this stamp (no file added, removed or renamed into it), the entries are
  // trusted without stamping every file.
  const std::string& folder_stamp() const { return folder_stamp_; }
  void set_folder_stamp(std::string stamp) { folder_stamp_ = std::move(stamp); }

  // The text form (docs/workspace.md). Deterministic: the same entries give
  // the same bytes.
  std::string Serialize() const;
  // Parses the text form. Corruption (French, naming `origin` and the line)
  // when a line is malformed; Unsupported when the version is newer than
  // kCatalogFormatVersion.
  static Result<Catalog> Parse(const std::string& text, const std::string& origin);

 private:
  std::map<CertificationId, CatalogEntry> entries_;
  std::string folder_stamp_;
};

}  // namespace passerelle
