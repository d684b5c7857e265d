#include "importers/pdf_text.h"

#include <boost/test/unit_test.hpp>

#include "engine/text.h"
#include "test_support.h"

using namespace passerelle;
using passerelle::testing::MakePdf;

BOOST_AUTO_TEST_CASE(text_of_each_page_with_french_characters) {
  const std::string pdf = MakePdf({"Première page : contrôle « mors doux » – œuvre", "Page deux"});
  BOOST_REQUIRE(LooksLikePdf(pdf));
  auto pages = ExtractPdfPages(pdf, "test.pdf");
  BOOST_REQUIRE(pages.ok());
  BOOST_REQUIRE(pages->size() == 2u);
  BOOST_TEST((*pages)[0].find("Première page : contrôle « mors doux » – œuvre") !=
             std::string::npos);
  BOOST_TEST((*pages)[1].find("Page deux") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(truncated_pdf_is_refused_naming_the_file) {
  const std::string pdf = MakePdf({"Un texte assez long pour le test"});
  auto r = ExtractPdfPages(pdf.substr(0, pdf.size() / 2), "coupé.pdf");
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.status().message().find("coupé.pdf") != std::string::npos);
  BOOST_TEST(r.status().message().find("tronqué") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(garbage_after_pdf_magic_is_refused) {
  auto r = ExtractPdfPages("%PDF-1.4\nn'importe quoi\n%%EOF\n", "faux.pdf");
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.status().message().find("faux.pdf") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(password_protected_pdf_is_refused) {
  const std::string pdf = MakePdf({"Secret"}, "motdepasse");
  auto r = ExtractPdfPages(pdf, "protégé.pdf");
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.status().message().find("mot de passe") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(scanned_pdf_without_text_says_ocr_is_not_supported) {
  auto r = ExtractPdfPages(passerelle::testing::MakePdfWithoutText(), "scan.pdf");
  BOOST_TEST(!r.ok());
  BOOST_TEST((r.status().kind() == Status::Kind::kUnsupported));
  BOOST_TEST(r.status().message().find("reconnaissance de caractères") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(pdf_header_must_start_the_file_or_follow_a_little_garbage) {
  const std::string pdf = MakePdf({"Je règle les tours."});
  BOOST_TEST(LooksLikePdf(pdf));
  // What real readers tolerate before the header: a BOM, blank lines sent by
  // a web script, a binary wrapper, up to 1024 bytes.
  BOOST_TEST(LooksLikePdf("\xEF\xBB\xBF" + pdf));
  BOOST_TEST(LooksLikePdf("\r\n  \n" + pdf));
  BOOST_TEST(LooksLikePdf(std::string(1000, '\x01') + pdf));
  BOOST_TEST(!LooksLikePdf(std::string(1100, '\x01') + pdf));
  // A file that starts with the header is a PDF even when damaged, so that
  // the message says "PDF tronqué" rather than something about text.
  BOOST_TEST(LooksLikePdf(pdf.substr(0, 100)));
  BOOST_TEST(LooksLikePdf("%PDF-"));
  BOOST_TEST(!LooksLikePdf(""));
  BOOST_TEST(!LooksLikePdf("%PDF"));
  BOOST_TEST(!LooksLikePdf("%PD"));
}

BOOST_AUTO_TEST_CASE(text_that_mentions_the_pdf_header_is_not_a_pdf) {
  // A dossier written in plain text may quote the header in its first KB.
  BOOST_TEST(
      !LooksLikePdf("Mon dossier\n\nJ'ai vérifié que l'export commence par %PDF-1.7 "
                    "avant de l'envoyer au client.\n"));
  BOOST_TEST(!LooksLikePdf("Note technique\n%PDF-1.4\nfin de la note\n"));
  BOOST_TEST(!LooksLikePdf(" %PDF-"));
}

BOOST_AUTO_TEST_CASE(hyphen_at_a_line_end_is_kept_when_lines_are_joined) {
  // poppler drops a hyphen that ends a line and glues the two halves
  // ("porteoutils"); the compound keeps its hyphen, and a hyphen before an
  // upper-case word or a space stays a dash.
  const std::string pdf = MakePdf(
      {"Installer les outils dans les porte-\noutils du tour.\nRégler les machines-\noutils "
       "à commande numérique.\nLe contrôle -\nvisuel reste à faire."});
  auto pages = ExtractPdfPages(pdf, "tirets.pdf");
  BOOST_REQUIRE(pages.ok());
  const std::string text = CollapseSpaces((*pages)[0]);
  BOOST_TEST(text.find("porteoutils") == std::string::npos, text);
  BOOST_TEST(text.find("machinesoutils") == std::string::npos, text);
  BOOST_TEST(text.find("porte-outils") != std::string::npos, text);
  BOOST_TEST(text.find("machines-outils") != std::string::npos, text);
  BOOST_TEST(text.find("contrôle -") != std::string::npos, text);
}
