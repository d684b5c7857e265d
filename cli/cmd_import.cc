// passerelle import FILE...
#include <filesystem>
#include <iostream>

#include "cli/cli.h"
#include "engine/workspace.h"
#include "engine/workspace_lock.h"
#include "importers/document_import.h"

namespace passerelle::cli {

const char kImportHelp[] =
    "Usage : passerelle import FICHIER... [--format auto|rncp|reac] [--json]\n\n"
    "Importe des référentiels dans l'espace de travail : fiches RNCP ou RS (texte\n"
    "extrait du PDF ou PDF), REAC et RE de titres professionnels, fichiers canoniques\n"
    "de referentiels/. Le type est reconnu d'après le contenu ; --format le force.\n"
    "Une certification déjà présente est mise à jour. Si un fichier est illisible,\n"
    "rien n'est importé et l'espace de travail reste tel quel.\n\n"
    "Options :\n"
    "  --format F   auto (défaut), rncp (fiche RNCP/RS) ou reac (titre professionnel)\n"
    "  --json       résumé en JSON : {\"imported\":[{\"file\",\"id\",\"blocs\",\n"
    "               \"competences\",\"status\":\"added|updated|unchanged\"}]}\n\n"
    "Exemple :\n"
    "  passerelle import rncp35697.pdf tp00211-reac.txt\n";

namespace {

struct Pending {
  std::string file;
  Certification cert;
};

const char* OutcomeText(SaveOutcome o) {
  switch (o) {
    case SaveOutcome::kAdded: return "ajoutée";
    case SaveOutcome::kUpdated: return "mise à jour";
    case SaveOutcome::kUnchanged: return "inchangée";
  }
  return "";
}

const char* OutcomeJson(SaveOutcome o) {
  switch (o) {
    case SaveOutcome::kAdded: return "added";
    case SaveOutcome::kUpdated: return "updated";
    case SaveOutcome::kUnchanged: return "unchanged";
  }
  return "";
}

// Parses every file; returns false (messages printed) if any failed.
bool ParseAll(const std::vector<std::string>& files, DocumentFormat format,
              std::vector<Pending>* pending) {
  bool ok = true;
  for (const std::string& file : files) {
    auto doc = ImportDocumentFile(file, format);
    if (!doc.ok()) {
      Fail(doc.status());
      ok = false;
      continue;
    }
    for (Certification& c : doc->certifications) pending->push_back({file, std::move(c)});
  }
  return ok;
}

void Report(const std::vector<Pending>& pending, const std::vector<SaveOutcome>& outcomes,
            bool json) {
  nlohmann::json list = nlohmann::json::array();
  for (size_t i = 0; i < pending.size(); ++i) {
    const Certification& c = pending[i].cert;
    if (json) {
      list.push_back({{"file", pending[i].file},
                      {"id", c.id.value},
                      {"blocs", c.blocs.size()},
                      {"competences", c.competences.size()},
                      {"status", OutcomeJson(outcomes[i])}});
      continue;
    }
    std::cout << std::filesystem::path(pending[i].file).filename().string() << " : "
              << c.id.value << " « " << c.title << " » — " << c.blocs.size() << " bloc"
              << (c.blocs.size() > 1 ? "s" : "") << ", " << c.competences.size()
              << " compétence" << (c.competences.size() > 1 ? "s" : "") << " — "
              << OutcomeText(outcomes[i]) << "\n";
  }
  if (json) PrintJson({{"imported", list}});
}

}  // namespace

int RunImport(const std::vector<std::string>& argv) {
  auto args = ParseArgs(argv, {{"--json"}, {"--format"}});
  if (!args.ok()) return UsageError(args.status().message(), "import");
  if (args->positional.empty()) return UsageError("aucun fichier à importer", "import");
  auto format = ParseDocumentFormat(args->Get("--format", "auto"));
  if (!format.ok()) return UsageError(format.status().message(), "import");

  std::vector<Pending> pending;
  if (!ParseAll(args->positional, *format, &pending)) {
    std::cerr << "passerelle : rien n'a été importé ; l'espace de travail est inchangé\n";
    return kExitFailure;
  }
  const std::string root = WorkspaceRoot(*args);
  auto lock = WorkspaceLock::Acquire(root);
  if (!lock.ok()) return Fail(lock.status());
  RealFileSystem disk;
  Workspace workspace(&disk, root);
  std::vector<Certification> certs;
  for (const Pending& p : pending) certs.push_back(p.cert);
  std::vector<SaveOutcome> outcomes;
  Status s = workspace.Save(certs, &outcomes);
  if (!s.ok()) return Fail(s);
  Report(pending, outcomes, args->Has("--json"));
  return kExitOk;
}

}  // namespace passerelle::cli
