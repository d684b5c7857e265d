#include "reports/text_wrap.h"

#include <boost/test/unit_test.hpp>

#include "engine/text.h"

using namespace passerelle;
using namespace passerelle::reports;

namespace {

// Every code point is one unit wide, in bold two.
double FakeMeasure(std::string_view text, const TextStyle& style) {
  return static_cast<double>(Utf8Length(text)) * (style.face == Face::kSansBold ? 2 : 1);
}

std::vector<std::string> Wrap(const std::string& text, double width) {
  return WrapText(text, TextStyle(), width, FakeMeasure);
}

}  // namespace

BOOST_AUTO_TEST_CASE(BreaksOnSpacesByMeasuredWidth) {
  auto lines = Wrap("le tour à commande numérique", 12);
  BOOST_TEST(lines == (std::vector<std::string>{"le tour à", "commande", "numérique"}),
             boost::test_tools::per_element());
  // Exact fit stays on one line.
  BOOST_TEST(Wrap("abc def", 7).size() == 1u);
  BOOST_TEST(Wrap("abc def", 6).size() == 2u);
}

BOOST_AUTO_TEST_CASE(NoBreakSpacesHold) {
  // "78 %" with a narrow no-break space never splits.
  auto lines = Wrap("couverture de 78\u202F% atteinte", 17);
  BOOST_TEST(lines == (std::vector<std::string>{"couverture de", "78\u202F% atteinte"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(OverlongWordsAreCutBetweenCodePoints) {
  auto lines = Wrap("voir https://exemple.fr/éèàç", 10);
  BOOST_TEST(lines == (std::vector<std::string>{"voir", "https://ex", "emple.fr/é", "èàç"}),
             boost::test_tools::per_element());
  auto all = Wrap("abcdefghijé", 4);
  BOOST_TEST(all == (std::vector<std::string>{"abcd", "efgh", "ijé"}),
             boost::test_tools::per_element());
  for (const std::string& line : Wrap(std::string(3000, 'x'), 50)) BOOST_TEST(line.size() <= 50u);
}

BOOST_AUTO_TEST_CASE(NothingExceedsTheWidth) {
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += "mot";
    for (int k = 0; k < i % 13; ++k) text += "é";
    text += " ";
  }
  for (double width : {5.0, 13.0, 40.0}) {
    for (const WrappedLine& line : WrapRuns({{text, TextStyle()}}, width, FakeMeasure))
      BOOST_TEST(line.width <= width);
  }
}

BOOST_AUTO_TEST_CASE(ForcedBreaksAndEmptyLines) {
  BOOST_TEST(Wrap("a\nb", 10) == (std::vector<std::string>{"a", "b"}),
             boost::test_tools::per_element());
  BOOST_TEST(Wrap("a\n\nb", 10) == (std::vector<std::string>{"a", "", "b"}),
             boost::test_tools::per_element());
  BOOST_TEST(Wrap("a\n", 10).size() == 1u);
  BOOST_TEST(Wrap("", 10).empty());
  BOOST_TEST(Wrap("   ", 10).empty());
}

BOOST_AUTO_TEST_CASE(RunsKeepTheirStyleAndPositions) {
  TextStyle bold;
  bold.face = Face::kSansBold;
  bold.size = 12;
  std::vector<TextRun> runs = {{"Termes : ", bold}, {"tour, fraiseuse", TextStyle()}};
  auto lines = WrapRuns(runs, 100, FakeMeasure);
  BOOST_REQUIRE(lines.size() == 1u);
  BOOST_REQUIRE(lines[0].pieces.size() == 2u);
  BOOST_TEST(lines[0].pieces[0].text == "Termes :");
  BOOST_TEST(lines[0].pieces[0].run == 0u);
  BOOST_TEST(lines[0].pieces[0].width == 16.0);
  BOOST_TEST(lines[0].pieces[1].text == " tour, fraiseuse");
  BOOST_TEST(lines[0].pieces[1].x == 16.0);
  BOOST_TEST(lines[0].width == 16.0 + 16.0);
  BOOST_TEST(lines[0].font_size == 12.0);
  BOOST_TEST(lines[0].height == bold.LineHeight());
  // Runs glued without a space form one word that does not break.
  auto glued = WrapRuns({{"CP3", bold}, {",x", TextStyle()}}, 7, FakeMeasure);
  BOOST_TEST(glued.size() == 2u);  // 6 + 2 > 7: the glued word is cut, not split at the run
}
