// passerelle suggest: the certifications, and the blocs, a candidate's
// dossier covers best.
#include <iostream>

#include "cli/cli.h"
#include "cli/display.h"
#include "cli/mapping_run.h"
#include "engine/suggestion_json.h"
#include "engine/text.h"
#include "reports/gap_report_text.h"

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
                    reports::CompetenceStatusWord(c.status));
  return Join(parts, ", ");
}

// "21 certifications examinées sur 27", and why the others were not.
std::string ExaminedLine(const Suggestions& s) {
  std::string line = "Candidature " + s.candidate + " : " + std::to_string(s.mapped) +
                     (s.mapped > 1 ? " certifications examinées" : " certification examinée") +
                     " sur " + std::to_string(s.catalog_size) + " dans l'espace de travail";
  if (s.mapped >= s.catalog_size) return line;
  const size_t others = s.catalog_size - s.mapped;
  if (s.shortlist == ShortlistBasis::kWhole)
    return line + (others > 1 ? " ; les " + std::to_string(others) + " autres sont inactives"
                              : std::string(" ; l'autre est inactive")) +
           " (on ne peut plus s'y présenter)";
  const std::string basis = s.shortlist == ShortlistBasis::kTitles
                                ? "l'intitulé rejoint"
                                : "le contenu et l'intitulé rejoignent";
  return line + " ; seules celles dont " + basis +
         " le mieux le vocabulaire du dossier sont examinées en détail, les inactives sont "
         "écartées";
}

void PrintText(const Suggestions& s) {
  const size_t width = OutputWidth();
  std::cout << WrapText(ExaminedLine(s), width, "", "  ") << "\nCertifications\n";
  if (s.certifications.empty()) std::cout << "  aucune : le dossier ne couvre aucune compétence\n";
  std::vector<std::string> ids;
  for (const CertificationSuggestion& c : s.certifications) ids.push_back(c.id.value);
  const size_t id_width = ColumnWidth(ids) + 1;
  const std::string indent(2 + 6 + id_width, ' ');
  for (const CertificationSuggestion& c : s.certifications) {
    std::cout << WrapText(c.title, width,
                          "  " + PadRight(Percent(c.coverage), 6) + PadRight(c.id.value, id_width),
                          indent);
    if (!c.strongest.empty())
      std::cout << WrapText(StrongestLine(c.strongest, c.id), width, indent, indent);
  }
  std::cout << "\nBlocs\n";
  if (s.blocs.empty()) std::cout << "  aucun\n";
  std::vector<std::string> blocs;
  for (const BlocSuggestion& b : s.blocs)
    blocs.push_back(b.certification.value + " " + ShortName(b.id.value, "", b.certification));
  const size_t bloc_width = ColumnWidth(blocs) + 1;
  const std::string bloc_indent(2 + 6 + bloc_width, ' ');
  for (size_t i = 0; i < s.blocs.size(); ++i) {
    const BlocSuggestion& b = s.blocs[i];
    std::cout << WrapText(b.title, width,
                          "  " + PadRight(Percent(b.coverage), 6) + PadRight(blocs[i], bloc_width),
                          bloc_indent);
    if (!b.strongest.empty())
      std::cout << WrapText(StrongestLine(b.strongest, b.certification), width, bloc_indent,
                            bloc_indent);
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
