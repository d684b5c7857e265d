#include "importers/reac_text.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <functional>

#include "engine/certification_xml.h"
#include "engine/text.h"
#include "importers/reac_competences.h"
#include "importers/reac_lines.h"
#include "importers/text_decode.h"
#include "tests/test_support.h"

using namespace passerelle;
using passerelle::testing::SharedDir;

namespace {

const char* const kTp00211 =
    "referentiels/tp00211-reac-re-technicien-usinage-assiste-ordinateur.txt";
const char* const kTp01352 =
    "referentiels-extra/reac-tp01352-administrateur-infrastructures-securisees.txt";

// Reads a shared document the way production does: decode, clean.
std::string LoadText(const std::string& relative) {
  const std::filesystem::path path = SharedDir() / relative;
  Result<std::string> text = DecodeText(passerelle::testing::ReadFile(path), path.string());
  BOOST_REQUIRE_MESSAGE(text.ok(), text.status().message());
  return CleanExtractedText(text.value());
}

Certification Parse(const std::string& text, const std::string& name) {
  Result<Certification> c = ParseReacText(CleanExtractedText(text), name);
  BOOST_REQUIRE_MESSAGE(c.ok(), c.status().message());
  return std::move(c).value();
}

Certification Load(const std::string& relative) {
  const std::filesystem::path path = SharedDir() / relative;
  return Parse(LoadText(relative), path.string());
}

const Certification& Tp00211() {
  static const Certification c = Load(kTp00211);
  return c;
}

const Certification& Tp01352() {
  static const Certification c = Load(kTp01352);
  return c;
}

const Competence& Cp(const Certification& c, int k) {
  const Competence* cp = c.FindCompetence(CompetenceId(c.id.value + "-CP" + std::to_string(k)));
  BOOST_REQUIRE(cp != nullptr);
  return *cp;
}

const Bloc& At(const Certification& c, int k) {
  const Bloc* b = c.FindBloc(BlocId(c.id.value + "-AT" + std::to_string(k)));
  BOOST_REQUIRE(b != nullptr);
  return *b;
}

std::vector<std::string> Ids(const std::vector<CompetenceId>& ids) {
  std::vector<std::string> out;
  for (const CompetenceId& id : ids) out.push_back(id.value);
  return out;
}

bool HasCode(const Certification& c, Code::Type type, const std::string& value) {
  for (const Code* code : c.CodesOfType(type))
    if (code->value == value) return true;
  return false;
}

std::string LabelOf(const Certification& c, Code::Type type, const std::string& value) {
  for (const Code* code : c.CodesOfType(type))
    if (code->value == value) return code->label;
  return "<absent>";
}

int MinutesOf(const Bloc& b, const std::string& label) {
  for (const Duration& d : b.durations)
    if (d.label == label) return d.minutes;
  return -1;
}

std::string DateOf(const Certification& c, const std::string& type) {
  for (const DatedEvent& d : c.dates)
    if (d.type == type) return d.date;
  return "";
}

// Every text that a counsellor reads as a sentence or a list item.
void ForEachItem(const Certification& c, const std::function<void(const std::string&)>& f) {
  f(c.title);
  for (const Bloc& b : c.blocs) f(b.title);
  for (const Competence& cp : c.competences) {
    f(cp.title);
    for (const auto* list :
         {&cp.criteria, &cp.savoir_faire_techniques, &cp.savoir_faire_organisationnels,
          &cp.savoir_faire_relationnels, &cp.savoirs})
      for (const std::string& item : *list) f(item);
  }
}

void CheckItemsAreClean(const Certification& c) {
  ForEachItem(c, [](const std::string& item) {
    BOOST_TEST_CONTEXT(item) {
      BOOST_TEST(!item.empty());
      BOOST_TEST(item.find("\u2022") == std::string::npos);
      BOOST_TEST(item.find("SIGLE") == std::string::npos);
      BOOST_TEST(item.find("Millésime") == std::string::npos);
      BOOST_TEST(item.find("Type de document") == std::string::npos);
      BOOST_TEST(Trim(item) == item);
    }
  });
}

}  // namespace

// ---------------------------------------------------------------- TP-00211

BOOST_AUTO_TEST_CASE(tp00211_references) {
  const Certification& c = Tp00211();
  BOOST_TEST(c.id.value == "TP-00211");
  BOOST_TEST((c.kind == CertificationKind::kTp));
  BOOST_TEST(c.title == "Technicien en usinage assisté par ordinateur");
  BOOST_TEST(c.abbreviation == "TUAO");
  BOOST_TEST(c.level == 4);
  BOOST_TEST(c.vae_access.value_or(false));
  BOOST_TEST(c.source_format == "reac-text");
  BOOST_TEST(c.source_name == "tp00211-reac-re-technicien-usinage-assiste-ordinateur.txt");
  BOOST_TEST(HasCode(c, Code::Type::kRome, "H2503"));
  BOOST_TEST(HasCode(c, Code::Type::kRome, "H2912"));
  BOOST_TEST(LabelOf(c, Code::Type::kRome, "H2503") ==
             "Pilotage d'unité élémentaire de production mécanique");
  BOOST_TEST(LabelOf(c, Code::Type::kNsf, "251u") == "Conduite d'équipements d'usinage");
  BOOST_TEST(c.CodesOfType(Code::Type::kNsf).size() == 1u);
  BOOST_TEST(c.CodesOfType(Code::Type::kFormacode).size() == 5u);
  BOOST_TEST(HasCode(c, Code::Type::kFormacode, "23076"));
  BOOST_TEST(DateOf(c, "arrete") == "2020-10-29");
  BOOST_TEST(DateOf(c, "journal-officiel") == "2020-11-05");
  BOOST_TEST(DateOf(c, "effet") == "2020-12-08");
  BOOST_TEST(DateOf(c, "validation-reac") == "2020-11-05");
}

BOOST_AUTO_TEST_CASE(tp00211_activites_types_share_cp3) {
  const Certification& c = Tp00211();
  BOOST_REQUIRE(c.blocs.size() == 3u);
  BOOST_TEST(At(c, 1).competences.size() == 3u);
  BOOST_TEST(At(c, 2).competences.size() == 3u);
  BOOST_TEST(At(c, 3).competences.size() == 4u);
  BOOST_TEST(c.CompetenceCount() == 9u);
  const std::vector<std::string> at1 = Ids(At(c, 1).competences);
  BOOST_TEST(at1 == (std::vector<std::string>{"TP-00211-CP1", "TP-00211-CP2", "TP-00211-CP3"}));
  const std::vector<std::string> at2 = Ids(At(c, 2).competences);
  BOOST_TEST(at2 == (std::vector<std::string>{"TP-00211-CP4", "TP-00211-CP5", "TP-00211-CP3"}));
  // CP3 is one node with two parent blocs.
  const auto cp3_count = std::count_if(c.competences.begin(), c.competences.end(),
                                       [](const Competence& cp) { return cp.number == "CP3"; });
  BOOST_TEST(cp3_count == 1);
  const std::vector<const Bloc*> parents = c.BlocsOf(CompetenceId("TP-00211-CP3"));
  BOOST_REQUIRE(parents.size() == 2u);
  BOOST_TEST(parents[0]->id.value == "TP-00211-AT1");
  BOOST_TEST(parents[1]->id.value == "TP-00211-AT2");
  // Titles wrapped over two lines (one at "machines-" / "outils") are whole.
  BOOST_TEST(At(c, 1).title ==
             "Réaliser, à partir d'un plan, l'usinage de pièces unitaires ou de petites séries "
             "sur tour à commande numérique");
  BOOST_TEST(At(c, 3).title ==
             "Préparer et mettre au point des productions en usinage de série sur "
             "machines-outils à commande numérique");
}

BOOST_AUTO_TEST_CASE(tp00211_competence_titles_and_criteria) {
  const Certification& c = Tp00211();
  BOOST_TEST(Cp(c, 1).number == "CP1");
  BOOST_TEST(Cp(c, 1).title ==
             "Ordonnancer les opérations d'usinage et programmer un usinage sur tour à commande "
             "numérique");
  BOOST_TEST(Cp(c, 7).title ==
             "Organiser et préparer le poste de travail pour la mise en production de nouvelles "
             "séries de pièces");
  BOOST_TEST(Cp(c, 1).criteria.size() == 6u);
  BOOST_TEST(Cp(c, 2).criteria.size() == 7u);
  BOOST_TEST(Cp(c, 1).criteria[0] ==
             "L'ordonnancement des opérations d'usinage permet la réalisation de la ou des pièces "
             "conformément aux spécifications du dessin de fabrication.");
  BOOST_TEST(Cp(c, 2).criteria.back() ==
             "Les règles d'hygiène et environnement (HSE) sont respectées.");
  BOOST_TEST(
      StartsWith(Cp(c, 1).description, "A partir d’un ordre de fabrication de pièces de tournage"));
  BOOST_TEST(EndsWith(Cp(c, 1).description, "environnement (HSE)."));
  BOOST_TEST(StartsWith(Cp(c, 1).context, "Cette compétence s'exerce au poste de travail"));
  BOOST_TEST(Cp(c, 1).context.find("Critères") == std::string::npos);
  for (const Competence& cp : c.competences) {
    BOOST_TEST_CONTEXT(cp.number) {
      BOOST_TEST(!cp.description.empty());
      BOOST_TEST(!cp.context.empty());
      BOOST_TEST(!cp.criteria.empty());
      BOOST_TEST(!cp.savoirs.empty());
      BOOST_TEST(!cp.savoir_faire_relationnels.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(tp00211_savoir_faire_groups) {
  const Certification& c = Tp00211();
  const Competence& cp1 = Cp(c, 1);
  BOOST_TEST(cp1.savoir_faire_techniques.size() == 9u);
  BOOST_TEST(cp1.savoir_faire_techniques.back() ==
             "Programmer une sous-phase de tournage en utilisant un logiciel de fabrication "
             "assisté par ordinateur (FAO).");
  BOOST_TEST(cp1.savoir_faire_organisationnels.size() == 5u);
  BOOST_TEST(cp1.savoir_faire_organisationnels.front() == "Exploiter les documents techniques.");
  BOOST_TEST(cp1.savoir_faire_relationnels.size() == 2u);
  BOOST_TEST(cp1.savoirs.size() == 15u);
  for (const Competence& cp : c.competences)
    for (const std::string& s : cp.savoirs) BOOST_TEST(StartsWith(s, "Connaissance"), s);
  // CP4: the page break swallowed the blank line between the organisational
  // and the relational groups.
  const Competence& cp4 = Cp(c, 4);
  BOOST_TEST(cp4.savoir_faire_organisationnels.size() == 5u);
  BOOST_TEST(cp4.savoir_faire_organisationnels.back() ==
             "Appliquer les principes d’ergonomie physique");
  BOOST_REQUIRE(cp4.savoir_faire_relationnels.size() == 2u);
  BOOST_TEST(StartsWith(cp4.savoir_faire_relationnels[0], "Communiquer avec son environnement"));
  BOOST_TEST(StartsWith(cp4.savoir_faire_relationnels[1], "Rendre compte"));
}

BOOST_AUTO_TEST_CASE(tp00211_evaluation_from_re) {
  const Certification& c = Tp00211();
  BOOST_TEST(MinutesOf(At(c, 1), "Durée totale") == 240);
  BOOST_TEST(MinutesOf(At(c, 1), "Mise en situation professionnelle") == 240);
  BOOST_TEST(MinutesOf(At(c, 1), "Entretien technique") == -1);  // "Sans objet"
  BOOST_TEST(MinutesOf(At(c, 2), "Durée totale") == 240);
  BOOST_TEST(MinutesOf(At(c, 3), "Mise en situation professionnelle") == 300);
  BOOST_TEST(MinutesOf(At(c, 3), "Entretien technique") == 60);
  BOOST_TEST(MinutesOf(At(c, 3), "Durée totale") == 360);
  for (const Bloc& b : c.blocs) {
    BOOST_TEST_CONTEXT(b.id.value) {
      BOOST_TEST(b.modalities.find("Mise en situation professionnelle") != std::string::npos);
      BOOST_TEST(b.modalities.size() < 4000u);
      BOOST_TEST(b.modalities.find("Conditions de présence") == std::string::npos);
    }
  }
}

// ---------------------------------------------------------------- TP-01352

BOOST_AUTO_TEST_CASE(tp01352_other_layout) {
  const Certification& c = Tp01352();
  BOOST_TEST(c.id.value == "TP-01352");
  BOOST_TEST(c.title == "Administrateur d’infrastructures sécurisées");
  BOOST_TEST(c.abbreviation == "AIS");
  BOOST_TEST(c.level == 6);  // "Niveau II (Nomenclature de 1969)"
  BOOST_TEST(HasCode(c, Code::Type::kRome, "M1801"));
  BOOST_TEST(c.CodesOfType(Code::Type::kRome).size() == 3u);
  BOOST_TEST(LabelOf(c, Code::Type::kNsf, "326") ==
             "Informatique, traitement de l'information, réseaux de transmission");
  BOOST_TEST(DateOf(c, "validation-reac") == "2018-04-18");
  BOOST_REQUIRE(c.blocs.size() == 3u);
  BOOST_TEST(At(c, 1).competences.size() == 4u);
  BOOST_TEST(At(c, 2).competences.size() == 3u);
  BOOST_TEST(At(c, 3).competences.size() == 4u);  // list cut by a page header
  BOOST_TEST(c.CompetenceCount() == 11u);
  for (const Bloc& b : c.blocs) {
    BOOST_TEST(b.modalities.empty());  // no RE in this document
    BOOST_TEST(b.durations.empty());
  }
}

BOOST_AUTO_TEST_CASE(tp01352_competences) {
  const Certification& c = Tp01352();
  const Competence& cp1 = Cp(c, 1);
  BOOST_TEST(cp1.title == "Administrer et sécuriser le réseau d’entreprise");
  BOOST_TEST(cp1.criteria.size() == 5u);
  BOOST_TEST(cp1.criteria[3] ==
             "L'infrastructure est documentée et les procédures d’exploitation sont rédigées de "
             "façon claire et opérationnelle");
  BOOST_REQUIRE(!cp1.savoirs.empty());
  BOOST_TEST(StartsWith(cp1.savoirs[0], "Connaissance des protocoles réseaux"));
  BOOST_TEST(cp1.savoirs.size() == 8u);  // continued after a page header
  // No blank line separates the groups: the trailing verb of communication
  // is relational, the rest technical.
  BOOST_TEST(cp1.savoir_faire_relationnels ==
             (std::vector<std::string>{"Assurer la relation avec les fournisseurs"}));
  BOOST_TEST(cp1.savoir_faire_techniques.size() == 15u);
  BOOST_TEST(Cp(c, 8).title ==
             "Superviser, mesurer les performances et la disponibilité de l’infrastructure et en "
             "présenter les résultats");
  BOOST_TEST(Cp(c, 5).savoir_faire_techniques[2] ==
             "Créer et documenter des scripts d'automatisation de tâche en utilisant différents "
             "langages (ex. : Powershell, shell, python)");
  // The transversal competences at the end are not professional ones.
  for (const Competence& cp : c.competences)
    BOOST_TEST(cp.title.find("anglais") == std::string::npos);
  ForEachItem(
      c, [](const std::string& item) { BOOST_TEST(item.find("Page") == std::string::npos, item); });
}

// ---------------------------------------------------------------- both

BOOST_AUTO_TEST_CASE(no_item_keeps_bullets_or_page_headers) {
  CheckItemsAreClean(Tp00211());
  CheckItemsAreClean(Tp01352());
}

BOOST_AUTO_TEST_CASE(parsing_twice_gives_equal_certifications) {
  const std::string text = LoadText(kTp00211);
  BOOST_TEST((Parse(text, "a.txt") == Parse(text, "a.txt")));
  const std::string other = LoadText(kTp01352);
  BOOST_TEST((Parse(other, "b.txt") == Parse(other, "b.txt")));
}

BOOST_AUTO_TEST_CASE(canonical_xml_round_trip) {
  for (const Certification* c : {&Tp00211(), &Tp01352()}) {
    Result<Certification> back = CertificationFromXml(CertificationToXml(*c), c->id.value);
    BOOST_REQUIRE_MESSAGE(back.ok(), back.status().message());
    BOOST_TEST((back.value() == *c), c->id.value);
  }
}

BOOST_AUTO_TEST_CASE(looks_like_reac_text) {
  BOOST_TEST(LooksLikeReacText(LoadText(kTp00211)));
  BOOST_TEST(LooksLikeReacText(LoadText(kTp01352)));
  for (const auto& entry : std::filesystem::directory_iterator(SharedDir() / "referentiels")) {
    const std::string name = entry.path().filename().string();
    if (!StartsWith(name, "rncp")) continue;
    BOOST_TEST(!LooksLikeReacText(LoadText("referentiels/" + name)), name);
  }
  BOOST_TEST(LooksLikeReacText("Titre TP-01234\nListe des activités types\n"));
  BOOST_TEST(!LooksLikeReacText("Code RNCP : 35697\nTP-01234 activités types\n"));
  BOOST_TEST(!LooksLikeReacText("Un texte quelconque."));
}

BOOST_AUTO_TEST_CASE(truncated_documents_parse_or_fail_cleanly) {
  for (const char* doc : {kTp00211, kTp01352}) {
    const std::vector<std::string> lines = SplitLines(LoadText(doc));
    for (size_t tenth = 1; tenth < 10; ++tenth) {
      const size_t keep = lines.size() * tenth / 10;
      const std::string text = Join(
          std::vector<std::string>(lines.begin(), lines.begin() + static_cast<long>(keep)), "\n");
      Result<Certification> c = ParseReacText(text, "coupe.txt");
      BOOST_TEST_CONTEXT(doc << " cut at " << tenth << "/10") {
        if (!c.ok()) {
          BOOST_TEST((c.status().kind() == Status::Kind::kInvalidArgument));
          continue;
        }
        CheckItemsAreClean(c.value());
        for (const Bloc& b : c->blocs)
          for (const CompetenceId& id : b.competences) BOOST_TEST(c->FindCompetence(id));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(missing_tp_code_is_an_error_naming_the_file) {
  Result<Certification> c = ParseReacText(
      "FICHE COMPÉTENCE PROFESSIONNELLE N° 1\nFaire une chose\n", "dossier/sans-code.txt");
  BOOST_REQUIRE(!c.ok());
  BOOST_TEST((c.status().kind() == Status::Kind::kInvalidArgument));
  BOOST_TEST(c.status().message().find("dossier/sans-code.txt") != std::string::npos);
  BOOST_TEST(c.status().message().find("TP-") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_competence_fiche_is_an_error) {
  Result<Certification> c =
      ParseReacText("REAC du titre TP-12345\nListe des activités types\n", "vide.txt");
  BOOST_REQUIRE(!c.ok());
  BOOST_TEST((c.status().kind() == Status::Kind::kInvalidArgument));
  BOOST_TEST(c.status().message().find("vide.txt") != std::string::npos);
  BOOST_TEST(c.status().message().find("FICHE COMPÉTENCE PROFESSIONNELLE") != std::string::npos);
}

// ---------------------------------------------------------------- fixtures

namespace {

// A small REAC in the TP-01352 layout: page headers spread over many lines
// (one of them cutting a savoir-faire in two, another with all labels
// first), no blank line between sections or savoir-faire groups, titles
// wrapped differently in the lists and in the fiches, CP2 in both activités
// types, 1969 level.
const char* const kSpreadHeaders = R"(REFERENTIEL EMPLOI ACTIVITES COMPETENCES
DU TITRE PROFESSIONNEL
Agent de test polyvalent

Niveau III

SIGLE
ATP
Type de document
REAC
Code titre
TP-99999
Millésime
02
Date de Validation
12/03/2021
Date de mise à jour
12/03/2021
Page
1/9

FICHE EMPLOI TYPE

Agent de test polyvalent
Définition de l’emploi type et des conditions d’exercice
L’agent prépare et réalise les essais.
Liste des activités types et des compétences professionnelles
1. Préparer les essais de réception des équipements de la ligne de
production
Planifier les essais de réception
Rédiger les procédures d'essai des équipements de
la ligne de production
2. Réaliser les essais sur machines-
outils
Rédiger les procédures d'essai des équipements de la ligne de production
Conduire les essais sur site
Niveau et/ou domaine d’activité
Niveau III (Nomenclature de 1969)
Code(s) NSF :
200r - Technologies industrielles (niv100)
Fiche(s) Rome de rattachement
H1502 Management et ingénierie qualité
industrielle

H1210 Intervention technique en études
FICHE COMPÉTENCE PROFESSIONNELLE N° 1
Planifier les essais de réception
Description de la compétence – processus de mise en œuvre
À partir du cahier des charges, planifier les essais.
Contexte(s) professionnel(s) de mise en œuvre
En atelier.
Critères de performance
Le planning couvre tous les équipements
Les délais sont réalistes et tiennent compte des contraintes de la
production
Savoir-faire techniques, savoir-faire organisationnels, savoir-faire relationnels, savoirs
Établir un planning d'essais
Identifier les équipements à
SIGLE
ATP

Type de document
REAC

Code titre
TP-99999

Millésime
02

Date de Validation
12/03/2021

Date de mise à jour
12/03/2021

Page
4/9

réceptionner sur la ligne
Organiser les ressources de l’équipe
Communiquer avec les fournisseurs
Rendre compte à sa hiérarchie
Connaissance des normes de réception
Connaissance des outils de planification
FICHE COMPÉTENCE PROFESSIONNELLE N° 2
Rédiger les procédures d'essai des équipements de la ligne de
production
Description de la compétence – processus de mise en œuvre
Rédiger les procédures.
Contexte(s) professionnel(s) de mise en œuvre
Au bureau.
Critères de performance
• Les procédures sont
claires
• Les procédures sont validées
Savoir-faire techniques, savoir-faire organisationnels, savoir-faire relationnels, savoirs
Rédiger une procédure
Connaissance des normes
SIGLE
Type de document
Code titre
Millésime
Date de Validation
Date de mise à jour
Page
ATP
REAC
TP-99999
02
12/03/2021
12/03/2021
6/9
Connaissance des formats de procédure
FICHE COMPÉTENCE PROFESSIONNELLE N° 3
Conduire les essais sur site
Description de la compétence – processus de mise en œuvre
Conduire les essais.
Contexte(s) professionnel(s) de mise en œuvre
Sur site.
Critères de performance
Les essais sont conduits en sécurité
Savoir-faire techniques, savoir-faire organisationnels, savoir-faire relationnels, savoirs
Conduire un essai
Connaissance des risques
Glossaire technique
Essai
Vérification d'un équipement.
)";

}  // namespace

BOOST_AUTO_TEST_CASE(fixture_spread_headers_references) {
  const Certification c = Parse(kSpreadHeaders, "/tmp/reac-atp.txt");
  BOOST_TEST(c.id.value == "TP-99999");
  BOOST_TEST(c.title == "Agent de test polyvalent");
  BOOST_TEST(c.abbreviation == "ATP");
  BOOST_TEST(c.level == 5);  // Niveau III
  BOOST_TEST(c.source_name == "reac-atp.txt");
  BOOST_TEST(LabelOf(c, Code::Type::kNsf, "200r") == "Technologies industrielles");
  // A label wrapped over two lines, a blank line between two codes.
  BOOST_TEST(LabelOf(c, Code::Type::kRome, "H1502") ==
             "Management et ingénierie qualité industrielle");
  BOOST_TEST(LabelOf(c, Code::Type::kRome, "H1210") == "Intervention technique en études");
  BOOST_TEST(DateOf(c, "validation-reac") == "2021-03-12");
  CheckItemsAreClean(c);
}

BOOST_AUTO_TEST_CASE(fixture_wrapped_titles_and_shared_competence) {
  const Certification c = Parse(kSpreadHeaders, "atp.txt");
  BOOST_TEST(c.CompetenceCount() == 3u);
  BOOST_TEST(Cp(c, 2).title ==
             "Rédiger les procédures d'essai des équipements de la ligne de production");
  BOOST_REQUIRE(c.blocs.size() == 2u);
  BOOST_TEST(At(c, 1).title ==
             "Préparer les essais de réception des équipements de la ligne de production");
  BOOST_TEST(At(c, 2).title == "Réaliser les essais sur machines-outils");
  BOOST_TEST(Ids(At(c, 1).competences) ==
             (std::vector<std::string>{"TP-99999-CP1", "TP-99999-CP2"}));
  BOOST_TEST(Ids(At(c, 2).competences) ==
             (std::vector<std::string>{"TP-99999-CP2", "TP-99999-CP3"}));
  BOOST_TEST(c.BlocsOf(CompetenceId("TP-99999-CP2")).size() == 2u);
}

BOOST_AUTO_TEST_CASE(fixture_items_across_page_headers_without_blank_lines) {
  const Certification c = Parse(kSpreadHeaders, "atp.txt");
  const Competence& cp1 = Cp(c, 1);
  BOOST_TEST(cp1.criteria == (std::vector<std::string>{
                                 "Le planning couvre tous les équipements",
                                 "Les délais sont réalistes et tiennent compte des contraintes "
                                 "de la production"}));
  BOOST_TEST(cp1.savoir_faire_techniques ==
             (std::vector<std::string>{"Établir un planning d'essais",
                                       "Identifier les équipements à réceptionner sur la ligne",
                                       "Organiser les ressources de l’équipe"}));
  BOOST_TEST(cp1.savoir_faire_organisationnels.empty());
  BOOST_TEST(cp1.savoir_faire_relationnels ==
             (std::vector<std::string>{"Communiquer avec les fournisseurs",
                                       "Rendre compte à sa hiérarchie"}));
  BOOST_TEST(cp1.savoirs.size() == 2u);
  BOOST_TEST(Cp(c, 2).criteria == (std::vector<std::string>{"Les procédures sont claires",
                                                            "Les procédures sont validées"}));
  // A header block with all labels first, then all values.
  BOOST_TEST(Cp(c, 2).savoirs ==
             (std::vector<std::string>{"Connaissance des normes",
                                       "Connaissance des formats de procédure"}));
  // The glossary ends the last fiche.
  BOOST_TEST(Cp(c, 3).savoirs == (std::vector<std::string>{"Connaissance des risques"}));
}

namespace {

// A small REAC + RE in the TP-00211 layout: one-line header tables, blank
// lines between groups, a page start marked by one leading space where a
// blank line was lost, fiches of activité type, and an RE with a CCP.
const char* const kTableHeaders = R"( FICHE ACTIVITÉ TYPE N° 1

Souder des assemblages métalliques sur chantier de
construction navale

Définition, description de l’activité type et conditions d’exercice

Le soudeur assemble.

Liste des compétences professionnelles de l’activité type

Souder à plat des tôles
Souder en position des tubes d'acier au carbone sur chantier de
construction navale

Compétences transversales de l’activité type
 FICHE COMPÉTENCE PROFESSIONNELLE N° 1

Souder à plat des tôles

Description de la compétence – processus de mise en œuvre

Souder.

Contexte(s) professionnel(s) de mise en œuvre

Atelier.

Critères de performance

La soudure est conforme.



SIGLE Type de document Code titre Millésime Date de Validation Date de mise à jour Page
SDN REAC TP-88888 03 01/02/2022 01/02/2022 7/20

Le poste est rangé.

Savoir-faire techniques, savoir-faire organisationnels, savoir-faire relationnels, savoirs

Régler le poste de soudage.
Préparer les bords.

Organiser son poste.
Planifier son intervention.
 Coordonner son action avec le chef de chantier.

Connaissance des procédés.
 FICHE COMPÉTENCE PROFESSIONNELLE N° 2

Souder en position des tubes d'acier au carbone sur chantier de construction
navale

Description de la compétence – processus de mise en œuvre

Souder en position.

Contexte(s) professionnel(s) de mise en œuvre

Chantier.

Critères de performance

Les soudures sont étanches.

Savoir-faire techniques, savoir-faire organisationnels, savoir-faire relationnels, savoirs

Pointer les tubes.

Préparer son intervention.

Rendre compte de son travail.

Connaissance des aciers.
 REFERENTIEL D’EVALUATION

1. Références de la spécialité

Intitulé du titre professionnel : Soudeur de navires
Sigle du titre professionnel : SDN
Niveau : 3 (Cadre national des certifications 2019)
Code(s) NSF : 254s - Soudage
Code(s) ROME : H2913, H2902
Formacode : 22454, 22435
Date de l’arrêté : 03/01/2022
Date de parution au JO de l’arrêté : 15/01/2022
Date d’effet de l’arrêté : 01/03/2022
 CCP

Souder des assemblages métalliques sur chantier de construction navale

Modalités d’évaluation des compétences et organisation de l’épreuve

Modalités Compétences évaluées Durée Détail de l’organisation de l’épreuve
Mise en situation
professionnelle

Souder à plat des tôles

02 h 30 min Le candidat soude
deux éprouvettes.

Autres modalités d’évaluation le cas échéant :
 Entretien technique Sans objet Sans objet

 Questionnaire
professionnel

Souder à plat des tôles

00 h 45 min Questions écrites.

Durée totale de l’épreuve pour le candidat : 03 h 15 min
 Conditions de présence et d’intervention du jury propre au CCP

Durée totale de présence du jury pendant l’épreuve du candidat : 02 h 30 min
)";

}  // namespace

BOOST_AUTO_TEST_CASE(fixture_table_headers_and_re) {
  const Certification c = Parse(kTableHeaders, "sdn.txt");
  BOOST_TEST(c.id.value == "TP-88888");
  BOOST_TEST(c.title == "Soudeur de navires");
  BOOST_TEST(c.abbreviation == "SDN");
  BOOST_TEST(c.level == 3);
  BOOST_TEST(LabelOf(c, Code::Type::kNsf, "254s") == "Soudage");
  BOOST_TEST(LabelOf(c, Code::Type::kRome, "H2902") == "");
  BOOST_TEST(c.CodesOfType(Code::Type::kFormacode).size() == 2u);
  BOOST_TEST(DateOf(c, "arrete") == "2022-01-03");
  BOOST_TEST(DateOf(c, "journal-officiel") == "2022-01-15");
  BOOST_TEST(DateOf(c, "effet") == "2022-03-01");
  BOOST_TEST(DateOf(c, "validation-reac") == "2022-02-01");
  BOOST_REQUIRE(c.blocs.size() == 1u);
  const Bloc& at1 = At(c, 1);
  BOOST_TEST(at1.title == "Souder des assemblages métalliques sur chantier de construction navale");
  BOOST_TEST(Ids(at1.competences) == (std::vector<std::string>{"TP-88888-CP1", "TP-88888-CP2"}));
  BOOST_TEST(MinutesOf(at1, "Mise en situation professionnelle") == 150);
  BOOST_TEST(MinutesOf(at1, "Entretien technique") == -1);
  BOOST_TEST(MinutesOf(at1, "Questionnaire professionnel") == 45);
  BOOST_TEST(MinutesOf(at1, "Durée totale") == 195);
  BOOST_TEST(at1.durations.size() == 3u);
  BOOST_TEST(at1.modalities.find("Le candidat soude deux éprouvettes.") != std::string::npos);
  BOOST_TEST(at1.modalities.find("jury") == std::string::npos);
  CheckItemsAreClean(c);
}

BOOST_AUTO_TEST_CASE(fixture_blank_line_groups_and_lost_blank_line) {
  const Certification c = Parse(kTableHeaders, "sdn.txt");
  const Competence& cp1 = Cp(c, 1);
  // The header table between two criteria is gone.
  BOOST_TEST(cp1.criteria ==
             (std::vector<std::string>{"La soudure est conforme.", "Le poste est rangé."}));
  BOOST_TEST(cp1.savoir_faire_techniques ==
             (std::vector<std::string>{"Régler le poste de soudage.", "Préparer les bords."}));
  BOOST_TEST(cp1.savoir_faire_organisationnels ==
             (std::vector<std::string>{"Organiser son poste.", "Planifier son intervention."}));
  BOOST_TEST(cp1.savoir_faire_relationnels ==
             (std::vector<std::string>{"Coordonner son action avec le chef de chantier."}));
  const Competence& cp2 = Cp(c, 2);
  BOOST_TEST(cp2.title ==
             "Souder en position des tubes d'acier au carbone sur chantier de construction navale");
  BOOST_TEST(cp2.savoir_faire_techniques == (std::vector<std::string>{"Pointer les tubes."}));
  BOOST_TEST(cp2.savoir_faire_organisationnels ==
             (std::vector<std::string>{"Préparer son intervention."}));
  BOOST_TEST(cp2.savoir_faire_relationnels ==
             (std::vector<std::string>{"Rendre compte de son travail."}));
}

// ---------------------------------------------------------------- helpers

namespace {

// The smallest text the importer accepts, with `extra` lines before the
// fiche.
Certification Minimal(const std::string& extra) {
  return Parse(
      "Titre TP-12345\n" + extra + "\nFICHE COMPÉTENCE PROFESSIONNELLE N° 1\nFaire une chose\n",
      "minimal.txt");
}

}  // namespace

BOOST_AUTO_TEST_CASE(levels_of_both_nomenclatures) {
  BOOST_TEST(Minimal("Niveau V").level == 3);
  BOOST_TEST(Minimal("Niveau IV (Nomenclature de 1969)").level == 4);
  BOOST_TEST(Minimal("Niveau 3 (Nomenclature de 1969)").level == 5);
  BOOST_TEST(Minimal("Niveau : 7 (Cadre national des certifications 2019)").level == 7);
  BOOST_TEST(Minimal("Niveau et/ou domaine d’activité").level == 0);
  BOOST_TEST(Minimal("").level == 0);
}

BOOST_AUTO_TEST_CASE(without_activite_type_one_implicit_bloc) {
  const Certification c = Minimal("");
  BOOST_REQUIRE(c.blocs.size() == 1u);
  BOOST_TEST(c.blocs[0].implicit);
  BOOST_TEST(Ids(c.blocs[0].competences) == (std::vector<std::string>{"TP-12345-CP1"}));
  BOOST_TEST(Cp(c, 1).title == "Faire une chose");
}

BOOST_AUTO_TEST_CASE(savoir_faire_with_two_groups) {
  using reac::ListItem;
  // Technical, then organisational and relational merged: the trailing verbs
  // of communication are relational.
  const std::vector<ListItem> items = {
      {"Régler la machine.", false, false},         {"Organiser son poste.", true, false},
      {"Transmettre les consignes.", false, false}, {"Négocier les délais.", false, false},
      {"Connaissance des machines.", true, false},  {"Notions de gestion.", false, false},
  };
  const reac::SavoirFaire sf = reac::ClassifySavoirFaire(items);
  BOOST_TEST(sf.techniques == (std::vector<std::string>{"Régler la machine."}));
  BOOST_TEST(sf.organisationnels == (std::vector<std::string>{"Organiser son poste."}));
  BOOST_TEST(sf.relationnels ==
             (std::vector<std::string>{"Transmettre les consignes.", "Négocier les délais."}));
  BOOST_TEST(sf.savoirs ==
             (std::vector<std::string>{"Connaissance des machines.", "Notions de gestion."}));
}

BOOST_AUTO_TEST_CASE(page_furniture_is_removed) {
  const reac::CleanDocument doc = reac::CleanLines(
      "Texte avant\n\n17/44\n\nsuite\nReproduction interdite\nArticle L 122-4 du code\n"
      "\"Toute représentation\nart ou un procédé quelconque.\"\nRéalisé par l’AFPA pour le "
      "compte de l’Etat\nfin\n");
  std::vector<std::string> texts;
  for (const reac::Line& line : doc.lines) texts.push_back(line.text);
  BOOST_TEST(texts == (std::vector<std::string>{"Texte avant", "suite", "fin"}));
  BOOST_TEST(doc.lines[1].page_start);
}
