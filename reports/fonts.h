// Finding the TrueType files a report embeds. By default the DejaVu faces of
// the Debian package fonts-dejavu-core, looked up at run time in the usual
// font folders; a caller may give its own TrueType file instead, which then
// serves every face (regular, bold and quotes).
#pragma once

#include <string>
#include <vector>

#include "engine/status.h"

namespace passerelle::reports {

struct FontFiles {
  std::string sans;       // body text
  std::string sans_bold;  // headings, labels
  std::string serif;      // verbatim quotes
};

// The folders searched, in order, for DejaVuSans.ttf, DejaVuSans-Bold.ttf and
// DejaVuSerif.ttf (Debian, Arch, Fedora and local installs).
std::vector<std::string> DefaultFontFolders();

// With `override_ttf` empty: the DejaVu files found in `folders` (each face
// may come from a different folder). Otherwise `override_ttf` for all faces,
// after checking it is a readable regular file.
// NotFound when a file is missing, InvalidArgument when the given path is not
// a readable file; the French message says which font and how to fix it.
Result<FontFiles> LocateFonts(const std::string& override_ttf = "",
                              const std::vector<std::string>& folders = DefaultFontFolders());

}  // namespace passerelle::reports
