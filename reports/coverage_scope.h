// Which blocs of a certification make its professional part, and the
// coverage of that part. A bac pro or a CAP holds general-education blocs
// (French, mathematics, history…) and optional ones beside its trade blocs:
// a counsellor reads how much of the trade the dossier shows, and the
// overall figure beside it, labelled (docs/reports.md).
#pragma once

#include <optional>

#include "engine/certification.h"
#include "engine/mapping_result.h"

namespace passerelle::reports {

enum class BlocScope { kProfessional, kGeneral, kOptional };

// kOptional for a bloc marked optional ("bloc facultatif"), kGeneral for a
// general-education subject of the French national diplomas (its title is
// one of the subjects of the enseignement général: français,
// mathématiques, physique-chimie, histoire-géographie, langues vivantes,
// économie-gestion, prévention-santé-environnement, arts appliqués,
// éducation physique et sportive, culture générale…), else kProfessional.
BlocScope ScopeOf(const Bloc& bloc);

// ScopeOf within its certification: a general-education subject is one of
// several (a bac pro holds nine); a lone bloc titled like one ("Français
// langue étrangère" in a teacher's certification) is professional.
BlocScope ScopeIn(const Certification& certification, const Bloc& bloc);

struct ScopedCoverage {
  double coverage = 0;  // (covered + 0.5 × partial) / competences
  int covered = 0;
  int partial = 0;
  int missing = 0;
};

// The coverage of the competences of the professional blocs, each counted
// once. nullopt when every bloc is professional (the overall figure says
// it all) or none is.
std::optional<ScopedCoverage> ProfessionalCoverage(const Certification& certification,
                                                   const MappingResult& mapping);

}  // namespace passerelle::reports
