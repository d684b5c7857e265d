// HTML left over in texts copied from web pages (RNCP fiches, open data).
#pragma once

#include <string>

namespace passerelle {

// Removes tags, turning block boundaries (<p>, </p>, <br>, <div>, <ul>, </li>,
// <tr>) into '\n' and <li> into "\n- ", and decodes the common entities
// (&amp; &lt; &gt; &quot; &#39; &nbsp; &#NNN; &#xHH;, and the named accented
// letters and punctuation of French: &eacute; &rsquo; &laquo; ...). Text without tags is
// returned unchanged except for entities.
std::string StripHtmlRemnants(const std::string& text);

}  // namespace passerelle
