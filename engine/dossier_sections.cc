#include "engine/dossier_sections.h"

#include <cctype>
#include <string>

#include "engine/text.h"

namespace passerelle {

bool OpensExample(std::string_view text) {
  const std::string folded = FoldForMatch(text.substr(0, 120));
  size_t i = 0;
  while (i < folded.size() && std::isdigit(static_cast<unsigned char>(folded[i]))) ++i;
  while (i < folded.size() && (folded[i] == '.' || folded[i] == ')' || folded[i] == ' ')) ++i;
  return folded.compare(i, 19, "decrivez les taches") == 0;
}

std::vector<size_t> ExamplesOf(const std::vector<IndexedPassage>& passages) {
  std::vector<size_t> example(passages.size(), kNoExample);
  size_t current = kNoExample;
  for (size_t i = 0; i < passages.size(); ++i) {
    if (passages[i].part <= 1 && OpensExample(passages[i].text))
      current = current == kNoExample ? 0 : current + 1;
    example[i] = current;
  }
  return example;
}

}  // namespace passerelle
