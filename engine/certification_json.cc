#include "engine/certification_json.h"

#include "engine/active_status.h"

namespace passerelle {

namespace {

using nlohmann::json;

json CodeValues(const Certification& c, Code::Type type) {
  json out = json::array();
  for (const Code* code : c.CodesOfType(type)) out.push_back(code->value);
  return out;
}

json CodeDetails(const Certification& c) {
  json out = json::array();
  for (const Code& code : c.codes)
    out.push_back({{"type", CodeTypeName(code.type)}, {"code", code.value}, {"label", code.label}});
  return out;
}

json LinkIds(const std::vector<CertificationLink>& links) {
  json out = json::array();
  for (const CertificationLink& l : links) out.push_back(l.id.value);
  return out;
}

json Optional(const std::optional<bool>& b) { return b ? json(*b) : json(nullptr); }

json BlocJson(const Bloc& b) {
  json ids = json::array();
  for (const CompetenceId& id : b.competences) ids.push_back(id.value);
  json durations = json::array();
  for (const Duration& d : b.durations)
    durations.push_back({{"label", d.label}, {"minutes", d.minutes}});
  return {{"id", b.id.value},       {"kind", BlocKindName(b.kind)}, {"title", b.title},
          {"unit", b.unit},         {"implicit", b.implicit},
          {"optional", b.optional}, {"description", b.description},
          {"modalities", b.modalities}, {"durations", durations},
          {"competences", ids}};
}

json CompetenceJson(const Certification& cert, const Competence& c) {
  json blocs = json::array();
  for (const Bloc* b : cert.BlocsOf(c.id)) blocs.push_back(b->id.value);
  return {{"id", c.id.value},
          {"number", c.number},
          {"title", c.title},
          {"blocs", blocs},
          {"description", c.description},
          {"context", c.context},
          {"criteria", c.criteria},
          {"savoir_faire", c.AllSavoirFaire()},
          {"savoir_faire_detail",
           {{"techniques", c.savoir_faire_techniques},
            {"organisationnels", c.savoir_faire_organisationnels},
            {"relationnels", c.savoir_faire_relationnels}}},
          {"savoirs", c.savoirs}};
}

json TransversalJson(const Competence& c) {
  return {{"id", c.id.value},
          {"number", c.number},
          {"title", c.title},
          {"description", c.description},
          {"context", c.context},
          {"criteria", c.criteria}};
}

json CorrespondencesJson(const std::vector<Correspondence>& list) {
  json out = json::array();
  for (const Correspondence& c : list)
    out.push_back({{"bloc", c.bloc.empty() ? json(nullptr) : json(c.bloc.value)},
                   {"to_certification", c.to_certification.value},
                   {"to_bloc", c.to_bloc.empty() ? json(nullptr) : json(c.to_bloc.value)}});
  return out;
}

}  // namespace

nlohmann::json CertificationToJson(const Certification& cert, const CompetenceGraph& graph) {
  json certificateurs = json::array();
  for (const Certificateur& c : cert.certificateurs)
    certificateurs.push_back({{"name", c.name}, {"siret", c.siret}});
  json dates = json::object();
  for (const DatedEvent& d : cert.dates) dates[d.type] = d.date;
  json blocs = json::array();
  for (const Bloc& b : cert.blocs) blocs.push_back(BlocJson(b));
  json competences = json::array();
  for (const Competence& c : cert.competences) competences.push_back(CompetenceJson(cert, c));
  std::vector<CertificationId> replaced_by;
  for (const CertificationLink& l : graph.ReplacedBy(cert.id)) replaced_by.push_back(l.id);
  const ActiveStatus status = DeriveActiveStatus(cert.active, replaced_by);
  json transversal = json::array();
  for (const Competence& c : cert.transversal_competences) transversal.push_back(TransversalJson(c));
  return {{"id", cert.id.value},
          {"kind", KindName(cert.kind)},
          {"title", cert.title},
          {"abbreviation", cert.abbreviation},
          {"level", cert.level ? json(cert.level) : json(nullptr)},
          {"active", Optional(cert.active)},
          {"status", ActiveStatusName(status.kind)},
          {"state", cert.state},
          {"vae", Optional(cert.vae_access)},
          {"nsf", CodeValues(cert, Code::Type::kNsf)},
          {"rome", CodeValues(cert, Code::Type::kRome)},
          {"formacodes", CodeValues(cert, Code::Type::kFormacode)},
          {"codes", CodeDetails(cert)},
          {"certificateurs", certificateurs},
          {"dates", dates},
          {"replaces", LinkIds(graph.Replaces(cert.id))},
          {"replaced_by", LinkIds(graph.ReplacedBy(cert.id))},
          {"correspondences", CorrespondencesJson(graph.Correspondences(cert.id))},
          {"blocs", blocs},
          {"competences", competences},
          {"transversal_competences", transversal}};
}

}  // namespace passerelle
