#include "engine/mapping_json.h"

#include <cmath>

namespace passerelle {

double JsonScore(double x) { return std::round(x * 1000) / 1000; }

nlohmann::json MappingToJson(const MappingResult& r) {
  nlohmann::json blocs = nlohmann::json::array();
  for (const BlocMapping& b : r.blocs)
    blocs.push_back({{"id", b.id.value},
                     {"kind", BlocKindName(b.kind)},
                     {"title", b.title},
                     {"coverage", JsonScore(b.coverage)},
                     {"status", StatusKey(b.status)},
                     {"covered", b.covered},
                     {"partial", b.partial},
                     {"missing", b.missing}});
  nlohmann::json comps = nlohmann::json::array();
  for (const CompetenceMapping& c : r.competences) {
    nlohmann::json ids = nlohmann::json::array();
    for (const BlocId& b : c.blocs) ids.push_back(b.value);
    nlohmann::json evidence = nlohmann::json::array();
    for (const Evidence& e : c.evidence) {
      nlohmann::json highlights = nlohmann::json::array();
      for (const auto& [begin, end] : e.highlights) highlights.push_back({begin, end});
      evidence.push_back({{"dossier", e.dossier},
                          {"passage", e.paragraph},
                          {"page", e.page},
                          {"text", e.text},
                          {"score", JsonScore(e.score)},
                          {"matched", e.matched},
                          {"highlights", highlights},
                          {"supports", e.supports}});
    }
    comps.push_back({{"id", c.id.value},
                     {"number", c.number},
                     {"title", c.title},
                     {"blocs", ids},
                     {"status", StatusKey(c.status)},
                     {"score", JsonScore(c.score)},
                     {"evidence", evidence},
                     {"missing", c.missing}});
  }
  return {{"candidate", r.candidate},   {"target", r.target.value},
          {"coverage", JsonScore(r.coverage)}, {"covered", r.covered},
          {"partial", r.partial},       {"missing", r.missing},
          {"blocs", blocs},             {"competences", comps}};
}

}  // namespace passerelle
