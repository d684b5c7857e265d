// What every fuzz harness checks on one input, shared by the libFuzzer
// harnesses (fuzz/fuzz_<reader>.cc) and by the normal tests, which replay
// the regression corpus (fuzz/regressions/<reader>/) with the same checks.
//
// A reader may refuse an input (a non-OK Status is fine); whatever it
// accepts must hold: valid UTF-8 everywhere, a JSON form that serializes
// strictly, and for certifications a canonical XML form that reads back to
// the same certification (same canonical bytes, same JSON). A violation is
// returned as a message; the harnesses abort on it, the tests fail.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace passerelle::fuzz {

struct Reader {
  const char* name;  // the harness and the folder of its corpora
  // "" when the input held; otherwise what was violated.
  std::string (*check)(std::string_view input);
};

// Every reader with a harness: rncp_text, reac_text, opendata_xml,
// canonical_xml, docx, odt, pdf_text, dossier_text, search_query.
const std::vector<Reader>& Readers();
const Reader* FindReader(std::string_view name);

}  // namespace passerelle::fuzz
