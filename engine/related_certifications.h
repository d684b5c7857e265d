// The certifications of a workspace closest to one of them: official links
// first (replaces, replaced by, declared correspondences), then shared ROME
// codes and NSF domain, then content. Built for the national register: every
// certification is scored from its catalog summary (codes, links, title) and
// only a bounded shortlist is read in full and compared competence by
// competence (engine/certification_comparison.h). docs/equivalences.md,
// "Related certifications".
#pragma once

#include <string>
#include <vector>

#include "engine/catalog.h"
#include "engine/certification.h"
#include "engine/comparison_thresholds.h"
#include "engine/competence_graph.h"
#include "engine/status.h"
#include "engine/term_specificity.h"
#include "engine/text_features.h"
#include "engine/workspace.h"

namespace passerelle {

struct RelatedOptions {
  size_t top = 10;        // certifications returned
  size_t shortlist = 24;  // read in full and compared (the rest: summary only)
  // score = official × official_weight + shared ROME share × rome_weight
  //       + same NSF domain × nsf_weight + content × content_weight.
  // Official links weigh half: a linked certification always ranks above
  // any unlinked one, whose score stays at most 0.5.
  double official_weight = 0.5;
  double rome_weight = 0.15;
  double nsf_weight = 0.1;
  double content_weight = 0.25;
  // Scores below this are left out (nothing in common worth listing).
  double min_score = 0.01;
  // Before the shortlist, content is estimated by the title: the share of
  // the target's specificity-weighted title terms the other title holds.
};

struct RelatedCertification {
  CertificationId id;
  std::string title;
  double score = 0;
  std::vector<std::string> official;     // "replaces", "replaced_by", "correspondence"
  std::vector<std::string> shared_rome;  // ROME codes both hold
  bool same_nsf = false;                 // an NSF code with the same three digits
  double title_agreement = 0;            // share of the target's title, in [0, 1]
  double content = -1;  // (coverage of each by the other) / 2; -1 when not compared
};

// The `options.top` certifications of `graph` closest to `target` (not
// itself), best first, ties by id. Shortlisted certifications are read from
// `workspace`; one that cannot be read keeps its summary score. Nothing that
// scores below options.min_score is returned.
std::vector<RelatedCertification> FindRelated(const Workspace& workspace,
                                              const CompetenceGraph& graph,
                                              const Certification& target,
                                              const FeatureExtractor& features,
                                              const TermSpecificity& specificity,
                                              const RelatedOptions& options = {});

}  // namespace passerelle
