#include "importers/dossier_reader.h"

#include <utility>

#include "engine/file_system.h"
#include "engine/text.h"
#include "importers/dossier_docx.h"
#include "importers/dossier_odt.h"
#include "importers/dossier_pdf.h"
#include "importers/dossier_split.h"
#include "importers/dossier_text.h"
#include "importers/dossier_xml.h"
#include "importers/pdf_text.h"
#include "importers/text_decode.h"
#include "importers/zip_archive.h"

namespace passerelle {

namespace {

const char kSupportedFormats[] =
    "formats acceptés : texte (.txt), Markdown (.md), PDF, Word (.docx), OpenDocument texte "
    "(.odt)";
const char kOdtMimetype[] = "application/vnd.oasis.opendocument.text";
constexpr size_t kSniffBytes = 64 * 1024;

Status UnsupportedType(const std::string& name, const std::string& what) {
  return Status::Unsupported("fichier " + name + " : type de fichier non pris en charge (" + what +
                             ") ; " + kSupportedFormats);
}

std::string Extension(const std::string& name) {
  const size_t slash = name.find_last_of("/\\");
  const size_t dot = name.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return ToLower(name.substr(dot + 1));
}

bool IsZip(const std::string& bytes) {
  return StartsWith(bytes, "PK\x03\x04") || StartsWith(bytes, std::string("PK\x05\x06", 4));
}

// Formats people send instead of a dossier, named so the message can help.
std::string KnownBinaryType(const std::string& bytes) {
  if (StartsWith(bytes, "\x89PNG")) return "image PNG";
  if (StartsWith(bytes, "\xFF\xD8\xFF")) return "image JPEG";
  if (StartsWith(bytes, "GIF8")) return "image GIF";
  if (StartsWith(bytes, std::string("II*\0", 4)) || StartsWith(bytes, std::string("MM\0*", 4)))
    return "image TIFF";
  if (StartsWith(bytes, "\xD0\xCF\x11\xE0"))
    return "document Word 97-2003 (.doc) ou document Office protégé par un mot de passe ; "
           "enregistrez-le au format .docx, sans mot de passe";
  if (StartsWith(bytes, "{\\rtf")) return "document RTF ; enregistrez-le au format .docx ou .odt";
  if (StartsWith(bytes, "<?xml")) return "fichier XML";
  return "";
}

// UTF-16 saved without a byte order mark: NUL bytes in every other
// position. Returns the BOM to prepend, or "".
std::string MissingUtf16Bom(const std::string& bytes) {
  const size_t n = std::min(bytes.size(), kSniffBytes) & ~size_t{1};
  if (n < 4) return "";
  size_t even_nul = 0, odd_nul = 0;
  for (size_t i = 0; i < n; i += 2) {
    even_nul += bytes[i] == '\0';
    odd_nul += bytes[i + 1] == '\0';
  }
  const size_t pairs = n / 2;
  if (odd_nul * 10 >= pairs * 7 && even_nul == 0) return "\xFF\xFE";
  if (even_nul * 10 >= pairs * 7 && odd_nul == 0) return "\xFE\xFF";
  return "";
}

bool HasUtf16Bom(const std::string& bytes) {
  return StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF");
}

// What a zip archive holds.
struct ZipKind {
  enum Kind { kDocx, kOdt, kOther } kind = kOther;
  std::string detail;  // docx: the main part; other: what it is, for the message
};

// The main part named by [Content_Types].xml, or what else the package is.
Result<ZipKind> KindFromContentTypes(const ZipArchive& zip, const std::string& name) {
  XmlPart part;
  Status status = ReadXmlPart(zip, "[Content_Types].xml", "document Office", name, &part);
  if (!status.ok()) return status;
  ZipKind kind;
  for (pugi::xml_node override : part.doc.child("Types").children("Override")) {
    const std::string type = override.attribute("ContentType").value();
    std::string part_name = override.attribute("PartName").value();
    if (StartsWith(part_name, "/")) part_name.erase(0, 1);
    if (type.find("wordprocessingml.document.main") != std::string::npos ||
        type.find("wordprocessingml.template.main") != std::string::npos ||
        type.find("ms-word.document.macroEnabled.main") != std::string::npos)
      return ZipKind{ZipKind::kDocx, part_name};
    if (type.find("spreadsheetml") != std::string::npos) kind.detail = "classeur Excel (.xlsx)";
    if (type.find("presentationml") != std::string::npos)
      kind.detail = "présentation PowerPoint (.pptx)";
  }
  return kind;
}

Result<ZipKind> KindFromMimetype(const ZipArchive& zip) {
  Result<std::string> mimetype = zip.ReadEntry("mimetype", 256);
  if (!mimetype.ok()) return mimetype.status();
  const std::string type = Trim(*mimetype);
  if (type == kOdtMimetype || type == std::string(kOdtMimetype) + "-template")
    return ZipKind{ZipKind::kOdt, ""};
  if (StartsWith(type, "application/vnd.oasis.opendocument.spreadsheet"))
    return ZipKind{ZipKind::kOther, "classeur OpenDocument (.ods)"};
  if (StartsWith(type, "application/vnd.oasis.opendocument.presentation"))
    return ZipKind{ZipKind::kOther, "présentation OpenDocument (.odp)"};
  return ZipKind{ZipKind::kOther, "archive zip de type « " + type + " »"};
}

Result<ZipKind> IdentifyZip(const ZipArchive& zip, const std::string& name) {
  ZipKind kind;
  if (zip.HasEntry("[Content_Types].xml")) {
    Result<ZipKind> from_types = KindFromContentTypes(zip, name);
    if (!from_types.ok() || from_types->kind == ZipKind::kDocx) return from_types;
    kind = *from_types;
  }
  if (zip.HasEntry("word/document.xml")) return ZipKind{ZipKind::kDocx, "word/document.xml"};
  if (zip.HasEntry("mimetype")) return KindFromMimetype(zip);
  for (const std::string& entry : zip.EntryNames())
    if (StartsWith(entry, "word/")) return ZipKind{ZipKind::kDocx, "word/document.xml"};
  if (kind.detail.empty())
    kind.detail =
        "archive zip qui n'est ni un document Word .docx ni un document OpenDocument "
        "texte .odt";
  return kind;
}

Status EmptyDossier(const std::string& name, bool only_headings) {
  if (only_headings)
    return Status::InvalidArgument("fichier " + name +
                                   " : le dossier ne contient que des titres, aucun "
                                   "paragraphe rédigé");
  return Status::InvalidArgument("fichier " + name +
                                 " : le dossier est vide, il ne contient aucun texte");
}

// Numbers the blocks, turns body text into passages under the current
// heading and splits the long ones.
Result<Dossier> Assemble(const std::vector<DossierBlock>& blocks, const std::string& name,
                         const std::string& format) {
  Dossier dossier{name, format, {}, 0};
  uint32_t number = 0;
  std::string heading;
  for (const DossierBlock& block : blocks) {
    ++number;
    if (!block.heading.empty()) heading = block.heading;
    dossier.words += CountWords(block.heading);
    const size_t words = CountWords(block.text);
    dossier.words += words;
    if (words == 0) continue;  // a separator such as "* * *"
    const auto parts = SplitLongParagraph(block.text, kSplitParagraphAbove, kMaxPartChars);
    for (size_t i = 0; i < parts.size(); ++i) {
      const uint32_t part = parts.size() > 1 ? static_cast<uint32_t>(i + 1) : 0;
      dossier.passages.push_back({number, block.page, part, heading, parts[i]});
    }
  }
  if (dossier.passages.empty()) return EmptyDossier(name, dossier.words > 0);
  // Every reader yields UTF-8; this guards the index, whose JSON data
  // cannot hold anything else.
  for (const Passage& p : dossier.passages)
    if (FirstInvalidUtf8(p.text) != std::string::npos ||
        FirstInvalidUtf8(p.heading) != std::string::npos)
      return Status::InvalidArgument("fichier " + name + " : paragraphe " +
                                     std::to_string(p.paragraph) +
                                     " : texte qui n'est pas de l'UTF-8 valide");
  return dossier;
}

Result<Dossier> ReadZipDossier(const std::string& bytes, const std::string& name) {
  Result<std::unique_ptr<ZipArchive>> zip = ZipArchive::Open(bytes, name);
  if (!zip.ok()) return zip.status();
  Result<ZipKind> kind = IdentifyZip(**zip, name);
  if (!kind.ok()) return kind.status();
  if (kind->kind == ZipKind::kOther) return UnsupportedType(name, kind->detail);
  const bool docx = kind->kind == ZipKind::kDocx;
  Result<std::vector<DossierBlock>> blocks =
      docx ? DocxBlocks(**zip, kind->detail, name) : OdtBlocks(**zip, name);
  if (!blocks.ok()) return blocks.status();
  return Assemble(*blocks, name, docx ? "docx" : "odt");
}

Result<Dossier> ReadTextDossier(const std::string& bytes, const std::string& name) {
  const bool utf16 = HasUtf16Bom(bytes);
  const std::string bom = utf16 ? "" : MissingUtf16Bom(bytes);
  if (!utf16 && bom.empty() && LooksBinary(bytes)) return UnsupportedType(name, "contenu binaire");
  Result<std::string> decoded = DecodeText(bom + bytes, name);
  if (!decoded.ok()) return decoded.status();
  const std::string extension = Extension(name);
  const bool markdown = extension == "md" || extension == "markdown";
  return Assemble(TextBlocks(CleanExtractedText(*decoded), markdown), name,
                  markdown ? "markdown" : "text");
}

}  // namespace

Result<Dossier> ReadDossierBytes(const std::string& bytes, const std::string& name) {
  if (bytes.size() > kMaxDossierBytes)
    return Status::InvalidArgument("fichier " + name + " : trop volumineux (" +
                                   FormatByteSize(bytes.size()) + ", limite " +
                                   FormatByteSize(kMaxDossierBytes) + ")");
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string::npos)
    return Status::InvalidArgument("fichier " + name +
                                   " : le dossier est vide, il ne contient aucun texte");
  if (LooksLikePdf(bytes)) {
    Result<std::vector<DossierBlock>> blocks = PdfBlocks(bytes, name);
    if (!blocks.ok()) return blocks.status();
    return Assemble(*blocks, name, "pdf");
  }
  if (IsZip(bytes)) return ReadZipDossier(bytes, name);
  const std::string known = KnownBinaryType(bytes);
  if (!known.empty()) return UnsupportedType(name, known);
  return ReadTextDossier(bytes, name);
}

Result<Dossier> ReadDossierFile(const std::string& path) {
  Result<std::string> bytes = ReadInputFile(path, kMaxDossierBytes);
  if (!bytes.ok()) return bytes.status();
  return ReadDossierBytes(*bytes, path);
}

}  // namespace passerelle
