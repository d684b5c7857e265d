#include "engine/certification_comparison.h"

#include <algorithm>
#include <unordered_map>

namespace passerelle {

const char* EquivalenceName(Equivalence e) {
  switch (e) {
    case Equivalence::kEquivalent:
      return "equivalent";
    case Equivalence::kClose:
      return "close";
    case Equivalence::kNoCounterpart:
      break;
  }
  return "none";
}

Equivalence EquivalenceOf(double score, const ComparisonThresholds& thresholds) {
  if (score >= thresholds.covered) return Equivalence::kEquivalent;
  if (score >= thresholds.no_counterpart) return Equivalence::kClose;
  return Equivalence::kNoCounterpart;
}

const char* OfficialLinkName(OfficialLink::Type type) {
  switch (type) {
    case OfficialLink::Type::kReplaces:
      return "replaces";
    case OfficialLink::Type::kReplacedBy:
      return "replaced_by";
    case OfficialLink::Type::kCorrespondence:
      break;
  }
  return "correspondence";
}

namespace {

// Competence scores seen from one side: rows are this side's competences,
// columns the other's, both in their certification's order.
class ScoreView {
 public:
  ScoreView(const CompetenceSimilarity& sim, bool transposed) : sim_(sim), t_(transposed) {}
  bool OtherAction(size_t i, size_t j) const {
    return t_ ? sim_.OtherAction(j, i) : sim_.OtherAction(i, j);
  }
  size_t rows() const { return t_ ? sim_.columns() : sim_.rows(); }
  size_t columns() const { return t_ ? sim_.rows() : sim_.columns(); }
  double operator()(size_t i, size_t j) const { return t_ ? sim_.Score(j, i) : sim_.Score(i, j); }

 private:
  const CompetenceSimilarity& sim_;
  bool t_;
};

// Positions of a bloc's competences in the certification's competence list.
std::vector<size_t> Members(const Certification& cert, const Bloc& bloc) {
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < cert.competences.size(); ++i) index[cert.competences[i].id.value] = i;
  std::vector<size_t> out;
  for (const CompetenceId& id : bloc.competences) {
    auto it = index.find(id.value);
    if (it != index.end()) out.push_back(it->second);
  }
  return out;
}

std::vector<std::vector<size_t>> AllMembers(const Certification& cert) {
  std::vector<std::vector<size_t>> out;
  for (const Bloc& bloc : cert.blocs) out.push_back(Members(cert, bloc));
  return out;
}

// Mean over `from` of each competence's best score within `to`.
double Directed(const ScoreView& s, const std::vector<size_t>& from,
                const std::vector<size_t>& to) {
  if (from.empty() || to.empty()) return 0;
  double sum = 0;
  for (size_t i : from) {
    double best = 0;
    for (size_t j : to) best = std::max(best, s(i, j));
    sum += best;
  }
  return sum / from.size();
}

// Bloc × bloc scores of one side (rows: this side's blocs).
std::vector<std::vector<double>> BlocScores(const ScoreView& forward, const ScoreView& backward,
                                            const std::vector<std::vector<size_t>>& mine,
                                            const std::vector<std::vector<size_t>>& theirs,
                                            double forward_weight) {
  std::vector<std::vector<double>> out(mine.size(), std::vector<double>(theirs.size(), 0.0));
  for (size_t x = 0; x < mine.size(); ++x)
    for (size_t y = 0; y < theirs.size(); ++y)
      out[x][y] = forward_weight * Directed(forward, mine[x], theirs[y]) +
                  (1 - forward_weight) * Directed(backward, theirs[y], mine[x]);
  return out;
}

// Indexes of the blocs holding each competence.
std::vector<std::vector<size_t>> BlocsOfEach(const std::vector<std::vector<size_t>>& blocs,
                                             size_t competences) {
  std::vector<std::vector<size_t>> out(competences);
  for (size_t x = 0; x < blocs.size(); ++x)
    for (size_t i : blocs[x]) out[i].push_back(x);
  return out;
}

struct SideInput {
  const Certification& mine;
  const Certification& other;
  const ScoreView& scores;
  const std::vector<std::vector<size_t>>& my_blocs;
  const std::vector<std::vector<size_t>>& other_blocs;
  const std::vector<std::vector<double>>& bloc_scores;
  const ComparisonThresholds& thresholds;
  std::vector<std::vector<size_t>> my_blocs_of = BlocsOfEach(my_blocs, mine.competences.size());
  std::vector<std::vector<size_t>> other_blocs_of =
      BlocsOfEach(other_blocs, other.competences.size());
};

// The bloc of `other` holding competence j that is closest to a bloc of
// `mine` holding competence i.
BlocId BestBlocOf(const SideInput& in, size_t i, size_t j) {
  BlocId best;
  double score = -1;
  for (size_t y = 0; y < in.other_blocs.size(); ++y) {
    const auto& members = in.other_blocs[y];
    if (std::find(members.begin(), members.end(), j) == members.end()) continue;
    for (size_t x = 0; x < in.my_blocs.size(); ++x) {
      const auto& mine = in.my_blocs[x];
      if (std::find(mine.begin(), mine.end(), i) == mine.end()) continue;
      if (in.bloc_scores[x][y] > score) score = in.bloc_scores[x][y], best = in.other.blocs[y].id;
    }
    if (best.empty()) best = in.other.blocs[y].id;
  }
  return best;
}

// The best bloc score between a bloc holding i and one holding j.
double Context(const SideInput& in, size_t i, size_t j) {
  double best = 0;
  for (size_t x : in.my_blocs_of[i])
    for (size_t y : in.other_blocs_of[j]) best = std::max(best, in.bloc_scores[x][y]);
  return best;
}

// The column of row i's best counterpart: highest score, plus a small share
// of the context (how close their blocs are), which tells apart the
// identical competences of two blocs ("Expérimenter, simuler" in
// mathematics and in physics), minus other_action_rank when the two titles
// state different actions (SameAction). Ties go to the first; -1 when
// nothing is shared at all.
int BestColumn(const SideInput& in, size_t i) {
  int best = -1;
  double rank = -1;  // below any score minus other_action_rank
  for (size_t j = 0; j < in.scores.columns(); ++j) {
    if (in.scores(i, j) <= 0) continue;
    const double r = in.scores(i, j) + in.thresholds.context_weight * Context(in, i, j) -
                     in.thresholds.other_action_rank * in.scores.OtherAction(i, j);
    if (r > rank) rank = r, best = static_cast<int>(j);
  }
  return best;
}

CompetenceMatch MatchCompetence(const SideInput& in, size_t i) {
  const Competence& c = in.mine.competences[i];
  CompetenceMatch m{c.id, c.number, c.title, std::nullopt,
                    "",   BlocId(), 0,       Equivalence::kNoCounterpart};
  const int j = BestColumn(in, i);
  if (j < 0) return m;
  const Competence& best = in.other.competences[j];
  m.best = best.id;
  m.best_title = best.title;
  m.best_bloc = BestBlocOf(in, i, j);
  m.score = in.scores(i, j);
  m.equivalence = EquivalenceOf(m.score, in.thresholds);
  return m;
}

// (equivalent + 0.5 × close) / count over `members`.
double Coverage(const std::vector<CompetenceMatch>& matches, const std::vector<size_t>& members) {
  if (members.empty()) return 0;
  double covered = 0;
  for (size_t i : members) {
    if (matches[i].equivalence == Equivalence::kEquivalent) covered += 1;
    if (matches[i].equivalence == Equivalence::kClose) covered += 0.5;
  }
  return covered / members.size();
}

BlocMatch MatchBloc(const SideInput& in, const std::vector<CompetenceMatch>& matches, size_t x) {
  const Bloc& bloc = in.mine.blocs[x];
  BlocMatch m{bloc.id, bloc.title, std::nullopt, "", BlocId(), "", 0, 0, {}};
  m.coverage = Coverage(matches, in.my_blocs[x]);
  int best = -1;
  for (size_t y = 0; y < in.other.blocs.size(); ++y)
    if (in.bloc_scores[x][y] > m.score) m.score = in.bloc_scores[x][y], best = static_cast<int>(y);
  if (best < 0) return m;
  m.closest = in.other.blocs[best].id;
  m.closest_title = in.other.blocs[best].title;
  if (m.score >= in.thresholds.no_counterpart) m.best = m.closest, m.best_title = m.closest_title;
  return m;
}

ComparisonSide MatchSide(const SideInput& in) {
  ComparisonSide side{in.mine.id, in.mine.title, {}, {}, 0};
  for (size_t i = 0; i < in.mine.competences.size(); ++i)
    side.competences.push_back(MatchCompetence(in, i));
  for (size_t x = 0; x < in.mine.blocs.size(); ++x)
    side.blocs.push_back(MatchBloc(in, side.competences, x));
  std::vector<size_t> all(in.mine.competences.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  side.coverage = Coverage(side.competences, all);
  return side;
}

std::vector<OfficialLink> OfficialLinks(const CertificationId& a, const CertificationId& b,
                                        const CompetenceGraph& graph) {
  std::vector<OfficialLink> out;
  for (const CertificationLink& l : graph.Replaces(a))
    if (l.id == b) out.push_back({OfficialLink::Type::kReplaces, a.value, b.value});
  for (const CertificationLink& l : graph.ReplacedBy(a))
    if (l.id == b) out.push_back({OfficialLink::Type::kReplacedBy, a.value, b.value});
  for (const Correspondence& c : graph.Correspondences(a)) {
    if (c.to_certification != b) continue;
    out.push_back({OfficialLink::Type::kCorrespondence, c.bloc.empty() ? a.value : c.bloc.value,
                   c.to_bloc.empty() ? b.value : c.to_bloc.value});
  }
  return out;
}

// The declared bloc correspondences of `mine` towards `other`, on its blocs.
void AddOfficialBlocs(const CompetenceGraph& graph, const CertificationId& other,
                      ComparisonSide* side) {
  for (const Correspondence& c : graph.Correspondences(side->id)) {
    if (c.to_certification != other || c.bloc.empty() || c.to_bloc.empty()) continue;
    for (BlocMatch& bloc : side->blocs)
      if (bloc.id == c.bloc) bloc.official.push_back(c.to_bloc);
  }
}

}  // namespace

CertificationComparison CompareCertifications(const Certification& a, const Certification& b,
                                              const CompetenceGraph& graph,
                                              const FeatureExtractor& features,
                                              const TermSpecificity& specificity,
                                              const ComparisonThresholds& thresholds) {
  const CompetenceSimilarity sim(BuildProfiles(a, features), BuildProfiles(b, features),
                                 specificity, thresholds);
  const ScoreView ab(sim, false), ba(sim, true);
  const auto a_blocs = AllMembers(a), b_blocs = AllMembers(b);
  const double w = thresholds.bloc_forward_weight;
  CertificationComparison out;
  out.bloc_scores = BlocScores(ab, ba, a_blocs, b_blocs, w);
  const auto reverse_scores = BlocScores(ba, ab, b_blocs, a_blocs, w);
  out.a = MatchSide({a, b, ab, a_blocs, b_blocs, out.bloc_scores, thresholds});
  out.b = MatchSide({b, a, ba, b_blocs, a_blocs, reverse_scores, thresholds});
  out.official = OfficialLinks(a.id, b.id, graph);
  AddOfficialBlocs(graph, b.id, &out.a);
  AddOfficialBlocs(graph, a.id, &out.b);
  return out;
}

TermSpecificity ComparisonSpecificity(const Certification& a, const Certification& b,
                                      const std::vector<const Certification*>& corpus,
                                      const FeatureExtractor& features) {
  std::vector<const Certification*> outside;
  for (const Certification* c : corpus)
    if (c->id != a.id && c->id != b.id && !SameDomain(*c, b)) outside.push_back(c);
  return BuildSpecificity(a, outside, features);
}

}  // namespace passerelle
