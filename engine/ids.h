// Typed identifiers of the competence graph (see docs/identifiers.md).
#pragma once

#include <compare>
#include <functional>
#include <string>

namespace passerelle {

template <typename Tag>
struct Id {
  std::string value;
  Id() = default;
  explicit Id(std::string v) : value(std::move(v)) {}
  bool empty() const { return value.empty(); }
  auto operator<=>(const Id&) const = default;
  bool operator==(const Id&) const = default;
};

struct CertificationTag {};
struct BlocTag {};
struct CompetenceTag {};

using CertificationId = Id<CertificationTag>;  // RNCP35697, RS1234, TP-00211
using BlocId = Id<BlocTag>;                    // RNCP35697BC01, TP-00211-AT1
using CompetenceId = Id<CompetenceTag>;        // RNCP35697BC01-C2, TP-00211-CP3

// What a reader calls a bloc or competence inside its certification: its
// number when it has one (CP3), else its id without the certification's
// prefix (BC01-C2 for RNCP35697BC01-C2, AT1 for TP-00211-AT1).
// A number repeated inside its certification (the CP1 of a CCS beside the
// titre's own CP1) keeps the part of the id that tells them apart:
// CCS1-CP1 for TP-77701-CCS1-CP1.
inline std::string ShortName(const std::string& id, const std::string& number,
                             const CertificationId& certification) {
  const std::string& prefix = certification.value;
  std::string rest;
  if (!prefix.empty() && id.size() > prefix.size() && id.compare(0, prefix.size(), prefix) == 0) {
    rest = id.substr(prefix.size());
    if (rest.front() == '-') rest.erase(0, 1);
  }
  if (!number.empty()) {
    const std::string tail = "-" + number;
    const bool qualified = rest.size() > tail.size() &&
                           rest.compare(rest.size() - tail.size(), tail.size(), tail) == 0;
    return qualified ? rest : number;
  }
  return rest.empty() ? id : rest;
}

}  // namespace passerelle

template <typename Tag>
struct std::hash<passerelle::Id<Tag>> {
  size_t operator()(const passerelle::Id<Tag>& id) const noexcept {
    return std::hash<std::string>()(id.value);
  }
};
