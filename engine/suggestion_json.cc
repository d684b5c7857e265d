#include "engine/suggestion_json.h"

#include "engine/mapping_json.h"

namespace passerelle {

namespace {

nlohmann::json StrongestToJson(const std::vector<StrongCompetence>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const StrongCompetence& c : list)
    out.push_back({{"id", c.id.value},
                   {"number", c.number},
                   {"title", c.title},
                   {"status", StatusKey(c.status)},
                   {"score", JsonScore(c.score)}});
  return out;
}

const char* BasisKey(ShortlistBasis b) {
  switch (b) {
    case ShortlistBasis::kWhole:
      return "whole";
    case ShortlistBasis::kContentAndTitles:
      return "content+titles";
    case ShortlistBasis::kTitles:
      return "titles";
  }
  return "";
}

}  // namespace

nlohmann::json SuggestionsToJson(const Suggestions& s) {
  nlohmann::json certs = nlohmann::json::array();
  for (const CertificationSuggestion& c : s.certifications)
    certs.push_back({{"id", c.id.value},
                     {"title", c.title},
                     {"coverage", JsonScore(c.coverage)},
                     {"strongest", StrongestToJson(c.strongest)}});
  nlohmann::json blocs = nlohmann::json::array();
  for (const BlocSuggestion& b : s.blocs)
    blocs.push_back({{"id", b.id.value},
                     {"certification", b.certification.value},
                     {"title", b.title},
                     {"coverage", JsonScore(b.coverage)},
                     {"strongest", StrongestToJson(b.strongest)}});
  return {{"candidate", s.candidate},
          {"certifications", certs},
          {"blocs", blocs},
          {"examined", s.mapped},
          {"shortlist", BasisKey(s.shortlist)}};
}

}  // namespace passerelle
