#include "reports/phrasing.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>

#include "importers/reac_text.h"
#include "importers/rncp_xml_import.h"
#include "importers/text_decode.h"

#include "report_samples.h"
#include "reports/french_verbs.h"
#include "test_support.h"

using namespace passerelle;
using namespace passerelle::reports;

namespace {

std::string Participle(const char* verb) {
  auto pp = PastParticipleOf(verb);
  return pp ? pp->form : "?";
}

std::string SavoirFaire(const char* text) {
  return PhraseSituation(text, RequirementKind::kSavoirFaire);
}

}  // namespace

BOOST_AUTO_TEST_CASE(RegularParticiples) {
  BOOST_TEST(Participle("monter") == "monté");
  BOOST_TEST(Participle("programmer") == "programmé");
  BOOST_TEST(Participle("définir") == "défini");
  BOOST_TEST(Participle("choisir") == "choisi");
  BOOST_TEST(Participle("recueillir") == "recueilli");
  BOOST_TEST(Participle("vérifier") == "vérifié");
}

BOOST_AUTO_TEST_CASE(IrregularParticiples) {
  BOOST_TEST(Participle("rendre") == "rendu");
  BOOST_TEST(Participle("prendre") == "pris");
  BOOST_TEST(Participle("comprendre") == "compris");
  BOOST_TEST(Participle("mettre") == "mis");
  BOOST_TEST(Participle("transmettre") == "transmis");
  BOOST_TEST(Participle("faire") == "fait");
  BOOST_TEST(Participle("conduire") == "conduit");
  BOOST_TEST(Participle("décrire") == "décrit");
  BOOST_TEST(Participle("connaître") == "connu");
  BOOST_TEST(Participle("maintenir") == "maintenu");
  BOOST_TEST(Participle("ouvrir") == "ouvert");
  BOOST_TEST(Participle("concevoir") == "conçu");
  BOOST_TEST(Participle("acquérir") == "acquis");
  BOOST_TEST(Participle("résoudre") == "résolu");
  BOOST_TEST(Participle("peindre") == "peint");
  BOOST_TEST(Participle("être") == "été");
  BOOST_TEST(Participle("savoir") == "su");
  BOOST_TEST(PastParticipleOf("intervenir")->with_etre);
  BOOST_TEST(!PastParticipleOf("monter")->with_etre);
}

BOOST_AUTO_TEST_CASE(NounsAreNotVerbs) {
  for (const char* word :
       {"atelier", "dossier", "ordre", "centre", "plaisir", "le", "FAO", "l'atelier", ""})
    BOOST_TEST(!PastParticipleOf(word).has_value(), word);
}

BOOST_AUTO_TEST_CASE(CapitalEGetsItsAccentBack) {
  BOOST_TEST(LowerInitialWord("Equiper") == "équiper");
  BOOST_TEST(LowerInitialWord("Ebavurer") == "ébavurer");
  BOOST_TEST(LowerInitialWord("Etre") == "être");
  BOOST_TEST(LowerInitialWord("Ecrire") == "écrire");
  BOOST_TEST(LowerInitialWord("Effectuer") == "effectuer");
  BOOST_TEST(LowerInitialWord("Exploiter") == "exploiter");
  BOOST_TEST(LowerInitialWord("Entrer") == "entrer");
  BOOST_TEST(LowerInitialWord("Estimer") == "estimer");
  BOOST_TEST(LowerInitialWord("Monter") == "monter");
}

BOOST_AUTO_TEST_CASE(SavoirFaireBecomeSituations) {
  BOOST_TEST(SavoirFaire("Monter les outils sur la tourelle.") ==
             "Décrivez une situation où vous avez monté les outils sur la tourelle.");
  BOOST_TEST(SavoirFaire("Décoder les spécifications d'un plan de pièce.") ==
             "Décrivez une situation où vous avez décodé les spécifications d’un plan de pièce.");
  BOOST_TEST(SavoirFaire("Rendre compte oralement ou par écrit de l'état d'avancement.") ==
             "Décrivez une situation où vous avez rendu compte oralement ou par écrit de l’état "
             "d’avancement.");
  BOOST_TEST(SavoirFaire("Concevoir un montage simple de reprise de pièces.") ==
             "Décrivez une situation où vous avez conçu un montage simple de reprise de pièces.");
}

// A compound past with "être" would make the participle agree with the
// candidate ("vous vous êtes assuré(e)"): the verbs stay infinitives.
BOOST_AUTO_TEST_CASE(ReflexiveVerbsKeepTheInfinitive) {
  BOOST_TEST(SavoirFaire("S'assurer de la conformité des pièces.") ==
             "Décrivez une situation où vous avez eu à vous assurer de la conformité des pièces.");
  BOOST_TEST(SavoirFaire("S’adapter à des interlocuteurs variés") ==
             "Décrivez une situation où vous avez eu à vous adapter à des interlocuteurs variés.");
  BOOST_TEST(SavoirFaire("Se positionner par rapport à sa hiérarchie") ==
             "Décrivez une situation où vous avez eu à vous positionner par rapport à votre "
             "hiérarchie.");
}

BOOST_AUTO_TEST_CASE(EtreVerbsKeepTheInfinitive) {
  BOOST_TEST(SavoirFaire("Intervenir sur les correcteurs d'usure.") ==
             "Décrivez une situation où vous avez eu à intervenir sur les correcteurs d’usure.");
  // An attribute may agree with the candidate ("un lecteur", "informé"):
  // the item as written, after the neutral lead.
  BOOST_TEST(SavoirFaire("Devenir un lecteur compétent et critique") ==
             "Décrivez une situation où\u202F: «\u202Fdevenir un lecteur compétent et critique\u202F».");
  BOOST_TEST(SavoirFaire("Se tenir informé de l'évolution des techniques") ==
             "Décrivez une situation où\u202F: «\u202Fse tenir informé de l’évolution des techniques\u202F».");
  BOOST_TEST(SavoirFaire("Être attentif aux consignes") ==
             "Décrivez une situation où\u202F: «\u202Fêtre attentif aux consignes\u202F».");
  // A reflexive present participle addresses the candidate too.
  BOOST_TEST(SavoirFaire("Préparer un plan de test, en s'appuyant sur un guide") ==
             "Décrivez une situation où vous avez préparé un plan de test, en vous appuyant sur un "
             "guide.");
  BOOST_TEST(SavoirFaire("Se déplacer en s'adaptant à des environnements variés") ==
             "Décrivez une situation où vous avez eu à vous déplacer en vous adaptant à des "
             "environnements variés.");
  // A list after a colon is not coordinated with the first verb.
  BOOST_TEST(SavoirFaire("Entrer dans l'échange oral : écouter, réagir, s'exprimer") ==
             "Décrivez une situation où vous avez eu à entrer dans l’échange oral\u202F: "
             "écouter, réagir, vous exprimer.");
  BOOST_TEST(SavoirFaire("Communiquer : lire, analyser, écrire") ==
             "Décrivez une situation où vous avez eu à communiquer\u202F: lire, analyser, écrire.");
  // With a direct object the auxiliary is avoir.
  BOOST_TEST(SavoirFaire("Entrer les paramètres de l'origine programme.") ==
             "Décrivez une situation où vous avez entré les paramètres de l’origine programme.");
}

BOOST_AUTO_TEST_CASE(CoordinatedVerbs) {
  BOOST_TEST(SavoirFaire("Monter et régler les mors sur un mandrin.") ==
             "Décrivez une situation où vous avez monté et réglé les mors sur un mandrin.");
  BOOST_TEST(
      SavoirFaire("Charger, décharger et/ou rendre actif un programme.") ==
      "Décrivez une situation où vous avez chargé, déchargé et/ou rendu actif un programme.");
  BOOST_TEST(SavoirFaire("Préparer et transmettre les consignes.") ==
             "Décrivez une situation où vous avez préparé et transmis les consignes.");
  BOOST_TEST(SavoirFaire("Monter les outils et s'assurer de leur serrage.") ==
             "Décrivez une situation où vous avez eu à monter les outils et vous assurer de "
             "leur serrage.");
  BOOST_TEST(SavoirFaire("Écouter, réagir, s'exprimer") ==
             "Décrivez une situation où vous avez eu à écouter, réagir, vous exprimer.");
  BOOST_TEST(SavoirFaire("Etre à l'écoute des remarques, prendre en compte les besoins.") ==
             "Décrivez une situation où vous avez été à l’écoute des remarques, pris en compte "
             "les besoins.");
  // Infinitives coordinated after one kept after a preposition are its own.
  BOOST_TEST(SavoirFaire("Communiquer afin d'informer, convaincre, fédérer ou promouvoir") ==
             "Décrivez une situation où vous avez communiqué afin d’informer, convaincre, fédérer "
             "ou promouvoir.");
  BOOST_TEST(SavoirFaire("Appréhender la sécurité des données, pour gérer, analyser et optimiser "
                         "un site") ==
             "Décrivez une situation où vous avez appréhendé la sécurité des données, pour gérer, "
             "analyser et optimiser un site.");
  // A noun that looks like an infinitive is no preposition's infinitive.
  BOOST_TEST(SavoirFaire("Serrer le collier et monter la pièce") ==
             "Décrivez une situation où vous avez serré le collier et monté la pièce.");
  // An infinitive after a preposition stays one.
  BOOST_TEST(SavoirFaire("Communiquer avec son équipe pour recueillir des conseils.") ==
             "Décrivez une situation où vous avez communiqué avec votre équipe pour recueillir "
             "des conseils.");
}

BOOST_AUTO_TEST_CASE(PossessivesAddressTheCandidateOnlyWhenTheyAreTheirs) {
  BOOST_TEST(SavoirFaire("Organiser sa démarche de l'analyse du plan au programme.") ==
             "Décrivez une situation où vous avez organisé votre démarche de l’analyse du plan "
             "au programme.");
  BOOST_TEST(
      SavoirFaire("Exprimer ses besoins à différents interlocuteurs") ==
      "Décrivez une situation où vous avez exprimé vos besoins à différents interlocuteurs.");
  // "sa position" is the tourelle's.
  BOOST_TEST(SavoirFaire("Aligner une tourelle et définir sa position par rapport aux axes.") ==
             "Décrivez une situation où vous avez aligné une tourelle et défini sa position par "
             "rapport aux axes.");
}

BOOST_AUTO_TEST_CASE(AccentRestoredOnTheFirstVerb) {
  BOOST_TEST(SavoirFaire("Equiper les machines.") ==
             "Décrivez une situation où vous avez équipé les machines.");
  BOOST_TEST(SavoirFaire("Ebavurer une pièce usinée.") ==
             "Décrivez une situation où vous avez ébavuré une pièce usinée.");
}

BOOST_AUTO_TEST_CASE(CriteriaAskForAnExample) {
  auto criterion = [](const char* text) {
    return PhraseSituation(text, RequirementKind::kCriterion);
  };
  BOOST_TEST(criterion("Les outils coupants sont correctement montés.") ==
             "Montrez par un exemple que «\u202Fles outils coupants sont correctement montés\u202F».");
  BOOST_TEST(criterion("L'ordonnancement des opérations permet la réalisation des pièces.") ==
             "Montrez par un exemple que «\u202Fl’ordonnancement des opérations permet la "
             "réalisation des pièces\u202F».");
  BOOST_TEST(criterion("Une remise à niveau est faite si nécessaire.") ==
             "Montrez par un exemple qu’«\u202Fune remise à niveau est faite si nécessaire\u202F».");
  BOOST_TEST(criterion("Les règles d'hygiène et environnement (HSE) sont respectées.") ==
             "Montrez par un exemple que «\u202Fles règles d’hygiène et environnement (HSE) sont "
             "respectées\u202F».");
  BOOST_TEST(criterion("Les propositions d’amélioration permettent l'optimisation du procédé.") ==
             "Montrez par un exemple que «\u202Fles propositions d’amélioration permettent "
             "l’optimisation du procédé\u202F».");
}

// The source's typos stay verbatim, as a quote (issue 19); quotes inside
// the quoted text become French nested quotes.
BOOST_AUTO_TEST_CASE(SourceTextCarriedWholeIsQuoted) {
  BOOST_TEST(PhraseSituation("Les relevées de contrôle sont utilisables.",
                             RequirementKind::kCriterion) ==
             "Montrez par un exemple que «\u202Fles relevées de contrôle sont utilisables\u202F».");
  BOOST_TEST(PhraseSituation("Respect de la méthode \"5 S\"", RequirementKind::kUnknown) ==
             "Décrivez une situation qui montre\u202F: «\u202Frespect de la méthode “5 S”\u202F».");
  BOOST_TEST(PhraseSituation("Respect de la méthode « 5 S »", RequirementKind::kUnknown) ==
             "Décrivez une situation qui montre\u202F: «\u202Frespect de la méthode “5 S”\u202F».");
}

BOOST_AUTO_TEST_CASE(SavoirsAndUnknownTextsGetTheSafePhrasing) {
  const std::string N = "\u202F";
  BOOST_TEST(
      PhraseSituation("Connaissance du langage de programmation ISO.", RequirementKind::kSavoir) ==
      "Décrivez une situation qui montre votre «\u202Fconnaissance du langage de programmation "
      "ISO\u202F».");
  // A noun phrase, a conjugated verb, a verb we cannot conjugate safely.
  BOOST_TEST(PhraseSituation("Respect des règles de sécurité", RequirementKind::kUnknown) ==
             "Décrivez une situation qui montre" + N + ": «\u202Frespect des règles de sécurité\u202F».");
  BOOST_TEST(PhraseSituation("Anticipe sur le résultat attendu sur machine.",
                             RequirementKind::kSavoirFaire) ==
             "Décrivez une situation qui montre" + N +
                 ": «\u202Fanticipe sur le résultat attendu sur machine\u202F».");
  BOOST_TEST(PhraseSituation("Usiner et fondre des pièces", RequirementKind::kSavoirFaire) ==
             "Décrivez une situation où vous avez usiné et fondu des pièces.");
  BOOST_TEST(PhraseSituation("Usiner et astreindre des pièces", RequirementKind::kSavoirFaire) ==
             "Décrivez une situation où vous avez usiné et astreint des pièces.");
  BOOST_TEST(PhraseSituation("Usiner et foutre des pièces", RequirementKind::kSavoirFaire) ==
             "Décrivez une situation où vous avez eu à usiner et foutre des pièces.");
  // A first word that may be a verb we cannot conjugate: the neutral lead.
  BOOST_TEST(PhraseSituation("Foutre des pièces", RequirementKind::kSavoirFaire) ==
             "Décrivez une situation où" + N + ": «\u202Ffoutre des pièces\u202F».");
  // Acronyms keep their capitals.
  BOOST_TEST(PhraseSituation("HSE respectée", RequirementKind::kUnknown) ==
             "Décrivez une situation qui montre" + N + ": «\u202FHSE respectée\u202F».");
  BOOST_TEST(PhraseSituation("  ", RequirementKind::kUnknown).empty());
}

BOOST_AUTO_TEST_CASE(KindsComeFromTheReferentiel) {
  const Certification tp = testing::LoadCanonical(testing::SourceDir(), "TP-00211");
  const Competence* cp2 = tp.FindCompetence(CompetenceId("TP-00211-CP2"));
  BOOST_REQUIRE(cp2 != nullptr);
  RequirementKinds kinds(cp2);
  BOOST_TEST(
      (kinds.Of("Les jauges outils sont correctement saisies.") == RequirementKind::kCriterion));
  BOOST_TEST(
      (kinds.Of("les jauges outils sont correctement saisies") == RequirementKind::kCriterion));
  BOOST_TEST((kinds.Of("Monter les outils sur la tourelle porte outils.") ==
              RequirementKind::kSavoirFaire));
  BOOST_TEST(kinds.IsTechnical("Monter les outils sur la tourelle porte outils."));
  BOOST_TEST(!kinds.IsTechnical("Exploiter les documents techniques."));
  BOOST_TEST((kinds.Of("Usiner la lune") == RequirementKind::kUnknown));
  BOOST_TEST((KindOfRequirement(nullptr, "x") == RequirementKind::kUnknown));
}

BOOST_AUTO_TEST_CASE(EverySavoirFaireOfTp00211ReadsAsASentence) {
  // Every item gets one of the phrasings, ends with a period and keeps its
  // object: nothing of the referentiel is lost.
  const Certification tp = testing::LoadCanonical(testing::SourceDir(), "TP-00211");
  int conjugated = 0, total = 0;
  for (const Competence& c : tp.competences) {
    for (const std::string& item : c.AllSavoirFaire()) {
      const std::string s = PhraseSituation(item, RequirementKind::kSavoirFaire);
      BOOST_TEST(s.starts_with("Décrivez une situation "), s);
      BOOST_TEST(s.ends_with("."), s);
      ++total;
      if (s.starts_with("Décrivez une situation où")) ++conjugated;
    }
    for (const std::string& item : c.criteria)
      BOOST_TEST(
          PhraseSituation(item, RequirementKind::kCriterion).starts_with("Montrez par un exemple"),
          item);
  }
  // All but the odd conjugated or misspelt line are turned into situations.
  BOOST_TEST(conjugated >= total - 4, conjugated << " of " << total);
}

namespace {

// Every certification the phrasing must handle: the five shipped
// referentiels and, when ../shared is there, the fiches of the open-data
// extracts and the extra REACs (other trades, other layouts), which no rule
// was written for.
std::vector<Certification> EveryReferentiel() {
  std::vector<Certification> out;
  for (const char* id : {"TP-00211", "RNCP420", "RNCP35697", "RNCP28243", "RNCP19166"})
    out.push_back(testing::LoadCanonical(testing::SourceDir(), id));
  const std::filesystem::path open_data = testing::SharedDir() / "data" / "rncp-xml";
  if (std::filesystem::is_directory(open_data))
    for (const auto& entry : std::filesystem::directory_iterator(open_data)) {
      if (entry.path().extension() != ".xml") continue;
      auto certs = ReadOpenDataExport(testing::ReadFile(entry.path()), entry.path().string());
      if (certs.ok())
        for (Certification& c : *certs) out.push_back(std::move(c));
    }
  const std::filesystem::path extra = testing::SharedDir() / "referentiels-extra";
  if (!std::filesystem::is_directory(extra)) return out;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(extra))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    auto text = DecodeText(testing::ReadFile(file), file.filename().string());
    if (!text.ok()) continue;
    auto cert = ParseReacText(*text, file.filename().string());
    if (cert.ok()) out.push_back(std::move(*cert));
  }
  return out;
}

// Forms a phrasing must never produce. Each was produced once.
const std::vector<std::pair<std::regex, const char*>>& WrongForms() {
  static const std::vector<std::pair<std::regex, const char*>> forms = {
      // A compound past with "être": the participle agrees with the
      // candidate, whose gender the report does not know.
      {std::regex("vous (vous )?êtes "), "participe accordé au genre du candidat"},
      // "être" verbs conjugated with "avoir".
      {std::regex("avez (devenu|resté|venu|allé|parti|arrivé|intervenu|tombé|entré dans|"
                  "revenu|parvenu|né|mort)[ ,.]"),
       "verbe d'état conjugué avec avoir"},
      // An infinitive and a participle in the same list ("lire, analysé",
      // "écouter, réagi").
      {std::regex("\\b[a-zéèêâîôû]+(er|ir|re), [a-zéèêâîôû]+(é|i|u|is|it|ert)[,. ]"),
       "infinitif et participe mêlés"},
      {std::regex("\\b[a-zéèêâîôû]+é, [a-zéèêâîôû]+(er|ir|re)[,. ]"),
       "participe et infinitif mêlés"},
      // A reflexive pronoun that does not address the candidate.
      {std::regex("(eu à|vous) (s’|s'|se )"), "pronom réfléchi non adressé au candidat"},
      {std::regex("en (s’|s'|se )[a-zéèêâîôû]+ant"), "gérondif réfléchi non adressé au candidat"},
      {std::regex("avez (été|eu à (être|devenir|rester)) (un|une|le|la|[a-zéèêâîôû]+(é|if|eux|eur))[ ,.]"),
       "attribut accordé au genre du candidat"},
      {std::regex("vous (tenir|montrer|sentir|rendre) [a-zéèêâîôû]+(é|if|eux|eur)[ ,.]"),
       "attribut accordé au genre du candidat"},
      {std::regex("avez [a-zéèêâîôû]+(er|ir) (les|la|le|un|une|des) "),
       "infinitif après « avez »"},
      {std::regex("\\.\\.$|  "), "ponctuation ou espaces doublés"},
      {std::regex("où vous avez (?:[A-Z]|É)"), "majuscule après « vous avez »"},
  };
  return forms;
}

}  // namespace

BOOST_AUTO_TEST_CASE(NoKnownWrongFormInAnyReferentiel) {
  int items = 0, situations = 0;
  for (const Certification& cert : EveryReferentiel()) {
    for (const Competence& c : cert.competences) {
      std::vector<std::pair<std::string, RequirementKind>> all = {
          {c.title, RequirementKind::kSavoirFaire}};
      for (const std::string& s : c.criteria) all.emplace_back(s, RequirementKind::kCriterion);
      for (const std::string& s : c.AllSavoirFaire())
        all.emplace_back(s, RequirementKind::kSavoirFaire);
      for (const auto& [item, kind] : all) {
        const std::string s = PhraseSituation(item, kind);
        if (s.empty()) continue;
        ++items;
        if (s.starts_with("Décrivez une situation où vous avez") ||
            s.starts_with("Montrez par un exemple"))
          ++situations;
        BOOST_TEST(s.ends_with("."), cert.id.value << " : " << s);
        for (const auto& [form, why] : WrongForms())
          BOOST_TEST(!std::regex_search(s, form), cert.id.value << " (" << why << ") : " << s);
      }
    }
  }
  BOOST_TEST_MESSAGE(situations << " of " << items << " items phrased as situations");
  BOOST_TEST(items > 300);
  // The neutral forms stay the exception.
  BOOST_TEST(situations * 10 >= items * 8, situations << " of " << items);
}
