#include "reports/fonts.h"

#include <unistd.h>

#include <filesystem>
#include <optional>

namespace passerelle::reports {

namespace {

namespace fs = std::filesystem;

bool IsReadableFile(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec) && ::access(path.c_str(), R_OK) == 0;
}

std::optional<std::string> FindIn(const std::vector<std::string>& folders, const char* name) {
  for (const std::string& folder : folders) {
    std::string path = (fs::path(folder) / name).string();
    if (IsReadableFile(path)) return path;
  }
  return std::nullopt;
}

Result<FontFiles> UserFont(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec))
    return Status::NotFound("police " + path +
                            " introuvable : indiquez le chemin d'un fichier TrueType (.ttf)");
  if (!IsReadableFile(path))
    return Status::InvalidArgument(
        "police " + path + " illisible : ce n'est pas un fichier lisible (droits, dossier ?)");
  return FontFiles{path, path, path};
}

}  // namespace

std::vector<std::string> DefaultFontFolders() {
  return {"/usr/share/fonts/truetype/dejavu",
          "/usr/share/fonts/TTF",
          "/usr/share/fonts/dejavu",
          "/usr/share/fonts/dejavu-sans-fonts",
          "/usr/share/fonts/dejavu-serif-fonts",
          "/usr/local/share/fonts",
          "/usr/share/fonts/truetype"};
}

Result<FontFiles> LocateFonts(const std::string& override_ttf,
                              const std::vector<std::string>& folders) {
  if (!override_ttf.empty()) return UserFont(override_ttf);
  FontFiles files;
  const std::pair<const char*, std::string*> wanted[] = {{"DejaVuSans.ttf", &files.sans},
                                                         {"DejaVuSans-Bold.ttf", &files.sans_bold},
                                                         {"DejaVuSerif.ttf", &files.serif}};
  for (const auto& [name, slot] : wanted) {
    std::optional<std::string> path = FindIn(folders, name);
    if (!path)
      return Status::NotFound(
          std::string("police ") + name +
          " introuvable (cherchée dans /usr/share/fonts) : installez le "
          "paquet fonts-dejavu-core ou indiquez une police TrueType avec --font");
    *slot = *path;
  }
  return files;
}

}  // namespace passerelle::reports
