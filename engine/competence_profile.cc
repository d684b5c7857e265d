#include "engine/competence_profile.h"

namespace passerelle {

namespace {

void AddPart(const std::vector<std::string>& terms, double w, CompetenceProfile* p) {
  for (const std::string& t : terms) p->weight[t] += w;
}

}  // namespace

std::vector<CompetenceProfile> BuildProfiles(const Certification& cert,
                                             const FeatureExtractor& all_features,
                                             const ProfileWeights& weights) {
  const FeatureExtractor features = all_features.For(cert);
  std::vector<CompetenceProfile> profiles;
  for (const Competence& c : cert.competences) {
    CompetenceProfile p;
    p.competence = &c;
    p.blocs = cert.BlocsOf(c.id);
    p.title_terms = features.Terms(c.title);
    AddPart(p.title_terms, weights.title, &p);
    for (const Bloc* b : p.blocs) AddPart(features.Terms(b->title), weights.bloc_title, &p);
    AddPart(features.Terms(c.description), weights.description, &p);
    AddPart(features.Terms(c.context), weights.context, &p);
    for (const std::string& s : c.criteria) {
      ProfileItem item{ProfileItem::Kind::kCriterion, s, features.Terms(s)};
      AddPart(item.terms, weights.criterion, &p);
      p.items.push_back(std::move(item));
    }
    for (const std::string& s : c.AllSavoirFaire()) {
      ProfileItem item{ProfileItem::Kind::kSavoirFaire, s, features.Terms(s)};
      AddPart(item.terms, weights.savoir_faire, &p);
      p.items.push_back(std::move(item));
    }
    for (const std::string& s : c.savoirs) {
      ProfileItem item{ProfileItem::Kind::kSavoir, s, features.Terms(s)};
      AddPart(item.terms, weights.savoir, &p);
      p.items.push_back(std::move(item));
    }
    // A competence described by its title alone (RNCP fiches): the title
    // is its one item.
    if (p.items.empty())
      p.items.push_back({ProfileItem::Kind::kCriterion, c.title, p.title_terms});
    profiles.push_back(std::move(p));
  }
  return profiles;
}

}  // namespace passerelle
