// XML parts of office documents (.docx, .odt) read out of their zip archive
// with pugixml, with French errors and a non-recursive tree walk.
#pragma once

#include <pugixml.hpp>
#include <string>

#include "engine/status.h"
#include "importers/zip_archive.h"

namespace passerelle {

// An XML part parsed in place: `doc` points into `buffer`, keep them together.
struct XmlPart {
  std::string buffer;
  pugi::xml_document doc;
};

// Reads `part` from `zip` (at most kMaxZipPartBytes once inflated) and
// parses it, keeping white-space-only text (it is content in w:t and
// text:p). `what` names the document kind in messages ("document Word").
// Errors: NotFound when the part is absent; InvalidArgument (French, naming
// the file and the part) when it is too large, cannot be inflated, or is not
// well-formed XML (with the reason, the byte offset and pugixml's words).
Status ReadXmlPart(const ZipArchive& zip, const std::string& part, const std::string& what,
                   const std::string& file_name, XmlPart* out);

// Visits the descendants of `root` in document order without recursion (a
// hostile document can nest deeper than the stack). `visit(node)` returns
// false to skip the node's subtree.
template <typename Visit>
void VisitDescendants(pugi::xml_node root, Visit visit) {
  pugi::xml_node node = root.first_child();
  while (node) {
    if (visit(node) && node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node != root && !node.next_sibling()) node = node.parent();
    if (node == root) break;
    node = node.next_sibling();
  }
}

}  // namespace passerelle
