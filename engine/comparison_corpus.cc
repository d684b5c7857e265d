#include "engine/comparison_corpus.h"

namespace passerelle {

bool SameDomainAs(const CatalogEntry& entry, const Certification& cert) {
  for (const Code& mine : entry.codes)
    for (const Code& theirs : cert.codes) {
      if (mine.type != theirs.type) continue;
      if (mine.type == Code::Type::kRome && mine.value == theirs.value) return true;
      if (mine.type == Code::Type::kNsf && mine.value.substr(0, 3) == theirs.value.substr(0, 3))
        return true;
    }
  return false;
}

std::vector<CertificationId> ComparisonCorpusIds(const Catalog& catalog,
                                                 const std::vector<const Certification*>& compared,
                                                 size_t max) {
  std::vector<CertificationId> outside;
  for (const auto& [id, entry] : catalog.entries()) {
    bool excluded = false;
    for (const Certification* c : compared)
      excluded = excluded || c->id == id || SameDomainAs(entry, *c);
    if (!excluded) outside.push_back(id);
  }
  if (outside.size() <= max) return outside;
  std::vector<CertificationId> sample;
  for (size_t k = 0; k < max; ++k) sample.push_back(outside[k * outside.size() / max]);
  return sample;
}

}  // namespace passerelle
