#include "importers/rncp_xml_reader.h"

#include <algorithm>

#include "engine/text.h"
#include "engine/xml_text.h"

namespace passerelle {

namespace {

constexpr size_t kChunk = 1u << 20;             // bytes read at a time
constexpr size_t kMaxPrologBytes = 1u << 20;    // XML declaration, comments
constexpr size_t kMaxTopLevelBytes = 1u << 20;  // VERSION_FLUX and the like
constexpr std::string_view kFicheEnd = "</FICHE>";

bool IsNameChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The element name starting at s[i] (after "<" or "</").
std::string NameAt(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && IsNameChar(s[j])) ++j;
  return std::string(s.substr(i, j - i));
}

// True when s[i] starts the start tag of element `name`: "<name" followed
// by ">", "/" or white space ("<FICHES>" is not a "<FICHE").
bool StartTagAt(std::string_view s, size_t i, std::string_view name) {
  if (s.substr(i, 1 + name.size()) != std::string("<") + std::string(name)) return false;
  const size_t after = i + 1 + name.size();
  return after < s.size() && (s[after] == '>' || s[after] == '/' || IsSpace(s[after]));
}

size_t CountLines(std::string_view s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
}

// The elements open at `offset` in a fragment, outermost first, joined by
// " > " ("FICHE > BLOCS_COMPETENCES > BLOC_COMPETENCES > LIBELLE").
std::string OpenElementsAt(std::string_view xml, size_t offset) {
  std::vector<std::string> open;
  size_t i = 0;
  offset = std::min(offset, xml.size());
  while ((i = xml.find('<', i)) != std::string_view::npos && i < offset) {
    std::string_view rest = xml.substr(i);
    size_t end;
    if (StartsWith(rest, "<!--")) {
      end = xml.find("-->", i);
    } else if (StartsWith(rest, "<![CDATA[")) {
      end = xml.find("]]>", i);
    } else if (StartsWith(rest, "<?") || StartsWith(rest, "<!")) {
      end = xml.find('>', i);
    } else if (StartsWith(rest, "</")) {
      end = xml.find('>', i);
      // An end tag the error falls in did not close its element.
      if (!open.empty() && end < offset) open.pop_back();
    } else {
      end = xml.find('>', i);
      const bool self_closing = end != std::string_view::npos && end > i && xml[end - 1] == '/';
      if (!self_closing || end >= offset) open.push_back(NameAt(xml, i + 1));
    }
    if (end == std::string_view::npos) break;
    i = end + 1;
  }
  return open.empty() ? "FICHE" : Join(open, " > ");
}

// pugixml's parse errors in French.
std::string DescribeParseError(const pugi::xml_parse_result& r) {
  switch (r.status) {
    case pugi::status_unrecognized_tag:
      return "balise non reconnue";
    case pugi::status_bad_pi:
      return "instruction de traitement mal formée";
    case pugi::status_bad_comment:
      return "commentaire mal formé";
    case pugi::status_bad_cdata:
      return "section CDATA mal formée";
    case pugi::status_bad_doctype:
      return "déclaration DOCTYPE mal formée";
    case pugi::status_bad_pcdata:
      return "texte mal formé";
    case pugi::status_bad_start_element:
      return "balise d'ouverture mal formée";
    case pugi::status_bad_attribute:
      return "attribut mal formé";
    case pugi::status_bad_end_element:
      return "balise de fermeture mal formée";
    case pugi::status_end_element_mismatch:
      return "balise de fermeture qui ne correspond pas à l'élément ouvert";
    case pugi::status_out_of_memory:
      return "mémoire insuffisante";
    default:
      return r.description();
  }
}

std::string EncodingOf(std::string_view declaration) {
  const size_t at = declaration.find("encoding");
  if (at == std::string_view::npos) return "";
  const size_t quote = declaration.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return "";
  const size_t close = declaration.find(declaration[quote], quote + 1);
  if (close == std::string_view::npos) return "";
  return std::string(declaration.substr(quote + 1, close - quote - 1));
}

bool IsUtf8Name(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name.empty() || name == "utf-8" || name == "utf8";
}

const char kBombMessage[] =
    "déclaration DOCTYPE ou ENTITY refusée : un export France Compétences n'en contient pas, "
    "et ses entités pourraient démultiplier le texte jusqu'à épuiser la mémoire (« bombe XML »)";

}  // namespace

RncpXmlReader::RncpXmlReader(ByteSource* source, std::string file_name)
    : source_(source), file_name_(std::move(file_name)) {}

Status RncpXmlReader::Error(size_t line, const std::string& element,
                            const std::string& what) const {
  std::string where = "fichier " + file_name_ + " : ligne " + std::to_string(line);
  if (!element.empty()) where += ", élément " + element;
  return Status::InvalidArgument(where + " : " + what);
}

size_t RncpXmlReader::LineAt(size_t offset) const {
  return line_ + CountLines(std::string_view(buffer_).substr(pos_, offset - pos_));
}

Result<bool> RncpXmlReader::Fill() {
  if (eof_) return false;
  const size_t old_size = buffer_.size();
  buffer_.resize(old_size + kChunk);
  auto n = source_->Read(buffer_.data() + old_size, kChunk);
  buffer_.resize(old_size + (n.ok() ? *n : 0));
  if (!n.ok()) return n.status();
  bytes_read_ += *n;
  eof_ = *n == 0;
  return !eof_;
}

Status RncpXmlReader::Need(size_t bytes_from_pos, const char* what) {
  while (buffer_.size() - pos_ < bytes_from_pos && !eof_) {
    auto more = Fill();
    if (!more.ok()) return more.status().WithContext(std::string(what) + " : ");
  }
  return Status::OK();
}

// Position of `needle` at or after `from`, reading more as needed; npos at
// the end of the file. Refuses to buffer more than `limit` bytes past pos_.
Result<size_t> RncpXmlReader::Find(std::string_view needle, size_t from, size_t limit,
                                   const char* what) {
  for (;;) {
    const size_t at = buffer_.find(needle, from);
    if (at != std::string::npos) return at;
    if (eof_) return std::string::npos;
    if (buffer_.size() - pos_ > limit)
      return Error(line_, what,
                   "plus de " + std::to_string(limit / (1024 * 1024)) +
                       " Mo sans fin d'élément, fichier endommagé");
    from = std::max(from, buffer_.size() >= needle.size() ? buffer_.size() - needle.size() + 1 : 0);
    auto more = Fill();
    if (!more.ok()) return more.status();
  }
}

void RncpXmlReader::Advance(size_t to) {
  line_ += CountLines(std::string_view(buffer_).substr(pos_, to - pos_));
  pos_ = to;
}

void RncpXmlReader::Compact() {
  if (pos_ < kChunk) return;
  buffer_.erase(0, pos_);
  pos_ = 0;
}

// Skips a comment, processing instruction or CDATA section at pos_;
// refuses DOCTYPE and ENTITY declarations.
Status RncpXmlReader::SkipMarkup(const char* what) {
  Status s = Need(9, what);
  if (!s.ok()) return s;
  const std::string_view rest = std::string_view(buffer_).substr(pos_);
  std::string_view close;
  if (StartsWith(rest, "<!--"))
    close = "-->";
  else if (StartsWith(rest, "<![CDATA["))
    close = "]]>";
  else if (StartsWith(rest, "<?"))
    close = "?>";
  else
    return Error(line_, "", kBombMessage);
  const bool declaration = StartsWith(rest, "<?xml");  // `rest` dies when Find reads more
  auto end = Find(close, pos_ + 2, kMaxPrologBytes, what);
  if (!end.ok()) return end.status();
  if (*end == std::string::npos)
    return Error(line_, what, "fichier tronqué au milieu d'un commentaire ou d'une instruction");
  if (declaration) {
    const std::string encoding = EncodingOf(std::string_view(buffer_).substr(pos_, *end - pos_));
    if (!IsUtf8Name(encoding))
      return Error(line_, "",
                   "encodage « " + encoding +
                       " » non pris en charge (un export France Compétences est en "
                       "UTF-8)");
  }
  Advance(*end + close.size());
  return Status::OK();
}

Status RncpXmlReader::ReadHeader() {
  Status s = Need(3, "prologue");
  if (!s.ok()) return s;
  if (StartsWith(buffer_, "\xEF\xBB\xBF")) Advance(3);
  for (;;) {
    while (true) {
      while (pos_ < buffer_.size() && IsSpace(buffer_[pos_])) Advance(pos_ + 1);
      if (pos_ < buffer_.size() || eof_) break;
      auto more = Fill();
      if (!more.ok()) return more.status();
    }
    if (pos_ == buffer_.size())
      return Error(line_, "",
                   "fichier vide ou sans élément racine : ce n'est pas un export "
                   "France Compétences");
    if (buffer_[pos_] != '<') return Error(line_, "", "ce n'est pas un document XML");
    s = Need(2, "prologue");
    if (!s.ok()) return s;
    if (buffer_[pos_ + 1] == '?' || buffer_[pos_ + 1] == '!') {
      s = SkipMarkup("prologue");
      if (!s.ok()) return s;
      continue;
    }
    auto end = Find(">", pos_, kMaxPrologBytes, "FICHES");
    if (!end.ok()) return end.status();
    const std::string root = NameAt(buffer_, pos_ + 1);
    if (root != "FICHES")
      return Error(line_, root,
                   "ce n'est pas un export France Compétences (élément racine <" + root +
                       ">, attendu <FICHES>)");
    if (*end == std::string::npos)
      return Error(line_, "FICHES", "fichier tronqué dans la balise de l'élément racine");
    root_line_ = line_;
    if (buffer_[*end - 1] == '/') return Error(line_, "FICHES", "export vide (<FICHES/>)");
    Advance(*end + 1);
    return Status::OK();
  }
}

Result<bool> RncpXmlReader::Next(ExportFiche* fiche) {
  for (;;) {
    auto lt = Find("<", pos_, kMaxTopLevelBytes, "FICHES");
    if (!lt.ok()) return lt.status();
    if (*lt == std::string::npos)
      return Error(LineAt(buffer_.size()), "FICHES",
                   "fichier tronqué : l'élément racine FICHES ouvert ligne " +
                       std::to_string(root_line_) + " n'est pas fermé");
    Advance(*lt);
    Status s = Need(10, "FICHES");
    if (!s.ok()) return s;
    const std::string_view rest = std::string_view(buffer_).substr(pos_);
    if (StartTagAt(buffer_, pos_, "FICHE")) return CutFiche(fiche);
    if (StartsWith(rest, "</FICHES")) {
      s = CheckTrailer();
      if (!s.ok()) return s;
      return false;
    }
    if (StartsWith(rest, "<!") || StartsWith(rest, "<?")) {
      s = SkipMarkup("FICHES");
    } else if (StartsWith(rest, "</")) {
      auto tag_end = Find(">", pos_, kMaxTopLevelBytes, "FICHES");
      if (!tag_end.ok()) return tag_end.status();
      return Error(line_, "FICHES",
                   "balise de fermeture </" + NameAt(buffer_, pos_ + 2) +
                       "> inattendue (élément ouvert : FICHES)");
    } else {
      s = ReadTopLevelElement();
    }
    if (!s.ok()) return s;
  }
}

Result<bool> RncpXmlReader::CutFiche(ExportFiche* fiche) {
  const size_t start = pos_;
  const size_t line = line_;
  const size_t position = fiches_ + 1;
  const std::string label =
      "fiche n° " + std::to_string(position) + " (FICHE ouvert ligne " + std::to_string(line) + ")";
  auto end = Find(kFicheEnd, start + 6, kMaxFicheBytes, "FICHE");
  if (!end.ok()) return end.status();
  const size_t limit = *end == std::string::npos ? buffer_.size() : *end;
  // A FICHE that starts before this one ends: this one was never closed.
  const std::string_view scanned = std::string_view(buffer_).substr(0, limit);
  for (size_t at = scanned.find("<FICHE", start + 6); at != std::string_view::npos;
       at = scanned.find("<FICHE", at + 6)) {
    if (StartTagAt(buffer_, at, "FICHE"))
      return Error(
          line, "FICHE",
          label + " non fermée avant la fiche suivante (ligne " + std::to_string(LineAt(at)) + ")");
  }
  if (*end == std::string::npos)
    return Error(LineAt(buffer_.size()), "FICHE",
                 "fichier tronqué : " + label + " non fermée à la fin du fichier");
  fiche->xml.assign(buffer_, start, *end + kFicheEnd.size() - start);
  fiche->position = position;
  fiche->line = line;
  fiche->offset = bytes_read_ - buffer_.size() + start;
  fiches_ = position;
  Advance(*end + kFicheEnd.size());
  Compact();
  return true;
}

// An element between fiches: VERSION_FLUX is kept, others are skipped.
Status RncpXmlReader::ReadTopLevelElement() {
  auto tag_end = Find(">", pos_, kMaxTopLevelBytes, "FICHES");
  if (!tag_end.ok()) return tag_end.status();
  if (*tag_end == std::string::npos)
    return Error(line_, "FICHES", "fichier tronqué dans une balise");
  const std::string name = NameAt(buffer_, pos_ + 1);
  if (name.empty()) return Error(line_, "FICHES", "balise mal formée");
  if (buffer_[*tag_end - 1] == '/') {
    Advance(*tag_end + 1);
    return Status::OK();
  }
  const std::string close = "</" + name + ">";
  auto end = Find(close, *tag_end + 1, kMaxTopLevelBytes, name.c_str());
  if (!end.ok()) return end.status();
  if (*end == std::string::npos)
    return Error(line_, name, "fichier tronqué : élément " + name + " non fermé");
  if (name == "VERSION_FLUX") {
    // The flux version names every certification's source: plain text,
    // valid UTF-8, never markup swallowed up to a later </VERSION_FLUX>.
    const std::string_view raw = std::string_view(buffer_).substr(*tag_end + 1, *end - *tag_end - 1);
    const size_t invalid = FirstInvalidUtf8(raw);
    if (invalid != std::string::npos)
      return Error(LineAt(*tag_end + 1 + invalid), name,
                   "séquence qui n'est pas de l'UTF-8 valide dans la version du flux (octet " +
                       std::to_string(invalid) + " de l'élément)");
    const size_t markup = raw.find_first_of("<>&");
    if (markup != std::string::npos)
      return Error(LineAt(*tag_end + 1 + markup), name,
                   "élément mal formé : balise ou entité dans la version du flux");
    version_ = Trim(raw);
  }
  Advance(*end + close.size());
  return Status::OK();
}

// After </FICHES>: only white space, comments and processing instructions.
Status RncpXmlReader::CheckTrailer() {
  auto end = Find(">", pos_, kMaxTopLevelBytes, "FICHES");
  if (!end.ok()) return end.status();
  if (*end == std::string::npos) return Error(line_, "FICHES", "fichier tronqué");
  Advance(*end + 1);
  for (;;) {
    while (pos_ < buffer_.size() && IsSpace(buffer_[pos_])) Advance(pos_ + 1);
    if (pos_ == buffer_.size()) {
      if (eof_) return Status::OK();
      auto more = Fill();
      if (!more.ok()) return more.status();
      continue;
    }
    Status s = Need(4, "FICHES");
    if (!s.ok()) return s;
    if (buffer_[pos_] != '<' ||
        (buffer_.compare(pos_, 4, "<!--") != 0 && buffer_.compare(pos_, 2, "<?") != 0))
      return Error(line_, "", "contenu inattendu après la fin de l'élément racine </FICHES>");
    s = SkipMarkup("FICHES");
    if (!s.ok()) return s;
  }
}

Status ParseFicheXml(const ExportFiche& fiche, const std::string& file_name,
                     pugi::xml_document* doc) {
  for (const char* declaration : {"<!DOCTYPE", "<!ENTITY"}) {
    const size_t at = fiche.xml.find(declaration);
    if (at != std::string::npos)
      return Status::InvalidArgument(
          "fichier " + file_name + " : ligne " +
          std::to_string(fiche.line + CountLines(std::string_view(fiche.xml).substr(0, at))) +
          ", élément " + OpenElementsAt(fiche.xml, at) + " : " + kBombMessage);
  }
  const size_t invalid = FirstInvalidUtf8(fiche.xml);
  if (invalid != std::string::npos)
    return Status::InvalidArgument(
        "fichier " + file_name + " : ligne " +
        std::to_string(fiche.line + CountLines(std::string_view(fiche.xml).substr(0, invalid))) +
        ", octet " + std::to_string(fiche.offset + invalid) + ", élément " +
        OpenElementsAt(fiche.xml, invalid) +
        " : séquence qui n'est pas de l'UTF-8 valide (fiche n° " + std::to_string(fiche.position) +
        ") ; un export France Compétences est en UTF-8");
  const pugi::xml_parse_result r = doc->load_buffer(fiche.xml.data(), fiche.xml.size(),
                                                    pugi::parse_default, pugi::encoding_utf8);
  if (r) {
    pugi::xml_node bad = FirstElementWithInvalidUtf8(*doc);
    if (!bad) return Status::OK();
    return Status::InvalidArgument("fichier " + file_name + " : élément " + ElementPath(bad) +
                                   " : référence de caractère qui n'est pas un caractère "
                                   "Unicode valide (fiche n° " + std::to_string(fiche.position) +
                                   ", ligne " + std::to_string(fiche.line) + ")");
  }
  const size_t offset =
      std::min(static_cast<size_t>(std::max<ptrdiff_t>(r.offset, 0)), fiche.xml.size());
  const size_t line = fiche.line + CountLines(std::string_view(fiche.xml).substr(0, offset));
  return Status::InvalidArgument("fichier " + file_name + " : XML mal formé ligne " +
                                 std::to_string(line) + ", élément " +
                                 OpenElementsAt(fiche.xml, offset) + " : " + DescribeParseError(r) +
                                 " (fiche n° " + std::to_string(fiche.position) + ")");
}

bool LooksLikeOpenDataExport(std::string_view head) {
  if (StartsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  size_t i = 0;
  for (;;) {
    while (i < head.size() && IsSpace(head[i])) ++i;
    if (i >= head.size() || head[i] != '<') return false;
    const std::string_view rest = head.substr(i);
    std::string_view close = ">";
    size_t from = i;
    if (StartsWith(rest, "<?")) {
      close = "?>";
    } else if (StartsWith(rest, "<!--")) {
      close = "-->";
    } else if (StartsWith(rest, "<!")) {
      // DOCTYPE, possibly with an internal subset "[...]".
      const size_t bracket = head.find('[', i);
      if (bracket < head.find('>', i)) {
        close = "]>";
        from = bracket;
      }
    } else {
      return NameAt(head, i + 1) == "FICHES";
    }
    const size_t at = head.find(close, from);
    if (at == std::string_view::npos) return false;
    i = at + close.size();
  }
}

}  // namespace passerelle
