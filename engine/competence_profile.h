// A competence's profile: everything the referentiel says about it (title,
// description, context, criteria, savoir-faire, savoirs, the titles of its
// blocs), as weighted feature terms, plus the criteria and savoir-faire as
// separate items so that evidence can say which of them it supports
// (docs/mapping.md, "Profiles").
#pragma once

#include <string>
#include <string_view>
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
  // What the competence does: the action terms of its title (TitleActions),
  // distinct, sorted; empty for a nominal title ("Entretien des moyens
  // d'usinage").
  std::vector<std::string> action_terms;
  std::vector<ProfileItem> items;  // criteria, savoir-faire, then savoirs
};

// The terms of the action verbs of a competence title, distinct and sorted:
// its leading infinitives and those coordinated with them by "et", "ou" or a
// comma anywhere in the title ("Ordonnancer les opérations et programmer un
// usinage": ordonnanc, programm). A referentiel states a competence as an
// action verb and its object; a title that opens with a noun has no action.
std::vector<std::string> TitleActions(std::string_view title, const FeatureExtractor& features);

// Profiles of every distinct competence of `cert`, in referentiel order.
// Its texts are read with the thesauri that serve `cert` only
// (FeatureExtractor::For): a profile does not depend on what it is
// compared with.
std::vector<CompetenceProfile> BuildProfiles(const Certification& cert,
                                             const FeatureExtractor& features,
                                             const ProfileWeights& weights = {});

}  // namespace passerelle
