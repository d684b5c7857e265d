#include "engine/evidence_mapper.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

#include "engine/dossier_analysis.h"
#include "engine/dossier_sections.h"
#include "engine/statement_clauses.h"
#include "engine/text.h"

namespace passerelle {

namespace {

// The features of one asserted clause: distinct terms with how they were
// written.
struct ClauseFeatures {
  size_t passage = 0;  // index in the passages
  size_t begin = 0;
  size_t end = 0;
  std::map<std::string, std::string> terms;  // term → raw
  // Specificity of each term here: a concept is as specific as the most
  // specific word that expressed it ("micromètre" is, "moyens de contrôle"
  // is not, though both mean measuring instruments).
  std::unordered_map<std::string, double> spec;
  // Terms every occurrence of which lies inside a thesaurus match, with
  // that match's concept ("usin" inside "centre d'usinage").
  std::unordered_map<std::string, std::string> inside;
};

// Fills `cf.inside` from the features of its clause.
void MarkInsideConcepts(const std::vector<Feature>& feats, ClauseFeatures& cf) {
  std::map<std::string, bool> always_inside;
  for (const Feature& f : feats) {
    if (f.begin < cf.begin || f.begin >= cf.end) continue;
    const Feature* host = nullptr;
    for (const Feature& g : feats)
      if (&g != &f && g.term[0] == '~' && g.term != f.term && g.begin <= f.begin &&
          f.end <= g.end && g.end - g.begin > f.end - f.begin)
        host = &g;
    auto [it, fresh] = always_inside.try_emplace(f.term, host != nullptr);
    if (!host) it->second = false;
    if (host && it->second) cf.inside[f.term] = host->term;
  }
  for (const auto& [term, in] : always_inside)
    if (!in) cf.inside.erase(term);
}

// One clause's evidence for one competence.
struct ClauseEvidence {
  size_t clause = 0;
  double score = 0;
  std::vector<std::string> matched;  // terms, heaviest first
  std::set<size_t> items;            // supported items
};

// The sentence(s) of `text` around [begin, end), for long passages.
std::string SentenceAround(const std::string& text, size_t begin, size_t end) {
  auto is_stop = [&](size_t i) {
    return (text[i] == '.' || text[i] == '!' || text[i] == '?') &&
           (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n');
  };
  size_t b = begin;
  while (b > 0 && !is_stop(b - 1)) --b;
  size_t e = end;
  while (e < text.size() && !(e > 0 && is_stop(e - 1))) ++e;
  return Trim(text.substr(b, e - b));
}

double Cosine(const std::unordered_map<std::string, double>& a,
              const std::unordered_map<std::string, double>& b) {
  double dot = 0, na = 0, nb = 0;
  for (const auto& [t, w] : a) {
    na += w * w;
    auto it = b.find(t);
    if (it != b.end()) dot += w * it->second;
  }
  for (const auto& [t, w] : b) nb += w * w;
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0.0;
}

// `features` without the concepts `scope` does not admit: `*kept` holds
// them when some are left out.
const std::vector<Feature>& InScope(const std::vector<Feature>& features,
                                    const ThesaurusScope& scope, std::vector<Feature>* kept) {
  if (scope.all()) return features;
  auto admitted = [&](const Feature& f) { return scope.Admits(f.term); };
  if (std::all_of(features.begin(), features.end(), admitted)) return features;
  kept->clear();
  std::copy_if(features.begin(), features.end(), std::back_inserter(*kept), admitted);
  return *kept;
}


// Noisy-or of the `n` best of `scores`.
double NoisyOr(std::vector<double> scores, size_t n) {
  std::sort(scores.rbegin(), scores.rend());
  double miss = 1.0;
  for (size_t i = 0; i < scores.size() && i < n; ++i) miss *= 1.0 - scores[i];
  return 1.0 - miss;
}

// An example of a dossier professionnel is written to show one competence,
// or a few: it evidences only the competences whose strength in it reaches
// `share` of the strongest's. `example[pi]` is the example of passage pi
// (kNoExample outside any); `clause_passage[si]` the passage of clause si.
void AttributeExamples(const std::vector<size_t>& example,
                       const std::vector<size_t>& clause_passage, double share, size_t n,
                       std::vector<std::vector<ClauseEvidence>>* evidence) {
  // strength[(example, competence)] from each passage's best clause.
  std::map<std::pair<size_t, size_t>, std::map<size_t, double>> passage_best;
  for (size_t ci = 0; ci < evidence->size(); ++ci)
    for (const ClauseEvidence& ev : (*evidence)[ci]) {
      const size_t pi = clause_passage[ev.clause];
      if (example[pi] == kNoExample) continue;
      double& best = passage_best[{example[pi], ci}][pi];
      best = std::max(best, ev.score);
    }
  std::map<std::pair<size_t, size_t>, double> strength;
  std::map<size_t, double> strongest;
  for (const auto& [key, by_passage] : passage_best) {
    std::vector<double> scores;
    for (const auto& [pi, sc] : by_passage) scores.push_back(sc);
    const double st = NoisyOr(std::move(scores), n);
    strength[key] = st;
    strongest[key.first] = std::max(strongest[key.first], st);
  }
  // Before the first example lie the cover, the template's instructions and
  // the table of contents, which lists the competences claimed: no practice.
  const bool template_followed = !example.empty() && example.back() != kNoExample;
  for (size_t ci = 0; ci < evidence->size(); ++ci) {
    auto& evs = (*evidence)[ci];
    evs.erase(std::remove_if(evs.begin(), evs.end(),
                             [&](const ClauseEvidence& ev) {
                               const size_t ex = example[clause_passage[ev.clause]];
                               if (ex == kNoExample) return template_followed;
                               return strength[{ex, ci}] < share * strongest[ex];
                             }),
              evs.end());
  }
}

}  // namespace

EvidenceMapper::EvidenceMapper(const Certification& target, const FeatureExtractor& features,
                               const TermSpecificity& specificity,
                               const MappingThresholds& thresholds)
    : target_(target),
      features_(features),
      scope_(features.thesaurus().ScopeFor(target)),
      specificity_(specificity),
      thresholds_(thresholds),
      profiles_(BuildProfiles(target, features)) {
  for (const CompetenceProfile& p : profiles_)
    for (const auto& [term, w] : p.weight) ++competence_df_[term];
  for (const CompetenceProfile& p : profiles_) {
    Scored s;
    s.sibling = scored_.size();
    std::vector<double> weights;
    for (const auto& [term, w] : p.weight) {
      const double final_w = std::log2(1.0 + w) * specificity_.Of(term) * Discrimination(term);
      s.weight[term] = final_w;
      weights.push_back(final_w);
    }
    std::sort(weights.rbegin(), weights.rend());
    const size_t k = std::min(thresholds_.top_k, weights.size());
    double mean = 0;
    for (size_t i = 0; i < k; ++i) mean += weights[i];
    s.half = k ? thresholds_.half_saturation * mean / k : 1.0;
    if (s.half <= 0) s.half = 1.0;
    for (const ProfileItem& item : p.items) {
      std::vector<std::pair<std::string, double>> terms;
      for (const std::string& t : item.terms) terms.emplace_back(t, Discrimination(t));
      s.item_terms.push_back(std::move(terms));
    }
    scored_.push_back(std::move(s));
  }
  // Contrast anchors: a competence whose profile is close to a sibling's
  // ("programmer sur tour" / "programmer sur centre d'usinage") is told
  // apart by the specific words of its title that the sibling's title lacks.
  for (size_t i = 0; i < profiles_.size(); ++i) {
    size_t closest = i;
    double best = 0;
    for (size_t j = 0; j < profiles_.size(); ++j) {
      if (j == i) continue;
      const double sim = Cosine(scored_[i].weight, scored_[j].weight);
      if (sim > best) best = sim, closest = j;
    }
    if (closest == i || best < thresholds_.sibling_similarity) continue;
    scored_[i].sibling = closest;
    scored_[i].contrast = Contrast(i, closest);
    scored_[i].rival_contrast = Contrast(closest, i);
    const auto& other = profiles_[closest].title_terms;
    for (const std::string& t : profiles_[i].title_terms)
      if (Distinctive(t) && !std::binary_search(other.begin(), other.end(), t))
        scored_[i].anchors.push_back(t);
  }
  for (size_t i = 0; i < profiles_.size(); ++i) {
    const size_t sibling = scored_[i].sibling;
    scored_[i].parallel = sibling != i && scored_[sibling].sibling == i;
  }
  ShareSettingVocabulary();
}

namespace {

bool Meet(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(),
                     [&](const std::string& t) { return std::find(b.begin(), b.end(), t) != b.end(); });
}

void AddAll(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const std::string& t : from)
    if (std::find(to.begin(), to.end(), t) == to.end()) to.push_back(t);
}

}  // namespace

// Parallel pairs in the same two settings (programming on a lathe / on a
// machining centre, machining on a lathe / on a machining centre) pool the
// words that tell the settings apart: "mandrin" says lathe for both.
void EvidenceMapper::ShareSettingVocabulary() {
  std::vector<Scored> pooled = scored_;
  for (size_t i = 0; i < scored_.size(); ++i) {
    if (!scored_[i].parallel) continue;
    for (size_t j = 0; j < scored_.size(); ++j) {
      if (j == i || !scored_[j].parallel) continue;
      if (!Meet(scored_[i].anchors, scored_[j].anchors) ||
          !Meet(scored_[scored_[i].sibling].anchors, scored_[scored_[j].sibling].anchors))
        continue;
      AddAll(pooled[i].contrast, scored_[j].contrast);
      AddAll(pooled[i].rival_contrast, scored_[j].rival_contrast);
    }
  }
  for (size_t i = 0; i < scored_.size(); ++i) {
    scored_[i].contrast = std::move(pooled[i].contrast);
    scored_[i].rival_contrast = std::move(pooled[i].rival_contrast);
  }
}

bool EvidenceMapper::Distinctive(const std::string& term) const {
  return specificity_.Of(term) >= thresholds_.anchor_specificity &&
         Discrimination(term) >= thresholds_.anchor_discrimination;
}

std::vector<std::string> EvidenceMapper::Contrast(size_t index, size_t sibling) const {
  std::vector<std::string> terms;
  for (const auto& [t, w] : profiles_[index].weight)
    if (w > 0 && !profiles_[sibling].weight.count(t) && Distinctive(t)) terms.push_back(t);
  std::sort(terms.begin(), terms.end());
  return terms;
}

bool EvidenceMapper::IsSetting(size_t index, const std::string& term) const {
  const auto& a = scored_[index].anchors;
  return scored_[index].parallel && std::find(a.begin(), a.end(), term) != a.end();
}

namespace {

size_t Hits(const std::set<std::string>& terms, const std::vector<std::string>& words) {
  size_t n = 0;
  for (const std::string& w : words) n += terms.count(w);
  return n;
}

}  // namespace

std::vector<std::vector<bool>> EvidenceMapper::SiblingGate(
    const std::vector<std::set<std::string>>& context,
    const std::vector<std::set<std::string>>& own) const {
  std::vector<std::vector<bool>> allowed(scored_.size(), std::vector<bool>(context.size(), true));
  for (size_t ci = 0; ci < scored_.size(); ++ci) {
    const Scored& s = scored_[ci];
    if (s.contrast.empty()) continue;
    // What the dossier as a whole is about: decides for the passages that
    // say nothing either way ("je lis le plan et je choisis les outils").
    size_t mine = 0, theirs = 0;
    for (const auto& terms : own) mine += Hits(terms, s.contrast), theirs += Hits(terms, s.rival_contrast);
    for (size_t pi = 0; pi < context.size(); ++pi) {
      const size_t m = Hits(context[pi], s.contrast);
      const size_t t = Hits(context[pi], s.rival_contrast);
      allowed[ci][pi] = m + t > 0 ? m >= t : mine >= theirs;
    }
  }
  return allowed;
}

double EvidenceMapper::Discrimination(const std::string& term) const {
  const size_t n = profiles_.size();
  if (n <= 2) return 1.0;
  auto it = competence_df_.find(term);
  const double df = it == competence_df_.end() ? 1.0 : it->second;
  const double idf = std::log((n + 1.0) / df) / std::log(n + 1.0);
  return thresholds_.discrimination_floor + (1.0 - thresholds_.discrimination_floor) * idf;
}

double EvidenceMapper::TermWeight(size_t index, const std::string& term) const {
  auto it = scored_[index].weight.find(term);
  return it == scored_[index].weight.end() ? 0.0 : it->second;
}

MappingResult EvidenceMapper::Map(const std::string& candidate,
                                  const std::vector<IndexedPassage>& passages) const {
  return Map(candidate, passages, AnalyzeDossier(features_, passages));
}

MappingResult EvidenceMapper::Map(const std::string& candidate,
                                  const std::vector<IndexedPassage>& passages,
                                  const DossierAnalysis& analysis) const {
  // 1. Asserted clauses and their features.
  std::vector<ClauseFeatures> clauses;
  std::vector<std::set<std::string>> passage_terms(passages.size());
  std::vector<std::set<std::string>> context(passages.size());
  std::vector<Feature> kept;
  for (size_t pi = 0; pi < passages.size(); ++pi) {
    const AnalyzedPassage& ap = analysis.passages[pi];
    for (const std::string& t : analysis.headings[ap.heading])
      if (scope_.Admits(t)) context[pi].insert(t);
    const std::vector<Feature>& feats = InScope(ap.features, scope_, &kept);
    for (const Clause& c : ap.asserted) {
      ClauseFeatures cf{pi, c.begin, c.end, {}, {}, {}};
      for (const Feature& f : feats) {
        if (f.begin < c.begin || f.begin >= c.end) continue;
        cf.terms.emplace(f.term, f.raw);
        double spec = specificity_.Of(f.term);
        for (const std::string& part : f.parts) spec = std::max(spec, specificity_.Of(part));
        cf.spec[f.term] = std::max(cf.spec[f.term], spec);
      }
      if (cf.terms.empty()) continue;
      MarkInsideConcepts(feats, cf);
      for (const auto& [t, raw] : cf.terms) {
        passage_terms[pi].insert(t);
        context[pi].insert(t);
      }
      clauses.push_back(std::move(cf));
    }
  }

  // 2. Clause × competence scores.
  const size_t nc = profiles_.size();
  std::vector<std::vector<ClauseEvidence>> evidence(nc);
  std::vector<bool> anchored(nc, true);
  for (size_t ci = 0; ci < nc; ++ci) {
    if (scored_[ci].anchors.empty()) continue;
    anchored[ci] = std::any_of(passage_terms.begin(), passage_terms.end(), [&](const auto& terms) {
      return Hits(terms, scored_[ci].anchors) > 0;
    });
  }
  const std::vector<std::vector<bool>> allowed = SiblingGate(context, passage_terms);
  // The items of competence ci that clause cl supports: terms whose
  // specificity × discrimination sum to item_support, one of them the
  // trade's own and not every competence's.
  auto supported_items = [&](size_t ci, const ClauseFeatures& cl) {
    std::set<size_t> items;
    for (size_t ii = 0; ii < scored_[ci].item_terms.size(); ++ii) {
      double support = 0;
      bool own = false;
      for (const auto& [term, disc] : scored_[ci].item_terms[ii]) {
        auto it = cl.spec.find(term);
        if (it == cl.spec.end()) continue;
        support += it->second * disc;
        // "Mesurer des longueurs d'outils sur le centre d'usinage" is not
        // shown by naming the machine.
        auto host = cl.inside.find(term);
        own = own || (it->second >= thresholds_.domain_specificity &&
                      disc >= thresholds_.own_discrimination && !IsSetting(ci, term) &&
                      (host == cl.inside.end() || !IsSetting(ci, host->second)));
      }
      if (own && support >= thresholds_.item_support) items.insert(ii);
    }
    return items;
  };
  // Items some asserted clause supports, evidence or not: "à montrer"
  // (CompetenceMapping::missing) never asks for what the dossier says.
  std::vector<std::set<size_t>> shown(nc);
  for (size_t si = 0; si < clauses.size(); ++si) {
    const ClauseFeatures& cl = clauses[si];
    std::vector<double> overlap(nc, 0.0);
    std::vector<int> specific(nc, 0);
    double best = 0;
    for (size_t ci = 0; ci < nc; ++ci) {
      for (const auto& [term, raw] : cl.terms) {
        auto it = scored_[ci].weight.find(term);
        if (it == scored_[ci].weight.end()) continue;
        overlap[ci] += it->second;
        // A thesaurus concept is a curated expression of the trade: it
        // counts as two words.
        if (cl.spec.at(term) >= thresholds_.domain_specificity)
          specific[ci] += term[0] == '~' ? 2 : 1;
      }
      if (specific[ci] >= thresholds_.min_specific_terms) best = std::max(best, overlap[ci]);
    }
    if (best <= 0) continue;
    for (size_t ci = 0; ci < nc; ++ci) {
      if (specific[ci] > 0)
        for (size_t ii : supported_items(ci, cl)) shown[ci].insert(ii);
      if (!anchored[ci] || !allowed[ci][cl.passage] ||
          specific[ci] < thresholds_.min_specific_terms)
        continue;
      if (overlap[ci] < thresholds_.relative_to_best * best) continue;
      const double e = overlap[ci] / (overlap[ci] + scored_[ci].half);
      if (e < thresholds_.min_clause_score) continue;
      ClauseEvidence ev;
      ev.clause = si;
      ev.score = e;
      std::vector<std::pair<double, std::string>> m;
      for (const auto& [term, raw] : cl.terms) {
        auto it = scored_[ci].weight.find(term);
        if (it != scored_[ci].weight.end() && it->second > 0) m.emplace_back(it->second, term);
      }
      std::sort(m.rbegin(), m.rend());
      for (auto& [w, t] : m) ev.matched.push_back(t);
      ev.items = supported_items(ci, cl);
      // Evidence shows a criterion or savoir-faire the referentiel asks for
      // (knowledge alone, a savoir, is not a practice).
      if (std::none_of(ev.items.begin(), ev.items.end(), [&](size_t ii) {
            return profiles_[ci].items[ii].kind != ProfileItem::Kind::kSavoir;
          }))
        continue;
      evidence[ci].push_back(std::move(ev));
    }
  }

  // 3. Examples of a dossier professionnel go to what they are most about.
  {
    std::vector<size_t> clause_passage;
    for (const ClauseFeatures& cl : clauses) clause_passage.push_back(cl.passage);
    AttributeExamples(ExamplesOf(passages), clause_passage, thresholds_.example_share,
                      thresholds_.strength_evidence, &evidence);
  }

  // 4. Competences: evidence per passage, strength, status.
  MappingResult result;
  result.candidate = candidate;
  result.target = target_.id;
  std::map<std::string, CoverageStatus> status_of;
  for (size_t ci = 0; ci < nc; ++ci) {
    const CompetenceProfile& p = profiles_[ci];
    CompetenceMapping cm;
    cm.id = p.competence->id;
    cm.number = p.competence->number;
    cm.title = p.competence->title;
    for (const Bloc* b : p.blocs) cm.blocs.push_back(b->id);
    // Group clause evidence by passage.
    std::map<size_t, std::vector<const ClauseEvidence*>> by_passage;
    for (const ClauseEvidence& ev : evidence[ci])
      by_passage[clauses[ev.clause].passage].push_back(&ev);
    std::set<size_t> supported;
    std::vector<std::pair<double, Evidence>> items;
    for (const auto& [pi, evs] : by_passage) {
      const IndexedPassage& passage = passages[pi];
      const ClauseEvidence* best = evs.front();
      std::set<size_t> its;
      std::vector<std::string> matched_terms;
      for (const ClauseEvidence* ev : evs) {
        if (ev->score > best->score) best = ev;
        its.insert(ev->items.begin(), ev->items.end());
        for (const std::string& t : ev->matched)
          if (std::find(matched_terms.begin(), matched_terms.end(), t) == matched_terms.end())
            matched_terms.push_back(t);
      }
      supported.insert(its.begin(), its.end());
      Evidence e;
      e.dossier = passage.dossier;
      e.passage = passage.passage;
      e.paragraph = passage.paragraph;
      e.page = passage.page;
      const ClauseFeatures& cl = clauses[best->clause];
      e.text = passage.text.size() <= thresholds_.max_evidence_chars
                   ? passage.text
                   : SentenceAround(passage.text, cl.begin, cl.end);
      e.score = std::round(best->score * 1000) / 1000;
      std::set<std::string> seen;
      for (const std::string& t : matched_terms) {
        if (e.matched.size() >= thresholds_.max_matched) break;
        std::string raw;
        for (const ClauseEvidence* ev : evs)
          if (auto it = clauses[ev->clause].terms.find(t); it != clauses[ev->clause].terms.end()) {
            raw = it->second;
            break;
          }
        if (raw.empty() || specificity_.Of(t) <= TermSpecificity::kGenericCap) continue;
        // A word inside an expression already listed adds nothing ("ISO"
        // after "langage ISO").
        const std::string folded = FoldForMatch(raw);
        if (std::any_of(seen.begin(), seen.end(), [&](const std::string& s) {
              return s.find(folded) != std::string::npos || folded.find(s) != std::string::npos;
            }))
          continue;
        // The quote holds the words that made the match.
        const size_t at = e.text.find(raw);
        if (at == std::string::npos) continue;
        seen.insert(folded);
        e.matched.push_back(raw);
        e.highlights.emplace_back(static_cast<uint32_t>(at),
                                  static_cast<uint32_t>(at + raw.size()));
      }
      for (size_t ii : its)
        if (p.items[ii].kind != ProfileItem::Kind::kSavoir) e.supports.push_back(p.items[ii].text);
      // Order: the passage that shows most of what the referentiel asks
      // (criteria and savoir-faire) first.
      const double rank =
          best->score + thresholds_.item_bonus * static_cast<double>(std::min(
                                                     e.supports.size(), thresholds_.item_bonus_cap));
      items.emplace_back(rank, std::move(e));
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<double> scores;
    for (const auto& [rank, ev] : items) scores.push_back(ev.score);
    std::sort(scores.rbegin(), scores.rend());
    double miss = 1.0;
    for (size_t i = 0; i < scores.size() && i < thresholds_.strength_evidence; ++i)
      miss *= 1.0 - scores[i];
    const double strength = items.empty() ? 0.0 : 1.0 - miss;
    cm.score = std::round(strength * 1000) / 1000;
    // Items the referentiel lists (criteria, savoir-faire, savoirs) that
    // evidence must touch for "covered": covered_items, or all of them for
    // a competence described by fewer (an RNCP competence is one sentence).
    const size_t needed = std::min(thresholds_.covered_items, p.items.size());
    if ((strength >= thresholds_.covered_strength && supported.size() >= needed) ||
        supported.size() >= needed + thresholds_.covered_items_alone)
      cm.status = CoverageStatus::kCovered;
    else if (strength >= thresholds_.partial_strength)
      cm.status = CoverageStatus::kPartial;
    else
      cm.status = CoverageStatus::kMissing;
    if (cm.status != CoverageStatus::kMissing)
      for (size_t i = 0; i < items.size() && i < thresholds_.max_evidence; ++i)
        cm.evidence.push_back(std::move(items[i].second));
    for (size_t ii = 0; ii < p.items.size(); ++ii)
      if (p.items[ii].kind != ProfileItem::Kind::kSavoir && !shown[ci].count(ii) &&
          (cm.status == CoverageStatus::kMissing || !supported.count(ii)))
        cm.missing.push_back(p.items[ii].text);
    status_of[cm.id.value] = cm.status;
    // The certification's own figures leave out the competences that only
    // an optional CCS holds; its bloc below still shows them.
    if (target_.CountsTowardCertification(cm.id)) {
      switch (cm.status) {
        case CoverageStatus::kCovered:
          ++result.covered;
          break;
        case CoverageStatus::kPartial:
          ++result.partial;
          break;
        case CoverageStatus::kMissing:
          ++result.missing;
          break;
      }
    }
    result.competences.push_back(std::move(cm));
  }
  result.coverage =
      CoverageOf(result.covered, result.partial, result.covered + result.partial + result.missing);

  // 5. Blocs.
  for (const Bloc& b : target_.blocs) {
    BlocMapping bm;
    bm.id = b.id;
    bm.kind = b.kind;
    bm.title = b.title;
    for (const CompetenceId& id : b.competences) {
      auto it = status_of.find(id.value);
      if (it == status_of.end()) continue;
      if (it->second == CoverageStatus::kCovered) ++bm.covered;
      if (it->second == CoverageStatus::kPartial) ++bm.partial;
      if (it->second == CoverageStatus::kMissing) ++bm.missing;
    }
    const int total = bm.covered + bm.partial + bm.missing;
    bm.coverage = CoverageOf(bm.covered, bm.partial, total);
    bm.status = total > 0 && bm.covered == total ? CoverageStatus::kCovered
                : bm.coverage > 0               ? CoverageStatus::kPartial
                                                : CoverageStatus::kMissing;
    result.blocs.push_back(std::move(bm));
  }
  return result;
}

}  // namespace passerelle
