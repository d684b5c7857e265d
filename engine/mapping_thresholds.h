// Every number the evidence mapping decides with, in one place. How each was
// chosen is in docs/mapping.md ("Thresholds"); they are not tuned per dossier
// and the same values serve every certification.
#pragma once

#include <cstddef>

namespace passerelle {

struct MappingThresholds {
  // A term at least this specific (TermSpecificity) is the trade's own.
  double domain_specificity = 0.6;
  // An evidence clause shares at least this many of the trade's own terms
  // with the competence (a concept and its words count separately).
  int min_specific_terms = 2;
  // Clause score e = m / (m + h), m the weighted overlap with the profile and
  // h = half_saturation × the mean weight of the profile's top_k terms: a
  // clause matching `half_saturation` of the profile's best terms scores 0.5.
  double half_saturation = 2.0;
  size_t top_k = 12;
  // A clause evidences a competence when e reaches this ...
  double min_clause_score = 0.3;
  // ... and its overlap is at least this share of the clause's best overlap
  // with any competence of the target (a clause about FAO is not evidence
  // of every competence that mentions a program).
  double relative_to_best = 0.95;
  // An example of a dossier professionnel (engine/dossier_sections.h)
  // evidences the competences whose strength in it (noisy-or of its best
  // passages) reaches this share of the strongest competence's there.
  double example_share = 0.8;
  // A criterion or savoir-faire is supported by an evidence clause sharing
  // terms whose specificities sum to this (one of them specific).
  double item_support = 0.5;
  // Within-certification discrimination of a term: floor and weight of its
  // inverse competence frequency (a term of every competence keeps `floor`).
  double discrimination_floor = 0.25;
  // The specific title words that set a competence apart from its closest
  // sibling are its anchors: the dossier must show one of them somewhere (a
  // lathe dossier does not evidence the machining-centre competences).
  double anchor_specificity = 0.7;
  // An item is supported through at least one specific word that not every
  // competence uses ("pièce" is in all of them).
  double own_discrimination = 0.4;
  double anchor_discrimination = 0.5;
  // Profiles at least this close (cosine of their weights) are siblings.
  double sibling_similarity = 0.5;
  // Evidence order: clause score + item_bonus per supported criterion or
  // savoir-faire (up to item_bonus_cap): the passage that shows most of the
  // competence comes first.
  double item_bonus = 0.1;
  size_t item_bonus_cap = 5;
  // Competence strength is the noisy-or of its best evidence scores.
  size_t strength_evidence = 3;
  // Covered: strength ≥ covered_strength with covered_items items of the
  // profile supported, or covered_items + covered_items_alone items whatever
  // the strength (a detailed paragraph about the competence).
  double covered_strength = 0.6;
  size_t covered_items = 3;
  size_t covered_items_alone = 2;
  double partial_strength = 0.3;
  // Output limits.
  size_t max_evidence = 5;
  size_t max_evidence_chars = 700;
  size_t max_matched = 8;
};

}  // namespace passerelle
