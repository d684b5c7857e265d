#include "engine/comparison_json.h"

#include <cmath>

namespace passerelle {

namespace {

double Round3(double x) { return std::round(x * 1000) / 1000; }

template <typename T>
nlohmann::json IdOrNull(const std::optional<T>& id) {
  return id ? nlohmann::json(id->value) : nlohmann::json(nullptr);
}

nlohmann::json BlocsJson(const std::vector<BlocMatch>& blocs) {
  nlohmann::json out = nlohmann::json::array();
  for (const BlocMatch& b : blocs) {
    nlohmann::json official = nlohmann::json::array();
    for (const BlocId& id : b.official) official.push_back(id.value);
    out.push_back(
        {{"id", b.id.value},
         {"title", b.title},
         {"best", IdOrNull(b.best)},
         {"best_title", b.best ? nlohmann::json(b.best_title) : nullptr},
         {"score", Round3(b.score)},
         {"closest", b.closest.empty() ? nlohmann::json(nullptr) : nlohmann::json(b.closest.value)},
         {"coverage", Round3(b.coverage)},
         {"official", official}});
  }
  return out;
}

nlohmann::json CompetencesJson(const std::vector<CompetenceMatch>& competences) {
  nlohmann::json out = nlohmann::json::array();
  for (const CompetenceMatch& c : competences)
    out.push_back({{"id", c.id.value},
                   {"number", c.number},
                   {"title", c.title},
                   {"best", IdOrNull(c.best)},
                   {"best_title", c.best ? nlohmann::json(c.best_title) : nullptr},
                   {"best_bloc", c.best ? nlohmann::json(c.best_bloc.value) : nullptr},
                   {"score", Round3(c.score)},
                   {"equivalence", EquivalenceName(c.equivalence)}});
  return out;
}

}  // namespace

nlohmann::json ComparisonToJson(const CertificationComparison& c,
                                const ComparisonThresholds& thresholds) {
  nlohmann::json official = nlohmann::json::array();
  for (const OfficialLink& l : c.official)
    official.push_back({{"type", OfficialLinkName(l.type)}, {"from", l.from}, {"to", l.to}});
  return {{"a", c.a.id.value},
          {"a_title", c.a.title},
          {"b", c.b.id.value},
          {"b_title", c.b.title},
          {"coverage_a_by_b", Round3(c.a.coverage)},
          {"coverage_b_by_a", Round3(c.b.coverage)},
          {"thresholds",
           {{"equivalent", thresholds.covered}, {"no_counterpart", thresholds.no_counterpart}}},
          {"official", official},
          {"blocs", BlocsJson(c.a.blocs)},
          {"competences", CompetencesJson(c.a.competences)},
          {"reverse",
           {{"blocs", BlocsJson(c.b.blocs)}, {"competences", CompetencesJson(c.b.competences)}}}};
}

}  // namespace passerelle
