// What `map` and `report` share: indexing a dossier file for a candidate,
// and mapping a candidate of the workspace onto a certification with the
// built-in and the user's thesauri.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/dossier_index.h"
#include "engine/mapping_result.h"
#include "engine/mapping_session.h"
#include "engine/status.h"

namespace passerelle::cli {

// Reads the dossier at `path` and indexes it for `candidate` (replacing a
// previous version), in one transaction.
Result<CandidateSummary> IndexDossierFile(const std::string& workspace_root,
                                          const std::string& path, const std::string& candidate);

// A candidate id from a file name: its stem, characters outside letters,
// digits, '-', '_' and '.' replaced by '-', at most 64 characters.
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

struct MappingRun {
  Certification target;
  MappingResult result;
};

// NotFound for an unknown candidate or certification, InvalidArgument for a
// bad thesaurus file.
Result<MappingRun> RunMapping(const MappingRequest& request);

}  // namespace passerelle::cli
