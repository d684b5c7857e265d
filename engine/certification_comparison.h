// Two certifications side by side: for each competence of A its best
// counterpart in B, for each bloc of A its best bloc of B, how much of A
// B covers and the reverse, and the official links between them (replaces,
// replaced by, declared correspondences), which come first. What a
// certifier reads to declare correspondences, what a candidate holding B
// reads to know what A still requires (docs/equivalences.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/comparison_thresholds.h"
#include "engine/competence_graph.h"
#include "engine/competence_similarity.h"
#include "engine/text_features.h"

namespace passerelle {

// How a competence (or bloc) reads against the other certification.
enum class Equivalence {
  kEquivalent,    // score ≥ covered: « équivalente »
  kClose,         // no_counterpart ≤ score < covered: « proche »
  kNoCounterpart  // score < no_counterpart: « sans équivalent »
};
// "equivalent", "close", "none"
const char* EquivalenceName(Equivalence e);
Equivalence EquivalenceOf(double score, const ComparisonThresholds& thresholds);

struct CompetenceMatch {
  CompetenceId id;
  std::string number;  // official number when given ("CP6")
  std::string title;
  std::optional<CompetenceId> best;  // none when nothing is shared at all
  std::string best_title;
  BlocId best_bloc;  // the bloc of `best` (the one closest to this one's bloc)
  double score = 0;
  Equivalence equivalence = Equivalence::kNoCounterpart;
};

struct BlocMatch {
  BlocId id;
  std::string title;
  std::optional<BlocId> best;  // none below no_counterpart
  std::string best_title;
  BlocId closest;  // the highest bloc score, even below no_counterpart
  std::string closest_title;
  double score = 0;     // bloc score with `closest` (= `best` when there is one)
  double coverage = 0;  // of the bloc's competences by the other certification
  // Blocs of the other certification declared equivalent by a certifier.
  std::vector<BlocId> official;
};

struct OfficialLink {
  enum class Type { kReplaces, kReplacedBy, kCorrespondence };
  Type type = Type::kCorrespondence;
  std::string from;  // certification or bloc id of A
  std::string to;    // certification or bloc id of B
};
// "replaces", "replaced_by", "correspondence"
const char* OfficialLinkName(OfficialLink::Type type);

// One side of the comparison: A's blocs and competences against B.
struct ComparisonSide {
  CertificationId id;
  std::string title;
  std::vector<BlocMatch> blocs;              // in A's order
  std::vector<CompetenceMatch> competences;  // in A's order, each once
  double coverage = 0;                       // of A by B
};

struct CertificationComparison {
  ComparisonSide a;                    // A against B
  ComparisonSide b;                    // B against A
  std::vector<OfficialLink> official;  // oriented from A
  // Bloc × bloc scores: rows are A's blocs, columns B's, in their orders.
  std::vector<std::vector<double>> bloc_scores;
};

// Compares `a` with `b`. `graph` gives the official links (it may hold only
// summaries of both); `specificity` should come from ComparisonSpecificity.
// REQUIRES: a.id != b.id (the caller says so in French at its edge).
CertificationComparison CompareCertifications(const Certification& a, const Certification& b,
                                              const CompetenceGraph& graph,
                                              const FeatureExtractor& features,
                                              const TermSpecificity& specificity,
                                              const ComparisonThresholds& thresholds = {});

// The specificity for comparing `a` and `b`: the built-in background and
// generic vocabulary plus the certifications of `corpus` outside the domain
// of both (engine/term_specificity.h).
TermSpecificity ComparisonSpecificity(const Certification& a, const Certification& b,
                                      const std::vector<const Certification*>& corpus,
                                      const FeatureExtractor& features);

}  // namespace passerelle
