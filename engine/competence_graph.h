// The competence graph over all the certifications of a workspace:
// certification, bloc and competence nodes (engine/certification.h), shared
// code nodes (ROME, NSF, Formacode) linking certifications that share a job
// or domain code, replaces / replaced-by edges made symmetric whichever side
// declared them, and official bloc correspondences.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/workspace.h"

namespace passerelle {

class CompetenceGraph {
 public:
  CompetenceGraph() = default;
  explicit CompetenceGraph(std::vector<Certification> certs);

  // Loads every certification of the workspace.
  static Result<CompetenceGraph> Load(const Workspace& workspace);

  const std::vector<Certification>& certifications() const { return certs_; }
  const Certification* Find(const CertificationId& id) const;

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
  // oriented from `id`.
  std::vector<Correspondence> Correspondences(const CertificationId& id) const;

 private:
  using CodeKey = std::pair<Code::Type, std::string>;
  void Index();
  std::string TitleOf(const CertificationId& id, const std::string& fallback) const;

  std::vector<Certification> certs_;
  std::map<CertificationId, size_t> by_id_;
  std::map<CodeKey, std::vector<CertificationId>> by_code_;
  // Symmetric replacement edges: old -> new.
  std::multimap<CertificationId, CertificationLink> replaced_by_;
  std::multimap<CertificationId, CertificationLink> replaces_;
};

}  // namespace passerelle
