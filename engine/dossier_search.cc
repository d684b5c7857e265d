#include "engine/dossier_search.h"

#include <algorithm>
#include <set>

#include "engine/text.h"

namespace passerelle {

namespace {

struct Item {
  enum class Kind { kWord, kPhrase, kPrefix, kOr, kNot } kind;
  std::string text;
  size_t at = 0;  // byte offset in the query
};

// "recherche « usinage AND ( » mal formée, caractère 13 : …", with the
// query and a caret under the offending character on the next lines.
Status SyntaxError(const std::string& query, size_t at, const std::string& what) {
  const size_t column = Utf8Length(std::string_view(query).substr(0, at));
  return Status::InvalidArgument("recherche mal formée, caractère " + std::to_string(column + 1) +
                                 " : " + what + "\n  " + query + "\n  " +
                                 std::string(column, ' ') + "^");
}

bool IsOperator(const Item& item) {
  return item.kind == Item::Kind::kOr || item.kind == Item::Kind::kNot;
}

// What is wrong with the operators of `items`, in order: an OR with no item
// before or after it, a NOT with nothing to exclude.
Status CheckOperators(const std::string& query, const std::vector<Item>& items) {
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    const bool last = i + 1 == items.size();
    if (item.kind == Item::Kind::kOr && (i == 0 || IsOperator(items[i - 1])))
      return SyntaxError(query, item.at, "« " + item.text + " » doit suivre un mot");
    if (IsOperator(item) && (last || items[i + 1].kind == Item::Kind::kOr))
      return SyntaxError(query, item.at,
                         "« " + item.text + " » doit être suivi d'un mot ou d'une expression");
  }
  return Status::OK();
}

// Splits the query into words, phrases, prefixes and operators; "AND" and
// "ET" are accepted and change nothing (every word is required).
// InvalidArgument, with the position, for a quote left open, a parenthesis
// (not supported) or a misplaced operator.
Result<std::vector<Item>> Tokenize(const std::string& query) {
  std::vector<Item> items;
  size_t i = 0;
  while (i < query.size()) {
    if (std::isspace(static_cast<unsigned char>(query[i]))) {
      ++i;
      continue;
    }
    if (query[i] == '(' || query[i] == ')')
      return SyntaxError(query, i,
                         "les parenthèses ne sont pas prises en charge (les mots sont tous "
                         "exigés ; OR pour une alternative, NOT pour exclure)");
    if (query[i] == '"') {
      const size_t close = query.find('"', i + 1);
      if (close == std::string::npos)
        return SyntaxError(query, i, "guillemet ouvert mais jamais fermé");
      items.push_back({Item::Kind::kPhrase, query.substr(i + 1, close - i - 1), i});
      i = close + 1;
      continue;
    }
    const size_t start = i;
    size_t end = i;
    while (end < query.size() && !std::isspace(static_cast<unsigned char>(query[end])) &&
           query[end] != '"' && query[end] != '(' && query[end] != ')')
      ++end;
    std::string word = query.substr(i, end - i);
    i = end;
    if (word == "AND" || word == "ET") continue;
    if (word == "OR" || word == "OU") {
      items.push_back({Item::Kind::kOr, word, start});
      continue;
    }
    if (word == "NOT" || word == "SAUF") {
      items.push_back({Item::Kind::kNot, word, start});
      continue;
    }
    if (word.size() > 1 && word[0] == '-') {
      items.push_back({Item::Kind::kNot, "-", start});
      word.erase(0, 1);
    }
    if (word.size() > 1 && word.back() == '*')
      items.push_back({Item::Kind::kPrefix, word.substr(0, word.size() - 1), start});
    else
      items.push_back({Item::Kind::kWord, word, start});
  }
  Status s = CheckOperators(query, items);
  if (!s.ok()) return s;
  return items;
}

// The folded prefix a "prefix*" item matches index terms with; "" when
// nothing is left (a lone "*").
std::string WildcardPrefix(const std::string& typed, const FrenchAnalyzer& analyzer) {
  std::string prefix = FoldForMatch(typed);
  const std::string term = analyzer.Term(typed);
  // Stemming may shorten the prefix ("programma*" -> "programm"): keep the
  // shorter form, so that the words the typed prefix stands for are found.
  if (!term.empty() && term.size() < prefix.size() && StartsWith(prefix, term)) prefix = term;
  return prefix;
}

// One searchable item as a query; an empty query for stop words.
Xapian::Query ItemQuery(const Item& item, const FrenchAnalyzer& analyzer) {
  if (item.kind == Item::Kind::kPrefix) {
    const std::string prefix = WildcardPrefix(item.text, analyzer);
    if (prefix.empty()) return Xapian::Query();
    // A short prefix can match thousands of terms: keep the most frequent
    // ones rather than fail.
    return Xapian::Query(Xapian::Query::OP_WILDCARD, prefix, kMaxWildcardTerms,
                         Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  }
  std::vector<AnalyzedToken> tokens = analyzer.Analyze(item.text);
  std::vector<std::string> terms;
  Xapian::termpos first = 0, last = 0;
  for (const AnalyzedToken& t : tokens) {
    if (t.joined || analyzer.IsStopword(t.raw)) continue;
    if (terms.empty()) first = t.position;
    last = t.position;
    terms.push_back(t.term);
  }
  if (terms.empty()) return Xapian::Query();
  if (terms.size() == 1) return Xapian::Query(terms[0]);
  if (item.kind == Item::Kind::kPhrase)
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), last - first + 1);
  // "porte-outils" or "l'usinage" typed as one word: its parts together.
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), last - first + 1);
}

}  // namespace

Result<ParsedQuery> ParseSearchQuery(const std::string& query, const FrenchAnalyzer& analyzer) {
  const size_t invalid = FirstInvalidUtf8(query);
  if (invalid != std::string::npos)
    return Status::InvalidArgument("la recherche « " + RepairUtf8(query) +
                                   " » n'est pas de l'UTF-8 valide (octet " +
                                   std::to_string(invalid) + ")");
  Result<std::vector<Item>> tokenized = Tokenize(query);
  if (!tokenized.ok()) return tokenized.status();
  const std::vector<Item>& items = *tokenized;
  std::vector<Xapian::Query> positive, negative;
  ParsedQuery parsed;
  bool pending_or = false, pending_not = false;
  for (const Item& item : items) {
    if (item.kind == Item::Kind::kOr) {
      pending_or = !positive.empty();
      continue;
    }
    if (item.kind == Item::Kind::kNot) {
      pending_not = true;
      continue;
    }
    Xapian::Query q = ItemQuery(item, analyzer);
    if (q.empty()) {
      pending_or = pending_not = false;
      continue;
    }
    if (!pending_not && item.kind == Item::Kind::kPrefix)
      parsed.prefixes.push_back(WildcardPrefix(item.text, analyzer));
    if (pending_not)
      negative.push_back(q);
    else if (pending_or)
      positive.back() = Xapian::Query(Xapian::Query::OP_OR, positive.back(), q);
    else
      positive.push_back(q);
    pending_or = pending_not = false;
  }
  if (positive.empty())
    return Status::InvalidArgument("la recherche « " + query +
                                   " » ne contient aucun mot cherchable (seulement des mots "
                                   "vides ou des exclusions)");
  parsed.query = Xapian::Query(Xapian::Query::OP_AND, positive.begin(), positive.end());
  if (!negative.empty())
    parsed.query =
        Xapian::Query(Xapian::Query::OP_AND_NOT, parsed.query,
                      Xapian::Query(Xapian::Query::OP_OR, negative.begin(), negative.end()));
  return parsed;
}

std::string MakeSnippet(const std::string& text, const std::vector<std::string>& terms,
                        const std::vector<std::string>& prefixes, const FrenchAnalyzer& analyzer,
                        size_t max_words) {
  std::vector<AnalyzedToken> tokens = analyzer.Analyze(text);
  const std::set<std::string> wanted(terms.begin(), terms.end());
  auto matches = [&](const std::string& term) {
    if (wanted.count(term)) return true;
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&term](const std::string& p) { return StartsWith(term, p); });
  };
  std::vector<size_t> hits;
  for (size_t i = 0; i < tokens.size(); ++i)
    if (!tokens[i].joined && matches(tokens[i].term)) hits.push_back(i);
  size_t from = 0;
  if (!hits.empty() && hits[0] > max_words / 3) from = hits[0] - max_words / 3;
  size_t to = std::min(tokens.size(), from + max_words);
  if (tokens.empty()) return text.substr(0, 200);
  const size_t begin = from == 0 ? 0 : tokens[from].begin;
  const size_t end = to >= tokens.size() ? text.size() : tokens[to - 1].end;
  std::string out = from == 0 ? "" : "… ";
  size_t cursor = begin;
  for (size_t h : hits) {
    if (h < from || h >= to) continue;
    out += text.substr(cursor, tokens[h].begin - cursor) + "**" +
           text.substr(tokens[h].begin, tokens[h].end - tokens[h].begin) + "**";
    cursor = tokens[h].end;
  }
  out += text.substr(cursor, end - cursor);
  if (end < text.size()) out += " …";
  return CollapseSpaces(out);
}

Result<SearchResults> SearchDossiers(const DossierIndex& index, const FrenchAnalyzer& analyzer,
                                     const std::string& query, const SearchOptions& options) {
  auto parsed = ParseSearchQuery(query, analyzer);
  if (!parsed.ok()) return parsed.status();
  if (!index.exists())
    return Status::NotFound("aucun dossier n'est indexé dans l'espace de travail " +
                            index.workspace_root() +
                            " (passerelle dossier add FICHIER --candidate ID)");
  Status valid = options.candidate.empty() ? Status::OK() : CheckCandidateId(options.candidate);
  if (!valid.ok()) return valid;
  Xapian::Query q = parsed->query;
  if (!options.candidate.empty())
    q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                      Xapian::Query(DossierIndex::kCandidatePrefix + options.candidate));
  SearchResults results;
  results.query = query;
  try {
    Xapian::Enquire enquire(index.database());
    enquire.set_query(q);
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(options.limit));
    results.total = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      std::vector<std::string> terms(enquire.get_matching_terms_begin(it),
                                     enquire.get_matching_terms_end(it));
      SearchHit hit;
      hit.passage = DossierIndex::PassageFromDocument(it.get_document());
      hit.snippet = MakeSnippet(hit.passage.text, terms, parsed->prefixes, analyzer);
      hit.score = it.get_weight();
      results.hits.push_back(std::move(hit));
    }
  } catch (const Xapian::Error& e) {
    return Status::IOError("recherche impossible : " + e.get_description());
  }
  return results;
}

}  // namespace passerelle
