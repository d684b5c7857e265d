// How the gap report tells a candidate what the dossier does not show yet:
// each criterion or savoir-faire without evidence becomes a situation to
// describe, in the candidate's terms.
//
//   savoir-faire "Monter les outils sur la tourelle."
//     -> "Décrivez une situation où vous avez monté les outils sur la tourelle."
//   savoir-faire "S'assurer de la conformité des pièces." (no participle may
//   agree with the candidate, whose gender the report does not know)
//     -> "Décrivez une situation où vous avez eu à vous assurer de la conformité des pièces."
//   criterion "Les outils coupants sont correctement montés."
//     -> "Montrez par un exemple que « les outils coupants sont correctement montés »."
//   savoir "Connaissance du langage ISO."
//     -> "Décrivez une situation qui montre votre « connaissance du langage ISO »."
//   a verb we cannot conjugate safely, or whose attribute may agree with the
//   candidate ("Devenir un lecteur…")
//     -> "Décrivez une situation où : « <the text> »."
//   anything else (a noun phrase)
//     -> "Décrivez une situation qui montre : « <the text> »."
//
// Where the sentence carries the referentiel's text whole and unchanged (a
// criterion, a savoir, the fallbacks), that text is between « »: a quote,
// typos included ("… que « les relevées de contrôle sont … »"). A
// savoir-faire turned into "vous avez …" is our sentence, not a quote.
//
// The rules are in docs/reports.md; the output has the French typography of
// typography.h applied.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/certification.h"

namespace passerelle::reports {

// Where a requirement comes from in the referentiel.
enum class RequirementKind { kCriterion, kSavoirFaire, kSavoir, kUnknown };

// The requirements of one competence, folded once (FoldForMatch, no final
// period) for repeated lookups.
class RequirementKinds {
 public:
  // `competence` may be null: every lookup then says kUnknown.
  explicit RequirementKinds(const Competence* competence);
  // Where `text` is among the criteria, savoir-faire and savoirs; kUnknown
  // when it is not there.
  RequirementKind Of(std::string_view text) const;
  // True for a technical savoir-faire (the concrete actions of a REAC).
  bool IsTechnical(std::string_view text) const;

 private:
  struct Entry {
    RequirementKind kind;
    bool technical;
  };
  const Entry* Find(std::string_view text) const;
  std::vector<std::pair<std::string, Entry>> entries_;  // small: a linear scan
};

// One-off lookup: RequirementKinds(competence).Of(text).
RequirementKind KindOfRequirement(const Competence* competence, std::string_view text);

// The sentence that asks for a situation showing `requirement`. The kind
// decides which phrasing is tried first; the text decides whether it fits.
std::string PhraseSituation(std::string_view requirement, RequirementKind kind);

}  // namespace passerelle::reports
