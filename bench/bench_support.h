// Pieces shared by the benchmarks: reading the shared development texts and
// warning about unoptimized builds.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

// Set by bench/CMakeLists.txt; these defaults serve other builds.
#ifndef PASSERELLE_SHARED_DIR
#define PASSERELLE_SHARED_DIR "../shared"
#endif
#ifndef PASSERELLE_BUILD_TYPE
#define PASSERELLE_BUILD_TYPE ""
#endif

namespace passerelle::bench {

// The content of a file; empty when it cannot be read.
std::string ReadFile(const std::filesystem::path& path);

// The content of every *.txt file directly in `dir`, in file name order;
// empty when the folder has none or does not exist.
std::vector<std::string> ReadTextFiles(const std::filesystem::path& dir);

// Prints a warning on stdout when `build_type` is not an optimized build:
// figures of an unoptimized build mean nothing.
void WarnIfNotOptimized(const std::string& build_type);

}  // namespace passerelle::bench
