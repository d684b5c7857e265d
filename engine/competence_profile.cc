#include "engine/competence_profile.h"

#include <algorithm>
#include <cctype>

namespace passerelle {

namespace {

void AddPart(const std::vector<std::string>& terms, double w, CompetenceProfile* p) {
  for (const std::string& t : terms) p->weight[t] += w;
}

// An infinitive as written: a word of four letters or more ending in -er,
// -ir or -re ("contrôler", "établir", "mettre").
bool LooksInfinitive(std::string_view raw) {
  if (raw.size() < 4) return false;
  const char a = static_cast<char>(std::tolower(raw[raw.size() - 2]));
  const char b = static_cast<char>(std::tolower(raw[raw.size() - 1]));
  return (b == 'r' && (a == 'e' || a == 'i')) || (a == 'r' && b == 'e');
}

// True when a coordination separates two words: "et", "ou", a comma or a
// slash, with spaces. Two words one space apart ("juste nécessaire") are not
// coordinated.
bool Coordination(std::string_view gap) {
  std::string rest;
  bool separator = false;
  for (char c : gap) {
    if (c == ',' || c == '/') separator = true;
    if (c != ' ' && c != ',' && c != '/') rest += static_cast<char>(std::tolower(c));
  }
  return (rest.empty() && separator) || rest == "et" || rest == "ou";
}

// Appends the action terms of `text` (TitleActions), given its features.
void AddActions(std::string_view text, const std::vector<Feature>& features,
                std::vector<std::string>* out) {
  const Feature* previous = nullptr;
  for (const Feature& f : features) {
    if (!f.parts.empty()) continue;  // a thesaurus concept, not a word
    const bool opens_or_coordinated =
        !previous || Coordination(text.substr(previous->end, f.begin - previous->end));
    if (opens_or_coordinated && LooksInfinitive(f.raw)) out->push_back(f.term);
    previous = &f;
  }
}

void SortUnique(std::vector<std::string>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// Distinct sorted terms of features.
std::vector<std::string> TermsOf(const std::vector<Feature>& features) {
  std::vector<std::string> terms;
  for (const Feature& f : features) terms.push_back(f.term);
  SortUnique(&terms);
  return terms;
}

}  // namespace

std::vector<std::string> TitleActions(std::string_view title, const FeatureExtractor& features) {
  std::vector<std::string> out;
  AddActions(title, features.Extract(title), &out);
  SortUnique(&out);
  return out;
}

std::vector<CompetenceProfile> BuildProfiles(const Certification& cert,
                                             const FeatureExtractor& all_features,
                                             const ProfileWeights& weights) {
  const FeatureExtractor features = all_features.For(cert);
  std::vector<CompetenceProfile> profiles;
  for (const Competence& c : cert.competences) {
    CompetenceProfile p;
    p.competence = &c;
    p.blocs = cert.BlocsOf(c.id);
    const std::vector<Feature> title = features.Extract(c.title);
    p.title_terms = TermsOf(title);
    AddActions(c.title, title, &p.action_terms);
    AddPart(p.title_terms, weights.title, &p);
    for (const Bloc* b : p.blocs) AddPart(features.Terms(b->title), weights.bloc_title, &p);
    AddPart(features.Terms(c.description), weights.description, &p);
    AddPart(features.Terms(c.context), weights.context, &p);
    for (const std::string& s : c.criteria) {
      ProfileItem item{ProfileItem::Kind::kCriterion, s, features.Terms(s)};
      AddPart(item.terms, weights.criterion, &p);
      p.items.push_back(std::move(item));
    }
    for (const std::string& s : c.AllSavoirFaire()) {
      ProfileItem item{ProfileItem::Kind::kSavoirFaire, s, features.Terms(s)};
      AddPart(item.terms, weights.savoir_faire, &p);
      p.items.push_back(std::move(item));
    }
    for (const std::string& s : c.savoirs) {
      ProfileItem item{ProfileItem::Kind::kSavoir, s, features.Terms(s)};
      AddPart(item.terms, weights.savoir, &p);
      p.items.push_back(std::move(item));
    }
    SortUnique(&p.action_terms);
    // A competence described by its title alone (RNCP fiches): the title
    // is its one item.
    if (p.items.empty()) p.items.push_back({ProfileItem::Kind::kCriterion, c.title, p.title_terms});
    profiles.push_back(std::move(p));
  }
  return profiles;
}

}  // namespace passerelle
