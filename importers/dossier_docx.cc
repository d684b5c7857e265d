#include "importers/dossier_docx.h"

#include <cstring>
#include <set>

#include "engine/text.h"
#include "importers/dossier_xml.h"
#include "importers/text_decode.h"

namespace passerelle {

namespace {

const char kWhat[] = "document Word";

struct DocxStyles {
  std::set<std::string> headings;  // paragraph style ids that are headings
  std::set<std::string> toc;       // table-of-contents entry styles
};

bool HasOutlineLevel(pugi::xml_node ppr) {
  const pugi::xml_attribute level = ppr.child("w:outlineLvl").attribute("w:val");
  return level && level.as_int(9) < 9;
}

// Style ids Word writes for headings in English and French documents.
bool IdLooksLikeHeading(const std::string& id) {
  const std::string lower = ToLower(id);
  return StartsWith(lower, "heading") || StartsWith(lower, "titre") || lower == "title" ||
         lower == "subtitle" || lower == "sous-titre";
}

bool IdLooksLikeToc(const std::string& id) {
  const std::string lower = ToLower(id);
  return StartsWith(lower, "toc") ||
         (lower.size() == 3 && StartsWith(lower, "tm") && lower[2] >= '1' && lower[2] <= '9');
}

// word/styles.xml is optional; a damaged one is an error like any part.
Result<DocxStyles> ReadStyles(const ZipArchive& zip, const std::string& file_name) {
  DocxStyles styles;
  if (!zip.HasEntry("word/styles.xml")) return styles;
  XmlPart part;
  Status status = ReadXmlPart(zip, "word/styles.xml", kWhat, file_name, &part);
  if (!status.ok()) return status;
  for (pugi::xml_node style : part.doc.child("w:styles").children("w:style")) {
    if (std::strcmp(style.attribute("w:type").value(), "paragraph") != 0) continue;
    const std::string id = style.attribute("w:styleId").value();
    const std::string name = ToLower(style.child("w:name").attribute("w:val").value());
    if (StartsWith(name, "heading ") || name == "title" || name == "subtitle" ||
        HasOutlineLevel(style.child("w:pPr")))
      styles.headings.insert(id);
    if (StartsWith(name, "toc ")) styles.toc.insert(id);
  }
  return styles;
}

// Elements whose content is not the paragraph's own visible text.
bool SkippedInRun(const char* name) {
  for (const char* skipped : {"w:pPr", "w:rPr", "w:p", "w:txbxContent", "mc:Fallback", "w:delText",
                              "w:instrText", "w:sectPr"})
    if (std::strcmp(name, skipped) == 0) return true;
  return false;
}

std::string ParagraphText(pugi::xml_node paragraph) {
  std::string text;
  VisitDescendants(paragraph, [&text](pugi::xml_node node) {
    const char* name = node.name();
    if (SkippedInRun(name)) return false;
    if (std::strcmp(name, "w:t") == 0) {
      text += node.child_value();
      return false;
    }
    if (std::strcmp(name, "w:tab") == 0) text += '\t';
    if (std::strcmp(name, "w:br") == 0 || std::strcmp(name, "w:cr") == 0) text += '\n';
    if (std::strcmp(name, "w:noBreakHyphen") == 0) text += '-';
    return true;
  });
  return Trim(CleanExtractedText(text));
}

// Appends the block of one w:p, unless it is empty or a table-of-contents line.
void AddParagraph(pugi::xml_node paragraph, const DocxStyles& styles,
                  std::vector<DossierBlock>* blocks) {
  const pugi::xml_node ppr = paragraph.child("w:pPr");
  const std::string style = ppr.child("w:pStyle").attribute("w:val").value();
  if (styles.toc.count(style) || IdLooksLikeToc(style)) return;
  std::string text = ParagraphText(paragraph);
  if (text.empty()) return;
  DossierBlock block;
  const bool heading =
      styles.headings.count(style) || IdLooksLikeHeading(style) || HasOutlineLevel(ppr);
  (heading ? block.heading : block.text) = std::move(text);
  blocks->push_back(std::move(block));
}

}  // namespace

Result<std::vector<DossierBlock>> DocxBlocks(const ZipArchive& zip, const std::string& main_part,
                                             const std::string& file_name) {
  if (!zip.HasEntry(main_part))
    return Status::InvalidArgument("fichier " + file_name +
                                   " : document Word incomplet, la partie " + main_part +
                                   " (le texte du document) est absente de l'archive");
  Result<DocxStyles> styles = ReadStyles(zip, file_name);
  if (!styles.ok()) return styles.status();
  XmlPart part;
  Status status = ReadXmlPart(zip, main_part, kWhat, file_name, &part);
  if (!status.ok()) return status;
  const pugi::xml_node body = part.doc.child("w:document").child("w:body");
  if (!body)
    return Status::InvalidArgument("fichier " + file_name + " : document Word endommagé, " +
                                   main_part + " n'a pas d'élément w:document/w:body");
  std::vector<DossierBlock> blocks;
  VisitDescendants(body, [&](pugi::xml_node node) {
    if (std::strcmp(node.name(), "mc:Fallback") == 0) return false;
    if (std::strcmp(node.name(), "w:p") == 0) AddParagraph(node, *styles, &blocks);
    return true;  // text boxes nest paragraphs inside paragraphs
  });
  return blocks;
}

}  // namespace passerelle
