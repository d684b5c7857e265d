#include "engine/workspace_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "engine/file_system.h"

namespace passerelle {

Result<std::unique_ptr<WorkspaceLock>> WorkspaceLock::Acquire(const std::string& root) {
  RealFileSystem disk;
  Status s = disk.MakeDirs(root);
  if (!s.ok()) return s;
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
  return std::unique_ptr<WorkspaceLock>(new WorkspaceLock(fd));
}

WorkspaceLock::~WorkspaceLock() {
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
}

}  // namespace passerelle
