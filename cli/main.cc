// passerelle: the command-line front end. See `passerelle --help`.
#include <sys/stat.h>

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace passerelle::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"import", "importer des référentiels (fiches RNCP/RS, REAC, export open data)",
       kImportHelp, &RunImport},
      {"certifications", "lister les certifications de l'espace de travail",
       kCertificationsHelp, &RunCertifications},
      {"show", "afficher une certification : blocs, compétences, critères", kShowHelp,
       &RunShow},
      {"dossier", "indexer, lister ou supprimer les dossiers des candidats", kDossierHelp,
       &RunDossier},
      {"search", "chercher dans les dossiers indexés", kSearchHelp, &RunSearch},
      {"map", "compétences couvertes par le dossier d'un candidat, avec les preuves",
       kMapHelp, &RunMap},
      {"report", "rapport de positionnement en PDF pour un candidat et une certification",
       kReportHelp, &RunReport},
      {"suggest", "certifications et blocs que le dossier d'un candidat couvre le mieux",
       kSuggestHelp, &RunSuggest},
      {"compare", "comparer deux référentiels : correspondances, couverture, liens officiels",
       kCompareHelp, &RunCompare},
      {"related", "les certifications les plus proches d'une certification", kRelatedHelp,
       &RunRelated},
      {"assess", "le positionnement de l'accompagnateur : décisions, avis, historique",
       kAssessHelp, &RunAssess},
  };
  return kCommands;
}

namespace {

void PrintMainHelp() {
  std::cout << "Passerelle " PASSERELLE_VERSION
               " — lire les référentiels de certification et les dossiers de VAE\n\n"
               "Usage : passerelle [--workspace DOSSIER] COMMANDE [OPTIONS]\n\n"
               "Commandes :\n";
  for (const Command& c : Commands()) {
    std::string name = c.name;
    name.resize(16, ' ');
    std::cout << "  " << name << c.summary << "\n";
  }
  std::cout << "\nOptions communes :\n"
               "  --workspace DOSSIER  espace de travail (sinon $PASSERELLE_WORKSPACE,\n"
               "                       sinon ./.passerelle)\n"
               "  --json               sortie JSON sur la sortie standard (selon la commande)\n"
               "  --help               aide d'une commande : passerelle COMMANDE --help\n"
               "  --version            version de Passerelle\n\n"
               "Exemple, du référentiel au rapport :\n"
               "  passerelle import referentiels/TP-00211.xml fiche-rncp35697.pdf\n"
               "  passerelle show TP-00211\n"
               "  passerelle dossier add livret2-dupont.docx --candidate dupont\n"
               "  passerelle map --candidate dupont --target TP-00211\n"
               "  passerelle report --candidate dupont --target TP-00211 -o rapport.pdf\n";
}

}  // namespace
}  // namespace passerelle::cli

int main(int argc, char** argv) {
  using namespace passerelle::cli;
  // Workspaces hold personal data: everything we create is private.
  ::umask(077);
  std::vector<std::string> args(argv + 1, argv + argc);
  // A leading --workspace applies to the command that follows.
  std::vector<std::string> global;
  while (!args.empty() && args[0].rfind("--workspace", 0) == 0) {
    global.push_back(args[0]);
    args.erase(args.begin());
    if (global.back() == "--workspace" && !args.empty()) {
      global.push_back(args[0]);
      args.erase(args.begin());
    }
  }
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    if (args.size() >= 2) {
      for (const Command& c : Commands())
        if (args[1] == c.name) {
          std::cout << c.help;
          return kExitOk;
        }
    }
    PrintMainHelp();
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version") {
    std::cout << "passerelle " PASSERELLE_VERSION "\n";
    return kExitOk;
  }
  for (const Command& c : Commands()) {
    if (args[0] != c.name) continue;
    std::vector<std::string> rest(args.begin() + 1, args.end());
    rest.insert(rest.end(), global.begin(), global.end());
    for (const std::string& a : rest)
      if (a == "--help" || a == "-h") {
        std::cout << c.help;
        return kExitOk;
      }
    return c.run(rest);
  }
  return UsageError("commande inconnue : « " + args[0] + " »", "");
}
