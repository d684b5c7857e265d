// What `map` and `report` share: indexing a dossier file for a candidate,
// and mapping a candidate of the workspace onto a certification with the
// built-in and the user's thesauri.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/catalog.h"
#include "engine/certification.h"
#include "engine/certification_suggestions.h"
#include "engine/dossier_index.h"
#include "engine/mapping_session.h"
#include "engine/mapping_result.h"
#include "engine/status.h"

namespace passerelle::cli {

// What IndexDossierFile does when the candidate already has a dossier.
enum class ExistingDossier {
  kReplace,  // `dossier add`, `map FILE --replace`
  // `map FILE`: never replace implicitly. The same file with the same
  // passages is reused as indexed (`*unchanged`); any other dossier is an
  // InvalidArgument that says how to choose (--replace, --candidate).
  kKeep,
};

// NotFound for `candidate`, absent from `index`: the message lists the
// candidates indexed (the nearest first when one is close), or says that
// none is and how to add one.
Status UnknownCandidate(const DossierIndex& index, const std::string& candidate);

// Reads the dossier at `path` and indexes it for `candidate`, in one
// transaction. `unchanged` (may be null) tells that it was already indexed
// as is and nothing was written.
Result<CandidateSummary> IndexDossierFile(const std::string& workspace_root,
                                          const std::string& path, const std::string& candidate,
                                          ExistingDossier existing = ExistingDossier::kReplace,
                                          bool* unchanged = nullptr);

// A candidate id from a file name, always valid (IsValidCandidateId): the
// stem without accents, in lower case, other characters than letters,
// digits, '-', '_' and '.' replaced by '-', no leading '.' or '-', at most
// 64 characters; "candidat" when nothing is left. Different names can give
// the same id ("a b.txt", "a-b.txt"): map FILE never replaces silently.
std::string CandidateIdFromFileName(const std::string& path);

// A session with the built-in thesauri and the user's files (--thesaurus,
// in order). NotFound or InvalidArgument (French, naming the file) for a
// missing, unreadable or malformed thesaurus.
Result<std::unique_ptr<MappingSession>> CreateSession(const std::vector<std::string>& files);

struct MappingRequest {
  std::string workspace_root;
  std::string candidate;
  std::string target;
  std::vector<std::string> thesaurus_files;  // --thesaurus, in order
};

// A candidate's dossier ready for mapping onto any number of targets: the
// session (built-in and user thesauri), the passages and their analysis,
// each made once.
struct CandidateDossier {
  std::string candidate;
  std::unique_ptr<MappingSession> session;
  std::vector<IndexedPassage> passages;
  DossierAnalysis analysis;
};

struct MappingRun {
  Certification target;
  MappingResult result;
  CandidateDossier dossier;  // for further mappings (the report's "Ailleurs")
  // The certifications that measured specificity (docs/mapping.md); suggest
  // uses the same, so that its coverage figures are the map's.
  std::vector<Certification> specificity_sample;
  Catalog catalog;  // the workspace's catalog as the mapping read it
};

// NotFound for an unknown candidate or certification, InvalidArgument for a
// bad thesaurus file.
Result<MappingRun> RunMapping(const MappingRequest& request);

struct SuggestRequest {
  std::string workspace_root;
  std::string candidate;
  std::vector<std::string> thesaurus_files;
  SuggestOptions options;
};

// The certifications and blocs the candidate's dossier covers best
// (engine/certification_suggestions.h). NotFound for an unknown candidate.
Result<Suggestions> SuggestFor(const SuggestRequest& request);

// The same for the dossier and specificity sample of a mapping already run.
Result<Suggestions> SuggestFor(const std::string& workspace_root, const MappingRun& run,
                               const SuggestOptions& options);

}  // namespace passerelle::cli
