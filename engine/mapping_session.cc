#include "engine/mapping_session.h"

#include "engine/evidence_mapper.h"
#include "engine/term_specificity.h"

namespace passerelle {

Result<std::unique_ptr<MappingSession>> MappingSession::Create(
    const std::vector<ThesaurusText>& user_thesauri) {
  std::unique_ptr<MappingSession> session(new MappingSession());
  Status s = session->thesaurus_.AddBuiltin(session->analyzer_);
  if (!s.ok()) return s;
  for (const auto& [name, text] : user_thesauri) {
    s = session->thesaurus_.Add(text, name, session->analyzer_);
    if (!s.ok()) return s;
  }
  session->features_ = std::make_unique<FeatureExtractor>(session->analyzer_, session->thesaurus_);
  return session;
}

std::unique_ptr<MappingSession::Prepared> MappingSession::Prepare(
    const Certification& target, const std::vector<const Certification*>& corpus,
    const MappingThresholds& thresholds) const {
  auto prepared = std::make_unique<Prepared>();
  prepared->target_ = &target;
  if (!corpus_) corpus_ = std::make_unique<SpecificityCorpus>(*features_);
  prepared->specificity_ =
      std::make_unique<TermSpecificity>(corpus_->For(target, corpus, kMappingSpecificity));
  prepared->mapper_ = std::make_unique<EvidenceMapper>(target, *features_,
                                                       *prepared->specificity_, thresholds);
  return prepared;
}

MappingResult MappingSession::Map(const Prepared& prepared, const std::string& candidate,
                                  const std::vector<IndexedPassage>& passages) const {
  return prepared.mapper_->Map(candidate, passages);
}

DossierAnalysis MappingSession::Analyze(const std::vector<IndexedPassage>& passages) const {
  return AnalyzeDossier(*features_, passages);
}

MappingResult MappingSession::Map(const Prepared& prepared, const std::string& candidate,
                                  const std::vector<IndexedPassage>& passages,
                                  const DossierAnalysis& analysis) const {
  return prepared.mapper_->Map(candidate, passages, analysis);
}

MappingResult MappingSession::Map(const Certification& target,
                                  const std::vector<const Certification*>& corpus,
                                  const std::string& candidate,
                                  const std::vector<IndexedPassage>& passages,
                                  const MappingThresholds& thresholds) const {
  return Map(*Prepare(target, corpus, thresholds), candidate, passages);
}

}  // namespace passerelle
