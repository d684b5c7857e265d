#include "engine/term_specificity.h"

#include <cmath>
#include <map>
#include <set>

#include "engine/embedded_data.h"
#include "engine/text.h"

namespace passerelle {

void TermSpecificity::AddDocument(const std::vector<std::string>& distinct_terms) {
  ++documents_;
  for (const std::string& t : distinct_terms) ++df_[t];
}

void TermSpecificity::AddGeneric(const std::string& term) { generic_.insert(term); }

double TermSpecificity::CorpusSpecificity(const std::string& term) const {
  if (documents_ == 0) return 1.0;
  auto it = df_.find(term);
  const double df = it == df_.end() ? 0.0 : it->second;
  return std::pow(1.0 - df / (documents_ + 1.0), 3.0);
}

double TermSpecificity::Of(const std::string& term) const {
  double spec = CorpusSpecificity(term);
  if (generic_.count(term)) spec = std::min(spec, kGenericCap);
  return spec;
}

namespace {

std::string NsfStem(const std::string& code) { return code.substr(0, 3); }

// Codes of a background block header "=== ID · ROME... · NSF... · title".
struct BackgroundDoc {
  std::set<std::string> rome;
  std::set<std::string> nsf;
  std::string text;
};

std::vector<BackgroundDoc> ParseBackground(std::string_view corpus) {
  std::vector<BackgroundDoc> docs;
  for (const std::string& line : SplitLines(corpus)) {
    if (StartsWith(line, "=== ")) {
      BackgroundDoc d;
      std::vector<std::string> fields = Split(std::string_view(line).substr(4), "·");
      for (std::string& f : fields) f = Trim(f);
      auto words = [](const std::string& s) {
        std::set<std::string> out;
        for (std::string& w : Split(s, " "))
          if (!w.empty()) out.insert(std::move(w));
        return out;
      };
      if (fields.size() > 1) d.rome = words(fields[1]);
      if (fields.size() > 2)
        for (const std::string& n : words(fields[2])) d.nsf.insert(NsfStem(n));
      if (fields.size() > 3) d.text = fields[3] + "\n";
      docs.push_back(std::move(d));
    } else if (!docs.empty()) {
      docs.back().text += line;
      docs.back().text += '\n';
    }
  }
  return docs;
}

}  // namespace

bool SameDomain(const Certification& a, const Certification& b) {
  for (const Code* x : a.CodesOfType(Code::Type::kRome))
    for (const Code* y : b.CodesOfType(Code::Type::kRome))
      if (x->value == y->value) return true;
  for (const Code* x : a.CodesOfType(Code::Type::kNsf))
    for (const Code* y : b.CodesOfType(Code::Type::kNsf))
      if (NsfStem(x->value) == NsfStem(y->value)) return true;
  return false;
}

std::string CertificationText(const Certification& cert) {
  std::string text = cert.title + "\n" + cert.activites_visees + "\n" + cert.capacites_attestees;
  for (const Bloc& b : cert.blocs) text += "\n" + b.title + "\n" + b.description;
  for (const Competence& c : cert.competences) {
    text += "\n" + c.title + "\n" + c.description + "\n" + c.context;
    for (const std::string& s : c.criteria) text += "\n" + s;
    for (const std::string& s : c.AllSavoirFaire()) text += "\n" + s;
    for (const std::string& s : c.savoirs) text += "\n" + s;
  }
  return text;
}

SpecificityCorpus::SpecificityCorpus(const FeatureExtractor& features) : features_(features) {
  for (BackgroundDoc& d : ParseBackground(data::kBackgroundCorpus))
    background_.push_back({std::move(d.rome), std::move(d.nsf), features.Terms(d.text)});
  for (const std::string& line : SplitLines(data::kGenericVocabulary)) {
    const std::string l = Trim(line);
    if (l.empty() || l[0] == '#') continue;
    for (const std::string& t : features.Terms(l)) generic_.push_back(t);
  }
}

const std::vector<std::string>& SpecificityCorpus::TermsOf(const Certification& cert) const {
  auto [it, fresh] = cert_terms_.try_emplace(cert.id.value);
  if (fresh) it->second = features_.Terms(CertificationText(cert));
  return it->second;
}

TermSpecificity SpecificityCorpus::For(const Certification& target,
                                       const std::vector<const Certification*>& others) const {
  TermSpecificity spec;
  std::set<std::string> target_rome, target_nsf;
  for (const Code* c : target.CodesOfType(Code::Type::kRome)) target_rome.insert(c->value);
  for (const Code* c : target.CodesOfType(Code::Type::kNsf))
    target_nsf.insert(NsfStem(c->value));
  for (const Doc& d : background_) {
    bool same = false;
    for (const std::string& r : d.rome) same = same || target_rome.count(r);
    for (const std::string& n : d.nsf) same = same || target_nsf.count(n);
    if (!same) spec.AddDocument(d.terms);
  }
  for (const Certification* other : others) {
    if (other->id == target.id || SameDomain(target, *other)) continue;
    spec.AddDocument(TermsOf(*other));
  }
  for (const std::string& t : generic_) spec.AddGeneric(t);
  return spec;
}

TermSpecificity BuildSpecificity(const Certification& target,
                                 const std::vector<const Certification*>& others,
                                 const FeatureExtractor& features) {
  return SpecificityCorpus(features).For(target, others);
}

}  // namespace passerelle
