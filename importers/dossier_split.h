// Splitting a very long paragraph into parts made of whole sentences, so
// that a passage stays a precise citation (docs/dossiers.md).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace passerelle {

// Returns {text} when `text` has at most `split_above` code points.
// Otherwise cuts it at sentence boundaries (ICU sentence BreakIterator,
// French rules, with the abbreviation suppressions of "fr@ss=standard" so
// "M. Durand" stays whole) and packs consecutive sentences into parts of at
// most `max_part` code points; a single sentence longer than `max_part` is
// cut at spaces (or, with no space, anywhere). Every part is a substring of
// `text` trimmed of white space: concatenating the parts gives `text` back
// except for the white space at the cuts. No part is empty.
std::vector<std::string> SplitLongParagraph(const std::string& text, size_t split_above,
                                            size_t max_part);

// Words of `text`: runs of non-space characters holding a letter or digit.
size_t CountWords(const std::string& text);

}  // namespace passerelle
