#include "importers/pdf_text.h"

#include <boost/test/unit_test.hpp>

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
