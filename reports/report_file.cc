#include "reports/report_file.h"

#include <unistd.h>

#include <filesystem>

namespace passerelle::reports {

namespace {

namespace fs = std::filesystem;

Status CheckTarget(const std::string& path) {
  if (path.empty()) return Status::InvalidArgument("rapport : chemin de sortie vide");
  std::error_code ec;
  if (fs::is_directory(path, ec))
    return Status::InvalidArgument("rapport " + path +
                                   " : c'est un dossier ; indiquez un nom de fichier, par "
                                   "exemple rapport.pdf");
  fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) parent = ".";
  if (!fs::exists(parent, ec))
    return Status::NotFound("rapport " + path + " : le dossier " + parent.string() +
                            " n'existe pas");
  if (!fs::is_directory(parent, ec))
    return Status::InvalidArgument("rapport " + path + " : " + parent.string() +
                                   " n'est pas un dossier");
  if (::access(parent.c_str(), W_OK | X_OK) != 0)
    return Status::IOError("rapport " + path + " : écriture interdite dans le dossier " +
                           parent.string() + " (droits insuffisants)");
  return Status::OK();
}

}  // namespace

Status WriteReportFile(FileSystem& fs, const std::string& path, const std::string& bytes) {
  return WriteFileAtomic(fs, path, bytes).WithContext("rapport " + path + " : ");
}

Status WriteReportFile(const std::string& path, const std::string& bytes) {
  Status s = CheckTarget(path);
  if (!s.ok()) return s;
  RealFileSystem disk;
  return WriteReportFile(disk, path, bytes);
}

}  // namespace passerelle::reports
