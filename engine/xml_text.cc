#include "engine/xml_text.h"

#include <vector>

#include "engine/text.h"

namespace passerelle {

namespace {

bool Valid(const char* s) { return FirstInvalidUtf8(s) == std::string::npos; }

// The element a node's text belongs to: the node itself for an element.
pugi::xml_node OwnerElement(pugi::xml_node node) {
  return node.type() == pugi::node_element ? node : node.parent();
}

}  // namespace

pugi::xml_node FirstElementWithInvalidUtf8(pugi::xml_node root) {
  pugi::xml_node node = root;
  while (node) {
    if (!Valid(node.value())) return OwnerElement(node);
    for (pugi::xml_attribute a : node.attributes())
      if (!Valid(a.value())) return node;
    if (node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node && node != root && !node.next_sibling()) node = node.parent();
    if (!node || node == root) break;
    node = node.next_sibling();
  }
  return pugi::xml_node();
}

std::string ElementPath(pugi::xml_node element) {
  std::vector<std::string> names;
  for (pugi::xml_node n = element; n && n.type() == pugi::node_element; n = n.parent())
    names.push_back(RepairUtf8(n.name()));
  std::string out;
  for (auto it = names.rbegin(); it != names.rend(); ++it) out += (out.empty() ? "" : " > ") + *it;
  return out;
}

}  // namespace passerelle
