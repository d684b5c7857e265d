#include "engine/thesaurus.h"

#include <algorithm>
#include <set>

#include "engine/embedded_data.h"
#include "engine/text.h"

namespace passerelle {

namespace {

// The analyzed terms of an expression, joined compounds left out.
std::vector<std::string> ExpressionTerms(std::string_view expression,
                                         const FrenchAnalyzer& analyzer) {
  std::vector<std::string> terms;
  for (const AnalyzedToken& t : analyzer.Analyze(expression))
    if (!t.joined) terms.push_back(t.term);
  return terms;
}

std::vector<std::string> SplitTerms(const std::string& line) {
  std::vector<std::string> out;
  for (const std::string& piece : Split(line, "|"))
    if (std::string term = Trim(piece); !term.empty()) out.push_back(std::move(term));
  return out;
}

}  // namespace

Status Thesaurus::Add(std::string_view text, const std::string& source,
                      const FrenchAnalyzer& analyzer) {
  // Parse everything before changing anything: a bad file adds nothing.
  std::vector<std::vector<std::pair<std::string, std::vector<std::string>>>> groups;
  const std::vector<std::string> lines = SplitLines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string line = Trim(lines[i]);
    if (line.empty() || line[0] == '#') continue;
    const std::string where = "thésaurus " + source + ", ligne " + std::to_string(i + 1) + " : ";
    std::vector<std::string> written = SplitTerms(line);
    if (written.size() < 2)
      return Status::InvalidArgument(
          where + "un groupe doit compter au moins deux termes séparés par « | »");
    std::vector<std::pair<std::string, std::vector<std::string>>> group;
    for (const std::string& w : written) {
      std::vector<std::string> terms = ExpressionTerms(w, analyzer);
      if (terms.empty())
        return Status::InvalidArgument(where + "le terme « " + w +
                                       " » ne contient aucun mot significatif");
      group.emplace_back(w, std::move(terms));
    }
    groups.push_back(std::move(group));
  }
  for (auto& parsed : groups) {
    const uint32_t group = static_cast<uint32_t>(labels_.size());
    labels_.push_back(parsed.front().first);
    std::set<std::vector<std::string>> seen;
    for (auto& [written, terms] : parsed) {
      if (!seen.insert(terms).second) continue;
      auto& entries = by_first_[terms.front()];
      entries.push_back(Entry{std::move(terms), group});
      std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.terms.size() > b.terms.size();
      });
    }
  }
  return Status::OK();
}

Status Thesaurus::AddBuiltin(const FrenchAnalyzer& analyzer) {
  Status s = Add(data::kThesaurusUsinage, "referentiels/thesaurus/usinage.txt", analyzer);
  if (!s.ok()) return s;
  return Add(data::kThesaurusGeneral, "referentiels/thesaurus/general.txt", analyzer);
}

std::vector<ConceptMatch> Thesaurus::Find(const std::vector<AnalyzedToken>& tokens) const {
  std::vector<ConceptMatch> out;
  // Indices of the non-joined tokens: expressions match over them.
  std::vector<size_t> plain;
  plain.reserve(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i)
    if (!tokens[i].joined) plain.push_back(i);
  for (size_t k = 0; k < plain.size(); ++k) {
    auto it = by_first_.find(tokens[plain[k]].term);
    if (it == by_first_.end()) continue;
    std::set<uint32_t> emitted;
    for (const Entry& e : it->second) {
      if (emitted.count(e.group)) continue;
      if (k + e.terms.size() > plain.size()) continue;
      bool match = true;
      for (size_t j = 1; j < e.terms.size() && match; ++j) {
        const AnalyzedToken& prev = tokens[plain[k + j - 1]];
        const AnalyzedToken& cur = tokens[plain[k + j]];
        match = cur.term == e.terms[j] && cur.position > prev.position &&
                cur.position - prev.position <= kMaxPositionGap;
      }
      if (!match) continue;
      emitted.insert(e.group);
      out.push_back({e.group, plain[k], plain[k + e.terms.size() - 1]});
    }
  }
  return out;
}

std::string Thesaurus::ConceptTerm(uint32_t group) { return "~" + std::to_string(group); }

}  // namespace passerelle
