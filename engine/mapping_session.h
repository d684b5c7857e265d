// Everything a mapping needs, set up once: the analyzer, the thesauri
// (built-in plus the user's), the feature extractor. Map() then builds the
// target's profiles and the specificity statistics and maps a dossier.
// A target's profiles and the dossier passages matched against it use only
// the thesauri that serve the target (docs/thesaurus.md, "Domain"); a
// dossier is analyzed with every thesaurus, once for all targets.
//
// Thread safety: none (the analyzer is not thread-safe).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/certification.h"
#include "engine/dossier_analysis.h"
#include "engine/dossier_index.h"
#include "engine/evidence_mapper.h"
#include "engine/term_specificity.h"
#include "engine/french_analyzer.h"
#include "engine/mapping_result.h"
#include "engine/mapping_thresholds.h"
#include "engine/text_features.h"
#include "engine/thesaurus.h"

namespace passerelle {

class MappingSession {
 public:
  // A user thesaurus: its name (for messages) and its UTF-8 text.
  using ThesaurusText = std::pair<std::string, std::string>;

  // InvalidArgument when a user thesaurus is malformed.
  static Result<std::unique_ptr<MappingSession>> Create(
      const std::vector<ThesaurusText>& user_thesauri = {});

  // A target made ready for mapping: its profiles and the specificity
  // statistics of the corpus. Reuse it to map several dossiers.
  class Prepared {
   public:
    const Certification& target() const { return *target_; }

   private:
    friend class MappingSession;
    const Certification* target_ = nullptr;
    std::unique_ptr<TermSpecificity> specificity_;
    std::unique_ptr<EvidenceMapper> mapper_;
  };
  // `target` must outlive the result.
  std::unique_ptr<Prepared> Prepare(const Certification& target,
                                    const std::vector<const Certification*>& corpus,
                                    const MappingThresholds& thresholds = {}) const;
  MappingResult Map(const Prepared& prepared, const std::string& candidate,
                    const std::vector<IndexedPassage>& passages) const;
  // The same for a dossier analyzed once with Analyze(), to map it onto
  // many targets.
  DossierAnalysis Analyze(const std::vector<IndexedPassage>& passages) const;
  MappingResult Map(const Prepared& prepared, const std::string& candidate,
                    const std::vector<IndexedPassage>& passages,
                    const DossierAnalysis& analysis) const;

  // Prepare + Map: maps `passages` (one candidate's dossier, in order) onto `target`.
  // `corpus` is every certification known (the workspace): those outside the
  // target's domain teach which words every trade uses.
  MappingResult Map(const Certification& target, const std::vector<const Certification*>& corpus,
                    const std::string& candidate, const std::vector<IndexedPassage>& passages,
                    const MappingThresholds& thresholds = {}) const;

  const FeatureExtractor& features() const { return *features_; }

 private:
  MappingSession() = default;
  FrenchAnalyzer analyzer_;
  Thesaurus thesaurus_;
  std::unique_ptr<FeatureExtractor> features_;
  // Built on first use, then shared by every Prepare().
  mutable std::unique_ptr<SpecificityCorpus> corpus_;
};

}  // namespace passerelle
