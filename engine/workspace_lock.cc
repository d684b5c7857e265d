#include "engine/workspace_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "engine/workspace_marker.h"

namespace passerelle {

Result<std::unique_ptr<WorkspaceLock>> WorkspaceLock::Acquire(const std::string& root) {
  // A folder that is not a workspace is refused before anything is
  // written in it, the lock file included.
  auto state = PrepareWorkspaceForWriting(root);
  if (!state.ok()) return state.status();
  const std::string path = root + "/lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    return Status::IOError("espace de travail " + root + " : verrou impossible à créer (" +
                           std::strerror(errno) + ")");
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return Status::IOError("espace de travail " + root +
                           " : déjà utilisé en écriture par un autre processus Passerelle ; "
                           "réessayez quand il aura terminé");
  }
  std::unique_ptr<WorkspaceLock> lock(new WorkspaceLock(fd));
  if (*state != WorkspaceState::kMarked) {
    Status s = MarkWorkspace(root);
    if (!s.ok()) return s;
  }
  return lock;
}

WorkspaceLock::~WorkspaceLock() {
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
}

}  // namespace passerelle
