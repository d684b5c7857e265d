// Measures what `passerelle compare` scores mean on the referentiels we have
// (docs/equivalences.md records a run): how often the best counterpart of a
// competence or a bloc is one a certifier expects (bench/data/
// equivalences-dev.txt), and what identical, expected and unrelated pairs
// score, raw and calibrated. Not a test.
//
//   passerelle --workspace /tmp/ws import referentiels/*.xml
//   passerelle --workspace /tmp/ws import ../shared/referentiels-extra/*.txt
//   passerelle --workspace /tmp/ws import ../shared/data/rncp-xml/*.xml
//   compare_calibration --workspace /tmp/ws [--expected FILE] [--verbose] [--explain] [--half 1|2]
//   [--set NAME=VALUE]... [--declared]
//
// --declared: instead of the list, every bloc correspondence declared in the
// open-data export between two certifications of the workspace, with its
// computed score and rank.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/certification_comparison.h"
#include "engine/file_system.h"
#include "engine/mapping_session.h"
#include "engine/text.h"
#include "engine/workspace.h"

#ifndef PASSERELLE_SOURCE_DIR
#define PASSERELLE_SOURCE_DIR "."
#endif

using namespace passerelle;

namespace {

struct Expectation {
  std::string kind;  // "comp" or "bloc"
  std::string id;
  std::set<std::string> accepted;  // empty: no counterpart
};

struct PairSpec {
  std::string a, b;
  bool unrelated = false;
  std::vector<Expectation> expected;
};

std::vector<PairSpec> ReadExpected(const std::string& path) {
  std::vector<PairSpec> pairs;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string kind;
    if (!(words >> kind) || kind[0] == '#') continue;
    if (kind == "pair") {
      PairSpec p;
      std::string flag;
      words >> p.a >> p.b >> flag;
      p.unrelated = flag == "unrelated";
      pairs.push_back(p);
      continue;
    }
    Expectation e{kind, "", {}};
    words >> e.id;
    for (std::string w; words >> w;)
      if (w != "-") e.accepted.insert(w);
    if (!pairs.empty()) pairs.back().expected.push_back(e);
  }
  return pairs;
}

// "name=value": overrides one number of the thresholds, to try values
// without rebuilding.
bool Set(const std::string& assignment, ComparisonThresholds* t) {
  const size_t eq = assignment.find('=');
  if (eq == std::string::npos) return false;
  const std::string name = assignment.substr(0, eq);
  const double value = std::atof(assignment.c_str() + eq + 1);
  const std::map<std::string, double*> fields = {
      {"discrimination_floor", &t->discrimination_floor},
      {"generic_specificity", &t->generic_specificity},
      {"containment_share", &t->containment_share},
      {"min_contained_mass", &t->min_contained_mass},
      {"title_agreement_share", &t->title_agreement_share},
      {"min_title_mass", &t->min_title_mass},
      {"bloc_forward_weight", &t->bloc_forward_weight},
      {"context_weight", &t->context_weight},
      {"other_action_rank", &t->other_action_rank},
  };
  auto it = fields.find(name);
  if (it == fields.end()) return false;
  *it->second = value;
  return true;
}

// Half 1 keeps the 1st, 3rd, 5th... expectation of the file, half 2 the
// others (0: all), to tune on one half and check on the other.
std::vector<PairSpec> Half(std::vector<PairSpec> pairs, int half) {
  if (half != 1 && half != 2) return pairs;
  int k = 0;
  for (PairSpec& p : pairs) {
    std::vector<Expectation> kept;
    for (Expectation& e : p.expected)
      if (k++ % 2 == half - 1) kept.push_back(std::move(e));
    p.expected = std::move(kept);
  }
  return pairs;
}

// Score figures of a list: count, min, quartiles, 95th percentile, max.
std::string Summary(std::vector<double> v) {
  if (v.empty()) return "none";
  std::sort(v.begin(), v.end());
  auto q = [&](double f) { return v[static_cast<size_t>(f * (v.size() - 1) + 0.5)]; };
  char buf[200];
  std::snprintf(buf, sizeof buf,
                "n=%3zu  min %.2f  q1 %.2f  median %.2f  q3 %.2f  p95 %.2f  max %.2f", v.size(),
                v.front(), q(0.25), q(0.5), q(0.75), q(0.95), v.back());
  return buf;
}

struct Figures {
  int comp_ok = 0, comp_total = 0, bloc_ok = 0, bloc_total = 0;
  std::vector<double> identical, identical_raw, expected, expected_raw, unrelated, unrelated_raw,
      none_blocs, unrelated_blocs, matched_blocs;
};

const CompetenceMatch* FindCompetence(const ComparisonSide& side, const std::string& id) {
  for (const CompetenceMatch& m : side.competences)
    if (m.id.value == id) return &m;
  return nullptr;
}

const BlocMatch* FindBloc(const ComparisonSide& side, const std::string& id) {
  for (const BlocMatch& m : side.blocs)
    if (m.id.value == id) return &m;
  return nullptr;
}

// Competences of A whose best counterpart has word for word the same title.
void Identical(const CertificationComparison& cmp, const CompetenceSimilarity& sim,
               const Certification& b, Figures* f) {
  for (size_t i = 0; i < cmp.a.competences.size(); ++i) {
    const CompetenceMatch& m = cmp.a.competences[i];
    if (!m.best || FoldForMatch(m.title) != FoldForMatch(m.best_title)) continue;
    size_t j = 0;
    while (b.competences[j].id != *m.best) ++j;
    f->identical.push_back(m.score);
    if (m.score < 0.9)
      std::printf("  identical title below 0.9: %s -> %s (%.2f)\n", m.id.value.c_str(),
                  m.best->value.c_str(), m.score);
    f->identical_raw.push_back(sim.Parts(i, j).raw);
  }
}

size_t IndexOf(const Certification& c, const std::string& id) {
  size_t i = 0;
  while (i < c.competences.size() && c.competences[i].id.value != id) ++i;
  return i;
}

// The shared terms of two weighted lists, heaviest product first.
std::string SharedTerms(const WeightedTerms& x, const WeightedTerms& y) {
  std::vector<std::pair<double, std::string>> shared;
  for (const auto& [t, w] : x.terms)
    for (const auto& [u, v] : y.terms)
      if (t == u) shared.emplace_back(w * v, t);
  std::sort(shared.rbegin(), shared.rend());
  std::string out;
  for (size_t k = 0; k < shared.size() && k < 8; ++k) {
    char buf[80];
    std::snprintf(buf, sizeof buf, " %s(%.2f)", shared[k].second.c_str(), shared[k].first);
    out += buf;
  }
  return out;
}

// The heaviest terms of x that y does not hold.
std::string OwnTerms(const WeightedTerms& x, const WeightedTerms& y) {
  std::vector<std::pair<double, std::string>> own;
  for (const auto& [t, w] : x.terms) {
    auto it = std::lower_bound(y.terms.begin(), y.terms.end(), std::make_pair(t, 0.0));
    if (it == y.terms.end() || it->first != t) own.emplace_back(w, t);
  }
  std::sort(own.rbegin(), own.rend());
  std::string out;
  for (size_t k = 0; k < own.size() && k < 8; ++k) {
    char buf[80];
    std::snprintf(buf, sizeof buf, " %s(%.2f)", own[k].second.c_str(), own[k].first);
    out += buf;
  }
  return out;
}

// One candidate of a missed competence: title, score, parts, shared terms.
void ExplainPair(const char* label, const Certification& b, const CompetenceSimilarity& sim,
                 size_t i, size_t j) {
  const SimilarityParts p = sim.Parts(i, j);
  std::printf("      %s %s %.2f (cos %.2f cont %.2f title %.2f raw %.2f) %s\n", label,
              b.competences[j].id.value.c_str(), sim.Score(i, j), p.cosine, p.containment, p.title,
              p.raw, b.competences[j].title.substr(0, 110).c_str());
  std::printf("         shared:%s\n", SharedTerms(sim.Row(i), sim.Column(j)).c_str());
  std::printf("         A only:%s\n", OwnTerms(sim.Row(i), sim.Column(j)).c_str());
  std::printf("         B only:%s\n", OwnTerms(sim.Column(j), sim.Row(i)).c_str());
}

struct Explainer {
  const Certification& a;
  const Certification& b;
  const CompetenceSimilarity& sim;
  bool on = false;
  void Miss(const Expectation& e, const CompetenceMatch* m) const {
    if (!on || !m) return;
    const size_t i = IndexOf(a, e.id);
    if (i == a.competences.size()) return;
    std::printf("      A  %s\n", a.competences[i].title.substr(0, 140).c_str());
    for (const std::string& y : e.accepted)
      if (IndexOf(b, y) < b.competences.size()) ExplainPair("want", b, sim, i, IndexOf(b, y));
    if (m->best) ExplainPair("got ", b, sim, i, IndexOf(b, m->best->value));
  }
};

void Judge(const PairSpec& spec, const CertificationComparison& cmp, const Explainer& why,
           bool verbose, Figures* f) {
  for (const Expectation& e : spec.expected) {
    if (e.kind == "comp") {
      const CompetenceMatch* m = FindCompetence(cmp.a, e.id);
      const bool ok = m && m->best && e.accepted.count(m->best->value);
      f->comp_total++, f->comp_ok += ok;
      if (!ok || verbose)
        std::printf("  %s %s -> %s (%.2f)\n", ok ? "ok" : "! ", e.id.c_str(),
                    m && m->best ? m->best->value.c_str() : "aucune", m ? m->score : 0.0);
      if (!ok) why.Miss(e, m);
    } else {
      const BlocMatch* m = FindBloc(cmp.a, e.id);
      const bool ok =
          m && (e.accepted.empty() ? !m->best : m->best && e.accepted.count(m->best->value));
      f->bloc_total++, f->bloc_ok += ok;
      if (m) (e.accepted.empty() ? f->none_blocs : f->matched_blocs).push_back(m->score);
      if (!ok || verbose)
        std::printf("  %s bloc %s -> %s (%.2f)\n", ok ? "ok" : "! ", e.id.c_str(),
                    m && m->best ? m->best->value.c_str() : "aucun", m ? m->score : 0.0);
    }
  }
}

// Raw and calibrated scores of the identical, expected and unrelated pairs.
void Distributions(const PairSpec& spec, const Certification& a, const Certification& b,
                   const CompetenceSimilarity& sim, Figures* f) {
  std::map<std::string, size_t> b_index;
  for (size_t j = 0; j < b.competences.size(); ++j) b_index[b.competences[j].id.value] = j;
  for (size_t i = 0; i < a.competences.size(); ++i) {
    double best = 0, best_raw = 0;
    for (size_t j = 0; j < b.competences.size(); ++j) {
      best = std::max(best, sim.Score(i, j));
      best_raw = std::max(best_raw, sim.Parts(i, j).raw);
    }
    if (spec.unrelated) f->unrelated.push_back(best), f->unrelated_raw.push_back(best_raw);
  }
  for (const Expectation& e : spec.expected) {
    if (e.kind != "comp") continue;
    size_t i = 0;
    while (i < a.competences.size() && a.competences[i].id.value != e.id) ++i;
    double best = 0, best_raw = 0;
    for (const std::string& y : e.accepted) {
      if (i == a.competences.size() || !b_index.count(y)) continue;
      best = std::max(best, sim.Score(i, b_index[y]));
      best_raw = std::max(best_raw, sim.Parts(i, b_index[y]).raw);
    }
    f->expected.push_back(best), f->expected_raw.push_back(best_raw);
  }
}

// Every bloc correspondence declared in the open-data export (CORRESPONDANCES)
// whose two certifications are in the workspace: the computed score of the
// declared bloc, its rank among the blocs of the other certification, and
// the bloc the comparison names instead (--declared).
void Declared(const std::vector<Certification>& all, const CompetenceGraph& graph,
              const FeatureExtractor& features, const std::vector<const Certification*>& corpus,
              const ComparisonThresholds& thresholds) {
  int total = 0, best = 0, above = 0;
  for (const Certification& a : all) {
    for (const Correspondence& c : graph.Correspondences(a.id)) {
      const Certification* b = graph.Find(c.to_certification);
      if (!b || c.bloc.empty() || c.to_bloc.empty()) continue;
      const TermSpecificity specificity = ComparisonSpecificity(a, *b, corpus, features);
      const auto cmp = CompareCertifications(a, *b, graph, features, specificity, thresholds);
      size_t x = 0, y = 0;
      while (x < a.blocs.size() && a.blocs[x].id != c.bloc) ++x;
      while (y < b->blocs.size() && b->blocs[y].id != c.to_bloc) ++y;
      if (x == a.blocs.size() || y == b->blocs.size()) continue;
      const std::vector<double>& row = cmp.bloc_scores[x];
      const double score = row[y];
      const long rank =
          1 + std::count_if(row.begin(), row.end(), [&](double s) { return s > score; });
      const BlocMatch& m = cmp.a.blocs[x];
      ++total, best += rank == 1, above += score >= thresholds.no_counterpart;
      std::printf("  %s -> %s  score %.3f  rank %ld / %zu  best %s  closest %s (%.2f)\n",
                  c.bloc.value.c_str(), c.to_bloc.value.c_str(), score, rank, row.size(),
                  m.best ? m.best->value.c_str() : "aucun", m.closest.value.c_str(), m.score);
    }
  }
  std::printf(
      "\ndeclared bloc correspondences  %d, declared bloc ranked first %d, "
      "score >= no_counterpart %d\n",
      total, best, above);
}

}  // namespace

int main(int argc, char** argv) {
  std::string root,
      expected = std::string(PASSERELLE_SOURCE_DIR) + "/bench/data/equivalences-dev.txt";
  bool verbose = false, explain = false, declared = false;
  int half = 0;
  ComparisonThresholds thresholds;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--workspace" && i + 1 < argc)
      root = argv[++i];
    else if (a == "--expected" && i + 1 < argc)
      expected = argv[++i];
    else if (a == "--verbose")
      verbose = true;
    else if (a == "--explain")
      explain = true;
    else if (a == "--declared")
      declared = true;
    else if (a == "--half" && i + 1 < argc)
      half = std::atoi(argv[++i]);
    else if (a == "--set" && i + 1 < argc && !Set(argv[++i], &thresholds))
      return std::cerr << "unknown threshold: " << argv[i] << "\n", 2;
  }
  if (root.empty()) {
    std::cerr << "usage: compare_calibration --workspace DIR [--expected FILE] [--verbose] "
                 "[--explain] [--half 1|2] [--set NAME=VALUE]... [--declared]\n";
    return 2;
  }
  RealFileSystem fs;
  Workspace workspace(&fs, root);
  auto all = workspace.LoadAll();
  if (!all.ok()) return std::cerr << all.status().message() << "\n", 1;
  auto session = MappingSession::Create();
  if (!session.ok()) return std::cerr << session.status().message() << "\n", 1;
  const FeatureExtractor& features = (*session)->features();
  std::vector<const Certification*> corpus;
  for (const Certification& c : *all) corpus.push_back(&c);
  const CompetenceGraph graph(*all);
  if (declared) return Declared(*all, graph, features, corpus, thresholds), 0;
  Figures f;

  for (const PairSpec& spec : Half(ReadExpected(expected), half)) {
    const Certification* a = graph.Find(CertificationId(spec.a));
    const Certification* b = graph.Find(CertificationId(spec.b));
    if (!a || !b) {
      std::printf("%s / %s: absent from the workspace, skipped\n", spec.a.c_str(), spec.b.c_str());
      continue;
    }
    std::printf("%s against %s%s\n", spec.a.c_str(), spec.b.c_str(),
                spec.unrelated ? " (unrelated)" : "");
    const TermSpecificity specificity = ComparisonSpecificity(*a, *b, corpus, features);
    const auto cmp = CompareCertifications(*a, *b, graph, features, specificity, thresholds);
    const CompetenceSimilarity sim(BuildProfiles(*a, features), BuildProfiles(*b, features),
                                   specificity, thresholds);
    Judge(spec, cmp, Explainer{*a, *b, sim, explain}, verbose, &f);
    Distributions(spec, *a, *b, sim, &f);
    if (!spec.unrelated) Identical(cmp, sim, *b, &f);
    if (spec.unrelated)
      for (const BlocMatch& m : cmp.a.blocs) f.unrelated_blocs.push_back(m.score);
  }
  std::printf("\nbest competence as expected  %d / %d\n", f.comp_ok, f.comp_total);
  std::printf("best bloc as expected        %d / %d\n", f.bloc_ok, f.bloc_total);
  std::printf("\nscores (calibrated; raw below)\n");
  std::printf("  identical titles (best)    %s\n", Summary(f.identical).c_str());
  std::printf("                        raw  %s\n", Summary(f.identical_raw).c_str());
  std::printf("  expected counterparts      %s\n", Summary(f.expected).c_str());
  std::printf("                        raw  %s\n", Summary(f.expected_raw).c_str());
  std::printf("  unrelated trades (best)    %s\n", Summary(f.unrelated).c_str());
  std::printf("                        raw  %s\n", Summary(f.unrelated_raw).c_str());
  std::printf("bloc scores\n");
  std::printf("  expected bloc matches      %s\n", Summary(f.matched_blocs).c_str());
  std::printf("  blocs without counterpart  %s\n", Summary(f.none_blocs).c_str());
  std::printf("  unrelated trades (best)    %s\n", Summary(f.unrelated_blocs).c_str());
  return 0;
}
