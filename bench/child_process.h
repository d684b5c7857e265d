// Running the real passerelle binary from a benchmark: wall time, exit
// status, peak memory and standard output of one run.
#pragma once

#include <string>
#include <vector>

namespace passerelle::bench {

struct Child {
  int status = -1;
  double seconds = 0;
  long peak_kb = 0;  // ru_maxrss of the child
  std::string out;
};

// Runs `binary` with `args`, stdout captured through `out_file` (created
// private to the user, removed afterwards), stderr to /dev/null. Exits the
// benchmark when the binary cannot be started.
Child RunChild(const std::string& binary, const std::vector<std::string>& args,
               const std::string& out_file);

}  // namespace passerelle::bench
