// The development figures of docs/mapping.md ("Quality"): every gold set of
// ../shared mapped by Passerelle and by the stock Xapian BM25 peer, in the
// same process, as bench/mapping_quality prints them.
#include <boost/test/unit_test.hpp>

#include "engine/dossier_sections.h"
#include "engine/term_specificity.h"
#include "tests/mapping_sets.h"
#include "tests/test_support.h"

using namespace passerelle;
using namespace passerelle::testing;

namespace {

struct Sets {
  QualitySets sets = QualitySets::Load(SharedDir(), SourceDir() / "referentiels");
  std::unique_ptr<MappingSession> session = NewSession();
  static std::unique_ptr<MappingSession> NewSession() {
    auto s = MappingSession::Create();
    BOOST_REQUIRE(s.ok());
    return std::move(*s);
  }
};

void Log(const std::vector<std::string>& errors) {
  for (const std::string& e : errors) BOOST_TEST_MESSAGE(e);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(mapping_quality, Sets)

BOOST_AUTO_TEST_CASE(the_dp_gold_names_competences_of_its_referentiels) {
  BOOST_REQUIRE_EQUAL(sets.dp_full.size(), 3u);
  BOOST_REQUIRE_EQUAL(sets.dp_stripped.size(), 3u);
  for (const DpDossier& d : sets.dp.dossiers) {
    const Certification& target = sets.Find(d.target);
    for (const DpExample& x : d.examples)
      for (const std::string& t : x.cp_titles)
        BOOST_CHECK_MESSAGE(CompetenceTitled(target, t), d.name << ": " << t);
    for (const std::string& t : d.cp_without_example)
      BOOST_CHECK_MESSAGE(CompetenceTitled(target, t), d.name << ": " << t);
  }
}

BOOST_AUTO_TEST_CASE(machining_development_set) {
  const MappingScore s =
      ScoreTuao(sets.tuao_dossiers, MapWithPasserelle(*session, sets, sets.tuao_dossiers));
  Log(s.errors);
  BOOST_CHECK_GE(s.StatusAccuracy(), 0.96);
  BOOST_CHECK_GE(s.EvidencePrecision(), 0.9);
  BOOST_CHECK_EQUAL(s.other_trade_false_positives, 0);
}

BOOST_AUTO_TEST_CASE(dossiers_professionnels_full) {
  const DpScore s = ScoreDp(sets.dp_full, MapWithPasserelle(*session, sets, sets.dp_full));
  Log(s.errors);
  BOOST_CHECK_GE(s.labelled_found, 18);      // of 26
  BOOST_CHECK_GE(s.evidence_in_range, 10);   // baseline 8
  BOOST_CHECK_LE(s.unlabelled_covered, 1);   // of 5
}

// The same dossiers with the headings that name the CPs removed: the
// content, not the heading, carries the mapping.
BOOST_AUTO_TEST_CASE(dossiers_professionnels_stripped) {
  const DpScore s = ScoreDp(sets.dp_stripped, MapWithPasserelle(*session, sets, sets.dp_stripped));
  Log(s.errors);
  BOOST_CHECK_GE(s.labelled_found, 16);     // of 26
  BOOST_CHECK_GE(s.InRange(), 0.5);         // baseline 0.438
  BOOST_CHECK_LE(s.unlabelled_covered, 2);  // of 5 (baseline 1)
}

// The peer's own figures, thresholds tuned on each set (its upper bound).
BOOST_AUTO_TEST_CASE(bm25_peer_tuned_on_each_set) {
  const auto tuao = ScoreWithBm25(sets.tuao_dossiers);
  const MappingScore t =
      ScoreTuao(sets.tuao_dossiers, Decide(tuao, TuneOnTuao(sets.tuao_dossiers, tuao)));
  BOOST_CHECK_EQUAL(t.statuses_right, 21);
  BOOST_CHECK_EQUAL(t.statuses, 27);
  BOOST_CHECK_EQUAL(t.other_trade_false_positives, 3);
  const auto full = ScoreWithBm25(sets.dp_full);
  const DpScore d = ScoreDp(sets.dp_full, Decide(full, TuneOnDp(sets.dp_full, full)));
  BOOST_CHECK_EQUAL(d.labelled_found, 24);
  BOOST_CHECK_EQUAL(d.evidence_in_range, 10);
  BOOST_CHECK_EQUAL(d.unlabelled_covered, 3);
}

BOOST_AUTO_TEST_CASE(the_template_prompt_opens_an_example) {
  BOOST_CHECK(OpensExample("1. Décrivez les tâches ou opérations que vous avez effectuées, et dans "
                           "quelles conditions :"));
  BOOST_CHECK(OpensExample("DECRIVEZ LES TACHES que vous avez effectuées"));
  BOOST_CHECK(!OpensExample("J'ai décrit les tâches de l'équipe dans un tableau."));
  std::vector<IndexedPassage> passages(4);
  passages[0].text = "Présentation du dossier";
  passages[1].text = "1. Décrivez les tâches ou opérations que vous avez effectuées :";
  passages[2].text = "J'ai conçu la base de données MySQL avec un MCD Merise.";
  passages[3].text = "1. Décrivez les tâches ou opérations que vous avez effectuées :";
  const std::vector<size_t> ex = ExamplesOf(passages);
  BOOST_CHECK_EQUAL(ex[0], kNoExample);
  BOOST_CHECK_EQUAL(ex[1], 0u);
  BOOST_CHECK_EQUAL(ex[2], 0u);
  BOOST_CHECK_EQUAL(ex[3], 1u);
}

// Each trade counts once, however many of its certifications the corpus
// holds: codes shared, even transitively, make one trade.
BOOST_AUTO_TEST_CASE(documents_sharing_codes_are_one_trade) {
  const std::vector<size_t> trade =
      GroupIntoTrades({{"nsf:326", "rome:M1805"}, {"nsf:326"}, {"nsf:221"}, {"rome:M1805", "nsf:114"},
                       {}, {"nsf:114"}});
  BOOST_CHECK_EQUAL(trade[0], trade[1]);
  BOOST_CHECK_EQUAL(trade[0], trade[3]);
  BOOST_CHECK_EQUAL(trade[0], trade[5]);
  BOOST_CHECK_NE(trade[0], trade[2]);
  BOOST_CHECK_NE(trade[4], trade[0]);
  BOOST_CHECK_NE(trade[4], trade[2]);
  TermSpecificity spec(kMappingSpecificity.exponent);
  for (int i = 0; i < 10; ++i) spec.AddDocument({"serveur", "données"}, 0.1);  // ten IT fiches
  spec.AddDocument({"four", "données"}, 1.0);                                   // one bakery fiche
  BOOST_CHECK_CLOSE(spec.documents(), 2.0, 1e-9);
  BOOST_CHECK_GT(spec.Of("four"), 0.4);
  BOOST_CHECK_CLOSE(spec.Of("serveur"), spec.Of("four"), 1e-9);
  BOOST_CHECK_LT(spec.Of("données"), 0.2);
}

BOOST_AUTO_TEST_SUITE_END()
