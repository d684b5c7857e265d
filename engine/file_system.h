// File system access behind a small interface so that tests can run in
// memory and force failures (STYLE.md, habit 5).
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
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

// Reads a file of the real disk for an importer, with French messages:
// "fichier X : introuvable", "fichier X : illisible (raison)", and a refusal
// of files larger than `max_bytes`.
Result<std::string> ReadInputFile(const std::string& path, size_t max_bytes);

}  // namespace passerelle
