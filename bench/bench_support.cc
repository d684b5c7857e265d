#include "bench/bench_support.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace passerelle::bench {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::vector<std::string> ReadTextFiles(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> paths;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const auto& path : paths) texts.push_back(ReadFile(path));
  return texts;
}

void WarnIfNotOptimized(const std::string& build_type) {
  if (build_type != "Release" && build_type != "RelWithDebInfo")
    std::printf("warning: build type \"%s\": configure with -DCMAKE_BUILD_TYPE=Release\n",
                build_type.c_str());
}

}  // namespace passerelle::bench
