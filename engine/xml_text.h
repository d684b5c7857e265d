// Checking that the text of a parsed XML document is valid UTF-8.
//
// Checking the bytes of a file is not enough: pugixml decodes character
// references such as "&#xD800;" or "&#x110000;" into byte sequences that
// are not UTF-8. Every reader of XML (canonical files, open-data fiches,
// office documents) checks the parsed tree too, so that no invalid text
// enters the model (docs/architecture.md, "valid UTF-8 from the edge").
#pragma once

#include <pugixml.hpp>
#include <string>

namespace passerelle {

// The first element (in document order) whose text or one of whose
// attribute values is not valid UTF-8; an empty node when all are valid.
// Walks without recursion (a hostile document can nest deeper than the
// stack).
pugi::xml_node FirstElementWithInvalidUtf8(pugi::xml_node root);

// The names of `element` and its ancestors, outermost first, joined by
// " > " ("certification > blocs > bloc > title").
std::string ElementPath(pugi::xml_node element);

}  // namespace passerelle
