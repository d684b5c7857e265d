#include "reports/coverage_scope.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "engine/text.h"

namespace passerelle::reports {

namespace {

// How the titles of the general-education subjects begin, folded
// (FoldForMatch). They are the national subjects of the vocational
// diplomas (bac pro, CAP, BP, BTS), not the words of one referentiel.
constexpr std::string_view kGeneralSubjects[] = {
    "francais",
    "mathematiques",
    "physique-chimie",
    "sciences physiques",
    "histoire-geographie",
    "langue vivante",
    "langues vivantes",
    "economie-gestion",
    "economie - gestion",
    "economie-droit",
    "prevention-sante-environnement",
    "arts appliques",
    "education physique",
    "culture generale",
    "culture economique",
    "enseignement moral et civique",
};

}  // namespace

BlocScope ScopeOf(const Bloc& bloc) {
  if (bloc.optional) return BlocScope::kOptional;
  const std::string title = FoldForMatch(bloc.title);
  for (std::string_view subject : kGeneralSubjects)
    if (title.starts_with(subject)) return BlocScope::kGeneral;
  return BlocScope::kProfessional;
}

BlocScope ScopeIn(const Certification& certification, const Bloc& bloc) {
  const BlocScope scope = ScopeOf(bloc);
  if (scope != BlocScope::kGeneral) return scope;
  const auto general = std::count_if(certification.blocs.begin(), certification.blocs.end(),
                                     [](const Bloc& b) { return ScopeOf(b) == BlocScope::kGeneral; });
  return general >= 2 ? BlocScope::kGeneral : BlocScope::kProfessional;
}

std::optional<ScopedCoverage> ProfessionalCoverage(const Certification& certification,
                                                   const MappingResult& mapping) {
  std::set<std::string> professional;
  bool other = false;
  for (const Bloc& b : certification.blocs) {
    if (ScopeIn(certification, b) != BlocScope::kProfessional) {
      other = true;
      continue;
    }
    for (const CompetenceId& id : b.competences) professional.insert(id.value);
  }
  if (!other || professional.empty()) return std::nullopt;
  ScopedCoverage out;
  for (const CompetenceMapping& c : mapping.competences) {
    if (!professional.count(c.id.value)) continue;
    switch (c.status) {
      case CoverageStatus::kCovered:
        ++out.covered;
        break;
      case CoverageStatus::kPartial:
        ++out.partial;
        break;
      case CoverageStatus::kMissing:
        ++out.missing;
        break;
    }
  }
  out.coverage = CoverageOf(out.covered, out.partial, out.covered + out.partial + out.missing);
  return out;
}

}  // namespace passerelle::reports
