// Indexing throughput and search latency of the dossier index, on synthetic
// dossiers built from the shared development texts.
//
//   index_bench [--dossiers N] [--pages N] [--queries N] [--seed N]
//               [--shared DIR] [--keep] [--show]
//
// Defaults: 10,000 dossiers of 20 pages and 1,000 queries (issue 3). Every
// dossier is one candidate, added like `passerelle dossier add` does it: one
// DossierIndex::AddDossier (one Xapian transaction) with its passages, into
// a fresh workspace under the temporary folder (removed at the end unless
// --keep). The queries go through SearchDossiers, snippets included, on the
// index opened for reading as `passerelle search` opens it. --show prints
// the first dossier and stops.
//
// The dossiers are first-person French paragraphs under headings. Their
// sentences are assembled from pieces of ../shared: the first-person clauses
// of the development dossiers ("je règle des tours automatiques...") and
// their openers ("À partir du plan client"), and the competence lines of the
// referentiels ("Préparer la production de nouvelles pièces...") turned into
// the first person ("je prépare la production..."), which also give the
// headings ("Activité 3 : Contrôler..."). Everything is drawn from a seeded
// generator: the same seed and texts give the same dossiers and queries (the
// printed checksum says so).
//
// Build it optimized (-DCMAKE_BUILD_TYPE=Release). docs/search.md records the
// figures.
#include <stdlib.h>
#include <sys/resource.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench/bench_support.h"
#include "engine/dossier_index.h"
#include "engine/dossier_search.h"
#include "engine/french_analyzer.h"
#include "engine/text.h"

namespace fs = std::filesystem;
using passerelle::CapitalizeFirst;
using passerelle::EndsWith;
using passerelle::FrenchAnalyzer;
using passerelle::StartsWith;
using passerelle::Trim;

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// User + system CPU seconds of this process so far.
double CpuSeconds() {
  struct rusage usage;
  ::getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// SplitMix64: small, fast, and the same sequence on every platform (the
// standard distributions are not).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  size_t Between(size_t low, size_t high) { return low + Below(high - low + 1); }
  bool Percent(unsigned p) { return Below(100) < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }

 private:
  uint64_t state_;
};

struct Options {
  size_t dossiers = 10000;
  size_t pages = 20;
  size_t queries = 1000;
  uint64_t seed = 2024;
  fs::path shared = PASSERELLE_SHARED_DIR;
  bool keep = false;
  bool show = false;  // print the first dossier and stop
};

bool ParseOptions(int argc, char** argv, Options* options) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--keep" || a == "--show") {
      (a == "--keep" ? options->keep : options->show) = true;
      continue;
    }
    if (i + 1 >= argc) return false;
    const char* value = argv[++i];
    if (a == "--dossiers")
      options->dossiers = std::strtoul(value, nullptr, 10);
    else if (a == "--pages")
      options->pages = std::strtoul(value, nullptr, 10);
    else if (a == "--queries")
      options->queries = std::strtoul(value, nullptr, 10);
    else if (a == "--seed")
      options->seed = std::strtoull(value, nullptr, 10);
    else if (a == "--shared")
      options->shared = value;
    else
      return false;
  }
  return options->dossiers > 0 && options->pages > 0;
}

// ---------------------------------------------------------------------------
// Turning referentiel competence lines into first-person clauses.

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
      {"être", "suis"},           {"etre", "suis"},          {"avoir", "ai"},
      {"aller", "vais"},          {"faire", "fais"},         {"mettre", "mets"},
      {"permettre", "permets"},   {"transmettre", "transmets"}, {"émettre", "émets"},
      {"prendre", "prends"},      {"comprendre", "comprends"}, {"apprendre", "apprends"},
      {"rendre", "rends"},        {"suivre", "suis"},        {"conduire", "conduis"},
      {"produire", "produis"},    {"réduire", "réduis"},     {"construire", "construis"},
      {"lire", "lis"},            {"écrire", "écris"},       {"décrire", "décris"},
      {"connaître", "connais"},   {"résoudre", "résous"},    {"concevoir", "conçois"},
      {"recevoir", "reçois"},     {"prévoir", "prévois"},    {"tenir", "tiens"},
      {"maintenir", "maintiens"}, {"obtenir", "obtiens"},    {"entretenir", "entretiens"},
      {"intervenir", "interviens"}, {"devenir", "deviens"},  {"prévenir", "préviens"},
      {"ouvrir", "ouvre"},        {"découvrir", "découvre"}, {"offrir", "offre"},
      {"recueillir", "recueille"}, {"accueillir", "accueille"}, {"servir", "sers"},
      {"choisir", "choisis"},     {"définir", "définis"},    {"établir", "établis"},
      {"garantir", "garantis"},   {"remplir", "remplis"},    {"agir", "agis"},
      {"réagir", "réagis"},       {"interagir", "interagis"}, {"réunir", "réunis"},
      {"saisir", "saisis"},       {"fournir", "fournis"},    {"finir", "finis"},
      {"réussir", "réussis"},     {"investir", "investis"},  {"approfondir", "approfondis"},
      {"répartir", "répartis"},   {"convertir", "convertis"}, {"avertir", "avertis"},
      {"accomplir", "accomplis"}, {"enrichir", "enrichis"},
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
  if (EndsWith(stem, "oy") || EndsWith(stem, "uy"))
    return stem.substr(0, stem.size() - 1) + "ie";
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
  return EndsWith(word, "er") || EndsWith(word, "ir") ||
         EndsWith(word, "re");
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
    if (passerelle::StartsWithUppercase(word) && LooksLikeInfinitive(word) &&
        !FirstPerson(passerelle::ToLower(word)).empty())
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
  const std::string verb = FirstPerson(passerelle::ToLower(rest.substr(0, space)));
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
  for (const std::string& raw : passerelle::SplitLines(text)) {
    std::string line = Trim(raw);
    if (!lines.empty() && !line.empty() && passerelle::StartsWithLowercase(line) &&
        !lines.back().empty())
      lines.back() += " " + line;
    else
      lines.push_back(line);
  }
  for (std::string& line : lines) {
    size_t start = 0;
    while (start < line.size() && !IsLetterStart(static_cast<unsigned char>(line[start])))
      ++start;
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
  if (analyzer.IsStopword(last) || last.back() == '\'' || HoldsSecondInfinitive(phrase))
    return "";
  return phrase;
}

// ---------------------------------------------------------------------------
// The pieces sentences are made of.

struct Pieces {
  std::vector<std::string> clauses;   // "je règle des tours...", no final period
  std::vector<std::string> openers;   // "À partir du plan client"
  std::vector<std::string> headings;  // "Préparer la production..."
};

// Splits a dossier sentence at the clauses that start with "je": what
// precedes the first one is an opener.
void AddDossierSentence(const std::string& sentence, Pieces* pieces) {
  static const std::vector<std::string> kJoints = {", je ", ", j'", " et je ", " et j'",
                                                   ", puis je ", ", puis j'"};
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
    const bool end = (c == '.' || c == '!' || c == '?') &&
                     (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1])));
    if (end || (c == '\n' && i + 1 < text.size() && text[i + 1] == '\n')) {
      current = Trim(current);
      if (!current.empty() && (current.back() == '.' || current.back() == '!'))
        current.pop_back();
      if (!current.empty()) out.push_back(current);
      current.clear();
    }
  }
  return out;
}

Pieces CollectPieces(const fs::path& shared, const FrenchAnalyzer& analyzer) {
  Pieces pieces;
  for (const std::string& text : passerelle::bench::ReadTextFiles(shared / "dossiers"))
    for (const std::string& sentence : Sentences(text)) AddDossierSentence(sentence, &pieces);
  std::set<std::string> seen;
  for (const std::string& text : passerelle::bench::ReadTextFiles(shared / "referentiels")) {
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

// ---------------------------------------------------------------------------
// Dossiers.

std::string MakeSentence(const Pieces& pieces, Rng& rng) {
  std::string sentence;
  if (!pieces.openers.empty() && rng.Percent(25)) sentence = rng.Pick(pieces.openers) + ", ";
  sentence += rng.Pick(pieces.clauses);
  if (rng.Percent(35)) {
    static const std::vector<std::string> kLinks = {", puis ", " et ", ", ensuite ", " ; "};
    sentence += rng.Pick(kLinks) + rng.Pick(pieces.clauses);
  }
  return CapitalizeFirst(sentence) + ".";
}

std::string MakeParagraph(const Pieces& pieces, Rng& rng) {
  std::string paragraph;
  const size_t sentences = rng.Between(2, 5);
  for (size_t i = 0; i < sentences; ++i) {
    if (i) paragraph += ' ';
    paragraph += MakeSentence(pieces, rng);
  }
  return paragraph;
}

std::string MakeHeading(const Pieces& pieces, Rng& rng, int style, size_t number) {
  const std::string& phrase = rng.Pick(pieces.headings);
  if (style == 0) return "Activité " + std::to_string(number) + " : " + phrase;
  if (style == 1) return "Situation de travail " + std::to_string(number) + " : " + phrase;
  return phrase;
}

// The passages of one dossier, numbered as importers/dossier_reader.h does:
// a heading takes a paragraph number and yields no passage.
std::vector<passerelle::PassageInput> MakeDossier(const Pieces& pieces, Rng& rng, size_t pages) {
  std::vector<passerelle::PassageInput> passages;
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
      passages.push_back({++paragraph, static_cast<uint32_t>(page), 0, heading,
                          MakeParagraph(pieces, rng)});
    }
  }
  return passages;
}

uint64_t CountWords(const std::string& text) {
  uint64_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

// FNV-1a, to tell whether two runs indexed the same text.
void Checksum(const std::string& text, uint64_t* hash) {
  for (unsigned char c : text) *hash = (*hash ^ c) * 0x100000001B3ull;
}

// ---------------------------------------------------------------------------
// Indexing.

struct IndexFigures {
  uint64_t bytes = 0;
  uint64_t passages = 0;
  uint64_t checksum = 0xCBF29CE484222325ull;
  double generate_seconds = 0;
  double index_seconds = 0;  // wall time of opening, AddDossier calls, closing
  double cpu_seconds = 0;    // CPU time of the whole loop, generation included
};

std::string CandidateId(size_t i) {
  char id[32];
  std::snprintf(id, sizeof(id), "cand-%05zu", i + 1);
  return id;
}

passerelle::Status IndexAll(const std::string& root, const Options& options, const Pieces& pieces,
                            IndexFigures* figures) {
  Rng rng(options.seed);
  FrenchAnalyzer analyzer;
  const double cpu_start = CpuSeconds();
  const auto open_start = Clock::now();
  auto index = passerelle::DossierIndex::OpenForWriting(root);
  if (!index.ok()) return index.status();
  figures->index_seconds += SecondsSince(open_start);
  for (size_t d = 0; d < options.dossiers; ++d) {
    const auto generate_start = Clock::now();
    const auto passages = MakeDossier(pieces, rng, options.pages);
    passerelle::CandidateSummary summary{CandidateId(d), CandidateId(d) + ".docx", "docx", 0, 0};
    for (const auto& p : passages) {
      summary.words += CountWords(p.text);
      figures->bytes += p.text.size();
      Checksum(p.text, &figures->checksum);
    }
    summary.passages = static_cast<uint32_t>(passages.size());
    figures->passages += passages.size();
    const auto index_start = Clock::now();
    figures->generate_seconds += std::chrono::duration<double>(index_start - generate_start).count();
    passerelle::Status s = (*index)->AddDossier(summary.candidate, summary, passages, analyzer);
    if (!s.ok()) return s;
    figures->index_seconds += SecondsSince(index_start);
    if (options.dossiers >= 20 && (d + 1) % (options.dossiers / 10) == 0)
      std::fprintf(stderr, "  %zu/%zu dossiers indexed, %.0f s\n", d + 1, options.dossiers,
                   figures->index_seconds);
  }
  const auto close_start = Clock::now();
  index->reset();
  figures->index_seconds += SecondsSince(close_start);
  figures->cpu_seconds = CpuSeconds() - cpu_start;
  return passerelle::Status::OK();
}

uint64_t FolderBytes(const fs::path& dir) {
  uint64_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) bytes += entry.file_size();
  return bytes;
}

// ---------------------------------------------------------------------------
// Queries.

// The words queries are made of: the words of the clauses, as written,
// that are one searchable word of at least 4 bytes; and each clause's words
// in order, for phrases.
struct QueryWords {
  std::vector<std::string> words;
  std::vector<std::vector<std::string>> clauses;
};

std::string StripPunctuation(const std::string& word) {
  const std::string kPunct = ",.;:()«»\"!?";
  size_t begin = 0, end = word.size();
  while (begin < end && kPunct.find(word[begin]) != std::string::npos) ++begin;
  while (end > begin && kPunct.find(word[end - 1]) != std::string::npos) --end;
  return word.substr(begin, end - begin);
}

// True when `word` is one word with a letter that the analyzer keeps:
// "et/ou" (two stop words), "l'usure" or "porte-outils" are not.
bool IsOneSearchableWord(const std::string& word, const FrenchAnalyzer& analyzer) {
  const auto tokens = analyzer.Analyze(word);
  const bool letter = std::any_of(word.begin(), word.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c));
  });
  return letter && tokens.size() == 1 && tokens[0].raw == word && !tokens[0].term.empty();
}

QueryWords CollectQueryWords(const Pieces& pieces, const FrenchAnalyzer& analyzer) {
  QueryWords out;
  std::set<std::string> seen;
  for (const std::string& clause : pieces.clauses) {
    std::vector<std::string> words;
    std::istringstream in(clause);
    std::string word;
    while (in >> word) {
      word = StripPunctuation(word);
      if (word.empty() || word.find('*') != std::string::npos || word[0] == '-') continue;
      words.push_back(word);
      if (word.size() >= 4 && IsOneSearchableWord(word, analyzer) && seen.insert(word).second)
        out.words.push_back(word);
    }
    if (words.size() >= 3) out.clauses.push_back(std::move(words));
  }
  return out;
}

// The first `chars` code points of `word`.
std::string Utf8Prefix(const std::string& word, size_t chars) {
  size_t i = 0;
  for (size_t n = 0; i < word.size() && n < chars; ++n) {
    ++i;
    while (i < word.size() && (static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) ++i;
  }
  return word.substr(0, i);
}

enum QueryKind { kSingle, kAnd, kOr, kNot, kPhrase, kPrefix, kMixed, kKinds };
const char* const kKindNames[] = {"one word", "words (AND)", "OR / OU", "NOT / SAUF / -",
                                  "\"phrase\"", "prefix*", "mixed"};

std::string Phrase(const QueryWords& vocabulary, const FrenchAnalyzer& analyzer, Rng& rng) {
  for (;;) {
    const auto& words = rng.Pick(vocabulary.clauses);
    const size_t length = rng.Between(2, 3);
    const size_t start = rng.Below(words.size() - length + 1);
    std::string phrase;
    bool searchable = false;
    for (size_t i = start; i < start + length; ++i) {
      if (i > start) phrase += ' ';
      phrase += words[i];
      searchable |= IsOneSearchableWord(words[i], analyzer);
    }
    if (searchable) return "\"" + phrase + "\"";
  }
}

std::string Prefix(const QueryWords& vocabulary, Rng& rng) {
  for (;;) {
    const std::string& word = rng.Pick(vocabulary.words);
    const size_t chars = passerelle::Utf8Length(word);
    if (chars < 5) continue;
    return Utf8Prefix(word, rng.Between(3, std::min<size_t>(chars - 1, 6))) + "*";
  }
}

std::string MakeQuery(QueryKind kind, const QueryWords& v, const FrenchAnalyzer& analyzer,
                      Rng& rng) {
  auto word = [&]() { return rng.Pick(v.words); };
  switch (kind) {
    case kSingle:
      return word();
    case kAnd:
      return word() + " " + word() + (rng.Percent(50) ? " " + word() : "");
    case kOr:
      return word() + (rng.Percent(50) ? " OR " : " OU ") + word();
    case kNot: {
      static const std::vector<std::string> kNots = {" NOT ", " SAUF ", " -"};
      return word() + rng.Pick(kNots) + word();
    }
    case kPhrase:
      return Phrase(v, analyzer, rng);
    case kPrefix:
      return Prefix(v, rng);
    default:
      return Phrase(v, analyzer, rng) + " OR " + word() + " " + Prefix(v, rng) + " -" + word();
  }
}

struct Latencies {
  std::vector<double> all_ms;
  std::vector<double> by_kind_ms[kKinds];
  size_t errors = 0;
  std::string first_error;
  uint64_t matches = 0;
  size_t empty = 0;
};

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t rank = static_cast<size_t>(std::ceil(p * v.size()));
  return v[std::max<size_t>(rank, 1) - 1];
}

passerelle::Status RunQueries(const std::string& root, const Options& options,
                              const QueryWords& vocabulary, Latencies* out) {
  auto index = passerelle::DossierIndex::OpenForReading(root);
  if (!index.ok()) return index.status();
  FrenchAnalyzer analyzer;
  Rng rng(options.seed ^ 0x5EA4C8ull);
  for (size_t i = 0; i < options.queries; ++i) {
    const auto kind = static_cast<QueryKind>(i % kKinds);
    passerelle::SearchOptions search;
    if ((i / kKinds) % 2 == 1) search.candidate = CandidateId(rng.Below(options.dossiers));
    const std::string query = MakeQuery(kind, vocabulary, analyzer, rng);
    const auto start = Clock::now();
    auto results = passerelle::SearchDossiers(**index, analyzer, query, search);
    const double ms = SecondsSince(start) * 1000;
    out->all_ms.push_back(ms);
    out->by_kind_ms[kind].push_back(ms);
    if (!results.ok()) {
      if (out->errors++ == 0) out->first_error = query + ": " + results.status().message();
      continue;
    }
    out->matches += results->total;
    out->empty += results->total == 0;
  }
  return passerelle::Status::OK();
}

// ---------------------------------------------------------------------------
// Output.

void PrintIndexing(const Options& options, const IndexFigures& f, uint64_t index_bytes) {
  const double mb = static_cast<double>(f.bytes) / (1 << 20);
  std::printf("dossiers: %zu x %zu pages, %llu passages, %.1f MB of passage text "
              "(checksum %016llx, generated in %.1f s, not counted)\n",
              options.dossiers, options.pages, static_cast<unsigned long long>(f.passages), mb,
              static_cast<unsigned long long>(f.checksum), f.generate_seconds);
  std::printf("indexing: %.1f s wall, %.2f MB/s, %.0f passages/s "
              "(one AddDossier transaction per dossier; CPU %.1f s)\n",
              f.index_seconds, mb / f.index_seconds, f.passages / f.index_seconds,
              f.cpu_seconds - f.generate_seconds);
  std::printf("index on disk: %.1f MB\n", static_cast<double>(index_bytes) / (1 << 20));
}

void PrintLatencies(const Latencies& l) {
  const size_t n = l.all_ms.size();
  std::printf("queries: %zu (%d kinds in turn, every other round with --candidate), "
              "%zu errors, %zu without match, %.0f matches on average\n",
              n, static_cast<int>(kKinds), l.errors, l.empty,
              n ? static_cast<double>(l.matches) / n : 0.0);
  if (l.errors) std::printf("first error: %s\n", l.first_error.c_str());
  std::printf("latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", Percentile(l.all_ms, 0.5),
              Percentile(l.all_ms, 0.99), Percentile(l.all_ms, 1.0));
  for (int k = 0; k < kKinds; ++k)
    std::printf("  %-16s %4zu queries  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms\n", kKindNames[k],
                l.by_kind_ms[k].size(), Percentile(l.by_kind_ms[k], 0.5),
                Percentile(l.by_kind_ms[k], 0.99), Percentile(l.by_kind_ms[k], 1.0));
}

void ShowFirstDossier(const Options& options, const Pieces& pieces) {
  Rng rng(options.seed);
  std::string heading;
  for (const passerelle::PassageInput& p : MakeDossier(pieces, rng, options.pages)) {
    if (p.heading != heading) std::printf("\n## %s\n", (heading = p.heading).c_str());
    std::printf("\n[page %u, paragraph %u] %s\n", p.page, p.paragraph, p.text.c_str());
  }
}

fs::path MakeWorkspace() {
  std::string pattern = (fs::temp_directory_path() / "passerelle-index-bench-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) return "";
  return pattern;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, &options)) {
    std::fprintf(stderr,
                 "usage: index_bench [--dossiers N] [--pages N] [--queries N] [--seed N] "
                 "[--shared DIR] [--keep] [--show]\n");
    return 2;
  }
  passerelle::bench::WarnIfNotOptimized(PASSERELLE_BUILD_TYPE);
  FrenchAnalyzer analyzer;
  const Pieces pieces = CollectPieces(options.shared, analyzer);
  if (pieces.clauses.empty() || pieces.headings.empty()) {
    std::fprintf(stderr, "no usable text under %s\n", options.shared.c_str());
    return 1;
  }
  std::printf("pieces: %zu clauses, %zu openers, %zu headings from %s\n", pieces.clauses.size(),
              pieces.openers.size(), pieces.headings.size(), options.shared.c_str());
  if (options.show) {
    ShowFirstDossier(options, pieces);
    return 0;
  }
  const fs::path root = MakeWorkspace();
  if (root.empty()) return 1;
  IndexFigures figures;
  passerelle::Status s = IndexAll(root.string(), options, pieces, &figures);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  PrintIndexing(options, figures, FolderBytes(root / "index"));
  Latencies latencies;
  s = RunQueries(root.string(), options, CollectQueryWords(pieces, analyzer), &latencies);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.message().c_str());
    return 1;
  }
  PrintLatencies(latencies);
  if (options.keep) {
    std::printf("workspace kept: %s\n", root.c_str());
  } else {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  return 0;
}
