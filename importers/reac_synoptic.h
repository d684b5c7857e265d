// Private to the REAC importer: the rows of a "Vue synoptique" table (N°
// fiche AT, activité type, N° fiche CP, compétence professionnelle), read
// only to check the titles against the fiches. pdftotext gives the cells in
// reading order and sometimes mangles a title across columns ("Préparer et"
// / "application"): the fiche's own title is kept, the disagreement
// reported.
#pragma once

#include <string>
#include <vector>

#include "engine/certification.h"
#include "importers/reac_lines.h"

namespace passerelle::reac {

struct SynopticRow {
  int number = 0;
  std::string title;
};

// The numbered rows of every synoptic table of `lines`: "k Title" or "k"
// alone, then the title's lines up to a blank line or the next row. Column
// labels are skipped.
std::vector<SynopticRow> ParseSynopticRows(const std::vector<Line>& lines);

// Notes (French) for each row whose title is not the one of the fiche it
// stands for: the compétence `<prefix>-CP<k>` or the bloc `bloc_ids[k-1]`
// with the same number, whichever it is closer to. Rows that are the same
// as their fiche, or like neither, give none.
std::vector<std::string> CheckSynopticTitles(const std::vector<SynopticRow>& rows,
                                             const Certification& cert, const std::string& prefix,
                                             const std::vector<const Bloc*>& blocs);

}  // namespace passerelle::reac
