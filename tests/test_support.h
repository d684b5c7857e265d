// Helpers shared by the tests: paths to the shared documents, temporary
// folders, running the CLI.
#pragma once

#include <filesystem>
#include <string>

namespace passerelle::testing {

// ../shared beside the checkout (PASSERELLE_SHARED_DIR).
std::filesystem::path SharedDir();
// The repository root.
std::filesystem::path SourceDir();
// Reads a whole file; throws std::runtime_error when it cannot.
std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, const std::string& content);

// A fresh temporary folder removed at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Runs the passerelle binary with `args` (a shell-quoted string); captures
// stdout and stderr separately and returns the exit status.
struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
};
CommandResult RunPasserelle(const std::string& args);

// Shell-quotes one argument.
std::string Quote(const std::string& arg);

}  // namespace passerelle::testing
