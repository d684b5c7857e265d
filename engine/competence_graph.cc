#include "engine/competence_graph.h"

#include <algorithm>
#include <map>
#include <set>

namespace passerelle {

namespace {

Catalog CatalogOf(const std::vector<Certification>& certs) {
  Catalog catalog;
  for (const Certification& c : certs) catalog.Put(Summarize(c));
  return catalog;
}

std::vector<Certification> SortedById(std::vector<Certification> certs) {
  std::sort(certs.begin(), certs.end(),
            [](const Certification& a, const Certification& b) { return a.id < b.id; });
  return certs;
}

}  // namespace

// catalog_ is declared before certs_, so it is built before `certs` is
// moved from.
CompetenceGraph::CompetenceGraph(std::vector<Certification> certs)
    : catalog_(CatalogOf(certs)), certs_(SortedById(std::move(certs))) {}

CompetenceGraph::CompetenceGraph(Catalog catalog, std::vector<Certification> loaded)
    : catalog_(std::move(catalog)), certs_(SortedById(std::move(loaded))) {}

Result<CompetenceGraph> CompetenceGraph::Load(const Workspace& workspace) {
  auto all = workspace.LoadAll();
  if (!all.ok()) return all.status();
  return CompetenceGraph(std::move(all).value());
}

Result<CompetenceGraph> CompetenceGraph::LoadFor(const Workspace& workspace,
                                                 const std::vector<CertificationId>& ids,
                                                 std::optional<Catalog> given) {
  Result<Catalog> catalog = given ? Result<Catalog>(std::move(*given)) : workspace.LoadCatalog();
  if (!catalog.ok()) return catalog.status();
  std::vector<Certification> loaded;
  for (const CertificationId& id : ids) {
    auto cert = workspace.Load(id);
    if (!cert.ok()) return cert.status();
    // The file may have changed since the catalog was read: the summary
    // follows the tree that is shown.
    catalog->Put(Summarize(*cert));
    loaded.push_back(std::move(cert).value());
  }
  return CompetenceGraph(std::move(catalog).value(), std::move(loaded));
}

const Certification* CompetenceGraph::Find(const CertificationId& id) const {
  auto it = std::lower_bound(certs_.begin(), certs_.end(), id,
                             [](const Certification& c, const CertificationId& key) {
                               return c.id < key;
                             });
  return it != certs_.end() && it->id == id ? &*it : nullptr;
}

const CatalogEntry* CompetenceGraph::FindSummary(const CertificationId& id) const {
  return catalog_.Find(id);
}

std::string CompetenceGraph::TitleOf(const CertificationId& id,
                                     const std::string& fallback) const {
  if (!fallback.empty()) return fallback;
  const CatalogEntry* c = FindSummary(id);
  return c ? c->title : "";
}

namespace {

// Links merged by id (sorted, no duplicates), keeping the first non-empty
// title.
std::vector<CertificationLink> Merge(const std::vector<CertificationLink>& links) {
  std::map<CertificationId, std::string> merged;
  for (const CertificationLink& l : links) {
    std::string& title = merged[l.id];
    if (title.empty()) title = l.title;
  }
  std::vector<CertificationLink> out;
  for (auto& [other, title] : merged) out.push_back({other, title});
  return out;
}

}  // namespace

// Both directions come from one scan: what `id` declares in `own`, and the
// others that name `id` in `reverse`.
std::vector<CertificationLink> CompetenceGraph::Symmetric(const CertificationId& id, LinkList own,
                                                          LinkList reverse) const {
  std::vector<CertificationLink> links;
  for (const auto& [other_id, other] : catalog_.entries()) {
    if (other_id == id) {
      links.insert(links.end(), (other.*own).begin(), (other.*own).end());
      continue;
    }
    for (const CertificationLink& l : other.*reverse)
      if (l.id == id) links.push_back({other_id, other.title});
  }
  links = Merge(links);
  for (CertificationLink& l : links) l.title = TitleOf(l.id, l.title);
  return links;
}

std::vector<CertificationLink> CompetenceGraph::Replaces(const CertificationId& id) const {
  return Symmetric(id, &CatalogEntry::replaces, &CatalogEntry::replaced_by);
}

std::vector<CertificationLink> CompetenceGraph::ReplacedBy(const CertificationId& id) const {
  return Symmetric(id, &CatalogEntry::replaced_by, &CatalogEntry::replaces);
}

std::vector<CertificationId> CompetenceGraph::WithCode(Code::Type type,
                                                       const std::string& value) const {
  std::vector<CertificationId> out;
  for (const auto& [id, entry] : catalog_.entries())
    for (const Code& code : entry.codes)
      if (code.type == type && code.value == value) {
        out.push_back(id);
        break;
      }
  return out;
}

std::vector<CertificationId> CompetenceGraph::SharingRome(const CertificationId& id) const {
  const CatalogEntry* c = FindSummary(id);
  if (!c) return {};
  std::set<CertificationId> out;
  for (const Code& code : c->codes) {
    if (code.type != Code::Type::kRome) continue;
    for (const CertificationId& other : WithCode(Code::Type::kRome, code.value))
      if (other != id) out.insert(other);
  }
  return {out.begin(), out.end()};
}

std::vector<Correspondence> CompetenceGraph::Correspondences(const CertificationId& id) const {
  std::vector<Correspondence> out;
  if (const CatalogEntry* c = FindSummary(id)) out = c->correspondences;
  for (const auto& [other_id, other] : catalog_.entries()) {
    if (other.id == id) continue;
    for (const Correspondence& corr : other.correspondences)
      if (corr.to_certification == id) out.push_back({corr.to_bloc, other.id, corr.bloc});
  }
  std::sort(out.begin(), out.end(), [](const Correspondence& a, const Correspondence& b) {
    return std::tie(a.bloc, a.to_certification, a.to_bloc) <
           std::tie(b.bloc, b.to_certification, b.to_bloc);
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace passerelle
