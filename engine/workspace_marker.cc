#include "engine/workspace_marker.h"

#include <sys/stat.h>

#include <cerrno>
#include <filesystem>

#include "engine/file_system.h"
#include "engine/text.h"

namespace passerelle {

namespace fs = std::filesystem;

namespace {

constexpr const char* kMarkerHeader = "passerelle-workspace\t";

std::string MarkerPath(const std::string& root) { return root + "/" + kWorkspaceMarkerName; }

// Entries an earlier Passerelle may have left in a workspace folder
// (docs/workspace.md): with only these, a folder without marker is one.
bool IsLegacyEntry(const std::string& name) {
  static const char* const kNames[] = {"lock",         "catalog",   "certifications",
                                       "staging",      "index",     "index.compact",
                                       "index.old",    "referentiels.xapian"};
  for (const char* known : kNames)
    if (name == known) return true;
  return StartsWith(name, "catalog.tmp-") || StartsWith(name, std::string(kWorkspaceMarkerName) + ".tmp-");
}

Status NotAWorkspace(const std::string& root, const std::string& entry) {
  return Status::InvalidArgument(
      "le dossier " + root + " n'est pas un espace de travail Passerelle (il contient « " +
      RepairUtf8(entry) +
      " ») ; indiquez avec --workspace un dossier nouveau ou vide, ou un espace de travail "
      "existant");
}

// The names are right; the content must be too: a catalog of ours, and in
// staging/ only the temporaries of an import (what Begin removes).
Status CheckLegacyContent(const std::string& root) {
  std::error_code ec;
  const std::string catalog = root + "/catalog";
  if (fs::exists(catalog, ec)) {
    auto head = RealFileSystem().ReadFile(catalog);
    if (!head.ok() || !StartsWith(*head, "passerelle-catalog\t")) return NotAWorkspace(root, "catalog");
  }
  for (fs::directory_iterator it(root + "/staging", ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.find(".tmp-") == std::string::npos) return NotAWorkspace(root, "staging/" + name);
  }
  return Status::OK();
}

Result<WorkspaceState> ReadMarker(const std::string& root) {
  RealFileSystem disk;
  auto text = disk.ReadFile(MarkerPath(root));
  if (!text.ok()) return text.status();
  const std::string line = Trim(*text);
  if (!StartsWith(line, kMarkerHeader))
    return Status::Corruption("espace de travail " + root + " : fichier " + kWorkspaceMarkerName +
                              " endommagé");
  int version = 0;
  try {
    version = std::stoi(line.substr(std::string(kMarkerHeader).size()));
  } catch (...) {
    version = 0;
  }
  if (version < 1)
    return Status::Corruption("espace de travail " + root + " : fichier " + kWorkspaceMarkerName +
                              " endommagé");
  if (version > kWorkspaceFormatVersion)
    return Status::Unsupported("espace de travail " + root + " : format " +
                               std::to_string(version) +
                               ", plus récent que cette version de Passerelle (format " +
                               std::to_string(kWorkspaceFormatVersion) +
                               ") ; mettez Passerelle à jour");
  return WorkspaceState::kMarked;
}

}  // namespace

Result<WorkspaceState> InspectWorkspace(const std::string& root) {
  std::error_code ec;
  const fs::file_status status = fs::status(root, ec);
  if (ec || status.type() == fs::file_type::not_found) {
    if (status.type() == fs::file_type::not_found) return WorkspaceState::kMissing;
    return Status::IOError("espace de travail " + root + " : inaccessible (" + ec.message() + ")");
  }
  if (status.type() != fs::file_type::directory)
    return Status::InvalidArgument("espace de travail " + root +
                                   " : ce n'est pas un dossier (--workspace attend un dossier)");
  if (fs::exists(MarkerPath(root), ec)) return ReadMarker(root);
  bool empty = true;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    empty = false;
    const std::string name = it->path().filename().string();
    if (!IsLegacyEntry(name)) return NotAWorkspace(root, name);
  }
  if (ec)
    return Status::IOError("espace de travail " + root + " : lecture impossible (" +
                           ec.message() + ")");
  if (empty) return WorkspaceState::kEmpty;
  Status s = CheckLegacyContent(root);
  if (!s.ok()) return s;
  return WorkspaceState::kLegacy;
}

Status CheckWorkspaceForReading(const std::string& root) {
  auto state = InspectWorkspace(root);
  if (!state.ok()) return state.status();
  if (*state == WorkspaceState::kMissing)
    return Status::NotFound("espace de travail " + root +
                            " introuvable (importez d'abord des référentiels ou indexez un "
                            "dossier, ou indiquez le bon dossier avec --workspace)");
  return Status::OK();
}

Result<WorkspaceState> PrepareWorkspaceForWriting(const std::string& root) {
  auto state = InspectWorkspace(root);
  if (!state.ok() || *state != WorkspaceState::kMissing) return state;
  RealFileSystem disk;
  Status s = disk.MakeDirs(root);
  if (!s.ok()) return s;
  return WorkspaceState::kEmpty;
}

Status MarkWorkspace(const std::string& root) {
  RealFileSystem disk;
  return WriteFileAtomic(disk, MarkerPath(root),
                         std::string(kMarkerHeader) + std::to_string(kWorkspaceFormatVersion) + "\n");
}

}  // namespace passerelle
