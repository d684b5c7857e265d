// Evidence mapping: for every competence of a target certification, whether a
// candidate's dossier shows it (covered), part of it (partial) or not
// (missing), with the passages that prove it and what is still missing. The
// method and its thresholds are in docs/mapping.md.
//
// Thread safety: Map() is const but uses the extractor's analyzer, which is
// not thread-safe: one mapper per thread.
#pragma once

#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/competence_profile.h"
#include "engine/dossier_index.h"
#include "engine/mapping_result.h"
#include "engine/mapping_thresholds.h"
#include "engine/term_specificity.h"
#include "engine/text_features.h"

namespace passerelle {

class EvidenceMapper {
 public:
  // `target`, `features` and `specificity` must outlive the mapper.
  EvidenceMapper(const Certification& target, const FeatureExtractor& features,
                 const TermSpecificity& specificity, const MappingThresholds& thresholds = {});

  MappingResult Map(const std::string& candidate,
                    const std::vector<IndexedPassage>& passages) const;

  // Weight of `term` in the profile of competence `index` (0 when absent):
  // profile weight × specificity × discrimination. For tests and tuning.
  double TermWeight(size_t index, const std::string& term) const;
  const std::vector<CompetenceProfile>& profiles() const { return profiles_; }
  const std::vector<std::string>& anchors(size_t index) const { return scored_[index].anchors; }

 private:
  struct Scored {
    std::unordered_map<std::string, double> weight;  // final term weights
    double half = 1.0;                               // half-saturation
    std::vector<std::string> anchors;
    std::vector<std::vector<std::pair<std::string, double>>> item_terms;  // per item
  };
  double Discrimination(const std::string& term) const;

  const Certification& target_;
  const FeatureExtractor& features_;
  const TermSpecificity& specificity_;
  MappingThresholds thresholds_;
  std::vector<CompetenceProfile> profiles_;
  std::unordered_map<std::string, int> competence_df_;
  std::vector<Scored> scored_;
};

}  // namespace passerelle
