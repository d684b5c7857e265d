#include "engine/mapping_gold.h"

#include <nlohmann/json.hpp>

namespace passerelle {

bool GoldDossier::OtherTrade() const {
  for (const auto& [cp, statuses] : status)
    if (statuses != std::set<std::string>{"missing"}) return false;
  return !status.empty();
}

Result<Gold> ParseGold(const std::string& json_text, const std::string& source) {
  nlohmann::json j = nlohmann::json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("dossiers") ||
      !j["dossiers"].is_object())
    return Status::InvalidArgument(source + " : fichier de référence illisible (JSON attendu avec "
                                            "\"target\" et \"dossiers\")");
  Gold gold;
  gold.target = j.value("target", "");
  try {
    for (const auto& [name, d] : j["dossiers"].items()) {
      GoldDossier g;
      g.name = name;
      for (const auto& [cp, list] : d.at("status").items())
        for (const auto& s : list) g.status[cp].insert(s.get<std::string>());
      if (d.contains("paragraphs"))
        for (const auto& [para, list] : d.at("paragraphs").items())
          for (const auto& s : list)
            g.paragraphs[static_cast<uint32_t>(std::stoul(para))].insert(s.get<std::string>());
      gold.dossiers.push_back(std::move(g));
    }
  } catch (const std::exception& e) {
    return Status::InvalidArgument(source + " : fichier de référence mal formé (" + e.what() + ")");
  }
  return gold;
}

void MappingScore::Add(const GoldDossier& gold, const MappingResult& result) {
  const bool other = gold.OtherTrade();
  for (const CompetenceMapping& c : result.competences) {
    auto it = gold.status.find(c.number);
    if (it == gold.status.end()) continue;
    const std::string predicted(StatusKey(c.status));
    ++statuses;
    if (it->second.count(predicted)) {
      ++statuses_right;
    } else {
      std::string want;
      for (const std::string& s : it->second) want += (want.empty() ? "" : "|") + s;
      errors.push_back(gold.name + " " + c.number + " : " + predicted + " au lieu de " + want);
    }
    if (c.status == CoverageStatus::kMissing) continue;
    if (other) {
      ++other_trade_false_positives;
      continue;
    }
    ++evidenced;
    const uint32_t para = c.evidence.empty() ? 0 : c.evidence.front().paragraph;
    auto p = gold.paragraphs.find(para);
    if (p != gold.paragraphs.end() && p->second.count(c.number)) {
      ++evidence_right;
    } else {
      errors.push_back(gold.name + " " + c.number + " : meilleure preuve au paragraphe " +
                       std::to_string(para) + ", non étiqueté");
    }
  }
}

}  // namespace passerelle
