// Reading a candidate's dossier (livret 2, dossier professionnel) into
// numbered passages for the search index and the evidence mapping.
//
// The type is detected from the content, never trusted from the name:
// "%PDF-" → PDF; a zip archive → Word (.docx, it has a WordprocessingML main
// part) or OpenDocument text (.odt, its "mimetype" entry says so); anything
// else is decoded as text (UTF-8, UTF-16, Windows-1252...). The extension is
// only a hint: ".md" / ".markdown" turns on Markdown headings. The rules
// (paragraphs, headings, splitting, limits) are in docs/dossiers.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/status.h"

namespace passerelle {

// Largest dossier file accepted, any format (a 60-page PDF with pictures is
// a few MB; this leaves a wide margin and bounds memory).
constexpr size_t kMaxDossierBytes = 100u * 1024 * 1024;
// Largest size one XML part of a .docx / .odt may expand to. A real
// document.xml is a few MB; beyond this the archive is treated as a zip bomb.
constexpr size_t kMaxZipPartBytes = 200u * 1024 * 1024;
// Paragraphs longer than this many characters (code points) are split on
// sentence boundaries: about a page, the size beyond which one passage
// stops being a precise citation.
constexpr size_t kSplitParagraphAbove = 1500;
// Target size of the parts of a split paragraph: whole sentences are packed
// up to this many characters (a sentence longer than this is cut at spaces).
constexpr size_t kMaxPartChars = 1000;

// A piece of the dossier that can be cited verbatim.
struct Passage {
  // 1-based paragraph number in the dossier. Every paragraph counts,
  // headings included (for text files: the blank-line separated blocks, so
  // paragraph k is the k-th block of the file).
  uint32_t paragraph = 0;
  uint32_t page = 0;           // 1-based page where it starts, 0 when unknown
  uint32_t sentence_part = 0;  // 0 unless the paragraph was split: 1, 2, ...
  std::string heading;         // the heading it sits under, "" if none
  // The text as written (UTF-8, NFC, no-break spaces made plain spaces):
  // in text and PDF files the line breaks inside a paragraph became single
  // spaces; in .docx / .odt explicit line breaks stay '\n' and tabs '\t'.
  std::string text;
};

struct Dossier {
  std::string name;    // the name given (the path for ReadDossierFile)
  std::string format;  // "text", "markdown", "pdf", "docx" or "odt"
  // In dossier order; a heading yields no passage (it is the `heading` of
  // the passages after it) but consumes its paragraph number.
  std::vector<Passage> passages;
  size_t words = 0;  // words of all paragraphs, headings included
};

// Reads the dossier at `path` (at most kMaxDossierBytes). Every failure is a
// non-OK Status with a French message naming the file:
// - NotFound: no such file;
// - InvalidArgument: too large, empty (no text, or only blank / headings),
//   corrupt zip, zip bomb (a part past kMaxZipPartBytes), .docx without
//   word/document.xml, malformed XML inside (with the position), damaged PDF;
// - Unsupported: not a supported type (the message lists the supported
//   ones), PDF protected by a password, PDF without text (scan, no OCR).
Result<Dossier> ReadDossierFile(const std::string& path);

// Same on bytes already in memory; `name` is used in messages, as
// Dossier::name, and for the extension hint.
Result<Dossier> ReadDossierBytes(const std::string& bytes, const std::string& name);

}  // namespace passerelle
