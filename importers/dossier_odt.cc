#include "importers/dossier_odt.h"

#include <algorithm>
#include <cstring>
#include <map>

#include "engine/text.h"
#include "importers/dossier_xml.h"
#include "importers/text_decode.h"

namespace passerelle {

namespace {

constexpr int kMaxRepeatedSpaces = 1000;  // bound text:c of a hostile file

// Not part of the text flow: notes, comments, tracked deletions, indexes.
bool SkippedEverywhere(const char* name) {
  for (const char* skipped :
       {"text:note", "office:annotation", "text:tracked-changes", "text:table-of-content",
        "text:alphabetical-index", "text:illustration-index", "text:table-index",
        "text:object-index", "text:user-index", "text:bibliography"})
    if (std::strcmp(name, skipped) == 0) return true;
  return false;
}

// Builds the text of one paragraph with the ODF white-space rules.
class OdfText {
 public:
  void Characters(const char* s) {
    for (; *s; ++s) {
      const char c = *s;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (!collapsing_) text_ += ' ';
        collapsing_ = true;
      } else {
        text_ += c;
        collapsing_ = false;
      }
    }
  }
  void Literal(const std::string& s) {
    text_ += s;
    collapsing_ = false;
  }
  std::string Take() { return Trim(CleanExtractedText(text_)); }

 private:
  std::string text_;
  bool collapsing_ = true;  // leading white space of a paragraph is dropped
};

std::string ParagraphText(pugi::xml_node paragraph) {
  OdfText text;
  VisitDescendants(paragraph, [&text](pugi::xml_node node) {
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      text.Characters(node.value());
      return false;
    }
    const char* name = node.name();
    if (SkippedEverywhere(name) || std::strcmp(name, "text:p") == 0 ||
        std::strcmp(name, "text:h") == 0 || std::strcmp(name, "draw:frame") == 0)
      return false;  // nested paragraphs are blocks of their own
    if (std::strcmp(name, "text:s") == 0) {
      const int count = std::clamp(node.attribute("text:c").as_int(1), 1, kMaxRepeatedSpaces);
      text.Literal(std::string(static_cast<size_t>(count), ' '));
    } else if (std::strcmp(name, "text:tab") == 0) {
      text.Literal("\t");
    } else if (std::strcmp(name, "text:line-break") == 0) {
      text.Literal("\n");
    }
    return true;
  });
  return text.Take();
}

// Automatic paragraph style name → its parent (common) style name.
std::map<std::string, std::string> AutomaticStyleParents(const pugi::xml_document& doc) {
  std::map<std::string, std::string> parents;
  const pugi::xml_node styles =
      doc.child("office:document-content").child("office:automatic-styles");
  for (pugi::xml_node style : styles.children("style:style"))
    parents[style.attribute("style:name").value()] =
        style.attribute("style:parent-style-name").value();
  return parents;
}

bool IsHeadingStyle(const std::string& style) {
  return style == "Title" || style == "Subtitle" || StartsWith(style, "Heading");
}

bool IsHeading(pugi::xml_node paragraph, const std::map<std::string, std::string>& parents) {
  if (std::strcmp(paragraph.name(), "text:h") == 0) return true;
  const std::string style = paragraph.attribute("text:style-name").value();
  const auto parent = parents.find(style);
  return IsHeadingStyle(style) || (parent != parents.end() && IsHeadingStyle(parent->second));
}

}  // namespace

Result<std::vector<DossierBlock>> OdtBlocks(const ZipArchive& zip, const std::string& file_name) {
  if (!zip.HasEntry("content.xml"))
    return Status::InvalidArgument("fichier " + file_name +
                                   " : document OpenDocument incomplet, la partie content.xml "
                                   "(le texte du document) est absente de l'archive");
  XmlPart part;
  Status status = ReadXmlPart(zip, "content.xml", "document OpenDocument", file_name, &part);
  if (!status.ok()) return status;
  const pugi::xml_node body =
      part.doc.child("office:document-content").child("office:body").child("office:text");
  if (!body)
    return Status::InvalidArgument("fichier " + file_name +
                                   " : document OpenDocument endommagé, content.xml n'a pas "
                                   "d'élément office:body/office:text");
  const auto parents = AutomaticStyleParents(part.doc);
  std::vector<DossierBlock> blocks;
  VisitDescendants(body, [&](pugi::xml_node node) {
    if (SkippedEverywhere(node.name())) return false;
    const bool p = std::strcmp(node.name(), "text:p") == 0;
    if (!p && std::strcmp(node.name(), "text:h") != 0) return true;
    std::string text = ParagraphText(node);
    if (!text.empty()) {
      DossierBlock block;
      (IsHeading(node, parents) ? block.heading : block.text) = std::move(text);
      blocks.push_back(std::move(block));
    }
    return true;  // frames nest paragraphs inside paragraphs
  });
  return blocks;
}

}  // namespace passerelle
