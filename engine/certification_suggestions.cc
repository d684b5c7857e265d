#include "engine/certification_suggestions.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "engine/active_status.h"
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

// Candidates for mapping: active catalog entries ranked by two scores, each
// divided by the best of its kind and summed (docs/suggest.md):
// - title: how much of their title the dossier's words make up (each title
//   term weighted by its rarity among titles, a dossier term by how many
//   passages use it: the trade a dossier describes comes back paragraph
//   after paragraph, a stray word does not);
// - content: BM25 of the dossier's characteristic terms over the content
//   index (competences, criteria, savoir-faire), when there is one.
// At most kSameTitle entries with the same title (the register holds one
// title under several certifiers). With no more entries than the
// shortlist, all of them.
constexpr size_t kSameTitle = 2;
// Content matches fetched from the index: many more than the shortlist, so
// that those that also meet the title are found.
constexpr size_t kContentMatches = 2000;

std::vector<const CatalogEntry*> Eligible(const Catalog& catalog, const SuggestOptions& options) {
  // A certification that is inactive, or that another one replaces, is
  // never proposed (engine/active_status.h).
  const ActiveStatuses statuses(catalog);
  std::vector<const CatalogEntry*> eligible;
  for (const auto& [id, e] : catalog.entries()) {
    if (!statuses.Of(e).MayBeActive() || e.competences == 0) continue;
    if (std::find(options.exclude.begin(), options.exclude.end(), id) != options.exclude.end())
      continue;
    eligible.push_back(&e);
  }
  return eligible;
}

std::vector<double> TitleScores(const FeatureExtractor& features,
                                const std::vector<const CatalogEntry*>& eligible,
                                const std::map<std::string, int>& dossier_terms) {
  std::vector<std::vector<std::string>> title_terms;
  std::unordered_map<std::string, size_t> df;
  for (const CatalogEntry* e : eligible) {
    title_terms.push_back(features.Terms(e->title));
    for (const std::string& t : title_terms.back()) ++df[t];
  }
  const double n = static_cast<double>(eligible.size());
  std::vector<double> scores(eligible.size(), 0.0);
  for (size_t i = 0; i < eligible.size(); ++i) {
    double hit = 0, all = 0;
    for (const std::string& t : title_terms[i]) {
      const double idf = std::log((n + 1) / static_cast<double>(df[t]));
      all += idf;
      if (auto it = dossier_terms.find(t); it != dossier_terms.end())
        hit += idf * std::log(1.0 + it->second);
    }
    if (hit > 0) scores[i] = hit / std::sqrt(all);
  }
  return scores;
}

// BM25 scores from the content index, by position in `eligible`; false
// (scores left at zero) when the index cannot be searched.
bool ContentScores(const CertificationIndex& index,
                   const std::vector<const CatalogEntry*>& eligible,
                   const std::map<std::string, int>& dossier_terms, std::vector<double>* scores) {
  std::vector<CertificationIndex::QueryTerm> query;
  for (const auto& [term, passages] : dossier_terms)
    query.push_back({term, std::log(1.0 + passages)});
  auto found = index.Search(query, kContentMatches);
  if (!found.ok()) return false;
  std::unordered_map<std::string, size_t> position;
  for (size_t i = 0; i < eligible.size(); ++i) position[eligible[i]->id.value] = i;
  for (const auto& [id, score] : *found)
    if (auto it = position.find(id.value); it != position.end()) (*scores)[it->second] = score;
  return true;
}

void Normalize(std::vector<double>* scores) {
  const double best = scores->empty() ? 0 : *std::max_element(scores->begin(), scores->end());
  if (best > 0)
    for (double& s : *scores) s /= best;
}

std::vector<CertificationId> Shortlist(const FeatureExtractor& features, const Catalog& catalog,
                                       const CertificationIndex* index,
                                       const std::map<std::string, int>& dossier_terms,
                                       const SuggestOptions& options, Suggestions* out) {
  const std::vector<const CatalogEntry*> eligible = Eligible(catalog, options);
  std::vector<CertificationId> ids;
  if (eligible.size() <= options.shortlist) {
    out->shortlist = ShortlistBasis::kWhole;
    for (const CatalogEntry* e : eligible) ids.push_back(e->id);
    return ids;
  }
  std::vector<double> score = TitleScores(features, eligible, dossier_terms);
  Normalize(&score);
  std::vector<double> content(eligible.size(), 0.0);
  out->shortlist = ShortlistBasis::kTitles;
  if (index && ContentScores(*index, eligible, dossier_terms, &content))
    out->shortlist = ShortlistBasis::kContentAndTitles;
  Normalize(&content);
  for (size_t i = 0; i < eligible.size(); ++i) score[i] += content[i];
  std::vector<size_t> order;
  for (size_t i = 0; i < eligible.size(); ++i)
    if (score[i] > 0) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return score[a] != score[b] ? score[a] > score[b] : eligible[a]->id < eligible[b]->id;
  });
  std::map<std::string, size_t> per_title;
  for (size_t k = 0; k < order.size() && ids.size() < options.shortlist; ++k) {
    const CatalogEntry* e = eligible[order[k]];
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
                                          const CertificationIndex* index,
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
      Shortlist(session.features(), catalog, index, AssertedTerms(analysis), options, &out);
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
