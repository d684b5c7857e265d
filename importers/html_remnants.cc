#include "importers/html_remnants.h"

#include <unicode/unistr.h>

#include <cctype>
#include <cstdlib>
#include <utility>

namespace passerelle {

namespace {

std::string TagName(const std::string& tag) {
  size_t i = 1;
  if (i < tag.size() && tag[i] == '/') ++i;
  std::string name;
  while (i < tag.size() && std::isalpha(static_cast<unsigned char>(tag[i])))
    name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(tag[i++]))));
  return name;
}

bool IsKnownTag(const std::string& name) {
  static const char* kTags[] = {"p", "br", "ul", "ol", "li", "div", "span", "i", "b", "em",
                                "strong", "u", "a", "table", "tr", "td", "th", "tbody",
                                "thead", "h1", "h2", "h3", "h4", "h5", "h6", "sup", "sub",
                                "font", "blockquote", "pre", "hr", "img", "small"};
  for (const char* t : kTags)
    if (name == t) return true;
  return false;
}

std::string Replacement(const std::string& tag) {
  const std::string name = TagName(tag);
  const bool closing = tag.size() > 1 && tag[1] == '/';
  if (name == "li") return closing ? "\n" : "\n- ";
  if (name == "p" || name == "br" || name == "ul" || name == "ol" || name == "div" ||
      name == "tr" || name == "table" || name == "hr" || (name.size() == 2 && name[0] == 'h'))
    return "\n";
  if (name == "td" || name == "th") return " ";
  return "";
}

// The named entities of French text copied from web editors (the flux v3
// of the open-data export held HTML with them).
const char* NamedLetter(const std::string& entity) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"eacute", "é"}, {"egrave", "è"}, {"ecirc", "ê"},  {"euml", "ë"},   {"agrave", "à"},
      {"acirc", "â"},  {"auml", "ä"},   {"ccedil", "ç"}, {"icirc", "î"},  {"iuml", "ï"},
      {"ocirc", "ô"},  {"ouml", "ö"},   {"ucirc", "û"},  {"ugrave", "ù"}, {"uuml", "ü"},
      {"oelig", "œ"},  {"aelig", "æ"},  {"Eacute", "É"}, {"Egrave", "È"}, {"Ecirc", "Ê"},
      {"Agrave", "À"}, {"Acirc", "Â"},  {"Ccedil", "Ç"}, {"Icirc", "Î"},  {"Ocirc", "Ô"},
      {"Ucirc", "Û"},  {"OElig", "Œ"},  {"rsquo", "’"},  {"lsquo", "‘"},  {"rdquo", "”"},
      {"ldquo", "“"},  {"laquo", "«"},  {"raquo", "»"},  {"hellip", "…"}, {"ndash", "–"},
      {"mdash", "—"},  {"bull", "•"},   {"middot", "·"}, {"deg", "°"},    {"euro", "€"},
      {"times", "×"},  {"sup2", "²"},   {"oacute", "ó"}, {"aacute", "á"}, {"iacute", "í"}};
  for (const auto& [name, letter] : kEntities)
    if (entity == name) return letter;
  return nullptr;
}

std::string DecodeEntity(const std::string& entity) {
  if (const char* letter = NamedLetter(entity)) return letter;
  if (entity == "amp") return "&";
  if (entity == "lt") return "<";
  if (entity == "gt") return ">";
  if (entity == "quot") return "\"";
  if (entity == "apos") return "'";
  if (entity == "nbsp") return " ";
  if (!entity.empty() && entity[0] == '#') {
    long cp = (entity.size() > 1 && (entity[1] == 'x' || entity[1] == 'X'))
                  ? std::strtol(entity.c_str() + 2, nullptr, 16)
                  : std::strtol(entity.c_str() + 1, nullptr, 10);
    if (cp <= 0 || cp > 0x10FFFF) return "";
    std::string out;
    icu::UnicodeString(static_cast<UChar32>(cp)).toUTF8String(out);
    return out;
  }
  return "";
}

}  // namespace

std::string StripHtmlRemnants(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '<') {
      size_t close = text.find('>', i);
      if (close != std::string::npos && close - i < 400) {
        std::string tag = text.substr(i, close - i + 1);
        if (IsKnownTag(TagName(tag))) {
          out += Replacement(tag);
          i = close + 1;
          continue;
        }
      }
    } else if (text[i] == '&') {
      size_t semi = text.find(';', i);
      if (semi != std::string::npos && semi - i <= 8) {
        std::string decoded = DecodeEntity(text.substr(i + 1, semi - i - 1));
        if (!decoded.empty()) {
          out += decoded;
          i = semi + 1;
          continue;
        }
      }
    }
    out.push_back(text[i++]);
  }
  return out;
}

}  // namespace passerelle
