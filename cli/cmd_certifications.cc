// passerelle certifications
#include <iostream>

#include "cli/cli.h"
#include "engine/workspace.h"

namespace passerelle::cli {

const char kCertificationsHelp[] =
    "Usage : passerelle certifications [--json]\n\n"
    "Liste les certifications de l'espace de travail avec leur type, leur niveau,\n"
    "leurs nombres de blocs et de compétences et leur état.\n\n"
    "Options :\n"
    "  --json   [{\"id\",\"kind\",\"title\",\"level\",\"blocs\",\"competences\",\"active\"}]\n\n"
    "Exemple :\n"
    "  passerelle certifications --workspace ~/vae\n";

namespace {

std::string ActiveText(const std::optional<bool>& active) {
  if (!active) return "?";
  return *active ? "oui" : "non";
}

nlohmann::json ActiveJson(const std::optional<bool>& active) {
  return active ? nlohmann::json(*active) : nlohmann::json(nullptr);
}

void PrintTable(const std::vector<Certification>& certs) {
  if (certs.empty()) {
    std::cout << "Aucune certification dans l'espace de travail. "
                 "Importez-en avec « passerelle import FICHIER ».\n";
    return;
  }
  std::cout << PadRight("Identifiant", 12) << PadRight("Type", 6) << PadRight("Niveau", 8)
            << PadRight("Blocs", 7) << PadRight("Compétences", 13) << PadRight("Active", 8)
            << "Intitulé\n";
  for (const Certification& c : certs) {
    std::cout << PadRight(c.id.value, 12) << PadRight(KindName(c.kind), 6)
              << PadRight(c.level ? std::to_string(c.level) : "-", 8)
              << PadRight(std::to_string(c.blocs.size()), 7)
              << PadRight(std::to_string(c.competences.size()), 13)
              << PadRight(ActiveText(c.active), 8) << c.title << "\n";
  }
}

}  // namespace

int RunCertifications(const std::vector<std::string>& argv) {
  auto args = ParseArgs(argv, {{"--json"}, {}});
  if (!args.ok()) return UsageError(args.status().message(), "certifications");
  if (!args->positional.empty())
    return UsageError("argument inattendu : " + args->positional[0], "certifications");
  RealFileSystem disk;
  Workspace workspace(&disk, WorkspaceRoot(*args));
  auto certs = workspace.LoadAll();
  if (!certs.ok()) return Fail(certs.status());
  if (!args->Has("--json")) {
    PrintTable(*certs);
    return kExitOk;
  }
  nlohmann::json out = nlohmann::json::array();
  for (const Certification& c : *certs)
    out.push_back({{"id", c.id.value},
                   {"kind", KindName(c.kind)},
                   {"title", c.title},
                   {"level", c.level ? nlohmann::json(c.level) : nlohmann::json(nullptr)},
                   {"blocs", c.blocs.size()},
                   {"competences", c.competences.size()},
                   {"active", ActiveJson(c.active)}});
  PrintJson(out);
  return kExitOk;
}

}  // namespace passerelle::cli
