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

MappingResult MappingSession::Map(const Certification& target,
                                  const std::vector<const Certification*>& corpus,
                                  const std::string& candidate,
                                  const std::vector<IndexedPassage>& passages,
                                  const MappingThresholds& thresholds) const {
  const TermSpecificity specificity = BuildSpecificity(target, corpus, *features_);
  const EvidenceMapper mapper(target, *features_, specificity, thresholds);
  return mapper.Map(candidate, passages);
}

}  // namespace passerelle
