// Private to the REAC importer (importers/reac_text.cc): the lines of a REAC
// (+ RE) once the page furniture is gone, and the rules for finding sections
// and joining wrapped lines. Not a public API.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace passerelle::reac {

// One line of the document after page furniture has been removed.
struct Line {
  std::string text;    // trimmed; empty for a blank line
  std::string folded;  // FoldForMatch(text), for headings and comparisons
  // First line of a new page: a page header, footer or page number was
  // removed just before it, or pdftotext marked the page start with a single
  // leading space. A page break may have swallowed a blank line, so this is a
  // weak boundary between groups of items.
  bool page_start = false;
  bool blank() const { return text.empty(); }
};

// What the page headers said (first value seen of each).
struct PageHeaderInfo {
  std::string sigle;            // "TUAO"
  std::string code;             // "TP-00211"
  std::string validation_date;  // "05/11/2020", REAC "Date de Validation"
};

struct CleanDocument {
  std::vector<Line> lines;
  PageHeaderInfo header;
};

// Splits `text` (already through CleanExtractedText) into lines and removes
// page furniture: header tables on one line ("SIGLE Type de document Code
// titre ..." + "TUAO REAC TP-00211 08 ... 35/40") or spread over several
// lines ("SIGLE" / "AIS" / "Type de document" / "REAC" ... "Page" / "17/44"),
// lone page numbers, the copyright boilerplate and table-of-contents lines.
// The blank lines around removed furniture go too; the next line is marked
// page_start.
CleanDocument CleanLines(const std::string& text);

// Kinds of "FICHE ..." sections.
enum class FicheKind { kNone, kActivite, kCompetence, kTransversal, kOther };

// The kind of a "FICHE ..." heading line: "FICHE ACTIVITÉ TYPE ...",
// "FICHE COMPÉTENCE PROFESSIONNELLE ..." (with or without "DE L'EMPLOI
// TYPE"), "FICHE DES COMPÉTENCES TRANSVERSALES ..." / "FICHE COMPÉTENCE
// TRANSVERSALE ..." (any case), or another upper-case "FICHE ..." heading.
FicheKind FicheKindOf(const Line& line);

// True when `line` names a certificat complémentaire de spécialisation as a
// heading: it starts with "Certificat(s) complémentaire(s) de
// spécialisation" or "CCS" (after "Vue synoptique du/de la"), or it is a
// FICHE heading that says "... du certificat complémentaire ..." / "CCS".
bool IsCcsHeading(const Line& line);

// True when `line` ends a fiche section: another FICHE heading, a glossary,
// the RE ("REFERENTIEL D'EVALUATION"), an annex.
bool EndsFiche(const Line& line);

// A numbered fiche: lines [begin, end) follow its heading line.
struct FicheSection {
  int number = 0;
  std::string heading_rest;  // text after "N° k" on the heading line, if any
  size_t begin = 0;
  size_t end = 0;
};

// All numbered fiches of `kind` ("N° k" on the heading or on the next line),
// in document order; when a number appears twice (a table of contents), the
// fiche with the most text.
std::vector<FicheSection> FindFiches(const std::vector<Line>& lines, FicheKind kind);

// Same, without merging repeated numbers, and with `number` 0 kept for
// unnumbered headings (the transversal competences' fiche).
std::vector<FicheSection> FindAllFiches(const std::vector<Line>& lines, FicheKind kind);

// Non-blank lines of the section.
size_t ContentLines(const std::vector<Line>& lines, const FicheSection& s);

// Index of the first line in [begin, end) whose folded text starts with
// `folded_prefix`, or `end`.
size_t FindHeading(const std::vector<Line>& lines, size_t begin, size_t end,
                   const std::string& folded_prefix);

// Index after a heading that starts at `at` and should end with
// `folded_tail` ("oeuvre", "savoirs"): pdftotext may wrap a long heading, so
// up to two short lines that complete it are consumed too.
size_t SkipHeading(const std::vector<Line>& lines, size_t at, size_t end,
                   const std::string& folded_tail);

// True when `next` continues the item ending with `previous`: the rules of
// ContinuesItem (list_items.h) plus an open parenthesis or a final ':' in
// `previous`, or `next` starting with a digit after an unfinished sentence.
bool Continues(const std::string& previous, const std::string& next);

// Appends a wrapped line to `text`: a hyphenated break ("machines-" +
// "outils") is glued, otherwise one space.
void AppendWrapped(std::string& text, const std::string& next);

// Non-blank lines of [begin, end), bullets stripped, joined as one paragraph.
std::string JoinParagraph(const std::vector<Line>& lines, size_t begin, size_t end);

// One item of a list (criterion, savoir-faire) with what separated it from
// the previous one.
struct ListItem {
  std::string text;
  bool after_blank = false;       // a blank line came before it
  bool after_page_break = false;  // it starts a page
};

// Lines [begin, end) as items: a bullet or a line that does not continue the
// previous item (Continues) starts a new item. Items are cleaned (CleanItem,
// final period kept).
std::vector<ListItem> BuildItems(const std::vector<Line>& lines, size_t begin, size_t end);

// Converts "JJ/MM/AAAA" found in `s` to "AAAA-MM-JJ"; empty when none.
std::string IsoDate(const std::string& s);

}  // namespace passerelle::reac
