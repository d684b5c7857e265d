#include "engine/certification.h"

#include <algorithm>
#include <cctype>

namespace passerelle {

std::string KindName(CertificationKind kind) {
  switch (kind) {
    case CertificationKind::kRncp: return "RNCP";
    case CertificationKind::kRs: return "RS";
    case CertificationKind::kTp: return "TP";
  }
  return "RNCP";
}

namespace {
bool AllDigits(const std::string& s, size_t from) {
  if (from >= s.size()) return false;
  for (size_t i = from; i < s.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}
}  // namespace

std::optional<CertificationKind> KindOfId(const std::string& id) {
  if (id.rfind("RNCP", 0) == 0 && AllDigits(id, 4)) return CertificationKind::kRncp;
  if (id.rfind("RS", 0) == 0 && AllDigits(id, 2)) return CertificationKind::kRs;
  if (id.rfind("TP-", 0) == 0 && id.size() == 8 && AllDigits(id, 3))
    return CertificationKind::kTp;
  return std::nullopt;
}

bool IsCertificationId(const std::string& id) { return KindOfId(id).has_value(); }

std::string CodeTypeName(Code::Type type) {
  switch (type) {
    case Code::Type::kRome: return "rome";
    case Code::Type::kNsf: return "nsf";
    case Code::Type::kFormacode: return "formacode";
  }
  return "rome";
}

std::string BlocKindName(BlocKind kind) { return kind == BlocKind::kCcs ? "ccs" : "standard"; }

std::vector<std::string> Competence::AllSavoirFaire() const {
  std::vector<std::string> all = savoir_faire_techniques;
  all.insert(all.end(), savoir_faire_organisationnels.begin(),
             savoir_faire_organisationnels.end());
  all.insert(all.end(), savoir_faire_relationnels.begin(), savoir_faire_relationnels.end());
  return all;
}

std::vector<const Code*> Certification::CodesOfType(Code::Type type) const {
  std::vector<const Code*> out;
  for (const Code& c : codes)
    if (c.type == type) out.push_back(&c);
  return out;
}

const Bloc* Certification::FindBloc(const BlocId& bloc_id) const {
  for (const Bloc& b : blocs)
    if (b.id == bloc_id) return &b;
  return nullptr;
}

const Competence* Certification::FindCompetence(const CompetenceId& competence_id) const {
  for (const Competence& c : competences)
    if (c.id == competence_id) return &c;
  return nullptr;
}

std::vector<const Bloc*> Certification::BlocsOf(const CompetenceId& competence_id) const {
  std::vector<const Bloc*> out;
  for (const Bloc& b : blocs)
    for (const CompetenceId& c : b.competences)
      if (c == competence_id) {
        out.push_back(&b);
        break;
      }
  return out;
}

bool Certification::CountsTowardCertification(const CompetenceId& competence_id) const {
  bool any_standard = false;
  for (const Bloc& b : blocs) {
    if (b.kind != BlocKind::kStandard) continue;
    any_standard = true;
    if (std::find(b.competences.begin(), b.competences.end(), competence_id) != b.competences.end())
      return true;
  }
  return !any_standard;
}

}  // namespace passerelle
