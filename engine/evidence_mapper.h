// Evidence mapping: for every competence of a target certification, whether a
// candidate's dossier shows it (covered), part of it (partial) or not
// (missing), with the passages that prove it and what is still missing. The
// method and its thresholds are in docs/mapping.md.
//
// Thread safety: Map() is const but uses the extractor's analyzer, which is
// not thread-safe: one mapper per thread.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/competence_profile.h"
#include "engine/dossier_analysis.h"
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

  // The target's profiles, and the dossier's passages matched against them,
  // use only the thesauri that serve the target (Thesaurus::ScopeFor).
  MappingResult Map(const std::string& candidate,
                    const std::vector<IndexedPassage>& passages) const;
  // The same with the dossier analyzed beforehand (AnalyzeDossier with the
  // same feature extractor, every thesaurus applied), for mapping one
  // dossier onto many targets: the concepts of thesauri that do not serve
  // this target are left out here.
  MappingResult Map(const std::string& candidate, const std::vector<IndexedPassage>& passages,
                    const DossierAnalysis& analysis) const;

  // Weight of `term` in the profile of competence `index` (0 when absent):
  // profile weight × specificity × discrimination. For tests and tuning.
  double TermWeight(size_t index, const std::string& term) const;
  const std::vector<CompetenceProfile>& profiles() const { return profiles_; }
  const std::vector<std::string>& anchors(size_t index) const { return scored_[index].anchors; }
  // The specific words that tell competence `index` from its closest
  // sibling, both ways (empty without a close sibling).
  const std::vector<std::string>& contrast(size_t index) const { return scored_[index].contrast; }
  const std::vector<std::string>& rival_contrast(size_t index) const {
    return scored_[index].rival_contrast;
  }

 private:
  struct Scored {
    std::unordered_map<std::string, double> weight;  // final term weights
    double half = 1.0;                               // half-saturation
    std::vector<std::string> anchors;
    // Against the closest sibling (none when no sibling is close): the
    // specific words of this profile the sibling lacks ("mandrin",
    // "tourelle"), and the sibling's words this one lacks ("étau").
    std::vector<std::string> contrast;
    std::vector<std::string> rival_contrast;
    // Anchors that name a setting: when this competence and its sibling are
    // each other's closest (the same activity on a lathe and on a machining
    // centre), the words that tell them apart say where, not what.
    bool parallel = false;
    size_t sibling = 0;  // index of the closest sibling, itself when none
    std::vector<std::vector<std::pair<std::string, double>>> item_terms;  // per item
  };
  double Discrimination(const std::string& term) const;
  // Specific to the trade and to few competences of the target.
  bool Distinctive(const std::string& term) const;
  std::vector<std::string> Contrast(size_t index, size_t sibling) const;
  bool IsSetting(size_t index, const std::string& term) const;
  void ShareSettingVocabulary();
  // allowed[ci][pi]: whether passage pi may evidence competence ci, given
  // which of ci and its closest sibling the passage, or else the dossier,
  // is about. `context` holds each passage's asserted terms and its
  // heading's; `own` the passage's asserted terms alone.
  std::vector<std::vector<bool>> SiblingGate(
      const std::vector<std::set<std::string>>& context,
      const std::vector<std::set<std::string>>& own) const;

  const Certification& target_;
  const FeatureExtractor& features_;
  ThesaurusScope scope_;  // the thesaurus groups that serve the target
  const TermSpecificity& specificity_;
  MappingThresholds thresholds_;
  std::vector<CompetenceProfile> profiles_;
  std::unordered_map<std::string, int> competence_df_;
  std::vector<Scored> scored_;
};

}  // namespace passerelle
