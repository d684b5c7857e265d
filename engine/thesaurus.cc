#include "engine/thesaurus.h"

#include <algorithm>
#include <cctype>
#include <charconv>
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

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "25", "251", "251u": a domain, a group or a speciality of the NSF.
bool IsNsfPrefix(const std::string& code) {
  if (code.size() == 4)
    return AllDigits(std::string_view(code).substr(0, 3)) && code[3] >= 'a' && code[3] <= 'z';
  return !code.empty() && code.size() <= 3 && AllDigits(code);
}

// "H", "H29", "H2903": a ROME grand domaine, domaine professionnel or fiche.
bool IsRomePrefix(const std::string& code) {
  if (code.empty() || code[0] < 'A' || code[0] > 'N') return false;
  const std::string_view digits = std::string_view(code).substr(1);
  return (digits.size() == 0 || digits.size() == 2 || digits.size() == 4) && AllDigits(digits);
}

std::string AsciiCase(std::string s, bool upper) {
  for (char& c : s)
    c = static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(c))
                                : std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Reads a domain line ("@nsf 251 254", "@rome H29, H2503") into `domain`.
// `where` starts the error message ("thésaurus F, ligne N : ").
Status ReadDomainLine(const std::string& line, const std::string& where, ThesaurusDomain* domain) {
  std::vector<std::string> words;
  for (std::string& w : Split(CollapseSpaces(line), " "))
    for (std::string& piece : Split(w, ","))
      if (std::string t = Trim(piece); !t.empty()) words.push_back(std::move(t));
  const std::string directive = AsciiCase(words.front(), false);
  const bool nsf = directive == "@nsf";
  if (!nsf && directive != "@rome")
    return Status::InvalidArgument(where + "déclaration « " + words.front() +
                                   " » inconnue (attendu : @nsf ou @rome suivi de codes)");
  if (words.size() < 2)
    return Status::InvalidArgument(where + "« " + words.front() + " » sans code (exemple : " +
                                   (nsf ? "@nsf 251 254)" : "@rome H29 H2503)"));
  for (size_t i = 1; i < words.size(); ++i) {
    std::string code = AsciiCase(words[i], !nsf);
    if (nsf && !IsNsfPrefix(code))
      return Status::InvalidArgument(
          where + "code NSF « " + words[i] +
          " » invalide (attendu : 1 à 3 chiffres, éventuellement suivis d'une lettre "
          "après 3 chiffres, par exemple 25, 251 ou 251u)");
    if (!nsf && !IsRomePrefix(code))
      return Status::InvalidArgument(
          where + "code ROME « " + words[i] +
          " » invalide (attendu : une lettre de A à N suivie de 0, 2 ou 4 chiffres, "
          "par exemple H, H29 ou H2903)");
    (nsf ? domain->nsf : domain->rome).push_back(std::move(code));
  }
  return Status::OK();
}

bool AnyStartsWith(const std::vector<const Code*>& codes, const std::vector<std::string>& prefixes,
                   bool upper) {
  for (const Code* c : codes) {
    const std::string value = AsciiCase(c->value, upper);
    for (const std::string& p : prefixes)
      if (StartsWith(value, p)) return true;
  }
  return false;
}

}  // namespace

bool ThesaurusDomain::Serves(const Certification& cert) const {
  return general() || AnyStartsWith(cert.CodesOfType(Code::Type::kNsf), nsf, false) ||
         AnyStartsWith(cert.CodesOfType(Code::Type::kRome), rome, true);
}

bool ThesaurusScope::Admits(std::string_view feature_term) const {
  if (all_) return true;
  const std::optional<uint32_t> group = Thesaurus::ConceptGroup(feature_term);
  return !group || Applies(*group);
}

Status Thesaurus::Add(std::string_view text, const std::string& source,
                      const FrenchAnalyzer& analyzer) {
  // Parse everything before changing anything: a bad file adds nothing.
  std::vector<std::vector<std::pair<std::string, std::vector<std::string>>>> groups;
  ThesaurusDomain domain;
  const std::vector<std::string> lines = SplitLines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string line = Trim(lines[i]);
    if (line.empty() || line[0] == '#') continue;
    const std::string where = "thésaurus " + source + ", ligne " + std::to_string(i + 1) + " : ";
    if (line[0] == '@') {
      // The domain is declared in the header: a declaration after a group
      // would suggest it covers only the groups below it.
      if (!groups.empty())
        return Status::InvalidArgument(where + "la déclaration de domaine « " + line +
                                       " » doit précéder le premier groupe de termes");
      Status s = ReadDomainLine(line, where, &domain);
      if (!s.ok()) return s;
      continue;
    }
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
  domains_.push_back(std::move(domain));
  for (auto& parsed : groups) {
    const uint32_t group = static_cast<uint32_t>(labels_.size());
    labels_.push_back(parsed.front().first);
    group_domain_.push_back(static_cast<uint32_t>(domains_.size() - 1));
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

ThesaurusScope Thesaurus::ScopeFor(const Certification& cert) const {
  ThesaurusScope scope;
  std::vector<bool> serves;
  for (const ThesaurusDomain& d : domains_) serves.push_back(d.Serves(cert));
  if (std::all_of(serves.begin(), serves.end(), [](bool b) { return b; })) return scope;
  scope.all_ = false;
  scope.applies_.resize(labels_.size());
  for (size_t g = 0; g < labels_.size(); ++g) scope.applies_[g] = serves[group_domain_[g]];
  return scope;
}

std::vector<ConceptMatch> Thesaurus::Find(const std::vector<AnalyzedToken>& tokens,
                                          const ThesaurusScope& scope) const {
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
      if (emitted.count(e.group) || !scope.Applies(e.group)) continue;
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

std::optional<uint32_t> Thesaurus::ConceptGroup(std::string_view term) {
  if (term.size() < 2 || term[0] != '~') return std::nullopt;
  uint32_t group = 0;
  const char* end = term.data() + term.size();
  auto [ptr, ec] = std::from_chars(term.data() + 1, end, group);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return group;
}

}  // namespace passerelle
