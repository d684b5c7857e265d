// One test case per rule of docs/analysis.md, on phrases taken from the
// shared referentiels and dossiers (checked to be there) and on adversarial
// input.
#include "engine/french_analyzer.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "engine/text.h"
#include "test_support.h"

namespace fs = std::filesystem;
using passerelle::AnalyzedToken;
using passerelle::FrenchAnalyzer;
using passerelle::FrenchAnalyzerOptions;
using passerelle::testing::ReadFile;
using passerelle::testing::SharedDir;
using passerelle::testing::SourceDir;

namespace {

const FrenchAnalyzer& Analyzer() {
  static const FrenchAnalyzer analyzer;
  return analyzer;
}

std::vector<std::string> Terms(std::string_view text, bool with_joined = true) {
  std::vector<std::string> terms;
  for (const AnalyzedToken& t : Analyzer().Analyze(text))
    if (with_joined || !t.joined) terms.push_back(t.term);
  return terms;
}

// The line of shared/<file> that holds `needle`: the tests use real text.
std::string LineWith(const std::string& file, const std::string& needle) {
  const std::string text = ReadFile(SharedDir() / file);
  const size_t at = text.find(needle);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, file + " has no \"" + needle + "\"");
  const size_t begin = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
  const size_t end = std::min(text.find('\n', at), text.size());
  return text.substr(begin, end - begin);
}

const AnalyzedToken* Find(const std::vector<AnalyzedToken>& tokens, std::string_view raw) {
  for (const AnalyzedToken& t : tokens)
    if (t.raw == raw) return &t;
  return nullptr;
}

// The first token of `text` written `raw`; fails the test when there is none.
AnalyzedToken TokenOf(std::string_view text, std::string_view raw) {
  const auto tokens = Analyzer().Analyze(text);
  const AnalyzedToken* token = Find(tokens, raw);
  BOOST_REQUIRE_MESSAGE(token != nullptr, "no token \"" << raw << "\"");
  return *token;
}

std::vector<fs::path> SharedTexts() {
  std::vector<fs::path> files;
  for (const char* dir : {"referentiels", "referentiels-extra", "dossiers"})
    for (const auto& entry : fs::directory_iterator(SharedDir() / dir))
      if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// Every token points at its text, has a sane term, and positions only grow.
void CheckInvariants(std::string_view text, const std::vector<AnalyzedToken>& tokens) {
  uint32_t last_position = 0;
  for (const AnalyzedToken& t : tokens) {
    BOOST_REQUIRE(t.begin < t.end);
    BOOST_REQUIRE(t.end <= text.size());
    BOOST_REQUIRE(text.substr(t.begin, t.end - t.begin) == t.raw);
    BOOST_REQUIRE(!t.term.empty());
    BOOST_REQUIRE(t.term.size() <= FrenchAnalyzer::kMaxTermBytes);
    BOOST_REQUIRE(IsValidUtf8(t.term));
    BOOST_REQUIRE(std::none_of(t.term.begin(), t.term.end(),
                               [](char c) { return (c >= 'A' && c <= 'Z') || c == '\''; }));
    if (!t.joined) {
      BOOST_REQUIRE(t.position > last_position);
      last_position = t.position;
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(elisions_are_stripped_with_every_apostrophe) {
  // ' in the CQPM fiche, ’ in the REAC.
  const std::string straight = LineWith("referentiels/rncp28243-cqpm-technicien-usinage-mocn.txt",
                                        "l'usinage et des phases");
  const std::string curly =
      LineWith("referentiels/tp00211-reac-re-technicien-usinage-assiste-ordinateur.txt",
               "d’un lot d’outils");
  const auto a = Analyzer().Analyze(straight);
  const auto b = Analyzer().Analyze(curly);
  BOOST_REQUIRE(Find(a, "usinage") && Find(b, "outils") && Find(b, "lot"));
  BOOST_TEST(Find(a, "usinage")->term == Analyzer().Term("usinage"));
  BOOST_TEST(Find(b, "outils")->term == "outil");
  BOOST_TEST(Find(b, "lot")->position == Find(b, "outils")->position - 1);  // d’ takes none.
  for (const char* word :
       {"l'outil", "l’outil", "L’OUTIL", "l‘outil", "lʼoutil", "d'outil", "qu'outil", "jusqu'outil",
        "lorsqu’outil", "puisqu'outil", "quoiqu'outil", "presqu'outil"})
    BOOST_TEST(Terms(word) == std::vector<std::string>{"outil"}, word);
  BOOST_TEST(Terms("qu’il jusqu'à").empty());
  BOOST_TEST(Terms("aujourd'hui") == std::vector<std::string>{"aujourdhui"});  // not an elision
  BOOST_TEST(Terms("l' outil") == std::vector<std::string>{"outil"});
}

BOOST_AUTO_TEST_CASE(accented_and_inflected_forms_share_a_term) {
  const std::string dossier = LineWith("dossiers/v1_decolleteur.txt", "Je contrôle les premières");
  const std::string reac = LineWith(
      "referentiels/tp00211-reac-re-technicien-usinage-assiste-ordinateur.txt", "à contrôler.");
  const std::string term = Analyzer().Term("contrôle");
  BOOST_TEST(term == "control");
  BOOST_TEST(TokenOf(dossier, "contrôle").term == term);
  BOOST_TEST(TokenOf(reac, "contrôler").term == term);
  for (const char* word : {"controle", "contrôlé", "contrôler", "contrôles", "contrôlées",
                           "CONTRÔLE", "controlé", "controler"})
    BOOST_TEST(Analyzer().Term(word) == term, word);
}

// Snowball keys -ité, -ée, -ière on their accents; the analyzer restores
// them, so a candidate who types without accents meets the referentiel.
BOOST_AUTO_TEST_CASE(unaccented_typos_meet_the_accented_word) {
  const std::pair<const char*, const char*> pairs[] = {
      {"sécurité", "securite"},   {"qualité", "qualite"},
      {"activités", "activites"}, {"réalisée", "realisee"},
      {"premières", "premieres"}, {"société", "societe"},
      {"idée", "idee"},           {"pièce", "piece"},
      {"élaborer", "elaborer"},   {"préparation", "preparation"},
      {"dégât", "degat"},         {"ébavurage", "ebavurage"}};
  for (const auto& [accented, plain] : pairs)
    BOOST_TEST(Analyzer().Term(accented) == Analyzer().Term(plain), accented);
  BOOST_TEST(Analyzer().Term("sécurité") == "secur");
}

// By construction (folding comes before stemming), checked on every word of
// the shared texts: FoldForMatch strips accents and case like a hasty typist.
BOOST_AUTO_TEST_CASE(every_shared_word_meets_its_unaccented_spelling) {
  size_t checked = 0;
  for (const fs::path& file : SharedTexts()) {
    for (const AnalyzedToken& t : Analyzer().Analyze(ReadFile(file))) {
      if (t.joined) continue;
      const std::string plain = passerelle::FoldForMatch(t.raw);
      BOOST_TEST_CONTEXT(t.raw << " / " << plain) {
        BOOST_REQUIRE(Analyzer().Term(plain) == t.term);
      }
      ++checked;
    }
  }
  BOOST_TEST(checked > 20000u);
}

BOOST_AUTO_TEST_CASE(programmation_meets_programmer) {
  const std::string dossier =
      LineWith("dossiers/v1_decolleteur.txt", "pas de logiciel de programmation");
  const std::string reac =
      LineWith("referentiels/tp00211-reac-re-technicien-usinage-assiste-ordinateur.txt",
               "programmer un usinage");
  const auto dossier_tokens = Analyzer().Analyze(dossier);
  const auto reac_tokens = Analyzer().Analyze(reac);
  const AnalyzedToken* noun = Find(dossier_tokens, "programmation");
  const AnalyzedToken* verb = Find(reac_tokens, "programmer");
  BOOST_REQUIRE(noun && verb);
  BOOST_TEST(noun->term == verb->term);
  for (const char* word : {"programme", "programmé", "programmes", "programmations"})
    BOOST_TEST(Analyzer().Term(word) == noun->term, word);
}

// -ifier/-ification and -er/-age: the two documented derivational merges.
BOOST_AUTO_TEST_CASE(derivational_families_meet) {
  const std::pair<const char*, const char*> pairs[] = {
      {"vérification", "vérifier"}, {"identification", "identifie"}, {"qualification", "qualifier"},
      {"usinage", "usiner"},        {"usinages", "usinées"},         {"réglage", "régler"},
      {"montage", "monter"},        {"paramétrage", "paramétrer"},   {"partage", "partager"}};
  for (const auto& [noun, verb] : pairs)
    BOOST_TEST(Analyzer().Term(noun) == Analyzer().Term(verb), noun << " / " << verb);
  // Listed exceptions, and stems too short to lose -ag.
  BOOST_TEST(Analyzer().Term("message") != Analyzer().Term("messe"));
  BOOST_TEST(Analyzer().Term("langage") != Analyzer().Term("langue"));
  BOOST_TEST(Analyzer().Term("partage") != Analyzer().Term("partie"));
  BOOST_TEST(Analyzer().Term("image") == "imag");
}

BOOST_AUTO_TEST_CASE(oe_and_ae_ligatures_are_expanded) {
  const std::string line = LineWith("referentiels/rncp28243-cqpm-technicien-usinage-mocn.txt",
                                    "la mise en œuvre du contrat");
  BOOST_TEST(TokenOf(line, "œuvre").term == Analyzer().Term("oeuvre"));
  BOOST_TEST(Analyzer().Term("Œuvre") == "oeuvr");
  BOOST_TEST(Analyzer().Term("cœur") == Analyzer().Term("coeur"));
  BOOST_TEST(Analyzer().Term("ex æquo") == Analyzer().Term("ex aequo"));
}

BOOST_AUTO_TEST_CASE(hyphenated_words_give_parts_and_the_joined_form) {
  const std::string line = LineWith("dossiers/v1_decolleteur.txt", "dans les porte-outils");
  const auto tokens = Analyzer().Analyze(line);
  const AnalyzedToken* joined = Find(tokens, "porte-outils");
  BOOST_REQUIRE(joined && joined - tokens.data() >= 2);
  const AnalyzedToken& porte = joined[-2];  // Its parts come right before it.
  const AnalyzedToken& outils = joined[-1];
  BOOST_TEST(porte.raw == "porte");
  BOOST_TEST(outils.raw == "outils");
  BOOST_TEST(outils.position == porte.position + 1);
  BOOST_TEST(joined->joined);
  BOOST_TEST(joined->position == porte.position);
  BOOST_TEST(joined->term == "portoutil");
  BOOST_TEST(Analyzer().Term("machines-outils") == Analyzer().Term("machine-outil"));
  BOOST_TEST(Analyzer().Term("machine‑outil") == Analyzer().Term("machine-outil"));  // U+2011
  BOOST_TEST(Terms("porte - outils") == (std::vector<std::string>{"port", "outil"}));
  BOOST_TEST(Terms("l'avant-projet") ==
             (std::vector<std::string>{"avant", "projet", "avantprojet"}));
  const auto code = Analyzer().Analyze("TP-00211");
  BOOST_REQUIRE(code.size() == 3u);
  BOOST_TEST((code[2].term == "tp00211" && code[2].exact && code[2].joined));
}

BOOST_AUTO_TEST_CASE(technical_tokens_are_kept_whole_and_exact) {
  const std::string reac = LineWith(
      "referentiels/tp00211-reac-re-technicien-usinage-assiste-ordinateur.txt", "tels que \"5S\"");
  const std::string fiche =
      LineWith("referentiels/rncp19166-btm-technicien-mecanique-precision.txt", "H2903");
  BOOST_TEST(TokenOf(reac, "5S").exact);
  BOOST_TEST(TokenOf(fiche, "H2903").term == "h2903");
  const auto tokens =
      Analyzer().Analyze("G71 42CrMo4 5S H2903 TA6V 3x8 316L CP3 ISO 2768 3,5 2ème");
  const std::vector<std::string> expected = {"g71",  "42crmo4", "5s",  "h2903", "ta6v", "3x8",
                                             "316l", "cp3",     "iso", "2768",  "3,5",  "2eme"};
  BOOST_REQUIRE(tokens.size() == expected.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    BOOST_TEST(tokens[i].term == expected[i]);
    BOOST_TEST(tokens[i].exact == (expected[i] != "iso"), tokens[i].raw);
  }
}

BOOST_AUTO_TEST_CASE(stop_words_are_dropped_but_keep_their_positions) {
  const auto tokens = Analyzer().Analyze("Le contrôle de la pièce");
  BOOST_REQUIRE(tokens.size() == 2u);
  BOOST_TEST(tokens[0].position == 2u);
  BOOST_TEST(tokens[1].position == 5u);
  // "pas" is kept: a negation is no evidence (docs/analysis.md).
  const std::string line = LineWith("dossiers/v1_decolleteur.txt", "Je n'ai pas d'expérience");
  BOOST_TEST(TokenOf(line, "pas").term == "pas");
}

BOOST_AUTO_TEST_CASE(adjacent_words_have_consecutive_positions) {
  const std::string line = LineWith(
      "referentiels/tp00211-reac-re-technicien-usinage-assiste-ordinateur.txt", "mors doux");
  const auto tokens = Analyzer().Analyze(line);
  const AnalyzedToken* mors = Find(tokens, "mors");
  const AnalyzedToken* doux = Find(tokens, "doux");
  BOOST_REQUIRE(mors && doux);
  BOOST_TEST(doux->position == mors->position + 1);
  const auto query = Analyzer().Analyze("mors doux");
  BOOST_TEST(query[0].term == mors->term);
  BOOST_TEST(query[1].position - query[0].position == 1u);
}

BOOST_AUTO_TEST_CASE(nbsp_narrow_nbsp_and_private_use_glyphs_separate_words) {
  // U+F0B7 bullets as pdftotext gives them.
  const std::string line =
      LineWith("referentiels-extra/reac-tp01352-administrateur-infrastructures-securisees.txt",
               "\uF0B7 Administrer et sécuriser");
  const auto bullets = Analyzer().Analyze(line);
  BOOST_TEST(Find(bullets, "Administrer") != nullptr);
  const auto tokens = Analyzer().Analyze("mot\u00A0mot outil\u202F? 10\u202F000 x\uF0B7z");
  std::vector<std::string> raws;
  for (const auto& t : tokens) raws.push_back(t.raw);
  const std::vector<std::string> expected = {"mot", "mot", "outil", "10", "000", "x", "z"};
  BOOST_TEST(raws == expected, boost::test_tools::per_element());
  CheckInvariants(line, bullets);
}

BOOST_AUTO_TEST_CASE(empty_and_blank_input_give_no_token) {
  for (const char* text : {"", " ", "\n\t\r\n  ", "\u00A0\u202F", "- – — ; : ! ? « » …", "\uF0B7"})
    BOOST_TEST(Analyzer().Analyze(text).empty(), "[" << text << "]");
  BOOST_TEST(Analyzer().Term("").empty());
  BOOST_TEST(Analyzer().Term("   ").empty());
}

BOOST_AUTO_TEST_CASE(invalid_utf8_does_not_crash) {
  const std::string samples[] = {"\xFF",           "bad\xFFword",     "é\xC3",
                                 "\xC3\xA9t\xE9",  "\xE2\x80",        "\xF0\x9F\x98",
                                 "\xC0\xAFx",      "a\xED\xA0\x80z",  std::string("nul\0byte", 8),
                                 "l\xE2\x80outil", "porte-\xFF-outil"};
  for (const std::string& text : samples) CheckInvariants(text, Analyzer().Analyze(text));
  BOOST_TEST(Terms("bad\xFFword") == (std::vector<std::string>{"bad", "word"}));
  std::mt19937 random(20240611);
  const std::string alphabet = "aé'’- .0\xFF\xC3\xE2\x80\xAF\x99\xEF\x82\xB7";
  for (int round = 0; round < 3000; ++round) {
    std::string text(random() % 24, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    CheckInvariants(text, Analyzer().Analyze(text));
  }
}

BOOST_AUTO_TEST_CASE(offsets_point_at_the_original_text) {
  size_t checked = 0;
  for (const fs::path& file : SharedTexts()) {
    const std::string text = ReadFile(file);
    const auto tokens = Analyzer().Analyze(text);
    BOOST_TEST_CONTEXT(file.filename().string()) { CheckInvariants(text, tokens); }
    checked += tokens.size();
  }
  BOOST_TEST(checked > 20000u);
}

BOOST_AUTO_TEST_CASE(decomposed_text_gives_the_same_terms) {
  // NFD: e + U+0301, o + U+0302.
  BOOST_TEST(Terms("contro\u0302le\u0301 se\u0301curite\u0301") == Terms("contrôlé sécurité"));
  BOOST_TEST(Analyzer().Term("e\u0301te\u0301").empty());                      // été, a stop word
  BOOST_TEST(Analyzer().Term("usi\u00ADnage") == Analyzer().Term("usinage"));  // soft hyphen
  BOOST_TEST(Analyzer().Term("\uFB01nition") == Analyzer().Term("finition"));  // ﬁ ligature
}

BOOST_AUTO_TEST_CASE(dots_inside_words) {
  BOOST_TEST(Terms("service.Seule") == Terms("service Seule"));
  BOOST_TEST(Terms("www.onisep.fr").size() == 3u);
  BOOST_TEST(Terms("V.A.E") == Terms("VAE"));
  BOOST_TEST(Terms("0.02 1.5") == (std::vector<std::string>{"0.02", "1.5"}));
  BOOST_TEST(Terms("salarié·e·s") == Terms("salariées"));  // inclusive writing
}

BOOST_AUTO_TEST_CASE(overlong_words_are_skipped_but_counted) {
  const auto tokens = Analyzer().Analyze("avant " + std::string(300, 'x') + " après");
  BOOST_REQUIRE(tokens.size() == 2u);
  BOOST_TEST(tokens[1].position == 3u);
}

BOOST_AUTO_TEST_CASE(header_example) {
  const auto tokens = Analyzer().Analyze("J’ai contrôlé les porte-outils (G71)");
  BOOST_REQUIRE(tokens.size() == 5u);
  const std::string expected[] = {"control 2 contrôlé", "port 4 porte", "outil 5 outils",
                                  "portoutil 4 porte-outils joined", "g71 6 G71 exact"};
  for (size_t i = 0; i < tokens.size(); ++i) {
    const AnalyzedToken& t = tokens[i];
    const std::string got = t.term + " " + std::to_string(t.position) + " " + t.raw +
                            (t.joined ? " joined" : "") + (t.exact ? " exact" : "");
    BOOST_TEST(got == expected[i]);
  }
}

BOOST_AUTO_TEST_CASE(term_and_is_stopword) {
  BOOST_TEST(Analyzer().Term("porte-outil") == "portoutil");
  BOOST_TEST(Analyzer().Term("le").empty());
  BOOST_TEST(Analyzer().Term("Fraisage") == Analyzer().Term("fraiser"));
  for (const char* word : {"le", "Le", "l'", "à", "A", "où", "été", "ete", "Cette"})
    BOOST_TEST(Analyzer().IsStopword(word), word);
  // Trade words that must never fold onto a stop word.
  for (const char* word : {"pas", "cote", "côte", "pièce", "outil", "usinage", ""})
    BOOST_TEST(!Analyzer().IsStopword(word), word);
}

BOOST_AUTO_TEST_CASE(cache_does_not_change_terms) {
  const FrenchAnalyzer uncached(FrenchAnalyzerOptions{.term_cache_size = 0});
  const FrenchAnalyzer tiny(FrenchAnalyzerOptions{.term_cache_size = 7});  // Clears often.
  for (const fs::path& file : SharedTexts()) {
    const std::string text = ReadFile(file);
    const auto expected = Analyzer().Analyze(text);
    for (const FrenchAnalyzer* analyzer : {&uncached, &tiny}) {
      const auto tokens = analyzer->Analyze(text);
      BOOST_REQUIRE(tokens.size() == expected.size());
      for (size_t i = 0; i < tokens.size(); ++i)
        BOOST_REQUIRE(tokens[i].term == expected[i].term &&
                      tokens[i].position == expected[i].position);
    }
  }
}

BOOST_AUTO_TEST_CASE(analyze_into_replaces_previous_tokens) {
  std::vector<AnalyzedToken> tokens;
  Analyzer().AnalyzeInto(ReadFile(SharedDir() / "dossiers/v1_decolleteur.txt"), &tokens);
  BOOST_TEST(tokens.size() > 50u);
  Analyzer().AnalyzeInto("Je règle des tours", &tokens);
  BOOST_REQUIRE(tokens.size() == 2u);
  BOOST_TEST(tokens[0].raw == "règle");
  BOOST_TEST(tokens[1].term == "tour");
  BOOST_TEST(tokens[1].begin == 14u);
}

BOOST_AUTO_TEST_CASE(stopword_array_matches_the_data_file) {
  const std::string file = ReadFile(SourceDir() / "engine/stopwords_fr.txt");
  std::vector<std::string> listed;
  for (size_t begin = 0; begin < file.size();) {
    size_t end = file.find('\n', begin);
    if (end == std::string::npos) end = file.size();
    const std::string line = file.substr(begin, end - begin);
    if (!line.empty() && line[0] != '#') listed.push_back(line);
    begin = end + 1;
  }
  const std::vector<std::string> in_code(FrenchAnalyzer::StopwordList().begin(),
                                         FrenchAnalyzer::StopwordList().end());
  BOOST_TEST(in_code == listed, boost::test_tools::per_element());
  for (const std::string& word : listed) BOOST_TEST(Analyzer().IsStopword(word), word);
}
