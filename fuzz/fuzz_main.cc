// One libFuzzer harness per reader: this file is compiled once per reader
// with PASSERELLE_FUZZ_READER set to its name (fuzz/CMakeLists.txt). A
// violated check (fuzz/fuzz_checks.h) aborts, so libFuzzer saves the input.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const passerelle::fuzz::Reader* reader =
      passerelle::fuzz::FindReader(PASSERELLE_FUZZ_READER);
  const std::string error =
      reader->check(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!error.empty()) {
    std::fprintf(stderr, "%s: %s\n", PASSERELLE_FUZZ_READER, error.c_str());
    std::abort();
  }
  return 0;
}
