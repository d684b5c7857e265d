// passerelle dossier add|list|remove
#include <filesystem>
#include <iostream>

#include "cli/cli.h"
#include "cli/mapping_run.h"
#include "engine/dossier_index.h"
#include "importers/dossier_reader.h"

namespace passerelle::cli {

const char kDossierHelp[] =
    "Usage : passerelle dossier add FICHIER --candidate ID [--json]\n"
    "        passerelle dossier list [--json]\n"
    "        passerelle dossier remove --candidate ID\n\n"
    "Indexe le dossier d'un candidat (.txt, .md, .pdf, .docx, .odt) pour la recherche\n"
    "et la cartographie des preuves. Ajouter un dossier pour un candidat déjà indexé\n"
    "remplace la version précédente ; l'ajout est tout ou rien. « remove » efface\n"
    "réellement les passages du candidat (l'index est compacté). Les fichiers de\n"
    "l'espace de travail ne sont lisibles que par leur propriétaire.\n\n"
    "Options :\n"
    "  --candidate ID  identifiant du candidat (lettres, chiffres, - _ .)\n"
    "  --json          add : {\"candidate\",\"dossier\",\"passages\",\"words\"} ;\n"
    "                  list : [{\"candidate\",\"dossier\",\"format\",\"passages\",\"words\"}]\n\n"
    "Exemple :\n"
    "  passerelle dossier add livret2-dupont.docx --candidate dupont\n";

namespace {

int Add(const Args& args) {
  if (args.positional.size() != 2) return UsageError("indiquez un fichier de dossier", "dossier");
  auto candidate_option = CandidateOption(args);
  if (!candidate_option.ok()) return UsageError(candidate_option.status().message(), "dossier");
  const std::string candidate = *candidate_option;
  if (candidate.empty()) return UsageError("indiquez le candidat (--candidate ID)", "dossier");
  auto indexed = IndexDossierFile(WorkspaceRoot(args), args.positional[1], candidate);
  if (!indexed.ok()) return Fail(indexed.status());
  const CandidateSummary& summary = *indexed;
  if (args.Has("--json")) {
    PrintJson({{"candidate", candidate}, {"dossier", summary.dossier},
               {"passages", summary.passages}, {"words", summary.words}});
  } else {
    std::cout << "Dossier " << summary.dossier << " indexé pour le candidat " << candidate
              << " : " << summary.passages << " passages, " << summary.words << " mots\n";
  }
  return kExitOk;
}

int List(const Args& args) {
  auto index = DossierIndex::OpenForReading(WorkspaceRoot(args));
  if (!index.ok()) return Fail(index.status());
  if (!(*index)->exists() && !args.Has("--json")) {
    std::cout << "Aucun dossier indexé.\n";
    return kExitOk;
  }
  auto list = (*index)->Candidates();
  if (!list.ok()) return Fail(list.status());
  if (args.Has("--json")) {
    nlohmann::json out = nlohmann::json::array();
    for (const CandidateSummary& c : *list)
      out.push_back({{"candidate", c.candidate}, {"dossier", c.dossier}, {"format", c.format},
                     {"passages", c.passages}, {"words", c.words}});
    PrintJson(out);
    return kExitOk;
  }
  if (list->empty()) std::cout << "Aucun dossier indexé.\n";
  for (const CandidateSummary& c : *list)
    std::cout << PadRight(c.candidate, 20) << PadRight(c.dossier, 36) << c.passages
              << " passages, " << c.words << " mots\n";
  return kExitOk;
}

int Remove(const Args& args) {
  auto candidate_option = CandidateOption(args);
  if (!candidate_option.ok()) return UsageError(candidate_option.status().message(), "dossier");
  const std::string candidate = *candidate_option;
  if (candidate.empty()) return UsageError("indiquez le candidat (--candidate ID)", "dossier");
  // Removing from a workspace or an index that does not exist creates
  // neither.
  auto index =
      DossierIndex::OpenForWriting(WorkspaceRoot(args), DossierIndex::OpenMode::kExisting);
  if (!index.ok()) return Fail(index.status());
  Status s = (*index)->RemoveCandidate(candidate);
  if (!s.ok()) return Fail(s);
  std::cout << "Dossier du candidat " << candidate << " supprimé de l'index.\n";
  return kExitOk;
}

}  // namespace

int RunDossier(const std::vector<std::string>& argv) {
  auto args = ParseArgs(argv, {{"--json"}, {"--candidate"}});
  if (!args.ok()) return UsageError(args.status().message(), "dossier");
  const std::string action = args->positional.empty() ? "" : args->positional[0];
  if (action == "add") return Add(*args);
  if (action == "list") return List(*args);
  if (action == "remove") return Remove(*args);
  return UsageError("action attendue : add, list ou remove", "dossier");
}

}  // namespace passerelle::cli
