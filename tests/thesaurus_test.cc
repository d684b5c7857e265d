// Thesauri and the domain they serve: the header declaring NSF and ROME
// codes, which certifications a thesaurus serves, and the mapping of a
// machinist's dossier onto a web developer's fiche, where the machining
// concept "cotes" must not meet the typo "coté serveur".
#include "engine/thesaurus.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>

#include "engine/mapping_session.h"
#include "engine/text_features.h"
#include "importers/rncp_xml_import.h"
#include "tests/report_samples.h"
#include "tests/test_support.h"

using namespace passerelle;
using namespace passerelle::testing;

namespace {

using Strings = std::vector<std::string>;

Certification WithCodes(const Strings& nsf, const Strings& rome) {
  Certification c;
  c.id = CertificationId("RNCP1");
  for (const std::string& v : nsf) c.codes.push_back({Code::Type::kNsf, v, ""});
  for (const std::string& v : rome) c.codes.push_back({Code::Type::kRome, v, ""});
  return c;
}

// The error of adding `text` as the thesaurus "mon.txt" (empty when none).
std::string ErrorOf(const std::string& text) {
  FrenchAnalyzer analyzer;
  Thesaurus thesaurus;
  Status s = thesaurus.Add(text, "mon.txt", analyzer);
  if (!s.ok()) BOOST_CHECK_EQUAL(thesaurus.size(), 0u);  // a refused file adds nothing
  return s.message();
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The real web developer's fiche (its competence "Développer des composants
// métier coté serveur") and TP-00211, the machining title.
const Certification& WebDeveloper() {
  static const Certification web = [] {
    const std::string file = "selection-rncp-12-fiches.xml";
    auto certs = ReadOpenDataExport(ReadFile(SharedDir() / "data" / "rncp-xml" / file), file);
    BOOST_REQUIRE_MESSAGE(certs.ok(), certs.status().message());
    for (Certification& c : *certs)
      if (c.id.value == "RNCP37674") return std::move(c);
    throw std::runtime_error("RNCP37674 absent de " + file);
  }();
  return web;
}

const Certification& Tp00211() {
  static const Certification tp = LoadCanonical(SourceDir(), "TP-00211");
  return tp;
}

// A décolleteur's dossier, each paragraph about dimensions ("cotes").
std::vector<IndexedPassage> MachinistDossier() {
  const Strings paragraphs = {
      "Je règle des tours automatiques à commande numérique à poupée mobile. Je lis le plan "
      "client, je mesure les cotes au micromètre et je corrige les usures d'outils jusqu'à ce "
      "que les cotes soient stables.",
      "Une fois les cotes stables, je confie la machine au conducteur de ligne et je contrôle "
      "les cotes critiques par prélèvement pendant la série.",
  };
  std::vector<IndexedPassage> passages;
  for (const std::string& text : paragraphs) {
    IndexedPassage p;
    p.candidate = "decolleteur";
    p.dossier = "decolleteur.txt";
    p.passage = p.paragraph = static_cast<uint32_t>(passages.size() + 1);
    p.heading = "Réglage des tours";
    p.text = text;
    passages.push_back(std::move(p));
  }
  return passages;
}

const CompetenceMapping* ServerSide(const MappingResult& r) {
  for (const CompetenceMapping& c : r.competences)
    if (Contains(c.title, "serveur")) return &c;
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_CASE(header_declares_nsf_and_rome_codes) {
  FrenchAnalyzer analyzer;
  Thesaurus thesaurus;
  BOOST_REQUIRE(thesaurus
                    .Add("# usinage\n@nsf 251 254U\n@ROME h29, H2503\n\nFAO | Mastercam\n",
                         "mon.txt", analyzer)
                    .ok());
  BOOST_REQUIRE(
      thesaurus.Add("EPI | équipements de protection individuelle\n", "g.txt", analyzer).ok());
  const ThesaurusDomain& machining = thesaurus.DomainOf(0);
  BOOST_TEST((machining.nsf == Strings{"251", "254u"}));
  BOOST_TEST((machining.rome == Strings{"H29", "H2503"}));
  BOOST_TEST(thesaurus.DomainOf(1).general());
}

BOOST_AUTO_TEST_CASE(bad_domain_lines_are_refused_with_file_line_and_text) {
  std::string e = ErrorOf("# x\n@naf 251\nFAO | Mastercam\n");
  BOOST_TEST(Contains(e, "thésaurus mon.txt, ligne 2"));
  BOOST_TEST(Contains(e, "« @naf »"));
  e = ErrorOf("@nsf 251 25x\nFAO | Mastercam\n");
  BOOST_TEST(Contains(e, "ligne 1"));
  BOOST_TEST(Contains(e, "code NSF « 25x » invalide"));
  e = ErrorOf("@nsf 2511\n");
  BOOST_TEST(Contains(e, "code NSF « 2511 » invalide"));
  e = ErrorOf("@rome H29\n@rome H290\n");
  BOOST_TEST(Contains(e, "ligne 2"));
  BOOST_TEST(Contains(e, "code ROME « H290 » invalide"));
  e = ErrorOf("@rome Z2903\n");
  BOOST_TEST(Contains(e, "code ROME « Z2903 » invalide"));
  e = ErrorOf("@rome\nFAO | Mastercam\n");
  BOOST_TEST(Contains(e, "ligne 1"));
  BOOST_TEST(Contains(e, "sans code"));
  // The domain belongs to the header: after a group it would look as if it
  // covered only the groups below it.
  e = ErrorOf("FAO | Mastercam\n@nsf 251\n");
  BOOST_TEST(Contains(e, "ligne 2"));
  BOOST_TEST(Contains(e, "doit précéder le premier groupe"));
}

BOOST_AUTO_TEST_CASE(a_domain_serves_certifications_whose_codes_it_prefixes) {
  const ThesaurusDomain general;
  const ThesaurusDomain machining{{"251", "254"}, {"H29", "H2503"}};
  BOOST_TEST(general.Serves(WithCodes({"326t"}, {"M1805"})));
  BOOST_TEST(general.Serves(WithCodes({}, {})));
  BOOST_TEST(machining.Serves(WithCodes({"251U"}, {})));         // NSF group 251
  BOOST_TEST(machining.Serves(WithCodes({"200r"}, {"H2903"})));  // ROME H29
  BOOST_TEST(machining.Serves(WithCodes({}, {"H2503"})));        // ROME only, as REAC
  BOOST_TEST(!machining.Serves(WithCodes({"326t"}, {"M1805"})));
  BOOST_TEST(!machining.Serves(WithCodes({"25"}, {"H25"})));  // broader than declared
  // No code at all: the certification's domain is unknown, so no domain
  // thesaurus applies (only the general ones).
  BOOST_TEST(!machining.Serves(WithCodes({}, {})));
}

BOOST_AUTO_TEST_CASE(builtin_machining_thesaurus_serves_only_mechanical_trades) {
  FrenchAnalyzer analyzer;
  Thesaurus thesaurus;
  BOOST_REQUIRE(thesaurus.AddBuiltin(analyzer).ok());
  const FeatureExtractor all(analyzer, thesaurus);
  auto concepts = [&](const FeatureExtractor& f, const std::string& text) {
    Strings out;
    for (const std::string& t : f.Terms(text))
      if (t[0] == '~') out.push_back(thesaurus.Label(*Thesaurus::ConceptGroup(t)));
    return out;
  };
  const std::string text = "composants métier coté serveur, port des EPI";
  BOOST_TEST(concepts(all, text).size() == 2u);  // "cotes" and EPI
  BOOST_TEST((concepts(all.For(WebDeveloper()), text) ==
              Strings{"équipements de protection individuelle"}));
  BOOST_TEST(concepts(all.For(Tp00211()), text).size() == 2u);
  for (const char* id : {"RNCP420", "RNCP35697", "RNCP19166", "RNCP28243"}) {
    BOOST_TEST(thesaurus.ScopeFor(LoadCanonical(SourceDir(), id)).all(), id);
  }
}

// A machinist who checks "cotes" (dimensions) shows nothing of a web
// developer's "composants métier coté serveur", whether the dossier is
// analyzed for this target or once for many (suggest); the same analysis
// still gives the machining title its evidence.
BOOST_AUTO_TEST_CASE(machining_concepts_do_not_reach_a_web_developer_target) {
  auto session = MappingSession::Create();
  BOOST_REQUIRE(session.ok());
  const std::vector<IndexedPassage> dossier = MachinistDossier();
  const std::vector<const Certification*> corpus = {&WebDeveloper(), &Tp00211()};
  const auto web = (*session)->Prepare(WebDeveloper(), corpus);
  const DossierAnalysis once = (*session)->Analyze(dossier);
  for (const MappingResult& r : {(*session)->Map(*web, "decolleteur", dossier),
                                 (*session)->Map(*web, "decolleteur", dossier, once)}) {
    const CompetenceMapping* server = ServerSide(r);
    BOOST_REQUIRE(server);
    BOOST_TEST((server->status == CoverageStatus::kMissing));
    BOOST_TEST(server->evidence.empty());
    BOOST_TEST(r.covered + r.partial == 0);
  }
  const auto tp = (*session)->Prepare(Tp00211(), corpus);
  const MappingResult machining = (*session)->Map(*tp, "decolleteur", dossier, once);
  BOOST_TEST(machining.covered + machining.partial > 0);
  const MappingResult alone = (*session)->Map(*tp, "decolleteur", dossier);
  BOOST_TEST(alone.covered == machining.covered);
  BOOST_TEST(alone.partial == machining.partial);
}
