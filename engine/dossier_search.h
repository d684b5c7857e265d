// Searching the dossier index with the French analyzer (docs/search.md).
// Query syntax: words are ANDed ("AND" / "ET" may be written); "OR" / "OU" between two items; "NOT x",
// "SAUF x" or "-x" excludes; "double quotes" make a phrase; "prefix*"
// matches the terms starting with the prefix.
#pragma once

#include <string>
#include <vector>

#include "engine/dossier_index.h"
#include "engine/french_analyzer.h"

namespace passerelle {

struct SearchOptions {
  std::string candidate;  // restrict to one candidate when not empty
  size_t limit = 10;      // hits returned (total counts them all)
};

struct SearchHit {
  IndexedPassage passage;
  std::string snippet;  // matched words wrapped in ** **
  double score = 0;     // BM25 weight
};

struct SearchResults {
  std::string query;
  size_t total = 0;  // estimated number of matching passages
  std::vector<SearchHit> hits;
};

// InvalidArgument (French) when the query has no searchable word or the
// candidate is not a valid id; NotFound when the workspace has no index.
Result<SearchResults> SearchDossiers(const DossierIndex& index, const FrenchAnalyzer& analyzer,
                                     const std::string& query, const SearchOptions& options);

// A "prefix*" matches at most this many index terms, the most frequent ones.
constexpr Xapian::termcount kMaxWildcardTerms = 200;

struct ParsedQuery {
  Xapian::Query query;
  // The folded prefixes of the "prefix*" items that select passages (not
  // the excluded ones): Xapian does not list the terms a wildcard matched,
  // so snippets highlight the words whose term starts with one of these.
  std::vector<std::string> prefixes;
};

// The Xapian query for `query` (syntax in docs/search.md); InvalidArgument
// (French) when it has no searchable word, is not valid UTF-8, or is
// malformed: a quote left open, a parenthesis, an OR or NOT with nothing to
// apply to. The message names the character ("caractère 13") and its next
// lines show the query with a caret under it.
Result<ParsedQuery> ParseSearchQuery(const std::string& query, const FrenchAnalyzer& analyzer);

// A snippet of `text` around the tokens whose term is in `terms` or starts
// with one of `prefixes`, at most `max_words` words, matches wrapped in ** **.
std::string MakeSnippet(const std::string& text, const std::vector<std::string>& terms,
                        const std::vector<std::string>& prefixes, const FrenchAnalyzer& analyzer,
                        size_t max_words = 30);

}  // namespace passerelle
