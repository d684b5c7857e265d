// Private to the REAC importer: a REAC describes its titre, then may
// describe one or more certificats complémentaires de spécialisation (CCS),
// each with its synoptic table, its activity fiche and its own
// "FICHE COMPÉTENCE PROFESSIONNELLE" fiches numbered from 1 again. This
// splits the lines into those parts so that no CCS fiche is taken for one of
// the titre.
#pragma once

#include <string>
#include <vector>

#include "importers/reac_lines.h"

namespace passerelle::reac {

struct Part {
  int ccs = 0;                // 0 for the titre, k for the k-th CCS
  size_t begin = 0, end = 0;  // lines [begin, end)
  std::string title;          // the CCS's name when its heading gives it
};

// The titre's part first (from the start of the document), then one part per
// CCS in document order. A CCS part starts at a CCS heading (IsCcsHeading)
// that follows a compétence fiche of the previous part, or, without such a
// heading, where the numbering of the compétence fiches starts again (at the
// activity fiche or synoptic table just before, if any). The last part ends
// at the glossary, the RE or the end of the document.
std::vector<Part> SplitParts(const std::vector<Line>& lines);

// Lines [begin, end) of `lines`.
std::vector<Line> Slice(const std::vector<Line>& lines, size_t begin, size_t end);

}  // namespace passerelle::reac
