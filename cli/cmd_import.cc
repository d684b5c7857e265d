// passerelle import FILE...
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/cli.h"
#include "cli/progress.h"
#include "engine/catalog.h"
#include "engine/certification_index.h"
#include "engine/text.h"
#include "engine/workspace.h"
#include "engine/workspace_batch.h"
#include "engine/workspace_lock.h"
#include "engine/workspace_supplements.h"
#include "importers/document_import.h"
#include "importers/reac_supplement.h"
#include "importers/rncp_xml_import.h"

namespace passerelle::cli {

const char kImportHelp[] =
    "Usage : passerelle import FICHIER... [--format auto|rncp|reac] [--json]\n\n"
    "Importe des référentiels dans l'espace de travail : fiches RNCP ou RS (texte\n"
    "extrait du PDF ou PDF), REAC et RE de titres professionnels, fichiers canoniques\n"
    "de referentiels/, et l'export open data de France Compétences (fichier XML\n"
    "export_fiches_RNCP_V4_1_<date>.xml ou son jumeau RS, ou l'archive .zip\n"
    "téléchargée). Le type est reconnu d'après le contenu ; --format le force.\n"
    "Une certification déjà présente est mise à jour. Un RE ou un RC publié à part\n"
    "complète son titre (modalités, durées, critères), que le REAC soit importé\n"
    "avant ou après ; sans le REAC, il attend dans l'espace de travail. Si un\n"
    "fichier est illisible, rien n'est importé et l'espace de travail reste tel quel.\n\n"
    "Export open data : chaque fiche est ajoutée, mise à jour ou laissée inchangée ;\n"
    "les fiches d'un export précédent du même répertoire (RNCP ou RS) absentes du\n"
    "nouvel export sont marquées inactives (jamais supprimées). Les fiches sans\n"
    "NUMERO_FICHE sont ignorées et signalées ; une fiche en double est importée une\n"
    "fois (la dernière occurrence l'emporte) et signalée. Sur un terminal, une ligne\n"
    "de progression indique les fiches lues, le débit et le temps restant.\n\n"
    "Options :\n"
    "  --format F   auto (défaut), rncp (fiche RNCP/RS) ou reac (titre professionnel)\n"
    "  --json       résumé en JSON (voir docs/cli-json.md) : {\"imported\":[...],\n"
    "               \"exports\":[...],\"deactivated\":[...],\"summary\":{...}}\n\n"
    "Exemples :\n"
    "  passerelle import rncp35697.pdf tp00211-reac.txt\n"
    "  passerelle import export_fiches_RNCP_V4_1_2026-11-20.zip\n";

namespace {

struct Pending {
  std::string file;
  Certification cert;
  SaveOutcome outcome = SaveOutcome::kAdded;
};

// A standalone RE or RC and what became of it.
struct PendingSupplement {
  std::string file;
  Certification supplement;
  bool merged = false;  // its titre was written with it; else it waits
};

// What the whole run did, for the report.
struct ImportSummary {
  std::vector<Pending> documents;
  std::vector<PendingSupplement> supplements;
  std::vector<ExportReport> exports;
  std::vector<CertificationId> deactivated;
};

const char* OutcomeText(SaveOutcome o) {
  switch (o) {
    case SaveOutcome::kAdded:
      return "ajoutée";
    case SaveOutcome::kUpdated:
      return "mise à jour";
    case SaveOutcome::kUnchanged:
      return "inchangée";
  }
  return "";
}

const char* OutcomeJson(SaveOutcome o) {
  switch (o) {
    case SaveOutcome::kAdded:
      return "added";
    case SaveOutcome::kUpdated:
      return "updated";
    case SaveOutcome::kUnchanged:
      return "unchanged";
  }
  return "";
}

// Parses every file; returns false (messages printed) if any failed. The
// importers' remarks go to stderr.
bool ParseAll(const std::vector<std::string>& files, DocumentFormat format, ImportSummary* run) {
  bool ok = true;
  for (const std::string& file : files) {
    auto doc = ImportDocumentFile(file, format);
    if (!doc.ok()) {
      Fail(doc.status());
      ok = false;
      continue;
    }
    for (const std::string& note : doc->notes)
      std::cerr << "passerelle : " << file << " : remarque : " << note << "\n";
    for (Certification& c : doc->certifications) run->documents.push_back({file, std::move(c)});
    for (Certification& c : doc->supplements) run->supplements.push_back({file, std::move(c)});
  }
  return ok;
}

// "RE" or "RC".
std::string SupplementLabel(const Certification& supplement) {
  return StartsWith(supplement.source_format, "rc") ? "RC" : "RE";
}

// The supplements of `id`: those stored in the workspace, replaced by those
// of this run of the same kind; RE before RC.
Result<std::vector<Certification>> SupplementsOf(const Workspace& workspace,
                                                 const CertificationId& id,
                                                 const std::vector<PendingSupplement>& run) {
  auto stored = LoadSupplements(workspace, id);
  if (!stored.ok()) return stored.status();
  std::vector<Certification> out;
  for (const char* kind : {"RE", "RC"}) {
    const Certification* chosen = nullptr;
    for (const Certification& c : *stored)
      if (SupplementLabel(c) == kind) chosen = &c;
    for (const PendingSupplement& p : run)
      if (p.supplement.id == id && SupplementLabel(p.supplement) == kind) chosen = &p.supplement;
    if (chosen) out.push_back(*chosen);
  }
  return out;
}

void Merge(const std::vector<Certification>& supplements, Certification* titre) {
  std::vector<std::string> notes;
  for (const Certification& s : supplements) MergeReacSupplement(s, *titre, &notes);
  for (const std::string& note : notes) std::cerr << "passerelle : remarque : " << note << "\n";
}

// Merges the RE and RC into their titres: the titres of this run, then the
// titres already in the workspace (written again with them). A supplement
// whose titre is in neither waits in the workspace.
Status MergeSupplements(const Workspace& workspace, ImportSummary* run) {
  for (Pending& p : run->documents) {
    if (p.cert.kind != CertificationKind::kTp) continue;
    auto supplements = SupplementsOf(workspace, p.cert.id, run->supplements);
    if (!supplements.ok()) return supplements.status();
    Merge(*supplements, &p.cert);
  }
  for (PendingSupplement& s : run->supplements) {
    const CertificationId& id = s.supplement.id;
    const bool in_run = std::any_of(run->documents.begin(), run->documents.end(),
                                    [&](const Pending& p) { return p.cert.id == id; });
    if (!in_run && workspace.Contains(id)) {
      auto titre = workspace.Load(id);
      if (!titre.ok()) return titre.status();
      auto supplements = SupplementsOf(workspace, id, run->supplements);
      if (!supplements.ok()) return supplements.status();
      Merge(*supplements, &titre.value());
      run->documents.push_back({s.file, std::move(titre).value()});
    }
    s.merged = in_run || workspace.Contains(id);
  }
  return Status::OK();
}

std::string Plural(size_t n, const std::string& word) {
  return FormatCount(n) + " " + word + (n > 1 ? "s" : "");
}

// ---- text report ----

void PrintDocuments(const std::vector<Pending>& documents) {
  for (const Pending& p : documents) {
    const Certification& c = p.cert;
    // The titre's own blocs and competences, as `certifications` counts
    // them; its CCS (optional specialisations) apart.
    const CatalogEntry own = Summarize(c);
    std::string counts = Plural(own.blocs, "bloc") + ", " + Plural(own.competences, "compétence");
    if (own.blocs < c.blocs.size())
      counts += ", plus " + FormatCount(c.blocs.size() - own.blocs) + " CCS (" +
                Plural(c.competences.size() - own.competences, "compétence") + ")";
    std::cout << std::filesystem::path(p.file).filename().string() << " : " << c.id.value << " « "
              << c.title << " » — " << counts << " — " << OutcomeText(p.outcome) << "\n";
  }
}

constexpr size_t kListedAtMost = 20;  // skipped / duplicated / deactivated named

void PrintExport(const ExportReport& r) {
  std::cout << std::filesystem::path(r.file).filename().string() << " : export France Compétences"
            << (r.flux_version.empty() ? "" : " (flux " + r.flux_version + ")") << ", "
            << Plural(r.fiches, "fiche") << " — " << FormatCount(r.added) << " ajoutée(s), "
            << FormatCount(r.updated) << " mise(s) à jour, " << FormatCount(r.unchanged)
            << " inchangée(s)\n";
  if (!r.skipped.empty()) {
    std::cout << "  " << Plural(r.skipped.size(), "fiche") << " ignorée(s) :\n";
    for (size_t i = 0; i < r.skipped.size() && i < kListedAtMost; ++i)
      std::cout << "    fiche n° " << r.skipped[i].position << " (ligne " << r.skipped[i].line
                << ") : " << r.skipped[i].reason << "\n";
    if (r.skipped.size() > kListedAtMost) std::cout << "    …\n";
  }
  if (!r.duplicates.empty()) {
    std::cout << "  " << Plural(r.duplicates.size(), "fiche")
              << " en double (la dernière occurrence est retenue) :\n";
    for (size_t i = 0; i < r.duplicates.size() && i < kListedAtMost; ++i) {
      std::cout << "    " << r.duplicates[i].id.value << " : fiches n°";
      for (size_t p : r.duplicates[i].positions) std::cout << " " << p;
      std::cout << "\n";
    }
    if (r.duplicates.size() > kListedAtMost) std::cout << "    …\n";
  }
}

struct Totals {
  size_t added = 0, updated = 0, unchanged = 0, skipped = 0, duplicates = 0;
};

Totals Total(const ImportSummary& run) {
  Totals t;
  for (const Pending& p : run.documents) {
    t.added += p.outcome == SaveOutcome::kAdded;
    t.updated += p.outcome == SaveOutcome::kUpdated;
    t.unchanged += p.outcome == SaveOutcome::kUnchanged;
  }
  for (const ExportReport& r : run.exports) {
    t.added += r.added;
    t.updated += r.updated;
    t.unchanged += r.unchanged;
    t.skipped += r.skipped.size();
    t.duplicates += r.duplicates.size();
  }
  return t;
}

void PrintSupplements(const std::vector<PendingSupplement>& supplements) {
  for (const PendingSupplement& p : supplements) {
    const Certification& s = p.supplement;
    std::cout << std::filesystem::path(p.file).filename().string() << " : " << SupplementLabel(s)
              << " de " << s.id.value << " — " << Plural(s.blocs.size(), "section")
              << " d'évaluation, " << Plural(s.competences.size(), "compétence")
              << " avec critères — ";
    if (p.merged)
      std::cout << "fusionné dans " << s.id.value << "\n";
    else
      std::cout << "en attente : " << s.id.value
                << " n'est pas dans l'espace de travail ; il sera complété à l'import de son "
                   "REAC\n";
  }
}

void PrintText(const ImportSummary& run) {
  PrintDocuments(run.documents);
  PrintSupplements(run.supplements);
  for (const ExportReport& r : run.exports) PrintExport(r);
  if (run.exports.empty()) return;
  if (!run.deactivated.empty()) {
    std::cout << Plural(run.deactivated.size(), "certification")
              << " absente(s) du nouvel export, marquée(s) inactive(s) :";
    for (size_t i = 0; i < run.deactivated.size() && i < kListedAtMost; ++i)
      std::cout << " " << run.deactivated[i].value;
    std::cout << (run.deactivated.size() > kListedAtMost ? " …\n" : "\n");
  }
  const Totals t = Total(run);
  std::cout << "Bilan : " << FormatCount(t.added) << " ajoutée(s), " << FormatCount(t.updated)
            << " mise(s) à jour, " << FormatCount(t.unchanged) << " inchangée(s), "
            << FormatCount(run.deactivated.size()) << " désactivée(s)\n";
}

// ---- JSON report ----

nlohmann::json ExportJson(const ExportReport& r) {
  nlohmann::json skipped = nlohmann::json::array(), duplicates = nlohmann::json::array();
  for (const SkippedFiche& s : r.skipped)
    skipped.push_back({{"position", s.position}, {"line", s.line}, {"reason", s.reason}});
  for (const DuplicateFiche& d : r.duplicates)
    duplicates.push_back({{"id", d.id.value}, {"positions", d.positions}});
  return {{"file", r.file},     {"flux", r.flux_version},  {"fiches", r.fiches},
          {"added", r.added},   {"updated", r.updated},    {"unchanged", r.unchanged},
          {"skipped", skipped}, {"duplicates", duplicates}};
}

void PrintJsonReport(const ImportSummary& run) {
  nlohmann::json imported = nlohmann::json::array(), exports = nlohmann::json::array(),
                 deactivated = nlohmann::json::array();
  for (const Pending& p : run.documents)
    imported.push_back({{"file", p.file},
                        {"id", p.cert.id.value},
                        {"blocs", p.cert.blocs.size()},
                        {"competences", p.cert.competences.size()},
                        {"status", OutcomeJson(p.outcome)}});
  for (const ExportReport& r : run.exports) exports.push_back(ExportJson(r));
  for (const CertificationId& id : run.deactivated) deactivated.push_back(id.value);
  nlohmann::json supplements = nlohmann::json::array();
  for (const PendingSupplement& p : run.supplements)
    supplements.push_back({{"file", p.file},
                           {"id", p.supplement.id.value},
                           {"kind", SupplementLabel(p.supplement) == "RC" ? "rc" : "re"},
                           {"status", p.merged ? "merged" : "waiting"}});
  const Totals t = Total(run);
  PrintJson({{"imported", imported},
             {"supplements", supplements},
             {"exports", exports},
             {"deactivated", deactivated},
             {"summary",
              {{"added", t.added},
               {"updated", t.updated},
               {"unchanged", t.unchanged},
               {"deactivated", run.deactivated.size()},
               {"skipped", t.skipped},
               {"duplicates", t.duplicates}}}});
}

// ---- the run ----

// Streams the exports into the batch, then deactivates what they no longer
// hold. Errors are returned; the caller aborts the batch.
Status ImportExports(const std::vector<std::string>& files, const Workspace& workspace,
                     WorkspaceBatch* batch, bool json, ImportSummary* run) {
  OpenDataImport import(batch);
  ProgressLine progress(ProgressWanted(json));
  for (const std::string& file : files) {
    auto reports =
        import.ImportFile(file, [&](const ImportProgress& p) { progress.Update(file, p); });
    progress.Clear();
    if (!reports.ok()) return reports.status();
    for (ExportReport& r : *reports) run->exports.push_back(std::move(r));
  }
  if (files.empty()) return Status::OK();
  auto deactivated = import.DeactivateMissing(workspace);
  if (!deactivated.ok()) return deactivated.status();
  run->deactivated = std::move(deactivated).value();
  return Status::OK();
}

// Stages the parsed documents and the exports, then commits. `*published`
// tells whether files were renamed into place before a failure.
Status Write(const std::string& root, const std::vector<std::string>& exports, bool json,
             ImportSummary* run, bool* published) {
  auto lock = WorkspaceLock::Acquire(root);
  if (!lock.ok()) return lock.status();
  RealFileSystem disk;
  Workspace workspace(&disk, root);
  // The content index suggest shortlists with, published after the catalog.
  CertificationIndexer indexer(root, workspace.StagingDir());
  ProgressLine indexing(ProgressWanted(json));
  indexer.SetProgress([&](size_t done, size_t total) {
    indexing.Update("index des référentiels", {done, done, total});
  });
  Status merged = MergeSupplements(workspace, run);
  if (!merged.ok()) return merged;
  auto batch = WorkspaceBatch::Begin(&workspace, &indexer);
  if (!batch.ok()) return batch.status();
  for (Pending& p : run->documents) {
    auto outcome = (*batch)->Stage(p.cert);
    if (!outcome.ok()) return outcome.status();
    p.outcome = *outcome;
  }
  Status s = ImportExports(exports, workspace, batch->get(), json, run);
  if (!s.ok()) return s;
  s = (*batch)->Commit();
  *published = (*batch)->published();
  if (!s.ok()) return s;
  // Kept after the titres are written, so that a later import of the REAC
  // merges them again (and finds those that wait).
  for (const PendingSupplement& p : run->supplements) {
    s = SaveSupplement(workspace, p.supplement);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace

int RunImport(const std::vector<std::string>& argv) {
  auto args = ParseArgs(argv, {{"--json"}, {"--format"}});
  if (!args.ok()) return UsageError(args.status().message(), "import");
  if (args->positional.empty()) return UsageError("aucun fichier à importer", "import");
  auto format = ParseDocumentFormat(args->Get("--format", "auto"));
  if (!format.ok()) return UsageError(format.status().message(), "import");

  std::vector<std::string> exports, documents;
  for (const std::string& file : args->positional)
    (*format == DocumentFormat::kAuto && IsOpenDataExportFile(file) ? exports : documents)
        .push_back(file);
  ImportSummary run;
  if (!ParseAll(documents, *format, &run)) {
    std::cerr << "passerelle : rien n'a été importé ; l'espace de travail est inchangé\n";
    return kExitFailure;
  }
  const bool json = args->Has("--json");
  bool published = false;
  Status s = Write(WorkspaceRoot(*args), exports, json, &run, &published);
  if (!s.ok()) {
    Fail(s);
    if (!published)
      std::cerr << "passerelle : rien n'a été importé ; l'espace de travail est inchangé\n";
    return kExitFailure;
  }
  if (json)
    PrintJsonReport(run);
  else
    PrintText(run);
  return kExitOk;
}

}  // namespace passerelle::cli
