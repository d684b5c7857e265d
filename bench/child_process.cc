#include "bench/child_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

extern char** environ;

namespace passerelle::bench {

Child RunChild(const std::string& binary, const std::vector<std::string>& args,
               const std::string& out_file) {
  std::vector<std::string> all = {binary};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  Child child;
  const auto start = std::chrono::steady_clock::now();
  pid_t pid;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
    std::cerr << "cannot run " << argv[0] << "\n";
    std::exit(1);
  }
  int status = 0;
  struct rusage usage;
  wait4(pid, &status, 0, &usage);
  child.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  posix_spawn_file_actions_destroy(&actions);
  child.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  child.peak_kb = usage.ru_maxrss;
  std::ifstream in(out_file);
  std::stringstream ss;
  ss << in.rdbuf();
  child.out = ss.str();
  std::remove(out_file.c_str());
  return child;
}

}  // namespace passerelle::bench
