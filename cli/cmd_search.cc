// passerelle search QUERY
#include <iostream>

#include "cli/cli.h"
#include "cli/display.h"
#include "cli/mapping_run.h"
#include "engine/dossier_search.h"

namespace passerelle::cli {

const char kSearchHelp[] =
    "Usage : passerelle search REQUÊTE [--candidate ID] [--limit N] [--json]\n\n"
    "Cherche dans les dossiers indexés avec l'analyse du français (accents, élisions,\n"
    "pluriels et conjugaisons). Les mots sont tous exigés (AND ou ET peuvent\n"
    "s'écrire, sans parenthèses) ; OR ou OU pour une\n"
    "alternative, NOT, SAUF ou -mot pour exclure, \"entre guillemets\" pour une\n"
    "expression exacte, préfixe* pour tous les mots qui commencent ainsi.\n\n"
    "Options :\n"
    "  --candidate ID  seulement le dossier de ce candidat\n"
    "  --limit N       nombre de résultats affichés (défaut 10)\n"
    "  --json          {\"query\",\"total\",\"hits\":[{\"candidate\",\"dossier\",\"passage\",\n"
    "                  \"page\",\"text\",\"snippet\",\"score\"}]}\n\n"
    "Exemples :\n"
    "  passerelle search contrôle --candidate dupont\n"
    "  passerelle search '\"mors doux\" OR pince* NOT fraiseuse'\n";

int RunSearch(const std::vector<std::string>& argv) {
  auto args = ParseArgs(argv, {{"--json"}, {"--candidate", "--limit"}});
  if (!args.ok()) return UsageError(args.status().message(), "search");
  if (args->positional.empty()) return UsageError("indiquez une recherche", "search");
  auto candidate = CandidateOption(*args);
  if (!candidate.ok()) return UsageError(candidate.status().message(), "search");
  SearchOptions options;
  options.candidate = *candidate;
  try {
    options.limit = std::stoul(args->Get("--limit", "10"));
  } catch (...) {
    return UsageError("--limit attend un nombre", "search");
  }
  std::string query;
  for (const std::string& p : args->positional) query += (query.empty() ? "" : " ") + p;
  auto index = DossierIndex::OpenForReading(WorkspaceRoot(*args));
  if (!index.ok()) return Fail(index.status());
  if ((*index)->exists() && !options.candidate.empty() && !(*index)->HasCandidate(options.candidate))
    return Fail(UnknownCandidate(**index, options.candidate));
  FrenchAnalyzer analyzer;
  auto results = SearchDossiers(**index, analyzer, query, options);
  if (!results.ok()) return Fail(results.status());
  if (args->Has("--json")) {
    nlohmann::json hits = nlohmann::json::array();
    for (const SearchHit& h : results->hits)
      hits.push_back({{"candidate", h.passage.candidate}, {"dossier", h.passage.dossier},
                      {"passage", h.passage.paragraph}, {"page", h.passage.page},
                      {"text", h.passage.text}, {"snippet", h.snippet}, {"score", h.score}});
    PrintJson({{"query", results->query}, {"total", results->total}, {"hits", hits}});
    return kExitOk;
  }
  std::cout << results->total << " passage" << (results->total > 1 ? "s" : "")
            << " trouvé" << (results->total > 1 ? "s" : "") << " pour « " << query << " »\n";
  const bool terminal = StdoutIsTerminal();
  const size_t width = OutputWidth();
  for (const SearchHit& h : results->hits) {
    std::cout << "\n" << h.passage.candidate << " · " << h.passage.dossier << " · paragraphe "
              << h.passage.paragraph;
    if (h.passage.page) std::cout << ", page " << h.passage.page;
    std::cout << " · score " << static_cast<int>(h.score * 100) / 100.0 << "\n"
              << WrapText(RenderHighlights(h.snippet, terminal), width, "  ", "  ");
  }
  return kExitOk;
}

}  // namespace passerelle::cli
