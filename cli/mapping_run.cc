#include "cli/mapping_run.h"

#include <algorithm>
#include <filesystem>

#include "cli/certification_lookup.h"
#include "engine/comparison_corpus.h"
#include "engine/certification_index.h"
#include "engine/file_system.h"
#include "engine/french_analyzer.h"
#include "engine/mapping_session.h"
#include "engine/text.h"
#include "engine/workspace.h"
#include "engine/text.h"
#include "engine/workspace_lock.h"
#include "importers/dossier_reader.h"
#include "importers/text_decode.h"

namespace passerelle::cli {

namespace {

// A thesaurus is a small text file; anything bigger is a mistake.
constexpr size_t kMaxThesaurusBytes = 16 << 20;

// Out-of-domain certifications read for the mapping's word statistics. Every
// one of them on a workspace of a few hundred referentiels; a cross-section
// of trades on the national register (about 0.3 s of reading).
constexpr size_t kMaxMappingCorpus = 300;

}  // namespace

namespace {

bool SamePassages(const std::vector<IndexedPassage>& stored, const std::vector<PassageInput>& fresh,
                  const std::string& dossier) {
  if (stored.size() != fresh.size()) return false;
  for (size_t i = 0; i < stored.size(); ++i) {
    const IndexedPassage& a = stored[i];
    const PassageInput& b = fresh[i];
    if (a.dossier != dossier || a.paragraph != b.paragraph || a.page != b.page ||
        a.part != b.part || a.heading != b.heading || a.text != b.text)
      return false;
  }
  return true;
}

}  // namespace

Result<CandidateSummary> IndexDossierFile(const std::string& workspace_root,
                                          const std::string& path, const std::string& candidate,
                                          ExistingDossier existing, bool* unchanged) {
  if (unchanged) *unchanged = false;
  auto dossier = ReadDossierFile(path);
  if (!dossier.ok()) return dossier.status();
  CandidateSummary summary;
  summary.candidate = candidate;
  summary.dossier = std::filesystem::path(path).filename().string();
  summary.format = dossier->format;
  summary.words = dossier->words;
  std::vector<PassageInput> passages;
  for (const Passage& p : dossier->passages)
    passages.push_back({p.paragraph, p.page, p.sentence_part, p.heading, p.text});
  summary.passages = static_cast<uint32_t>(passages.size());
  // Reader errors name the file; index errors do not, so say which file
  // was left out.
  const std::string not_indexed = "fichier " + path + " non indexé : ";
  auto index = DossierIndex::OpenForWriting(workspace_root);
  if (!index.ok()) return index.status().WithContext(not_indexed);
  if (existing == ExistingDossier::kKeep && (*index)->HasCandidate(candidate)) {
    auto stored = (*index)->PassagesOf(candidate);
    if (!stored.ok()) return stored.status().WithContext(not_indexed);
    if (SamePassages(*stored, passages, summary.dossier)) {
      if (unchanged) *unchanged = true;
      return summary;
    }
    const std::string stored_name = stored->empty() ? "" : stored->front().dossier;
    return Status::InvalidArgument(
        not_indexed + "le candidat « " + candidate + " » a déjà un dossier indexé (" +
        stored_name + ") ; --replace le remplace par ce fichier, --candidate ID l'indexe sous "
        "un autre identifiant, et map --candidate " + candidate +
        " utilise le dossier déjà indexé");
  }
  FrenchAnalyzer analyzer;
  Status s = (*index)->AddDossier(candidate, summary, passages, analyzer);
  if (!s.ok()) return s.WithContext(not_indexed);
  return summary;
}

std::string CandidateIdFromFileName(const std::string& path) {
  // "été.txt" and "ôté.txt" must not both become "-t": accents go first.
  const std::string stem = FoldForMatch(RepairUtf8(std::filesystem::path(path).stem().string()));
  std::string id;
  for (char c : stem) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (ok && (!id.empty() || (c != '.' && c != '-'))) id += c;
    else if (!id.empty() && id.back() != '-') id += '-';
    if (id.size() >= kMaxCandidateIdBytes) break;
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return IsValidCandidateId(id) ? id : "candidat";
}

namespace {

Result<std::vector<MappingSession::ThesaurusText>> ReadThesauri(
    const std::vector<std::string>& files) {
  std::vector<MappingSession::ThesaurusText> thesauri;
  for (const std::string& file : files) {
    auto bytes = ReadInputFile(file, kMaxThesaurusBytes);
    if (!bytes.ok()) return bytes.status();
    auto text = DecodeText(*bytes, file);
    if (!text.ok()) return text.status();
    thesauri.emplace_back(file, std::move(*text));
  }
  return thesauri;
}

// The candidate's passages, a session with `thesauri`, the analysis.
Result<CandidateDossier> OpenDossier(const std::string& workspace_root,
                                     const std::string& candidate,
                                     const std::vector<MappingSession::ThesaurusText>& thesauri) {
  auto index = DossierIndex::OpenForReading(workspace_root);
  if (!index.ok()) return index.status();
  if (!(*index)->HasCandidate(candidate)) return UnknownCandidate(**index, candidate);
  auto passages = (*index)->PassagesOf(candidate);
  if (!passages.ok()) return passages.status();
  auto session = MappingSession::Create(thesauri);
  if (!session.ok()) return session.status();
  CandidateDossier dossier;
  dossier.candidate = candidate;
  dossier.session = std::move(*session);
  dossier.passages = std::move(*passages);
  dossier.analysis = dossier.session->Analyze(dossier.passages);
  return dossier;
}

// The certifications that teach map and suggest which words every trade
// uses: at most kMaxMappingCorpus spread over the catalog (all of them on a
// smaller workspace), so that a workspace holding the national register
// reads a cross-section of trades, not 25,600 files. Each target keeps those
// outside its domain (SpecificityCorpus::For, docs/mapping.md).
std::vector<Certification> SpecificitySample(const Workspace& workspace, const Catalog& catalog) {
  return workspace.LoadReadable(ComparisonCorpusIds(catalog, {}, kMaxMappingCorpus));
}

std::vector<const Certification*> Pointers(const std::vector<Certification>& certs) {
  std::vector<const Certification*> out;
  for (const Certification& c : certs) out.push_back(&c);
  return out;
}

std::string Certifications(size_t n) {
  return std::to_string(n) + (n > 1 ? " certifications analysées" : " certification analysée");
}

// The content index matching `catalog`, repaired under the writer lock when
// missing or stale (an import that failed to publish it, a workspace of an
// earlier version, files changed by hand). Null when it cannot be had, with
// `*note` saying why: the shortlist then uses titles only.
std::unique_ptr<CertificationIndex> ContentIndexFor(const Workspace& workspace,
                                                    const Catalog& catalog, std::string* note) {
  const std::string titles_only = " ; présélection sur les seuls intitulés";
  {
    auto index = CertificationIndex::Open(workspace.root());
    if (index.ok() && (*index)->Matches(catalog)) return std::move(*index);
  }
  auto lock = WorkspaceLock::Acquire(workspace.root());
  if (!lock.ok()) {
    *note = "index des référentiels absent ou périmé, et une autre commande écrit dans "
            "l'espace de travail" +
            titles_only;
    return nullptr;
  }
  CertificationIndexer indexer(workspace.root(), workspace.StagingDir());
  IndexPublication done;
  Status s = indexer.Publish(workspace, catalog, &done);
  auto index = s.ok() ? CertificationIndex::Open(workspace.root())
                      : Result<std::unique_ptr<CertificationIndex>>(s);
  if (!index.ok()) {
    *note =
        "index des référentiels non reconstruit (" + index.status().message() + ")" + titles_only;
    return nullptr;
  }
  *note = "index des référentiels mis à jour : " + Certifications(done.repaired) +
          (done.removed ? ", " + std::to_string(done.removed) + " retirée(s)" : "");
  return std::move(*index);
}

Result<Suggestions> SuggestIn(const Workspace& workspace, const Catalog& catalog,
                              const std::vector<Certification>& sample,
                              const CandidateDossier& dossier, const SuggestOptions& options) {
  // A workspace no larger than the shortlist is examined whole: no index.
  std::string note;
  std::unique_ptr<CertificationIndex> index;
  if (catalog.size() > options.shortlist) index = ContentIndexFor(workspace, catalog, &note);
  auto suggestions = SuggestCertifications(
      *dossier.session, catalog, index.get(),
      [&](const CertificationId& id) { return workspace.Load(id); }, Pointers(sample),
      dossier.candidate, dossier.passages, dossier.analysis, options);
  if (suggestions.ok()) suggestions->note = note;
  return suggestions;
}

}  // namespace

Status UnknownCandidate(const DossierIndex& index, const std::string& candidate) {
  std::string message = "candidat « " + candidate + " » absent de l'index";
  auto known = index.Candidates();
  std::vector<std::string> ids;
  if (known.ok())
    for (const CandidateSummary& c : *known)
      if (std::find(ids.begin(), ids.end(), c.candidate) == ids.end()) ids.push_back(c.candidate);
  if (ids.empty())
    return Status::NotFound(message + " : aucun dossier n'est indexé (passerelle dossier add "
                                      "FICHIER --candidate " + candidate + ")");
  constexpr size_t kListed = 10;
  std::vector<std::string> nearest = NearestIds(candidate, ids, 1);
  std::string listed = Join(std::vector<std::string>(ids.begin(), ids.begin() + static_cast<long>(
                                                         std::min(ids.size(), kListed))),
                            ", ");
  if (ids.size() > kListed) listed += "… (" + std::to_string(ids.size()) + " en tout)";
  message += nearest.empty() ? "" : " ; le plus proche : " + nearest.front();
  return Status::NotFound(message + " ; candidats indexés : " + listed +
                          " (passerelle dossier list ; pour l'ajouter : passerelle dossier add "
                          "FICHIER --candidate " + candidate + ")");
}

Result<std::unique_ptr<MappingSession>> CreateSession(const std::vector<std::string>& files) {
  auto thesauri = ReadThesauri(files);
  if (!thesauri.ok()) return thesauri.status();
  return MappingSession::Create(*thesauri);
}

Result<MappingRun> RunMapping(const MappingRequest& request) {
  auto thesauri = ReadThesauri(request.thesaurus_files);
  if (!thesauri.ok()) return thesauri.status();
  RealFileSystem fs;
  Workspace workspace(&fs, request.workspace_root);
  auto target_id = ResolveCertification(workspace, request.target);
  if (!target_id.ok()) return target_id.status();
  auto target = workspace.Load(*target_id);
  if (!target.ok()) return target.status();
  auto catalog = workspace.LoadCatalog();
  if (!catalog.ok()) return catalog.status();
  auto dossier = OpenDossier(request.workspace_root, request.candidate, *thesauri);
  if (!dossier.ok()) return dossier.status();
  MappingRun run;
  run.dossier = std::move(*dossier);
  run.specificity_sample = SpecificitySample(workspace, *catalog);
  run.catalog = std::move(*catalog);
  const MappingSession& session = *run.dossier.session;
  run.result = session.Map(*session.Prepare(*target, Pointers(run.specificity_sample)),
                           request.candidate, run.dossier.passages, run.dossier.analysis);
  run.target = std::move(*target);
  return run;
}

Result<Suggestions> SuggestFor(const std::string& workspace_root, const MappingRun& run,
                               const SuggestOptions& options) {
  RealFileSystem fs;
  Workspace workspace(&fs, workspace_root);
  return SuggestIn(workspace, run.catalog, run.specificity_sample, run.dossier, options);
}

Result<Suggestions> SuggestFor(const SuggestRequest& request) {
  auto thesauri = ReadThesauri(request.thesaurus_files);
  if (!thesauri.ok()) return thesauri.status();
  RealFileSystem fs;
  Workspace workspace(&fs, request.workspace_root);
  auto catalog = workspace.LoadCatalog();
  if (!catalog.ok()) return catalog.status();
  auto dossier = OpenDossier(request.workspace_root, request.candidate, *thesauri);
  if (!dossier.ok()) return dossier.status();
  return SuggestIn(workspace, *catalog, SpecificitySample(workspace, *catalog), *dossier,
                   request.options);
}

}  // namespace passerelle::cli
