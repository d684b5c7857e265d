#include "importers/rncp_text.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "engine/text.h"
#include "importers/rncp_new_blocs.h"
#include "importers/text_decode.h"
#include "test_support.h"

using namespace passerelle;

namespace {

const char* const k19166 = "rncp19166-btm-technicien-mecanique-precision.txt";
const char* const k420 = "rncp420-bacpro-technicien-usinage.txt";
const char* const k28243 = "rncp28243-cqpm-technicien-usinage-mocn.txt";
const char* const k35697 = "rncp35697-bacpro-technicien-realisation-produits-mecaniques.txt";
const char* const kReac = "tp00211-reac-re-technicien-usinage-assiste-ordinateur.txt";

// A shared document decoded and cleaned as production does.
std::string LoadText(const std::string& name) {
  const auto path = testing::SharedDir() / "referentiels" / name;
  Result<std::string> decoded = DecodeText(testing::ReadFile(path), name);
  BOOST_REQUIRE_MESSAGE(decoded.ok(), decoded.status().message());
  return CleanExtractedText(*decoded);
}

Certification Load(const std::string& name) {
  const auto path = testing::SharedDir() / "referentiels" / name;
  Result<Certification> cert = ParseRncpFicheText(LoadText(name), path.string());
  BOOST_REQUIRE_MESSAGE(cert.ok(), cert.status().message());
  return *cert;
}

Certification ParseFixture(const std::string& text) {
  Result<Certification> cert = ParseRncpFicheText(CleanExtractedText(text), "/tmp/fixture.txt");
  BOOST_REQUIRE_MESSAGE(cert.ok(), cert.status().message());
  return *cert;
}

const Bloc& BlocOf(const Certification& cert, const std::string& id) {
  const Bloc* bloc = cert.FindBloc(BlocId(id));
  BOOST_REQUIRE_MESSAGE(bloc, "missing bloc " + id);
  return *bloc;
}

const Competence& CompetenceOf(const Certification& cert, const std::string& id) {
  const Competence* competence = cert.FindCompetence(CompetenceId(id));
  BOOST_REQUIRE_MESSAGE(competence, "missing competence " + id);
  return *competence;
}

std::vector<std::string> TitlesOf(const Certification& cert, const Bloc& bloc) {
  std::vector<std::string> titles;
  for (const CompetenceId& id : bloc.competences)
    titles.push_back(CompetenceOf(cert, id.value).title);
  return titles;
}

std::vector<size_t> CompetenceCounts(const Certification& cert) {
  std::vector<size_t> counts;
  for (const Bloc& bloc : cert.blocs) counts.push_back(bloc.competences.size());
  return counts;
}

std::vector<std::string> CodeValues(const Certification& cert, Code::Type type) {
  std::vector<std::string> values;
  for (const Code* code : cert.CodesOfType(type)) values.push_back(code->value);
  return values;
}

std::string DateOf(const Certification& cert, const std::string& type) {
  for (const DatedEvent& event : cert.dates)
    if (event.type == type) return event.date;
  return "";
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A title must not carry layout debris.
void CheckCleanTitle(const std::string& title) {
  BOOST_TEST_CONTEXT("title: " << title) {
    BOOST_TEST(!title.empty());
    for (const char* debris : {"<", ">", "\t", "Voie scolaire", "CCF", "\u2022"})
      BOOST_TEST(!Contains(title, debris));
    BOOST_TEST(!StartsWith(title, "-"));
    BOOST_TEST(Trim(title) == title);
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// RNCP35697: new layout, interleaved columns.

BOOST_AUTO_TEST_CASE(new_layout_header_fields) {
  const Certification cert = Load(k35697);
  BOOST_TEST(cert.id.value == "RNCP35697");
  BOOST_TEST((cert.kind == CertificationKind::kRncp));
  BOOST_TEST(cert.title == "BAC PRO - Technicien en réalisation de produits mécaniques");
  BOOST_TEST(cert.abbreviation == "BAC PRO");
  BOOST_TEST(cert.level == 4);
  BOOST_TEST((cert.active == std::optional<bool>(true)));
  BOOST_TEST((cert.vae_access == std::optional<bool>(true)));
  BOOST_TEST((CodeValues(cert, Code::Type::kNsf) == std::vector<std::string>{"251", "250"}));
  BOOST_TEST((CodeValues(cert, Code::Type::kRome) == std::vector<std::string>{"H2903", "H2901"}));
  BOOST_TEST(CodeValues(cert, Code::Type::kFormacode).size() == 4u);
  BOOST_TEST(cert.CodesOfType(Code::Type::kRome)[0]->label == "Conduite d'équipement d'usinage");
  BOOST_TEST(cert.CodesOfType(Code::Type::kFormacode)[0]->label == "Productique");
  BOOST_REQUIRE(cert.certificateurs.size() == 1u);
  BOOST_TEST(cert.certificateurs[0].name == "MINISTERE DE L'EDUCATION NATIONALE ET DE LA JEUNESSE");
  BOOST_TEST(cert.certificateurs[0].siret == "11004301500012");
  BOOST_TEST(DateOf(cert, "echeance") == "2025-09-01");
  BOOST_TEST(DateOf(cert, "publication") == "2021-06-21");
  BOOST_TEST(DateOf(cert, "debut-parcours") == "2021-09-01");
  BOOST_TEST(cert.dates.size() == 3u);
  BOOST_TEST(cert.source_format == "rncp-text");
  BOOST_TEST(cert.source_name == k35697);
  BOOST_TEST(StartsWith(cert.activites_visees, "- Analyse, exploitation des données techniques"));
  BOOST_TEST(StartsWith(cert.capacites_attestees, "Etude et préparation de la réalisation"));
  // The blank line inside a clean item is repaired in the text too.
  BOOST_TEST(Contains(cert.capacites_attestees, "communiquer sous forme écrite et orale"));
}

BOOST_AUTO_TEST_CASE(new_layout_replaces) {
  const Certification cert = Load(k35697);
  BOOST_REQUIRE(cert.replaces.size() == 3u);
  BOOST_TEST(cert.replaces[0].id.value == "RNCP422");
  BOOST_TEST(cert.replaces[0].title == "BAC PRO - Technicien outilleur");
  BOOST_TEST(cert.replaces[1].id.value == "RNCP792");
  BOOST_TEST(cert.replaces[2].id.value == "RNCP420");
  BOOST_TEST(cert.replaces[2].title == "BAC PRO - Technicien d'usinage");
  BOOST_TEST(cert.replaced_by.empty());
}

BOOST_AUTO_TEST_CASE(new_layout_blocs_and_counts) {
  const Certification cert = Load(k35697);
  const std::vector<size_t> expected = {3, 4, 5, 5, 5, 2, 5, 3, 4, 4, 3, 5, 3, 6, 5};
  BOOST_TEST(CompetenceCounts(cert) == expected, boost::test_tools::per_element());
  BOOST_REQUIRE(cert.blocs.size() == 15u);
  for (size_t b = 0; b < cert.blocs.size(); ++b) {
    const Bloc& bloc = cert.blocs[b];
    const std::string code = (b + 1 < 10 ? "RNCP35697BC0" : "RNCP35697BC") + std::to_string(b + 1);
    BOOST_TEST(bloc.id.value == code);
    BOOST_TEST(bloc.optional == (b >= 12));
    BOOST_TEST(!bloc.implicit);
    BOOST_TEST(Contains(bloc.modalities, "Voie"));
    BOOST_TEST(!Contains(bloc.modalities, "<"));
    BOOST_TEST(!StartsWith(bloc.modalities, "Modalités d'évaluation"));
  }
  BOOST_TEST(cert.blocs[0].title == "Etude et préparation de la réalisation");
  BOOST_TEST(cert.blocs[6].title == "Prévention-santé-environnement");
  BOOST_TEST(cert.blocs[9].title == "Histoire-géographie-Enseignement moral et civique");
  BOOST_TEST(cert.blocs[12].title == "Langues vivantes");
  BOOST_TEST(cert.blocs[14].title == "Éducation physique et sportive");
  BOOST_TEST(cert.blocs[7].description == "Compétences de niveau B1+ du CECRL");
  BOOST_TEST(cert.blocs[11].description ==
             "Compétences de niveau 4 du référentiel de compétences attendues");
}

BOOST_AUTO_TEST_CASE(new_layout_interleaved_columns_are_rebuilt) {
  const Certification cert = Load(k35697);
  BOOST_TEST(CompetenceOf(cert, "RNCP35697BC01-C2").title ==
             "Interpréter et vérifier les données de définition de tout ou partie d'un ensemble "
             "ou d'un produit mécanique ou d'un outillage");
  // Page break inside the item, continuation on the next row's left cell.
  BOOST_TEST(CompetenceOf(cert, "RNCP35697BC03-C1").title ==
             "Formuler et transmettre des informations, communiquer sous forme écrite et orale");
  BOOST_TEST(CompetenceOf(cert, "RNCP35697BC03-C2").title ==
             "S'impliquer dans un environnement professionnel");
  // Continuation on a lone line among modalities text.
  BOOST_TEST(
      EndsWith(CompetenceOf(cert, "RNCP35697BC09-C4").title, "construire son identité culturelle"));
  BOOST_TEST(
      EndsWith(CompetenceOf(cert, "RNCP35697BC11-C2").title, "dans son contexte de création"));
  BOOST_TEST(StartsWith(CompetenceOf(cert, "RNCP35697BC11-C3").title, "Maîtriser les bases"));
  // Lone modalities lines stay in the modalities.
  BOOST_TEST(Contains(BlocOf(cert, "RNCP35697BC06").modalities, "ponctuel écrit"));
  BOOST_TEST(
      Contains(BlocOf(cert, "RNCP35697BC09").modalities,
               "Voie de la formation professionnelle continue dans un établissement public"));
  BOOST_TEST(Contains(BlocOf(cert, "RNCP35697BC11").modalities, "CFA ou section d'apprentissage"));
  // The clean list merges these two; the table keeps them apart.
  const std::vector<std::string> languages = TitlesOf(cert, BlocOf(cert, "RNCP35697BC08"));
  BOOST_TEST(languages[1] == "Interagir en langue étrangère");
  BOOST_TEST(languages[2] == "Comprendre un document écrit rédigé en langue étrangère");
  const std::vector<std::string> optional_languages = TitlesOf(cert, BlocOf(cert, "RNCP35697BC13"));
  BOOST_TEST(optional_languages[1] == "Interagir en langue étrangère");
  BOOST_TEST(TitlesOf(cert, BlocOf(cert, "RNCP35697BC14"))[4] ==
             "Se repérer dans un nouvel environnement");
}

// The same fiche without its clean lists: the column rules alone must
// still rebuild the items (fiches whose "Compétences attestées" is prose).
BOOST_AUTO_TEST_CASE(new_layout_without_clean_lists_still_rebuilds_columns) {
  std::string text = LoadText(k35697);
  const size_t begin = text.find("Compétences attestées :");
  const size_t end = text.find("Modalités d'évaluation :");
  BOOST_REQUIRE(begin != std::string::npos && end != std::string::npos && begin < end);
  text.erase(begin, end - begin);
  // And without the line that announces the title.
  const std::string anchor = "Répertoire national des certifications professionnelles\n";
  text.erase(text.find(anchor), anchor.size());
  Result<Certification> parsed = ParseRncpFicheText(text, "sans-listes.txt");
  BOOST_REQUIRE(parsed.ok());
  const Certification& cert = *parsed;
  BOOST_TEST(cert.title == "BAC PRO - Technicien en réalisation de produits mécaniques");
  const std::vector<size_t> expected = {3, 4, 5, 5, 5, 2, 5, 3, 4, 4, 3, 5, 3, 6, 5};
  BOOST_TEST(CompetenceCounts(cert) == expected, boost::test_tools::per_element());
  BOOST_TEST(CompetenceOf(cert, "RNCP35697BC03-C2").title ==
             "S'impliquer dans un environnement professionnel");
  BOOST_TEST(
      EndsWith(CompetenceOf(cert, "RNCP35697BC09-C4").title, "construire son identité culturelle"));
  BOOST_TEST(
      EndsWith(CompetenceOf(cert, "RNCP35697BC11-C2").title, "dans son contexte de création"));
  BOOST_TEST(
      CompetenceOf(cert, "RNCP35697BC06-C2").title ==
      "Découvrir et maîtriser les bases de la gestion et de la communication professionnelle");
  for (const Competence& c : cert.competences) CheckCleanTitle(c.title);
}

// ---------------------------------------------------------------------------
// RNCP420: old layout, wrapped bloc headers.

BOOST_AUTO_TEST_CASE(old_layout_numbered_blocs) {
  const Certification cert = Load(k420);
  BOOST_TEST(cert.id.value == "RNCP420");
  BOOST_TEST(cert.title == "BAC PRO : Baccalauréat professionnel Technicien d'usinage");
  BOOST_TEST(cert.abbreviation == "BAC PRO");
  BOOST_TEST(cert.level == 4);
  BOOST_TEST(!cert.active.has_value());
  BOOST_TEST((cert.vae_access == std::optional<bool>(true)));
  BOOST_TEST((CodeValues(cert, Code::Type::kNsf) == std::vector<std::string>{"251"}));
  BOOST_TEST((CodeValues(cert, Code::Type::kRome) == std::vector<std::string>{"H2903"}));
  BOOST_REQUIRE(cert.certificateurs.size() == 1u);
  BOOST_TEST(cert.certificateurs[0].name == "MINISTERE DE L'EDUCATION NATIONALE");
  const std::vector<size_t> expected = {5, 3, 3, 3, 2, 2, 5, 5, 5, 3, 4, 4, 3, 5};
  BOOST_TEST(CompetenceCounts(cert) == expected, boost::test_tools::per_element());
  const Bloc& first = BlocOf(cert, "RNCP420BC01");
  BOOST_TEST(first.unit == "U31");
  BOOST_TEST(first.title == "Réalisation et suivi de production en entreprise");
  BOOST_TEST(Contains(CompetenceOf(cert, "RNCP420BC04-C3").title,
                      "Élaborer un programme avec un logiciel de FAO"));
  BOOST_TEST(BlocOf(cert, "RNCP420BC07").title == "Prévention-Santé-Environnement");
  BOOST_TEST(BlocOf(cert, "RNCP420BC10").title == "Langue vivante");
  BOOST_TEST(BlocOf(cert, "RNCP420BC10").unit == "U4");
  BOOST_TEST(BlocOf(cert, "RNCP420BC12").title ==
             "Histoire-Géographie-Enseignement moral et civique");
}

BOOST_AUTO_TEST_CASE(old_layout_wrapped_items_and_preambles) {
  const Certification cert = Load(k420);
  BOOST_TEST(CompetenceOf(cert, "RNCP420BC01-C2").title ==
             "Émettre des propositions de rationalisation et d’optimisation d’une unité de "
             "production");
  BOOST_TEST(CompetenceOf(cert, "RNCP420BC02-C1").title ==
             "Installer l’environnement de production (porte-pièces, outils et porte-outils)");
  const Bloc& languages = BlocOf(cert, "RNCP420BC10");
  BOOST_TEST(languages.description == "Compétences de niveau B1+ du CECRL");
  BOOST_TEST(TitlesOf(cert, languages)[0] == "S’exprimer oralement en continu");
  // A ";" alone on the next line ends the item.
  BOOST_TEST(CompetenceOf(cert, "RNCP420BC14-C3").title ==
             "Réaliser une prestation corporelle à visée artistique ou acrobatique");
  BOOST_TEST(CompetenceOf(cert, "RNCP420BC12-C4").title ==
             "Identifier les droits et devoirs civils, politiques, économiques et sociaux");
  BOOST_TEST(StartsWith(cert.activites_visees, "Le titulaire du baccalauréat professionnel"));
}

// ---------------------------------------------------------------------------
// RNCP28243: old layout, blocs in HTML remnants, capacités C1-C7.

BOOST_AUTO_TEST_CASE(old_layout_html_blocs_with_capacities) {
  const Certification cert = Load(k28243);
  BOOST_TEST(cert.id.value == "RNCP28243");
  BOOST_TEST(cert.abbreviation == "CQP");
  BOOST_TEST(cert.level == 0);
  BOOST_TEST((CodeValues(cert, Code::Type::kNsf) == std::vector<std::string>{"200r", "201p"}));
  BOOST_TEST(cert.CodesOfType(Code::Type::kNsf)[1]->label ==
             "Technologie de commandes et transformation organisation/gestion");
  BOOST_TEST(CodeValues(cert, Code::Type::kRome).size() == 4u);
  BOOST_TEST(DateOf(cert, "effet") == "2017-04-21");
  BOOST_TEST(DateOf(cert, "echeance") == "2022-04-21");
  BOOST_TEST((cert.vae_access == std::optional<bool>(true)));
  BOOST_REQUIRE(cert.certificateurs.size() == 1u);
  BOOST_TEST(StartsWith(cert.certificateurs[0].name, "Commission paritaire nationale"));
  BOOST_TEST(
      StartsWith(cert.capacites_attestees, "C1 Préparer la mise en œuvre du contrat de phase"));
  BOOST_TEST((CompetenceCounts(cert) == std::vector<size_t>{2, 3, 2}));
  std::vector<std::string> numbers;
  for (const Competence& c : cert.competences) numbers.push_back(c.number);
  const std::vector<std::string> expected = {"C1", "C2", "C3", "C4", "C5", "C6", "C7"};
  BOOST_TEST(numbers == expected, boost::test_tools::per_element());
  BOOST_TEST(
      StartsWith(CompetenceOf(cert, "RNCP28243BC03-C2").title, "Entretien des moyens d'usinage"));
  const Bloc& first = BlocOf(cert, "RNCP28243BC01");
  BOOST_TEST(first.title == "Elaboration et mise en œuvre du contrat de phase");
  BOOST_TEST(StartsWith(first.description, "Ce bloc de compétences reprend"));
  BOOST_TEST(StartsWith(first.modalities, "Evaluation en situation professionnelle réelle"));
  BOOST_TEST(!Contains(first.modalities, "<"));
}

// ---------------------------------------------------------------------------
// RNCP19166: old layout without blocs.

BOOST_AUTO_TEST_CASE(old_layout_without_blocs_gets_an_implicit_bloc) {
  const Certification cert = Load(k19166);
  BOOST_TEST(cert.id.value == "RNCP19166");
  BOOST_TEST(cert.title == "Technicien en mécanique de précision (BTM)");
  BOOST_TEST(cert.abbreviation == "BTM");
  BOOST_TEST(cert.level == 4);
  BOOST_TEST((CodeValues(cert, Code::Type::kRome) == std::vector<std::string>{"H2503", "H2903"}));
  BOOST_TEST(DateOf(cert, "effet") == "2002-06-01");
  BOOST_TEST(DateOf(cert, "echeance") == "2019-07-03");
  BOOST_TEST((cert.vae_access == std::optional<bool>(true)));
  BOOST_REQUIRE(cert.certificateurs.size() == 1u);
  BOOST_TEST(cert.certificateurs[0].name ==
             "Assemblée permanente des chambres de métiers et de l'artisanat (APCMA)");
  BOOST_REQUIRE(cert.blocs.size() == 1u);
  const Bloc& bloc = cert.blocs[0];
  BOOST_TEST(bloc.id.value == "RNCP19166BC00");
  BOOST_TEST(bloc.implicit);
  BOOST_TEST(bloc.title == "Compétences de la certification");
  BOOST_TEST(bloc.competences.size() >= 10u);
  const std::vector<std::string> titles = TitlesOf(cert, bloc);
  BOOST_TEST(titles.front() ==
             "Le développement commercial de l’entreprise de mécanique de précision sous couvert "
             "du chef d’entreprise");
  BOOST_TEST(titles[2] ==
             "L’évaluation des coûts de production et les temps de fabrication de la pièce "
             "unitaire et/ou sérielle dans une perspective d’optimisation");
  BOOST_TEST(titles.back() == "Le suivi des réalisations (SAV)");
  for (const std::string& title : titles) {
    BOOST_TEST(StartsWithUppercase(title));
    BOOST_TEST(!EndsWith(title, ","));
  }
}

// ---------------------------------------------------------------------------
// Properties of every fiche.

BOOST_AUTO_TEST_CASE(every_fiche_has_clean_titles_and_consistent_ids) {
  for (const char* name : {k19166, k420, k28243, k35697}) {
    BOOST_TEST_CONTEXT(name) {
      const Certification cert = Load(name);
      CheckCleanTitle(cert.title);
      size_t listed = 0;
      for (const Bloc& bloc : cert.blocs) {
        CheckCleanTitle(bloc.title);
        BOOST_TEST(StartsWith(bloc.id.value, cert.id.value + "BC"));
        for (size_t k = 0; k < bloc.competences.size(); ++k) {
          BOOST_TEST(bloc.competences[k].value == bloc.id.value + "-C" + std::to_string(k + 1));
          CheckCleanTitle(CompetenceOf(cert, bloc.competences[k].value).title);
        }
        listed += bloc.competences.size();
      }
      BOOST_TEST(listed == cert.competences.size());
    }
  }
}

BOOST_AUTO_TEST_CASE(parsing_twice_gives_equal_results) {
  for (const char* name : {k19166, k420, k28243, k35697}) {
    BOOST_TEST_CONTEXT(name) { BOOST_TEST((Load(name) == Load(name))); }
  }
}

BOOST_AUTO_TEST_CASE(recognizes_fiches_and_rejects_other_documents) {
  for (const char* name : {k19166, k420, k28243, k35697})
    BOOST_TEST(LooksLikeRncpFicheText(LoadText(name)), name);
  BOOST_TEST(!LooksLikeRncpFicheText(LoadText(kReac)));
  const auto extra = testing::SharedDir() / "referentiels-extra" /
                     "reac-tp01352-administrateur-infrastructures-securisees.txt";
  BOOST_TEST(!LooksLikeRncpFicheText(CleanExtractedText(testing::ReadFile(extra))));
  BOOST_TEST(!LooksLikeRncpFicheText("Bonjour,\nvoici mon dossier de validation.\n"));
}

BOOST_AUTO_TEST_CASE(a_text_that_is_not_a_fiche_is_rejected_naming_the_file) {
  const std::string path = (testing::SharedDir() / "referentiels" / kReac).string();
  Result<Certification> cert = ParseRncpFicheText(LoadText(kReac), path);
  BOOST_REQUIRE(!cert.ok());
  BOOST_TEST((cert.status().kind() == Status::Kind::kInvalidArgument));
  BOOST_TEST(Contains(cert.status().message(), path));
  BOOST_TEST(!ParseRncpFicheText("", "vide.txt").ok());
  // A truncated fiche: the number alone is enough to parse what is there.
  Result<Certification> truncated =
      ParseRncpFicheText(LoadText(k35697).substr(0, 200), "coupe.txt");
  BOOST_REQUIRE(truncated.ok());
  BOOST_TEST(truncated->id.value == "RNCP35697");
}

BOOST_AUTO_TEST_CASE(truncated_and_shuffled_fiches_never_crash) {
  for (const char* name : {k19166, k420, k28243, k35697}) {
    const std::vector<std::string> lines = SplitLines(LoadText(name));
    for (size_t cut = 0; cut < lines.size(); cut += 19) {
      std::vector<std::string> head(lines.begin(),
                                    lines.begin() + static_cast<std::ptrdiff_t>(cut));
      std::vector<std::string> tail(lines.begin() + static_cast<std::ptrdiff_t>(cut), lines.end());
      for (const std::string& text : {Join(head, "\n"), Join(tail, "\n")}) {
        Result<Certification> cert = ParseRncpFicheText(text, name);
        BOOST_TEST((cert.ok() || cert.status().kind() == Status::Kind::kInvalidArgument));
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Synthetic fixtures, one per rule.

namespace {

const char* const kOldWrappedHeaders =
    "Le Répertoire National des Certifications Professionnelles (RNCP)\n"
    "Résumé descriptif de la certification Code RNCP : 999\n"
    "Intitulé\n"
    "CAP : Certificat d'aptitude professionnelle\n"
    "Boulanger\n"
    "\n"
    "Niveau et/ou domaine d'activité\n"
    "V (Nomenclature de 1969)\n"
    "Bloc de compétence : \n"
    "\n"
    "INTITULÉ DESCRIPTIF ET MODALITÉS D'ÉVALUATION\n"
    "Bloc de compétence n°1 de\n"
    "la fiche n° 999 - UP1 :\n"
    "Production de pains et\n"
    "viennoiseries\n"
    "\n"
    "Préparer les matières premières.\n"
    "Conduire la fermentation des pâtes\n"
    "levées.\n"
    "\n"
    "INTITULÉ DESCRIPTIF ET MODALITÉS D'ÉVALUATION\n"
    "Bloc de compétence n°2 de\n"
    "la fiche n° 999 - UG2 : Langue\n"
    "vivante (Bloc facultatif)\n"
    "\n"
    "Compétences de niveau A2 du CECRL\n"
    "- Comprendre un message oral simple ;\n"
    "- Rédiger un message\n"
    "court ;\n"
    "\n"
    "Validité des composantes acquises :  5 an(s)\n"
    "\n"
    "CONDITIONS D'INSCRIPTION À LA CERTIFICATION OUINON COMPOSITION DES JURYS\n"
    "Par expérience dispositif VAE X idem\n"
    "\n"
    "Arrêté du 2 mars 2009 portant enregistrement, avec effet au 1er février\n"
    "2010, jusqu'au 31 décembre 2015\n";

}  // namespace

BOOST_AUTO_TEST_CASE(fixture_old_wrapped_headers_preamble_and_bullets) {
  const Certification cert = ParseFixture(kOldWrappedHeaders);
  BOOST_TEST(cert.id.value == "RNCP999");
  BOOST_TEST(cert.title == "CAP : Certificat d'aptitude professionnelle Boulanger");
  BOOST_TEST(cert.abbreviation == "CAP");
  BOOST_TEST(cert.level == 3);
  BOOST_TEST(DateOf(cert, "effet") == "2010-02-01");
  BOOST_TEST(DateOf(cert, "echeance") == "2015-12-31");
  BOOST_TEST((cert.vae_access == std::optional<bool>(true)));
  BOOST_REQUIRE(cert.blocs.size() == 2u);
  const Bloc& bread = cert.blocs[0];
  BOOST_TEST(bread.id.value == "RNCP999BC01");
  BOOST_TEST(bread.unit == "UP1");
  BOOST_TEST(bread.title == "Production de pains et viennoiseries");
  BOOST_TEST((TitlesOf(cert, bread) ==
              std::vector<std::string>{"Préparer les matières premières",
                                       "Conduire la fermentation des pâtes levées"}));
  const Bloc& language = cert.blocs[1];
  BOOST_TEST(language.unit == "UG2");
  BOOST_TEST(language.title == "Langue vivante");
  BOOST_TEST(language.optional);
  BOOST_TEST(language.description == "Compétences de niveau A2 du CECRL");
  BOOST_TEST(
      (TitlesOf(cert, language) ==
       std::vector<std::string>{"Comprendre un message oral simple", "Rédiger un message court"}));
}

BOOST_AUTO_TEST_CASE(fixture_old_html_blocs_with_enumerations) {
  const Certification cert = ParseFixture(
      "Résumé descriptif de la certification **Code RNCP : 5555**\n"
      "Intitulé\n"
      "Certificat de qualification paritaire de la métallurgie Soudeur (CQPM)\n"
      "\n"
      "Niveau et/ou domaine d'activité\n"
      "III (Nomenclature de 1969)\n"
      "Code(s) NSF :\n"
      "254s Structures métalliques, 227 Énergie, génie climatique\n"
      "Bloc de compétence :\n"
      "INTITULÉ\tDESCRIPTIF ET MODALITÉS D'ÉVALUATION\n"
      "<p>Bloc de compétence n°1 de la fiche n° 5555 - Préparation du soudage</p>\t<p>Descriptif "
      ":</p> <ol> 1) Lire un plan de soudage 2) Préparer les bords à souder </ol> <p>Modalités "
      "d'évaluation : Mise en situation &amp; entretien</p>\n"
      "<p>Bloc de compétence n°2 de la fiche n° 5555 - Soudage</p>\t<p>Descriptif : Ce bloc "
      "reprend :</p> <ol> 3) Souder en position 4) Contrôler visuellement la "
      "soudure.</ol><p>Modalités "
      "d'évaluation : Mise en situation</p>\n"
      "\n"
      "Validité des composantes acquises : illimitée\n"
      "CONDITIONS D'INSCRIPTION À LA CERTIFICATION\tOUI\tNON\tCOMPOSITION DES JURYS\n"
      "Par expérience dispositif VAE\t\tX\t\n");
  BOOST_TEST(cert.id.value == "RNCP5555");
  BOOST_TEST(cert.abbreviation == "CQPM");
  BOOST_TEST(cert.level == 5);
  BOOST_TEST((CodeValues(cert, Code::Type::kNsf) == std::vector<std::string>{"254s", "227"}));
  BOOST_TEST(cert.CodesOfType(Code::Type::kNsf)[1]->label == "Énergie, génie climatique");
  BOOST_TEST((cert.vae_access == std::optional<bool>(false)));
  BOOST_REQUIRE(cert.blocs.size() == 2u);
  BOOST_TEST(cert.blocs[0].title == "Préparation du soudage");
  BOOST_TEST(cert.blocs[0].modalities == "Mise en situation & entretien");
  BOOST_TEST(cert.blocs[1].description == "Ce bloc reprend");
  BOOST_TEST((TitlesOf(cert, cert.blocs[1]) ==
              std::vector<std::string>{"Souder en position", "Contrôler visuellement la soudure"}));
  std::vector<std::string> numbers;
  for (const Competence& c : cert.competences) numbers.push_back(c.number);
  BOOST_TEST((numbers == std::vector<std::string>{"C1", "C2", "C3", "C4"}));
}

BOOST_AUTO_TEST_CASE(fixture_old_fiche_without_blocs) {
  const Certification cert = ParseFixture(
      "Résumé descriptif de la certification Code RNCP : 777\n"
      "Intitulé\n"
      "Brevet de maîtrise Pâtissier (BM)\n"
      "\n"
      "Niveau et/ou domaine d'activité\n"
      "4 (Nomenclature Europe)\n"
      "Résumé du référentiel d'emploi ou éléments de compétence acquis\n"
      "Le pâtissier dirige un laboratoire.\n"
      "• Dans le cadre de la production :\n"
      "- la gestion des stocks,\n"
      "- la fabrication des entremets et des\n"
      "pièces montées,\n"
      "Il a aussi en charge :\n"
      "- l'encadrement des apprentis.\n"
      "Le pâtissier travaille en équipe.\n"
      "Secteurs d'activité ou types d'emplois accessibles par le détenteur de ce diplôme\n"
      "Pâtisseries artisanales.\n");
  BOOST_TEST(cert.abbreviation == "BM");
  BOOST_TEST(!cert.vae_access.has_value());
  BOOST_REQUIRE(cert.blocs.size() == 1u);
  BOOST_TEST(cert.blocs[0].id.value == "RNCP777BC00");
  BOOST_TEST(cert.blocs[0].implicit);
  BOOST_TEST((TitlesOf(cert, cert.blocs[0]) ==
              std::vector<std::string>{"La gestion des stocks",
                                       "La fabrication des entremets et des pièces montées",
                                       "L'encadrement des apprentis"}));
  BOOST_TEST(cert.competences[0].id.value == "RNCP777BC00-C1");
}

namespace {

// A new-layout fiche whose bloc table is cut by page breaks; `clean` adds
// the "Compétences attestées" lists.
std::string NewLayoutFixture(bool clean) {
  std::string text =
      "Répertoire national des certifications professionnelles\n"
      "TP - Agent de fabrication\n"
      "industrielle\n"
      "\n"
      "Inactive\n"
      "\n"
      "N° de fiche\n"
      "\n"
      "RNCP12345\n"
      "\n"
      "Nomenclature du niveau de qualification : Niveau 3\n"
      "\n"
      "Code(s) ROME :\n"
      "\n"
      "- H2102 - Conduite d'équipement de production alimentaire\n"
      "\n"
      "Compétences attestées :\n"
      "\n";
  if (clean) {
    text +=
        "Conduite de ligne\n"
        "\n"
        "- Piloter une ligne de production automatisée\n"
        "- Régler les paramètres de la machine\n"
        "- Surveiller la qualité des pièces\n"
        "\n"
        "produites\n"
        "\n"
        "Bloc facultatif Anglais technique\n"
        "\n"
        "- Lire une notice technique en anglais Rédiger un rapport court\n";
  } else {
    text += "Le titulaire conduit une ligne de production.\n";
  }
  text +=
      "\n"
      "BLOCS DE COMPÉTENCES\n"
      "\n"
      "RNCP12345BC01 - Conduite de ligne\n"
      "\n"
      "Liste de compétences\tModalités d'évaluation\n"
      "<ul> - Piloter une ligne de \t<p>Mise en situation professionnelle</p>\n"
      "- Régler les paramètres de la machine - Surveiller la qualité des \t<p>observée par</p>\n"
      "\n"
      "pièces produites\n"
      "\n"
      "un jury de professionnels\n"
      "--\t--\n"
      "\n"
      "RNCP12345BC02 - Anglais technique (Bloc facultatif)\n"
      "\n"
      "Liste de compétences\n"
      "\n"
      "Modalités d'évaluation\n"
      "\n"
      "<ul> - Lire une notice technique en anglais - Rédiger un rapport court\t<p>Épreuve "
      "écrite</p>\n"
      "\n"
      "RNCP12345BC03 - Maintenance\n"
      "\n"
      "Liste de compétences\tModalités d'évaluation\n"
      "<p>C5. Diagnostiquer une panne simple</p> <p>C6 : Remplacer une pièce d'usure</p>\t<p>Mise "
      "en "
      "situation</p>\n"
      "\n"
      "Voie d'accès à la certification\tOui\tNon\tComposition des jurys\n"
      "Par expérience\t\tX\t<p>Jury</p>\n";
  return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(fixture_new_layout_columns_with_clean_lists) {
  const Certification cert = ParseFixture(NewLayoutFixture(true));
  BOOST_TEST(cert.title == "TP - Agent de fabrication industrielle");
  BOOST_TEST(cert.abbreviation == "TP");
  BOOST_TEST(cert.level == 3);
  BOOST_TEST((cert.active == std::optional<bool>(false)));
  BOOST_TEST((cert.vae_access == std::optional<bool>(false)));
  BOOST_TEST(cert.CodesOfType(Code::Type::kRome)[0]->label ==
             "Conduite d'équipement de production alimentaire");
  BOOST_REQUIRE(cert.blocs.size() >= 2u);
  // "Piloter une ligne de" is completed from the clean list; "pièces
  // produites" is taken back from among the modalities.
  BOOST_TEST((TitlesOf(cert, cert.blocs[0]) ==
              std::vector<std::string>{"Piloter une ligne de production automatisée",
                                       "Régler les paramètres de la machine",
                                       "Surveiller la qualité des pièces produites"}));
  BOOST_TEST(cert.blocs[0].modalities ==
             "Mise en situation professionnelle observée par un jury de professionnels");
  BOOST_TEST(cert.blocs[1].optional);
  BOOST_TEST(cert.blocs[1].title == "Anglais technique");
  BOOST_TEST(cert.blocs[1].competences.size() == 2u);
  BOOST_TEST(cert.blocs[1].modalities == "Épreuve écrite");
  // Official numbers written before the items are kept apart.
  BOOST_REQUIRE(cert.blocs.size() == 3u);
  const Competence& diagnose = CompetenceOf(cert, "RNCP12345BC03-C1");
  BOOST_TEST(diagnose.number == "C5");
  BOOST_TEST(diagnose.title == "Diagnostiquer une panne simple");
  BOOST_TEST(CompetenceOf(cert, "RNCP12345BC03-C2").number == "C6");
  BOOST_TEST(CompetenceOf(cert, "RNCP12345BC03-C2").title == "Remplacer une pièce d'usure");
}

BOOST_AUTO_TEST_CASE(fixture_new_layout_columns_without_clean_lists) {
  const Certification cert = ParseFixture(NewLayoutFixture(false));
  // Without a clean list a lone line continues only an item that cannot
  // end where it does ("des"); truncated items stay as they are.
  BOOST_TEST(
      (TitlesOf(cert, cert.blocs[0]) ==
       std::vector<std::string>{"Piloter une ligne de", "Régler les paramètres de la machine",
                                "Surveiller la qualité des pièces produites"}));
  BOOST_TEST(cert.blocs[0].modalities ==
             "Mise en situation professionnelle observée par un jury de professionnels");
}

BOOST_AUTO_TEST_CASE(table_reader_sends_foreign_bullets_to_modalities) {
  const std::vector<std::string> clean = {"Accueillir le client", "Encaisser une vente"};
  const rncp::ParsedBloc bloc = rncp::ReadCompetenceTable(
      {"<ul> - Accueillir le client - Encaisser une vente\t<p>Évaluation sur :</p>",
       "- une observation en situation de travail ;"},
      clean);
  BOOST_TEST(bloc.items == clean, boost::test_tools::per_element());
  BOOST_TEST(bloc.modalities == "Évaluation sur : - une observation en situation de travail ;");
}

BOOST_AUTO_TEST_CASE(table_reader_continuation_followed_by_other_items) {
  const std::vector<std::string> clean = {"Situer une œuvre dans son contexte de création",
                                          "Maîtriser les outils graphiques"};
  const rncp::ParsedBloc bloc = rncp::ReadCompetenceTable(
      {"<ul> - Situer une œuvre dans \t<p>Voie scolaire : CCF</p>",
       "son contexte de création - Maîtriser les outils graphiques", "CFA : ponctuel écrit"},
      clean);
  BOOST_TEST(bloc.items == clean, boost::test_tools::per_element());
  BOOST_TEST(bloc.modalities == "Voie scolaire : CCF CFA : ponctuel écrit");
}

BOOST_AUTO_TEST_CASE(table_reader_joins_an_item_split_at_an_inner_dash) {
  const std::vector<std::string> clean = {"Concevoir une interface homme - machine",
                                          "Tester l'application"};
  const rncp::ParsedBloc bloc = rncp::ReadCompetenceTable(
      {"<ul> - Concevoir une interface homme - machine - Tester l'application\t<p>Projet</p>"},
      clean);
  BOOST_TEST(bloc.items == clean, boost::test_tools::per_element());
  BOOST_TEST(bloc.modalities == "Projet");
}

BOOST_AUTO_TEST_CASE(abbreviation_rules) {
  auto abbreviation = [](const std::string& title) {
    return ParseFixture("Résumé descriptif de la certification Code RNCP : 1\nIntitulé\n" + title +
                        "\n\n")
        .abbreviation;
  };
  BOOST_TEST(abbreviation("BTS - Conception des processus de réalisation de produits") == "BTS");
  BOOST_TEST(abbreviation("BP JEPS : Brevet professionnel de la jeunesse") == "BP JEPS");
  BOOST_TEST(abbreviation("TECHNICIEN SUPERIEUR - OPTION USINAGE").empty());
  BOOST_TEST(abbreviation("Enseigner l'anglais (CELTA)") == "CELTA");
  BOOST_TEST(abbreviation("Référent cybersécurité en TPE/PME").empty());
  BOOST_TEST(abbreviation("Titre ingénieur - Ingénieur diplômé de l'école").empty());
}

BOOST_AUTO_TEST_CASE(fixture_rs_fiche_without_blocs) {
  const Certification cert = ParseFixture(
      "Répertoire spécifique\n"
      "Référent cybersécurité en TPE/PME\n"
      "\n"
      "Active\n"
      "\n"
      "N° de fiche\n"
      "\n"
      "RS5678\n"
      "\n"
      "CERTIFICATEUR(S)\n"
      "\n"
      "Nom légal\tSIRET\tNom commercial\tSite internet\n"
      "CYBER ACADEMIE\t12345678900011\t-\t-\n"
      "\n"
      "Compétences attestées :\n"
      "\n"
      "Les compétences attestées par la certification :\n"
      "C1. Identifier les risques\n"
      "C2. Mettre en place une politique de sécurité adaptée à\n"
      "l'entreprise\n"
      "\n"
      "Modalités d'évaluation :\n"
      "\n"
      "Étude de cas.\n");
  BOOST_TEST(cert.id.value == "RS5678");
  BOOST_TEST((cert.kind == CertificationKind::kRs));
  BOOST_TEST(cert.title == "Référent cybersécurité en TPE/PME");
  BOOST_TEST(cert.abbreviation.empty());
  BOOST_TEST(cert.level == 0);
  BOOST_REQUIRE(cert.certificateurs.size() == 1u);
  BOOST_TEST(cert.certificateurs[0].siret == "12345678900011");
  BOOST_REQUIRE(cert.blocs.size() == 1u);
  BOOST_TEST(cert.blocs[0].id.value == "RS5678BC00");
  BOOST_TEST(cert.blocs[0].implicit);
  BOOST_REQUIRE(cert.competences.size() == 2u);
  BOOST_TEST(cert.competences[0].number == "C1");
  BOOST_TEST(cert.competences[0].title == "Identifier les risques");
  BOOST_TEST(cert.competences[1].title ==
             "Mettre en place une politique de sécurité adaptée à l'entreprise");
}
