// Streaming reader of France Compétences' open-data export (root FICHES,
// one FICHE per certification; see ../shared/DOMAIN.md). It never holds the
// document: it reads its ByteSource in chunks, cuts out one
// <FICHE>...</FICHE> at a time and parses that fragment alone with
// pugixml, so memory is one chunk plus one fiche whatever the file size.
//
// It checks what a full parser would, where it matters:
//  - the prolog: a DOCTYPE or ENTITY declaration is refused before anything
//    is parsed (entity expansion, "billion laughs"); an encoding other than
//    UTF-8 is refused; the root element must be FICHES, otherwise the file
//    is not an export;
//  - the tags between fiches balance, and nothing but comments and white
//    space follows </FICHES>;
//  - every fiche is well-formed (pugixml), and a fiche not closed before the
//    next one or before the end of the file is reported;
//  - a file that ends inside a fiche or before </FICHES> is truncated.
// Every error is InvalidArgument, French, and names the file, the line and
// the element ("ligne 1234, élément BLOC_COMPETENCES > LIBELLE").
#pragma once

#include <cstdint>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "engine/status.h"
#include "importers/byte_source.h"

namespace passerelle {

// One FICHE cut out of the export.
struct ExportFiche {
  std::string xml;      // "<FICHE>...</FICHE>", as in the file
  size_t position = 0;  // rank of the FICHE in the file, from 1
  size_t line = 0;      // line of its start tag, from 1
  uint64_t offset = 0;  // byte offset of its start tag in the file, from 0
};

// Largest FICHE accepted: real ones are below 1 MB; a bigger one means a
// damaged file (a fiche that never closes), refused rather than buffered.
constexpr size_t kMaxFicheBytes = 64u * 1024 * 1024;

class RncpXmlReader {
 public:
  // `source` must outlive the reader; `file_name` names the file in messages.
  RncpXmlReader(ByteSource* source, std::string file_name);

  // Reads the prolog and the root start tag (see above). Must be called
  // first; InvalidArgument when the file is not a usable export.
  Status ReadHeader();

  // The next fiche into `*fiche`: true, or false after </FICHES> (the end
  // of the file was checked). InvalidArgument on damage (see above).
  Result<bool> Next(ExportFiche* fiche);

  // VERSION_FLUX ("4.1"), once read (it precedes the fiches); empty if none.
  const std::string& version() const { return version_; }
  // Bytes read from the source so far, and its size when known (progress).
  uint64_t bytes_read() const { return bytes_read_; }
  uint64_t total_bytes() const { return source_->TotalBytes(); }
  const std::string& file_name() const { return file_name_; }

 private:
  Result<bool> Fill();
  Status Need(size_t bytes_from_pos, const char* what);
  Result<size_t> Find(std::string_view needle, size_t from, size_t limit, const char* what);
  void Advance(size_t to);
  void Compact();
  Status SkipMarkup(const char* what);
  Result<bool> CutFiche(ExportFiche* fiche);
  Status ReadTopLevelElement();
  Status CheckTrailer();
  Status Error(size_t line, const std::string& element, const std::string& what) const;
  size_t LineAt(size_t offset) const;

  ByteSource* source_;
  std::string file_name_;
  std::string buffer_;
  size_t pos_ = 0;   // scan position in buffer_
  size_t line_ = 1;  // line number at pos_
  bool eof_ = false;
  uint64_t bytes_read_ = 0;
  size_t root_line_ = 0;
  size_t fiches_ = 0;
  std::string version_;
};

// Parses a fiche cut by RncpXmlReader into `*doc`. On malformed XML:
// InvalidArgument naming the file, the line (counted from fiche.line) and
// the path of open elements at the error, in French. Text that is not
// valid UTF-8 is refused the same way, with the byte offset in the file
// (or, for a character reference outside Unicode, the element).
Status ParseFicheXml(const ExportFiche& fiche, const std::string& file_name,
                     pugi::xml_document* doc);

// True when `head` (the first bytes of a file) is XML whose root element is
// FICHES, the open-data export. A DOCTYPE before the root does not hide it:
// the reader refuses it with its own message.
bool LooksLikeOpenDataExport(std::string_view head);

}  // namespace passerelle
