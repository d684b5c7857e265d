// Evidence mapping: clause reading, thesaurus, and the mapping of real
// dossiers onto TP-00211 through the CLI, judged with the gold file.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "engine/french_analyzer.h"
#include "engine/mapping_gold.h"
#include "engine/statement_clauses.h"
#include "engine/text_features.h"
#include "engine/thesaurus.h"
#include "tests/test_support.h"

using namespace passerelle;
using namespace passerelle::testing;

namespace {

ClauseKind KindOf(const std::string& text) { return ClassifyClause(text); }

// The kinds of the clauses of `text`, with their text.
std::vector<std::pair<std::string, ClauseKind>> Clauses(const std::string& text) {
  std::vector<std::pair<std::string, ClauseKind>> out;
  for (const Clause& c : ReadClauses(text))
    out.emplace_back(text.substr(c.begin, c.end - c.begin), c.kind);
  return out;
}

// A workspace with the five referentiels imported.
struct Workspace5 {
  TempDir dir;
  std::string ws;
  Workspace5() : ws((dir.path() / "ws").string()) {
    BOOST_REQUIRE_EQUAL(ImportFiveReferentiels(ws).status, 0);
  }
  nlohmann::json Map(const std::filesystem::path& dossier, const std::string& extra = "") {
    CommandResult r = RunPasserelle("--workspace " + Quote(ws) + " map " +
                                    Quote(dossier.string()) + " --target TP-00211 --json" + extra);
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
    return nlohmann::json::parse(r.out);
  }
};

std::string StatusOf(const nlohmann::json& mapping, const std::string& number) {
  for (const auto& c : mapping["competences"])
    if (c["number"] == number) return c["status"];
  return "?";
}

// Converts `map --json` back into the MappingResult fields the gold judges.
MappingResult FromJson(const nlohmann::json& j) {
  MappingResult r;
  for (const auto& c : j["competences"]) {
    CompetenceMapping m;
    m.number = c["number"];
    const std::string s = c["status"];
    m.status = s == "covered" ? CoverageStatus::kCovered
               : s == "partial" ? CoverageStatus::kPartial
                                : CoverageStatus::kMissing;
    for (const auto& e : c["evidence"]) {
      Evidence ev;
      ev.paragraph = e["passage"];
      m.evidence.push_back(ev);
    }
    r.competences.push_back(m);
  }
  return r;
}

}  // namespace

BOOST_AUTO_TEST_CASE(negations_of_the_issue_are_not_asserted) {
  BOOST_CHECK(KindOf("Je n'ai pas d'expérience sur les centres d'usinage") == ClauseKind::kNegated);
  BOOST_CHECK(KindOf("je n'utilise pas de logiciel de FAO") == ClauseKind::kNegated);
  BOOST_CHECK(KindOf("je n'ai jamais réglé de tour") == ClauseKind::kNegated);
  BOOST_CHECK(KindOf("Je n’ai aucune pratique de la MMT") == ClauseKind::kNegated);
  BOOST_CHECK(KindOf("j'ai commencé à apprendre la programmation FAO") == ClauseKind::kLearning);
  BOOST_CHECK(KindOf("ce sont les régleurs qui montent les outils") == ClauseKind::kDelegated);
  BOOST_CHECK(KindOf("les programmes sont préparés par le bureau des méthodes") ==
              ClauseKind::kDelegated);
  BOOST_CHECK(KindOf("les régleurs montent les outils") == ClauseKind::kDelegated);
  BOOST_CHECK(KindOf("j'aimerais programmer sur centre d'usinage") == ClauseKind::kHypothetical);
  BOOST_CHECK(KindOf("je programmerais volontiers en FAO") == ClauseKind::kHypothetical);
}

BOOST_AUTO_TEST_CASE(affirmative_statements_stay_asserted) {
  BOOST_CHECK(KindOf("Je règle des tours automatiques à commande numérique") ==
              ClauseKind::kAsserted);
  BOOST_CHECK(KindOf("je ne fais que les charger") == ClauseKind::kAsserted);  // ne ... que
  BOOST_CHECK(KindOf("je trie les pièces non conformes") == ClauseKind::kAsserted);
  BOOST_CHECK(KindOf("je préparais les programmes") == ClauseKind::kAsserted);  // imperfect
  BOOST_CHECK(KindOf("je confie la machine au conducteur de ligne") == ClauseKind::kAsserted);
  BOOST_CHECK(KindOf("pas à pas, je vérifie chaque trajectoire") == ClauseKind::kAsserted);
  BOOST_CHECK(KindOf("Réglage des tours et montage des outils") == ClauseKind::kAsserted);
}

BOOST_AUTO_TEST_CASE(the_rest_of_the_paragraph_still_counts) {
  auto c = Clauses(
      "J'ai commencé à apprendre la FAO mais je ne l'ai pas encore pratiquée. Je règle les "
      "tours, je n'ai jamais réglé de centre d'usinage ; je contrôle au micromètre sans MMT.");
  std::vector<ClauseKind> kinds;
  for (auto& [text, kind] : c) kinds.push_back(kind);
  const std::vector<ClauseKind> expected = {
      ClauseKind::kLearning, ClauseKind::kNegated, ClauseKind::kAsserted,
      ClauseKind::kNegated,  ClauseKind::kAsserted, ClauseKind::kNegated};
  BOOST_REQUIRE_EQUAL(kinds.size(), expected.size());
  for (size_t i = 0; i < kinds.size(); ++i)
    BOOST_CHECK_MESSAGE(kinds[i] == expected[i], "clause " << i << " « " << c[i].first << " »");
}

BOOST_AUTO_TEST_CASE(occasional_use_is_not_practice) {
  // "ne ... que pour dépanner": the candidate touched the machine, no more.
  BOOST_CHECK(KindOf("Je n'ai travaillé sur le centre d'usinage DMG que pour dépanner, deux fois") ==
              ClauseKind::kOccasional);
  BOOST_CHECK(KindOf("je ne l'ai utilisé qu'occasionnellement") == ClauseKind::kOccasional);
  BOOST_CHECK(KindOf("Je n'ai programmé la fraiseuse qu'une fois, en remplacement") ==
              ClauseKind::kOccasional);
  // A restriction to a scope stays an assertion of practice.
  BOOST_CHECK(KindOf("Je ne travaille que sur des tours à commande numérique") ==
              ClauseKind::kAsserted);
  BOOST_CHECK(KindOf("je ne programme que des pièces simples en ISO") == ClauseKind::kAsserted);
}

BOOST_AUTO_TEST_CASE(typographic_apostrophes_start_clauses_too) {
  auto c = Clauses("Je règle les tours, j’ai jamais programmé de centre et j’usine des axes.");
  BOOST_REQUIRE_EQUAL(c.size(), 3u);
  BOOST_CHECK(c[0].second == ClauseKind::kAsserted);
  BOOST_CHECK(c[1].second == ClauseKind::kNegated);
  BOOST_CHECK(c[2].second == ClauseKind::kAsserted);
  BOOST_CHECK_EQUAL(c[2].first, "et j’usine des axes.");
}

BOOST_AUTO_TEST_CASE(thesaurus_bridges_jargon_and_referentiel_words) {
  FrenchAnalyzer analyzer;
  Thesaurus thesaurus;
  BOOST_REQUIRE(thesaurus.AddBuiltin(analyzer).ok());
  FeatureExtractor features(analyzer, thesaurus);
  auto shares = [&](const std::string& a, const std::string& b) {
    for (const std::string& t : features.Terms(a))
      if (t[0] == '~') {
        auto other = features.Terms(b);
        if (std::find(other.begin(), other.end(), t) != other.end()) return true;
      }
    return false;
  };
  BOOST_CHECK(shares("je code en code G", "Programmer une sous-phase de tournage en langage ISO"));
  BOOST_CHECK(shares("je programme sur Mastercam", "un logiciel de fabrication assistée par ordinateur"));
  BOOST_CHECK(shares("le contrôle à la tridim", "Palper des surfaces avec une machine à mesurer tridimensionnelle"));
  BOOST_CHECK(shares("je suis la MSP", "Renseigner une carte de contrôle"));
  BOOST_CHECK(shares("sur un tour Mazak", "sur tour à commande numérique"));
  BOOST_CHECK(shares("sur fraiseuse CN", "sur centre d'usinage"));
  BOOST_CHECK(!shares("je règle le four", "sur tour à commande numérique"));
}

BOOST_AUTO_TEST_CASE(malformed_thesaurus_line_is_refused_with_its_line) {
  FrenchAnalyzer analyzer;
  Thesaurus thesaurus;
  Status s = thesaurus.Add("# commentaire\nFAO | Mastercam\nseul terme\n", "mon.txt", analyzer);
  BOOST_CHECK(!s.ok());
  BOOST_CHECK_NE(s.message().find("mon.txt, ligne 3"), std::string::npos);
  BOOST_CHECK_EQUAL(thesaurus.size(), 0u);  // nothing added
}

BOOST_AUTO_TEST_CASE(development_set_meets_the_quality_targets) {
  Workspace5 w;
  const auto gold_path = SharedDir() / "dossiers" / "gold_tuao_dev.json";
  auto gold = ParseGold(ReadFile(gold_path), gold_path.string());
  BOOST_REQUIRE(gold.ok());
  MappingScore score;
  for (const GoldDossier& g : gold->dossiers) {
    MappingResult r = FromJson(w.Map(SharedDir() / "dossiers" / (g.name + ".txt")));
    score.Add(g, r);
  }
  for (const std::string& e : score.errors) BOOST_TEST_MESSAGE(e);
  BOOST_CHECK_GE(score.StatusAccuracy(), 0.9);
  BOOST_CHECK_GE(score.EvidencePrecision(), 0.9);
  BOOST_CHECK_EQUAL(score.other_trade_false_positives, 0);
}

BOOST_AUTO_TEST_CASE(a_baker_covers_no_machining_competence) {
  Workspace5 w;
  auto m = w.Map(SourceDir() / "tests" / "data" / "dossiers" / "boulanger.txt");
  for (const auto& c : m["competences"]) BOOST_CHECK_EQUAL(c["status"], "missing");
  BOOST_CHECK_EQUAL(m["coverage"], 0.0);
}

BOOST_AUTO_TEST_CASE(negated_delegated_learning_and_hypothetical_are_not_evidence) {
  Workspace5 w;
  auto m = w.Map(SourceDir() / "tests" / "data" / "dossiers" / "tourneur_negations.txt");
  BOOST_CHECK_NE(StatusOf(m, "CP2"), "missing");  // the last paragraph is real evidence
  for (const char* cp : {"CP3", "CP4", "CP5", "CP6", "CP8", "CP9"})
    BOOST_CHECK_MESSAGE(StatusOf(m, cp) == "missing", cp << " : " << StatusOf(m, cp));
}

// A lathe setter's dossier that names the machining centre in passing: the
// lathe paragraphs must not become evidence for the machining-centre
// competences, which the dossier never shows.
BOOST_AUTO_TEST_CASE(lathe_work_is_not_evidence_for_the_machining_centre) {
  Workspace5 w;
  for (const auto& file : {SourceDir() / "tests" / "data" / "dossiers" / "tourneur_centre_ponctuel.txt",
                           SourceDir() / "examples" / "dossier-exemple.md"}) {
    auto m = w.Map(file);
    BOOST_TEST_CONTEXT(file.filename().string()) {
      BOOST_CHECK_NE(StatusOf(m, "CP1"), "missing");
      BOOST_CHECK_EQUAL(StatusOf(m, "CP2"), "covered");
      BOOST_CHECK_EQUAL(StatusOf(m, "CP4"), "missing");
      BOOST_CHECK_EQUAL(StatusOf(m, "CP5"), "missing");
    }
  }
}

// Issue 13: CP1 asked the candidate to describe the ISO programming that
// paragraph 10 describes ("j'écris les programmes moi-même en ISO").
BOOST_AUTO_TEST_CASE(to_show_never_lists_what_an_asserted_clause_supports) {
  Workspace5 w;
  auto m = w.Map(SourceDir() / "examples" / "dossier-exemple.md");
  for (const auto& c : m["competences"]) {
    if (c["number"] != "CP1") continue;
    BOOST_CHECK_NE(c["status"], "missing");
    for (const auto& item : c["missing"])
      BOOST_CHECK_NE(item.get<std::string>(), "Programmer une sous-phase de tournage en langage ISO.");
  }
}

BOOST_AUTO_TEST_CASE(evidence_is_verbatim_and_explained) {
  Workspace5 w;
  const auto file = SharedDir() / "dossiers" / "v1_decolleteur.txt";
  auto m = w.Map(file);
  const std::string text = ReadFile(file);
  for (const auto& c : m["competences"]) {
    if (c["status"] == "missing") {
      BOOST_CHECK(c["evidence"].empty());
      BOOST_CHECK(!c["missing"].empty());
      continue;
    }
    for (const auto& e : c["evidence"]) {
      BOOST_CHECK_NE(text.find(e["text"].get<std::string>()), std::string::npos);
      BOOST_CHECK(!e["matched"].empty());
      BOOST_CHECK(!e["supports"].empty());
      // The quote holds the words that made the match, highlighted.
      const std::string quote = e["text"];
      BOOST_REQUIRE_EQUAL(e["highlights"].size(), e["matched"].size());
      for (size_t k = 0; k < e["matched"].size(); ++k) {
        const size_t begin = e["highlights"][k][0], end = e["highlights"][k][1];
        BOOST_REQUIRE_LE(end, quote.size());
        BOOST_CHECK_EQUAL(quote.substr(begin, end - begin), e["matched"][k].get<std::string>());
      }
    }
  }
  BOOST_CHECK_EQUAL(m["candidate"], "v1_decolleteur");
  BOOST_CHECK_EQUAL(m["target"], "TP-00211");
}

BOOST_AUTO_TEST_CASE(user_thesaurus_adds_jargon) {
  Workspace5 w;
  const auto dossier = w.dir.path() / "jargon.txt";
  WriteFile(dossier,
            "Sur Zyglo, je génère les programmes des nouvelles pièces à partir du modèle "
            "numérique, je les simule et je les transfère vers la machine.\n");
  const auto thesaurus = w.dir.path() / "atelier.txt";
  WriteFile(thesaurus, "# mon atelier\nfabrication assistée par ordinateur | Zyglo\n");
  auto without = w.Map(dossier);
  auto with = w.Map(dossier, " --thesaurus " + Quote(thesaurus.string()));
  BOOST_CHECK_NE(StatusOf(with, "CP6"), "missing");
  BOOST_CHECK_GE(with["coverage"].get<double>(), without["coverage"].get<double>());
  // The same file declared for IT trades (ROME M18) does not serve TP-00211.
  const auto it_only = w.dir.path() / "informatique.txt";
  WriteFile(it_only, "@rome M18\nfabrication assistée par ordinateur | Zyglo\n");
  auto elsewhere = w.Map(dossier, " --thesaurus " + Quote(it_only.string()));
  BOOST_CHECK_EQUAL(elsewhere.dump(), without.dump());
}

BOOST_AUTO_TEST_CASE(bad_requests_fail_in_french) {
  Workspace5 w;
  const std::string ws = "--workspace " + Quote(w.ws) + " ";
  CommandResult r = RunPasserelle(ws + "map --candidate personne --target TP-00211");
  BOOST_CHECK_EQUAL(r.status, 1);
  BOOST_CHECK_NE(r.err.find("candidat « personne » absent"), std::string::npos);
  r = RunPasserelle(ws + "map " + Quote((SharedDir() / "dossiers" / "v3_cuisinier.txt").string()) +
                    " --target RNCP999999");
  BOOST_CHECK_EQUAL(r.status, 1);
  BOOST_CHECK_NE(r.err.find("RNCP999999"), std::string::npos);
  const auto bad = w.dir.path() / "bad.txt";
  WriteFile(bad, "un seul terme\n");
  r = RunPasserelle(ws + "map --candidate v3_cuisinier --target TP-00211 --thesaurus " +
                    Quote(bad.string()));
  BOOST_CHECK_EQUAL(r.status, 1);
  BOOST_CHECK_NE(r.err.find("ligne 1"), std::string::npos);
  WriteFile(bad, "# atelier\n@rome H29 usinage\nFAO | Zyglo\n");
  r = RunPasserelle(ws + "map --candidate v3_cuisinier --target TP-00211 --thesaurus " +
                    Quote(bad.string()));
  BOOST_CHECK_EQUAL(r.status, 1);
  BOOST_CHECK_NE(r.err.find("ligne 2"), std::string::npos);
  BOOST_CHECK_NE(r.err.find("code ROME « usinage » invalide"), std::string::npos);
  r = RunPasserelle(ws + "map --target TP-00211");
  BOOST_CHECK_EQUAL(r.status, 2);
}
