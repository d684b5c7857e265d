// The equivalence report, read back with poppler: the cover with the
// official links and coverage, the heat map page, the correspondences side
// by side, what has no counterpart, geometry, determinism and failures.
#include "reports/equivalence_report.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "engine/certification_comparison.h"
#include "engine/competence_graph.h"
#include "engine/file_system.h"
#include "engine/mapping_session.h"
#include "pdf_inspect.h"
#include "reports/palette.h"
#include "reports/pdf_document.h"
#include "report_samples.h"
#include "test_support.h"

using namespace passerelle;
using namespace passerelle::reports;
using passerelle::testing::InspectPdf;
using passerelle::testing::PdfContent;

namespace {

Certification Canonical(const std::string& id) {
  return testing::LoadCanonical(testing::SourceDir(), id);
}

EquivalenceReportInput Input(const std::string& a_id, const std::string& b_id) {
  std::vector<Certification> all;
  for (const char* id : {"RNCP19166", "RNCP28243", "RNCP35697", "RNCP420", "TP-00211"})
    all.push_back(Canonical(id));
  const CompetenceGraph graph(all);
  auto session = MappingSession::Create();
  if (!session.ok()) throw std::runtime_error(session.status().message());
  std::vector<const Certification*> corpus;
  for (const Certification& c : graph.certifications()) corpus.push_back(&c);
  const Certification& a = *graph.Find(CertificationId(a_id));
  const Certification& b = *graph.Find(CertificationId(b_id));
  const FeatureExtractor& features = (*session)->features();
  EquivalenceReportInput in;
  in.a = a;
  in.b = b;
  in.comparison =
      CompareCertifications(a, b, graph, features, ComparisonSpecificity(a, b, corpus, features));
  in.date = "2025-01-15";
  return in;
}

std::string Render(const EquivalenceReportInput& in) {
  auto pdf = RenderEquivalenceReport(in);
  BOOST_REQUIRE_MESSAGE(pdf.ok(), pdf.status().message());
  return *pdf;
}

bool Has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// The 1-based page whose text holds `needle`; 0 when none.
size_t PageOf(const PdfContent& pdf, const std::string& needle) {
  for (size_t p = 0; p < pdf.pages.size(); ++p)
    if (Has(testing::Flatten(pdf.pages[p].text), needle)) return p + 1;
  return 0;
}

// The first word `text` of a page.
const testing::PdfWord* Word(const testing::PdfPage& page, const std::string& text) {
  for (const auto& w : page.words)
    if (w.text == text) return &w;
  return nullptr;
}

// The word `text` nearest to the height of `row` (another competence may
// have the same best match higher up).
const testing::PdfWord* WordOnRow(const testing::PdfPage& page, const std::string& text,
                                  const testing::PdfWord& row) {
  const testing::PdfWord* best = nullptr;
  for (const auto& w : page.words)
    if (w.text == text && (!best || std::abs(w.y - row.y) < std::abs(best->y - row.y))) best = &w;
  return best;
}

// No two words on top of each other, nothing outside the page's margins.
void CheckGeometry(const PdfContent& pdf) {
  const PageLayout layout;
  for (size_t p = 0; p < pdf.pages.size(); ++p) {
    const auto& words = pdf.pages[p].words;
    for (size_t i = 0; i < words.size(); ++i) {
      const auto& a = words[i];
      BOOST_TEST(a.x >= layout.margin_left - 0.5, "page " << p + 1 << " « " << a.text << " »");
      BOOST_TEST(a.right() <= layout.width - layout.margin_right + 0.5,
                 "page " << p + 1 << " « " << a.text << " »");
      for (size_t j = i + 1; j < words.size(); ++j) {
        const auto& b = words[j];
        const double dx = std::min(a.right(), b.right()) - std::max(a.x, b.x);
        const double dy = std::min(a.bottom(), b.bottom()) - std::max(a.y, b.y);
        BOOST_TEST(!(dx > 1.0 && dy > 2.0),
                   "page " << p + 1 << ": « " << a.text << " » over « " << b.text << " »");
      }
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(cover_gives_links_and_coverage) {
  const PdfContent pdf = InspectPdf(Render(Input("RNCP420", "RNCP35697")));
  BOOST_REQUIRE(pdf.pages.size() >= 4u);
  const std::string cover = testing::Flatten(pdf.pages[0].text);
  BOOST_TEST(Has(cover, "Rapport d’équivalence"), cover);  // one apostrophe, the typographic one
  BOOST_TEST(Has(cover, "ce qui correspond et ce qui"), cover);
  BOOST_TEST(Has(cover, "il ne vaut pas déclaration d’équivalence"), cover);  // the notice
  BOOST_TEST(Has(cover, "RNCP420 est remplacée par RNCP35697"), cover);
  BOOST_TEST(Has(cover, "de RNCP420 couvert par RNCP35697"), cover);
  BOOST_TEST(Has(cover, "Comment lire ce rapport"), cover);
  BOOST_TEST(Has(cover, "15 janvier 2025"), cover);
  BOOST_TEST(pdf.title == "Rapport d’équivalence – RNCP420 – RNCP35697");
}

BOOST_AUTO_TEST_CASE(second_page_is_the_bloc_heat_map) {
  const EquivalenceReportInput in = Input("RNCP420", "RNCP35697");
  const PdfContent pdf = InspectPdf(Render(in));
  const auto& page = pdf.pages[1];
  const std::string text = testing::Flatten(page.text);
  BOOST_TEST(Has(text, "Carte des blocs : RNCP420 × RNCP35697"), text);
  // One column label per bloc of B, one row per bloc of A, one figure per cell.
  for (const Bloc& b : in.b.blocs) {
    const std::string code = b.id.value.substr(in.b.id.value.size());
    BOOST_TEST(Word(page, code) != nullptr, code);
  }
  size_t cells = 0;
  for (const auto& w : page.words) cells += w.text.size() == 4 && w.text[1] == ',';
  BOOST_TEST(cells >= in.a.blocs.size() * in.b.blocs.size());
  BOOST_TEST(Has(text, "contour rouge"), text);
  BOOST_TEST(Has(text, "Education physique et sportive"), text);  // the column key
}

BOOST_AUTO_TEST_CASE(correspondences_are_side_by_side) {
  const PdfContent pdf = InspectPdf(Render(Input("TP-00211", "RNCP420")));
  const size_t p = PageOf(pdf, "Correspondances, compétence par compétence");
  BOOST_REQUIRE(p > 0);
  // CP6 and its best match, « Élaborer un programme avec un logiciel de FAO »,
  // on the same row: the A text in the left column, the B text in the right.
  size_t found = 0;
  for (size_t q = p - 1; q < pdf.pages.size() && !found; ++q) {
    const auto* cp6 = Word(pdf.pages[q], "CP6");
    const auto* fao = cp6 ? WordOnRow(pdf.pages[q], "BC04-C3", *cp6) : nullptr;
    if (!cp6 || !fao) continue;
    found = q + 1;
    BOOST_TEST(fao->x > cp6->x + 150);
    BOOST_TEST(std::abs(fao->y - cp6->y) < 2.0);
    const std::string right = testing::TextInColumn(pdf.pages[q], fao->x - 1, 1000);
    BOOST_TEST(Has(right, "Élaborer un programme avec un logiciel de FAO"), right);
  }
  BOOST_TEST(found > 0u);
}

BOOST_AUTO_TEST_CASE(what_has_no_counterpart_is_listed_for_both_sides) {
  const PdfContent pdf = InspectPdf(Render(Input("TP-00211", "RNCP420")));
  const std::string text = pdf.FlatText();
  BOOST_TEST(Has(text, "Dans TP-00211, sans équivalent dans RNCP420"));
  BOOST_TEST(Has(text, "Dans RNCP420, sans équivalent dans TP-00211"));
  BOOST_TEST(Has(text, "BC14 — Éducation physique et sportive (tout le bloc)"));
  BOOST_TEST(Has(text, "BC13 — Arts appliqués et cultures artistiques (tout le bloc)"));
  BOOST_TEST(Has(text, "ne vaut pas déclaration d’équivalence"));
}

BOOST_AUTO_TEST_CASE(pages_are_well_formed) {
  for (auto [a, b] : {std::pair{"RNCP420", "RNCP35697"}, std::pair{"TP-00211", "RNCP28243"}}) {
    const PdfContent pdf = InspectPdf(Render(Input(a, b)));
    CheckGeometry(pdf);
    const std::string last = testing::Flatten(pdf.pages.back().text);
    BOOST_TEST(Has(last, "page " + std::to_string(pdf.pages.size()) + " / " +
                             std::to_string(pdf.pages.size())));
  }
}

BOOST_AUTO_TEST_CASE(same_input_same_bytes) {
  const EquivalenceReportInput in = Input("TP-00211", "RNCP28243");
  BOOST_TEST(Render(in) == Render(in));
}

BOOST_AUTO_TEST_CASE(bad_input_is_refused_in_french) {
  EquivalenceReportInput in = Input("TP-00211", "RNCP28243");
  in.date = "15/01/2025";
  auto bad_date = RenderEquivalenceReport(in);
  BOOST_REQUIRE(!bad_date.ok());
  BOOST_TEST(Has(bad_date.status().message(), "date"));
  in.date = "2025-01-15";
  std::swap(in.a, in.b);
  auto swapped = RenderEquivalenceReport(in);
  BOOST_REQUIRE(!swapped.ok());
  BOOST_TEST(Has(swapped.status().message(), "la comparaison porte sur TP-00211 et RNCP28243"));
}

BOOST_AUTO_TEST_CASE(writing_is_all_or_nothing) {
  const EquivalenceReportInput in = Input("TP-00211", "RNCP28243");
  testing::TempDir dir;
  const auto missing = dir.path() / "absent" / "eq.pdf";
  const Status s = WriteEquivalenceReport(in, missing.string());
  BOOST_TEST(!s.ok());
  BOOST_TEST(Has(s.message(), "n'existe pas"), s.message());
  BOOST_TEST(!std::filesystem::exists(missing));
  const auto path = dir.path() / "eq.pdf";
  BOOST_REQUIRE(WriteEquivalenceReport(in, path.string()).ok());
  BOOST_TEST(InspectPdf(testing::ReadFile(path)).pages.size() >= 3u);
}

BOOST_AUTO_TEST_CASE(a_small_heat_map_is_sized_to_its_content) {
  // 3 × 3: the map was tiny in the top third of the page, its row labels
  // cut after a dozen characters ("l'us…"), 0.31 and 0.48 alike.
  const EquivalenceReportInput in = Input("TP-00211", "RNCP28243");
  const PdfContent pdf = InspectPdf(Render(in));
  const auto& page = pdf.pages[PageOf(pdf, "Carte des blocs") - 1];
  const std::string text = testing::Flatten(page.text);
  BOOST_TEST(Has(text, "l’usinage de pièces"), text);
  BOOST_TEST(!Has(text, "l’us…"), text);
  BOOST_TEST(Has(text, "centre d’usinage"), text);  // the end of AT2's label
  double figure_size = 0, left = 1e9, right = 0;
  for (const auto& w : page.words)
    if (w.text.size() == 4 && w.text[1] == ',') {
      figure_size = std::max(figure_size, w.size);
      left = std::min(left, w.x);
      right = std::max(right, w.right());
    }
  BOOST_TEST(figure_size >= 8.0);
  BOOST_TEST(right - left >= 120.0);  // three cells of 48 points or more
  BOOST_TEST(HeatColor(0.3).Luma() - HeatColor(0.7).Luma() >= 0.4);
}
