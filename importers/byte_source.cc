#include "importers/byte_source.h"

#include "engine/file_system.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace passerelle {

Result<std::unique_ptr<FileByteSource>> FileByteSource::Open(const std::string& path) {
  auto file = OpenInputFile(path);
  if (!file.ok()) return file.status();
  ::posix_fadvise(file->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return std::unique_ptr<FileByteSource>(new FileByteSource(file->fd, path, file->size));
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
