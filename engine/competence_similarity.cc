#include "engine/competence_similarity.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace passerelle {

namespace {

using DocumentFrequency = std::unordered_map<std::string, size_t>;

// In how many competences of one certification each term occurs.
DocumentFrequency CompetenceFrequency(const std::vector<CompetenceProfile>& profiles) {
  DocumentFrequency df;
  for (const CompetenceProfile& p : profiles)
    for (const auto& [term, w] : p.weight) ++df[term];
  return df;
}

// Discrimination of a term in one certification:
//   floor + (1 − floor) × log((N + 1) / df) / log(N + 1)
// over its N competences; 1 for N ≤ 2.
class SideDiscrimination {
 public:
  SideDiscrimination(const std::vector<CompetenceProfile>& profiles, double floor)
      : df_(CompetenceFrequency(profiles)), n_(profiles.size()), floor_(floor) {}
  double Of(const std::string& term) const {
    if (n_ <= 2) return 1.0;
    auto it = df_.find(term);
    const double count = it == df_.end() ? 1.0 : static_cast<double>(it->second);
    const double idf = std::log((n_ + 1.0) / count) / std::log(n_ + 1.0);
    return floor_ + (1.0 - floor_) * std::max(0.0, idf);
  }

 private:
  DocumentFrequency df_;
  size_t n_;
  double floor_;
};

}  // namespace

double ComparisonSpecificity(const TermSpecificity& specificity, const std::string& term,
                             double generic_cap) {
  if (!specificity.IsGeneric(term)) return specificity.Of(term);
  return std::max(specificity.Of(term), std::min(generic_cap, specificity.CorpusSpecificity(term)));
}

namespace {

struct Weighing {
  const TermSpecificity& specificity;
  const ComparisonThresholds& thresholds;
  const SideDiscrimination& own;
  const SideDiscrimination& other;
  // A word of most competences of either certification is their shared
  // domain ("pièce" between two machining referentiels): the geometric mean
  // of both sides' discriminations keeps it light on both sides.
  double Discrimination(const std::string& term) const {
    return std::sqrt(own.Of(term) * other.Of(term));
  }
};

WeightedTerms Weigh(const CompetenceProfile& p, const Weighing& how) {
  WeightedTerms out;
  for (const auto& [term, w] : p.weight) {
    const double final_w =
        std::log2(1.0 + w) *
        ComparisonSpecificity(how.specificity, term, how.thresholds.generic_specificity) *
        how.Discrimination(term);
    if (final_w <= 0) continue;
    out.terms.emplace_back(term, final_w);
  }
  // Sorted by term: comparisons walk two lists in step, and the order (hence
  // the floating-point sums) does not depend on hashing.
  std::sort(out.terms.begin(), out.terms.end());
  for (const auto& [term, w] : out.terms) {
    out.norm += w * w;
    out.mass += w;
  }
  out.norm = std::sqrt(out.norm);
  return out;
}

// The title alone, weighed like the profile's title part.
WeightedTerms WeighTitle(const CompetenceProfile& p, const Weighing& how) {
  CompetenceProfile title;
  for (const std::string& t : p.title_terms) title.weight[t] = ProfileWeights().title;
  return Weigh(title, how);
}

struct Overlap {
  double dot = 0;     // sum of the products of the shared terms' weights
  double shared = 0;  // sum of the smaller weight of each shared term
};

Overlap Shared(const WeightedTerms& x, const WeightedTerms& y) {
  Overlap o;
  auto i = x.terms.begin();
  auto j = y.terms.begin();
  while (i != x.terms.end() && j != y.terms.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      o.dot += i->second * j->second;
      o.shared += std::min(i->second, j->second);
      ++i, ++j;
    }
  }
  return o;
}

}  // namespace

SimilarityParts CompareTerms(const WeightedTerms& x, const WeightedTerms& y,
                             const ComparisonThresholds& thresholds) {
  SimilarityParts parts;
  if (x.norm <= 0 || y.norm <= 0) return parts;
  const Overlap o = Shared(x, y);
  parts.cosine = std::min(1.0, o.dot / (x.norm * y.norm));
  // A profile of a few everyday words is not "contained" in every profile
  // that uses them: its mass counts as at least min_contained_mass.
  parts.containment =
      std::min(1.0, o.shared / std::max(thresholds.min_contained_mass, std::min(x.mass, y.mass)));
  const double share = thresholds.containment_share;
  parts.raw = std::pow(parts.cosine, 1.0 - share) *
              std::pow(std::max(parts.cosine, parts.containment), share);
  return parts;
}

double TitleAgreement(const WeightedTerms& x, const WeightedTerms& y,
                      const ComparisonThresholds& thresholds) {
  const double mass = std::max({thresholds.min_title_mass, x.mass, y.mass});
  return std::min(1.0, Shared(x, y).shared / mass);
}

namespace {

bool Meets(const std::vector<std::string>& sorted_x, const std::vector<std::string>& sorted_y) {
  auto i = sorted_x.begin();
  auto j = sorted_y.begin();
  while (i != sorted_x.end() && j != sorted_y.end()) {
    if (*i == *j) return true;
    if (*i < *j)
      ++i;
    else
      ++j;
  }
  return false;
}

}  // namespace

bool SameAction(const TitleAction& x, const TitleAction& y) {
  if (x.action.empty() || y.action.empty()) return true;
  return Meets(x.action, y.title) || Meets(y.action, x.title);
}

double CalibrateSimilarity(double raw, const std::vector<std::pair<double, double>>& points) {
  if (points.empty()) return std::clamp(raw, 0.0, 1.0);
  if (raw <= points.front().first) return std::clamp(points.front().second, 0.0, 1.0);
  for (size_t k = 1; k < points.size(); ++k) {
    const auto& [x0, y0] = points[k - 1];
    const auto& [x1, y1] = points[k];
    if (raw > x1) continue;
    const double t = x1 > x0 ? (raw - x0) / (x1 - x0) : 1.0;
    return std::clamp(y0 + t * (y1 - y0), 0.0, 1.0);
  }
  return std::clamp(points.back().second, 0.0, 1.0);
}

CompetenceSimilarity::CompetenceSimilarity(const std::vector<CompetenceProfile>& a,
                                           const std::vector<CompetenceProfile>& b,
                                           const TermSpecificity& specificity,
                                           const ComparisonThresholds& thresholds)
    : thresholds_(thresholds) {
  const SideDiscrimination da(a, thresholds.discrimination_floor);
  const SideDiscrimination db(b, thresholds.discrimination_floor);
  const Weighing for_a{specificity, thresholds, da, db}, for_b{specificity, thresholds, db, da};
  for (const CompetenceProfile& p : a) {
    rows_.push_back(Weigh(p, for_a));
    row_titles_.push_back(WeighTitle(p, for_a));
    row_actions_.push_back({p.action_terms, p.title_terms});
  }
  for (const CompetenceProfile& p : b) {
    columns_.push_back(Weigh(p, for_b));
    column_titles_.push_back(WeighTitle(p, for_b));
    column_actions_.push_back({p.action_terms, p.title_terms});
  }
  scores_.resize(rows_.size() * columns_.size());
  for (size_t i = 0; i < rows_.size(); ++i)
    for (size_t j = 0; j < columns_.size(); ++j)
      scores_[i * columns_.size() + j] =
          CalibrateSimilarity(Parts(i, j).raw, thresholds_.calibration);
}

SimilarityParts CompetenceSimilarity::Parts(size_t i, size_t j) const {
  SimilarityParts parts = CompareTerms(rows_[i], columns_[j], thresholds_);
  parts.title = TitleAgreement(row_titles_[i], column_titles_[j], thresholds_);
  parts.raw = std::max(parts.raw, thresholds_.title_agreement_share * parts.title);
  parts.other_action = OtherAction(i, j);
  return parts;
}

}  // namespace passerelle
