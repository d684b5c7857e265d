#include "engine/active_status.h"

#include <algorithm>

namespace passerelle {

std::optional<bool> ActiveStatus::Flag() const {
  if (kind == Kind::kUnknown) return std::nullopt;
  return kind == Kind::kActive;
}

std::string ActiveStatusName(ActiveStatus::Kind kind) {
  switch (kind) {
    case ActiveStatus::Kind::kActive:
      return "active";
    case ActiveStatus::Kind::kInactive:
      return "inactive";
    case ActiveStatus::Kind::kReplaced:
      return "replaced";
    case ActiveStatus::Kind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::string DescribeActiveStatus(const ActiveStatus& status) {
  switch (status.kind) {
    case ActiveStatus::Kind::kActive:
      return "active";
    case ActiveStatus::Kind::kInactive:
      return "inactive";
    case ActiveStatus::Kind::kReplaced: {
      std::string ids;
      for (const CertificationId& id : status.replaced_by)
        ids += (ids.empty() ? "" : ", ") + id.value;
      return "remplacée par " + ids;
    }
    case ActiveStatus::Kind::kUnknown:
      return "inconnue (fiche texte sans statut)";
  }
  return "";
}

ActiveStatus DeriveActiveStatus(const std::optional<bool>& active,
                                std::vector<CertificationId> replaced_by) {
  std::sort(replaced_by.begin(), replaced_by.end());
  replaced_by.erase(std::unique(replaced_by.begin(), replaced_by.end()), replaced_by.end());
  ActiveStatus s;
  if (active == true)
    s.kind = ActiveStatus::Kind::kActive;
  else if (!replaced_by.empty())
    s.kind = ActiveStatus::Kind::kReplaced;
  else if (active == false)
    s.kind = ActiveStatus::Kind::kInactive;
  if (s.kind == ActiveStatus::Kind::kReplaced) s.replaced_by = std::move(replaced_by);
  return s;
}

ActiveStatuses::ActiveStatuses(const Catalog& catalog) {
  for (const auto& [id, e] : catalog.entries())
    for (const CertificationLink& l : e.replaces)
      if (l.id != id) replacers_[l.id].push_back(id);
}

ActiveStatus ActiveStatuses::Of(const CatalogEntry& entry) const {
  std::vector<CertificationId> by;
  for (const CertificationLink& l : entry.replaced_by)
    if (l.id != entry.id) by.push_back(l.id);
  if (auto it = replacers_.find(entry.id); it != replacers_.end())
    by.insert(by.end(), it->second.begin(), it->second.end());
  return DeriveActiveStatus(entry.active, std::move(by));
}

}  // namespace passerelle
