#include "cli/mapping_run.h"

#include <algorithm>
#include <filesystem>

#include "engine/file_system.h"
#include "engine/french_analyzer.h"
#include "engine/mapping_session.h"
#include "engine/workspace.h"
#include "importers/dossier_reader.h"
#include "importers/text_decode.h"

namespace passerelle::cli {

namespace {

// A thesaurus is a small text file; anything bigger is a mistake.
constexpr size_t kMaxThesaurusBytes = 16 << 20;

}  // namespace

Result<CandidateSummary> IndexDossierFile(const std::string& workspace_root,
                                          const std::string& path, const std::string& candidate) {
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
  FrenchAnalyzer analyzer;
  Status s = (*index)->AddDossier(candidate, summary, passages, analyzer);
  if (!s.ok()) return s.WithContext(not_indexed);
  return summary;
}

std::string CandidateIdFromFileName(const std::string& path) {
  std::string stem = std::filesystem::path(path).stem().string();
  std::string id;
  for (char c : stem) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (ok) id += c;
    else if (id.empty() || id.back() != '-') id += '-';
    if (id.size() >= 64) break;
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "candidat" : id;
}

Result<std::unique_ptr<MappingSession>> CreateSession(const std::vector<std::string>& files) {
  std::vector<MappingSession::ThesaurusText> thesauri;
  for (const std::string& file : files) {
    auto bytes = ReadInputFile(file, kMaxThesaurusBytes);
    if (!bytes.ok()) return bytes.status();
    auto text = DecodeText(*bytes, file);
    if (!text.ok()) return text.status();
    thesauri.emplace_back(file, std::move(*text));
  }
  return MappingSession::Create(thesauri);
}

Result<MappingRun> RunMapping(const MappingRequest& request) {
  RealFileSystem fs;
  Workspace workspace(&fs, request.workspace_root);
  auto all = workspace.LoadAll();
  if (!all.ok()) return all.status();
  const CertificationId target_id(request.target);
  auto target = std::find_if(all->begin(), all->end(),
                             [&](const Certification& c) { return c.id == target_id; });
  if (target == all->end()) {
    // Absent: Load() words the message.
    auto loaded = workspace.Load(target_id);
    if (!loaded.ok()) return loaded.status();
    all->push_back(std::move(*loaded));
    target = std::prev(all->end());
  }
  auto index = DossierIndex::OpenForReading(request.workspace_root);
  if (!index.ok()) return index.status();
  if (!(*index)->HasCandidate(request.candidate))
    return Status::NotFound("candidat « " + request.candidate +
                            " » absent de l'index (passerelle dossier add FICHIER --candidate " +
                            request.candidate + ")");
  auto passages = (*index)->PassagesOf(request.candidate);
  if (!passages.ok()) return passages.status();
  std::vector<const Certification*> corpus;
  for (const Certification& c : *all) corpus.push_back(&c);
  auto session = CreateSession(request.thesaurus_files);
  if (!session.ok()) return session.status();
  MappingRun run;
  run.result = (*session)->Map(*target, corpus, request.candidate, *passages);
  run.target = *target;
  return run;
}

}  // namespace passerelle::cli
