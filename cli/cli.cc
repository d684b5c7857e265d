#include "cli/cli.h"

#include <malloc.h>
#include <sys/mman.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "engine/dossier_index.h"
#include "engine/text.h"
#include "engine/workspace.h"
#include "engine/workspace_batch.h"
#include "engine/workspace_lock.h"
#include "engine/workspace_marker.h"

namespace passerelle::cli {

std::string Args::Get(const std::string& name, const std::string& fallback) const {
  auto it = options.find(name);
  return it == options.end() ? fallback : it->second;
}

std::vector<std::string> Args::GetAll(const std::string& name) const {
  auto it = repeated.find(name);
  return it == repeated.end() ? std::vector<std::string>{} : it->second;
}

Result<Args> ParseArgs(const std::vector<std::string>& argv, const OptionSpec& spec) {
  Args args;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.size() < 2 || a[0] != '-' || a == "--") {
      if (a == "--") {
        args.positional.insert(args.positional.end(), argv.begin() + i + 1, argv.end());
        break;
      }
      args.positional.push_back(a);
      continue;
    }
    std::string name = a, value;
    const size_t eq = a.find('=');
    if (eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
    }
    if (name == "-h") name = "--help";
    if (name == "-o" && spec.with_value.count("--output")) name = "--output";
    const bool takes_value = spec.with_value.count(name) > 0 || name == "--workspace";
    if (!takes_value && !spec.flags.count(name) && name != "--help")
      return Status::InvalidArgument("option inconnue : " + name);
    if (takes_value && eq == std::string::npos) {
      if (i + 1 >= argv.size())
        return Status::InvalidArgument("l'option " + name + " attend une valeur");
      value = argv[++i];
    }
    args.options[name] = value;
    if (takes_value) args.repeated[name].push_back(value);
  }
  return args;
}

int Fail(const Status& status) {
  std::cerr << "passerelle : " << status.message() << "\n";
  return kExitFailure;
}

int UsageError(const std::string& message, const std::string& command) {
  std::cerr << "passerelle : " << message << "\n"
            << "Aide : passerelle " << (command.empty() ? "" : command + " ") << "--help\n";
  return kExitUsage;
}

std::string PadRight(const std::string& s, size_t width) {
  const size_t length = Utf8Length(s);
  return length >= width ? s + " " : s + std::string(width - length, ' ');
}

std::string Percent(double share) {
  return std::to_string(static_cast<int>(std::lround(share * 100))) + " %";
}

std::string Today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

void PrintJson(const nlohmann::json& value) {
  std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

Result<std::string> CandidateOption(const Args& args) {
  if (!args.Has("--candidate")) return std::string();
  const std::string id = args.Get("--candidate");
  Status s = CheckCandidateId(id);
  if (!s.ok()) return s.WithContext("--candidate : ");
  return id;
}

namespace {

// `path` made absolute with its symbolic links resolved, as far as it
// exists (the rest appended as written).
std::filesystem::path Resolved(const std::string& path) {
  std::error_code ec;
  std::filesystem::path resolved = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  if (ec) return std::filesystem::absolute(path, ec).lexically_normal();
  return resolved;
}

bool IsInside(const std::filesystem::path& path, const std::filesystem::path& folder) {
  auto p = path.begin();
  for (auto f = folder.begin(); f != folder.end(); ++f, ++p) {
    if (f->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *f) return false;
  }
  return true;
}

}  // namespace

Status CheckOutputPath(const std::string& output, const std::string& workspace_root) {
  std::error_code ec;
  if (!std::filesystem::exists(workspace_root, ec)) return Status::OK();
  if (!IsInside(Resolved(output), Resolved(workspace_root))) return Status::OK();
  return Status::InvalidArgument("fichier de sortie " + output + " : il est dans l'espace de travail " +
                                 workspace_root +
                                 ", dont il remplacerait les fichiers ; choisissez un autre dossier");
}

std::string WorkspaceRoot(const Args& args) {
  return ResolveWorkspacePath(args.Get("--workspace"));
}

namespace {

// Reading a national catalog allocates a few hundred thousand small objects
// (50 MB); on a virtual machine every fresh 4 KB page costs a fault, which
// took half of a `show`. The heap is grown once to `bytes` and the kernel
// asked for transparent huge pages there (what glibc's malloc.hugetlb=1
// tunable does): 512 times fewer faults. Harmless where THP is off.
void PrepareHeap(size_t bytes) {
  constexpr size_t kHuge = 2u << 20;
  if (bytes < 4 * kHuge) return;  // small workspaces: nothing to gain
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(std::min<size_t>(bytes * 2, 1u << 30)));
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(std::min<size_t>(bytes * 2, 1u << 30)));
  void* block = std::malloc(bytes);
  if (block == nullptr) return;
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(block) + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t end = (reinterpret_cast<uintptr_t>(block) + bytes) & ~(kHuge - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  std::free(block);  // kept at the top of the heap, reused by the catalog
}

std::string CatalogStamp(Workspace& workspace) {
  auto stamp = workspace.file_system()->Stamp(workspace.CatalogPath());
  return stamp.ok() ? *stamp : "";
}

}  // namespace

Result<Catalog> ReadCatalog(Workspace& workspace) {
  Status exists = CheckWorkspaceForReading(workspace.root());
  if (!exists.ok()) return exists;
  // An import killed among its renames: finish it, so that this command
  // sees the new state, not a mix (another writer will do it otherwise).
  if (WorkspaceBatch::HasInterruptedCommit(workspace)) {
    auto lock = WorkspaceLock::Acquire(workspace.root());
    if (lock.ok()) {
      Status s = WorkspaceBatch::RecoverInterruptedCommits(&workspace);
      if (!s.ok()) return s;
    }
  }
  const std::string before = CatalogStamp(workspace);
  std::error_code ec;
  const auto text_bytes = std::filesystem::file_size(workspace.CatalogPath(), ec);
  if (!ec) PrepareHeap(text_bytes * 5);  // the summaries take about five times their text
  CatalogRefresh refresh;
  auto catalog = workspace.LoadCatalog(&refresh);
  if (!catalog.ok() || !refresh.stale()) return catalog;
  auto lock = WorkspaceLock::Acquire(workspace.root());
  // An import that committed meanwhile wrote a newer catalog: keep it.
  if (lock.ok() && CatalogStamp(workspace) == before) workspace.WriteCatalog(*catalog);
  return catalog;
}

}  // namespace passerelle::cli
