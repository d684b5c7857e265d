// One FICHE of the open-data export as a Certification: the real extracts of
// ../shared/data/rncp-xml field by field, the RS twin, the older flux, and
// the identifiers of blocs.
#include "importers/rncp_xml_fiche.h"

#include <boost/test/unit_test.hpp>
#include <map>

#include "importers/rncp_xml_import.h"
#include "opendata_fixtures.h"
#include "test_support.h"

using namespace passerelle;
using namespace passerelle::testing;

namespace {

std::map<std::string, Certification> Import(const std::string& file) {
  const std::string bytes = ReadFile(SharedDir() / "data" / "rncp-xml" / file);
  auto certs = ReadOpenDataExport(bytes, file);
  BOOST_REQUIRE_MESSAGE(certs.ok(), certs.status().message());
  std::map<std::string, Certification> out;
  for (Certification& c : *certs) out[c.id.value] = std::move(c);
  return out;
}

FicheMapping MapOne(const std::string& fiche_xml) {
  pugi::xml_document doc;
  BOOST_REQUIRE(doc.load_string(fiche_xml.c_str()));
  return CertificationFromFiche(doc.child("FICHE"), "4.1");
}

std::string DateOf(const Certification& c, const std::string& type) {
  for (const DatedEvent& d : c.dates)
    if (d.type == type) return d.date;
  return "";
}

std::vector<std::string> CodeValues(const Certification& c, Code::Type type) {
  std::vector<std::string> out;
  for (const Code* code : c.CodesOfType(type)) out.push_back(code->value);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_CASE(identity_codes_people_and_dates_of_a_real_fiche) {
  auto certs = Import("export-fiches-rncp-extract.xml");
  BOOST_REQUIRE(certs.size() == 2u);
  const Certification& bts = certs.at("RNCP35340");
  BOOST_TEST((bts.kind == CertificationKind::kRncp));
  BOOST_TEST(bts.title.find("Services informatiques aux organisations") == 0u);
  BOOST_TEST(bts.abbreviation == "BTS");
  BOOST_TEST(bts.level == 5);  // NIV5
  BOOST_TEST((bts.active == false));
  BOOST_TEST(bts.state == "Publiée");
  BOOST_TEST((bts.vae_access == true));
  BOOST_TEST((CodeValues(bts, Code::Type::kNsf) == Strings{"326"}));
  BOOST_TEST((CodeValues(bts, Code::Type::kRome) == Strings{"M1810", "M1801", "M1805"}));
  BOOST_TEST((CodeValues(bts, Code::Type::kFormacode) == Strings{"24220", "31084"}));
  BOOST_TEST(bts.CodesOfType(Code::Type::kFormacode)[0]->label == "Gestion réseau informatique");
  BOOST_REQUIRE(bts.certificateurs.size() == 1u);
  BOOST_TEST(bts.certificateurs[0].siret == "11004401300040");
  BOOST_TEST(bts.certificateurs[0].name ==
             "MINISTERE DE L'ENSEIGNEMENT SUPERIEUR ET DE LA RECHERCHE");
  BOOST_TEST(DateOf(bts, "effet") == "2020-09-01");
  BOOST_TEST(DateOf(bts, "echeance") == "2025-08-31");
  BOOST_TEST(DateOf(bts, "publication") == "2021-03-09");
  BOOST_TEST(bts.activites_visees.find("\n- l’installation, l’intégration") != std::string::npos);
  BOOST_TEST(bts.capacites_attestees.find("* Support et mise à disposition") == 0u);
  BOOST_TEST(bts.source_format == "opendata-xml");
  BOOST_TEST(bts.source_name == "flux 4.1");
}

BOOST_AUTO_TEST_CASE(links_in_both_directions) {
  auto certs = Import("export-fiches-rncp-extract.xml");
  const Certification& old_bts = certs.at("RNCP35340");
  const Certification& new_bts = certs.at("RNCP40792");
  BOOST_REQUIRE(old_bts.replaces.size() == 1u);
  BOOST_TEST(old_bts.replaces[0].id.value == "RNCP17108");
  BOOST_REQUIRE(old_bts.replaced_by.size() == 1u);
  BOOST_TEST(old_bts.replaced_by[0].id.value == "RNCP40792");
  BOOST_REQUIRE(new_bts.replaces.size() == 1u);
  BOOST_TEST(new_bts.replaces[0].id.value == "RNCP35340");
  BOOST_TEST((new_bts.active == true));
  BOOST_TEST(DateOf(new_bts, "derniere-delivrance") == "2031-08-31");
}

BOOST_AUTO_TEST_CASE(blocs_competences_and_modalities) {
  auto certs = Import("export-fiches-rncp-extract.xml");
  const Certification& bts = certs.at("RNCP40792");
  BOOST_REQUIRE(bts.blocs.size() == 5u);
  const Bloc& first = bts.blocs[0];
  BOOST_TEST(first.id.value == "RNCP40792BC01");
  BOOST_TEST(first.title == "Support et mise à disposition de services informatiques");
  BOOST_TEST(!first.implicit);
  BOOST_TEST(!first.modalities.empty());
  BOOST_REQUIRE(first.competences.size() == 6u);
  BOOST_TEST(first.competences[1].value == "RNCP40792BC01-C2");
  const Competence* c1 = bts.FindCompetence(CompetenceId("RNCP40792BC01-C1"));
  BOOST_REQUIRE(c1);
  BOOST_TEST(c1->title == "Gérer le patrimoine informatique");
  // The "o" items nested under the competence are its savoir-faire.
  BOOST_TEST(c1->savoir_faire_techniques.size() == 6u);
  BOOST_TEST(c1->savoir_faire_techniques[4] == "Gérer des sauvegardes");
}

BOOST_AUTO_TEST_CASE(numbered_competences_keep_their_numbers) {
  auto certs = Import("selection-rncp-12-fiches.xml");
  BOOST_TEST(certs.size() == 12u);
  const Certification& mgmt = certs.at("RNCP34762");
  BOOST_TEST(mgmt.abbreviation == "DipViGrM");
  BOOST_TEST(mgmt.level == 7);
  const Competence* c = mgmt.FindCompetence(CompetenceId("RNCP34762BC01-C2"));
  BOOST_REQUIRE(c);
  BOOST_TEST(c->number == "A1C2");
  BOOST_TEST(c->title.find("Apprécier, depuis son périmètre") == 0u);
  const Certification& expert = certs.at("RNCP35419");
  BOOST_TEST(expert.FindCompetence(CompetenceId("RNCP35419BC02-C1"))->number == "C.6");
  BOOST_TEST(expert.state == "Publiée");
  BOOST_TEST(certs.at("RNCP35625").state == "Modifications à valider par le ministère");
}

BOOST_AUTO_TEST_CASE(correspondences_are_edges_between_blocs) {
  auto certs = Import("selection-rncp-12-fiches.xml");
  const auto& vet = certs.at("RNCP40344").correspondences;
  const Correspondence expected{BlocId("RNCP40344BC04"), CertificationId("RNCP37507"),
                                BlocId("RNCP37507BC04")};
  BOOST_TEST((std::find(vet.begin(), vet.end(), expected) != vet.end()));
  // A correspondence without SOURCE blocs is the whole fiche's.
  const auto& web = certs.at("RNCP37674").correspondences;
  const Correspondence whole{BlocId(""), CertificationId("RNCP31114"), BlocId("")};
  BOOST_TEST((std::find(web.begin(), web.end(), whole) != web.end()));
  // Several destination blocs: one edge each.
  const auto& apps = certs.at("RNCP36490").correspondences;
  for (const char* to : {"RNCP29965BC06", "RNCP29965BC07"}) {
    const Correspondence edge{BlocId("RNCP36490BC02"), CertificationId("RNCP29965"), BlocId(to)};
    BOOST_TEST((std::find(apps.begin(), apps.end(), edge) != apps.end()), to);
  }
}

BOOST_AUTO_TEST_CASE(rs_fiches_have_one_implicit_bloc_from_capacites_attestees) {
  auto certs = Import("selection-rs-8-fiches.xml");
  BOOST_TEST(certs.size() == 8u);
  const Certification& secours = certs.at("RS5719");
  BOOST_TEST((secours.kind == CertificationKind::kRs));
  BOOST_TEST(secours.level == 0);
  BOOST_TEST((secours.vae_access == false));
  BOOST_REQUIRE(secours.blocs.size() == 1u);
  const Bloc& bloc = secours.blocs[0];
  BOOST_TEST(bloc.id.value == "RS5719BC00");
  BOOST_TEST(bloc.implicit);
  BOOST_TEST(bloc.title == "Compétences de la certification");
  BOOST_TEST(bloc.description.find("Le secouriste possède") == 0u);
  BOOST_REQUIRE(bloc.competences.size() == 6u);
  const Competence* gestures = secours.FindCompetence(CompetenceId("RS5719BC00-C4"));
  BOOST_REQUIRE(gestures);
  BOOST_TEST(gestures->number == "4");
  BOOST_TEST(gestures->savoir_faire_techniques.size() == 7u);
  const Certification& blockchain = certs.at("RS5000");
  BOOST_TEST((blockchain.vae_access == true));
  BOOST_TEST(blockchain.replaced_by[0].id.value == "RS6604");
  BOOST_TEST(blockchain.FindCompetence(CompetenceId("RS5000BC00-C5"))->number == "C5");
}

BOOST_AUTO_TEST_CASE(the_older_flux_imports_too) {
  // Flux 3: ANCIENNE_CERTIFICATION directly under FICHE, the level in
  // NOMENCLATURE_EUROPE/INTITULE, lists in HTML.
  auto mapped = MapOne(
      "<FICHE><NUMERO_FICHE>RNCP31214</NUMERO_FICHE><INTITULE>BP Gestion des piscines"
      "</INTITULE><ACTIF>Oui</ACTIF><NOMENCLATURE_EUROPE><INTITULE>Niveau 4</INTITULE>"
      "</NOMENCLATURE_EUROPE><ANCIENNE_CERTIFICATION>RNCP5840</ANCIENNE_CERTIFICATION>"
      "<ANCIENNE_CERTIFICATION>RNCP5841</ANCIENNE_CERTIFICATION><SI_JURY_VAE>Oui</SI_JURY_VAE>"
      "<BLOCS_COMPETENCES><BLOC_COMPETENCES><CODE>RNCP31214BC04</CODE><LIBELLE>U4 Ouvrages"
      "</LIBELLE><LISTE_COMPETENCES>&lt;p&gt;- Diagnostiquer une anomalie&lt;/p&gt;&#13;\n"
      "&lt;p&gt;- Traiter l'eau&lt;/p&gt;&#13;\n&lt;p&gt;- Param&amp;eacute;trer les "
      "&amp;eacute;quipements&lt;/p&gt;</LISTE_COMPETENCES></BLOC_COMPETENCES>"
      "</BLOCS_COMPETENCES></FICHE>");
  BOOST_REQUIRE(mapped.certification);
  const Certification& c = *mapped.certification;
  BOOST_TEST(c.level == 4);
  BOOST_TEST((c.vae_access == true));
  BOOST_REQUIRE(c.replaces.size() == 2u);
  BOOST_TEST(c.replaces[1].id.value == "RNCP5841");
  BOOST_REQUIRE(c.competences.size() == 3u);
  BOOST_TEST(c.competences[2].title == "Paramétrer les équipements");
}

BOOST_AUTO_TEST_CASE(fiches_without_a_usable_number_are_skipped) {
  auto missing = MapOne("<FICHE><INTITULE>Sans numéro</INTITULE></FICHE>");
  BOOST_TEST(!missing.certification);
  BOOST_TEST(missing.skipped_because == "sans NUMERO_FICHE");
  auto empty = MapOne("<FICHE><NUMERO_FICHE>  </NUMERO_FICHE></FICHE>");
  BOOST_TEST(empty.skipped_because == "sans NUMERO_FICHE");
  auto bad = MapOne("<FICHE><NUMERO_FICHE>TP-00211</NUMERO_FICHE></FICHE>");
  BOOST_TEST(!bad.certification);
  BOOST_TEST(bad.skipped_because.find("TP-00211") != std::string::npos);
  auto spaced = MapOne("<FICHE><NUMERO_FICHE> rncp 420 </NUMERO_FICHE></FICHE>");
  BOOST_REQUIRE(spaced.certification);
  BOOST_TEST(spaced.certification->id.value == "RNCP420");
}

BOOST_AUTO_TEST_CASE(bloc_ids_are_keyed_on_fiche_and_code) {
  BOOST_TEST(BlocIdFor("RNCP35340", "RNCP35340BC01", 1) == "RNCP35340BC01");
  BOOST_TEST(BlocIdFor("RNCP35340", "BC02", 2) == "RNCP35340BC02");
  // A code published under another fiche's number stays this fiche's bloc.
  BOOST_TEST(BlocIdFor("RNCP35340", "RNCP17108BC01", 1) == "RNCP35340-RNCP17108BC01");
  BOOST_TEST(BlocIdFor("RNCP35340", "", 3) == "RNCP35340-B3");
  // The same code twice in one fiche.
  auto twice = MapOne(
      "<FICHE><NUMERO_FICHE>RNCP7</NUMERO_FICHE><BLOCS_COMPETENCES>"
      "<BLOC_COMPETENCES><CODE>RNCP7BC01</CODE><LISTE_COMPETENCES>Lire</LISTE_COMPETENCES>"
      "</BLOC_COMPETENCES><BLOC_COMPETENCES><CODE>RNCP7BC01</CODE><LISTE_COMPETENCES>Écrire"
      "</LISTE_COMPETENCES></BLOC_COMPETENCES></BLOCS_COMPETENCES></FICHE>");
  BOOST_REQUIRE(twice.certification);
  BOOST_REQUIRE(twice.certification->blocs.size() == 2u);
  BOOST_TEST(twice.certification->blocs[1].id.value == "RNCP7BC01-2");
  BOOST_TEST(twice.certification->competences[1].id.value == "RNCP7BC01-2-C1");
}

BOOST_AUTO_TEST_CASE(rncp_fiche_without_blocs_gets_the_implicit_bloc) {
  auto mapped = MapOne(
      "<FICHE><NUMERO_FICHE>RNCP9</NUMERO_FICHE><BLOCS_COMPETENCES/><CAPACITES_ATTESTEES>"
      "- Lire un plan    - Régler la machine</CAPACITES_ATTESTEES></FICHE>");
  BOOST_REQUIRE(mapped.certification);
  BOOST_REQUIRE(mapped.certification->blocs.size() == 1u);
  BOOST_TEST(mapped.certification->blocs[0].id.value == "RNCP9BC00");
  BOOST_TEST(mapped.certification->blocs[0].implicit);
  BOOST_TEST(mapped.certification->competences[1].title == "Régler la machine");
  auto rs = MapOne(RsFicheXml("RS12", "Habilitation"));
  BOOST_REQUIRE(rs.certification);
  BOOST_TEST(rs.certification->blocs[0].id.value == "RS12BC00");
  BOOST_TEST(rs.certification->competences.size() == 2u);
  BOOST_TEST(rs.certification->competences[0].number == "C1");
}
