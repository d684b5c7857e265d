#include "engine/term_specificity.h"

#include <cmath>
#include <map>
#include <set>

#include "engine/embedded_data.h"
#include "engine/text.h"

namespace passerelle {

void TermSpecificity::AddDocument(const std::vector<std::string>& distinct_terms,
                                  double weight) {
  documents_ += weight;
  for (const std::string& t : distinct_terms) df_[t] += weight;
}

void TermSpecificity::AddGeneric(const std::string& term) { generic_.insert(term); }

double TermSpecificity::CorpusSpecificity(const std::string& term) const {
  if (documents_ <= 0) return 1.0;
  auto it = df_.find(term);
  const double df = it == df_.end() ? 0.0 : it->second;
  return std::pow(1.0 - df / (documents_ + 1.0), exponent_);
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

std::vector<size_t> GroupIntoTrades(const std::vector<std::set<std::string>>& codes) {
  std::vector<size_t> parent(codes.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto root = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  std::map<std::string, size_t> first_with;  // code → first document holding it
  for (size_t i = 0; i < codes.size(); ++i)
    for (const std::string& c : codes[i]) {
      auto [it, fresh] = first_with.try_emplace(c, i);
      if (!fresh) parent[root(i)] = root(it->second);
    }
  std::map<size_t, size_t> index;
  std::vector<size_t> trade(codes.size());
  for (size_t i = 0; i < codes.size(); ++i)
    trade[i] = index.try_emplace(root(i), index.size()).first->second;
  return trade;
}

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

std::set<std::string> SpecificityCorpus::CodesOf(const Doc& d) {
  std::set<std::string> codes;
  for (const std::string& r : d.rome) codes.insert("rome:" + r);
  for (const std::string& n : d.nsf) codes.insert("nsf:" + n);
  return codes;
}

TermSpecificity SpecificityCorpus::For(const Certification& target,
                                       const std::vector<const Certification*>& others,
                                       const SpecificityOptions& options) const {
  TermSpecificity spec(options.exponent);
  std::set<std::string> target_rome, target_nsf;
  for (const Code* c : target.CodesOfType(Code::Type::kRome)) target_rome.insert(c->value);
  for (const Code* c : target.CodesOfType(Code::Type::kNsf))
    target_nsf.insert(NsfStem(c->value));
  // The out-of-domain documents, then their trades: each trade weighs one
  // document in all, so that a corpus holding ten IT fiches and one bakery
  // fiche does not call every IT word generic.
  std::vector<std::set<std::string>> codes;
  std::vector<const std::vector<std::string>*> terms;
  for (const Doc& d : background_) {
    bool same = false;
    for (const std::string& r : d.rome) same = same || target_rome.count(r);
    for (const std::string& n : d.nsf) same = same || target_nsf.count(n);
    if (same) continue;
    codes.push_back(CodesOf(d));
    terms.push_back(&d.terms);
  }
  for (const Certification* other : others) {
    if (other->id == target.id || SameDomain(target, *other)) continue;
    Doc d;
    for (const Code* c : other->CodesOfType(Code::Type::kRome)) d.rome.insert(c->value);
    for (const Code* c : other->CodesOfType(Code::Type::kNsf)) d.nsf.insert(NsfStem(c->value));
    codes.push_back(CodesOf(d));
    terms.push_back(&TermsOf(*other));
  }
  const std::vector<size_t> trade = GroupIntoTrades(codes);
  std::vector<size_t> size(terms.size(), 0);
  for (size_t t : trade) ++size[t];
  for (size_t i = 0; i < terms.size(); ++i)
    spec.AddDocument(*terms[i],
                     options.by_trade ? 1.0 / static_cast<double>(size[trade[i]]) : 1.0);
  for (const std::string& t : generic_) spec.AddGeneric(t);
  return spec;
}

TermSpecificity BuildSpecificity(const Certification& target,
                                 const std::vector<const Certification*>& others,
                                 const FeatureExtractor& features,
                                 const SpecificityOptions& options) {
  return SpecificityCorpus(features).For(target, others, options);
}

}  // namespace passerelle
