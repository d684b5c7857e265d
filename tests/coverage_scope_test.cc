// Professional, general-education and optional blocs, and the coverage of
// the professional part, on the shipped referentiels.
#include "reports/coverage_scope.h"

#include <boost/test/unit_test.hpp>

#include "report_samples.h"
#include "test_support.h"

using namespace passerelle;
using namespace passerelle::reports;

namespace {

int Count(const Certification& cert, BlocScope scope) {
  int n = 0;
  for (const Bloc& b : cert.blocs) n += ScopeIn(cert, b) == scope;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(TheBacProHasThreeTradeBlocs) {
  // RNCP35697: 3 trade blocs, 9 subjects of general education, 3 optional.
  const Certification bac = testing::LoadCanonical(testing::SourceDir(), "RNCP35697");
  BOOST_TEST(Count(bac, BlocScope::kProfessional) == 3);
  BOOST_TEST(Count(bac, BlocScope::kGeneral) == 9);
  BOOST_TEST(Count(bac, BlocScope::kOptional) == 3);
  // The older bac pro, written by another hand (RNCP420).
  const Certification old = testing::LoadCanonical(testing::SourceDir(), "RNCP420");
  BOOST_TEST(Count(old, BlocScope::kProfessional) == 5);
  BOOST_TEST(Count(old, BlocScope::kGeneral) == 9);
  // A titre professionnel and a CQP: trade only.
  for (const char* id : {"TP-00211", "RNCP28243", "RNCP19166"}) {
    const Certification c = testing::LoadCanonical(testing::SourceDir(), id);
    BOOST_TEST(Count(c, BlocScope::kProfessional) == static_cast<int>(c.blocs.size()), id);
  }
}

BOOST_AUTO_TEST_CASE(ALoneSubjectTitleIsATradeBloc) {
  Certification c;
  for (const char* title : {"Français langue étrangère : concevoir un cours", "Animer une séance"}) {
    Bloc b;
    b.id = BlocId("RNCP1BC0" + std::to_string(c.blocs.size() + 1));
    b.title = title;
    c.blocs.push_back(b);
  }
  BOOST_TEST((ScopeOf(c.blocs[0]) == BlocScope::kGeneral));
  BOOST_TEST((ScopeIn(c, c.blocs[0]) == BlocScope::kProfessional));
}

BOOST_AUTO_TEST_CASE(ProfessionalCoverageCountsTheTradeBlocsOnly) {
  const Certification bac = testing::LoadCanonical(testing::SourceDir(), "RNCP35697");
  MappingResult m = testing::SyntheticMapping(bac, 100);
  for (CompetenceMapping& c : m.competences) c.status = CoverageStatus::kMissing;
  // Every competence of BC01 (a trade bloc) covered, the rest missing.
  const Bloc& bc01 = bac.blocs.front();
  for (CompetenceMapping& c : m.competences)
    for (const CompetenceId& id : bc01.competences)
      if (c.id == id) c.status = CoverageStatus::kCovered;
  const auto pro = ProfessionalCoverage(bac, m);
  BOOST_REQUIRE(pro.has_value());
  BOOST_TEST(pro->covered == static_cast<int>(bc01.competences.size()));
  BOOST_TEST(pro->covered + pro->partial + pro->missing == 12);
  BOOST_TEST(pro->coverage == 3.0 / 12, boost::test_tools::tolerance(1e-9));
  const Certification tp = testing::LoadCanonical(testing::SourceDir(), "TP-00211");
  BOOST_TEST(!ProfessionalCoverage(tp, testing::SyntheticMapping(tp, 100)).has_value());
}
