// Comparing certifications (engine/certification_comparison.h) on the real
// documents: identical blocs, official links, blocs without counterpart,
// the FAO competence, other trades, and the calibration's contract.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <map>
#include <memory>
#include <set>

#include "engine/certification_comparison.h"
#include "engine/comparison_json.h"
#include "engine/mapping_session.h"
#include "engine/text.h"
#include "importers/document_import.h"
#include "report_samples.h"
#include "test_support.h"

using namespace passerelle;

namespace {

Certification Canonical(const std::string& id) {
  return testing::LoadCanonical(testing::SourceDir(), id);
}

// The five official documents and the REAC of another trade (TP-01352).
struct Fixture {
  Fixture() {
    for (const char* id : {"RNCP19166", "RNCP28243", "RNCP35697", "RNCP420", "TP-00211"})
      certs.push_back(Canonical(id));
    const auto extra = testing::SharedDir() / "referentiels-extra" /
                       "reac-tp01352-administrateur-infrastructures-securisees.txt";
    auto imported = ImportDocumentFile(extra.string(), DocumentFormat::kAuto);
    if (!imported.ok()) throw std::runtime_error(imported.status().message());
    for (Certification& c : imported->certifications) certs.push_back(std::move(c));
    graph = CompetenceGraph(certs);
    auto created = MappingSession::Create();
    if (!created.ok()) throw std::runtime_error(created.status().message());
    session = std::move(created).value();
  }

  const Certification& Get(const std::string& id) const {
    const Certification* c = graph.Find(CertificationId(id));
    if (!c) throw std::runtime_error("absent: " + id);
    return *c;
  }

  CertificationComparison Compare(const std::string& a, const std::string& b) const {
    std::vector<const Certification*> corpus;
    for (const Certification& c : graph.certifications()) corpus.push_back(&c);
    const FeatureExtractor& features = session->features();
    const TermSpecificity spec = ComparisonSpecificity(Get(a), Get(b), corpus, features);
    return CompareCertifications(Get(a), Get(b), graph, features, spec);
  }

  std::vector<Certification> certs;
  CompetenceGraph graph;
  std::unique_ptr<MappingSession> session;
};

const Fixture& Docs() {
  static const Fixture fixture;
  return fixture;
}

const BlocMatch& FindBloc(const ComparisonSide& side, const std::string& id) {
  for (const BlocMatch& b : side.blocs)
    if (b.id.value == id) return b;
  throw std::runtime_error("no bloc " + id);
}

const CompetenceMatch& FindCompetence(const ComparisonSide& side, const std::string& id) {
  for (const CompetenceMatch& c : side.competences)
    if (c.id.value == id) return c;
  throw std::runtime_error("no competence " + id);
}

// The folded titles of a bloc's competences, in order: two blocs with the
// same list are word for word the same.
std::vector<std::string> TitleList(const Certification& cert, const Bloc& bloc) {
  std::vector<std::string> out;
  for (const CompetenceId& id : bloc.competences)
    out.push_back(FoldForMatch(cert.FindCompetence(id)->title));
  return out;
}

bool HasLink(const CertificationComparison& c, OfficialLink::Type type, const std::string& from,
             const std::string& to) {
  for (const OfficialLink& l : c.official)
    if (l.type == type && l.from == from && l.to == to) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_CASE(identical_blocs_score_high_and_match_each_other) {
  const Certification& a = Docs().Get("RNCP420");
  const Certification& b = Docs().Get("RNCP35697");
  const CertificationComparison c = Docs().Compare("RNCP420", "RNCP35697");
  int identical_blocs = 0;
  for (const Bloc& x : a.blocs) {
    std::set<std::string> twins;  // blocs of B with the same competence list
    for (const Bloc& y : b.blocs)
      if (TitleList(a, x) == TitleList(b, y)) twins.insert(y.id.value);
    if (twins.empty()) continue;
    ++identical_blocs;
    const BlocMatch& m = FindBloc(c.a, x.id.value);
    BOOST_TEST_INFO(x.id.value);
    BOOST_REQUIRE(m.best.has_value());
    BOOST_TEST(twins.count(m.best->value) == 1u);
    BOOST_TEST(m.score >= 0.9);
    BOOST_TEST(m.coverage == 1.0);
    for (const std::string& y : twins) {  // mutual
      const BlocMatch& back = FindBloc(c.b, y);
      BOOST_TEST_INFO(y);
      BOOST_REQUIRE(back.best.has_value());
      BOOST_TEST(back.best->value == x.id.value);
      BOOST_TEST(back.score >= 0.9);
    }
    for (const CompetenceId& id : x.competences) {
      const CompetenceMatch& cm = FindCompetence(c.a, id.value);
      BOOST_TEST_INFO(id.value);
      BOOST_TEST(cm.score >= 0.9);
      BOOST_TEST(FoldForMatch(cm.best_title) == FoldForMatch(cm.title));
    }
  }
  // Économie-gestion, PSE, mathématiques, langue, français, histoire, arts, EPS.
  BOOST_TEST(identical_blocs >= 7);
}

BOOST_AUTO_TEST_CASE(renewal_is_an_official_link_both_ways) {
  const CertificationComparison forward = Docs().Compare("RNCP35697", "RNCP420");
  BOOST_TEST(HasLink(forward, OfficialLink::Type::kReplaces, "RNCP35697", "RNCP420"));
  const CertificationComparison back = Docs().Compare("RNCP420", "RNCP35697");
  BOOST_TEST(HasLink(back, OfficialLink::Type::kReplacedBy, "RNCP420", "RNCP35697"));
  const CertificationComparison none = Docs().Compare("TP-00211", "RNCP420");
  BOOST_TEST(none.official.empty());
}

BOOST_AUTO_TEST_CASE(physical_education_and_applied_arts_have_no_counterpart) {
  int checked = 0;
  for (const char* a : {"RNCP420", "RNCP35697"})
    for (const char* b : {"TP-00211", "RNCP28243"}) {
      const CertificationComparison c = Docs().Compare(a, b);
      for (const BlocMatch& m : c.a.blocs) {
        const std::string title = FoldForMatch(m.title);
        if (title.find("education physique") == std::string::npos &&
            title.find("arts appliques") == std::string::npos)
          continue;
        ++checked;
        BOOST_TEST_INFO(std::string(a) + " " + m.id.value + " in " + b);
        BOOST_TEST(!m.best.has_value());
        BOOST_TEST(m.score < 0.35);
        BOOST_TEST(m.coverage == 0.0);
      }
    }
  BOOST_TEST(checked == 10);  // 2 blocs in RNCP420, 3 in RNCP35697, against two
}

BOOST_AUTO_TEST_CASE(fao_programming_is_the_best_match_of_cp6) {
  const CertificationComparison c = Docs().Compare("TP-00211", "RNCP420");
  const CompetenceMatch& cp6 = FindCompetence(c.a, "TP-00211-CP6");
  BOOST_REQUIRE(cp6.best.has_value());
  BOOST_TEST(cp6.best->value == "RNCP420BC04-C3");
  BOOST_TEST(cp6.best_title == "Élaborer un programme avec un logiciel de FAO");
  BOOST_TEST(cp6.best_bloc.value == "RNCP420BC04");
  BOOST_TEST(cp6.score >= 0.6);
}

BOOST_AUTO_TEST_CASE(another_trade_has_no_counterpart) {
  for (auto [a, b] : {std::pair{"TP-01352", "TP-00211"}, std::pair{"TP-00211", "TP-01352"}}) {
    const CertificationComparison c = Docs().Compare(a, b);
    for (const BlocMatch& m : c.a.blocs) {
      BOOST_TEST_INFO(m.id.value);
      BOOST_TEST(!m.best.has_value());
    }
    BOOST_TEST(c.a.coverage < 0.1);
    BOOST_TEST(c.b.coverage < 0.1);
  }
}

BOOST_AUTO_TEST_CASE(a_certification_against_itself_is_identical) {
  const Certification& tp = Docs().Get("TP-00211");
  const CertificationComparison c = Docs().Compare("TP-00211", "TP-00211");
  for (const CompetenceMatch& m : c.a.competences) {
    BOOST_TEST_INFO(m.id.value);
    BOOST_TEST(m.best->value == m.id.value);
    BOOST_TEST(m.score == 1.0);
  }
  BOOST_TEST(c.a.coverage == 1.0);
  BOOST_TEST(c.bloc_scores.size() == tp.blocs.size());
}

BOOST_AUTO_TEST_CASE(scores_are_in_range_and_coverage_follows_them) {
  const CertificationComparison c = Docs().Compare("TP-00211", "RNCP28243");
  for (const auto& row : c.bloc_scores)
    for (double s : row) BOOST_TEST((s >= 0 && s <= 1));
  int equivalent = 0, close = 0;
  for (const CompetenceMatch& m : c.a.competences) {
    BOOST_TEST((m.score >= 0 && m.score <= 1));
    equivalent += m.equivalence == Equivalence::kEquivalent;
    close += m.equivalence == Equivalence::kClose;
  }
  const double expected = (equivalent + 0.5 * close) / c.a.competences.size();
  BOOST_TEST(c.a.coverage == expected, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(calibration_is_monotone) {
  const ComparisonThresholds t;
  double previous = -1;
  for (int k = 0; k <= 100; ++k) {
    const double s = CalibrateSimilarity(k / 100.0, t.calibration);
    BOOST_TEST(s >= previous);
    previous = s;
  }
  BOOST_TEST(CalibrateSimilarity(0, t.calibration) == 0.0);
  BOOST_TEST(CalibrateSimilarity(1, t.calibration) == 1.0);
  BOOST_TEST(CalibrateSimilarity(2, t.calibration) == 1.0);
}

BOOST_AUTO_TEST_CASE(json_has_the_documented_shape) {
  const nlohmann::json j = ComparisonToJson(Docs().Compare("RNCP420", "TP-00211"));
  BOOST_TEST(j["a"] == "RNCP420");
  BOOST_TEST(j["b"] == "TP-00211");
  for (const char* key :
       {"coverage_a_by_b", "coverage_b_by_a", "official", "blocs", "competences", "reverse"})
    BOOST_TEST(j.contains(key), key);
  BOOST_TEST(j["blocs"].size() == 14u);
  BOOST_TEST(j["reverse"]["blocs"].size() == 3u);
  for (const auto& b : j["blocs"])
    for (const char* key : {"id", "title", "best", "best_title", "score", "coverage"})
      BOOST_TEST(b.contains(key), key);
  for (const auto& c : j["competences"])
    for (const char* key : {"id", "title", "best", "best_title", "best_bloc", "score"})
      BOOST_TEST(c.contains(key), key);
  // EPS has no counterpart in a titre professionnel of machining.
  BOOST_TEST(j["blocs"][13]["best"].is_null());
}

BOOST_AUTO_TEST_CASE(the_result_does_not_depend_on_the_run) {
  const nlohmann::json first = ComparisonToJson(Docs().Compare("TP-00211", "RNCP35697"));
  const nlohmann::json second = ComparisonToJson(Docs().Compare("TP-00211", "RNCP35697"));
  BOOST_TEST(first.dump() == second.dump());
}

namespace {

// The analyzer's term of one word.
std::string TermOf(const std::string& word) {
  const std::vector<std::string> terms = Docs().session->features().Terms(word);
  return terms.empty() ? "" : terms.front();
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TitleAction ActionOf(const std::string& title) {
  const FeatureExtractor& features = Docs().session->features();
  return {TitleActions(title, features), features.Terms(title)};
}

}  // namespace

BOOST_AUTO_TEST_CASE(titles_state_their_actions) {
  const FeatureExtractor& features = Docs().session->features();
  using V = std::vector<std::string>;
  BOOST_TEST(TitleActions("Contrôler une pièce", features) == V{TermOf("contrôler")});
  BOOST_TEST(TitleActions("Organiser et préparer le poste de travail", features) ==
             Sorted({TermOf("organiser"), TermOf("préparer")}));
  BOOST_TEST(TitleActions("Rechercher, extraire et organiser l’information", features) ==
             Sorted({TermOf("rechercher"), TermOf("extraire"), TermOf("organiser")}));
  // A verb coordinated further on, not the object's nouns.
  BOOST_TEST(TitleActions("Ordonnancer les opérations d'usinage et programmer un usinage",
                          features) == Sorted({TermOf("ordonnancer"), TermOf("programmer")}));
  BOOST_TEST(TitleActions("S’exprimer oralement en continu", features) == V{TermOf("exprimer")});
  // Nominal titles state no action.
  BOOST_TEST(
      TitleActions("Entretien des moyens d'usinage (outils, machines-outils)", features).empty());
  BOOST_TEST(TitleActions("Élaboration du programme au juste nécessaire", features).empty());
}

BOOST_AUTO_TEST_CASE(same_action_is_the_verb_or_a_noun_of_its_stem) {
  BOOST_TEST(!SameAction(ActionOf("Contrôler une pièce"),
                         ActionOf("Élaborer un programme pièce au juste nécessaire")));
  BOOST_TEST(SameAction(ActionOf("Contrôler une pièce"), ActionOf("Contrôler les faces usinées")));
  BOOST_TEST(SameAction(ActionOf("Assurer le contrôle et la traçabilité d'une production"),
                        ActionOf("Contrôler les faces usinées")));
  BOOST_TEST(SameAction(ActionOf("Élaborer un programme pièce au juste nécessaire"),
                        ActionOf("Ordonnancer les opérations et programmer un usinage")));
  // A nominal title says nothing against any action.
  BOOST_TEST(SameAction(ActionOf("Entretien des moyens d'usinage"),
                        ActionOf("Partager des informations avec différents interlocuteurs")));
}

// Two competences acting differently on the same object are not each
// other's best counterpart when another competence does the same thing.
BOOST_AUTO_TEST_CASE(the_action_chooses_among_counterparts_sharing_an_object) {
  const CertificationComparison c = Docs().Compare("RNCP28243", "TP-00211");
  const CompetenceMatch& program =
      FindCompetence(c.a, "RNCP28243BC02-C2");  // Élaborer un programme
  BOOST_REQUIRE(program.best.has_value());
  const std::set<std::string> programming = {"TP-00211-CP1", "TP-00211-CP4", "TP-00211-CP6"};
  BOOST_TEST(programming.count(program.best->value) == 1u, program.best->value);

  const CertificationComparison d = Docs().Compare("TP-00211", "RNCP420");
  const CompetenceMatch& follow = FindCompetence(d.a, "TP-00211-CP9");  // Suivre et optimiser
  BOOST_REQUIRE(follow.best.has_value());
  const std::set<std::string> following = {"RNCP420BC02-C3", "RNCP420BC01-C2"};
  BOOST_TEST(following.count(follow.best->value) == 1u, follow.best->value);
}
