// The REAC template family: certificats complémentaires de spécialisation,
// transversal competences, the newer headings, page headers inside tables
// and fiches, form feeds; on fixtures written for each trait
// (tests/data/reac/) and on the REACs of ../shared.
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "engine/certification_xml.h"
#include "engine/text.h"
#include "importers/reac_supplement.h"
#include "importers/reac_text.h"
#include "importers/text_decode.h"
#include "tests/test_support.h"

using namespace passerelle;

namespace {

std::string ReadText(const std::filesystem::path& path) {
  Result<std::string> text = DecodeText(passerelle::testing::ReadFile(path), path.string());
  BOOST_REQUIRE_MESSAGE(text.ok(), text.status().message());
  return CleanExtractedText(text.value());
}

std::filesystem::path Fixture(const std::string& name) {
  return passerelle::testing::SourceDir() / "tests" / "data" / "reac" / name;
}

ReacDocument ParseDocument(const std::string& text, const std::string& name) {
  Result<ReacDocument> d = ParseReacDocument(text, name);
  BOOST_REQUIRE_MESSAGE(d.ok(), d.status().message());
  return std::move(d).value();
}

const Certification& Jardinier() {
  static const Certification c =
      ParseDocument(ReadText(Fixture("reac-ccs-jardinier.txt")), "reac-ccs-jardinier.txt")
          .certification;
  return c;
}

const Bloc& BlocOf(const Certification& c, const std::string& id) {
  const Bloc* b = c.FindBloc(BlocId(id));
  BOOST_REQUIRE_MESSAGE(b != nullptr, id);
  return *b;
}

const Competence& CompetenceOf(const Certification& c, const std::string& id) {
  const Competence* cp = c.FindCompetence(CompetenceId(id));
  BOOST_REQUIRE_MESSAGE(cp != nullptr, id);
  return *cp;
}

std::vector<std::string> Ids(const std::vector<CompetenceId>& ids) {
  std::vector<std::string> out;
  for (const CompetenceId& id : ids) out.push_back(id.value);
  return out;
}

std::vector<std::string> BlocIds(const Certification& c) {
  std::vector<std::string> out;
  for (const Bloc& b : c.blocs) out.push_back(b.id.value);
  return out;
}

}  // namespace

// ---------------------------------------------------------------- CCS

BOOST_AUTO_TEST_CASE(ccs_are_their_own_blocs_and_leave_the_titre_intact) {
  const Certification& c = Jardinier();
  BOOST_TEST(c.id.value == "TP-77701");
  BOOST_TEST(BlocIds(c) == (std::vector<std::string>{"TP-77701-AT1", "TP-77701-AT2",
                                                     "TP-77701-CCS1", "TP-77701-CCS2"}));
  const Bloc& at1 = BlocOf(c, "TP-77701-AT1");
  BOOST_TEST(at1.title == "Entretenir des espaces verts en application des règles d’éco-gestion");
  BOOST_TEST((at1.kind == BlocKind::kStandard));
  BOOST_TEST(Ids(at1.competences) == (std::vector<std::string>{"TP-77701-CP1", "TP-77701-CP2",
                                                               "TP-77701-CP3", "TP-77701-CP4"}));
  const Bloc& at2 = BlocOf(c, "TP-77701-AT2");
  BOOST_TEST(at2.title == "Aménager des espaces verts");
  BOOST_TEST(Ids(at2.competences) ==
             (std::vector<std::string>{"TP-77701-CP5", "TP-77701-CP6", "TP-77701-CP7"}));
  BOOST_TEST(CompetenceOf(c, "TP-77701-CP1").title ==
             "Préparer et entretenir les sols d’un espace vert");
  BOOST_TEST(CompetenceOf(c, "TP-77701-CP2").title ==
             "Tailler les arbustes et les haies d’un espace vert");
  BOOST_TEST(CompetenceOf(c, "TP-77701-CP4").title ==
             "Désherber les massifs sans produits phytosanitaires");
  BOOST_TEST(CompetenceOf(c, "TP-77701-CP7").title == "Réaliser un ouvrage en bois");
  BOOST_TEST(CompetenceOf(c, "TP-77701-CP1").criteria.size() == 3u);
  BOOST_TEST(CompetenceOf(c, "TP-77701-CP2").criteria.size() == 4u);
  BOOST_TEST(CompetenceOf(c, "TP-77701-CP7").criteria.size() == 2u);
  BOOST_TEST(c.CompetenceCount() == 11u);
}

BOOST_AUTO_TEST_CASE(ccs_number_their_competences_from_one) {
  const Certification& c = Jardinier();
  const Bloc& ccs1 = BlocOf(c, "TP-77701-CCS1");
  BOOST_TEST((ccs1.kind == BlocKind::kCcs));
  // The heading on its own, then the name on the next line.
  BOOST_TEST(ccs1.title == "Élaguer des arbres d’ornement");
  BOOST_TEST(Ids(ccs1.competences) ==
             (std::vector<std::string>{"TP-77701-CCS1-CP1", "TP-77701-CCS1-CP2"}));
  const Competence& grimper = CompetenceOf(c, "TP-77701-CCS1-CP1");
  BOOST_TEST(grimper.number == "CP1");
  BOOST_TEST(grimper.title == "Grimper dans un arbre en sécurité");
  BOOST_TEST(grimper.criteria.size() == 5u);
  BOOST_TEST(CompetenceOf(c, "TP-77701-CCS1-CP2").criteria.size() == 2u);
  // The name in guillemets on the heading line.
  const Bloc& ccs2 = BlocOf(c, "TP-77701-CCS2");
  BOOST_TEST(ccs2.title == "Créer et entretenir des jardins d’eau");
  BOOST_TEST(Ids(ccs2.competences) ==
             (std::vector<std::string>{"TP-77701-CCS2-CP1", "TP-77701-CCS2-CP2"}));
  BOOST_TEST(CompetenceOf(c, "TP-77701-CCS2-CP1").title == "Réaliser un bassin étanche");
  BOOST_TEST(CompetenceOf(c, "TP-77701-CCS2-CP1").criteria.size() == 4u);
  BOOST_TEST(CompetenceOf(c, "TP-77701-CCS2-CP2").criteria.size() == 3u);
  // A CCS competence counts only for its CCS.
  BOOST_TEST(!c.CountsTowardCertification(CompetenceId("TP-77701-CCS1-CP1")));
  BOOST_TEST(c.CountsTowardCertification(CompetenceId("TP-77701-CP1")));
}

BOOST_AUTO_TEST_CASE(ccs_found_by_numbering_restart_without_heading) {
  // The same REAC without any CCS heading: the fiches numbered from 1 again
  // still start a CCS, at the activity fiche before them.
  std::string text = ReadText(Fixture("reac-ccs-jardinier.txt"));
  for (const char* heading :
       {"Vue synoptique du certificat complémentaire de spécialisation\n",
        "CERTIFICAT COMPLÉMENTAIRE DE SPÉCIALISATION\n",
        "Certificat complémentaire de spécialisation « Créer et entretenir des jardins d’eau »\n",
        "Certificat complémentaire de spécialisation N°\n"}) {
    const size_t at = text.find(heading);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, heading);
    text.erase(at, std::string(heading).size());
  }
  const Certification c = ParseDocument(text, "sans-titre.txt").certification;
  BOOST_TEST(BlocIds(c) == (std::vector<std::string>{"TP-77701-AT1", "TP-77701-AT2",
                                                     "TP-77701-CCS1", "TP-77701-CCS2"}));
  BOOST_TEST(BlocOf(c, "TP-77701-CCS2").title == "Créer et entretenir des jardins d’eau");
  BOOST_TEST(CompetenceOf(c, "TP-77701-CP1").title ==
             "Préparer et entretenir les sols d’un espace vert");
  BOOST_TEST(BlocOf(c, "TP-77701-AT1").competences.size() == 4u);
}

// ---------------------------------------------------------------- transversal

BOOST_AUTO_TEST_CASE(transversal_competences_are_a_separate_list) {
  const Certification& c = Jardinier();
  BOOST_REQUIRE(c.transversal_competences.size() == 2u);
  const Competence& t1 = c.transversal_competences[0];
  BOOST_TEST(t1.id.value == "TP-77701-CT1");
  BOOST_TEST(t1.number == "CT1");
  BOOST_TEST(t1.title == "Travailler en équipe sur un chantier");
  BOOST_TEST(t1.description == "Coopérer avec les membres de l’équipe et le chef de chantier.");
  BOOST_TEST(t1.criteria == (std::vector<std::string>{"Les consignes sont partagées",
                                                      "Les tâches sont réparties"}));
  const Competence& t2 = c.transversal_competences[1];
  BOOST_TEST(t2.title == "Appliquer les règles de sécurité du chantier");
  BOOST_TEST(t2.criteria.size() == 3u);
  for (const Competence& cp : c.competences) BOOST_TEST(cp.title != t1.title);
}

// ---------------------------------------------------------------- layout

BOOST_AUTO_TEST_CASE(page_headers_inside_lists_and_criteria_are_removed) {
  const Certification& c = Jardinier();
  // A header block (one cell a line) inside the activity fiche's list.
  BOOST_TEST(BlocOf(c, "TP-77701-AT1").competences.size() == 4u);
  // A one-line header table between two criteria.
  BOOST_TEST(CompetenceOf(c, "TP-77701-CP2").criteria ==
             (std::vector<std::string>{"La taille respecte le port naturel du végétal.",
                                       "Les déchets de taille sont valorisés.",
                                       "Les consignes de sécurité sont appliquées.",
                                       "Le chantier est propre en fin d’intervention."}));
  for (const Competence& cp : c.competences)
    for (const std::string& item : cp.criteria) {
      BOOST_TEST(item.find("SIGLE") == std::string::npos, item);
      BOOST_TEST(item.find("TP-77701") == std::string::npos, item);
    }
}

BOOST_AUTO_TEST_CASE(combined_savoir_faire_heading_gives_three_groups) {
  const Competence& cp1 = CompetenceOf(Jardinier(), "TP-77701-CP1");
  BOOST_TEST(
      cp1.savoir_faire_techniques ==
      (std::vector<std::string>{"Réaliser un prélèvement de sol.", "Utiliser un motoculteur."}));
  BOOST_TEST(cp1.savoir_faire_organisationnels ==
             (std::vector<std::string>{"Planifier les travaux selon la saison."}));
  BOOST_TEST(cp1.savoir_faire_relationnels ==
             (std::vector<std::string>{"Rendre compte de l’état du sol à son responsable."}));
  BOOST_TEST(cp1.savoirs == (std::vector<std::string>{"Connaissance des types de sols."}));
}

BOOST_AUTO_TEST_CASE(form_feeds_at_line_starts_do_not_hide_headings) {
  // The raw text, form feeds kept (not through CleanExtractedText).
  const std::string raw = passerelle::testing::ReadFile(Fixture("reac-ccs-jardinier.txt"));
  BOOST_REQUIRE(raw.find("\fFICHE COMPÉTENCE") != std::string::npos);
  const Certification c = ParseDocument(raw, "brut.txt").certification;
  BOOST_TEST(
      (c == ParseDocument(ReadText(Fixture("reac-ccs-jardinier.txt")), "brut.txt").certification));
}

BOOST_AUTO_TEST_CASE(canonical_xml_keeps_ccs_and_transversal) {
  const Certification& c = Jardinier();
  const std::string xml = CertificationToXml(c);
  BOOST_TEST(xml.find("format-version=\"2\"") != std::string::npos);
  BOOST_TEST(xml.find("<bloc id=\"TP-77701-CCS1\" kind=\"ccs\">") != std::string::npos);
  BOOST_TEST(xml.find("<transversal-competences>") != std::string::npos);
  Result<Certification> back = CertificationFromXml(xml, "jardinier.xml");
  BOOST_REQUIRE_MESSAGE(back.ok(), back.status().message());
  BOOST_TEST((back.value() == c));
}

// ---------------------------------------------------------------- RE / RC

namespace {

Certification Supplement(const std::string& name) {
  const std::string text = ReadText(Fixture(name));
  Result<Certification> s = ParseReacSupplement(text, name);
  BOOST_REQUIRE_MESSAGE(s.ok(), s.status().message());
  return std::move(s).value();
}

// The fixture REAC with CP3's criteria taken out, as a REAC whose criteria
// live in its RE.
Certification JardinierWithoutCp3Criteria() {
  Certification c = Jardinier();
  for (Competence& cp : c.competences)
    if (cp.id.value == "TP-77701-CP3") cp.criteria.clear();
  return c;
}

}  // namespace

BOOST_AUTO_TEST_CASE(standalone_re_is_recognised_and_parsed) {
  const std::string text = ReadText(Fixture("re-jardinier.txt"));
  BOOST_TEST(ReacSupplementKind(text) == "re");
  BOOST_TEST(ReacSupplementKind(ReadText(Fixture("rc-jardinier.txt"))) == "rc");
  BOOST_TEST(ReacSupplementKind(ReadText(Fixture("reac-ccs-jardinier.txt"))) == "");
  // An RE that names the REAC's fiches in its prose is still an RE.
  BOOST_TEST(ReacSupplementKind("REFERENTIEL D'EVALUATION TP-12345\nLes critères de la fiche "
                                "compétence professionnelle du REAC s'appliquent.\n") == "re");
  const Certification re = Supplement("re-jardinier.txt");
  BOOST_TEST(re.id.value == "TP-77701");
  BOOST_TEST(re.title == "Jardinier paysagiste");
  BOOST_TEST(re.source_format == "re-text");
  BOOST_TEST(IsReacSupplement(re));
  BOOST_REQUIRE(re.blocs.size() == 3u);
  BOOST_TEST(re.blocs[2].title == "Élaguer des arbres d’ornement");  // a CCS section
  BOOST_REQUIRE(re.competences.size() == 2u);
  BOOST_TEST(re.competences[0].title == "Tondre et faucher les surfaces enherbées");
  BOOST_TEST(re.competences[0].criteria ==
             (std::vector<std::string>{
                 "La hauteur de coupe est adaptée à la saison et à l’usage de la pelouse.",
                 "Les bordures sont nettes.", "Les déchets de tonte sont valorisés."}));
  BOOST_TEST(re.competences[1].title == "Réaliser un ouvrage en bois");
}

BOOST_AUTO_TEST_CASE(re_merges_modalities_and_missing_criteria) {
  Certification c = JardinierWithoutCp3Criteria();
  std::vector<std::string> notes;
  MergeReacSupplement(Supplement("re-jardinier.txt"), c, &notes);
  BOOST_TEST(notes.empty());
  const Bloc& at1 = BlocOf(c, "TP-77701-AT1");
  BOOST_TEST(at1.durations.size() == 2u);
  BOOST_TEST(at1.durations.back().minutes == 210);  // Durée totale
  BOOST_TEST(BlocOf(c, "TP-77701-CCS1").durations.back().minutes == 120);
  BOOST_TEST(BlocOf(c, "TP-77701-CCS2").durations.empty());
  BOOST_TEST(CompetenceOf(c, "TP-77701-CP3").criteria.size() == 3u);
  // The REAC's own criteria stay.
  BOOST_TEST(CompetenceOf(c, "TP-77701-CP7").criteria ==
             CompetenceOf(Jardinier(), "TP-77701-CP7").criteria);
  // Merging twice changes nothing.
  const Certification once = c;
  MergeReacSupplement(Supplement("re-jardinier.txt"), c, &notes);
  BOOST_TEST((c == once));
}

BOOST_AUTO_TEST_CASE(rc_gives_criteria_and_reports_what_matches_nothing) {
  Certification c = Jardinier();
  for (Competence& cp : c.competences)
    if (cp.id.value == "TP-77701-CCS2-CP1") cp.criteria.clear();
  const Certification rc = Supplement("rc-jardinier.txt");
  BOOST_TEST(rc.source_format == "rc-text");
  BOOST_REQUIRE(rc.competences.size() == 2u);
  std::vector<std::string> notes;
  MergeReacSupplement(rc, c, &notes);
  BOOST_TEST(CompetenceOf(c, "TP-77701-CCS2-CP1").criteria ==
             (std::vector<std::string>{"Le bassin est étanche.",
                                       "Les berges sont stables et végétalisées."}));
  Certification other = Jardinier();
  other.competences.resize(1);
  notes.clear();
  MergeReacSupplement(rc, other, &notes);
  BOOST_REQUIRE(notes.size() == 2u);
  BOOST_TEST(notes[0].find("rc-jardinier.txt") != std::string::npos, notes[0]);
  BOOST_TEST(notes[0].find("ignorée") != std::string::npos, notes[0]);
}

BOOST_AUTO_TEST_CASE(re_without_sections_is_refused_naming_the_file) {
  Result<Certification> s =
      ParseReacSupplement("REFERENTIEL D'EVALUATION\nTP-12345\nRien d'autre.\n", "vide-re.txt");
  BOOST_REQUIRE(!s.ok());
  BOOST_TEST(s.status().message().find("vide-re.txt") != std::string::npos);
}

// ---------------------------------------------------------------- shared REACs

namespace {

// Every CP title, its activités types and its criteria count, read by hand
// from the documents.
struct ExpectedCp {
  int number;
  const char* title;
  std::vector<int> ats;
  size_t criteria;
};

void CheckReac(const std::string& relative, const std::vector<ExpectedCp>& expected,
               size_t transversal) {
  const std::filesystem::path path = passerelle::testing::SharedDir() / relative;
  const ReacDocument d = ParseDocument(ReadText(path), path.string());
  const Certification& c = d.certification;
  BOOST_TEST(c.competences.size() == expected.size(), relative);
  for (const Bloc& b : c.blocs) BOOST_TEST((b.kind == BlocKind::kStandard), b.id.value);
  for (const ExpectedCp& e : expected) {
    const std::string id = c.id.value + "-CP" + std::to_string(e.number);
    const Competence* cp = c.FindCompetence(CompetenceId(id));
    BOOST_REQUIRE_MESSAGE(cp != nullptr, id);
    BOOST_TEST_CONTEXT(id) {
      BOOST_TEST(cp->title == e.title);
      BOOST_TEST(cp->criteria.size() == e.criteria);
      std::vector<int> ats;
      for (const Bloc* b : c.BlocsOf(cp->id))
        ats.push_back(std::stoi(b->id.value.substr(b->id.value.rfind("AT") + 2)));
      BOOST_TEST(ats == e.ats);
    }
  }
  BOOST_TEST(c.transversal_competences.size() == transversal, relative);
}

}  // namespace

BOOST_AUTO_TEST_CASE(tp00211_titles_membership_and_criteria) {
  CheckReac(
      "referentiels/tp00211-reac-re-technicien-usinage-assiste-ordinateur.txt",
      {
          {1,
           "Ordonnancer les opérations d'usinage et programmer un usinage sur tour à commande "
           "numérique",
           {1},
           6u},
          {2,
           "Réaliser l'usinage de pièces unitaires ou de petites séries sur un tour à commande "
           "numérique",
           {1},
           7u},
          {3,
           "Assurer le contrôle et la traçabilité d'une production de pièces usinées",
           {1, 2},
           6u},
          {4,
           "Ordonnancer les opérations d'usinage et programmer un usinage sur centre d'usinage",
           {2},
           6u},
          {5,
           "Réaliser l'usinage de pièces unitaires ou de petites séries sur un centre d'usinage",
           {2},
           7u},
          {6,
           "Préparer la production de nouvelles pièces sur un système de fabrication assistée par "
           "ordinateur",
           {3},
           5u},
          {7,
           "Organiser et préparer le poste de travail pour la mise en production de nouvelles "
           "séries de pièces",
           {3},
           6u},
          {8,
           "Stabiliser et lancer des productions en usinage de série sur machines-outils à "
           "commande numérique",
           {3},
           3u},
          {9, "Suivre et optimiser le process de production en usinage de série", {3}, 4u},
      },
      0u);
}

BOOST_AUTO_TEST_CASE(tp01280_titles_membership_and_criteria) {
  CheckReac("referentiels-extra/reac-tp01280-v03-2018-developpeur-web-web-mobile.txt",
            {
                {1, "Maquetter une application", {1}, 8u},
                {2, "Réaliser une interface utilisateur web statique et adaptable", {1}, 12u},
                {3, "Développer une interface utilisateur web dynamique", {1}, 13u},
                {4,
                 "Réaliser une interface utilisateur avec une solution de gestion de contenu ou "
                 "ecommerce",
                 {1},
                 11u},
                {5, "Créer une base de données", {2}, 11u},
                {6, "Développer les composants d’accès aux données", {2}, 10u},
                {7, "Développer la partie back-end d’une application web ou web mobile", {2}, 11u},
                {8,
                 "Elaborer et mettre en œuvre des composants dans une application de gestion de "
                 "contenu ou e-commerce",
                 {2},
                 12u},
            },
            2u);
}

BOOST_AUTO_TEST_CASE(tp01281_titles_membership_and_criteria) {
  CheckReac("referentiels-extra/reac-tp01281-v03-2018-concepteur-developpeur-applications.txt",
            {
                {1, "Maquetter une application", {1}, 8u},
                {2, "Développer une interface utilisateur de type desktop", {1}, 12u},
                {3, "Développer des composants d’accès aux données", {1}, 10u},
                {4, "Développer la partie front-end d’une interface utilisateur web", {1}, 13u},
                {5, "Développer la partie back-end d’une interface utilisateur web", {1}, 10u},
                {6, "Concevoir une base de données", {2}, 4u},
                {7, "Mettre en place une base de données", {2}, 13u},
                {8, "Développer des composants dans le langage d’une base de données", {2}, 6u},
                {9,
                 "Collaborer à la gestion d’un projet informatique et à l’organisation de "
                 "l’environnement de développement",
                 {3},
                 6u},
                {10, "Concevoir une application", {3}, 11u},
                {11, "Développer des composants métier", {3}, 10u},
                {12, "Construire une application organisée en couches", {3}, 6u},
                {13, "Développer une application mobile", {3}, 9u},
                {14, "Préparer et exécuter les plans de tests d’une application", {3}, 5u},
                {15, "Préparer et exécuter le déploiement d’une application", {3}, 4u},
            },
            2u);
}

BOOST_AUTO_TEST_CASE(tp01352_titles_membership_and_criteria) {
  CheckReac(
      "referentiels-extra/reac-tp01352-administrateur-infrastructures-securisees.txt",
      {
          {1, "Administrer et sécuriser le réseau d’entreprise", {1}, 5u},
          {2, "Administrer et sécuriser un environnement système hétérogène", {1}, 5u},
          {3, "Administrer et sécuriser une infrastructure de serveurs virtualisée", {1}, 6u},
          {4, "Appliquer les bonnes pratiques et participer à la qualité de service", {1}, 3u},
          {5, "Créer des scripts d'automatisation", {2}, 4u},
          {6,
           "Intégrer et gérer les différents environnements de travail des utilisateurs",
           {2},
           5u},
          {7, "Administrer les services dans une infrastructure distribuée", {2}, 7u},
          {8,
           "Superviser, mesurer les performances et la disponibilité de l’infrastructure et en "
           "présenter les résultats",
           {3},
           5u},
          {9, "Proposer une solution informatique répondant à des besoins nouveaux", {3}, 7u},
          {10, "Mesurer et analyser le niveau de sécurité de l’infrastructure", {3}, 5u},
          {11,
           "Participer à l’élaboration et à la mise en œuvre de la politique de sécurité",
           {3},
           4u},
      },
      2u);
}

BOOST_AUTO_TEST_CASE(ccs_named_by_its_fiche_headings) {
  // "FICHE COMPÉTENCE PROFESSIONNELLE DU CCS N° k": the first one starts the
  // CCS, the next ones go on with it; the CCS is named by its activity.
  std::string text = ReadText(Fixture("reac-ccs-jardinier.txt"));
  for (const char* heading : {"Vue synoptique du certificat complémentaire de spécialisation\n",
                              "CERTIFICAT COMPLÉMENTAIRE DE SPÉCIALISATION\n",
                              "Certificat complémentaire de spécialisation N°\n"}) {
    const size_t at = text.find(heading);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, heading);
    text.erase(at, std::string(heading).size());
  }
  const std::string from = "FICHE COMPÉTENCE PROFESSIONNELLE N° ";
  const std::string to = "FICHE COMPÉTENCE PROFESSIONNELLE DU CCS N° ";
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  const Certification c = ParseDocument(text, "fiches-ccs.txt").certification;
  BOOST_TEST(BlocIds(c) == (std::vector<std::string>{"TP-77701-AT1", "TP-77701-AT2",
                                                     "TP-77701-CCS1", "TP-77701-CCS2"}));
  BOOST_TEST(BlocOf(c, "TP-77701-CCS1").title == "Élaguer des arbres d’ornement");
  BOOST_TEST(Ids(BlocOf(c, "TP-77701-CCS1").competences) ==
             (std::vector<std::string>{"TP-77701-CCS1-CP1", "TP-77701-CCS1-CP2"}));
}

BOOST_AUTO_TEST_CASE(mangled_synoptic_titles_are_reported_and_the_fiche_wins) {
  const ReacDocument d =
      ParseDocument(ReadText(Fixture("reac-ccs-jardinier.txt")), "reac-ccs-jardinier.txt");
  BOOST_TEST(CompetenceOf(d.certification, "TP-77701-CP3").title ==
             "Tondre et faucher les surfaces enherbées");
  BOOST_TEST(BlocOf(d.certification, "TP-77701-AT1").title ==
             "Entretenir des espaces verts en application des règles d’éco-gestion");
  std::string all;
  for (const std::string& note : d.notes) all += note + "\n";
  BOOST_TEST(all.find("tableau synoptique : CP3 y est écrite « Tondre et faucher les application "
                      "surfaces enherbées », « Tondre et faucher les surfaces enherbées » dans sa "
                      "fiche ; l'intitulé de la fiche est retenu") != std::string::npos,
             all);
  // The activité type's row, whose number stands alone on its line, loses
  // it with the page numbers: no note, and no false one on CP2 before it.
  // Rows that agree with their fiche give no note.
  BOOST_TEST(all.find("CP1 y est") == std::string::npos, all);
  BOOST_TEST(all.find("CP5 y est") == std::string::npos, all);
  BOOST_TEST(d.notes.size() == 1u, all);
}

BOOST_AUTO_TEST_CASE(numbered_transversal_fiches) {
  // One "FICHE COMPÉTENCE TRANSVERSALE N° k" per competence, its title on
  // the heading line or after "Compétence transversale n° k :".
  const std::string text =
      "Titre TP-12345\n"
      "FICHE COMPÉTENCE PROFESSIONNELLE N° 1\nFaire une chose\n"
      "Critères de performance\nLa chose est faite.\n"
      "FICHE COMPÉTENCE TRANSVERSALE N° 1 Communiquer en anglais\n"
      "Description de la compétence – processus de mise en œuvre\nLire des notices.\n"
      "Critères de performance\nLes notices sont comprises.\nLes courriels sont rédigés.\n"
      "FICHE COMPÉTENCE TRANSVERSALE N° 2\n\nCompétence transversale n° 2 : Travailler en "
      "sécurité\nDescription de la compétence – processus de mise en œuvre\nAppliquer les "
      "consignes.\nCritères de performance\nLes consignes sont appliquées.\n";
  const Certification c = ParseDocument(text, "ct.txt").certification;
  BOOST_TEST(c.competences.size() == 1u);
  BOOST_REQUIRE(c.transversal_competences.size() == 2u);
  BOOST_TEST(c.transversal_competences[0].title == "Communiquer en anglais");
  BOOST_TEST(c.transversal_competences[0].criteria.size() == 2u);
  BOOST_TEST(c.transversal_competences[1].title == "Travailler en sécurité");
  BOOST_TEST(c.transversal_competences[1].id.value == "TP-12345-CT2");
  BOOST_TEST(c.FindCompetence(CompetenceId("TP-12345-CT1")) == nullptr);
}

BOOST_AUTO_TEST_CASE(ccs_names_on_their_heading_lines) {
  // Whatever words say "this is a CCS" before its name.
  for (const char* heading : {"CCS n°2 : Créer et entretenir des jardins d’eau",
                              "Certificat complémentaire de spécialisation (CCS) – Créer et "
                              "entretenir des jardins d’eau",
                              "CCS 2 - « Créer et entretenir des jardins d’eau »"}) {
    std::string text = ReadText(Fixture("reac-ccs-jardinier.txt"));
    const std::string original =
        "Certificat complémentaire de spécialisation « Créer et entretenir des jardins d’eau »";
    const size_t at = text.find(original);
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, original.size(), heading);
    const Certification c = ParseDocument(text, "ccs.txt").certification;
    BOOST_TEST(BlocOf(c, "TP-77701-CCS2").title == "Créer et entretenir des jardins d’eau",
               heading);
  }
}

BOOST_AUTO_TEST_CASE(ccs_name_wrapped_over_two_lines) {
  std::string text = ReadText(Fixture("reac-ccs-jardinier.txt"));
  const std::string original =
      "Certificat complémentaire de spécialisation « Créer et entretenir des jardins d’eau »";
  const size_t at = text.find(original);
  BOOST_REQUIRE(at != std::string::npos);
  text.replace(at, original.size(),
               "Certificat complémentaire de spécialisation « Créer et entretenir des\njardins "
               "d’eau »");
  const Certification c = ParseDocument(text, "ccs.txt").certification;
  BOOST_TEST(BlocOf(c, "TP-77701-CCS2").title == "Créer et entretenir des jardins d’eau");
}

BOOST_AUTO_TEST_CASE(cut_documents_parse_or_fail_cleanly) {
  for (const char* name : {"reac-ccs-jardinier.txt", "re-jardinier.txt", "rc-jardinier.txt"}) {
    const std::vector<std::string> lines = SplitLines(ReadText(Fixture(name)));
    for (size_t keep = 0; keep <= lines.size(); keep += 7) {
      const std::string text = Join(
          std::vector<std::string>(lines.begin(), lines.begin() + static_cast<long>(keep)), "\n");
      BOOST_TEST_CONTEXT(name << " cut at line " << keep) {
        Result<Certification> s = ParseReacSupplement(text, "coupe.txt");
        BOOST_TEST((s.ok() || s.status().kind() == Status::Kind::kInvalidArgument));
        Result<ReacDocument> d = ParseReacDocument(text, "coupe.txt");
        if (!d.ok()) {
          BOOST_TEST((d.status().kind() == Status::Kind::kInvalidArgument));
          continue;
        }
        const Certification& c = d->certification;
        for (const Bloc& b : c.blocs)
          for (const CompetenceId& id : b.competences) BOOST_TEST(c.FindCompetence(id));
        for (const Competence& t : c.transversal_competences) BOOST_TEST(!t.title.empty());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_fiche_printed_twice_is_not_a_ccs) {
  // CP2's fiche repeated after CP3 (a heading printed again on the next
  // page): no CCS, the fiche with the most text is kept.
  const std::string fiche = [] {
    std::string t;
    for (int k : {1, 2, 3})
      t += "FICHE COMPÉTENCE PROFESSIONNELLE N° " + std::to_string(k) + "\nFaire la chose " +
           std::to_string(k) + "\nCritères de performance\nLa chose " + std::to_string(k) +
           " est faite.\n";
    return t;
  }();
  const std::string text = "Titre TP-12345\n" + fiche +
                           "FICHE COMPÉTENCE PROFESSIONNELLE N° 2\nFaire la chose 2\n"
                           "Critères de performance\nLa chose 2 est faite.\nElle est vérifiée.\n";
  const Certification c = ParseDocument(text, "double.txt").certification;
  BOOST_TEST(BlocIds(c) == (std::vector<std::string>{"TP-12345-AT1"}));
  BOOST_TEST(c.competences.size() == 3u);
  BOOST_TEST(CompetenceOf(c, "TP-12345-CP2").criteria.size() == 2u);
}
