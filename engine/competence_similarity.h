// How close each competence of one certification is to each competence of
// another, from their profiles (engine/competence_profile.h: title,
// description, criteria, savoir-faire, savoirs and bloc titles, thesaurus
// concepts included), as a score in [0, 1] where 1 means the same content.
//
// A term weighs profile weight × specificity (the trade's own words weigh,
// everyday and referentiel vocabulary does not) × discrimination within the
// pair (a word of most competences of both certifications is their shared
// domain, not evidence of a match). Two competences are compared by the
// cosine of their weighted terms blended with the containment of the smaller
// profile in the larger, then the raw value goes through a monotone
// calibration (ComparisonThresholds). Method and figures:
// docs/equivalences.md.
//
// Thread safety: const methods may be called concurrently.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/comparison_thresholds.h"
#include "engine/competence_profile.h"
#include "engine/term_specificity.h"

namespace passerelle {

// A competence's terms with their final weights, sorted by term.
struct WeightedTerms {
  std::vector<std::pair<std::string, double>> terms;
  double norm = 0;  // Euclidean norm of the weights
  double mass = 0;  // sum of the weights
};

// The parts of a raw similarity, for calibration and explanations.
struct SimilarityParts {
  double cosine = 0;
  double containment = 0;     // of the lighter profile in the heavier, in [0, 1]
  double title = 0;           // agreement of the titles alone (TitleAgreement)
  bool other_action = false;  // both titles state an action, and not the same (SameAction)
  double raw = 0;             // the blend of the above
};

// Cosine and containment of two weighted term lists and their blend (`title`
// left at 0).
SimilarityParts CompareTerms(const WeightedTerms& x, const WeightedTerms& y,
                             const ComparisonThresholds& thresholds);

// How much two titles say the same: the weight they share over the weight
// of the heavier (at least min_title_mass), in [0, 1]. Word for word the
// same title gives 1 whatever details one referentiel adds below it.
double TitleAgreement(const WeightedTerms& x, const WeightedTerms& y,
                      const ComparisonThresholds& thresholds);

// The words of a competence title that say what it does: its action terms
// (TitleActions) and all its title terms, both sorted.
struct TitleAction {
  std::vector<std::string> action;
  std::vector<std::string> title;
};

// False when both titles state an action (an infinitive) and they are
// different actions: no action term of one is an action or a title term of
// the other ("Contrôler une pièce" / "Élaborer un programme pièce"). A noun
// of the same stem counts ("Assurer le contrôle" / "Contrôler les faces";
// "programmer un usinage" / "Élaborer un programme"). True when either title
// is nominal.
bool SameAction(const TitleAction& x, const TitleAction& y);

// A term's specificity for comparing two referentiels: TermSpecificity::Of,
// except that the everyday vocabulary is capped at `generic_cap` instead of
// TermSpecificity::kGenericCap. Within one trade the verbs carry what a
// competence does ("contrôler" a part, "programmer" a machine); they still
// weigh less than the trade's own words.
double ComparisonSpecificity(const TermSpecificity& specificity, const std::string& term,
                             double generic_cap);

// The score of a raw similarity: piecewise linear through `points` (raw
// ascending), clamped to [0, 1]. Monotone when the points are.
double CalibrateSimilarity(double raw, const std::vector<std::pair<double, double>>& points);

class CompetenceSimilarity {
 public:
  // Scores every competence of `a` (rows) against every competence of `b`
  // (columns). The profiles are only read during construction.
  CompetenceSimilarity(const std::vector<CompetenceProfile>& a,
                       const std::vector<CompetenceProfile>& b, const TermSpecificity& specificity,
                       const ComparisonThresholds& thresholds = {});

  size_t rows() const { return rows_.size(); }
  size_t columns() const { return columns_.size(); }
  // REQUIRES: i < rows(), j < columns().
  double Score(size_t i, size_t j) const { return scores_[i * columns_.size() + j]; }
  SimilarityParts Parts(size_t i, size_t j) const;
  // True when both titles state an action and not the same (SameAction).
  bool OtherAction(size_t i, size_t j) const {
    return !SameAction(row_actions_[i], column_actions_[j]);
  }
  const WeightedTerms& Row(size_t i) const { return rows_[i]; }
  const WeightedTerms& Column(size_t j) const { return columns_[j]; }

 private:
  ComparisonThresholds thresholds_;
  std::vector<WeightedTerms> rows_, row_titles_;
  std::vector<WeightedTerms> columns_, column_titles_;
  std::vector<TitleAction> row_actions_, column_actions_;
  std::vector<double> scores_;
};

}  // namespace passerelle
