#include "bench/synthetic_dossiers.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <set>
#include <sstream>
#include <string_view>
#include <utility>

#include "bench/bench_support.h"
#include "engine/text.h"

namespace passerelle::bench {

namespace fs = std::filesystem;

namespace {

// Referentiel competence lines put in the first person.

bool IsLetterStart(unsigned char c) {
  // ASCII letters; 0xC3 / 0xC5 lead the UTF-8 of French accented letters
  // and œ.
  return std::isalpha(c) || c == 0xC3 || c == 0xC5;
}

bool StartsWithVowelSound(const std::string& word) {
  static const std::vector<std::string> kVowels = {"a", "e", "i", "o", "u", "y", "h", "à",
                                                   "â", "é", "è", "ê", "î", "ô", "û", "œ"};
  return std::any_of(kVowels.begin(), kVowels.end(),
                     [&word](const std::string& v) { return StartsWith(word, v); });
}

// First person singular of the verbs that are not regular -er verbs.
const std::map<std::string, std::string>& IrregularVerbs() {
  static const std::map<std::string, std::string> kVerbs = {
      {"être", "suis"},
      {"etre", "suis"},
      {"avoir", "ai"},
      {"aller", "vais"},
      {"faire", "fais"},
      {"mettre", "mets"},
      {"permettre", "permets"},
      {"transmettre", "transmets"},
      {"émettre", "émets"},
      {"prendre", "prends"},
      {"comprendre", "comprends"},
      {"apprendre", "apprends"},
      {"rendre", "rends"},
      {"suivre", "suis"},
      {"conduire", "conduis"},
      {"produire", "produis"},
      {"réduire", "réduis"},
      {"construire", "construis"},
      {"lire", "lis"},
      {"écrire", "écris"},
      {"décrire", "décris"},
      {"connaître", "connais"},
      {"résoudre", "résous"},
      {"concevoir", "conçois"},
      {"recevoir", "reçois"},
      {"prévoir", "prévois"},
      {"tenir", "tiens"},
      {"maintenir", "maintiens"},
      {"obtenir", "obtiens"},
      {"entretenir", "entretiens"},
      {"intervenir", "interviens"},
      {"devenir", "deviens"},
      {"prévenir", "préviens"},
      {"ouvrir", "ouvre"},
      {"découvrir", "découvre"},
      {"offrir", "offre"},
      {"recueillir", "recueille"},
      {"accueillir", "accueille"},
      {"servir", "sers"},
      {"choisir", "choisis"},
      {"définir", "définis"},
      {"établir", "établis"},
      {"garantir", "garantis"},
      {"remplir", "remplis"},
      {"agir", "agis"},
      {"réagir", "réagis"},
      {"interagir", "interagis"},
      {"réunir", "réunis"},
      {"saisir", "saisis"},
      {"fournir", "fournis"},
      {"finir", "finis"},
      {"réussir", "réussis"},
      {"investir", "investis"},
      {"approfondir", "approfondis"},
      {"répartir", "répartis"},
      {"convertir", "convertis"},
      {"avertir", "avertis"},
      {"accomplir", "accomplis"},
      {"enrichir", "enrichis"},
  };
  return kVerbs;
}

// Where the last vowel of `s` starts and its length in bytes (a e i o u y,
// or an accented letter other than ç); npos when there is none.
std::pair<size_t, size_t> LastVowel(const std::string& s) {
  std::pair<size_t, size_t> last{std::string::npos, 0};
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const bool vowel = length == 1 ? std::string_view("aeiouy").find(static_cast<char>(c)) !=
                                         std::string_view::npos
                                   : c == 0xC3 && s.compare(i, 2, "ç") != 0;
    if (vowel) last = {i, length};
    i += length;
  }
  return last;
}

// A regular -er verb in the first person: "contrôler" -> "contrôle",
// "régler" -> "règle", "mener" -> "mène", "jeter" -> "jette",
// "nettoyer" -> "nettoie"; "" when `verb` is no -er verb.
std::string FirstPersonOfErVerb(const std::string& verb) {
  if (verb.size() < 4 || !EndsWith(verb, "er")) return "";
  std::string stem = verb.substr(0, verb.size() - 2);
  if (EndsWith(stem, "oy") || EndsWith(stem, "uy")) return stem.substr(0, stem.size() - 1) + "ie";
  const auto [vowel, length] = LastVowel(stem);
  if (vowel == std::string::npos) return stem + "e";
  const size_t consonants = stem.size() - vowel - length;
  if (stem.compare(vowel, length, "é") == 0 && consonants >= 1) {
    stem.replace(vowel, length, "è");
  } else if (stem[vowel] == 'e' && consonants == 1) {
    const char c = stem.back();
    if (c == 'l' || c == 't')
      stem += c;
    else
      stem.replace(vowel, 1, "è");
  }
  return stem + "e";
}

std::string FirstPerson(const std::string& infinitive) {
  const auto& irregular = IrregularVerbs();
  auto it = irregular.find(infinitive);
  if (it != irregular.end()) return it->second;
  return FirstPersonOfErVerb(infinitive);
}

bool LooksLikeInfinitive(const std::string& word) {
  return EndsWith(word, "er") || EndsWith(word, "ir") || EndsWith(word, "re");
}

// The rest of a competence line as the candidate would write it: "son" ->
// "mon", "se" -> "me", "s'" -> "m'", and a verb coordinated with the first
// one conjugated too ("contrôler et suivre" -> "contrôle et suis").
std::string ToFirstPersonObjects(const std::string& rest) {
  static const std::map<std::string, std::string> kWords = {
      {"son", "mon"}, {"sa", "ma"}, {"ses", "mes"}, {"se", "me"}};
  std::string out, previous;
  std::istringstream words(rest);
  std::string word;
  while (words >> word) {
    auto it = kWords.find(word);
    if (it != kWords.end()) word = it->second;
    if (word.size() > 2 && StartsWith(word, "s'")) word[0] = 'm';
    if ((previous == "et" || (previous == "me" && EndsWith(out, "et me"))) &&
        LooksLikeInfinitive(word) && !FirstPerson(word).empty())
      word = FirstPerson(word);
    if (!out.empty()) out += ' ';
    out += word;
    previous = word;
  }
  return out;
}

// Two lines of a table read as one: "Interagir en langue étrangère
// Comprendre un document écrit".
bool HoldsSecondInfinitive(const std::string& phrase) {
  std::istringstream words(phrase);
  std::string word;
  words >> word;
  while (words >> word)
    if (StartsWithUppercase(word) && LooksLikeInfinitive(word) &&
        !FirstPerson(ToLower(word)).empty())
      return true;
  return false;
}

// "Préparer la production..." -> "je prépare la production...";
// "S'adapter aux..." -> "je m'adapte aux..."; "" when the first word is no
// verb we can conjugate.
std::string ClauseFromInfinitive(const std::string& line) {
  std::string rest = line;
  std::string reflexive;
  for (const char* se : {"Se ", "S'", "S’"}) {
    if (StartsWith(rest, se)) {
      rest.erase(0, std::string(se).size());
      reflexive = "me ";
    }
  }
  const size_t space = rest.find(' ');
  if (space == std::string::npos) return "";
  const std::string verb = FirstPerson(ToLower(rest.substr(0, space)));
  if (verb.empty()) return "";
  const std::string object = ToFirstPersonObjects(rest.substr(space + 1));
  std::string clause = reflexive.empty() ? "je " + verb : "je me " + verb;
  if (StartsWithVowelSound(verb)) clause = reflexive.empty() ? "j'" + verb : "je m'" + verb;
  return clause + " " + object;
}

// The lines of a referentiel, wrapped lines joined (a line that starts with
// a lower-case letter continues the previous one), bullets removed.
std::vector<std::string> LogicalLines(const std::string& text) {
  std::vector<std::string> lines;
  for (const std::string& raw : SplitLines(text)) {
    std::string line = Trim(raw);
    if (!lines.empty() && !line.empty() && StartsWithLowercase(line) && !lines.back().empty())
      lines.back() += " " + line;
    else
      lines.push_back(line);
  }
  for (std::string& line : lines) {
    size_t start = 0;
    while (start < line.size() && !IsLetterStart(static_cast<unsigned char>(line[start]))) ++start;
    if (line.compare(start, 2, "o ") == 0) start += 2;
    line = Trim(line.substr(start));
  }
  return lines;
}

// A competence line cut at its first sentence end or tab (table cells);
// "" when it does not look like one (too short or long, or cut after a
// small word by the page layout).
std::string CompetencePhrase(const std::string& line, const FrenchAnalyzer& analyzer) {
  std::string phrase = line.substr(0, line.find_first_of(".;:\t"));
  phrase = Trim(phrase);
  while (!phrase.empty() && (phrase.back() == ',' || phrase.back() == '-'))
    phrase = Trim(phrase.substr(0, phrase.size() - 1));
  if (phrase.size() < 25 || phrase.size() > 160) return "";
  const std::string last = phrase.substr(phrase.find_last_of(' ') + 1);
  if (analyzer.IsStopword(last) || last.back() == '\'' || HoldsSecondInfinitive(phrase)) return "";
  return phrase;
}

// Pieces from the development dossiers.

// Splits a dossier sentence at the clauses that start with "je": what
// precedes the first one is an opener.
void AddDossierSentence(const std::string& sentence, DossierPieces* pieces) {
  static const std::vector<std::string> kJoints = {", je ",  ", j'",       " et je ",
                                                   " et j'", ", puis je ", ", puis j'"};
  std::vector<size_t> cuts;  // where each clause's "je" / "j'" starts
  if (StartsWith(sentence, "Je ") || StartsWith(sentence, "J'")) cuts.push_back(0);
  for (const std::string& joint : kJoints)
    for (size_t at = sentence.find(joint); at != std::string::npos;
         at = sentence.find(joint, at + 1))
      cuts.push_back(at + joint.size() - (joint.back() == '\'' ? 2 : 3));
  if (cuts.empty()) return;
  std::sort(cuts.begin(), cuts.end());
  if (cuts[0] > 0) {
    std::string opener = Trim(sentence.substr(0, cuts[0]));
    while (!opener.empty() && (opener.back() == ',' || opener.back() == ' ')) opener.pop_back();
    if (opener.find(' ') != std::string::npos && opener.size() < 60)
      pieces->openers.push_back(opener);
  }
  for (size_t i = 0; i < cuts.size(); ++i) {
    const size_t end = i + 1 < cuts.size() ? cuts[i + 1] : sentence.size();
    std::string clause = Trim(sentence.substr(cuts[i], end - cuts[i]));
    for (const char* tail : {", puis", " et", ","})
      if (EndsWith(clause, tail)) clause.resize(clause.size() - strlen(tail));
    clause[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(clause[0])));
    pieces->clauses.push_back(Trim(clause));
  }
}

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    current += c == '\n' ? ' ' : c;
    const bool end =
        (c == '.' || c == '!' || c == '?') &&
        (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1])));
    if (end || (c == '\n' && i + 1 < text.size() && text[i + 1] == '\n')) {
      current = Trim(current);
      if (!current.empty() && (current.back() == '.' || current.back() == '!')) current.pop_back();
      if (!current.empty()) out.push_back(current);
      current.clear();
    }
  }
  return out;
}

// Sentences, paragraphs and headings.

std::string MakeSentence(const DossierPieces& pieces, Rng& rng) {
  std::string sentence;
  if (!pieces.openers.empty() && rng.Percent(25)) sentence = rng.Pick(pieces.openers) + ", ";
  sentence += rng.Pick(pieces.clauses);
  if (rng.Percent(35)) {
    static const std::vector<std::string> kLinks = {", puis ", " et ", ", ensuite ", " ; "};
    sentence += rng.Pick(kLinks) + rng.Pick(pieces.clauses);
  }
  return CapitalizeFirst(sentence) + ".";
}

std::string MakeParagraph(const DossierPieces& pieces, Rng& rng) {
  std::string paragraph;
  const size_t sentences = rng.Between(2, 5);
  for (size_t i = 0; i < sentences; ++i) {
    if (i) paragraph += ' ';
    paragraph += MakeSentence(pieces, rng);
  }
  return paragraph;
}

std::string MakeHeading(const DossierPieces& pieces, Rng& rng, int style, size_t number) {
  const std::string& phrase = rng.Pick(pieces.headings);
  if (style == 0) return "Activité " + std::to_string(number) + " : " + phrase;
  if (style == 1) return "Situation de travail " + std::to_string(number) + " : " + phrase;
  return phrase;
}

}  // namespace

DossierPieces CollectDossierPieces(const fs::path& shared, const FrenchAnalyzer& analyzer) {
  DossierPieces pieces;
  for (const std::string& text : ReadTextFiles(shared / "dossiers"))
    for (const std::string& sentence : Sentences(text)) AddDossierSentence(sentence, &pieces);
  std::set<std::string> seen;
  for (const std::string& text : ReadTextFiles(shared / "referentiels")) {
    for (const std::string& line : LogicalLines(text)) {
      const std::string phrase = CompetencePhrase(line, analyzer);
      if (phrase.empty() || !seen.insert(phrase).second) continue;
      const std::string clause = ClauseFromInfinitive(phrase);
      if (clause.empty()) continue;
      pieces.clauses.push_back(clause);
      if (phrase.size() <= 90) pieces.headings.push_back(phrase);
    }
  }
  return pieces;
}

std::vector<PassageInput> MakeSyntheticDossier(const DossierPieces& pieces, Rng& rng,
                                               size_t pages) {
  std::vector<PassageInput> passages;
  const int style = static_cast<int>(rng.Below(3));
  uint32_t paragraph = 0;
  size_t headings = 0;
  std::string heading;
  for (size_t page = 1; page <= pages; ++page) {
    const size_t paragraphs = rng.Between(4, 6);
    const size_t second_heading = rng.Percent(25) ? rng.Between(2, paragraphs - 1) : 0;
    for (size_t i = 0; i < paragraphs; ++i) {
      if (i == 0 || i == second_heading) {
        heading = MakeHeading(pieces, rng, style, ++headings);
        ++paragraph;
      }
      passages.push_back(
          {++paragraph, static_cast<uint32_t>(page), 0, heading, MakeParagraph(pieces, rng)});
    }
  }
  return passages;
}

}  // namespace passerelle::bench
