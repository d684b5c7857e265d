// The development figures of docs/mapping.md ("Quality"): every gold set of
// ../shared mapped by Passerelle and by the stock Xapian BM25 peer, in the
// same process, as bench/mapping_quality prints them.
#include <boost/test/unit_test.hpp>

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

BOOST_AUTO_TEST_CASE(dossiers_professionnels_full_and_stripped) {
  for (const auto* set : {&sets.dp_full, &sets.dp_stripped}) {
    const DpScore s = ScoreDp(*set, MapWithPasserelle(*session, sets, *set));
    Log(s.errors);
    BOOST_CHECK_GE(s.Found(), 0.6);
    BOOST_CHECK_GE(s.InRange(), 0.43);
    BOOST_CHECK_LE(s.UnlabelledCovered(), 0.2);
  }
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

BOOST_AUTO_TEST_SUITE_END()
