#include "engine/mapping_gold.h"

#include <algorithm>
#include <cctype>
#include <tuple>

#include <nlohmann/json.hpp>

#include "engine/text.h"

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

namespace passerelle {

namespace {

// Letters and digits of the folded title: "Développer les composants
// d’accès" and "Developper les composants d'acces" meet.
std::string TitleKey(const std::string& title) {
  std::string key;
  for (char c : FoldForMatch(title))
    if (std::isalnum(static_cast<unsigned char>(c))) key += c;
  return key;
}

std::pair<uint32_t, uint32_t> Range(const nlohmann::json& j) {
  return {j.at(0).get<uint32_t>(), j.at(1).get<uint32_t>()};
}

}  // namespace

Result<DpGold> ParseDpGold(const std::string& json_text, const std::string& source) {
  nlohmann::json j = nlohmann::json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("dossiers") ||
      !j["dossiers"].is_object())
    return Status::InvalidArgument(source + " : fichier de référence illisible (JSON attendu avec "
                                            "\"dossiers\")");
  DpGold gold;
  try {
    for (const auto& [name, d] : j["dossiers"].items()) {
      DpDossier g;
      g.name = name;
      g.target = d.at("titre").get<std::string>();
      for (const auto& e : d.at("examples")) {
        DpExample x;
        for (const auto& t : e.at("cp_titles_canonical")) x.cp_titles.push_back(t);
        std::tie(x.first_full, x.last_full) = Range(e.at("paragraphs_full"));
        std::tie(x.first_stripped, x.last_stripped) = Range(e.at("paragraphs_stripped"));
        g.examples.push_back(std::move(x));
      }
      for (const auto& t : d.value("cp_without_example", nlohmann::json::array()))
        g.cp_without_example.push_back(t);
      gold.dossiers.push_back(std::move(g));
    }
  } catch (const std::exception& e) {
    return Status::InvalidArgument(source + " : fichier de référence mal formé (" + e.what() + ")");
  }
  return gold;
}

const Competence* CompetenceTitled(const Certification& target, const std::string& title) {
  const std::string key = TitleKey(title);
  for (const Competence& c : target.competences)
    if (TitleKey(c.title) == key) return &c;
  return nullptr;
}

void DpScore::Add(const DpDossier& gold, bool stripped, const Certification& target,
                  const MappingResult& result) {
  auto mapping_of = [&](const std::string& title) -> const CompetenceMapping* {
    const Competence* c = CompetenceTitled(target, title);
    if (!c) {
      errors.push_back(gold.name + " : « " + title + " » absent de " + target.id.value);
      return nullptr;
    }
    for (const CompetenceMapping& m : result.competences)
      if (m.number == c->number) return &m;
    return nullptr;
  };
  const std::string name = gold.name + (stripped ? ".stripped" : "");
  // Each claimed CP once, with every example that claims it.
  std::map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> claimed;
  for (const DpExample& x : gold.examples)
    for (const std::string& t : x.cp_titles)
      claimed[t].push_back(stripped ? std::make_pair(x.first_stripped, x.last_stripped)
                                    : std::make_pair(x.first_full, x.last_full));
  for (const auto& [title, ranges] : claimed) {
    const CompetenceMapping* m = mapping_of(title);
    if (!m) continue;
    ++labelled;
    if (m->status == CoverageStatus::kMissing) {
      errors.push_back(name + " " + m->number + " : missing, exemple de l'auteur non reconnu");
      continue;
    }
    ++labelled_found;
    const uint32_t para = m->evidence.empty() ? 0 : m->evidence.front().paragraph;
    const bool inside = std::any_of(ranges.begin(), ranges.end(), [&](const auto& r) {
      return r.first <= para && para <= r.second;
    });
    if (inside)
      ++evidence_in_range;
    else
      errors.push_back(name + " " + m->number + " : meilleure preuve au paragraphe " +
                       std::to_string(para) + ", hors de l'exemple de l'auteur");
  }
  for (const std::string& title : gold.cp_without_example) {
    const CompetenceMapping* m = mapping_of(title);
    if (!m) continue;
    ++unlabelled;
    if (m->status == CoverageStatus::kMissing) continue;
    ++unlabelled_covered;
    errors.push_back(name + " " + m->number + " : " + std::string(StatusKey(m->status)) +
                     " sans exemple de l'auteur");
  }
}

void DpScore::Add(const DpScore& o) {
  labelled += o.labelled;
  labelled_found += o.labelled_found;
  evidence_in_range += o.evidence_in_range;
  unlabelled += o.unlabelled;
  unlabelled_covered += o.unlabelled_covered;
  errors.insert(errors.end(), o.errors.begin(), o.errors.end());
}

}  // namespace passerelle
