// French text analysis. Order of operations (docs/analysis.md says why):
//   1. ICU word segmentation of the UTF-8 text through a UText, so that
//      boundaries are byte offsets in the caller's text;
//   2. words joined by a hyphen without spaces form a compound: its parts
//      are words of their own, then comes the joined form;
//   3. an ICU word is split where ICU keeps going but French does not
//      (narrow NBSP, NBSP, '_', invalid bytes, '.' between letters);
//   4. an elided article or pronoun is stripped (l', d’, qu', jusqu'...);
//   5. case and accents are folded (a table for U+0000..U+036F, ICU
//      beyond); combining marks are dropped, so NFC and NFD spellings give
//      the same word without normalizing the text first;
//   6. a word holding a digit is exact: its folded form is its term;
//   7. a stop word gets no term, but its position;
//   8. otherwise the accents Snowball keys on are put back on the suffix,
//      Xapian's French stemmer runs, its output is folded again and two
//      derivational families are merged (-ifi → -if, -age → verb stem).
//   Steps 6 to 8 are cached per folded word.
#include "engine/french_analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <algorithm>
#include <array>
#include <functional>
#include <iterator>
#include <stdexcept>

namespace passerelle {

namespace {

// The stop words, in the order of engine/stopwords_fr.txt (the documented
// source of truth; a test checks that both lists are the same).
const char* const kStopwords[] = {
    // Snowball: pronouns, articles, prepositions, conjunctions.
    "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "eux", "il",
    "ils", "je", "la", "le", "les", "leur", "lui", "ma", "mais", "me", "même", "mes", "moi", "mon",
    "ne", "nos", "notre", "nous", "on", "ou", "par", "pour", "qu", "que", "qui", "sa", "se", "ses",
    "son", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous",
    // Snowball: single letters left by elisions.
    "c", "d", "j", "l", "à", "m", "n", "s", "t", "y",
    // Snowball: forms of être.
    "été", "étée", "étées", "étés", "étant", "étante", "étants", "étantes", "suis", "es", "est",
    "sommes", "êtes", "sont", "serai", "seras", "sera", "serons", "serez", "seront", "serais",
    "serait", "serions", "seriez", "seraient", "étais", "était", "étions", "étiez", "étaient",
    "fus", "fut", "fûmes", "fûtes", "furent", "sois", "soit", "soyons", "soyez", "soient", "fusse",
    "fusses", "fût", "fussions", "fussiez", "fussent",
    // Snowball: forms of avoir.
    "ayant", "ayante", "ayantes", "ayants", "eu", "eue", "eues", "eus", "ai", "as", "avons", "avez",
    "ont", "aurai", "auras", "aura", "aurons", "aurez", "auront", "aurais", "aurait", "aurions",
    "auriez", "auraient", "avais", "avait", "avions", "aviez", "avaient", "eut", "eûmes", "eûtes",
    "eurent", "aie", "aies", "ait", "ayons", "ayez", "aient", "eusse", "eusses", "eût", "eussions",
    "eussiez", "eussent",
    // Passerelle additions: demonstratives, relatives, linking words.
    "cet", "cette", "ceux", "celle", "celles", "celui", "ceci", "cela", "ça", "dont", "où", "leurs",
    "quel", "quels", "quelle", "quelles", "lors", "lorsque", "afin", "ainsi"};

// Elided words, in ASCII lower case: "l'usinage" is "usinage".
constexpr std::string_view kElisions[] = {"c",      "d",      "j",      "l",      "m",
                                          "n",      "s",      "t",      "qu",     "jusqu",
                                          "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"};
constexpr size_t kLongestElision = 6;

// Stems in -ag kept whole: they are not the action of an -er verb, and
// dropping -ag would make them meet an unrelated word (messag/mess,
// langag/lang, partag/part...). Sorted.
constexpr std::string_view kAgeKept[] = {"alliag", "avantag",  "breuvag",   "courag", "davantag",
                                         "dommag", "entourag", "fromag",    "hommag", "interag",
                                         "langag", "marecag",  "mariag",    "messag", "ouvrag",
                                         "partag", "paysag",   "personnag", "sauvag", "villag"};
static_assert(std::is_sorted(std::begin(kAgeKept), std::end(kAgeKept)));

// More parts than this and a hyphenated run is not a compound word.
constexpr size_t kMaxCompoundParts = 8;
// Break iterator offsets are int32_t.
constexpr size_t kMaxTextBytes = 0x7fffffff;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsApostrophe(UChar32 c) { return c == 0x27 || c == 0x2019 || c == 0x2018 || c == 0x02BC; }

// Kept inside a word by ICU and dropped by us: "aujourd'hui" is
// "aujourdhui", "salarié·e·s" is "salariées".
bool IsJoiner(UChar32 c) { return IsApostrophe(c) || c == 0x00B7 || c == 0x2027; }

// Kept inside a word by ICU (ExtendNumLet, or no break rule) but separating
// words for us. U+202F NARROW NO-BREAK SPACE is ExtendNumLet for ICU, so
// "mot\u202F?" and "10\u202F000" would otherwise be single words.
bool IsInnerSeparator(UChar32 c) {
  return c == '_' || c == ':' || c == 0x202F || c == 0x00A0 || c == 0x2007 || c == 0x200B;
}

// The byte length of the apostrophe that `s` starts with, 0 if none.
size_t ApostropheLength(std::string_view s) {
  if (!s.empty() && s[0] == '\'') return 1;
  if (s.substr(0, 2) == "\xCA\xBC") return 2;                                          // ʼ
  if (s.substr(0, 3) == "\xE2\x80\x99" || s.substr(0, 3) == "\xE2\x80\x98") return 3;  // ’ ‘
  return 0;
}

// "-", U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN.
bool IsHyphen(std::string_view s) { return s == "-" || s == "\xE2\x80\x90" || s == "\xE2\x80\x91"; }

bool IsElision(std::string_view prefix) {
  if (prefix.empty() || prefix.size() > kLongestElision) return false;
  char lower[kLongestElision];
  for (size_t i = 0; i < prefix.size(); ++i) lower[i] = static_cast<char>(prefix[i] | 0x20);
  const std::string_view word(lower, prefix.size());
  return std::find(std::begin(kElisions), std::end(kElisions), word) != std::end(kElisions);
}

// Marks and format characters (soft hyphen, zero-width joiner) vanish.
bool IsIgnorable(UChar32 c) {
  const int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR;
}

void AppendUtf8(UChar32 c, std::string* out) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, c, error);
  if (!error) out->append(buffer, length);
}

// One code point folded with ICU: full case folding, canonical
// decomposition, marks dropped, œ/æ expanded. "É" → "e", "Œ" → "oe",
// "ß" → "ss", "ﬁ" → "fi", U+0301 → "".
std::string FoldCodePointWithIcu(UChar32 c) {
  if (IsIgnorable(c)) return {};
  UChar in[2];
  int32_t in_length = 0;
  U16_APPEND_UNSAFE(in, in_length, c);
  UChar folded[8];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t folded_length =
      u_strFoldCase(folded, 8, in, in_length, U_FOLD_CASE_DEFAULT, &status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposed;
  if (U_SUCCESS(status))
    decomposed = nfd->normalize(icu::UnicodeString(folded, folded_length), status);
  if (U_FAILURE(status)) decomposed = icu::UnicodeString(c);
  std::string out;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 d = decomposed.char32At(i);
    i += U16_LENGTH(d);
    if (IsIgnorable(d)) continue;
    if (d == 0x0153)
      out += "oe";
    else if (d == 0x00E6)
      out += "ae";
    else
      AppendUtf8(d, &out);
  }
  return out;
}

// FoldCodePointWithIcu precomputed for Latin, IPA and combining marks.
class FoldTable {
 public:
  static const FoldTable& Get() {
    static const FoldTable table;
    return table;
  }
  void Append(UChar32 c, std::string* out) const {
    if (c < kSize) {
      const Entry& e = entries_[c];
      out->append(e.bytes, e.size);
    } else {
      out->append(FoldCodePointWithIcu(c));
    }
  }

 private:
  static constexpr UChar32 kSize = 0x370;
  struct Entry {
    char bytes[7];
    uint8_t size;
  };
  FoldTable() {
    for (UChar32 c = 0; c < kSize; ++c) {
      const std::string folded = FoldCodePointWithIcu(c);
      Entry& e = entries_[c];
      e.size = static_cast<uint8_t>(std::min(folded.size(), sizeof e.bytes));
      std::copy_n(folded.data(), e.size, e.bytes);
    }
  }
  std::array<Entry, kSize> entries_;
};

// Appends the case- and accent-folded `word` to `out`. Apostrophes and
// middle dots are dropped; '.' and ',' are kept only with `keep_dots` (in
// numbers). Returns true when the word holds a digit.
bool FoldWord(std::string_view word, bool keep_dots, std::string* out) {
  const FoldTable& table = FoldTable::Get();
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  bool digit = false;
  for (int32_t i = 0; i < n;) {
    const uint8_t c = p[i];
    if (c < 0x80) {  // ASCII fast path.
      ++i;
      if (c >= 'A' && c <= 'Z')
        out->push_back(static_cast<char>(c | 0x20));
      else if (c == '.' || c == ',') {
        if (keep_dots) out->push_back(static_cast<char>(c));
      } else if (c != '\'')
        out->push_back(static_cast<char>(c));
      digit |= IsAsciiDigit(static_cast<char>(c));
      continue;
    }
    UChar32 cp;
    U8_NEXT(p, i, n, cp);
    if (cp < 0 || IsJoiner(cp)) continue;
    if (cp >= 0x370 && u_isdigit(cp)) digit = true;
    table.Append(cp, out);
  }
  return digit;
}

// Snowball's French stemmer keys a few suffixes on their accents (-ité,
// -ée, -ière): "sécurité" → "sécur" but "securite" → "securit". Words reach
// it folded, so those accents are put back first; then accented and
// unaccented spellings meet by construction (docs/analysis.md: measured).
void RestoreSuffixAccents(std::string* word) {
  struct Rule {
    std::string_view plain, accented;
    bool not_after_a_or_o;  // -aite, -oite: faite, droite, not -ité.
  };
  static constexpr Rule kRules[] = {{"ierements", "ièrements", false},
                                    {"ierement", "ièrement", false},
                                    {"ietes", "iétés", false},
                                    {"iete", "iété", false},
                                    {"ites", "ités", true},
                                    {"ite", "ité", true},
                                    {"ees", "ées", false},
                                    {"ee", "ée", false},
                                    {"ieres", "ières", false},
                                    {"iere", "ière", false}};
  for (const Rule& rule : kRules) {
    if (!EndsWith(*word, rule.plain)) continue;
    const size_t stem = word->size() - rule.plain.size();
    if (rule.not_after_a_or_o && stem > 0 && ((*word)[stem - 1] == 'a' || (*word)[stem - 1] == 'o'))
      return;
    word->replace(stem, rule.plain.size(), rule.accented);
    return;
  }
}

// Two derivational families the stemmer leaves apart: -ifier/-ification
// ("verifi"/"verif") and -er/-age ("usin"/"usinag"), the second only when
// four letters remain and the stem is not in kAgeKept.
void NormalizeDerivation(std::string* stem) {
  if (EndsWith(*stem, "ifi")) {
    stem->pop_back();
  } else if (stem->size() >= 6 && EndsWith(*stem, "ag") &&
             !std::binary_search(std::begin(kAgeKept), std::end(kAgeKept),
                                 std::string_view(*stem))) {
    stem->resize(stem->size() - 2);
  }
}

size_t HashWord(std::string_view word) { return std::hash<std::string_view>{}(word); }

// Folded word → term, open addressing with linear probing, at most
// `max_entries` words; it grows by doubling and Clear() frees it.
class WordTable {
 public:
  explicit WordTable(size_t max_entries) : max_entries_(max_entries) {}

  const std::string* Find(std::string_view word, size_t hash) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (!slot.used) return nullptr;
      if (slot.hash == hash && slot.word == word) return &slot.term;
    }
  }
  bool Full() const { return used_ >= max_entries_; }
  // REQUIRES: !Full() and `word` absent. The pointer lives until the next
  // Insert or Clear.
  const std::string* Insert(std::string_view word, size_t hash, std::string_view term) {
    if (2 * (used_ + 1) > slots_.size()) Grow();
    Slot& slot = slots_[FreeSlot(hash)];
    slot = Slot{hash, true, std::string(word), std::string(term)};
    ++used_;
    return &slot.term;
  }
  void Clear() {
    slots_ = {};
    mask_ = 0;
    used_ = 0;
  }

 private:
  struct Slot {
    size_t hash = 0;
    bool used = false;
    std::string word;
    std::string term;
  };
  size_t FreeSlot(size_t hash) const {
    size_t i = hash & mask_;
    while (slots_[i].used) i = (i + 1) & mask_;
    return i;
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_ = std::vector<Slot>(std::max<size_t>(64, old.size() * 2));
    mask_ = slots_.size() - 1;
    for (Slot& slot : old)
      if (slot.used) slots_[FreeSlot(slot.hash)] = std::move(slot);
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t used_ = 0;
  size_t max_entries_;
};

// The folded stop words (duplicates once folded, like "ou"/"où", kept once).
const WordTable& StopwordTable() {
  static const WordTable table = [] {
    WordTable t(std::size(kStopwords));
    std::string folded;
    for (const char* word : kStopwords) {
      folded.clear();
      FoldWord(word, false, &folded);
      const size_t hash = HashWord(folded);
      if (!t.Find(folded, hash)) t.Insert(folded, hash, "");
    }
    return t;
  }();
  return table;
}

}  // namespace

class FrenchAnalyzer::Impl {
 public:
  explicit Impl(const FrenchAnalyzerOptions& options);
  void Analyze(std::string_view text, std::vector<AnalyzedToken>* out);
  bool IsStopword(std::string_view word);
  std::vector<AnalyzedToken>& scratch() { return scratch_; }

 private:
  struct Span {
    uint32_t begin, end;
  };
  void Segment();
  void OnWordSegment(Span segment);
  void OnOtherSegment(Span segment);
  void FlushChain();
  void AnalyzeSegment(Span segment, bool joining);
  bool SplitSegment(Span segment);
  void AddPiece(uint32_t begin, uint32_t end);
  bool PiecesAreSingleLetters() const;
  void AnalyzeWord(Span word, bool keep_dots, bool joining);
  uint32_t StripElision(Span word) const;
  const std::string* LookupTerm();
  void ComputeTerm(std::string_view folded, std::string* term);
  void Emit(Span span, std::string_view term, uint32_t position, bool exact, bool joined);

  const WordTable& stopwords_;
  std::unique_ptr<icu::BreakIterator> words_;
  Xapian::Stem stemmer_;
  WordTable cache_;
  const bool use_cache_;

  // State of the Analyze call under way.
  std::string_view text_;
  std::vector<AnalyzedToken>* out_ = nullptr;
  size_t count_ = 0;          // tokens written to *out_
  uint32_t position_ = 1;     // the next word's position
  std::vector<Span> chain_;   // ICU words joined by hyphens, not analyzed yet
  int64_t hyphen_end_ = -1;   // end of the hyphen after chain_.back(), if any
  std::vector<Span> pieces_;  // the words of one ICU word
  std::string joined_;        // the joined term of the compound under way
  bool joined_ok_ = false;    // every part so far was one word
  bool joined_exact_ = false;
  uint32_t word_begin_ = 0;  // where the last analyzed word began
  // Buffers reused across words.
  std::string folded_, term_, stem_input_;
  std::vector<AnalyzedToken> scratch_;
};

FrenchAnalyzer::Impl::Impl(const FrenchAnalyzerOptions& options)
    : stopwords_(StopwordTable()),
      cache_(options.term_cache_size),
      use_cache_(options.term_cache_size > 0) {
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getFrance(), status));
  if (U_FAILURE(status) || !words_)
    throw std::runtime_error(std::string("ICU word break iterator unavailable: ") +
                             u_errorName(status));
  try {
    stemmer_ = Xapian::Stem("french");
  } catch (const Xapian::Error& e) {
    throw std::runtime_error("Xapian French stemmer unavailable: " + e.get_description());
  }
}

void FrenchAnalyzer::Impl::Analyze(std::string_view text, std::vector<AnalyzedToken>* out) {
  text_ = text.substr(0, std::min(text.size(), kMaxTextBytes));
  out_ = out;
  count_ = 0;
  position_ = 1;
  chain_.clear();
  hyphen_end_ = -1;
  Segment();
  out->resize(count_);
  out_ = nullptr;
  text_ = {};
}

// Feeds ICU's segments to OnWordSegment (letters, digits) and
// OnOtherSegment (spaces, punctuation, symbols, invalid bytes).
void FrenchAnalyzer::Impl::Segment() {
  UErrorCode status = U_ZERO_ERROR;
  UText text = UTEXT_INITIALIZER;
  utext_openUTF8(&text, text_.data(), static_cast<int64_t>(text_.size()), &status);
  words_->setText(&text, status);
  if (U_SUCCESS(status)) {
    int32_t begin = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
         begin = end, end = words_->next()) {
      const Span segment{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
      if (words_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT)
        OnWordSegment(segment);
      else
        OnOtherSegment(segment);
    }
    FlushChain();
  }
  utext_close(&text);
}

void FrenchAnalyzer::Impl::OnWordSegment(Span segment) {
  if (chain_.empty() || hyphen_end_ != segment.begin) FlushChain();
  chain_.push_back(segment);
  hyphen_end_ = -1;
}

// A single hyphen right after a word may continue a compound; anything
// else ends it.
void FrenchAnalyzer::Impl::OnOtherSegment(Span segment) {
  const bool continues = !chain_.empty() && hyphen_end_ < 0 && chain_.back().end == segment.begin &&
                         IsHyphen(text_.substr(segment.begin, segment.end - segment.begin));
  if (continues)
    hyphen_end_ = segment.end;
  else
    FlushChain();
}

// Analyzes the pending ICU words; when they form a compound of words that
// are one word each, adds the joined form at the first part's position.
void FrenchAnalyzer::Impl::FlushChain() {
  if (chain_.empty()) return;
  const bool joining = chain_.size() > 1 && chain_.size() <= kMaxCompoundParts;
  joined_.clear();
  joined_ok_ = joining;
  joined_exact_ = false;
  const uint32_t first_position = position_;
  uint32_t joined_begin = chain_.front().begin;
  for (size_t i = 0; i < chain_.size(); ++i) {
    AnalyzeSegment(chain_[i], joining);
    if (i == 0) joined_begin = word_begin_;
  }
  if (joined_ok_ && joined_.size() <= FrenchAnalyzer::kMaxTermBytes)
    Emit({joined_begin, chain_.back().end}, joined_, first_position, joined_exact_, true);
  chain_.clear();
  hyphen_end_ = -1;
}

void FrenchAnalyzer::Impl::AnalyzeSegment(Span segment, bool joining) {
  const bool has_digit = SplitSegment(segment);
  if (pieces_.size() != 1) joined_ok_ = false;
  for (const Span& piece : pieces_) AnalyzeWord(piece, has_digit, joining);
}

// Splits an ICU word into pieces_ at inner separators, invalid bytes and,
// in words without digits, '.' ("service.Seule", "www.onisep.fr"); single
// letters between dots stay one word ("V.A.E"). Returns true when the ICU
// word holds an ASCII digit.
bool FrenchAnalyzer::Impl::SplitSegment(Span segment) {
  pieces_.clear();
  const std::string_view text = text_.substr(segment.begin, segment.end - segment.begin);
  const bool has_digit = std::any_of(text.begin(), text.end(), IsAsciiDigit);
  const auto* p = reinterpret_cast<const uint8_t*>(text_.data());
  bool only_dots = true;
  uint32_t start = segment.begin;
  for (int32_t i = static_cast<int32_t>(segment.begin); i < static_cast<int32_t>(segment.end);) {
    const int32_t here = i;
    bool separator;
    if (p[i] < 0x80) {
      const char c = static_cast<char>(p[i++]);
      separator = (c == '.' && !has_digit) || IsInnerSeparator(c);
      only_dots &= !separator || c == '.';
    } else {
      UChar32 cp;
      U8_NEXT(p, i, static_cast<int32_t>(segment.end), cp);
      separator = cp < 0 || IsInnerSeparator(cp);
      only_dots &= !separator;
    }
    if (!separator) continue;
    AddPiece(start, static_cast<uint32_t>(here));
    start = static_cast<uint32_t>(i);
  }
  AddPiece(start, segment.end);
  if (only_dots && pieces_.size() > 1 && PiecesAreSingleLetters()) pieces_.assign(1, segment);
  return has_digit;
}

void FrenchAnalyzer::Impl::AddPiece(uint32_t begin, uint32_t end) {
  if (begin < end) pieces_.push_back({begin, end});
}

bool FrenchAnalyzer::Impl::PiecesAreSingleLetters() const {
  const auto* p = reinterpret_cast<const uint8_t*>(text_.data());
  return std::all_of(pieces_.begin(), pieces_.end(), [p](const Span& piece) {
    int32_t i = static_cast<int32_t>(piece.begin);
    UChar32 c;
    U8_NEXT(p, i, static_cast<int32_t>(piece.end), c);
    return c >= 0 && static_cast<uint32_t>(i) == piece.end && u_isalpha(c);
  });
}

// One word: its position, its term unless it is a stop word, and its share
// of the joined term when it is part of a compound.
void FrenchAnalyzer::Impl::AnalyzeWord(Span word, bool keep_dots, bool joining) {
  word.begin = StripElision(word);
  word_begin_ = word.begin;
  folded_.clear();
  const bool exact = FoldWord(text_.substr(word.begin, word.end - word.begin), keep_dots, &folded_);
  if (folded_.empty() || folded_.size() > FrenchAnalyzer::kMaxTermBytes) {
    if (!folded_.empty()) ++position_;  // Too long: not a term, still a word.
    joined_ok_ = false;
    return;
  }
  const uint32_t position = position_++;
  const std::string* term = exact ? &folded_ : LookupTerm();
  if (term != nullptr) Emit(word, *term, position, exact, false);
  if (!joining) return;
  joined_.append(term != nullptr ? *term : folded_);
  joined_exact_ |= exact;
}

// Where `word` starts once an elided article or pronoun is stripped: after
// the apostrophe (', ’, ‘ or ʼ) of "l'", "qu’", "jusqu'"...
uint32_t FrenchAnalyzer::Impl::StripElision(Span word) const {
  const uint32_t limit = std::min<uint32_t>(word.end, word.begin + kLongestElision + 1);
  for (uint32_t i = word.begin; i < limit; ++i) {
    if (IsAsciiLetter(text_[i])) continue;
    const size_t apostrophe = ApostropheLength(text_.substr(i, word.end - i));
    if (apostrophe == 0 || i + apostrophe >= word.end) return word.begin;
    if (!IsElision(text_.substr(word.begin, i - word.begin))) return word.begin;
    return i + static_cast<uint32_t>(apostrophe);
  }
  return word.begin;
}

// The term of folded_, nullptr for a stop word. The pointer lives until the
// next call.
const std::string* FrenchAnalyzer::Impl::LookupTerm() {
  const size_t hash = HashWord(folded_);
  if (stopwords_.Find(folded_, hash) != nullptr) return nullptr;
  if (!use_cache_) {
    ComputeTerm(folded_, &term_);
    return &term_;
  }
  if (const std::string* cached = cache_.Find(folded_, hash)) return cached;
  ComputeTerm(folded_, &term_);
  if (cache_.Full()) cache_.Clear();
  return cache_.Insert(folded_, hash, term_);
}

void FrenchAnalyzer::Impl::ComputeTerm(std::string_view folded, std::string* term) {
  stem_input_.assign(folded);
  RestoreSuffixAccents(&stem_input_);
  const std::string stem = stemmer_(stem_input_);
  term->clear();
  FoldWord(stem, false, term);  // The stemmer may leave an é or è.
  NormalizeDerivation(term);
  if (term->empty()) term->assign(folded);
}

void FrenchAnalyzer::Impl::Emit(Span span, std::string_view term, uint32_t position, bool exact,
                                bool joined) {
  if (count_ == out_->size()) out_->emplace_back();
  AnalyzedToken& token = (*out_)[count_++];
  token.term.assign(term);
  token.raw.assign(text_.substr(span.begin, span.end - span.begin));
  token.position = position;
  token.begin = span.begin;
  token.end = span.end;
  token.exact = exact;
  token.joined = joined;
}

bool FrenchAnalyzer::Impl::IsStopword(std::string_view word) {
  folded_.clear();
  FoldWord(word, false, &folded_);
  return stopwords_.Find(folded_, HashWord(folded_)) != nullptr;
}

FrenchAnalyzer::FrenchAnalyzer(const FrenchAnalyzerOptions& options)
    : impl_(std::make_unique<Impl>(options)) {}

FrenchAnalyzer::~FrenchAnalyzer() = default;

std::vector<AnalyzedToken> FrenchAnalyzer::Analyze(std::string_view utf8) const {
  std::vector<AnalyzedToken> tokens;
  impl_->Analyze(utf8, &tokens);
  return tokens;
}

void FrenchAnalyzer::AnalyzeInto(std::string_view utf8, std::vector<AnalyzedToken>* tokens) const {
  impl_->Analyze(utf8, tokens);
}

std::string FrenchAnalyzer::Term(std::string_view word) const {
  std::vector<AnalyzedToken>& tokens = impl_->scratch();
  impl_->Analyze(word, &tokens);
  for (const AnalyzedToken& token : tokens)
    if (token.joined) return token.term;
  return tokens.empty() ? std::string() : tokens.front().term;
}

bool FrenchAnalyzer::IsStopword(std::string_view word) const { return impl_->IsStopword(word); }

const std::vector<std::string_view>& FrenchAnalyzer::StopwordList() {
  static const std::vector<std::string_view> list(std::begin(kStopwords), std::end(kStopwords));
  return list;
}

}  // namespace passerelle
