#include "engine/file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>

#include "engine/text.h"

namespace passerelle {

namespace fs = std::filesystem;

namespace {
std::string Reason() { return std::strerror(errno); }
}  // namespace

Result<std::string> RealFileSystem::ReadFile(const std::string& path) {
  // One read into a buffer of the file's size: the workspace catalog is
  // tens of megabytes at national scale, and streams copy it twice.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound("fichier " + path + " : introuvable");
    return Status::IOError("fichier " + path + " : lecture impossible (" + Reason() + ")");
  }
  struct stat st;
  std::string content;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) content.resize(static_cast<size_t>(st.st_size));
  size_t done = 0;
  char more[4096];  // past the announced size: a file that grew, or a pipe
  for (;;) {
    const bool full = done == content.size();
    const ssize_t n = full ? ::read(fd, more, sizeof(more))
                           : ::read(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string why = Reason();
      ::close(fd);
      return Status::IOError("fichier " + path + " : lecture impossible (" + why + ")");
    }
    if (n == 0) break;
    if (full) content.append(more, static_cast<size_t>(n));
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  content.resize(done);
  return content;
}

namespace {

// Writes all of `content` to a new file; fsyncs it when `sync`.
Status WriteWhole(const std::string& path, const std::string& content, bool sync) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Status::IOError("fichier " + path + " : écriture impossible (" + Reason() + ")");
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string why = Reason();
      ::close(fd);
      return Status::IOError("fichier " + path + " : écriture impossible (" + why + ")");
    }
    done += static_cast<size_t>(n);
  }
  const bool synced = !sync || ::fsync(fd) == 0;
  std::string why = synced ? "" : Reason();
  if (::close(fd) != 0 && synced) why = Reason();
  if (!why.empty())
    return Status::IOError("fichier " + path + " : écriture impossible (" + why + ")");
  return Status::OK();
}

}  // namespace

Status RealFileSystem::WriteFile(const std::string& path, const std::string& content) {
  return WriteWhole(path, content, /*sync=*/true);
}

Status RealFileSystem::WriteFileUnsynced(const std::string& path, const std::string& content) {
  return WriteWhole(path, content, /*sync=*/false);
}

Status RealFileSystem::SyncFileSystem(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError("dossier " + path + " : synchronisation impossible (" + Reason() + ")");
  // syncfs flushes every file of the file system in one call; fsync on the
  // folder makes its renames durable.
  const bool ok = ::syncfs(fd) == 0 && ::fsync(fd) == 0;
  const std::string why = ok ? "" : Reason();
  ::close(fd);
  if (!ok) return Status::IOError("dossier " + path + " : synchronisation impossible (" + why + ")");
  return Status::OK();
}

namespace {

std::string StampOf(const struct stat& st) {
  const int64_t mtime_ns =
      static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return std::to_string(st.st_size) + ":" + std::to_string(mtime_ns) + ":" +
         std::to_string(st.st_ino);
}

}  // namespace

Result<std::string> RealFileSystem::Stamp(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::NotFound("fichier " + path + " : introuvable");
    return Status::IOError("fichier " + path + " : lecture impossible (" + Reason() + ")");
  }
  return StampOf(st);
}

Result<std::vector<FileSystem::StampedName>> RealFileSystem::ListStamped(const std::string& path) {
  std::vector<StampedName> out;
  DIR* dir = ::opendir(path.c_str());
  if (dir == nullptr) {
    if (errno == ENOENT) return out;
    return Status::IOError("dossier " + path + " : lecture impossible (" + Reason() + ")");
  }
  struct stat st;
  while (const struct dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    // Removed between readdir and fstatat: not listed.
    if (::fstatat(::dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    out.push_back({name, StampOf(st)});
  }
  ::closedir(dir);
  std::sort(out.begin(), out.end(),
            [](const StampedName& a, const StampedName& b) { return a.name < b.name; });
  return out;
}

Status RealFileSystem::Rename(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0)
    return Status::IOError("fichier " + to + " : remplacement impossible (" + Reason() + ")");
  return Status::OK();
}

Status RealFileSystem::Remove(const std::string& path) {
  std::error_code ec;
  fs::remove(path, ec);
  if (ec) return Status::IOError("fichier " + path + " : suppression impossible (" + ec.message() + ")");
  return Status::OK();
}

Status RealFileSystem::MakeDirs(const std::string& path) {
  std::error_code ec;
  fs::path p(path);
  fs::path built;
  for (const fs::path& part : p) {
    built /= part;
    if (fs::exists(built, ec)) continue;
    if (::mkdir(built.c_str(), 0700) != 0 && errno != EEXIST)
      return Status::IOError("dossier " + path + " : création impossible (" + Reason() + ")");
  }
  if (!fs::is_directory(path, ec))
    return Status::IOError("dossier " + path + " : ce n'est pas un dossier");
  return Status::OK();
}

Result<std::vector<std::string>> RealFileSystem::ListDir(const std::string& path) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
    names.push_back(it->path().filename().string());
  if (ec) {
    if (!fs::exists(path)) return names;
    return Status::IOError("dossier " + path + " : lecture impossible (" + ec.message() + ")");
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool RealFileSystem::Exists(const std::string& path) {
  std::error_code ec;
  return fs::exists(path, ec);
}

// ---- FileSystem defaults ----

Status FileSystem::WriteFileUnsynced(const std::string& path, const std::string& content) {
  return WriteFile(path, content);
}

Status FileSystem::SyncFileSystem(const std::string&) { return Status::OK(); }

Result<std::string> FileSystem::Stamp(const std::string& path) {
  auto content = ReadFile(path);
  if (!content.ok()) return content.status();
  return std::to_string(content->size()) + ":" + ContentHash(*content);
}

Result<std::vector<FileSystem::StampedName>> FileSystem::ListStamped(const std::string& path) {
  auto names = ListDir(path);
  if (!names.ok()) return names.status();
  std::vector<StampedName> out;
  for (const std::string& name : *names) {
    auto stamp = Stamp(path + "/" + name);
    if (stamp.ok()) out.push_back({name, *stamp});
  }
  return out;
}

// ---- MemoryFileSystem ----

Result<std::string> MemoryFileSystem::ReadFile(const std::string& path) {
  auto it = files_.find(path);
  if (it == files_.end()) return Status::NotFound("fichier " + path + " : introuvable");
  return it->second;
}

Status MemoryFileSystem::WriteFile(const std::string& path, const std::string& content) {
  if (fail_after_ == 0) return Status::IOError("fichier " + path + " : disque plein (simulé)");
  if (fail_after_ > 0) --fail_after_;
  files_[path] = content;
  return Status::OK();
}

Status MemoryFileSystem::Rename(const std::string& from, const std::string& to) {
  auto it = files_.find(from);
  if (it == files_.end()) return Status::NotFound("fichier " + from + " : introuvable");
  files_[to] = it->second;
  files_.erase(from);
  return Status::OK();
}

Status MemoryFileSystem::Remove(const std::string& path) {
  files_.erase(path);
  dirs_.erase(path);
  return Status::OK();
}

Status MemoryFileSystem::MakeDirs(const std::string& path) {
  dirs_.insert(path);
  return Status::OK();
}

Result<std::vector<std::string>> MemoryFileSystem::ListDir(const std::string& path) {
  std::vector<std::string> names;
  const std::string prefix = path + "/";
  for (const auto& [name, content] : files_)
    if (name.rfind(prefix, 0) == 0 && name.find('/', prefix.size()) == std::string::npos)
      names.push_back(name.substr(prefix.size()));
  return names;
}

bool MemoryFileSystem::Exists(const std::string& path) {
  return files_.count(path) > 0 || dirs_.count(path) > 0;
}

// ---- helpers ----

Status WriteFileAtomic(FileSystem& fs_, const std::string& path, const std::string& content) {
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  Status s = fs_.WriteFile(tmp, content);
  if (s.ok()) s = fs_.Rename(tmp, path);
  if (!s.ok()) fs_.Remove(tmp);
  return s;
}

std::string ContentHash(std::string_view bytes) {
  // MurmurHash64A: eight bytes per step, several times faster than a
  // byte-wise hash on the hundreds of megabytes of a national import.
  constexpr uint64_t kMul = 0xc6a4a7935bd1e995ULL;
  constexpr int kShift = 47;
  uint64_t h = 0x9747b28c5bd1e995ULL ^ (bytes.size() * kMul);
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t k;
    std::memcpy(&k, bytes.data() + i, 8);
    k *= kMul;
    k ^= k >> kShift;
    k *= kMul;
    h ^= k;
    h *= kMul;
  }
  if (i < bytes.size()) {
    uint64_t tail = 0;
    std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
    h ^= tail;
    h *= kMul;
  }
  h ^= h >> kShift;
  h *= kMul;
  h ^= h >> kShift;
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int d = 15; d >= 0; --d, h >>= 4) out[static_cast<size_t>(d)] = kHex[h & 0xf];
  return out;
}

Result<InputFile> OpenInputFile(const std::string& path) {
  const std::string shown = RepairUtf8(path);
  if (FirstInvalidUtf8(path) != std::string::npos)
    return Status::InvalidArgument("fichier " + shown +
                                   " : nom de fichier qui n'est pas en UTF-8 (octet " +
                                   std::to_string(FirstInvalidUtf8(path)) +
                                   ") ; renommez le fichier");
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused
  // below like any file that is not regular.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound("fichier " + shown + " : introuvable");
    return Status::IOError("fichier " + shown + " : lecture impossible (" + Reason() + ")");
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const std::string why = Reason();
    ::close(fd);
    return Status::IOError("fichier " + shown + " : lecture impossible (" + why + ")");
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    if (S_ISDIR(st.st_mode))
      return Status::InvalidArgument("fichier " + shown + " : c'est un dossier, pas un fichier");
    return Status::InvalidArgument(
        "fichier " + shown +
        " : ce n'est pas un fichier ordinaire (périphérique, tube ou socket) ; "
        "enregistrez d'abord son contenu dans un fichier");
  }
  // Regular files never block; reads stay simple.
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return InputFile{fd, static_cast<uint64_t>(st.st_size)};
}

namespace {

Status TooLarge(const std::string& path, uint64_t size, size_t max_bytes) {
  return Status::InvalidArgument("fichier " + RepairUtf8(path) + " : trop volumineux (" +
                                 std::to_string(size / (1024 * 1024)) + " Mo, limite " +
                                 std::to_string(max_bytes / (1024 * 1024)) + " Mo)");
}

}  // namespace

Result<std::string> ReadInputFile(const std::string& path, size_t max_bytes) {
  auto file = OpenInputFile(path);
  if (!file.ok()) return file.status();
  const int fd = file->fd;
  if (file->size > max_bytes) {
    ::close(fd);
    return TooLarge(path, file->size, max_bytes);
  }
  // One byte past the limit tells a file that grew beyond it.
  std::string content(static_cast<size_t>(file->size) + 1, '\0');
  size_t done = 0;
  for (;;) {
    if (done == content.size()) {
      if (content.size() > max_bytes) break;
      content.resize(std::min(content.size() * 2, max_bytes + 1));
    }
    const ssize_t n = ::read(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string why = Reason();
      ::close(fd);
      return Status::IOError("fichier " + RepairUtf8(path) + " : lecture impossible (" + why + ")");
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  if (done > max_bytes) return TooLarge(path, done, max_bytes);
  content.resize(done);
  return content;
}

}  // namespace passerelle
