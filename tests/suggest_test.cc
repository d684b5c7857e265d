// passerelle suggest, and the "Ailleurs" section it gives the gap report:
// the development dossiers against the five referentiels.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "engine/workspace_lock.h"
#include "tests/opendata_fixtures.h"
#include "tests/pdf_inspect.h"
#include "tests/test_support.h"

using namespace passerelle::testing;

namespace {

std::string PdfText(const std::string& path) {
  return passerelle::testing::InspectPdf(ReadFile(path)).FlatText();
}

struct Workspace5 {
  TempDir dir;
  std::string ws;
  Workspace5() : ws((dir.path() / "ws").string()) {
    BOOST_REQUIRE_EQUAL(ImportFiveReferentiels(ws).status, 0);
    for (const char* d : {"v1_decolleteur", "v2_fraiseur_moules", "v3_cuisinier"}) {
      const auto file = SharedDir() / "dossiers" / (std::string(d) + ".txt");
      BOOST_REQUIRE_EQUAL(
          Run("dossier add " + Quote(file.string()) + " --candidate " + d).status, 0);
    }
  }
  CommandResult Run(const std::string& args) {
    return RunPasserelle("--workspace " + Quote(ws) + " " + args);
  }
  nlohmann::json Suggest(const std::string& candidate, const std::string& extra = "") {
    CommandResult r = Run("suggest --candidate " + candidate + " --json" + extra);
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
    return nlohmann::json::parse(r.out);
  }
};

// Trades of the filler fiches: a title and two blocs of competences each.
struct Trade {
  const char* title;
  const char* bloc1;
  const char* list1;
  const char* bloc2;
  const char* list2;
};
const Trade kTrades[] = {
    {"Cuisinier", "Préparer les productions culinaires",
     "- Réceptionner et stocker les denrées    - Préparer les légumes et les viandes",
     "Cuire et dresser", "- Réaliser les cuissons    - Dresser les assiettes"},
    {"Vendeur conseil en magasin", "Accueillir le client",
     "- Conseiller le client    - Conclure la vente", "Gérer le rayon",
     "- Approvisionner le rayon    - Suivre les stocks"},
    {"Comptable assistant", "Tenir la comptabilité",
     "- Enregistrer les factures    - Rapprocher les comptes bancaires", "Établir la paie",
     "- Calculer les bulletins de salaire    - Déclarer les charges sociales"},
    {"Agent magasinier", "Réceptionner les marchandises",
     "- Contrôler les livraisons    - Ranger les colis en stock", "Préparer les commandes",
     "- Prélever les articles    - Conduire un chariot élévateur"},
    {"Soudeur", "Préparer le soudage",
     "- Lire un plan de tuyauterie    - Préparer les chanfreins", "Souder",
     "- Souder à l'arc les tôles et les tubes    - Contrôler les soudures"},
    {"Électricien d'équipement", "Installer les réseaux",
     "- Tirer les câbles    - Poser les tableaux électriques", "Mettre en service",
     "- Mesurer l'isolement    - Raccorder les équipements"},
    {"Technicien de maintenance industrielle", "Diagnostiquer les pannes",
     "- Localiser la défaillance d'un équipement    - Remplacer les pièces usées",
     "Améliorer la fiabilité", "- Planifier la maintenance préventive    - Graisser les machines"},
    {"Développeur web", "Développer une application",
     "- Maquetter les interfaces    - Programmer les composants côté serveur",
     "Déployer", "- Tester le code    - Mettre en production le site"},
    {"Aide-soignant", "Accompagner la personne",
     "- Aider à la toilette    - Surveiller l'état de santé", "Soigner",
     "- Mesurer les paramètres vitaux    - Transmettre les observations"},
    {"Conducteur routier", "Transporter les marchandises",
     "- Conduire un poids lourd    - Arrimer le chargement", "Livrer",
     "- Remettre les documents de transport    - Respecter les temps de conduite"},
};

// An open-data export of `count` active fiches spread over kTrades.
std::string FillerExport(size_t count) {
  std::vector<std::string> fiches;
  for (size_t i = 0; i < count; ++i) {
    const Trade& t = kTrades[i % std::size(kTrades)];
    const std::string number = "RNCP" + std::to_string(900000 + i);
    fiches.push_back("  <FICHE>\n" + Line("NUMERO_FICHE", number) +
                     Line("INTITULE", std::string(t.title) + " " + std::to_string(i)) +
                     Line("ACTIF", "Oui") + "    <BLOCS_COMPETENCES>\n" +
                     BlocLine(number + "BC01", t.bloc1, t.list1) +
                     BlocLine(number + "BC02", t.bloc2, t.list2) +
                     "    </BLOCS_COMPETENCES>\n  </FICHE>\n");
  }
  return ExportXml(fiches);
}

// The five referentiels and 150 filler fiches: more than the shortlist, so
// suggest has to choose what to map.
struct LargeWorkspace {
  TempDir dir;
  std::string ws;
  LargeWorkspace() : ws((dir.path() / "ws").string()) {
    BOOST_REQUIRE_EQUAL(ImportFiveReferentiels(ws).status, 0);
    const auto xml = dir.path() / "export.xml";
    WriteFile(xml, FillerExport(150));
    BOOST_REQUIRE_EQUAL(Run("import " + Quote(xml.string())).status, 0);
    const auto dossier = SourceDir() / "tests" / "data" / "dossiers" / "decolleteur_cames.txt";
    BOOST_REQUIRE_EQUAL(Run("dossier add " + Quote(dossier.string()) + " --candidate cames").status,
                        0);
  }
  CommandResult Run(const std::string& args) {
    return RunPasserelle("--workspace " + Quote(ws) + " " + args);
  }
  nlohmann::json Suggest(CommandResult* raw = nullptr) {
    CommandResult r = Run("suggest --candidate cames --json");
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
    if (raw) *raw = r;
    return nlohmann::json::parse(r.out);
  }
};

// Rank of `id` among the suggested certifications, -1 when absent.
int RankOf(const nlohmann::json& suggestions, const std::string& id) {
  const auto& list = suggestions["certifications"];
  for (size_t i = 0; i < list.size(); ++i)
    if (list[i]["id"] == id) return static_cast<int>(i);
  return -1;
}

}  // namespace

// The décolleteur checks "cotes" (dimensions); the web developer's fiche
// RNCP37674 says "composants métier coté serveur". The machining thesaurus
// serves mechanical trades only, so the two do not meet.
BOOST_AUTO_TEST_CASE(a_machinist_is_not_pointed_to_web_development) {
  Workspace5 w;
  const auto fiches = SharedDir() / "data" / "rncp-xml" / "selection-rncp-12-fiches.xml";
  BOOST_REQUIRE_EQUAL(w.Run("import " + Quote(fiches.string())).status, 0);
  auto turner = w.Suggest("v1_decolleteur");
  BOOST_REQUIRE(!turner["certifications"].empty());
  BOOST_CHECK_EQUAL(turner["certifications"][0]["id"], "TP-00211");
  for (const auto& c : turner["certifications"]) BOOST_CHECK_NE(c["id"], "RNCP37674");
  for (const auto& b : turner["blocs"])
    BOOST_CHECK_NE(b["id"].get<std::string>().rfind("RNCP37674", 0), 0u);
}

BOOST_AUTO_TEST_CASE(content_finds_the_trade_a_dossier_never_names) {
  // The décolleteur writes "tours automatiques", "cames", "barres", never
  // the words of "Technicien en usinage assisté par ordinateur": by titles
  // alone, TP-00211 is not even examined among 155 certifications.
  LargeWorkspace w;
  auto j = w.Suggest();
  BOOST_CHECK_EQUAL(j["shortlist"], "content+titles");
  BOOST_CHECK_EQUAL(j["examined"], 100);
  BOOST_REQUIRE_EQUAL(RankOf(j, "TP-00211"), 0);
  BOOST_CHECK_GT(j["certifications"][0]["coverage"].get<double>(), 0.3);
  BOOST_CHECK_EQUAL(j["blocs"][0]["id"], "TP-00211-AT1");  // the lathe bloc
}

BOOST_AUTO_TEST_CASE(a_missing_index_is_rebuilt_by_suggest) {
  LargeWorkspace w;
  std::filesystem::remove_all(w.ws + "/referentiels.xapian");
  CommandResult raw;
  auto j = w.Suggest(&raw);
  BOOST_CHECK_NE(raw.err.find("index des référentiels mis à jour : 155 certifications"),
                 std::string::npos);
  BOOST_CHECK_EQUAL(j["shortlist"], "content+titles");
  BOOST_CHECK_EQUAL(RankOf(j, "TP-00211"), 0);
  // Repaired once: the next run says nothing.
  w.Suggest(&raw);
  BOOST_CHECK_EQUAL(raw.err, "");
}

BOOST_AUTO_TEST_CASE(a_stale_index_and_a_busy_workspace_fall_back_to_titles) {
  LargeWorkspace w;
  std::filesystem::remove_all(w.ws + "/referentiels.xapian");
  auto lock = passerelle::WorkspaceLock::Acquire(w.ws);  // an import running
  BOOST_REQUIRE(lock.ok());
  CommandResult raw;
  auto j = w.Suggest(&raw);
  BOOST_CHECK_EQUAL(j["shortlist"], "titles");
  BOOST_CHECK_NE(raw.err.find("présélection sur les seuls intitulés"), std::string::npos);
  BOOST_CHECK_EQUAL(RankOf(j, "TP-00211"), -1);  // what the content index fixes
}

BOOST_AUTO_TEST_CASE(a_failed_import_leaves_workspace_and_index_as_they_were) {
  LargeWorkspace w;
  const auto before = SnapshotFiles(w.ws);
  const auto bad = w.dir.path() / "damaged.xml";
  std::string xml = FillerExport(20);
  // Every fiche changed, then the file cut short.
  for (size_t at = xml.find("<INTITULE>"); at != std::string::npos;
       at = xml.find("<INTITULE>", at + 1))
    xml.insert(at + 10, "Nouveau ");
  WriteFile(bad, xml.substr(0, xml.size() - 40));
  BOOST_CHECK_NE(w.Run("import " + Quote(bad.string())).status, 0);
  BOOST_TEST((SnapshotFiles(w.ws) == before));
  auto j = w.Suggest();
  BOOST_CHECK_EQUAL(j["shortlist"], "content+titles");
}

BOOST_AUTO_TEST_CASE(machinists_are_pointed_to_the_machining_title_and_the_right_bloc) {
  Workspace5 w;
  auto turner = w.Suggest("v1_decolleteur");
  BOOST_REQUIRE(!turner["certifications"].empty());
  BOOST_CHECK_EQUAL(turner["certifications"][0]["id"], "TP-00211");
  BOOST_CHECK_EQUAL(turner["blocs"][0]["id"], "TP-00211-AT1");  // the lathe bloc
  auto miller = w.Suggest("v2_fraiseur_moules");
  BOOST_CHECK_EQUAL(miller["blocs"][0]["id"], "TP-00211-AT2");  // the machining-centre bloc
  // Ranked by coverage, three strongest competences at most, covered first.
  for (const auto* list : {&turner["certifications"], &turner["blocs"]}) {
    double previous = 1.0;
    for (const auto& item : *list) {
      BOOST_CHECK_LE(item["coverage"].get<double>(), previous);
      BOOST_CHECK_GT(item["coverage"].get<double>(), 0.0);
      previous = item["coverage"];
      BOOST_CHECK_LE(item["strongest"].size(), 3u);
      for (const auto& c : item["strongest"]) BOOST_CHECK_NE(c["status"], "missing");
    }
  }
  BOOST_CHECK_EQUAL(turner["certifications"][0]["strongest"][0]["status"], "covered");
}

BOOST_AUTO_TEST_CASE(a_cook_is_suggested_no_machining_certification) {
  Workspace5 w;
  auto cook = w.Suggest("v3_cuisinier");
  BOOST_CHECK(cook["certifications"].empty());
  BOOST_CHECK(cook["blocs"].empty());
  BOOST_CHECK_EQUAL(cook["candidate"], "v3_cuisinier");
  BOOST_CHECK_EQUAL(cook["shortlist"], "whole");  // five certifications: all mapped
}

BOOST_AUTO_TEST_CASE(top_limits_both_lists) {
  Workspace5 w;
  auto j = w.Suggest("v1_decolleteur", " --top 2");
  BOOST_CHECK_LE(j["certifications"].size(), 2u);
  BOOST_CHECK_EQUAL(j["blocs"].size(), 2u);
  CommandResult text = w.Run("suggest --candidate v1_decolleteur");
  BOOST_CHECK_EQUAL(text.status, 0);
  BOOST_CHECK_NE(text.out.find("TP-00211"), std::string::npos);
  BOOST_CHECK_NE(text.out.find("Blocs"), std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_requests_fail_in_french) {
  Workspace5 w;
  CommandResult unknown = w.Run("suggest --candidate personne");
  BOOST_CHECK_NE(unknown.status, 0);
  BOOST_CHECK_NE(unknown.err.find("candidat « personne » absent"), std::string::npos);
  for (const char* top : {"0", "-3", "abc", "1000"}) {
    CommandResult r = w.Run(std::string("suggest --candidate v1_decolleteur --top ") + top);
    BOOST_CHECK_EQUAL(r.status, 2);
    BOOST_CHECK_NE(r.err.find("--top attend un nombre"), std::string::npos);
  }
  BOOST_CHECK_EQUAL(w.Run("suggest").status, 2);
}

BOOST_AUTO_TEST_CASE(gap_report_lists_what_the_dossier_covers_elsewhere) {
  Workspace5 w;
  const auto pdf = w.dir.path() / "rapport.pdf";
  CommandResult r = w.Run("report --candidate v1_decolleteur --target RNCP420 --date 2026-11-22 -o " +
                          Quote(pdf.string()));
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  const std::string text = PdfText(pdf.string());
  const size_t at = text.find("Ailleurs");
  BOOST_REQUIRE_NE(at, std::string::npos);
  const std::string section = text.substr(at);
  BOOST_CHECK_NE(section.find("TP-00211"), std::string::npos);
  BOOST_CHECK_EQUAL(section.find("RNCP420 —"), std::string::npos);  // not the target itself
  // A cook's report has no such section.
  CommandResult cook = w.Run("report --candidate v3_cuisinier --target TP-00211 --date 2026-11-22 -o " +
                             Quote((w.dir.path() / "cuisinier.pdf").string()));
  BOOST_REQUIRE_EQUAL(cook.status, 0);
  BOOST_CHECK_EQUAL(PdfText((w.dir.path() / "cuisinier.pdf").string()).find("Ailleurs"),
                    std::string::npos);
}

// Suggest, map and the gap report measure specificity on the same sample of
// the workspace, so a certification's coverage reads the same everywhere.
// Regression: suggest used its shortlist (active fiches only) as the corpus,
// and said 50 % where the map of the same target said 44 %.
BOOST_AUTO_TEST_CASE(suggest_coverage_is_the_coverage_map_gives) {
  Workspace5 w;
  std::string extracts;
  for (const auto& e : std::filesystem::directory_iterator(SharedDir() / "data" / "rncp-xml"))
    if (e.path().extension() == ".xml") extracts += " " + Quote(e.path().string());
  BOOST_REQUIRE_EQUAL(w.Run("import" + extracts).status, 0);
  const auto sample = SourceDir() / "examples" / "dossier-exemple.md";
  BOOST_REQUIRE_EQUAL(w.Run("dossier add " + Quote(sample.string()) + " --candidate ex").status, 0);
  for (const char* candidate : {"ex", "v1_decolleteur", "v2_fraiseur_moules"}) {
    auto suggested = w.Suggest(candidate, " --top 3");
    BOOST_REQUIRE(!suggested["certifications"].empty());
    for (const auto& cert : suggested["certifications"]) {
      const std::string id = cert["id"];
      CommandResult map = w.Run("map --candidate " + std::string(candidate) + " --target " + id +
                                " --json");
      BOOST_REQUIRE_MESSAGE(map.status == 0, map.err);
      BOOST_TEST_INFO(candidate << " " << id);
      BOOST_TEST(cert["coverage"].get<double>() ==
                 nlohmann::json::parse(map.out)["coverage"].get<double>());
    }
  }
}

// RNCP35697 replaces RNCP420: the older bac pro is never proposed, whatever
// the dossier (it used to pass as "active: unknown").
BOOST_AUTO_TEST_CASE(a_replaced_certification_is_never_suggested) {
  Workspace5 w;
  for (const char* candidate : {"v1_decolleteur", "v2_fraiseur_moules"}) {
    auto j = w.Suggest(candidate, " --top 10");
    for (const auto& c : j["certifications"]) BOOST_CHECK_NE(c["id"], "RNCP420");
    for (const auto& b : j["blocs"]) BOOST_CHECK_NE(b["certification"], "RNCP420");
  }
}
