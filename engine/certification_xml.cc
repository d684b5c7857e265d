#include "engine/certification_xml.h"

#include <pugixml.hpp>

#include <algorithm>
#include <sstream>

#include "engine/text.h"
#include "engine/xml_text.h"

namespace passerelle {

namespace {

// ---- writing ----

void AddText(pugi::xml_node parent, const char* name, const std::string& text) {
  if (text.empty()) return;
  parent.append_child(name).text().set(text.c_str());
}

void AddList(pugi::xml_node parent, const char* list_name, const char* item_name,
             const std::vector<std::string>& items, const char* type = nullptr) {
  if (items.empty()) return;
  pugi::xml_node list = parent.append_child(list_name);
  if (type) list.append_attribute("type") = type;
  for (const std::string& item : items) list.append_child(item_name).text().set(item.c_str());
}

const char* BoolText(bool b) { return b ? "true" : "false"; }

void WriteIdentity(pugi::xml_node root, const Certification& c) {
  AddText(root, "title", c.title);
  AddText(root, "abbreviation", c.abbreviation);
  if (c.level > 0) root.append_child("level").text().set(c.level);
  if (c.active) root.append_child("active").text().set(BoolText(*c.active));
  AddText(root, "state", c.state);
  if (c.vae_access) root.append_child("vae-access").text().set(BoolText(*c.vae_access));
  if (!c.source_format.empty() || !c.source_name.empty()) {
    pugi::xml_node source = root.append_child("source");
    source.append_attribute("format") = c.source_format.c_str();
    source.append_attribute("name") = c.source_name.c_str();
  }
}

void WriteCodesAndPeople(pugi::xml_node root, const Certification& c) {
  if (!c.codes.empty()) {
    pugi::xml_node codes = root.append_child("codes");
    for (const Code& code : c.codes) {
      pugi::xml_node n = codes.append_child("code");
      n.append_attribute("type") = CodeTypeName(code.type).c_str();
      n.append_attribute("value") = code.value.c_str();
      if (!code.label.empty()) n.text().set(code.label.c_str());
    }
  }
  if (!c.certificateurs.empty()) {
    pugi::xml_node list = root.append_child("certificateurs");
    for (const Certificateur& cf : c.certificateurs) {
      pugi::xml_node n = list.append_child("certificateur");
      if (!cf.siret.empty()) n.append_attribute("siret") = cf.siret.c_str();
      n.text().set(cf.name.c_str());
    }
  }
  if (!c.dates.empty()) {
    pugi::xml_node dates = root.append_child("dates");
    for (const DatedEvent& d : c.dates) {
      pugi::xml_node n = dates.append_child("date");
      n.append_attribute("type") = d.type.c_str();
      n.text().set(d.date.c_str());
    }
  }
  AddText(root, "activites-visees", c.activites_visees);
  AddText(root, "capacites-attestees", c.capacites_attestees);
}

void WriteLinks(pugi::xml_node root, const Certification& c) {
  if (c.replaces.empty() && c.replaced_by.empty() && c.correspondences.empty()) return;
  pugi::xml_node links = root.append_child("links");
  auto add = [&](const char* name, const CertificationLink& l) {
    pugi::xml_node n = links.append_child(name);
    n.append_attribute("id") = l.id.value.c_str();
    if (!l.title.empty()) n.append_attribute("title") = l.title.c_str();
  };
  for (const CertificationLink& l : c.replaces) add("replaces", l);
  for (const CertificationLink& l : c.replaced_by) add("replaced-by", l);
  for (const Correspondence& corr : c.correspondences) {
    pugi::xml_node n = links.append_child("correspondence");
    if (!corr.bloc.empty()) n.append_attribute("bloc") = corr.bloc.value.c_str();
    n.append_attribute("to-certification") = corr.to_certification.value.c_str();
    if (!corr.to_bloc.empty()) n.append_attribute("to-bloc") = corr.to_bloc.value.c_str();
  }
}

void WriteBloc(pugi::xml_node blocs, const Bloc& b) {
  pugi::xml_node n = blocs.append_child("bloc");
  n.append_attribute("id") = b.id.value.c_str();
  if (b.kind != BlocKind::kStandard) n.append_attribute("kind") = BlocKindName(b.kind).c_str();
  if (!b.unit.empty()) n.append_attribute("unit") = b.unit.c_str();
  if (b.implicit) n.append_attribute("implicit") = "true";
  if (b.optional) n.append_attribute("optional") = "true";
  AddText(n, "title", b.title);
  AddText(n, "description", b.description);
  AddText(n, "modalities", b.modalities);
  if (!b.durations.empty()) {
    pugi::xml_node durations = n.append_child("durations");
    for (const Duration& d : b.durations) {
      pugi::xml_node dn = durations.append_child("duration");
      dn.append_attribute("label") = d.label.c_str();
      dn.append_attribute("minutes") = d.minutes;
    }
  }
  for (const CompetenceId& id : b.competences)
    n.append_child("competence-ref").append_attribute("id") = id.value.c_str();
}

void WriteCompetence(pugi::xml_node list, const Competence& c) {
  pugi::xml_node n = list.append_child("competence");
  n.append_attribute("id") = c.id.value.c_str();
  if (!c.number.empty()) n.append_attribute("number") = c.number.c_str();
  AddText(n, "title", c.title);
  AddText(n, "description", c.description);
  AddText(n, "context", c.context);
  AddList(n, "criteria", "criterion", c.criteria);
  AddList(n, "savoir-faire", "item", c.savoir_faire_techniques, "techniques");
  AddList(n, "savoir-faire", "item", c.savoir_faire_organisationnels, "organisationnels");
  AddList(n, "savoir-faire", "item", c.savoir_faire_relationnels, "relationnels");
  AddList(n, "savoirs", "savoir", c.savoirs);
}

// ---- reading ----

// Text as the writer would give it back. pugixml drops white-space-only
// text on reading (parse_ws_pcdata is off) and turns a carriage return into
// a line feed (parse_eol): text that the writer could not give back the
// same way is read as it would be read after writing, so that reading,
// writing and reading again gives the same certification.
std::string CleanText(const char* text) {
  std::string s = text;
  if (s.find_first_not_of(" \t\n\r") == std::string::npos) return "";
  for (size_t at = s.find('\r'); at != std::string::npos; at = s.find('\r', at)) {
    if (at + 1 < s.size() && s[at + 1] == '\n')
      s.erase(at, 1);
    else
      s[at] = '\n';
  }
  return s;
}

std::string Text(pugi::xml_node parent, const char* name) {
  return CleanText(parent.child(name).text().as_string());
}

std::vector<std::string> ReadList(pugi::xml_node list) {
  std::vector<std::string> out;
  for (pugi::xml_node item : list.children()) out.push_back(CleanText(item.text().as_string()));
  return out;
}

std::optional<bool> ReadBool(pugi::xml_node parent, const char* name) {
  pugi::xml_node n = parent.child(name);
  if (!n) return std::nullopt;
  return std::string(CleanText(n.text().as_string())) == "true";
}

std::optional<Code::Type> CodeTypeFromName(const std::string& name) {
  if (name == "rome") return Code::Type::kRome;
  if (name == "nsf") return Code::Type::kNsf;
  if (name == "formacode") return Code::Type::kFormacode;
  return std::nullopt;
}

void ReadCodesAndPeople(pugi::xml_node root, Certification& c) {
  for (pugi::xml_node n : root.child("codes").children("code")) {
    auto type = CodeTypeFromName(n.attribute("type").as_string());
    if (!type) continue;
    c.codes.push_back({*type, n.attribute("value").as_string(), CleanText(n.text().as_string())});
  }
  for (pugi::xml_node n : root.child("certificateurs").children("certificateur"))
    c.certificateurs.push_back({CleanText(n.text().as_string()), n.attribute("siret").as_string()});
  for (pugi::xml_node n : root.child("dates").children("date"))
    c.dates.push_back({n.attribute("type").as_string(), CleanText(n.text().as_string())});
  c.activites_visees = Text(root, "activites-visees");
  c.capacites_attestees = Text(root, "capacites-attestees");
}

void ReadLinks(pugi::xml_node root, Certification& c) {
  pugi::xml_node links = root.child("links");
  for (pugi::xml_node n : links.children("replaces"))
    c.replaces.push_back({CertificationId(n.attribute("id").as_string()),
                          n.attribute("title").as_string()});
  for (pugi::xml_node n : links.children("replaced-by"))
    c.replaced_by.push_back({CertificationId(n.attribute("id").as_string()),
                             n.attribute("title").as_string()});
  for (pugi::xml_node n : links.children("correspondence"))
    c.correspondences.push_back({BlocId(n.attribute("bloc").as_string()),
                                 CertificationId(n.attribute("to-certification").as_string()),
                                 BlocId(n.attribute("to-bloc").as_string())});
}

Bloc ReadBloc(pugi::xml_node n) {
  Bloc b;
  b.id = BlocId(n.attribute("id").as_string());
  if (std::string(n.attribute("kind").as_string()) == "ccs") b.kind = BlocKind::kCcs;
  b.unit = n.attribute("unit").as_string();
  b.implicit = n.attribute("implicit").as_bool();
  b.optional = n.attribute("optional").as_bool();
  b.title = Text(n, "title");
  b.description = Text(n, "description");
  b.modalities = Text(n, "modalities");
  for (pugi::xml_node d : n.child("durations").children("duration"))
    b.durations.push_back({d.attribute("label").as_string(), d.attribute("minutes").as_int()});
  for (pugi::xml_node r : n.children("competence-ref"))
    b.competences.push_back(CompetenceId(r.attribute("id").as_string()));
  return b;
}

Competence ReadCompetence(pugi::xml_node n) {
  Competence c;
  c.id = CompetenceId(n.attribute("id").as_string());
  c.number = n.attribute("number").as_string();
  c.title = Text(n, "title");
  c.description = Text(n, "description");
  c.context = Text(n, "context");
  c.criteria = ReadList(n.child("criteria"));
  for (pugi::xml_node sf : n.children("savoir-faire")) {
    const std::string type = sf.attribute("type").as_string();
    if (type == "organisationnels")
      c.savoir_faire_organisationnels = ReadList(sf);
    else if (type == "relationnels")
      c.savoir_faire_relationnels = ReadList(sf);
    else
      c.savoir_faire_techniques = ReadList(sf);
  }
  c.savoirs = ReadList(n.child("savoirs"));
  return c;
}

}  // namespace

int FormatVersionFor(const Certification& cert) {
  const bool ccs = std::any_of(cert.blocs.begin(), cert.blocs.end(),
                               [](const Bloc& b) { return b.kind != BlocKind::kStandard; });
  return ccs || !cert.transversal_competences.empty() ? 2 : 1;
}

std::string CertificationToXml(const Certification& cert) {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root = doc.append_child("certification");
  root.append_attribute("id") = cert.id.value.c_str();
  root.append_attribute("kind") = KindName(cert.kind).c_str();
  root.append_attribute("format-version") = FormatVersionFor(cert);
  WriteIdentity(root, cert);
  WriteCodesAndPeople(root, cert);
  WriteLinks(root, cert);
  pugi::xml_node blocs = root.append_child("blocs");
  for (const Bloc& b : cert.blocs) WriteBloc(blocs, b);
  pugi::xml_node competences = root.append_child("competences");
  for (const Competence& c : cert.competences) WriteCompetence(competences, c);
  if (!cert.transversal_competences.empty()) {
    pugi::xml_node transversal = root.append_child("transversal-competences");
    for (const Competence& c : cert.transversal_competences) WriteCompetence(transversal, c);
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

Result<Certification> CertificationFromXml(const std::string& xml, const std::string& origin) {
  const size_t invalid = FirstInvalidUtf8(xml);
  if (invalid != std::string::npos)
    return Status::Corruption("fichier " + origin + " : octet " + std::to_string(invalid) +
                              " : séquence qui n'est pas de l'UTF-8 valide");
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed)
    return Status::Corruption("fichier " + origin + " : XML illisible (" +
                              parsed.description() + ", octet " +
                              std::to_string(parsed.offset) + ")");
  if (pugi::xml_node bad = FirstElementWithInvalidUtf8(doc))
    return Status::Corruption("fichier " + origin + " : élément " + ElementPath(bad) +
                              " : référence de caractère qui n'est pas un caractère Unicode "
                              "valide");
  pugi::xml_node root = doc.child("certification");
  const std::string id = root.attribute("id").as_string();
  if (!root || !IsCertificationId(id))
    return Status::Corruption("fichier " + origin +
                              " : élément <certification id=\"...\"> absent ou identifiant invalide");
  if (root.attribute("format-version").as_int() > kCertificationFormatVersion)
    return Status::Unsupported("fichier " + origin +
                               " : format plus récent que cette version de Passerelle");
  Certification c;
  c.id = CertificationId(id);
  c.kind = *KindOfId(id);
  c.title = Text(root, "title");
  c.abbreviation = Text(root, "abbreviation");
  c.level = std::max(0, root.child("level").text().as_int());  // unknown: 0, never written
  c.active = ReadBool(root, "active");
  c.state = Text(root, "state");
  c.vae_access = ReadBool(root, "vae-access");
  c.source_format = root.child("source").attribute("format").as_string();
  c.source_name = root.child("source").attribute("name").as_string();
  ReadCodesAndPeople(root, c);
  ReadLinks(root, c);
  for (pugi::xml_node n : root.child("blocs").children("bloc")) c.blocs.push_back(ReadBloc(n));
  for (pugi::xml_node n : root.child("competences").children("competence"))
    c.competences.push_back(ReadCompetence(n));
  for (pugi::xml_node n : root.child("transversal-competences").children("competence"))
    c.transversal_competences.push_back(ReadCompetence(n));
  return c;
}

}  // namespace passerelle
