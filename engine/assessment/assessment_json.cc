#include "engine/assessment/assessment_json.h"

#include <set>

#include "engine/file_system.h"

namespace passerelle {

namespace {

using nlohmann::json;

template <typename E>
json KeyOrNull(const std::optional<E>& value) {
  return value ? json(std::string(KeyOf(*value))) : json(nullptr);
}

// `quoted`: the passage as the dossier holds it now (null: gone).
json Judgement(const EvidenceJudgement* j, const QuotedPassage* quoted) {
  if (j == nullptr)
    return {{"verdict", nullptr}, {"reason", ""}, {"revision", 0}, {"passage_changed", false}};
  const bool changed = !j->passage_hash.empty() &&
                       (quoted == nullptr || ContentHash(quoted->text) != j->passage_hash);
  return {{"verdict", std::string(KeyOf(j->verdict))},
          {"reason", j->reason},
          {"revision", j->revision},
          {"passage_changed", changed}};
}

const QuotedPassage* Find(const std::map<PassageRef, QuotedPassage>& passages,
                          const PassageRef& ref) {
  auto it = passages.find(ref);
  return it == passages.end() ? nullptr : &it->second;
}

const EvidenceJudgement* FindJudgement(const CompetenceAssessment& c, const PassageRef& ref) {
  for (const EvidenceJudgement& j : c.evidence)
    if (j.passage == ref) return &j;
  return nullptr;
}

json EvidenceOf(const CompetenceMapping& proposed, const CompetenceAssessment& decided,
                const std::map<PassageRef, QuotedPassage>& passages) {
  json out = json::array();
  std::set<PassageRef> shown;
  for (const Evidence& e : proposed.evidence) {
    const PassageRef ref{e.dossier, e.passage};
    shown.insert(ref);
    json item = {{"dossier", e.dossier}, {"passage", e.passage}, {"paragraph", e.paragraph},
                 {"page", e.page},       {"text", e.text},       {"proposed", true},
                 {"score", e.score}};
    item.update(Judgement(FindJudgement(decided, ref), Find(passages, ref)));
    out.push_back(std::move(item));
  }
  for (const EvidenceJudgement& j : decided.evidence) {
    if (shown.count(j.passage)) continue;
    auto quoted = passages.find(j.passage);
    json item = {
        {"dossier", j.passage.dossier}, {"passage", j.passage.passage}, {"proposed", false}};
    if (quoted != passages.end()) {
      item["paragraph"] = quoted->second.paragraph;
      item["page"] = quoted->second.page;
      item["text"] = quoted->second.text;
    }
    item.update(Judgement(&j, Find(passages, j.passage)));
    out.push_back(std::move(item));
  }
  return out;
}

json CompetenceJson(const CompetenceMapping& proposed, const CompetenceAssessment& decided,
                    const std::map<PassageRef, QuotedPassage>& passages) {
  json blocs = json::array();
  for (const BlocId& b : proposed.blocs) blocs.push_back(b.value);
  return {{"id", proposed.id.value},
          {"number", proposed.number},
          {"title", proposed.title},
          {"blocs", blocs},
          {"proposal",
           {{"status", std::string(StatusKey(proposed.status))}, {"score", proposed.score}}},
          {"decision", KeyOrNull(decided.decision)},
          {"comment", decided.comment},
          {"revision", decided.revision},
          {"evidence", EvidenceOf(proposed, decided, passages)}};
}

}  // namespace

json AssessmentToJson(const Assessment& a, const MappingResult& proposal,
                      const std::map<PassageRef, QuotedPassage>& passages) {
  const OverallAssessment& o = a.overall;
  json out = {{"candidate", a.key.candidate},
              {"target", a.key.target.value},
              {"stored", a.stored},
              {"state", std::string(KeyOf(o.state))},
              {"opinion", KeyOrNull(o.opinion)},
              {"preconisations", o.preconisations},
              {"planned_hours", o.planned_hours ? json(*o.planned_hours) : json(nullptr)},
              {"revision", o.revision},
              {"coverage", proposal.coverage}};
  json blocs = json::array();
  for (const BlocMapping& b : proposal.blocs) {
    const BlocAssessment decided = a.BlocOf(b.id);
    blocs.push_back(
        {{"id", b.id.value},
         {"title", b.title},
         {"proposal", {{"status", std::string(StatusKey(b.status))}, {"coverage", b.coverage}}},
         {"targeted", decided.targeted},
         {"dispensed", decided.dispensed},
         {"comment", decided.comment},
         {"revision", decided.revision}});
  }
  out["blocs"] = std::move(blocs);
  json competences = json::array();
  for (const CompetenceMapping& c : proposal.competences)
    competences.push_back(CompetenceJson(c, a.CompetenceOf(c.id), passages));
  out["competences"] = std::move(competences);
  return out;
}

json AuditToJson(const std::vector<AuditEntry>& entries) {
  json out = json::array();
  for (const AuditEntry& e : entries)
    out.push_back({{"sequence", e.sequence},
                   {"at", e.at},
                   {"author", e.author},
                   {"subject", e.subject},
                   {"item", e.item},
                   {"field", e.field},
                   {"before", e.before ? json(*e.before) : json(nullptr)},
                   {"after", e.after ? json(*e.after) : json(nullptr)}});
  return out;
}

}  // namespace passerelle
