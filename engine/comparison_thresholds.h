// Every number the comparison of two certifications decides with, in one
// place. How each was chosen, with the figures measured on the referentiels
// we have, is in docs/equivalences.md ("Calibration"); none depends on a
// certification's id and the same values serve every pair.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace passerelle {

struct ComparisonThresholds {
  // A term's discrimination in one certification is
  //   floor + (1 − floor) × log((N + 1) / df) / log(N + 1)
  // over its N competences; a term weighs the geometric mean of its
  // discriminations in both: a word of most competences of either ("usinage"
  // between two machining diplomas) is their shared domain, not evidence
  // that two given competences match.
  double discrimination_floor = 0.2;
  // Specificity cap of the everyday vocabulary (referentiels/
  // generic-vocabulary.txt) when comparing: higher than the mapping's 0.15,
  // because between two referentiels of one trade the verbs say what a
  // competence does, yet well below the trade's own words.
  double generic_specificity = 0.35;
  // The raw similarity blends the cosine of the two weighted profiles with
  // the containment of the smaller one in the larger (a title-only RNCP
  // competence inside a REAC competence's long profile): raw =
  // cosine^(1 − containment_share) × containment^containment_share.
  double containment_share = 0.5;
  // The lighter profile's mass counts as at least this in the containment:
  // about one specific title word (log2(1 + 3) × 1 × 0.75).
  double min_contained_mass = 1.5;
  // Two competences with the same title are the same competence even when
  // one referentiel details it and the other does not (a renewed fiche adds
  // savoir-faire below unchanged titles): raw is at least this share of the
  // titles' agreement (TitleAgreement).
  double title_agreement_share = 0.9;
  // A title's weight counts as at least this in TitleAgreement: titles made
  // only of words of every competence agree on nothing.
  double min_title_mass = 0.3;
  // Monotone calibration of the raw similarity to the score: piecewise
  // linear through these (raw, score) points, clamped to [0, 1]. Set so
  // that word-for-word identical competences score ≥ 0.9, a competence and
  // its reworded counterpart ≥ 0.6, and competences of unrelated trades
  // below no_counterpart (figures in docs/equivalences.md).
  std::vector<std::pair<double, double>> calibration = {{0.0, 0.0},  {0.12, 0.2}, {0.3, 0.5},
                                                        {0.55, 0.8}, {0.8, 0.92}, {1.0, 1.0}};
  // A competence (or a bloc) whose best score is below this has no real
  // counterpart: « sans équivalent ». Blocs then report no best bloc.
  double no_counterpart = 0.35;
  // A competence is covered by the other certification when its best score
  // reaches this (« équivalente »); between no_counterpart and this it is
  // « proche » and counts half in coverage, like a partial competence of the
  // mapping: coverage = (covered + 0.5 × close) / competences.
  double covered = 0.6;
  // Bloc score: the weighted mean of how well the candidate bloc covers the
  // bloc (its competences' best scores within the candidate) and how well
  // the bloc covers the candidate (the reverse): a bloc that holds the whole
  // other certification is not the best counterpart of one of its blocs.
  double bloc_forward_weight = 2.0 / 3.0;
  // The best counterpart of a competence is ranked by its score plus this
  // share of the score of their blocs: among near-equal candidates, the one
  // in the closest bloc wins. The score reported stays the competences' own.
  double context_weight = 0.05;
  // The best counterpart of a competence is ranked down by this when both
  // titles state an action and not the same one (SameAction): a referentiel
  // writes a competence as an action verb and its object, and two
  // competences acting differently on the same object ("Contrôler une
  // pièce" / "Élaborer un programme pièce") are less alike than their shared
  // words say. Ranking only: the score stays the competences' own, because
  // synonymous verbs ("Installer" / "Configurer") are common between two
  // referentiels. 0.1 moves 3 of the 64 development choices to the expected
  // counterpart and none away; 0.15 already loses "Élaborer un programme
  // avec un logiciel de FAO" → TP-00211's CP6 to CP4 (docs/equivalences.md).
  double other_action_rank = 0.1;
};

}  // namespace passerelle
