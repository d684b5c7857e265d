#include "importers/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace passerelle {

Result<std::unique_ptr<FileByteSource>> FileByteSource::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound("fichier " + path + " : introuvable");
    return Status::IOError("fichier " + path + " : lecture impossible (" + std::strerror(errno) +
                           ")");
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::InvalidArgument("fichier " + path + " : c'est un dossier, pas un fichier");
  }
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return std::unique_ptr<FileByteSource>(
      new FileByteSource(fd, path, static_cast<uint64_t>(st.st_size)));
}

FileByteSource::FileByteSource(int fd, std::string path, uint64_t size)
    : fd_(fd), path_(std::move(path)), size_(size) {}

FileByteSource::~FileByteSource() { ::close(fd_); }

Result<size_t> FileByteSource::Read(char* buffer, size_t size) {
  for (;;) {
    const ssize_t n = ::read(fd_, buffer, size);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno != EINTR)
      return Status::IOError("fichier " + path_ + " : lecture impossible (" + std::strerror(errno) +
                             ")");
  }
}

Result<size_t> StringByteSource::Read(char* buffer, size_t size) {
  const size_t n = std::min(size, bytes_.size() - offset_);
  std::memcpy(buffer, bytes_.data() + offset_, n);
  offset_ += n;
  return n;
}

Result<std::string> ReadFileHead(const std::string& path, size_t max_bytes) {
  auto source = FileByteSource::Open(path);
  if (!source.ok()) return source.status();
  std::string head(max_bytes, '\0');
  size_t filled = 0;
  while (filled < max_bytes) {
    auto n = (*source)->Read(head.data() + filled, max_bytes - filled);
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    filled += *n;
  }
  head.resize(filled);
  return head;
}

}  // namespace passerelle
