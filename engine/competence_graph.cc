#include "engine/competence_graph.h"

#include <algorithm>
#include <set>

namespace passerelle {

namespace {

Catalog CatalogOf(const std::vector<Certification>& certs) {
  Catalog catalog;
  for (const Certification& c : certs) catalog.Put(Summarize(c));
  return catalog;
}

}  // namespace

// catalog_ is declared before certs_, so it is built before `certs` is
// moved from.
CompetenceGraph::CompetenceGraph(std::vector<Certification> certs)
    : catalog_(CatalogOf(certs)), certs_(std::move(certs)) {
  Index();
}

CompetenceGraph::CompetenceGraph(Catalog catalog, std::vector<Certification> loaded)
    : catalog_(std::move(catalog)), certs_(std::move(loaded)) {
  Index();
}

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

void CompetenceGraph::Index() {
  std::sort(certs_.begin(), certs_.end(),
            [](const Certification& a, const Certification& b) { return a.id < b.id; });
  for (size_t i = 0; i < certs_.size(); ++i) by_id_[certs_[i].id] = i;
  for (const auto& [id, c] : catalog_.entries()) {
    for (const Code& code : c.codes) by_code_[{code.type, code.value}].push_back(c.id);
    for (const CertificationLink& old : c.replaces) {
      replaces_.insert({c.id, old});
      replaced_by_.insert({old.id, {c.id, c.title}});
    }
    for (const CertificationLink& newer : c.replaced_by) {
      replaced_by_.insert({c.id, newer});
      replaces_.insert({newer.id, {c.id, c.title}});
    }
  }
  for (auto& [key, ids] : by_code_) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
}

const Certification* CompetenceGraph::Find(const CertificationId& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &certs_[it->second];
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
std::vector<CertificationLink> Collect(
    const std::multimap<CertificationId, CertificationLink>& edges, const CertificationId& id) {
  std::map<CertificationId, std::string> merged;
  auto [begin, end] = edges.equal_range(id);
  for (auto it = begin; it != end; ++it) {
    std::string& title = merged[it->second.id];
    if (title.empty()) title = it->second.title;
  }
  std::vector<CertificationLink> out;
  for (auto& [other, title] : merged) out.push_back({other, title});
  return out;
}
}  // namespace

std::vector<CertificationLink> CompetenceGraph::Replaces(const CertificationId& id) const {
  auto links = Collect(replaces_, id);
  for (CertificationLink& l : links) l.title = TitleOf(l.id, l.title);
  return links;
}

std::vector<CertificationLink> CompetenceGraph::ReplacedBy(const CertificationId& id) const {
  auto links = Collect(replaced_by_, id);
  for (CertificationLink& l : links) l.title = TitleOf(l.id, l.title);
  return links;
}

std::vector<CertificationId> CompetenceGraph::WithCode(Code::Type type,
                                                       const std::string& value) const {
  auto it = by_code_.find({type, value});
  return it == by_code_.end() ? std::vector<CertificationId>{} : it->second;
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
  // A scan rather than an index: a quarter of a million edges at national
  // scale take about a millisecond, once per `show`.
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
