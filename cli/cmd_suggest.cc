// passerelle suggest: the certifications, and the blocs, a candidate's
// dossier covers best.
#include <iostream>

#include "cli/cli.h"
#include "cli/mapping_run.h"
#include "engine/suggestion_json.h"
#include "engine/text.h"

namespace passerelle::cli {

const char kSuggestHelp[] =
    "Usage : passerelle suggest --candidate ID [--top N] [--json]\n\n"
    "Classe les certifications de l'espace de travail, et à part leurs blocs (la\n"
    "validation partielle est courante), selon la part que le dossier du candidat\n"
    "en couvre, avec pour chacune les trois compétences les mieux montrées. Les\n"
    "certifications inactives sont écartées ; sur un grand espace de travail (plus de\n"
    "100 certifications), seules les 100 dont les compétences et l'intitulé\n"
    "rejoignent le mieux le vocabulaire du dossier sont examinées en détail.\n\n"
    "Options :\n"
    "  --candidate ID       candidat déjà indexé (passerelle dossier add)\n"
    "  --top N              nombre de certifications et de blocs listés (défaut 10,\n"
    "                       au plus 100)\n"
    "  --thesaurus FICHIER  thésaurus supplémentaire (répétable, voir map --help)\n"
    "  --json               {\"candidate\",\"certifications\":[{\"id\",\"title\",\"coverage\",\n"
    "                       \"strongest\"}],\"blocs\":[{\"id\",\"certification\",\"title\",\n"
    "                       \"coverage\",\"strongest\"}]}\n\n"
    "Exemple :\n"
    "  passerelle suggest --candidate dupont --top 5\n";

namespace {

std::string StrongestLine(const std::vector<StrongCompetence>& list,
                          const CertificationId& certification) {
  std::vector<std::string> parts;
  for (const StrongCompetence& c : list)
    parts.push_back(ShortName(c.id.value, c.number, certification) + " " +
                    std::string(StatusLabel(c.status)));
  return Join(parts, ", ");
}

void PrintText(const Suggestions& s) {
  std::cout << "Candidat " << s.candidate << " : " << s.mapped
            << (s.mapped > 1 ? " certifications examinées" : " certification examinée") << " sur "
            << s.catalog_size << "\n\nCertifications\n";
  if (s.certifications.empty()) std::cout << "  aucune : le dossier ne couvre aucune compétence\n";
  for (const CertificationSuggestion& c : s.certifications) {
    std::cout << "  " << PadRight(Percent(c.coverage), 6) << PadRight(c.id.value, 12) << c.title
              << "\n";
    if (!c.strongest.empty()) std::cout << "        " << StrongestLine(c.strongest, c.id) << "\n";
  }
  std::cout << "\nBlocs\n";
  if (s.blocs.empty()) std::cout << "  aucun\n";
  for (const BlocSuggestion& b : s.blocs) {
    std::cout << "  " << PadRight(Percent(b.coverage), 6) << PadRight(b.id.value, 16) << b.title
              << "\n        (" << b.certification.value << ") " << StrongestLine(b.strongest, b.certification)
              << "\n";
  }
}

}  // namespace

int RunSuggest(const std::vector<std::string>& argv) {
  auto args = ParseArgs(argv, {{"--json"}, {"--candidate", "--top", "--thesaurus"}});
  if (!args.ok()) return UsageError(args.status().message(), "suggest");
  if (!args->positional.empty())
    return UsageError("argument inattendu « " + args->positional[0] + " »", "suggest");
  SuggestRequest request;
  request.workspace_root = WorkspaceRoot(*args);
  request.candidate = args->Get("--candidate");
  if (request.candidate.empty()) return UsageError("indiquez un candidat (--candidate)", "suggest");
  if (!IsValidCandidateId(request.candidate))
    return UsageError("--candidate attend un identifiant (lettres, chiffres, - _ .)", "suggest");
  const std::string top = args->Get("--top", "10");
  if (top.empty() || top.size() > 3 || top.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(top) < 1 || std::stoi(top) > 100)
    return UsageError("--top attend un nombre de 1 à 100, pas « " + top + " »", "suggest");
  request.options.top = static_cast<size_t>(std::stoi(top));
  request.thesaurus_files = args->GetAll("--thesaurus");
  auto suggestions = SuggestFor(request);
  if (!suggestions.ok()) return Fail(suggestions.status());
  if (!suggestions->note.empty()) std::cerr << "passerelle : " << suggestions->note << "\n";
  if (args->Has("--json"))
    PrintJson(SuggestionsToJson(*suggestions));
  else
    PrintText(*suggestions);
  return kExitOk;
}

}  // namespace passerelle::cli
