#include "engine/competence_graph.h"

#include <algorithm>
#include <set>

namespace passerelle {

CompetenceGraph::CompetenceGraph(std::vector<Certification> certs) : certs_(std::move(certs)) {
  Index();
}

Result<CompetenceGraph> CompetenceGraph::Load(const Workspace& workspace) {
  auto all = workspace.LoadAll();
  if (!all.ok()) return all.status();
  return CompetenceGraph(std::move(all).value());
}

void CompetenceGraph::Index() {
  for (size_t i = 0; i < certs_.size(); ++i) {
    const Certification& c = certs_[i];
    by_id_[c.id] = i;
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

std::string CompetenceGraph::TitleOf(const CertificationId& id,
                                     const std::string& fallback) const {
  if (!fallback.empty()) return fallback;
  const Certification* c = Find(id);
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
  const Certification* c = Find(id);
  if (!c) return {};
  std::set<CertificationId> out;
  for (const Code* code : c->CodesOfType(Code::Type::kRome))
    for (const CertificationId& other : WithCode(Code::Type::kRome, code->value))
      if (other != id) out.insert(other);
  return {out.begin(), out.end()};
}

std::vector<Correspondence> CompetenceGraph::Correspondences(const CertificationId& id) const {
  std::vector<Correspondence> out;
  if (const Certification* c = Find(id)) out = c->correspondences;
  for (const Certification& other : certs_) {
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
