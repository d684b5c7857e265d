// Whether a certification is still awarded, from what the workspace knows:
// an explicit flag (open-data ACTIF, the "Active"/"Inactive" of a new RNCP
// fiche) wins; otherwise a certification that another one replaces is
// inactive; otherwise the status is unknown (a REAC or an old text fiche
// says nothing). `certifications` prints it, `--active` and `suggest` leave
// out what is inactive or replaced.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/catalog.h"
#include "engine/certification.h"

namespace passerelle {

struct ActiveStatus {
  enum class Kind { kActive, kInactive, kReplaced, kUnknown };
  Kind kind = Kind::kUnknown;
  std::vector<CertificationId> replaced_by;  // every known replacement, sorted

  // Not known to be inactive: active or unknown.
  bool MayBeActive() const { return kind == Kind::kActive || kind == Kind::kUnknown; }
  // The flag as JSON shows it: true, false, or nullopt when unknown.
  std::optional<bool> Flag() const;
};

// "active", "inactive", "replaced", "unknown" (JSON).
std::string ActiveStatusName(ActiveStatus::Kind kind);
// French words for a table: "active", "inactive", "remplacée par RNCP35697",
// "inconnue (fiche texte sans statut)".
std::string DescribeActiveStatus(const ActiveStatus& status);

// The status from the explicit flag and the replacements known from both
// sides of the links.
ActiveStatus DeriveActiveStatus(const std::optional<bool>& active,
                                std::vector<CertificationId> replaced_by);

// The statuses of every certification of a catalog: one pass to gather who
// replaces whom, then a lookup per entry.
class ActiveStatuses {
 public:
  explicit ActiveStatuses(const Catalog& catalog);
  ActiveStatus Of(const CatalogEntry& entry) const;

 private:
  // Replaced id -> the certifications that declare they replace it.
  std::map<CertificationId, std::vector<CertificationId>> replacers_;
};

}  // namespace passerelle
