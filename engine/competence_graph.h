// The competence graph over all the certifications of a workspace:
// certification, bloc and competence nodes (engine/certification.h), shared
// code nodes (ROME, NSF, Formacode) linking certifications that share a job
// or domain code, replaces / replaced-by edges made symmetric whichever side
// declared them, and official bloc correspondences seen from both sides.
//
// The edges and code nodes come from the summaries of every certification
// (engine/catalog.h); the full trees (blocs, competences) are held only for
// the certifications that were loaded, so a graph over a national register
// opens in a fraction of a second when only one certification is wanted.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/catalog.h"
#include "engine/certification.h"
#include "engine/workspace.h"

namespace passerelle {

class CompetenceGraph {
 public:
  CompetenceGraph() = default;
  // A graph over `certs`, all fully loaded.
  explicit CompetenceGraph(std::vector<Certification> certs);
  // A graph over the certifications of `catalog`, of which `loaded` are
  // fully loaded (each must be in the catalog).
  CompetenceGraph(Catalog catalog, std::vector<Certification> loaded);

  // Loads every certification of the workspace (reads every file).
  static Result<CompetenceGraph> Load(const Workspace& workspace);
  // Edges from the workspace catalog (`catalog` when given, else
  // Workspace::LoadCatalog); only `ids` are fully loaded. NotFound (French,
  // with the id) when one of them is not in the workspace.
  static Result<CompetenceGraph> LoadFor(const Workspace& workspace,
                                         const std::vector<CertificationId>& ids,
                                         std::optional<Catalog> catalog = std::nullopt);

  // The fully loaded certifications, sorted by id.
  const std::vector<Certification>& certifications() const { return certs_; }
  // A fully loaded certification; null when absent or only summarized.
  const Certification* Find(const CertificationId& id) const;
  // The summary of any certification of the graph; null when absent.
  const CatalogEntry* FindSummary(const CertificationId& id) const;
  // Every summary (fully loaded certifications included).
  const Catalog& catalog() const { return catalog_; }

  // Certifications `id` replaces: declared by `id` or declared as
  // "replaced by id" by the other side. Titles are filled from the graph
  // when the declaration had none. Sorted by id, no duplicates.
  std::vector<CertificationLink> Replaces(const CertificationId& id) const;
  std::vector<CertificationLink> ReplacedBy(const CertificationId& id) const;

  // Certifications holding this code (type and value), sorted.
  std::vector<CertificationId> WithCode(Code::Type type, const std::string& value) const;
  // Other certifications sharing at least one ROME code with `id`.
  std::vector<CertificationId> SharingRome(const CertificationId& id) const;

  // Official correspondences touching `id`, declared on either side,
  // oriented from `id`, sorted, no duplicates.
  std::vector<Correspondence> Correspondences(const CertificationId& id) const;

 private:
  using LinkList = std::vector<CertificationLink> CatalogEntry::*;
  std::vector<CertificationLink> Symmetric(const CertificationId& id, LinkList own,
                                           LinkList reverse) const;
  std::string TitleOf(const CertificationId& id, const std::string& fallback) const;

  // No index over the summaries: each question scans them, which takes a
  // millisecond at national scale, where building indexes for 25,600
  // certifications would cost more than a `show` asks.
  Catalog catalog_;                   // every certification, summarized
  std::vector<Certification> certs_;  // the fully loaded ones, sorted by id
};

}  // namespace passerelle
