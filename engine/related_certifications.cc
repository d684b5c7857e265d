#include "engine/related_certifications.h"

#include <algorithm>
#include <map>
#include <set>

#include "engine/certification_comparison.h"

namespace passerelle {

namespace {

using TermWeights = std::map<std::string, double>;

// A title's terms weighted by their specificity.
TermWeights TitleTerms(const std::string& title, const FeatureExtractor& features,
                       const TermSpecificity& specificity) {
  TermWeights out;
  for (const std::string& t : features.Terms(title)) out[t] = specificity.Of(t);
  return out;
}

double Mass(const TermWeights& w) {
  double sum = 0;
  for (const auto& [t, x] : w) sum += x;
  return sum;
}

// The share of the target's title weight that the other title holds: how
// much of what the target says it is the other says too.
double TitleAgreement(const TermWeights& target, double target_mass, const TermWeights& other) {
  double shared = 0;
  for (const auto& [t, x] : other)
    if (target.count(t)) shared += x;
  return target_mass > 0 ? std::min(1.0, shared / target_mass) : 0;
}

// What the target brings to every comparison with a summary.
struct Target {
  const Certification& cert;
  std::set<std::string> rome, nsf;
  std::map<CertificationId, std::vector<std::string>> official;
  TermWeights title;
  double title_mass = 0;
};

Target Describe(const Certification& cert, const CompetenceGraph& graph,
                const FeatureExtractor& features, const TermSpecificity& specificity) {
  Target t{cert, {}, {}, {}, TitleTerms(cert.title, features, specificity), 0};
  t.title_mass = Mass(t.title);
  for (const Code& c : cert.codes) {
    if (c.type == Code::Type::kRome) t.rome.insert(c.value);
    if (c.type == Code::Type::kNsf) t.nsf.insert(c.value.substr(0, 3));
  }
  for (const CertificationLink& l : graph.Replaces(cert.id)) t.official[l.id].push_back("replaces");
  for (const CertificationLink& l : graph.ReplacedBy(cert.id))
    t.official[l.id].push_back("replaced_by");
  for (const Correspondence& c : graph.Correspondences(cert.id)) {
    auto& types = t.official[c.to_certification];
    if (std::find(types.begin(), types.end(), "correspondence") == types.end())
      types.push_back("correspondence");
  }
  return t;
}

// The score from a summary; `content` stands for the content part.
double Score(const RelatedCertification& r, double content, const RelatedOptions& o,
             size_t target_rome) {
  const double rome = target_rome ? static_cast<double>(r.shared_rome.size()) / target_rome : 0;
  return o.official_weight * !r.official.empty() + o.rome_weight * std::min(1.0, rome) +
         o.nsf_weight * r.same_nsf + o.content_weight * content;
}

RelatedCertification FromSummary(const Target& t, const CatalogEntry& e,
                                 const FeatureExtractor& features,
                                 const TermSpecificity& specificity, const RelatedOptions& o) {
  RelatedCertification r;
  r.id = e.id;
  r.title = e.title;
  auto it = t.official.find(e.id);
  if (it != t.official.end()) r.official = it->second;
  for (const Code& c : e.codes) {
    if (c.type == Code::Type::kRome && t.rome.count(c.value)) r.shared_rome.push_back(c.value);
    if (c.type == Code::Type::kNsf && t.nsf.count(c.value.substr(0, 3))) r.same_nsf = true;
  }
  r.title_agreement =
      TitleAgreement(t.title, t.title_mass, TitleTerms(e.title, features, specificity));
  r.score = Score(r, r.title_agreement, o, t.rome.size());
  return r;
}

bool Better(const RelatedCertification& x, const RelatedCertification& y) {
  return x.score != y.score ? x.score > y.score : x.id < y.id;
}

// Reads a shortlisted certification and measures its content against the
// target: how much of each the other covers, averaged.
void MeasureContent(const Workspace& workspace, const CompetenceGraph& graph, const Target& t,
                    const FeatureExtractor& features, const TermSpecificity& specificity,
                    const RelatedOptions& o, RelatedCertification* r) {
  auto other = workspace.Load(r->id);
  if (!other.ok()) return;
  const CertificationComparison c =
      CompareCertifications(t.cert, *other, graph, features, specificity);
  r->content = (c.a.coverage + c.b.coverage) / 2;
  r->score = Score(*r, r->content, o, t.rome.size());
}

}  // namespace

std::vector<RelatedCertification> FindRelated(const Workspace& workspace,
                                              const CompetenceGraph& graph,
                                              const Certification& target,
                                              const FeatureExtractor& features,
                                              const TermSpecificity& specificity,
                                              const RelatedOptions& options) {
  const Target t = Describe(target, graph, features, specificity);
  std::vector<RelatedCertification> all;
  for (const auto& [id, entry] : graph.catalog().entries()) {
    if (id == target.id) continue;
    RelatedCertification r = FromSummary(t, entry, features, specificity, options);
    if (r.score > 0) all.push_back(std::move(r));
  }
  const size_t shortlist = std::min(all.size(), std::max(options.shortlist, options.top));
  std::partial_sort(all.begin(), all.begin() + shortlist, all.end(), Better);
  all.resize(shortlist);
  for (size_t i = 0; i < std::min(shortlist, options.shortlist); ++i)
    MeasureContent(workspace, graph, t, features, specificity, options, &all[i]);
  std::sort(all.begin(), all.end(), Better);
  while (!all.empty() && all.back().score < options.min_score) all.pop_back();
  if (all.size() > options.top) all.resize(options.top);
  return all;
}

}  // namespace passerelle
