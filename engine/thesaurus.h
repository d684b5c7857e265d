// The thesaurus: groups of equivalent terms ("code G", "langage ISO",
// "programmation ISO") that bridge how candidates and referentiels write the
// same thing. Each group is a group; a word sequence matching any term of a
// group, in a referentiel or in a dossier, yields the group's feature term.
// File format and matching rules: docs/thesaurus.md.
//
// Thread safety: const methods may be called concurrently once built.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/french_analyzer.h"
#include "engine/status.h"

namespace passerelle {

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

  // Parses `text` and adds its groups. `source` names the file in error
  // messages. InvalidArgument (French, with the line number) when a line has
  // fewer than two terms or a term holds no word.
  Status Add(std::string_view text, const std::string& source, const FrenchAnalyzer& analyzer);
  // The thesauri shipped in referentiels/thesaurus/ (compiled in).
  Status AddBuiltin(const FrenchAnalyzer& analyzer);

  // The concepts found in `tokens` (from FrenchAnalyzer::Analyze), in text
  // order. Joined compound tokens are ignored.
  std::vector<ConceptMatch> Find(const std::vector<AnalyzedToken>& tokens) const;

  // The feature term of a group: "~" + its index ("~12"): the tilde never
  // starts an analyzer term.
  static std::string ConceptTerm(uint32_t group);
  // The first term of the group as written ("langage ISO").
  const std::string& Label(uint32_t group) const { return labels_[group]; }
  size_t size() const { return labels_.size(); }

 private:
  struct Entry {
    std::vector<std::string> terms;  // analyzed terms of the expression
    uint32_t group = 0;
  };
  std::vector<std::string> labels_;
  // First term → entries starting with it, longest first.
  std::unordered_map<std::string, std::vector<Entry>> by_first_;
};

}  // namespace passerelle
