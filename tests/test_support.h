// Helpers shared by the tests: paths to the shared documents, temporary
// folders, running the CLI.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

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

// Imports the canonical files of the five official documents
// (referentiels/*.xml) into the workspace folder `workspace` with the CLI;
// the result of `passerelle import`.
CommandResult ImportFiveReferentiels(const std::string& workspace);

// A temporary workspace holding the five official documents and, with
// `with_open_data`, the open-data extracts of ../shared/data/rncp-xml, for
// tests that run the CLI on it. Throws std::runtime_error when the import
// fails.
class CliWorkspace {
 public:
  explicit CliWorkspace(bool with_open_data = false);
  // "--workspace <folder>", quoted.
  std::string Flag() const;
  CommandResult Run(const std::string& args) const { return RunPasserelle(Flag() + " " + args); }

 private:
  TempDir dir_;
};

// Every regular file under `root` but the lock, with its content (empty
// when `root` does not exist): compare two to tell whether a command
// changed a workspace.
std::map<std::string, std::string> SnapshotFiles(const std::filesystem::path& root);

}  // namespace passerelle::testing

namespace passerelle::testing {

// A PDF made with libharu: each element of `pages` is the text of one page,
// one line per '\n' (a blank line leaves a blank line's gap). Text is UTF-8,
// drawn with DejaVu Sans (fonts-dejavu-core). With `password`, the PDF is
// encrypted and needs it to open.
std::string MakePdf(const std::vector<std::string>& pages, const std::string& password = "");

// A PDF whose only page holds a drawing and no text (like a scan).
std::string MakePdfWithoutText();

}  // namespace passerelle::testing
