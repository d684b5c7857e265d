// Writing a finished report to disk: all or nothing. The bytes go to a
// temporary file beside the target, which is then renamed over it; on any
// failure the temporary is removed and the target is left as it was.
#pragma once

#include <string>

#include "engine/file_system.h"
#include "engine/status.h"

namespace passerelle::reports {

// Through `fs` (tests use a MemoryFileSystem). Errors are prefixed with
// "rapport <path> : ".
Status WriteReportFile(FileSystem& fs, const std::string& path, const std::string& bytes);

// On the real disk, first checking what a user most often gets wrong, with a
// precise French message: an empty path, a folder given instead of a file, a
// folder that does not exist or cannot be written to.
Status WriteReportFile(const std::string& path, const std::string& bytes);

}  // namespace passerelle::reports
