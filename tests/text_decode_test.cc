#include "importers/text_decode.h"

#include <boost/test/unit_test.hpp>

#include "importers/html_remnants.h"

using namespace passerelle;

BOOST_AUTO_TEST_CASE(utf8_with_and_without_bom) {
  BOOST_TEST(*DecodeText("Contrôle qualité", "a.txt") == "Contrôle qualité");
  BOOST_TEST(*DecodeText("\xEF\xBB\xBF" "Contrôle", "a.txt") == "Contrôle");
}

BOOST_AUTO_TEST_CASE(utf16_with_bom) {
  const char le_bytes[] = {'\xFF', '\xFE', 'C', 0, '\xF4', 0, 'l', 0};
  const std::string le(le_bytes, sizeof(le_bytes));
  BOOST_TEST(*DecodeText(le, "a.txt") == "Côl");
  const char be_bytes[] = {'\xFE', '\xFF', 0, 'C', 0, '\xF4', 0, 'l'};
  const std::string be(be_bytes, sizeof(be_bytes));
  BOOST_TEST(*DecodeText(be, "a.txt") == "Côl");
}

BOOST_AUTO_TEST_CASE(windows_1252_is_detected_and_converted) {
  // "Contrôler la pièce – l’usinage « mors doux »" in Windows-1252.
  const std::string cp1252 =
      "Contr\xF4ler la pi\xE8" "ce \x96 l\x92usinage \xAB mors doux \xBB. "
      "R\xE9gler les d\xE9" "calages d'outils et v\xE9rifier la premi\xE8re pi\xE8" "ce.";
  auto text = DecodeText(cp1252, "a.txt");
  BOOST_REQUIRE(text.ok());
  BOOST_TEST(*text ==
             "Contrôler la pièce – l’usinage « mors doux ». Régler les décalages d'outils et "
             "vérifier la première pièce.");
}

BOOST_AUTO_TEST_CASE(iso_8859_1_is_converted) {
  const std::string latin1 = "El\xE8ve \xE0 l'\xE9" "cole, d\xE9j\xE0 form\xE9 au tournage.";
  BOOST_TEST(*DecodeText(latin1, "a.txt") == "Elève à l'école, déjà formé au tournage.");
}

BOOST_AUTO_TEST_CASE(empty_and_binary_files_are_refused_naming_the_file) {
  auto empty = DecodeText("  \n\n", "vide.txt");
  BOOST_TEST(!empty.ok());
  BOOST_TEST(empty.status().message().find("vide.txt") != std::string::npos);
  BOOST_TEST(empty.status().message().find("vide") != std::string::npos);
  std::string garbage;
  for (int i = 0; i < 2000; ++i) garbage.push_back(static_cast<char>((i * 7919) % 256));
  auto bin = DecodeText(garbage, "image.bin");
  BOOST_TEST(!bin.ok());
  BOOST_TEST(bin.status().message().find("binaire") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(cleaning_handles_glyphs_spaces_and_line_ends) {
  // U+F0B7 (private-use bullet), NBSP, narrow NBSP, CRLF, soft hyphen.
  const std::string in = "\xEF\x82\xB7 r\xC3\xA9glage\xC2\xA0:\xE2\x80\xAF" "ok\r\nfin\xC2\xAD";
  BOOST_TEST(CleanExtractedText(in) == "\u2022 réglage : ok\nfin");
  // Decomposed "é" becomes composed.
  BOOST_TEST(CleanExtractedText("e\xCC\x81") == "\xC3\xA9");
}

BOOST_AUTO_TEST_CASE(html_remnants_become_text) {
  std::string s = StripHtmlRemnants("<p>A &amp; B</p><ul style=\"x\"><li>un</li></ul>");
  BOOST_TEST(s.find('<') == std::string::npos);
  BOOST_TEST(s.find("A & B") != std::string::npos);
  BOOST_TEST(s.find("- un") != std::string::npos);
  BOOST_TEST(StripHtmlRemnants("a < b et c > d") == "a < b et c > d");
}
