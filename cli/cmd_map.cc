// passerelle map: evidence mapping of a candidate's dossier onto a
// certification.
#include <iostream>

#include "cli/cli.h"
#include "cli/mapping_run.h"
#include "engine/mapping_json.h"
#include "engine/text.h"

namespace passerelle::cli {

const char kMapHelp[] =
    "Usage : passerelle map --candidate ID --target CERTIFICATION [--json]\n"
    "        passerelle map FICHIER [--candidate ID] [--replace] --target CERTIFICATION [--json]\n\n"
    "Pour chaque compétence de la certification visée, dit si le dossier du candidat\n"
    "la montre (couvert), en montre une partie (partiel) ou non (non couvert), cite\n"
    "les passages qui le prouvent et ce qui manque encore. Les phrases niées\n"
    "(« je n'ai jamais… »), hypothétiques, d'apprentissage ou qui décrivent le\n"
    "travail d'autres personnes ne comptent pas comme preuves.\n\n"
    "Avec FICHIER, le dossier est d'abord indexé sous l'identifiant --candidate ou,\n"
    "sans lui, sous un identifiant tiré du nom du fichier (sans accents, en\n"
    "minuscules). Le dossier d'un candidat déjà indexé n'est jamais remplacé sans\n"
    "--replace ; le même fichier, inchangé, est réutilisé tel quel.\n\n"
    "Options :\n"
    "  --candidate ID       candidat déjà indexé (passerelle dossier add) ; avec\n"
    "                       FICHIER, l'identifiant sous lequel l'indexer\n"
    "  --replace            avec FICHIER : remplace le dossier déjà indexé du candidat\n"
    "  --target CERT        certification visée (TP-00211, RNCP35697…)\n"
    "  --thesaurus FICHIER  thésaurus supplémentaire : un groupe de termes\n"
    "                       équivalents par ligne, séparés par « | » (répétable) ;\n"
    "                       en tête, « @nsf 251 » ou « @rome H29 » le réserve aux\n"
    "                       certifications de ces codes NSF ou ROME\n"
    "  --json               {\"candidate\",\"target\",\"coverage\",\"blocs\":[…],\n"
    "                       \"competences\":[{\"id\",\"title\",\"blocs\",\"status\",\n"
    "                       \"score\",\"evidence\":[…],\"missing\":[…]}]}\n\n"
    "Exemples :\n"
    "  passerelle map --candidate dupont --target TP-00211\n"
    "  passerelle map livret2-dupont.docx --target TP-00211 --thesaurus mon-atelier.txt\n";

namespace {

std::string Plural(int n, const std::string& singular, const std::string& plural) {
  return std::to_string(n) + " " + (n > 1 ? plural : singular);
}

// At most `max` characters (code points) of `s`, with an ellipsis.
std::string Shorten(const std::string& s, size_t max) {
  const std::string flat = CollapseSpaces(s);
  if (Utf8Length(flat) <= max) return flat;
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < flat.size() && n < max; ++n) {
    size_t len = 1;
    const unsigned char c = static_cast<unsigned char>(flat[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    out += flat.substr(i, len);
    i += len;
  }
  return out + "…";
}

void PrintText(const MappingRun& run) {
  const MappingResult& r = run.result;
  std::cout << "Candidat " << r.candidate << " · " << r.target.value << " — " << run.target.title
            << "\nCouverture : " << Percent(r.coverage) << " — "
            << Plural(r.covered, "compétence couverte", "compétences couvertes") << ", "
            << Plural(r.partial, "partielle", "partielles") << ", "
            << Plural(r.missing, "non couverte", "non couvertes") << " sur "
            << r.competences.size() << "\n";
  for (const BlocMapping& b : r.blocs) {
    std::cout << "\n" << b.id.value << "  " << b.title << "  (couverture " << Percent(b.coverage)
              << ")\n";
    const Bloc* bloc = run.target.FindBloc(b.id);
    for (const CompetenceId& id : bloc->competences) {
      for (const CompetenceMapping& c : r.competences) {
        if (c.id != id) continue;
        const std::string label = ShortName(c.id.value, c.number, run.target.id);
        std::cout << "  " << PadRight(label, 6) << PadRight(std::string(StatusLabel(c.status)), 13)
                  << Shorten(c.title, 90) << "\n";
        if (!c.evidence.empty()) {
          const Evidence& e = c.evidence.front();
          std::cout << "        preuve : paragraphe " << e.paragraph;
          if (e.page) std::cout << ", page " << e.page;
          std::cout << " — « " << Shorten(e.text, 140) << " »";
          if (!e.matched.empty()) std::cout << " (" << Join(e.matched, ", ") << ")";
          std::cout << "\n";
          if (c.evidence.size() > 1)
            std::cout << "        et " << Plural(static_cast<int>(c.evidence.size() - 1),
                                                   "autre passage", "autres passages")
                      << "\n";
        }
        if (c.status != CoverageStatus::kCovered) {
          for (size_t i = 0; i < c.missing.size() && i < 3; ++i)
            std::cout << "        à montrer : " << Shorten(c.missing[i], 110) << "\n";
          if (c.missing.size() > 3)
            std::cout << "        … et " << c.missing.size() - 3 << " autres points (--json)\n";
        }
      }
    }
  }
}

}  // namespace

int RunMap(const std::vector<std::string>& argv) {
  auto args =
      ParseArgs(argv, {{"--json", "--replace"}, {"--candidate", "--target", "--thesaurus"}});
  if (!args.ok()) return UsageError(args.status().message(), "map");
  MappingRequest request;
  request.workspace_root = WorkspaceRoot(*args);
  request.target = args->Get("--target");
  if (request.target.empty()) return UsageError("indiquez la certification visée (--target)", "map");
  request.thesaurus_files = args->GetAll("--thesaurus");
  if (args->positional.size() > 1) return UsageError("un seul fichier de dossier à la fois", "map");
  auto candidate = CandidateOption(*args);
  if (!candidate.ok()) return UsageError(candidate.status().message(), "map");
  request.candidate = *candidate;
  if (args->positional.size() == 1) {
    const std::string& file = args->positional[0];
    if (request.candidate.empty()) request.candidate = CandidateIdFromFileName(file);
    bool unchanged = false;
    auto indexed = IndexDossierFile(
        request.workspace_root, file, request.candidate,
        args->Has("--replace") ? ExistingDossier::kReplace : ExistingDossier::kKeep, &unchanged);
    if (!indexed.ok()) return Fail(indexed.status());
    if (!args->Has("--json"))
      std::cout << "Dossier " << indexed->dossier
                << (unchanged ? " déjà indexé, inchangé, pour le candidat " : " indexé pour le candidat ")
                << request.candidate << ".\n\n";
  } else {
    if (args->Has("--replace"))
      return UsageError("--replace ne s'emploie qu'avec un fichier de dossier", "map");
    if (request.candidate.empty())
      return UsageError("indiquez un candidat (--candidate) ou un fichier de dossier", "map");
  }
  auto run = RunMapping(request);
  if (!run.ok()) return Fail(run.status());
  if (args->Has("--json")) {
    PrintJson(MappingToJson(run->result));
  } else {
    PrintText(*run);
  }
  return kExitOk;
}

}  // namespace passerelle::cli
