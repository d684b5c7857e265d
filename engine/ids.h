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

}  // namespace passerelle

template <typename Tag>
struct std::hash<passerelle::Id<Tag>> {
  size_t operator()(const passerelle::Id<Tag>& id) const noexcept {
    return std::hash<std::string>()(id.value);
  }
};
