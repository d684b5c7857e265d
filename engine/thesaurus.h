// The thesaurus: groups of equivalent terms ("code G", "langage ISO",
// "programmation ISO") that bridge how candidates and referentiels write the
// same thing. Each group is a group; a word sequence matching any term of a
// group, in a referentiel or in a dossier, yields the group's feature term.
// A thesaurus file may declare the domain it serves (NSF and ROME codes): its
// groups then apply only to the certifications of that domain (ScopeFor).
// File format and matching rules: docs/thesaurus.md.
//
// Thread safety: const methods may be called concurrently once built.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/certification.h"
#include "engine/french_analyzer.h"
#include "engine/status.h"

namespace passerelle {

// The domain a thesaurus file declares in its header ("@nsf 251 254",
// "@rome H29 H2503"). Empty: a general thesaurus, for every trade.
struct ThesaurusDomain {
  std::vector<std::string> nsf;   // NSF codes or groups, lower case: "25", "251", "251u"
  std::vector<std::string> rome;  // ROME codes or prefixes, upper case: "H", "H29", "H2903"

  bool general() const { return nsf.empty() && rome.empty(); }
  // True when the thesaurus is general, or when one of `cert`'s NSF codes
  // starts with a declared NSF code, or one of its ROME codes with a declared
  // ROME prefix. A certification without any NSF or ROME code belongs to no
  // declared domain: only general thesauri serve it (docs/thesaurus.md).
  bool Serves(const Certification& cert) const;
};

// Which groups of a thesaurus apply: to one certification (Thesaurus::ScopeFor)
// or, default-constructed, all of them.
class ThesaurusScope {
 public:
  ThesaurusScope() = default;  // every group applies
  bool Applies(uint32_t group) const {
    return all_ || (group < applies_.size() && applies_[group]);
  }
  // True for an analyzer term, and for a concept term (Thesaurus::ConceptTerm)
  // whose group applies.
  bool Admits(std::string_view feature_term) const;
  bool all() const { return all_; }

 private:
  friend class Thesaurus;
  bool all_ = true;
  std::vector<bool> applies_;  // by group, when !all_
};

// A thesaurus match in an analyzed text.
struct ConceptMatch {
  uint32_t group = 0;  // group index
  size_t first = 0;      // index of the first matched token
  size_t last = 0;       // index of the last matched token (inclusive)
};

class Thesaurus {
 public:
  // Most words allowed between two words of a term ("tour à commande
  // numérique" skips the stop word "à": a gap of 2 positions).
  static constexpr uint32_t kMaxPositionGap = 3;

  // Parses `text` (one thesaurus file) and adds its groups, with the domain
  // its header declares. `source` names the file in error messages.
  // InvalidArgument (French, with the line number and the offending text)
  // when a line has fewer than two terms, a term holds no word, or a domain
  // line is unknown, empty, holds a malformed code or follows a group; a
  // refused file adds nothing.
  Status Add(std::string_view text, const std::string& source, const FrenchAnalyzer& analyzer);
  // The thesauri shipped in referentiels/thesaurus/ (compiled in).
  Status AddBuiltin(const FrenchAnalyzer& analyzer);

  // The concepts found in `tokens` (from FrenchAnalyzer::Analyze), in text
  // order, of the groups `scope` admits. Joined compound tokens are ignored.
  std::vector<ConceptMatch> Find(const std::vector<AnalyzedToken>& tokens,
                                 const ThesaurusScope& scope = {}) const;

  // The groups that apply to `cert`: those of the thesauri whose domain
  // serves it (ThesaurusDomain::Serves).
  ThesaurusScope ScopeFor(const Certification& cert) const;
  // The domain declared by the file group `group` came from.
  const ThesaurusDomain& DomainOf(uint32_t group) const { return domains_[group_domain_[group]]; }

  // The feature term of a group: "~" + its index ("~12"): the tilde never
  // starts an analyzer term.
  static std::string ConceptTerm(uint32_t group);
  // The group of a concept term ("~12" → 12); nullopt for any other term.
  static std::optional<uint32_t> ConceptGroup(std::string_view term);
  // The first term of the group as written ("langage ISO").
  const std::string& Label(uint32_t group) const { return labels_[group]; }
  size_t size() const { return labels_.size(); }

 private:
  struct Entry {
    std::vector<std::string> terms;  // analyzed terms of the expression
    uint32_t group = 0;
  };
  std::vector<std::string> labels_;
  std::vector<ThesaurusDomain> domains_;  // one per file added
  std::vector<uint32_t> group_domain_;    // by group: index in domains_
  // First term → entries starting with it, longest first.
  std::unordered_map<std::string, std::vector<Entry>> by_first_;
};

}  // namespace passerelle
