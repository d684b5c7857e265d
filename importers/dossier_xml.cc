#include "importers/dossier_xml.h"

#include "engine/xml_text.h"
#include "importers/dossier_reader.h"

namespace passerelle {

namespace {

std::string FrenchReason(pugi::xml_parse_status status) {
  switch (status) {
    case pugi::status_unrecognized_tag:
      return "balise non reconnue";
    case pugi::status_bad_pi:
    case pugi::status_bad_comment:
    case pugi::status_bad_cdata:
    case pugi::status_bad_doctype:
      return "déclaration, commentaire ou section CDATA mal formé";
    case pugi::status_bad_pcdata:
      return "texte mal formé";
    case pugi::status_bad_start_element:
      return "balise ouvrante mal formée";
    case pugi::status_bad_attribute:
      return "attribut mal formé";
    case pugi::status_bad_end_element:
      return "balise fermante mal formée";
    case pugi::status_end_element_mismatch:
      return "balises ouvrante et fermante qui ne correspondent pas";
    case pugi::status_no_document_element:
      return "aucun élément racine";
    case pugi::status_out_of_memory:
      return "mémoire insuffisante";
    default:
      return "XML invalide";
  }
}

}  // namespace

Status ReadXmlPart(const ZipArchive& zip, const std::string& part, const std::string& what,
                   const std::string& file_name, XmlPart* out) {
  Result<std::string> bytes = zip.ReadEntry(part, kMaxZipPartBytes);
  if (!bytes.ok()) return bytes.status();
  out->buffer = std::move(bytes).value();
  const pugi::xml_parse_result parsed = out->doc.load_buffer_inplace(
      out->buffer.data(), out->buffer.size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (parsed) {
    // pugixml converts UTF-16 parts but checks neither UTF-8 bytes nor
    // character references: text must be valid before it goes further.
    pugi::xml_node bad = FirstElementWithInvalidUtf8(out->doc);
    if (!bad) return Status::OK();
    return Status::InvalidArgument("fichier " + file_name + " : " + what + " endommagé, la partie " +
                                   part + " contient du texte qui n'est pas de l'UTF-8 valide "
                                   "(élément " + ElementPath(bad) + ")");
  }
  return Status::InvalidArgument("fichier " + file_name + " : " + what + " endommagé, la partie " +
                                 part + " n'est pas un XML valide (" + FrenchReason(parsed.status) +
                                 ", à l'octet " + std::to_string(parsed.offset) +
                                 " ; pugixml : " + parsed.description() + ")");
}

}  // namespace passerelle
