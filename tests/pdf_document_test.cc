// The layout toolkit: fonts, text in the margins, page breaks with orphan
// and widow control, tables with repeated headers, drawings, footers,
// determinism. PDFs are read back with poppler.
#include "reports/pdf_document.h"

#include <boost/test/unit_test.hpp>
#include <cstdlib>

#include "pdf_inspect.h"
#include "reports/figures.h"
#include "reports/fonts.h"
#include "reports/palette.h"
#include "reports/table.h"
#include "test_support.h"

using namespace passerelle;
using namespace passerelle::reports;
using passerelle::testing::InspectPdf;
using passerelle::testing::PdfContent;

namespace {

std::unique_ptr<Document> NewDocument() {
  auto fonts = LocateFonts();
  BOOST_REQUIRE_MESSAGE(fonts.ok(), fonts.status().message());
  auto doc = Document::Create(*fonts);
  BOOST_REQUIRE_MESSAGE(doc.ok(), doc.status().message());
  return std::move(doc.value());
}

PdfContent Finish(Document& doc) {
  auto bytes = doc.Save();
  BOOST_REQUIRE_MESSAGE(bytes.ok(), bytes.status().message());
  return InspectPdf(*bytes);
}

std::string Words(int n) {
  std::string text;
  for (int i = 0; i < n; ++i)
    text += (i % 7 == 0 ? "œuvre " : i % 5 == 0 ? "l’épaulement " : "usinage ");
  return text;
}

// Every word inside the page's margins (a little tolerance for glyph boxes).
void CheckInsideMargins(const PdfContent& pdf, const PageLayout& layout) {
  for (size_t p = 0; p < pdf.pages.size(); ++p) {
    for (const auto& w : pdf.pages[p].words) {
      BOOST_TEST(w.x >= layout.margin_left - 0.5, "page " << p + 1 << " « " << w.text << " »");
      BOOST_TEST(w.right() <= layout.width - layout.margin_right + 0.5,
                 "page " << p + 1 << " « " << w.text << " »");
      BOOST_TEST(w.y >= layout.margin_top - 0.5, "page " << p + 1 << " « " << w.text << " »");
      BOOST_TEST(w.bottom() <= layout.height - layout.margin_bottom + 0.5,
                 "page " << p + 1 << " « " << w.text << " »");
    }
  }
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(FindsDejaVuOrSaysWhatToInstall) {
  auto fonts = LocateFonts();
  BOOST_REQUIRE(fonts.ok());
  BOOST_TEST(fonts->sans.ends_with("DejaVuSans.ttf"));
  BOOST_TEST(fonts->sans_bold.ends_with("DejaVuSans-Bold.ttf"));
  BOOST_TEST(fonts->serif.ends_with("DejaVuSerif.ttf"));
  auto none = LocateFonts("", {"/nonexistent-fonts"});
  BOOST_TEST(!none.ok());
  BOOST_TEST((none.status().kind() == Status::Kind::kNotFound));
  BOOST_TEST(none.status().message().find("fonts-dejavu-core") != std::string::npos);
  BOOST_TEST(none.status().message().find("--font") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(UserFontIsCheckedAndServesEveryFace) {
  auto missing = LocateFonts("/nonexistent/police.ttf");
  BOOST_TEST((missing.status().kind() == Status::Kind::kNotFound));
  BOOST_TEST(missing.status().message().find("/nonexistent/police.ttf") != std::string::npos);
  testing::TempDir tmp;
  BOOST_TEST((LocateFonts(tmp.path().string()).status().kind() == Status::Kind::kInvalidArgument));
  const std::string serif = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
  auto one = LocateFonts(serif);
  BOOST_REQUIRE(one.ok());
  BOOST_TEST(one->sans == serif);
  BOOST_TEST(one->sans_bold == serif);
  auto doc = Document::Create(*one);
  BOOST_TEST(doc.ok());
}

BOOST_AUTO_TEST_CASE(AFileThatIsNotAFontIsAClearError) {
  testing::TempDir tmp;
  const auto fake = tmp.path() / "police.ttf";
  testing::WriteFile(fake, "ceci n'est pas une police");
  auto doc = Document::Create(FontFiles{fake.string(), fake.string(), fake.string()});
  BOOST_REQUIRE(!doc.ok());
  BOOST_TEST((doc.status().kind() == Status::Kind::kInvalidArgument));
  BOOST_TEST(doc.status().message().find(fake.string()) != std::string::npos);
  BOOST_TEST(doc.status().message().find("TrueType") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(UnsafeTextIsReplacedNotPassedToTheLibrary) {
  BOOST_TEST(PdfSafeText("école") == "école");
  BOOST_TEST(PdfSafeText("a\x01"
                         "b\tc") == "a b c");
  BOOST_TEST(PdfSafeText("\xC3(") == "\uFFFD(");
  BOOST_TEST(PdfSafeText("outil \U0001F527 ok") == "outil \uFFFD ok");
  BOOST_TEST(PdfSafeText("\xED\xA0\x80") == "\uFFFD");  // a UTF-16 surrogate
  BOOST_TEST(PdfSafeText("ligne\nsuite") == "ligne\nsuite");
}

BOOST_AUTO_TEST_CASE(MeasuredWidthsFollowTheFont) {
  auto doc = NewDocument();
  TextStyle style;
  style.size = 10;
  const double a = doc->TextWidth("a", style);
  BOOST_TEST(a > 4.0);
  BOOST_TEST(a < 8.0);
  BOOST_TEST(doc->TextWidth("aa", style) == 2 * a, boost::test_tools::tolerance(1e-9));
  style.size = 20;
  BOOST_TEST(doc->TextWidth("a", style) == 2 * a, boost::test_tools::tolerance(1e-9));
  style.face = Face::kSansBold;
  BOOST_TEST(doc->TextWidth("a", style) > 2 * a);
  BOOST_TEST(doc->TextWidth("", style) == 0.0);
}

BOOST_AUTO_TEST_CASE(EllipsizeFitsTheWidth) {
  auto doc = NewDocument();
  TextStyle style;
  BOOST_TEST(doc->Ellipsize("court", style, 100) == "court");
  const std::string cut = doc->Ellipsize("une très longue étiquette de candidat", style, 60);
  BOOST_TEST(cut.ends_with("…"));
  BOOST_TEST(doc->TextWidth(cut, style) <= 60.0);
  BOOST_TEST(doc->Ellipsize("é", style, 0.1) == "…");
}

BOOST_AUTO_TEST_CASE(LongTextFlowsOverPagesInsideTheMargins) {
  auto doc = NewDocument();
  TextStyle style;
  doc->Paragraph(Words(3000), style);
  std::string unbroken(3000, 'x');
  doc->Paragraph(unbroken, style);
  PdfContent pdf = Finish(*doc);
  BOOST_TEST(pdf.pages.size() >= 4u);
  CheckInsideMargins(pdf, doc->layout());
  BOOST_TEST(pdf.FlatText().find("l’épaulement œuvre") != std::string::npos);
}

namespace {

// A paragraph of five one-word lines started where `room` lines fit above
// the bottom margin.
PdfContent FiveLinesWithRoomFor(double room) {
  auto doc = NewDocument();
  TextStyle style;
  doc->SetCursor(doc->Bottom() - room * style.LineHeight());
  doc->Paragraph("premier\nsecond\ntroisième\nquatrième\ncinquième", style);
  return Finish(*doc);
}

}  // namespace

BOOST_AUTO_TEST_CASE(NoOrphanLineAtThePageFoot) {
  // Room for one line only: the paragraph starts on the next page.
  PdfContent pdf = FiveLinesWithRoomFor(1.5);
  BOOST_REQUIRE(pdf.pages.size() == 2u);
  BOOST_TEST(pdf.pages[0].words.empty());
  BOOST_REQUIRE(!pdf.pages[1].words.empty());
  // Read back top-down: the first word sits at the top margin.
  const PageLayout layout;
  BOOST_TEST(pdf.pages[1].words[0].text == "premier");
  BOOST_TEST(pdf.pages[1].words[0].y >= layout.margin_top);
  BOOST_TEST(pdf.pages[1].words[0].y <= layout.margin_top + TextStyle().LineHeight());
}

BOOST_AUTO_TEST_CASE(NoWidowLineAtThePageHead) {
  // Room for four of five lines: three stay, two go, so none is alone.
  PdfContent pdf = FiveLinesWithRoomFor(4.5);
  BOOST_REQUIRE(pdf.pages.size() == 2u);
  BOOST_TEST(pdf.pages[0].words.size() == 3u);
  BOOST_TEST(pdf.pages[1].words.size() == 2u);
}

BOOST_AUTO_TEST_CASE(HeadingsStayWithWhatFollows) {
  auto doc = NewDocument();
  TextStyle heading;
  heading.face = Face::kSansBold;
  heading.size = 14;
  doc->SetCursor(doc->Bottom() - 30);
  doc->Heading("Titre orphelin", heading, 40);
  doc->Paragraph("Le texte qui suit.", TextStyle());
  PdfContent pdf = Finish(*doc);
  BOOST_REQUIRE(pdf.pages.size() == 2u);
  BOOST_TEST(pdf.pages[1].text.find("Titre orphelin") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(TablesRepeatTheirHeaderAndSplitTallRows) {
  auto doc = NewDocument();
  Table table({{"Colonne gauche", 120, Align::kLeft}, {"Colonne droite", 0, Align::kLeft}});
  for (int i = 0; i < 60; ++i)
    table.AddRow({table.TextCell("ligne " + std::to_string(i)), table.TextCell(Words(i % 9 + 1))});
  table.AddRow({table.TextCell("géante"), table.TextCell(Words(900))});
  table.Draw(*doc);
  PdfContent pdf = Finish(*doc);
  BOOST_TEST(pdf.pages.size() >= 4u);
  for (size_t p = 0; p < pdf.pages.size(); ++p)
    BOOST_TEST(Count(pdf.pages[p].text, "Colonne droite") == 1u, "page " << p + 1);
  CheckInsideMargins(pdf, doc->layout());
  // Rows in order, none lost.
  const std::string all = pdf.FlatText();
  size_t last = 0;
  for (int i = 0; i < 60; ++i) {
    const size_t at = all.find("ligne " + std::to_string(i) + " ");
    BOOST_REQUIRE(at != std::string::npos);
    BOOST_TEST(at >= last);
    last = at;
  }
}

BOOST_AUTO_TEST_CASE(SideBySideColumnsWithoutGrid) {
  auto doc = NewDocument();
  TableStyle style;
  style.grid = false;
  Table columns({{"", 0, Align::kLeft}, {"", 0, Align::kLeft}}, style);
  columns.AddRow(
      {columns.TextCell("gauche " + Words(40)), columns.TextCell("droite " + Words(60))});
  columns.Draw(*doc);
  PdfContent pdf = Finish(*doc);
  BOOST_REQUIRE(pdf.pages.size() == 1u);
  double left_max = 0, right_min = 1e9;
  for (const auto& w : pdf.pages[0].words) {
    if (w.x < doc->Left() + doc->ContentWidth() / 2 - 1)
      left_max = std::max(left_max, w.right());
    else
      right_min = std::min(right_min, w.x);
  }
  BOOST_TEST(left_max < right_min);
}

BOOST_AUTO_TEST_CASE(DrawingsCarryTheirWords) {
  auto doc = NewDocument();
  const double top = doc->cursor();
  DrawBar(*doc, Box{doc->Left(), top, 200, 10},
          {{0.5, ColorsFor(CoverageStatus::kCovered).fill}, {0.8, Color::Hex(0xFF0000)}}, kRule);
  BadgeStyle badge;
  badge.fill = ColorsFor(CoverageStatus::kPartial).fill;
  const Box b = DrawBadge(*doc, "partiel", badge, doc->Left(), top + 20);
  BOOST_TEST(b.width > doc->TextWidth("partiel", badge.label));
  DrawHeatCell(*doc, Box{doc->Left(), top + 40, 60, 20}, 0.9, "90 %", TextStyle());
  doc->SetCursor(top + 70);
  DrawLegend(*doc, {{kWhite, kRule, "couvert"}, {kWhite, kRule, "non couvert"}}, TextStyle());
  PdfContent pdf = Finish(*doc);
  const std::string text = pdf.FlatText();
  for (const char* word : {"partiel", "90 %", "couvert", "non couvert"})
    BOOST_TEST(text.find(word) != std::string::npos, word);
}

BOOST_AUTO_TEST_CASE(StatusColoursStayApartInGrey) {
  const double covered = ColorsFor(CoverageStatus::kCovered).fill.Luma();
  const double partial = ColorsFor(CoverageStatus::kPartial).fill.Luma();
  const double missing = ColorsFor(CoverageStatus::kMissing).fill.Luma();
  BOOST_TEST(partial - covered >= 0.2);
  BOOST_TEST(missing - partial >= 0.2);
  BOOST_TEST(missing <= 0.92);  // still visible on white paper
  for (CoverageStatus s :
       {CoverageStatus::kCovered, CoverageStatus::kPartial, CoverageStatus::kMissing}) {
    const StatusColors c = ColorsFor(s);
    BOOST_TEST(std::abs(c.text.Luma() - c.fill.Luma()) >= 0.45);  // the word reads on its badge
  }
  for (int i = 0; i < 10; ++i)
    BOOST_TEST(HeatColor((i + 1) / 10.0).Luma() < HeatColor(i / 10.0).Luma(), i);
  BOOST_TEST((TextColorOn(HeatColor(1)) == kWhite));
}

BOOST_AUTO_TEST_CASE(FootersNumberEveryPage) {
  auto doc = NewDocument();
  doc->Paragraph(Words(2500), TextStyle());
  doc->AddFooters("Passerelle 0.1.0", "15 janvier 2025", TextStyle());
  PdfContent pdf = Finish(*doc);
  const size_t n = pdf.pages.size();
  BOOST_REQUIRE(n >= 2u);
  for (size_t p = 0; p < n; ++p) {
    const std::string text = testing::Flatten(pdf.pages[p].text);
    BOOST_TEST(text.find("page " + std::to_string(p + 1) + " / " + std::to_string(n)) !=
               std::string::npos);
    BOOST_TEST(text.find("15 janvier 2025") != std::string::npos);
    for (const auto& w : pdf.pages[p].words) BOOST_TEST(w.bottom() <= pdf.pages[p].height);
  }
}

BOOST_AUTO_TEST_CASE(MetadataAndDeterminism) {
  auto make = [] {
    auto doc = NewDocument();
    DocumentInfo info{"Rapport d’écarts « test »", "Sujet œuvre", "Passerelle 0.1.0", "2025-01-15"};
    BOOST_REQUIRE(doc->SetInfo(info).ok());
    doc->Paragraph(Words(400), TextStyle());
    auto bytes = doc->Save();
    BOOST_REQUIRE(bytes.ok());
    return *bytes;
  };
  const std::string a = make();
  const std::string b = make();
  BOOST_TEST((a == b));
  PdfContent pdf = InspectPdf(a);
  BOOST_TEST(pdf.title == "Rapport d’écarts « test »");
  BOOST_TEST(pdf.subject == "Sujet œuvre");
  BOOST_TEST(pdf.creator == "Passerelle 0.1.0");
  BOOST_TEST(a.find("/CreationDate (D:20250115000000)") != std::string::npos);
  BOOST_TEST(a.find("/ID") == std::string::npos);
  auto doc = NewDocument();
  BOOST_TEST(
      (doc->SetInfo({"t", "s", "c", "15/01/2025"}).kind() == Status::Kind::kInvalidArgument));
}

// libharu 2.3.0 gives every font its encoding CMap as ToUnicode map;
// poppler warned "Invalid 'begincidrange' operator in ToUnicode CMap" on
// every PDF. The map is now the identity a reader can use: pdftotext (what
// a counsellor or a screen reader's PDF filter runs) reads the text with
// no warning.
BOOST_AUTO_TEST_CASE(ToUnicodeMapsReadWithoutWarning) {
  auto doc = NewDocument();
  const std::string text = "Œuvre de l’épaulement à 10\u202F% : « ébavurer » — ç, ß, €";
  doc->Paragraph(text, TextStyle());
  doc->Paragraph("Gras", MakeStyle(Face::kSansBold, 10, kInk));
  doc->Paragraph("Serif", MakeStyle(Face::kSerif, 10, kInk));
  auto bytes = doc->Save();
  BOOST_REQUIRE(bytes.ok());
  BOOST_TEST(bytes->find("/ToUnicode") != std::string::npos);
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) return;  // poppler-utils absent
  testing::TempDir dir;
  const auto pdf = dir.path() / "t.pdf";
  testing::WriteFile(pdf, *bytes);
  const std::string run = "pdftotext -enc UTF-8 " + testing::Quote(pdf.string()) + " " +
                          testing::Quote((dir.path() / "t.txt").string()) + " 2> " +
                          testing::Quote((dir.path() / "err").string());
  BOOST_REQUIRE(std::system(run.c_str()) == 0);
  const std::string warnings = testing::ReadFile(dir.path() / "err");
  BOOST_TEST(warnings.empty(), warnings);
  const std::string read = testing::Flatten(testing::ReadFile(dir.path() / "t.txt"));
  BOOST_TEST(read.find(testing::Flatten(text)) != std::string::npos, read);
}
