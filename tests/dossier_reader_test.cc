#include "importers/dossier_reader.h"

#include <unicode/unistr.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <nlohmann/json.hpp>

#include "engine/text.h"
#include "importers/zip_archive.h"
#include "test_support.h"

using namespace passerelle;
using passerelle::testing::MakePdf;
using passerelle::testing::SharedDir;

namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

Dossier Read(const std::string& bytes, const std::string& name) {
  Result<Dossier> dossier = ReadDossierBytes(bytes, name);
  BOOST_REQUIRE_MESSAGE(dossier.ok(), dossier.status().message());
  return *dossier;
}

Status Failure(const std::string& bytes, const std::string& name) {
  Result<Dossier> dossier = ReadDossierBytes(bytes, name);
  BOOST_REQUIRE(!dossier.ok());
  BOOST_TEST(Contains(dossier.status().message(), name));
  return dossier.status();
}

std::string Zip(std::vector<ZipEntry> entries) {
  Result<std::string> zip = WriteZip(entries);
  BOOST_REQUIRE(zip.ok());
  return *zip;
}

const char kContentTypes[] =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/)"
    R"(vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";

// A custom style id whose name makes it a heading.
const char kStyles[] =
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:style w:type="paragraph" w:styleId="MonTitre"><w:name w:val="heading 2"/></w:style>)"
    R"(</w:styles>)";

std::string DocumentXml(const std::string& body) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
         R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">)"
         "<w:body>" +
         body + "<w:sectPr/></w:body></w:document>";
}

std::string Docx(const std::string& body) {
  return Zip({{"[Content_Types].xml", kContentTypes},
              {"word/styles.xml", kStyles},
              {"word/document.xml", DocumentXml(body)}});
}

std::string P(const std::string& runs, const std::string& style = "") {
  const std::string ppr = style.empty() ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>";
  return "<w:p>" + ppr + runs + "</w:p>";
}

std::string R(const std::string& text) {
  return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

std::string Odt(const std::string& automatic_styles, const std::string& text) {
  const std::string content =
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
      R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
      R"(xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" )"
      R"(xmlns:dc="http://purl.org/dc/elements/1.1/">)"
      "<office:automatic-styles>" +
      automatic_styles +
      "</office:automatic-styles>"
      "<office:body><office:text>" +
      text +
      "</office:text></office:body>"
      "</office:document-content>";
  return Zip(
      {{"mimetype", "application/vnd.oasis.opendocument.text", 0}, {"content.xml", content}});
}

std::string Utf16(const std::string& utf8, bool little_endian, bool bom) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::string out = bom ? (little_endian ? "\xFF\xFE" : "\xFE\xFF") : "";
  for (int32_t i = 0; i < u.length(); ++i) {
    const char16_t c = u.charAt(i);
    const char hi = static_cast<char>(c >> 8), lo = static_cast<char>(c & 0xFF);
    out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}

// The blank-line separated blocks of a text file, lines joined by a space.
std::vector<std::string> Blocks(const std::string& text) {
  std::vector<std::string> blocks;
  std::string current;
  for (const std::string& line : SplitLines(text + "\n")) {
    if (Trim(line).empty()) {
      if (!current.empty()) blocks.push_back(current);
      current.clear();
    } else {
      current += (current.empty() ? "" : " ") + Trim(line);
    }
  }
  return blocks;
}

}  // namespace

BOOST_AUTO_TEST_CASE(dev_dossiers_number_paragraphs_as_the_gold_file) {
  const auto gold =
      nlohmann::json::parse(testing::ReadFile(SharedDir() / "dossiers" / "gold_tuao_dev.json"));
  const std::map<std::string, size_t> expected = {
      {"v1_decolleteur", 7}, {"v2_fraiseur_moules", 5}, {"v3_cuisinier", 4}};
  for (const auto& [name, count] : expected) {
    const auto path = SharedDir() / "dossiers" / (name + ".txt");
    Result<Dossier> dossier = ReadDossierFile(path.string());
    BOOST_REQUIRE_MESSAGE(dossier.ok(), dossier.status().message());
    BOOST_TEST(dossier->format == "text");
    BOOST_TEST(gold["dossiers"][name]["paragraphs"].size() == count);
    const auto blocks = Blocks(testing::ReadFile(path));
    BOOST_REQUIRE(dossier->passages.size() == count);
    for (size_t k = 0; k < count; ++k) {
      const Passage& p = dossier->passages[k];
      BOOST_TEST(p.paragraph == k + 1);
      BOOST_TEST(p.text == blocks[k]);  // paragraph k of the file, verbatim
      BOOST_TEST(p.page == 0u);
      BOOST_TEST(p.sentence_part == 0u);
      BOOST_TEST(p.heading.empty());
    }
    BOOST_TEST(dossier->words > 50u);
  }
  Result<Dossier> v1 = ReadDossierFile((SharedDir() / "dossiers" / "v1_decolleteur.txt").string());
  BOOST_TEST(StartsWith(v1->passages[6].text, "Je n'ai pas d'expérience"));
}

BOOST_AUTO_TEST_CASE(plain_text_heading_consumes_its_number_and_yields_no_passage) {
  const Dossier d = Read(
      "Expérience 2 : régleur chez X (2015-2020)\n\n"
      "Je règle les tours et je contrôle\nles premières pièces.\n\n"
      "Je prépare les commandes\n\n"  // a sentence missing its period stays a passage
      "Mes outils\n\n"
      "Fanuc, Mazak.\n\n"
      "* * *\n\n"
      "Fin du parcours",  // the last block is never a heading
      "parcours.txt");
  BOOST_REQUIRE(d.passages.size() == 4u);
  BOOST_TEST(d.passages[0].paragraph == 2u);
  BOOST_TEST(d.passages[0].heading == "Expérience 2 : régleur chez X (2015-2020)");
  BOOST_TEST(d.passages[0].text == "Je règle les tours et je contrôle les premières pièces.");
  BOOST_TEST(d.passages[1].paragraph == 3u);
  BOOST_TEST(d.passages[1].text == "Je prépare les commandes");
  BOOST_TEST(d.passages[2].paragraph == 5u);
  BOOST_TEST(d.passages[2].heading == "Mes outils");
  BOOST_TEST(d.passages[3].paragraph == 7u);  // "* * *" kept number 6
  BOOST_TEST(d.passages[3].text == "Fin du parcours");
}

BOOST_AUTO_TEST_CASE(words_are_tokens_with_a_letter_or_digit_headings_included) {
  const Dossier d = Read("Mon parcours\n\nJe règle l’outil n° 3 – vite.\n", "mots.txt");
  BOOST_TEST(d.words == 8u);  // "–" is not a word
}

BOOST_AUTO_TEST_CASE(markdown_headings_by_extension) {
  const std::string md =
      "# Parcours\n\n"
      "Je suis fraiseur depuis 2015.\n\n"
      "## Expérience 1 : moules ##\n"
      "J'usine des **empreintes**.\n\n"
      "Titre souligné\n"
      "==============\n\n"
      "Texte sous le titre.\n";
  const Dossier d = Read(md, "dossier.md");
  BOOST_TEST(d.format == "markdown");
  BOOST_REQUIRE(d.passages.size() == 3u);
  BOOST_TEST(d.passages[0].paragraph == 2u);
  BOOST_TEST(d.passages[0].heading == "Parcours");
  BOOST_TEST(d.passages[1].paragraph == 3u);
  BOOST_TEST(d.passages[1].heading == "Expérience 1 : moules");
  BOOST_TEST(d.passages[1].text == "J'usine des **empreintes**.");
  BOOST_TEST(d.passages[2].paragraph == 5u);
  BOOST_TEST(d.passages[2].heading == "Titre souligné");
  // The same bytes named .txt: "#" lines are text, not Markdown headings.
  const Dossier t = Read(md, "dossier.txt");
  BOOST_TEST(t.format == "text");
  BOOST_TEST(t.passages[1].text == "## Expérience 1 : moules ## J'usine des **empreintes**.");
}

BOOST_AUTO_TEST_CASE(windows_1252_text_is_decoded) {
  const std::string cp1252 =
      "Je r\xE8gle les machines \xAB Tornos \xBB et je contr\xF4le l\x92usure des outils "
      "\xE0 la fr\xE9quence pr\xE9vue.\r\n\r\n"
      "Deuxi\xE8me paragraphe : je r\xE9"
      "dige le proc\xE8s-verbal de premi\xE8re pi\xE8"
      "ce.\r\n";
  const Dossier d = Read(cp1252, "ancien.txt");
  BOOST_REQUIRE(d.passages.size() == 2u);
  BOOST_TEST(d.passages[0].text ==
             "Je règle les machines « Tornos » et je contrôle l’usure des outils à la fréquence "
             "prévue.");
  BOOST_TEST(d.passages[1].paragraph == 2u);
  BOOST_TEST(d.passages[1].text ==
             "Deuxième paragraphe : je rédige le procès-verbal de première pièce.");
}

BOOST_AUTO_TEST_CASE(utf16_text_with_and_without_bom) {
  const std::string text = "Je contrôle l’usure « des outils ».\n\nJ'ai formé deux apprentis.";
  for (bool little : {true, false}) {
    for (bool bom : {true, false}) {
      const Dossier d = Read(Utf16(text, little, bom), "windows.txt");
      BOOST_REQUIRE(d.passages.size() == 2u);
      BOOST_TEST(d.passages[0].text == "Je contrôle l’usure « des outils ».");
      BOOST_TEST(d.passages[1].text == "J'ai formé deux apprentis.");
    }
  }
}

BOOST_AUTO_TEST_CASE(docx_paragraphs_headings_table_tab_and_typography) {
  const std::string body =
      P(R("Expérience 1 : régleur chez Dupont"), "Titre1") +
      "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>" +
      R("Je règle les tours ") + "<w:r><w:rPr><w:b/></w:rPr><w:t>Tornos</w:t></w:r>" +
      R(" et je contrôle l’usure des «\u00A0mors doux\u00A0».") + "</w:p>" + "<w:p/>" +
      P(R("Outils") + "<w:r><w:tab/><w:t>Fanuc</w:t><w:br/><w:t>Mazak</w:t></w:r>") +
      P(R("Tâches"), "MonTitre") + "<w:tbl><w:tr><w:tc>" + P(R("Cellule un")) + "</w:tc><w:tc>" +
      P(R("Cellule deux")) + "</w:tc></w:tr></w:tbl>" +
      P(R("J’ai ") + "<w:del><w:r><w:delText>supprimé </w:delText></w:r></w:del>" +
        R("formé deux apprentis.")) +
      P(R("Sommaire\t3"), "TM1") + "<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>" +
      R("Conclusion") + "</w:p>" + P(R("Je souhaite valider le titre."));
  const Dossier d = Read(Docx(body), "dossier.docx");
  BOOST_TEST(d.format == "docx");
  BOOST_REQUIRE(d.passages.size() == 6u);
  BOOST_TEST(d.passages[0].paragraph == 2u);
  BOOST_TEST(d.passages[0].heading == "Expérience 1 : régleur chez Dupont");
  BOOST_TEST(d.passages[0].text ==
             "Je règle les tours Tornos et je contrôle l’usure des « mors doux ».");
  BOOST_TEST(d.passages[1].paragraph == 3u);  // the empty w:p has no number
  BOOST_TEST(d.passages[1].text == "Outils\tFanuc\nMazak");
  BOOST_TEST(d.passages[2].paragraph == 5u);
  BOOST_TEST(d.passages[2].heading == "Tâches");
  BOOST_TEST(d.passages[2].text == "Cellule un");
  BOOST_TEST(d.passages[3].text == "Cellule deux");
  BOOST_TEST(d.passages[4].paragraph == 7u);
  BOOST_TEST(d.passages[4].text == "J’ai formé deux apprentis.");
  BOOST_TEST(d.passages[5].paragraph == 9u);  // table of contents skipped, outline level heads
  BOOST_TEST(d.passages[5].heading == "Conclusion");
  BOOST_TEST(d.passages[5].page == 0u);
}

BOOST_AUTO_TEST_CASE(docx_text_box_is_read_once_after_its_paragraph) {
  const std::string box = "<w:txbxContent>" + P(R("Encadré : sécurité")) + "</w:txbxContent>";
  const std::string body =
      "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>" + box +
      "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>" + box +
      "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>" + R("Je porte les EPI.") +
      "</w:p>";
  const Dossier d = Read(Docx(body), "encadré.docx");
  BOOST_REQUIRE(d.passages.size() == 2u);
  BOOST_TEST(d.passages[0].text == "Je porte les EPI.");
  BOOST_TEST(d.passages[1].text == "Encadré : sécurité");
  BOOST_TEST(d.passages[1].paragraph == 2u);
}

BOOST_AUTO_TEST_CASE(odt_headings_spans_spaces_lists_and_notes) {
  const std::string styles =
      R"(<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>)";
  const std::string text =
      R"(<text:p text:style-name="P1">Dossier de validation</text:p>)"
      R"(<text:h text:outline-level="1">Expérience 1 : cuisinier</text:h>)"
      "<text:p text:style-name=\"Standard\">Je prépare la <text:span text:style-name=\"T1\">"
      "mise en place</text:span>   avant\n  le service.<text:s text:c=\"2\"/>Puis je "
      "dresse.</text:p>"
      "<text:p/>"
      "<text:list><text:list-item><text:p>Contrôle des températures</text:p></text:list-item>"
      "<text:list-item><text:p>Traçabilité<text:tab/>HACCP<text:line-break/>fiches</text:p>"
      "</text:list-item></text:list>"
      "<text:p>Mon chef<office:annotation><dc:creator>Conseillère</dc:creator>"
      "<text:p>à développer</text:p></office:annotation> m’a confié «\u00A0la "
      "carte\u00A0».</text:p>";
  const Dossier d = Read(Odt(styles, text), "dossier.odt");
  BOOST_TEST(d.format == "odt");
  BOOST_REQUIRE(d.passages.size() == 4u);
  BOOST_TEST(d.passages[0].paragraph == 3u);
  BOOST_TEST(d.passages[0].heading == "Expérience 1 : cuisinier");
  BOOST_TEST(d.passages[0].text ==
             "Je prépare la mise en place avant le service.  Puis je dresse.");
  BOOST_TEST(d.passages[1].paragraph == 4u);
  BOOST_TEST(d.passages[1].text == "Contrôle des températures");
  BOOST_TEST(d.passages[2].text == "Traçabilité\tHACCP\nfiches");
  BOOST_TEST(d.passages[3].paragraph == 6u);
  BOOST_TEST(d.passages[3].text == "Mon chef m’a confié « la carte ».");
}

BOOST_AUTO_TEST_CASE(long_paragraph_is_split_on_sentences_verbatim) {
  std::string paragraph;
  for (int i = 1; i <= 40; ++i)
    paragraph += (i > 1 ? " " : "") + std::string("Avec M. Durand, je règle la machine n° ") +
                 std::to_string(i) + " puis je contrôle les cotes au micromètre.";
  BOOST_REQUIRE(Utf8Length(paragraph) > kSplitParagraphAbove);
  const Dossier d = Read("Introduction courte.\n\n" + paragraph + "\n", "long.txt");
  BOOST_REQUIRE(d.passages.size() >= 4u);
  std::string joined;
  for (size_t i = 1; i < d.passages.size(); ++i) {
    const Passage& p = d.passages[i];
    BOOST_TEST(p.paragraph == 2u);
    BOOST_TEST(p.sentence_part == i);
    BOOST_TEST(Utf8Length(p.text) <= kMaxPartChars);
    BOOST_TEST(EndsWith(p.text, "micromètre."));  // whole sentences, "M." not a cut
    joined += (i > 1 ? " " : "") + p.text;
  }
  BOOST_TEST(joined == paragraph);
  BOOST_TEST(d.passages[0].sentence_part == 0u);
}

BOOST_AUTO_TEST_CASE(paragraph_without_sentence_ends_is_cut_at_spaces) {
  std::string paragraph;
  for (int i = 0; Utf8Length(paragraph) < 2500; ++i)
    paragraph += (i > 0 ? " " : "") + std::string("réglage") + std::to_string(i);
  const Dossier d = Read(paragraph, "sans-point.txt");
  BOOST_REQUIRE(d.passages.size() == 3u);
  std::string joined;
  for (const Passage& p : d.passages) {
    BOOST_TEST(Utf8Length(p.text) <= kMaxPartChars);
    joined += (joined.empty() ? "" : " ") + p.text;
  }
  BOOST_TEST(joined == paragraph);
}

BOOST_AUTO_TEST_CASE(deeply_nested_docx_does_not_exhaust_the_stack) {
  std::string open, close;
  for (int i = 0; i < 200000; ++i) {
    open += "<w:sdt><w:sdtContent>";
    close += "</w:sdtContent></w:sdt>";
  }
  const Dossier d = Read(Docx(open + P(R("Je règle les tours.")) + close), "profond.docx");
  BOOST_REQUIRE(d.passages.size() == 1u);
  BOOST_TEST(d.passages[0].text == "Je règle les tours.");
}

BOOST_AUTO_TEST_CASE(pdf_paragraphs_keep_their_pages) {
  const std::string pdf =
      MakePdf({"Expérience 1 : tourneur\n\n"
               "Je règle les tours à commande numérique et j'installe les outils dans les porte-\n"
               "outils avant de lancer la série. Je contrôle les premières pièces.\n\n"
               "Je forme les nouveaux opérateurs au poste et je leur montre les contrôles et",
               "les gestes de sécurité à respecter.\n\n"
               "Je n'ai jamais programmé en FAO."});
  const Dossier d = Read(pdf, "dossier.pdf");
  BOOST_TEST(d.format == "pdf");
  BOOST_REQUIRE(d.passages.size() == 3u);
  BOOST_TEST(d.passages[0].paragraph == 2u);
  BOOST_TEST(d.passages[0].page == 1u);
  BOOST_TEST(d.passages[0].heading == "Expérience 1 : tourneur");
  BOOST_TEST(d.passages[0].text ==
             "Je règle les tours à commande numérique et j'installe les outils dans les "
             "porte-outils avant de lancer la série. Je contrôle les premières pièces.");
  // Cut by the page break: joined, on the page where it starts.
  BOOST_TEST(d.passages[1].page == 1u);
  BOOST_TEST(d.passages[1].text ==
             "Je forme les nouveaux opérateurs au poste et je leur montre les contrôles et "
             "les gestes de sécurité à respecter.");
  BOOST_TEST(d.passages[2].paragraph == 4u);
  BOOST_TEST(d.passages[2].page == 2u);
  BOOST_TEST(d.passages[2].text == "Je n'ai jamais programmé en FAO.");
}

BOOST_AUTO_TEST_CASE(pdf_running_headers_and_page_numbers_are_dropped) {
  const std::vector<std::string> situations = {"Je règle les tours.", "Je contrôle les pièces.",
                                               "Je forme les apprentis au poste."};
  std::vector<std::string> pages;
  for (int k = 1; k <= 3; ++k)
    pages.push_back("Dossier de validation VAE - Jean Martin\n\n" + situations[k - 1] +
                    "\n\n\n\nPage " + std::to_string(k) + " sur 3");
  const Dossier d = Read(MakePdf(pages), "entêtes.pdf");
  BOOST_REQUIRE(d.passages.size() == 3u);
  for (size_t k = 0; k < 3; ++k) {
    BOOST_TEST(d.passages[k].page == k + 1);
    BOOST_TEST(d.passages[k].paragraph == k + 1);
    BOOST_TEST(d.passages[k].heading.empty());
    BOOST_TEST(d.passages[k].text == situations[k]);
  }
}

BOOST_AUTO_TEST_CASE(empty_dossiers_are_refused) {
  for (const std::string& bytes : {std::string(), std::string("  \n\n \t\n")})
    BOOST_TEST(Contains(Failure(bytes, "vide.txt").message(), "vide"));
  BOOST_TEST(Contains(Failure(Utf16("   \n\n", true, true), "blanc.txt").message(), "vide"));
  BOOST_TEST(
      Contains(Failure(Docx("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>"), "rien.docx").message(),
               "aucun texte"));
  BOOST_TEST(
      Contains(Failure("# Titre\n\n## Autre titre\n", "titres.md").message(), "que des titres"));
}

BOOST_AUTO_TEST_CASE(truncated_docx_is_a_corrupt_zip) {
  const std::string docx = Docx(P(R("Je règle les tours.")));
  const Status s = Failure(docx.substr(0, docx.size() / 2), "coupé.docx");
  BOOST_TEST((s.kind() == Status::Kind::kInvalidArgument));
  BOOST_TEST(Contains(s.message(), "archive zip"));
}

BOOST_AUTO_TEST_CASE(zip_bomb_is_refused_quickly) {
  // 210 MB of spaces deflate to about 200 KB (building takes about 1 s of CPU).
  std::vector<ZipEntry> entries = {{"[Content_Types].xml", kContentTypes}};
  entries.push_back({"word/document.xml", std::string(210u << 20, ' '), 9});
  const std::string bomb = Zip(std::move(entries));
  BOOST_TEST(bomb.size() < (1u << 20));
  const auto start = std::chrono::steady_clock::now();
  const Status s = Failure(bomb, "bombe.docx");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  BOOST_TEST(Contains(s.message(), "dépasse 200 Mo une fois décompressée"));
  BOOST_TEST(Contains(s.message(), "word/document.xml"));
  // Refused on the declared size, before inflating anything.
  BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() < 500);
}

BOOST_AUTO_TEST_CASE(docx_without_document_xml_is_incomplete) {
  const std::string zip =
      Zip({{"[Content_Types].xml", kContentTypes}, {"word/styles.xml", kStyles}});
  const Status s = Failure(zip, "incomplet.docx");
  BOOST_TEST((s.kind() == Status::Kind::kInvalidArgument));
  BOOST_TEST(Contains(s.message(), "word/document.xml"));
  BOOST_TEST(Contains(s.message(), "absente"));
}

BOOST_AUTO_TEST_CASE(malformed_document_xml_gives_the_position) {
  const std::string zip = Zip({{"[Content_Types].xml", kContentTypes},
                               {"word/document.xml", "<w:document><w:body><w:p></w:body>"}});
  const Status s = Failure(zip, "cassé.docx");
  BOOST_TEST((s.kind() == Status::Kind::kInvalidArgument));
  BOOST_TEST(Contains(s.message(), "word/document.xml n'est pas un XML valide"));
  BOOST_TEST(Contains(s.message(), "octet"));
}

BOOST_AUTO_TEST_CASE(other_zips_and_binaries_are_unsupported_listing_formats) {
  const std::string xlsx =
      Zip({{"[Content_Types].xml",
            R"(<Types><Override PartName="/xl/workbook.xml" ContentType="application/)"
            R"(vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>)"},
           {"xl/workbook.xml", "<workbook/>"}});
  const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10", 20);
  const std::string doc("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10);
  const std::string garbage("\x01\x02\x03\0\x05 abc", 8);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {xlsx, "Excel"}, {png, "PNG"}, {doc, "97-2003"}, {garbage, "binaire"}};
  for (const auto& [bytes, what] : cases) {
    const Status s = Failure(bytes, "fichier.docx");
    BOOST_TEST((s.kind() == Status::Kind::kUnsupported));
    BOOST_TEST(Contains(s.message(), what));
    BOOST_TEST(Contains(s.message(), "formats acceptés"));
    BOOST_TEST(Contains(s.message(), ".odt"));
  }
}

BOOST_AUTO_TEST_CASE(encrypted_and_scanned_pdfs_are_refused) {
  const Status locked = Failure(MakePdf({"Secret"}, "motdepasse"), "protégé.pdf");
  BOOST_TEST((locked.kind() == Status::Kind::kUnsupported));
  BOOST_TEST(Contains(locked.message(), "mot de passe"));
  const Status scan = Failure(testing::MakePdfWithoutText(), "scan.pdf");
  BOOST_TEST((scan.kind() == Status::Kind::kUnsupported));
  BOOST_TEST(Contains(scan.message(), "reconnaissance de caractères"));
}

BOOST_AUTO_TEST_CASE(missing_and_oversized_files) {
  Result<Dossier> missing = ReadDossierFile("/nonexistent/dossier.docx");
  BOOST_TEST((missing.status().kind() == Status::Kind::kNotFound));
  BOOST_TEST(Contains(missing.status().message(), "/nonexistent/dossier.docx"));
  const Status big = Failure(std::string(kMaxDossierBytes + 1, 'a'), "énorme.txt");
  BOOST_TEST(Contains(big.message(), "trop volumineux"));
}

BOOST_AUTO_TEST_CASE(text_dossier_quoting_the_pdf_header_is_read_as_text) {
  const Dossier d = Read(
      "Export des programmes\n\nJe vérifie que chaque fichier commence par "
      "%PDF-1.7 avant de l'envoyer au client.\n",
      "notes.txt");
  BOOST_TEST(d.format == "text");
  BOOST_REQUIRE(d.passages.size() == 1u);
  BOOST_TEST(d.passages[0].paragraph == 2u);
}

BOOST_AUTO_TEST_CASE(pdf_after_leading_garbage_is_read) {
  const Dossier d = Read("\r\n\r\n" + MakePdf({"Je règle les tours automatiques."}), "web.pdf");
  BOOST_TEST(d.format == "pdf");
  BOOST_REQUIRE(d.passages.size() == 1u);
  BOOST_TEST(d.passages[0].text == "Je règle les tours automatiques.");
}
