// The marker that makes a folder a Passerelle workspace: the file
// <workspace>/passerelle-workspace, holding the workspace format version
// (docs/workspace.md, "The marker").
//
// Writers refuse a folder that is not a workspace (so that `--workspace ~`
// never empties someone's staging/ folder or overwrites their catalog) and
// a workspace of a newer format; readers refuse the same and a folder that
// does not exist. A folder written by a Passerelle without markers is
// recognized by its layout and adopted by the next writer.
#pragma once

#include <string>

#include "engine/status.h"

namespace passerelle {

// The format this version reads and writes.
constexpr int kWorkspaceFormatVersion = 1;

// Name of the marker file in the workspace folder.
constexpr const char* kWorkspaceMarkerName = "passerelle-workspace";

// What a folder is, seen from the marker.
enum class WorkspaceState {
  kMissing,  // no such folder
  kEmpty,    // an empty folder: a writer may make it a workspace
  kMarked,   // holds a marker of a supported format
  kLegacy,   // no marker, but only what an earlier Passerelle writes there
};

// Inspects `root` (real disk, read only). Errors, French, naming the
// folder: InvalidArgument when it is a file, or a non-empty folder that is
// not a workspace (the message names an entry that does not belong);
// Unsupported for a newer format; Corruption for a damaged marker.
Result<WorkspaceState> InspectWorkspace(const std::string& root);

// For reading commands: the checks of InspectWorkspace, and NotFound
// ("espace de travail X introuvable") when the folder does not exist.
// Creates nothing. An empty folder is an empty workspace.
Status CheckWorkspaceForReading(const std::string& root);

// For writers, before they take the lock: creates the folder (owner-only)
// when missing, refuses what InspectWorkspace refuses. Returns the state
// found; a writer then calls MarkWorkspace under the lock unless kMarked.
Result<WorkspaceState> PrepareWorkspaceForWriting(const std::string& root);

// Writes the marker (temporary + rename). REQUIRES: the writer lock.
Status MarkWorkspace(const std::string& root);

}  // namespace passerelle
