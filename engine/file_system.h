// File system access behind a small interface so that tests can run in
// memory and force failures (STYLE.md, habit 5).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"

namespace passerelle {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Whole file. NotFound when it does not exist, IOError otherwise.
  virtual Result<std::string> ReadFile(const std::string& path) = 0;
  // Writes `content` to `path` readable by its owner only (0600). Not atomic
  // by itself: callers write a temporary and Rename it.
  virtual Status WriteFile(const std::string& path, const std::string& content) = 0;
  // Atomic replacement of `to` by `from`.
  virtual Status Rename(const std::string& from, const std::string& to) = 0;
  virtual Status Remove(const std::string& path) = 0;
  // Creates the folder and its parents, owner-only (0700).
  virtual Status MakeDirs(const std::string& path) = 0;
  // Names (not paths) of the entries of a folder, sorted.
  virtual Result<std::vector<std::string>> ListDir(const std::string& path) = 0;
  virtual bool Exists(const std::string& path) = 0;

  // Writes like WriteFile without waiting for the data to reach the disk;
  // a later SyncFileSystem makes every such write durable at once. Saving
  // thousands of files with one fsync each would take minutes.
  // Default: WriteFile.
  virtual Status WriteFileUnsynced(const std::string& path, const std::string& content);
  // Makes the writes of the file system holding `path` durable (data and
  // renames). Default: nothing to do.
  virtual Status SyncFileSystem(const std::string& path);
  // An opaque token that changes whenever the content of the file may have
  // changed (used to tell whether a cached summary is stale). NotFound when
  // the file does not exist. Default: the size and a hash of the content;
  // the real disk uses size, modification time and inode instead of reading.
  virtual Result<std::string> Stamp(const std::string& path);
  // The entries of a folder with their stamps, sorted by name: ListDir and
  // Stamp in one pass (the real disk stats each entry relative to the open
  // folder, twice as fast as by path for 25,600 files). A folder that does
  // not exist has no entries. Default: ListDir, then Stamp each.
  struct StampedName {
    std::string name;
    std::string stamp;
  };
  virtual Result<std::vector<StampedName>> ListStamped(const std::string& path);
};

// The real disk. Files are fsync'ed before rename.
class RealFileSystem : public FileSystem {
 public:
  Result<std::string> ReadFile(const std::string& path) override;
  Status WriteFile(const std::string& path, const std::string& content) override;
  Status Rename(const std::string& from, const std::string& to) override;
  Status Remove(const std::string& path) override;
  Status MakeDirs(const std::string& path) override;
  Result<std::vector<std::string>> ListDir(const std::string& path) override;
  bool Exists(const std::string& path) override;
  Status WriteFileUnsynced(const std::string& path, const std::string& content) override;
  Status SyncFileSystem(const std::string& path) override;
  Result<std::string> Stamp(const std::string& path) override;
  Result<std::vector<StampedName>> ListStamped(const std::string& path) override;
};

// In-memory file system for tests; can be told to fail the n-th write.
class MemoryFileSystem : public FileSystem {
 public:
  Result<std::string> ReadFile(const std::string& path) override;
  Status WriteFile(const std::string& path, const std::string& content) override;
  Status Rename(const std::string& from, const std::string& to) override;
  Status Remove(const std::string& path) override;
  Status MakeDirs(const std::string& path) override;
  Result<std::vector<std::string>> ListDir(const std::string& path) override;
  bool Exists(const std::string& path) override;

  // The next `n` writes succeed, the following one fails with IOError.
  void FailWriteAfter(int n) { fail_after_ = n; }
  const std::map<std::string, std::string>& files() const { return files_; }

 private:
  std::map<std::string, std::string> files_;
  std::set<std::string> dirs_;
  int fail_after_ = -1;
};

// Writes `content` to `path` atomically: a temporary file beside it, then a
// rename. On failure the temporary is removed and `path` is untouched.
Status WriteFileAtomic(FileSystem& fs, const std::string& path, const std::string& content);

// 64-bit FNV-1a hash of `bytes`, as 16 lower-case hex digits: a content
// fingerprint (not a cryptographic hash).
std::string ContentHash(std::string_view bytes);

// Opens a file of the real disk that the user gave as input, read-only,
// with French messages naming it: NotFound when absent; InvalidArgument for
// a name that is not valid UTF-8 (it could not be shown or stored), a
// folder, or anything but a regular file (a device such as /dev/zero, a
// FIFO, a socket: their size means nothing, and opening a FIFO is done
// without waiting for a writer); IOError when the system refuses. On
// success the descriptor (close it) and the file's size.
struct InputFile {
  int fd = -1;
  uint64_t size = 0;
};
Result<InputFile> OpenInputFile(const std::string& path);

// Reads a file of the real disk for an importer (OpenInputFile's checks),
// refusing files larger than `max_bytes`, even one that grows while it is
// read: never more than `max_bytes` + 1 bytes are read.
Result<std::string> ReadInputFile(const std::string& path, size_t max_bytes);

}  // namespace passerelle
