#include "engine/certification_suggestions.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "engine/text.h"

namespace passerelle {

namespace {

// The terms of the dossier's asserted clauses, with how many passages use
// each.
std::map<std::string, int> AssertedTerms(const DossierAnalysis& analysis) {
  std::map<std::string, int> terms;
  for (const AnalyzedPassage& p : analysis.passages) {
    std::set<std::string> here;
    for (const Clause& c : p.asserted)
      for (const Feature& f : p.features)
        if (f.begin >= c.begin && f.begin < c.end) here.insert(f.term);
    for (const std::string& t : here) ++terms[t];
  }
  return terms;
}

// Candidates for mapping: active catalog entries ranked by how much of their
// title the dossier's words make up (each title term weighted by its rarity
// among titles, a dossier term by how many passages use it: the trade a
// dossier describes comes back paragraph after paragraph, a stray word does
// not). At most kSameTitle entries with the same title (the register holds
// one title under several certifiers). With no more entries than the
// shortlist, all of them.
constexpr size_t kSameTitle = 2;

std::vector<CertificationId> Shortlist(const FeatureExtractor& features, const Catalog& catalog,
                                       const std::map<std::string, int>& dossier_terms,
                                       const SuggestOptions& options) {
  std::vector<const CatalogEntry*> eligible;
  for (const auto& [id, e] : catalog.entries()) {
    if (e.active == false || e.competences == 0) continue;
    if (std::find(options.exclude.begin(), options.exclude.end(), id) != options.exclude.end())
      continue;
    eligible.push_back(&e);
  }
  std::vector<CertificationId> ids;
  if (eligible.size() <= options.shortlist) {
    for (const CatalogEntry* e : eligible) ids.push_back(e->id);
    return ids;
  }
  std::vector<std::vector<std::string>> title_terms;
  std::unordered_map<std::string, size_t> df;
  for (const CatalogEntry* e : eligible) {
    title_terms.push_back(features.Terms(e->title));
    for (const std::string& t : title_terms.back()) ++df[t];
  }
  const double n = static_cast<double>(eligible.size());
  std::vector<std::pair<double, size_t>> scored;
  for (size_t i = 0; i < eligible.size(); ++i) {
    double hit = 0, all = 0;
    for (const std::string& t : title_terms[i]) {
      const double idf = std::log((n + 1) / static_cast<double>(df[t]));
      all += idf;
      if (auto it = dossier_terms.find(t); it != dossier_terms.end())
        hit += idf * std::log(1.0 + it->second);
    }
    if (hit > 0) scored.emplace_back(hit / std::sqrt(all), i);
  }
  std::sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : eligible[a.second]->id < eligible[b.second]->id;
  });
  std::map<std::string, size_t> per_title;
  for (size_t k = 0; k < scored.size() && ids.size() < options.shortlist; ++k) {
    const CatalogEntry* e = eligible[scored[k].second];
    if (++per_title[FoldForMatch(e->title)] > kSameTitle) continue;
    ids.push_back(e->id);
  }
  return ids;
}

int StatusRank(CoverageStatus s) {
  return s == CoverageStatus::kCovered ? 0 : s == CoverageStatus::kPartial ? 1 : 2;
}

// The (at most) three competences among `competences` the dossier shows best.
std::vector<StrongCompetence> Strongest(const std::vector<const CompetenceMapping*>& competences) {
  std::vector<const CompetenceMapping*> shown;
  for (const CompetenceMapping* c : competences)
    if (c->status != CoverageStatus::kMissing) shown.push_back(c);
  std::stable_sort(shown.begin(), shown.end(), [](const auto* a, const auto* b) {
    if (StatusRank(a->status) != StatusRank(b->status))
      return StatusRank(a->status) < StatusRank(b->status);
    return a->score > b->score;
  });
  std::vector<StrongCompetence> out;
  for (size_t i = 0; i < shown.size() && i < 3; ++i)
    out.push_back({shown[i]->id, shown[i]->number, shown[i]->title, shown[i]->status,
                   shown[i]->score});
  return out;
}

void AddResult(const Certification& cert, const MappingResult& r, Suggestions& out) {
  if (r.coverage <= 0) return;
  std::vector<const CompetenceMapping*> all;
  for (const CompetenceMapping& c : r.competences) all.push_back(&c);
  out.certifications.push_back({cert.id, cert.title, r.coverage, Strongest(all)});
  for (const BlocMapping& b : r.blocs) {
    if (b.coverage <= 0) continue;
    std::vector<const CompetenceMapping*> in_bloc;
    for (const CompetenceMapping& c : r.competences)
      if (std::find(c.blocs.begin(), c.blocs.end(), b.id) != c.blocs.end())
        in_bloc.push_back(&c);
    out.blocs.push_back({b.id, cert.id, cert.title, b.title, b.coverage, Strongest(in_bloc)});
  }
}

template <typename T>
void RankAndCut(std::vector<T>& list, size_t top) {
  std::stable_sort(list.begin(), list.end(),
                   [](const T& a, const T& b) { return a.coverage > b.coverage; });
  if (list.size() > top) list.resize(top);
}

}  // namespace

Result<Suggestions> SuggestCertifications(const MappingSession& session, const Catalog& catalog,
                                          const CertificationLoader& load,
                                          const std::vector<const Certification*>& corpus,
                                          const std::string& candidate,
                                          const std::vector<IndexedPassage>& passages,
                                          const DossierAnalysis& analysis,
                                          const SuggestOptions& options) {
  Suggestions out;
  out.candidate = candidate;
  out.catalog_size = catalog.size();
  const std::vector<CertificationId> ids =
      Shortlist(session.features(), catalog, AssertedTerms(analysis), options);
  std::vector<Certification> certs;
  certs.reserve(ids.size());
  for (const CertificationId& id : ids) {
    auto cert = load(id);
    if (!cert.ok()) return cert.status();
    certs.push_back(std::move(*cert));
  }
  for (const Certification& cert : certs) {
    auto prepared = session.Prepare(cert, corpus);
    AddResult(cert, session.Map(*prepared, candidate, passages, analysis), out);
  }
  out.mapped = certs.size();
  RankAndCut(out.certifications, options.top);
  RankAndCut(out.blocs, options.top);
  return out;
}

}  // namespace passerelle
