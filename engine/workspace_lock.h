// An exclusive, non-blocking lock on a workspace for writers (flock on
// <workspace>/lock). Released when the object is destroyed or the process
// ends, so a crash never leaves a stale lock.
#pragma once

#include <memory>
#include <string>

#include "engine/status.h"

namespace passerelle {

class WorkspaceLock {
 public:
  // Creates the workspace folder if needed (owner-only), takes the lock and
  // marks the folder as a workspace (engine/workspace_marker.h). Refuses,
  // touching nothing, a folder that is not a workspace or one of a newer
  // format. IOError with a French message when another process holds it.
  static Result<std::unique_ptr<WorkspaceLock>> Acquire(const std::string& root);
  ~WorkspaceLock();
  WorkspaceLock(const WorkspaceLock&) = delete;
  WorkspaceLock& operator=(const WorkspaceLock&) = delete;

 private:
  explicit WorkspaceLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace passerelle
