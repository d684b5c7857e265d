// Clause-level reading of a dossier passage: which statements say what the
// candidate does, and which say what they do not do, would do, are only
// learning, or leave to others. Only asserted clauses evidence a competence;
// the rest of the same paragraph still counts. Rules: docs/mapping.md,
// "Negation and hypotheticals".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle {

enum class ClauseKind {
  kAsserted,      // "je règle des tours"
  kNegated,       // "je n'ai jamais réglé de tour", "sans logiciel de FAO"
  kHypothetical,  // "je pourrais programmer", "j'aimerais apprendre"
  kLearning,      // "j'ai commencé à apprendre la FAO", "j'ai des notions"
  kDelegated,     // "ce sont les régleurs qui montent les outils"
  kJobTitle,      // "je suis régleur depuis huit ans": who, not what they do
  kOccasional,    // "je n'y ai travaillé que pour dépanner": touched, not practised
};

// "affirmé", "négation", "hypothèse", "apprentissage", "délégué", "poste", "ponctuel".
std::string_view ClauseKindLabel(ClauseKind kind);

struct Clause {
  size_t begin = 0;  // byte offsets in the passage
  size_t end = 0;
  ClauseKind kind = ClauseKind::kAsserted;
};

// Cuts `text` into clauses (sentences, then ; : and connectors such as
// "mais", "alors que", ", je", "sans") and classifies each. The clauses are
// in text order, do not overlap and cover every word of the text.
std::vector<Clause> ReadClauses(std::string_view text);

// The kind of one clause's text (exposed for tests).
ClauseKind ClassifyClause(std::string_view clause);

}  // namespace passerelle
