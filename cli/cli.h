// Shared pieces of the command-line front end: argument parsing, error
// reporting, exit codes. The front end only parses, calls the libraries and
// maps Status to French messages and exit codes.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/catalog.h"
#include "engine/status.h"
#include "engine/workspace.h"

namespace passerelle::cli {

// Exit codes.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;  // bad input, missing certification, I/O
constexpr int kExitUsage = 2;    // bad command line

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;  // "--json" -> "" for flags
  bool Has(const std::string& name) const { return options.count(name) > 0; }
  std::map<std::string, std::vector<std::string>> repeated;  // every value, in order
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  // Every value of a repeatable option ("--thesaurus a --thesaurus b").
  std::vector<std::string> GetAll(const std::string& name) const;
};

// Which options a command accepts; those in `with_value` take the next
// argument (or "--name=value"). "--workspace" and "--help" are always known.
struct OptionSpec {
  std::set<std::string> flags;
  std::set<std::string> with_value;
};

Result<Args> ParseArgs(const std::vector<std::string>& argv, const OptionSpec& spec);

// Prints "passerelle : <message>" on stderr and returns the exit code for it.
int Fail(const Status& status);
int UsageError(const std::string& message, const std::string& command);

// `s` padded with spaces to `width` characters (code points, not bytes).
std::string PadRight(const std::string& s, size_t width);

// A share in [0, 1] as a whole percentage: "72 %".
std::string Percent(double share);

// Today's date, AAAA-MM-JJ, local time: the default --date of the reports.
std::string Today();

// Prints JSON on stdout (2-space indent, UTF-8 as is). Text is valid UTF-8
// from the edge inward; should an invalid byte slip through, it is printed
// as U+FFFD rather than aborting after the work is done.
void PrintJson(const nlohmann::json& value);

// The value of --candidate when given: InvalidArgument (French, with the
// rule of CheckCandidateId) when it is empty or not a valid id; "" when
// the option is absent.
Result<std::string> CandidateOption(const Args& args);

// Refuses an output file (a report, its JSON) inside the workspace folder,
// whose files it would replace (a certification, the index): InvalidArgument
// naming both. Symbolic links in the folders are followed.
Status CheckOutputPath(const std::string& output, const std::string& workspace_root);

// The workspace folder from --workspace, $PASSERELLE_WORKSPACE or default.
std::string WorkspaceRoot(const Args& args);

// The catalog of `workspace` for a reading command (NotFound when the
// workspace does not exist, CheckWorkspaceForReading). When it had to be
// rebuilt from the certification files (missing or stale) and no writer
// holds the lock, the rebuilt catalog is saved so that the next command is
// fast again; failing to save it is not an error.
Result<Catalog> ReadCatalog(Workspace& workspace);

// A subcommand: its name, one-line summary, full help and entry point.
struct Command {
  const char* name;
  const char* summary;
  const char* help;
  int (*run)(const std::vector<std::string>& argv);
};

const std::vector<Command>& Commands();

// Entry points (one file each).
int RunImport(const std::vector<std::string>& argv);
int RunCertifications(const std::vector<std::string>& argv);
int RunShow(const std::vector<std::string>& argv);
int RunDossier(const std::vector<std::string>& argv);
int RunSearch(const std::vector<std::string>& argv);
int RunMap(const std::vector<std::string>& argv);
int RunSuggest(const std::vector<std::string>& argv);
int RunReport(const std::vector<std::string>& argv);
int RunCompare(const std::vector<std::string>& argv);
int RunRelated(const std::vector<std::string>& argv);
int RunAssess(const std::vector<std::string>& argv);

extern const char kImportHelp[];
extern const char kCertificationsHelp[];
extern const char kShowHelp[];
extern const char kDossierHelp[];
extern const char kSearchHelp[];
extern const char kMapHelp[];
extern const char kSuggestHelp[];
extern const char kReportHelp[];
extern const char kCompareHelp[];
extern const char kRelatedHelp[];
extern const char kAssessHelp[];

}  // namespace passerelle::cli
