#include "importers/reac_synoptic.h"

#include <regex>

#include "engine/text.h"
#include "importers/list_items.h"
#include "importers/reac_activities.h"

namespace passerelle::reac {

namespace {

bool IsColumnLabel(const std::string& f) {
  static const std::regex label(
      R"(^(n°|n° fiche|fiche|at|cp|n° fiche (at|cp)|activites? types?( n°)?|competences? professionnelles?( n°)?|certificats? complementaires? de specialisation( n°)?)$)");
  return std::regex_match(f, label);
}

bool EndsTable(const Line& line) {
  return FicheKindOf(line) != FicheKind::kNone || StartsWith(line.folded, "glossaire") ||
         StartsWith(line.folded, "referentiel");
}

// Overlap below which a row is taken for another fiche's, not a mangled
// title of this one.
constexpr double kSameFiche = 0.4;

}  // namespace

std::vector<SynopticRow> ParseSynopticRows(const std::vector<Line>& lines) {
  static const std::regex numbered(R"(^(\d{1,2})(?:\s+(\S.*))?$)");
  std::vector<SynopticRow> rows;
  bool in_table = false, open = false;
  for (const Line& line : lines) {
    if (StartsWith(line.folded, "vue synoptique")) {
      in_table = true;
      open = false;
      continue;
    }
    if (!in_table) continue;
    if (EndsTable(line)) {
      in_table = false;
      continue;
    }
    // A title never runs over a blank line; a lone row number may have
    // gone with the page numbers (the cleaner takes "1" alone for one),
    // leaving its title after a blank line or a page mark.
    if (line.blank()) {
      open = false;
      continue;
    }
    if (line.page_start) open = false;  // the removed number left a page mark
    if (IsColumnLabel(line.folded)) continue;
    std::smatch m;
    if (std::regex_match(line.text, m, numbered)) {
      rows.push_back(SynopticRow{std::stoi(m[1]), m[2].str()});
      open = true;
    } else if (open) {
      AppendWrapped(rows.back().title, line.text);
    }
  }
  for (SynopticRow& row : rows) row.title = CleanItem(row.title, false);
  std::erase_if(rows, [](const SynopticRow& r) { return r.title.empty(); });
  return rows;
}

std::vector<std::string> CheckSynopticTitles(const std::vector<SynopticRow>& rows,
                                             const Certification& cert, const std::string& prefix,
                                             const std::vector<const Bloc*>& blocs) {
  std::vector<std::string> notes;
  for (const SynopticRow& row : rows) {
    const Competence* cp =
        cert.FindCompetence(CompetenceId(prefix + "-CP" + std::to_string(row.number)));
    const Bloc* bloc = row.number >= 1 && static_cast<size_t>(row.number) <= blocs.size()
                           ? blocs[static_cast<size_t>(row.number - 1)]
                           : nullptr;
    if ((cp && SameTitle(row.title, cp->title)) || (bloc && SameTitle(row.title, bloc->title)))
      continue;
    const double to_cp = cp ? TitleOverlap(row.title, cp->title) : 0;
    const double to_bloc = bloc ? TitleOverlap(row.title, bloc->title) : 0;
    if (std::max(to_cp, to_bloc) < kSameFiche) continue;
    const bool is_cp = to_cp >= to_bloc;
    const std::string fiche = is_cp ? cp->title : bloc->title;
    notes.push_back("tableau synoptique : " +
                    (is_cp ? cp->number : "l'activité type " + std::to_string(row.number)) +
                    " y est écrite « " + row.title + " », « " + fiche +
                    " » dans sa fiche ; l'intitulé de la fiche est retenu");
  }
  return notes;
}

}  // namespace passerelle::reac
