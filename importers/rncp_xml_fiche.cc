#include "importers/rncp_xml_fiche.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "engine/text.h"
#include "importers/html_remnants.h"
#include "importers/rncp_fields.h"
#include "importers/rncp_text.h"
#include "importers/rncp_xml_competences.h"

namespace passerelle {

const char kOpenDataFormat[] = "opendata-xml";

namespace {

// ---- text of elements ----

std::string Text(pugi::xml_node parent, const char* name) {
  return Trim(parent.child(name).child_value());
}

// A one-line field (title, label): HTML remnants out, spaces collapsed.
std::string Line(std::string_view raw) {
  if (raw.find('<') != std::string_view::npos || raw.find('&') != std::string_view::npos)
    return CollapseSpaces(StripHtmlRemnants(std::string(raw)));
  return CollapseSpaces(raw);
}

std::string LineOf(pugi::xml_node parent, const char* name) {
  return Line(parent.child(name).child_value());
}

// "Oui" / "Non" in any case; unknown otherwise.
std::optional<bool> YesNo(const std::string& text) {
  const std::string folded = FoldForMatch(text);
  if (folded == "oui") return true;
  if (folded == "non") return false;
  return std::nullopt;
}

// ---- identity ----

std::string UpperNoSpaces(std::string_view raw) {
  std::string out;
  for (char c : raw)
    if (!std::isspace(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out;
}

// NIVEAU "NIV5" (flux 4) or a label / INTITULE "Niveau 5" (flux 3): 5.
int LevelOf(pugi::xml_node nomenclature) {
  for (const char* name : {"NIVEAU", "LIBELLE", "INTITULE"}) {
    const std::string text = Text(nomenclature, name);
    const size_t digit = text.find_first_of("0123456789");
    if (digit == std::string::npos) continue;
    const int level = text[digit] - '0';
    const bool single =
        digit + 1 == text.size() || !std::isdigit(static_cast<unsigned char>(text[digit + 1]));
    if (single && level >= 1 && level <= 8) return level;
  }
  return 0;
}

std::optional<bool> VaeAccessOf(pugi::xml_node jury) {
  if (!jury) return std::nullopt;
  return YesNo(jury.child("ACTIF") ? Text(jury, "ACTIF") : Trim(jury.child_value()));
}

void ReadIdentity(pugi::xml_node fiche, Certification* cert) {
  cert->title = LineOf(fiche, "INTITULE");
  cert->abbreviation = LineOf(fiche.child("ABREGE"), "CODE");
  cert->level = LevelOf(fiche.child("NOMENCLATURE_EUROPE"));
  cert->active = YesNo(Text(fiche, "ACTIF"));
  cert->state = LineOf(fiche, "ETAT_FICHE");
  cert->vae_access = VaeAccessOf(fiche.child("SI_JURY_VAE"));
  cert->activites_visees = UnflattenText(fiche.child_value("ACTIVITES_VISEES"));
  cert->capacites_attestees = UnflattenText(fiche.child_value("CAPACITES_ATTESTEES"));
}

// ---- codes, certificateurs, dates ----

void ReadCodes(pugi::xml_node list, const char* item, Code::Type type, Certification* cert) {
  for (pugi::xml_node n : list.children(item)) {
    const std::string value = Text(n, "CODE");
    if (value.empty()) continue;
    std::string label = LineOf(n, "LIBELLE");
    if (label.empty()) label = LineOf(n, "INTITULE");
    cert->codes.push_back({type, value, label});
  }
}

void ReadPeopleAndDates(pugi::xml_node fiche, Certification* cert) {
  for (pugi::xml_node n : fiche.child("CERTIFICATEURS").children("CERTIFICATEUR")) {
    const std::string name = LineOf(n, "NOM_CERTIFICATEUR");
    if (!name.empty()) cert->certificateurs.push_back({name, Text(n, "SIRET_CERTIFICATEUR")});
  }
  static const std::pair<const char*, const char*> kDates[] = {
      {"DATE_EFFET", "effet"},
      {"DATE_FIN_ENREGISTREMENT", "echeance"},
      {"DATE_DE_PUBLICATION", "publication"},
      {"DATE_DECISION", "decision"},
      {"DATE_LIMITE_DELIVRANCE", "derniere-delivrance"},
      {"DATE_DERNIER_JO", "journal-officiel"}};
  for (const auto& [element, type] : kDates) {
    const std::string iso = rncp::IsoDateFromNumeric(Text(fiche, element));
    if (!iso.empty()) cert->dates.push_back({type, iso});
  }
}

// ---- links ----

// ANCIENNE_CERTIFICATION / NOUVELLE_CERTIFICATION elements: under their
// plural list (flux 4) or directly under FICHE (flux 3); the number is in
// ID_FICHE_..._CERTIFICATION, or is the element's own text.
std::vector<CertificationLink> LinksOf(pugi::xml_node fiche, const char* list, const char* item,
                                       const char* id_element, const CertificationId& self) {
  std::vector<CertificationLink> links;
  std::set<std::string> seen;
  auto add = [&](pugi::xml_node n) {
    const std::string raw = n.child(id_element) ? n.child_value(id_element) : n.child_value();
    const std::string id = NormalizeFicheNumber(raw);
    if (!id.empty() && id != self.value && seen.insert(id).second)
      links.push_back({CertificationId(id), ""});
  };
  for (pugi::xml_node n : fiche.child(list).children(item)) add(n);
  for (pugi::xml_node n : fiche.children(item)) add(n);
  return links;
}

std::vector<std::string> BlocCodes(pugi::xml_node side) {
  std::vector<std::string> codes;
  for (pugi::xml_node b : side.children("BLOC_COMPETENCES")) codes.push_back(Text(b, "CODE"));
  return codes;
}

// Each CORRESPONDANCE gives an edge from every source bloc to every
// destination bloc; a side without blocs stands for the whole fiche.
void ReadCorrespondences(pugi::xml_node fiche, Certification* cert) {
  for (pugi::xml_node corr : fiche.child("CORRESPONDANCES").children("CORRESPONDANCE")) {
    const pugi::xml_node destination = corr.child("DESTINATION");
    const std::string to = NormalizeFicheNumber(destination.child_value("NUMERO_FICHE"));
    if (to.empty()) continue;
    std::vector<std::string> from_codes = BlocCodes(corr.child("SOURCE"));
    std::vector<std::string> to_codes = BlocCodes(destination);
    if (from_codes.empty()) from_codes.push_back("");
    if (to_codes.empty()) to_codes.push_back("");
    for (const std::string& from : from_codes)
      for (const std::string& target : to_codes) {
        Correspondence c{BlocId(from.empty() ? "" : BlocIdFor(cert->id.value, from, 0)),
                         CertificationId(to),
                         BlocId(target.empty() ? "" : BlocIdFor(to, target, 0))};
        if (std::find(cert->correspondences.begin(), cert->correspondences.end(), c) ==
            cert->correspondences.end())
          cert->correspondences.push_back(std::move(c));
      }
  }
}

// ---- blocs ----

void AddBloc(Bloc bloc, const CompetenceList& list, Certification* cert) {
  bloc.description = list.preamble;
  for (size_t k = 0; k < list.items.size(); ++k) {
    const ListedCompetence& item = list.items[k];
    Competence competence;
    competence.id = CompetenceId(bloc.id.value + "-C" + std::to_string(k + 1));
    competence.number = item.number;
    competence.title = item.title;
    competence.savoir_faire_techniques = item.details;
    bloc.competences.push_back(competence.id);
    cert->competences.push_back(std::move(competence));
  }
  cert->blocs.push_back(std::move(bloc));
}

void ReadBlocs(pugi::xml_node fiche, Certification* cert) {
  std::set<std::string> ids;
  size_t rank = 0;
  for (pugi::xml_node n : fiche.child("BLOCS_COMPETENCES").children("BLOC_COMPETENCES")) {
    std::string id = BlocIdFor(cert->id.value, Text(n, "CODE"), ++rank);
    // The same code twice in one fiche: the later bloc gets "-2", "-3".
    const std::string base = id;
    for (int k = 2; !ids.insert(id).second; ++k) id = base + "-" + std::to_string(k);
    Bloc bloc;
    bloc.id = BlocId(id);
    bloc.title = LineOf(n, "LIBELLE");
    bloc.modalities = UnflattenText(n.child_value("MODALITES_EVALUATION"));
    AddBloc(std::move(bloc), SplitCompetenceList(n.child_value("LISTE_COMPETENCES")), cert);
  }
  if (!cert->blocs.empty()) return;
  // RS fiches, and RNCP fiches without blocs: one implicit bloc holding
  // the attested capacities.
  Bloc bloc;
  bloc.id = BlocId(cert->id.value + "BC00");
  bloc.title = kImplicitBlocTitle;
  bloc.implicit = true;
  AddBloc(std::move(bloc), SplitCompetenceList(fiche.child_value("CAPACITES_ATTESTEES")), cert);
}

}  // namespace

std::string NormalizeFicheNumber(std::string_view raw) {
  const std::string id = UpperNoSpaces(raw);
  return IsCertificationId(id) && KindOfId(id) != CertificationKind::kTp ? id : "";
}

std::string BlocIdFor(const std::string& fiche, std::string_view code, size_t rank) {
  const std::string c = UpperNoSpaces(code);
  if (c.empty()) return fiche + "-B" + std::to_string(rank);
  if (StartsWith(c, fiche + "BC")) return c;
  if (StartsWith(c, "BC")) return fiche + c;
  return fiche + "-" + c;
}

FicheMapping CertificationFromFiche(pugi::xml_node fiche, const std::string& flux_version) {
  FicheMapping out;
  const pugi::xml_node number = fiche.child("NUMERO_FICHE");
  const std::string raw = Trim(number.child_value());
  if (!number || raw.empty()) {
    out.skipped_because = "sans NUMERO_FICHE";
    return out;
  }
  const std::string id = NormalizeFicheNumber(raw);
  if (id.empty()) {
    out.skipped_because = "NUMERO_FICHE « " + Line(raw) + " » invalide (attendu RNCPn ou RSn)";
    return out;
  }
  Certification cert;
  cert.id = CertificationId(id);
  cert.kind = *KindOfId(id);
  ReadIdentity(fiche, &cert);
  ReadCodes(fiche.child("CODES_NSF"), "NSF", Code::Type::kNsf, &cert);
  ReadCodes(fiche.child("CODES_ROME"), "ROME", Code::Type::kRome, &cert);
  ReadCodes(fiche.child("FORMACODES"), "FORMACODE", Code::Type::kFormacode, &cert);
  ReadPeopleAndDates(fiche, &cert);
  cert.replaces = LinksOf(fiche, "ANCIENNES_CERTIFICATIONS", "ANCIENNE_CERTIFICATION",
                          "ID_FICHE_ANCIENNE_CERTIFICATION", cert.id);
  cert.replaced_by = LinksOf(fiche, "NOUVELLES_CERTIFICATIONS", "NOUVELLE_CERTIFICATION",
                             "ID_FICHE_NOUVELLE_CERTIFICATION", cert.id);
  ReadCorrespondences(fiche, &cert);
  ReadBlocs(fiche, &cert);
  cert.source_format = kOpenDataFormat;
  cert.source_name = flux_version.empty() ? "flux" : "flux " + flux_version;
  out.certification = std::move(cert);
  return out;
}

}  // namespace passerelle
