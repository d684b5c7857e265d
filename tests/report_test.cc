// The gap report, read back with poppler: sections, verbatim quotes, French
// characters, page geometry, long inputs, determinism and failures.
#include <sys/stat.h>

#include <algorithm>

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <filesystem>
#include <map>

#include "engine/certification_xml.h"
#include "engine/file_system.h"
#include "pdf_inspect.h"
#include "report_samples.h"
#include "reports/gap_report.h"
#include "reports/pdf_document.h"
#include "reports/phrasing.h"
#include "reports/typography.h"
#include "test_support.h"

using namespace passerelle;
using namespace passerelle::reports;
using passerelle::testing::InspectPdf;
using passerelle::testing::PdfContent;

namespace {

namespace fs = std::filesystem;

GapReportInput Tp00211Input() {
  const Certification tp = testing::LoadCanonical(testing::SourceDir(), "TP-00211");
  const auto paragraphs = testing::SampleDossierParagraphs(testing::SourceDir());
  return testing::MakeInput(tp, testing::SampleMapping(tp, paragraphs));
}

std::string Render(const GapReportInput& in, const GapReportOptions& options = {}) {
  auto pdf = RenderGapReport(in, options);
  BOOST_REQUIRE_MESSAGE(pdf.ok(), pdf.status().message());
  return *pdf;
}

bool Has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The 1-based page whose text holds `needle`; 0 when none.
size_t PageOf(const PdfContent& pdf, const std::string& needle) {
  for (size_t p = 0; p < pdf.pages.size(); ++p)
    if (Has(testing::Flatten(pdf.pages[p].text), needle)) return p + 1;
  return 0;
}

// No two words on top of each other (more than a sliver of their boxes).
void CheckNoOverlap(const PdfContent& pdf) {
  for (size_t p = 0; p < pdf.pages.size(); ++p) {
    const auto& words = pdf.pages[p].words;
    for (size_t i = 0; i < words.size(); ++i) {
      for (size_t j = i + 1; j < words.size(); ++j) {
        const auto& a = words[i];
        const auto& b = words[j];
        const double dx = std::min(a.right(), b.right()) - std::max(a.x, b.x);
        const double dy = std::min(a.bottom(), b.bottom()) - std::max(a.y, b.y);
        BOOST_TEST(!(dx > 1.0 && dy > 2.0),
                   "page " << p + 1 << ": « " << a.text << " » over « " << b.text << " »");
      }
    }
  }
}

// No title (bold, 10 points or more: bloc and competence headings) among the
// last two lines of a page: a title stays with what it introduces.
void CheckNoStrandedTitles(const PdfContent& pdf) {
  const PageLayout layout;
  for (size_t p = 0; p < pdf.pages.size(); ++p) {
    std::map<long, std::vector<const testing::PdfWord*>> lines;  // by rounded top
    for (const auto& w : pdf.pages[p].words)
      if (w.y < layout.height - layout.margin_bottom) lines[std::lround(w.bottom())].push_back(&w);
    int seen = 0;
    // A title whose whole content is one small note (a shared competence's
    // "voir son détail avec …") may end a page with it: only the last line
    // is checked then.
    const auto last = lines.rbegin();
    const bool small_note_ends_page =
        last != lines.rend() && !last->second.empty() &&
        std::all_of(last->second.begin(), last->second.end(),
                    [](const testing::PdfWord* w) { return w->size < 9.5; }) &&
        testing::Flatten(pdf.pages[p].text).find("voir son détail avec") != std::string::npos;
    const int checked = small_note_ends_page ? 1 : 2;
    for (auto it = lines.rbegin(); it != lines.rend() && seen < checked; ++it, ++seen) {
      for (const testing::PdfWord* w : it->second) {
        const bool title = w->font.find("Bold") != std::string::npos && w->size >= 9.9;
        BOOST_TEST(!title, "page " << p + 1 << " ends with the title « " << w->text << " »");
      }
    }
  }
}

// Body text inside the margins, the footer below them, all inside the page,
// nothing drawn over anything else.
void CheckGeometry(const PdfContent& pdf) {
  CheckNoOverlap(pdf);
  const PageLayout layout;
  for (size_t p = 0; p < pdf.pages.size(); ++p) {
    const auto& page = pdf.pages[p];
    BOOST_TEST(page.width == layout.width, boost::test_tools::tolerance(0.01));
    BOOST_TEST(page.height == layout.height, boost::test_tools::tolerance(0.01));
    for (const auto& w : page.words) {
      const std::string where = "page " + std::to_string(p + 1) + " « " + w.text + " »";
      BOOST_TEST(w.x >= layout.margin_left - 0.5, where);
      BOOST_TEST(w.right() <= layout.width - layout.margin_right + 0.5, where);
      BOOST_TEST(w.y >= layout.margin_top - 0.5, where);
      const bool footer = w.y > layout.height - layout.margin_bottom;
      if (footer) {
        BOOST_TEST(w.bottom() <= layout.height - 10, where);
      } else {
        BOOST_TEST(w.bottom() <= layout.height - layout.margin_bottom + 0.5, where);
      }
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(EverySectionOfTheTp00211Report) {
  const GapReportInput in = Tp00211Input();
  const PdfContent pdf = InspectPdf(Render(in));
  const std::string text = pdf.FlatText();
  CheckNoStrandedTitles(pdf);
  BOOST_TEST(pdf.pages.size() >= 5u);
  BOOST_TEST(pdf.pages.size() <= 14u);
  // Cover.
  for (const char* s :
       {"Rapport de positionnement", "C-0042",
        "TP-00211 — Technicien en usinage assisté par ordinateur (TUAO)",
        "4 (nomenclature européenne)", "15 janvier 2025", "dossier-exemple.md",
        "couverture globale du référentiel", "1 compétence sur 9 couverte, 5 partielles",
        "1 couverte, 5 partielles, 3 non couvertes", "Comment lire ce rapport"})
    BOOST_TEST(Has(testing::Flatten(pdf.pages[0].text), s), s);
  BOOST_TEST(Has(testing::Flatten(pdf.pages[0].text),
                 testing::Flatten(FormatPercent(in.mapping.coverage))));
  // Summary, details, closing, in this order.
  const size_t summary = text.find("Synthèse par activité type");
  const size_t details = text.find("Détail par compétence");
  // The notice is on the cover, and closes the report.
  BOOST_TEST(Has(testing::Flatten(pdf.pages[0].text), "La décision appartient au jury"));
  const size_t closing = text.rfind("La décision appartient au jury");
  BOOST_TEST(summary != std::string::npos);
  BOOST_TEST(details > summary);
  BOOST_TEST(closing > details);
  BOOST_TEST(closing != std::string::npos);
  for (const char* s : {"Activité type", "Couverture", "Couvertes", "Partielles", "Non couvertes",
                        "Ensemble de la certification", "AT1 — Réaliser, à partir d’un plan",
                        "AT3 — Préparer et mettre au point"})
    BOOST_TEST(Has(text, s), s);
  // Every competence, with its status.
  for (const CompetenceMapping& c : in.mapping.competences)
    BOOST_TEST(Has(text, c.number + " — "), c.number);
  for (const char* s :
       {"couvert", "partiel", "non couvert", "Passage le plus probant — paragraphe 7",
        "Termes reconnus : mors doux, mandrin", "Autres passages : paragraphe 6 ; paragraphe 8",
        "Ce qui reste à montrer",
        "Décrivez une situation où vous avez programmé une sous-phase de tournage",
        "Montrez par un exemple que « le dossier de fabrication est complété",
        "Aucun passage du dossier ne montre encore cette compétence"})
    BOOST_TEST(Has(text, s), s);
  // No "elsewhere" section without suggestions.
  BOOST_TEST(!Has(text, "Ailleurs"));
  // Footers.
  for (size_t p = 0; p < pdf.pages.size(); ++p) {
    const std::string page = testing::Flatten(pdf.pages[p].text);
    BOOST_TEST(
        Has(page, "page " + std::to_string(p + 1) + " / " + std::to_string(pdf.pages.size())));
    BOOST_TEST(Has(page, "Passerelle 0.1.0"));
  }
  CheckGeometry(pdf);
}

BOOST_AUTO_TEST_CASE(QuotesAreVerbatim) {
  const GapReportInput in = Tp00211Input();
  const std::string text = InspectPdf(Render(in)).FlatText();
  // Paragraph 7 of the sample dossier, straight apostrophes and all: only
  // white space may change.
  const std::string quote = NormalizeVerbatim(in.mapping.competences[1].evidence[0].text);
  BOOST_TEST(Has(quote, "l'outil de finition"));
  BOOST_TEST(Has(text, "« " + quote + " »"));
}

BOOST_AUTO_TEST_CASE(ASharedCompetenceIsDetailedOnce) {
  const GapReportInput in = Tp00211Input();
  const PdfContent pdf = InspectPdf(Render(in));
  const std::string text = pdf.FlatText();
  // CP3 belongs to AT1 and AT2: one detail, one reference giving its page.
  BOOST_TEST(Count(text, "Passage le plus probant — paragraphe 13") == 1u);
  BOOST_TEST(Has(text, "Compétence commune avec AT2 : détaillée ici une seule fois."));
  const size_t detail_page = PageOf(pdf, "Passage le plus probant — paragraphe 13");
  BOOST_TEST(Has(text, "voir son détail avec AT1, page " + std::to_string(detail_page) + "."));
  BOOST_TEST(Count(text, "CP3 — Assurer le contrôle") == 2u);
}

BOOST_AUTO_TEST_CASE(FrenchCharactersSurvive) {
  Certification cert = testing::SyntheticCertification(1, 2);
  MappingResult m = testing::SyntheticMapping(cert, 50);
  const std::string special = "Élise à l’œil vif : « ça, c’est exact » — où ê ô ù ï ë Ç æ";
  m.competences[0].evidence[0].text = special;
  m.competences[0].evidence[0].matched = {"cœur", "façonnage"};
  const std::string text = InspectPdf(Render(testing::MakeInput(cert, m))).FlatText();
  BOOST_TEST(Has(text, "« " + special + " »"));
  BOOST_TEST(Has(text, "cœur, façonnage"));
  for (const char* s : {"é", "è", "à", "ç", "ô", "œ", "’", "«", "»", "—"})
    BOOST_TEST(Has(text, s), s);
}

BOOST_AUTO_TEST_CASE(LongCertificationsAndQuotesBreakPagesCleanly) {
  // 60 competences in 30 blocs, quotes of 3,000 characters.
  Certification cert = testing::SyntheticCertification(30, 2);
  MappingResult m = testing::SyntheticMapping(cert, 3000);
  const PdfContent pdf = InspectPdf(Render(testing::MakeInput(cert, m)));
  BOOST_TEST(pdf.pages.size() >= 30u);
  CheckGeometry(pdf);
  CheckNoStrandedTitles(pdf);
  // The summary table spans pages: its header is on each of them.
  const size_t first = PageOf(pdf, "Synthèse par bloc");
  const size_t last = PageOf(pdf, "Ensemble de la certification");
  BOOST_REQUIRE(first > 0);
  BOOST_REQUIRE(last > first);
  for (size_t p = first; p <= last; ++p)
    BOOST_TEST(Has(testing::Flatten(pdf.pages[p - 1].text), "Non couvertes"), "page " << p);
  // Every competence made it, and every 3,000-character quote is whole.
  const std::string text = pdf.FlatText();
  for (const CompetenceMapping& c : m.competences) {
    BOOST_TEST(Has(text, c.id.value.substr(9) + " — "), c.id.value);
  }
  BOOST_TEST(Count(text, "Passage le plus probant") == 40u);
  const std::string quote = NormalizeVerbatim(m.competences[0].evidence[0].text);
  BOOST_TEST(quote.size() >= 3000u);
  // Pages and paragraphs: page 0 means unknown and is left out.
  BOOST_TEST(Has(text, "Passage le plus probant — paragraphe 1 "));
  BOOST_TEST(Has(text, "page 1, paragraphe 4"));
}

BOOST_AUTO_TEST_CASE(OptionsBoundTheSituations) {
  GapReportInput in = Tp00211Input();
  GapReportOptions few;
  few.max_situations = 1;
  const std::string text = InspectPdf(Render(in, few)).FlatText();
  // 8 competences not covered: one phrased situation each.
  BOOST_TEST(Count(text, "Décrivez une situation") + Count(text, "Montrez par un exemple") == 8u);
  BOOST_TEST(Has(text, "Autres points du référentiel, non encore montrés"));
  BOOST_TEST(Has(text, "autres points : voir la fiche du référentiel"));
  // Grouped by kind, each item quoted as the referentiel writes it.
  BOOST_TEST(Has(text, "Savoir-faire : « "), text);
  BOOST_TEST(Has(text, "Critères : « "), text);
}

BOOST_AUTO_TEST_CASE(ElsewhereSectionWhenSuggested) {
  GapReportInput in = Tp00211Input();
  ElsewhereSuggestion s;
  s.certification = CertificationId("RNCP35697");
  s.certification_title = "Technicien en usinage";
  s.bloc = BlocId("RNCP35697BC02");
  s.bloc_title = "Réalisation de pièces sur tour";
  s.coverage = 0.72;
  s.note = "bloc déclaré équivalent à AT1";
  in.elsewhere.push_back(s);
  const PdfContent pdf = InspectPdf(Render(in));
  const std::string text = pdf.FlatText();
  BOOST_TEST(Has(text, "Ailleurs : d’autres certifications proches de cette expérience"));
  const auto& page = pdf.pages[PageOf(pdf, "Ailleurs") - 1];
  const PageLayout layout;
  const double column = (layout.width - layout.margin_left - layout.margin_right - 128) / 2;
  const std::string certs =
      testing::TextInColumn(page, layout.margin_left, layout.margin_left + column);
  const std::string blocs =
      testing::TextInColumn(page, layout.margin_left + column, layout.margin_left + 2 * column);
  BOOST_TEST(Has(certs, "RNCP35697 — Technicien en usinage bloc déclaré équivalent à AT1"), certs);
  BOOST_TEST(Has(blocs, "BC02 — Réalisation de pièces sur tour"), blocs);
  BOOST_TEST(Has(text, "72 %"));
  BOOST_TEST(text.find("Ailleurs") < text.rfind("La décision appartient au jury"));
}

BOOST_AUTO_TEST_CASE(MetadataComesFromTheInput) {
  const PdfContent pdf = InspectPdf(Render(Tp00211Input()));
  BOOST_TEST(pdf.title == "Rapport de positionnement VAE – C-0042 – TP-00211");
  BOOST_TEST(Has(pdf.subject, "Technicien en usinage assisté par ordinateur"));
  BOOST_TEST(pdf.creator == "Passerelle 0.1.0");
}

BOOST_AUTO_TEST_CASE(SameInputSameBytes) {
  const GapReportInput in = Tp00211Input();
  testing::TempDir tmp;
  const std::string a = (tmp.path() / "a.pdf").string(), b = (tmp.path() / "b.pdf").string();
  BOOST_REQUIRE(WriteGapReport(in, a).ok());
  BOOST_REQUIRE(WriteGapReport(in, b).ok());
  BOOST_TEST((testing::ReadFile(a) == testing::ReadFile(b)));
  BOOST_TEST((testing::ReadFile(a) == Render(in)));
  // Private: it quotes a personal dossier.
  struct stat st;
  BOOST_REQUIRE(::stat(a.c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 0777) == 0600u);
  // Only the report is left in the folder.
  BOOST_TEST(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator()) == 2);
  // Another date, other bytes.
  GapReportInput later = in;
  later.date = "2025-02-01";
  BOOST_TEST((Render(later) != Render(in)));
}

BOOST_AUTO_TEST_CASE(UnwritablePathsFailWithNothingLeft) {
  const GapReportInput in = Tp00211Input();
  testing::TempDir tmp;
  const auto missing_dir = tmp.path() / "absent" / "rapport.pdf";
  Status s = WriteGapReport(in, missing_dir.string());
  BOOST_TEST((s.kind() == Status::Kind::kNotFound));
  BOOST_TEST(Has(s.message(), "n'existe pas"));
  BOOST_TEST(Has(s.message(), missing_dir.string()));
  testing::WriteFile(tmp.path() / "fichier", "x");
  s = WriteGapReport(in, (tmp.path() / "fichier" / "rapport.pdf").string());
  BOOST_TEST((s.kind() == Status::Kind::kInvalidArgument));
  BOOST_TEST(Has(s.message(), "n'est pas un dossier"));
  s = WriteGapReport(in, tmp.path().string());
  BOOST_TEST((s.kind() == Status::Kind::kInvalidArgument));
  BOOST_TEST(Has(s.message(), "c'est un dossier"));
  BOOST_TEST((WriteGapReport(in, "").kind() == Status::Kind::kInvalidArgument));
  // The system itself refuses (even to root).
  s = WriteGapReport(in, "/proc/rapport-passerelle.pdf");
  BOOST_TEST(!s.ok());
  BOOST_TEST(Has(s.message(), "rapport /proc/rapport-passerelle.pdf"));
  BOOST_TEST(!fs::exists("/proc/rapport-passerelle.pdf"));
  // Only the plain file made above.
  BOOST_TEST(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator()) == 1);
}

BOOST_AUTO_TEST_CASE(AFailedWriteKeepsThePreviousReport) {
  const GapReportInput in = Tp00211Input();
  MemoryFileSystem memory;
  BOOST_REQUIRE(memory.WriteFile("out/rapport.pdf", "ancien").ok());
  memory.FailWriteAfter(0);
  Status s = WriteGapReport(memory, in, "out/rapport.pdf");
  BOOST_TEST((s.kind() == Status::Kind::kIOError));
  BOOST_TEST(Has(s.message(), "rapport out/rapport.pdf : "));
  BOOST_TEST(memory.files().size() == 1u);
  BOOST_TEST(memory.files().at("out/rapport.pdf") == "ancien");
  memory.FailWriteAfter(-1);
  BOOST_REQUIRE(WriteGapReport(memory, in, "out/rapport.pdf").ok());
  BOOST_TEST(memory.files().size() == 1u);
  BOOST_TEST(memory.files().at("out/rapport.pdf").starts_with("%PDF-"));
}

BOOST_AUTO_TEST_CASE(MissingFontIsAClearErrorAndNoFile) {
  GapReportInput in = Tp00211Input();
  in.font_path = "/nonexistent/Police.ttf";
  testing::TempDir tmp;
  const auto out = tmp.path() / "rapport.pdf";
  Status s = WriteGapReport(in, out.string());
  BOOST_TEST((s.kind() == Status::Kind::kNotFound));
  BOOST_TEST(Has(s.message(), "police /nonexistent/Police.ttf introuvable"));
  BOOST_TEST(!fs::exists(out));
  // Not a TrueType file.
  testing::WriteFile(tmp.path() / "faux.ttf", "pas une police");
  in.font_path = (tmp.path() / "faux.ttf").string();
  s = WriteGapReport(in, out.string());
  BOOST_TEST((s.kind() == Status::Kind::kInvalidArgument));
  BOOST_TEST(Has(s.message(), "TrueType"));
  BOOST_TEST(!fs::exists(out));
  // Another TrueType font serves every face.
  in.font_path = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
  BOOST_TEST(WriteGapReport(in, out.string()).ok());
  BOOST_TEST(Has(InspectPdf(testing::ReadFile(out)).FlatText(), "Rapport de positionnement"));
}

BOOST_AUTO_TEST_CASE(BadInputIsRefusedAtTheEdge) {
  GapReportInput in = Tp00211Input();
  in.date = "15/01/2025";
  auto r = RenderGapReport(in);
  BOOST_TEST((r.status().kind() == Status::Kind::kInvalidArgument));
  BOOST_TEST(Has(r.status().message(), "AAAA-MM-JJ"));
  in = Tp00211Input();
  in.mapping.target = CertificationId("RNCP35697");
  r = RenderGapReport(in);
  BOOST_TEST((r.status().kind() == Status::Kind::kInvalidArgument));
  BOOST_TEST(Has(r.status().message(), "RNCP35697"));
  in = Tp00211Input();
  in.candidate.clear();
  in.mapping.candidate.clear();
  BOOST_TEST((RenderGapReport(in).status().kind() == Status::Kind::kInvalidArgument));
  // The mapping's candidate serves when the input names none.
  in.mapping.candidate = "C-0099";
  BOOST_TEST(Has(InspectPdf(Render(in)).pages[0].text, "C-0099"));
}

BOOST_AUTO_TEST_CASE(EmptyAndBloclessMappings) {
  // A fiche without blocs, and a competence with nothing at all.
  Certification cert = testing::SyntheticCertification(1, 3);
  MappingResult m = testing::SyntheticMapping(cert, 100);
  for (CompetenceMapping& c : m.competences) c.blocs.clear();
  m.blocs.clear();
  m.competences[2].title = "";
  const std::string text = InspectPdf(Render(testing::MakeInput(cert, m))).FlatText();
  BOOST_TEST(Has(text, "Compétences"));
  BOOST_TEST(Has(text, "C1 — "));
  MappingResult empty;
  empty.target = cert.id;
  empty.candidate = "C-0042";
  const std::string none = InspectPdf(Render(testing::MakeInput(cert, empty))).FlatText();
  BOOST_TEST(Has(none, "Le référentiel ne compte aucune compétence"));
}

BOOST_AUTO_TEST_CASE(UntitledBlocsAndEmptyPassages) {
  Certification cert = testing::SyntheticCertification(1, 2);
  MappingResult m = testing::SyntheticMapping(cert, 100);
  m.blocs[0].title.clear();
  m.competences[0].evidence[0].text = " \n ";
  const std::string text = InspectPdf(Render(testing::MakeInput(cert, m))).FlatText();
  // The implicit bloc takes the certification's title; no empty quote.
  BOOST_TEST(Has(text, "BC01 — Technicien supérieur en conduite"));
  BOOST_TEST(!Has(text, "« »"));
  BOOST_TEST(Has(text, "Passage le plus probant"));
}

BOOST_AUTO_TEST_CASE(ALongCandidateIdentifierStaysInItsPlace) {
  GapReportInput in = Tp00211Input();
  in.candidate =
      "dossier-de-marie-christine-de-la-tour-du-pin-chambly-2025-accompagnement-renforce";
  const PdfContent pdf = InspectPdf(Render(in));
  CheckGeometry(pdf);
  BOOST_TEST(Has(pdf.FlatText(), "…"));           // shortened in the footers
  BOOST_TEST(Has(pdf.pages[0].text, "chambly"));  // whole on the cover
}

BOOST_AUTO_TEST_CASE(AnRncpFicheWithoutCriteria) {
  // RNCP35697: 15 blocs, competences with a title only. A competence not
  // fully shown is asked for as a whole.
  const Certification cert = testing::LoadCanonical(testing::SourceDir(), "RNCP35697");
  const MappingResult m = testing::SyntheticMapping(cert, 400);
  const PdfContent pdf = InspectPdf(Render(testing::MakeInput(cert, m)));
  CheckGeometry(pdf);
  CheckNoStrandedTitles(pdf);
  const std::string text = pdf.FlatText();
  BOOST_TEST(Has(text, "Synthèse par bloc"));
  BOOST_TEST(Has(text, "BC01-C1 — "));
  // BC01-C2 is partial (statuses cycle), with nothing listed as missing.
  const CompetenceMapping& partial = m.competences[1];
  BOOST_REQUIRE((partial.status == CoverageStatus::kPartial));
  BOOST_TEST(partial.missing.empty());
  BOOST_TEST(
      Has(text, PhraseSituation(partial.title, RequirementKind::kSavoirFaire).substr(0, 40)));
}

namespace {

// The text of the first line of each page (below the top margin): what a
// reader sees first when turning the page.
std::vector<std::string> PageHeads(const PdfContent& pdf) {
  std::vector<std::string> heads;
  for (const testing::PdfPage& page : pdf.pages) {
    std::map<long, std::vector<const testing::PdfWord*>> lines;
    for (const auto& w : page.words) lines[std::lround(w.y)].push_back(&w);
    std::string head;
    if (!lines.empty()) {
      std::vector<const testing::PdfWord*> first = lines.begin()->second;
      std::sort(first.begin(), first.end(), [](auto* a, auto* b) { return a->x < b->x; });
      for (const testing::PdfWord* w : first) head += (head.empty() ? "" : " ") + w->text;
    }
    heads.push_back(head);
  }
  return heads;
}

}  // namespace

BOOST_AUTO_TEST_CASE(NoClosingLineAloneAtAPageHead) {
  // Quotes of every length move the page breaks through the evidence.
  for (size_t quote = 200; quote <= 2000; quote += 150) {
    Certification cert = testing::SyntheticCertification(3, 3);
    MappingResult m = testing::SyntheticMapping(cert, quote);
    const PdfContent pdf = InspectPdf(Render(testing::MakeInput(cert, m)));
    const std::vector<std::string> heads = PageHeads(pdf);
    for (size_t p = 1; p < heads.size(); ++p)
      for (const char* label : {"Autres passages", "Termes reconnus"})
        BOOST_TEST(!heads[p].starts_with(label),
                   "quote " << quote << ", page " << p + 1 << " starts with « " << heads[p] << " »");
  }
}

BOOST_AUTO_TEST_CASE(TheNoticeNeverFillsALastPageAlone) {
  for (int blocs = 1; blocs <= 8; ++blocs) {
    for (size_t quote : {150u, 700u}) {
      Certification cert = testing::SyntheticCertification(blocs, 2);
      MappingResult m = testing::SyntheticMapping(cert, quote);
      const PdfContent pdf = InspectPdf(Render(testing::MakeInput(cert, m)));
      const std::string last = testing::Flatten(pdf.pages.back().text);
      if (!Has(last, "La décision appartient au jury")) continue;  // left out: it is on the cover
      const size_t notice = last.find("Ce rapport est une aide");
      BOOST_TEST(notice > 0u, blocs << " blocs, quote " << quote << ": " << last);
    }
  }
}

BOOST_AUTO_TEST_CASE(AMissingItemIsAskedForOnce) {
  // A fiche without criteria lists the competence's title as what is
  // missing: it was phrased twice, once as the competence, once as its item.
  const Certification cert = testing::LoadCanonical(testing::SourceDir(), "RNCP35697");
  MappingResult m = testing::SyntheticMapping(cert, 400);
  CompetenceMapping& c = m.competences[0];
  c.status = CoverageStatus::kMissing;
  c.evidence.clear();
  c.missing = {c.title, c.title + "."};
  testing::FillCounts(m, cert);
  const std::string text = InspectPdf(Render(testing::MakeInput(cert, m))).FlatText();
  const std::string situation =
      testing::Flatten(PhraseSituation(c.title, RequirementKind::kSavoirFaire));
  BOOST_TEST(Count(text, situation.substr(0, 60)) == 1u, situation);
}

BOOST_AUTO_TEST_CASE(ProfessionalCoverageBesideTheOverallOne) {
  // RNCP35697 (bac pro): 3 professional blocs, 9 of general education and
  // 3 optional ones.
  const Certification cert = testing::LoadCanonical(testing::SourceDir(), "RNCP35697");
  MappingResult m = testing::SyntheticMapping(cert, 300);
  const PdfContent pdf = InspectPdf(Render(testing::MakeInput(cert, m)));
  const std::string cover = testing::Flatten(pdf.pages[0].text);
  BOOST_TEST(Has(cover, "couverture des blocs professionnels"), cover);
  BOOST_TEST(Has(cover, "Ensemble de la certification, enseignement général et blocs facultatifs "
                        "compris"),
             cover);
  // The title names BAC PRO: not repeated after it.
  BOOST_TEST(!Has(cover, "(BAC PRO)"), cover);
  const std::string text = pdf.FlatText();
  BOOST_TEST(Has(text, "Blocs professionnels"));
  BOOST_TEST(Has(text, "Mobilité (facultatif)"), text);
  BOOST_TEST(Has(text, "Mathématiques (enseignement général)"), text);
  // RNCP420 has no optional bloc: the label says only what it includes.
  const Certification old = testing::LoadCanonical(testing::SourceDir(), "RNCP420");
  const std::string old_cover = testing::Flatten(
      InspectPdf(Render(testing::MakeInput(old, testing::SyntheticMapping(old, 300))))
          .pages[0]
          .text);
  BOOST_TEST(Has(old_cover, "Ensemble de la certification, enseignement général compris"),
             old_cover);
  // A titre professionnel has only professional blocs: one figure.
  const std::string tp = InspectPdf(Render(Tp00211Input())).FlatText();
  BOOST_TEST(!Has(tp, "blocs professionnels"));
}

BOOST_AUTO_TEST_CASE(ACertificationThatDoesNotFitStopsAfterTheSummary) {
  // The sample dossier is a turner's: nothing of it in a bac pro's
  // general-education blocs, nor anywhere else in a synthetic referentiel.
  Certification cert = testing::SyntheticCertification(6, 4);
  MappingResult m = testing::SyntheticMapping(cert, 300);
  for (CompetenceMapping& c : m.competences) {
    c.status = CoverageStatus::kMissing;
    c.evidence.clear();
  }
  m.competences[0].status = CoverageStatus::kPartial;  // 1 partial of 24: 2 %
  testing::FillCounts(m, cert);
  GapReportInput in = testing::MakeInput(cert, m);
  const PdfContent pdf = InspectPdf(Render(in));
  const std::string text = pdf.FlatText();
  BOOST_TEST(Has(text, "Cette certification ne correspond pas à l’expérience décrite"), text);
  BOOST_TEST(Has(text, "passerelle suggest --candidate " + in.candidate), text);
  BOOST_TEST(!Has(text, "Détail par compétence"));
  BOOST_TEST(!Has(text, "Décrivez une situation"));
  BOOST_TEST(pdf.pages.size() <= 3u);
  // Above the floor, the details are there.
  GapReportOptions no_floor;
  no_floor.fit_floor = 0;
  BOOST_TEST(Has(InspectPdf(Render(in, no_floor)).FlatText(), "Détail par compétence"));
}
