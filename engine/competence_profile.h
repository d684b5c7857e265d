// A competence's profile: everything the referentiel says about it (title,
// description, context, criteria, savoir-faire, savoirs, the titles of its
// blocs), as weighted feature terms, plus the criteria and savoir-faire as
// separate items so that evidence can say which of them it supports
// (docs/mapping.md, "Profiles").
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "engine/certification.h"
#include "engine/text_features.h"

namespace passerelle {

// Weight of each part of the referentiel in a profile.
struct ProfileWeights {
  double title = 3.0;
  double bloc_title = 1.0;
  double description = 1.5;
  double context = 0.5;
  double criterion = 0.6;
  double savoir_faire = 1.0;
  double savoir = 0.5;
};

struct ProfileItem {
  enum class Kind { kCriterion, kSavoirFaire, kSavoir };
  Kind kind = Kind::kSavoirFaire;
  std::string text;                // verbatim, as in the referentiel
  std::vector<std::string> terms;  // distinct, sorted
};

struct CompetenceProfile {
  const Competence* competence = nullptr;
  std::vector<const Bloc*> blocs;
  // Sum of the weights of the parts where each term occurs.
  std::unordered_map<std::string, double> weight;
  std::vector<std::string> title_terms;  // distinct, sorted
  std::vector<ProfileItem> items;        // criteria, savoir-faire, then savoirs
};

// Profiles of every distinct competence of `cert`, in referentiel order.
// Its texts are read with the thesauri that serve `cert` only
// (FeatureExtractor::For): a profile does not depend on what it is
// compared with.
std::vector<CompetenceProfile> BuildProfiles(const Certification& cert,
                                             const FeatureExtractor& features,
                                             const ProfileWeights& weights = {});

}  // namespace passerelle
