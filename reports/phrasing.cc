#include "reports/phrasing.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <vector>

#include "engine/text.h"
#include "reports/french_verbs.h"
#include "reports/typography.h"

namespace passerelle::reports {

namespace {

using Tokens = std::vector<std::string>;

constexpr const char* kDeterminers[] = {
    "le",   "la",    "les",  "un",     "une",   "des",    "du",  "chaque",
    "tout", "toute", "tous", "toutes", "aucun", "aucune", "il",  "ils",
    "elle", "elles", "on",   "ce",     "cet",   "cette",  "ces", "son",
    "sa",   "ses",   "leur", "leurs",  "au",    "aux",    "l'",  "l’",
};

// Conjugated forms that make a criterion a sentence ("... sont montés").
constexpr const char* kConjugated[] = {
    "est",       "sont",       "a",          "ont",           "permet",   "permettent",
    "respecte",  "respectent", "correspond", "correspondent", "garantit", "garantissent",
    "assure",    "assurent",   "tient",      "tiennent",      "prend",    "prennent",
    "intègre",   "intègrent",  "comporte",   "comportent",    "contient", "contiennent",
    "répond",    "répondent",  "reste",      "restent",       "peut",     "peuvent",
    "doit",      "doivent",    "fait",       "font",          "se",       "s'",
    "s’",        "sera",       "seront",     "était",         "étaient",  "utilise",
    "utilisent", "applique",   "appliquent", "suit",          "suivent",  "vérifie",
};

// Words ending like an -re or -oir infinitive that are common and are not
// verbs; anything else unknown with that ending makes us unsure.
constexpr const char* kCommonNonVerbs[] = {
    "entre",  "contre",  "autre",  "autres", "notre",  "votre",  "ordre",  "centre",  "titre",
    "cadre",  "nombre",  "propre", "libre",  "membre", "lettre", "mètre",  "matière", "manière",
    "filtre", "chiffre", "offre",  "outre",  "sinon",  "soir",   "espoir",
};

bool In(const auto& list, std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Byte length of the UTF-8 code point starting `s`.
size_t FirstCodePointLength(std::string_view s) {
  if (s.empty()) return 0;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
  return std::min(n, s.size());
}

// "HSE", "FAO", "CN": a word in capitals keeps its case.
bool IsAcronym(std::string_view word) {
  int letters = 0;
  for (char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

// Lower-cases the first letter unless the first word is an acronym.
std::string LowerFirst(std::string_view text) {
  std::string_view first_word = text.substr(0, text.find(' '));
  if (IsAcronym(first_word)) return std::string(text);
  const size_t n = FirstCodePointLength(text);
  return ToLower(text.substr(0, n)) + std::string(text.substr(n));
}

// The referentiel's words carried unchanged into one of our sentences: a
// quote, so that they read as the source's, typos included ("Les relevées
// de contrôle…", "de le méthode"). Quotes inside become “ ” (French nested
// quotes).
std::string Cited(std::string_view words) {
  constexpr std::string_view kOpen = "\u00AB", kClose = "\u00BB";  // « »
  std::string inner;
  bool open = true;
  for (size_t i = 0; i < words.size();) {
    const std::string_view rest = words.substr(i);
    if (rest.front() == '"') {
      inner += open ? "\u201C" : "\u201D";
      open = !open;
      ++i;
    } else if (rest.starts_with(kOpen)) {
      inner += "\u201C";
      i += kOpen.size();
      while (i < words.size() && words[i] == ' ') ++i;
    } else if (rest.starts_with(kClose)) {
      while (!inner.empty() && inner.back() == ' ') inner.pop_back();
      inner += "\u201D";
      i += kClose.size();
    } else {
      inner.push_back(words[i++]);
    }
  }
  return std::string(kOpen) + " " + inner + " " + std::string(kClose);
}

Tokens Split(std::string_view text) {
  Tokens tokens;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) tokens.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return tokens;
}

// Trims, collapses spaces, drops a leading bullet and trailing punctuation.
std::string Clean(std::string_view requirement) {
  std::string text = CollapseSpaces(requirement);
  for (std::string_view bullet : {"- ", "* ", "• ", "– ", "o "})
    if (StartsWith(text, bullet)) text.erase(0, bullet.size());
  while (!text.empty() && std::string_view(" .;:,").find(text.back()) != std::string_view::npos)
    text.pop_back();
  return text;
}

bool LooksLikeInfinitive(std::string_view word) {
  return EndsWith(word, "er") || EndsWith(word, "ir") || EndsWith(word, "re");
}

// "s'assurer" / "s’assurer" -> "assurer"; nullopt when the token is not a
// reflexive infinitive ("s'applique" is conjugated: left alone).
std::optional<std::string> ReflexiveVerb(std::string_view token) {
  for (std::string_view prefix : {"s'", "S'", "s’", "S’"}) {
    if (!StartsWith(token, prefix) || token.size() <= prefix.size()) continue;
    std::string verb(token.substr(prefix.size()));
    if (LooksLikeInfinitive(ToLower(verb))) return verb;
  }
  return std::nullopt;
}

// "s'adaptant" / "s’appuyant" -> "adaptant": a reflexive present
// participle ("en s'appuyant sur"), which addresses the candidate as
// "en vous appuyant".
std::optional<std::string> ReflexiveGerund(std::string_view token) {
  for (std::string_view prefix : {"s'", "s’"}) {
    if (!StartsWith(token, prefix) || token.size() <= prefix.size() + 3) continue;
    std::string word(token.substr(prefix.size()));
    if (EndsWith(word, "ant")) return word;
  }
  return std::nullopt;
}

// Verbs whose complement may be an attribute agreeing with the subject
// ("être attentif", "devenir un lecteur", "se tenir informé"): unless a
// preposition follows ("être à l'écoute"), the sentence would give the
// candidate a gender. The reflexive ones are listed without "se".
constexpr const char* kAttributeVerbs[] = {"être",    "devenir", "redevenir", "rester",
                                           "demeurer", "sembler", "paraître"};
constexpr const char* kReflexiveAttributeVerbs[] = {"tenir", "montrer", "sentir", "rendre",
                                                    "révéler"};
constexpr const char* kPrepositions[] = {"à",   "au",   "aux",  "en",   "dans", "sur",
                                         "sous", "de",  "du",   "des",  "d'",   "d’",
                                         "avec", "par", "pour", "chez", "entre"};

bool AttributeMayFollow(const std::string& verb, bool reflexive, const Tokens& rest) {
  const bool attribute_verb =
      reflexive ? In(kReflexiveAttributeVerbs, verb) : In(kAttributeVerbs, verb);
  if (!attribute_verb || rest.empty()) return false;
  const std::string next = ToLower(rest[0]);
  if (In(kPrepositions, next) || StartsWith(next, "d'") || StartsWith(next, "d’")) return false;
  return true;
}

// Prepositions an infinitive follows ("pour gérer", "sans dégrader").
constexpr const char* kInfinitivePrepositions[] = {"pour", "de", "à", "sans", "afin", "par"};

// "d'informer" -> "informer": an infinitive after an elided "de".
std::string WithoutElision(const std::string& token) {
  for (std::string_view prefix : {"d'", "d’"})
    if (StartsWith(token, prefix)) return token.substr(prefix.size());
  return token;
}

// Splits a trailing comma off a token: "préparer," -> {"préparer", ","}.
std::pair<std::string, std::string> WithoutComma(const std::string& token) {
  if (EndsWith(token, ",")) return {token.substr(0, token.size() - 1), ","};
  return {token, ""};
}

bool IsCoordinator(const std::string& token) {
  return token == "et" || token == "ou" || token == "et/ou" || EndsWith(token, ",");
}

std::string Possessive(const std::string& token) {
  if (token == "son" || token == "sa") return "votre";
  if (token == "ses") return "vos";
  if (token == "soi") return "vous";
  if (token == "soi-même") return "vous-même";
  return token;
}

// How a phrase of infinitives reads after "vous avez eu à": the verbs stay
// infinitives, reflexive pronouns address the candidate ("s'assurer" ->
// "vous assurer", "se positionner" -> "vous positionner") and so do the
// possessives before any other noun phrase.
struct Possessives {
  bool noun_seen = false;
  // "son", "sa", "ses" address the candidate only before any other noun
  // phrase: in "Aligner une tourelle et définir sa position", "sa" is the
  // tourelle's.
  std::string Apply(const std::string& token) {
    const std::string word = noun_seen ? token : Possessive(token);
    noun_seen =
        noun_seen ||
        (token != "son" && token != "sa" && token != "ses" && In(kDeterminers, ToLower(token))) ||
        StartsWith(token, "l'") || StartsWith(token, "l’");
    return word;
  }
};

// Rewrites what follows the first verb: coordinated infinitives become
// participles ("et monter" -> "et monté"), possessives address the
// candidate. nullopt when the conjugated sentence would not be certain: an
// unknown word after "et"/"ou" may be a verb we cannot conjugate, a
// coordinated reflexive verb would need "vous vous êtes" and a participle
// that agrees with the candidate's gender, a colon introduces a list that
// is not coordinated with the first verb ("Entrer dans l'échange : lire,
// analyser, écrire").
std::optional<Tokens> RewriteRest(const Tokens& rest, const std::string& verb) {
  Tokens out;
  std::string prev = verb;
  Possessives possessives;
  // An infinitive kept after a preposition ("pour gérer", "afin
  // d'informer"): the infinitives coordinated after it are its own and
  // stay infinitives ("pour gérer, analyser et optimiser").
  bool subordinate = false;
  for (size_t i = 0; i < rest.size(); ++i) {
    const auto [token, comma] = WithoutComma(rest[i]);
    if (token == ":" || EndsWith(token, ":")) return std::nullopt;
    const bool coordinated = IsCoordinator(prev);
    const std::string bare = WithoutElision(token);
    const bool after_preposition =
        bare != token || In(kInfinitivePrepositions, ToLower(WithoutComma(prev).first));
    if (!coordinated && after_preposition && LooksLikeInfinitive(bare) && PastParticipleOf(bare))
      subordinate = true;
    if (subordinate && coordinated && LooksLikeInfinitive(token)) {
      out.push_back(token + comma);
      prev = rest[i];
      continue;
    }
    std::optional<std::string> reflexive = ReflexiveVerb(token);
    if (!reflexive && token == "se" && i + 1 < rest.size() &&
        LooksLikeInfinitive(WithoutComma(rest[i + 1]).first))
      reflexive = WithoutComma(rest[++i]).first;
    std::string word;
    if (std::optional<std::string> gerund = ReflexiveGerund(token)) {
      word = "vous " + *gerund;  // "en s'appuyant" -> "en vous appuyant"
    } else if (token == "se" && i + 1 < rest.size() && EndsWith(rest[i + 1], "ant")) {
      word = "vous";  // "en se servant" -> "en vous servant"
    } else if (reflexive) {
      if (coordinated) return std::nullopt;
      word = "vous " + *reflexive;  // "savoir s'organiser" -> "su vous organiser"
    } else if (coordinated && LooksLikeInfinitive(token) && !In(kCommonNonVerbs, token)) {
      auto pp = PastParticipleOf(token);
      // An unknown -re word may be a verb we cannot conjugate: unsure. An
      // -er or -ir word refused by PastParticipleOf is a noun ("dossier").
      if (!pp && EndsWith(token, "re")) return std::nullopt;
      if (pp && pp->with_etre) return std::nullopt;
      word = pp ? pp->form : token;
    } else {
      word = possessives.Apply(token);
    }
    out.push_back(word + comma);
    prev = rest[i];
  }
  return out;
}

// The requirement as a phrase of infinitives addressed to the candidate:
// "S'assurer de sa sécurité" -> "vous assurer de votre sécurité".
std::string InfinitivePhrase(const Tokens& tokens) {
  Tokens out;
  Possessives possessives;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const auto [token, comma] = WithoutComma(tokens[i]);
    std::string word;
    if (std::optional<std::string> gerund = ReflexiveGerund(token)) {
      word = "vous " + *gerund;
    } else if (ToLower(token) == "se" && i + 1 < tokens.size() && EndsWith(tokens[i + 1], "ant")) {
      word = "vous";
    } else if (std::optional<std::string> reflexive = ReflexiveVerb(token)) {
      word = "vous " + (i == 0 ? LowerInitialWord(*reflexive) : *reflexive);
    } else if (ToLower(token) == "se" && i + 1 < tokens.size() &&
               LooksLikeInfinitive(WithoutComma(tokens[i + 1]).first)) {
      word = "vous";
    } else if (i == 0) {
      word = LowerInitialWord(token);
    } else {
      word = possessives.Apply(token);
    }
    out.push_back(word + comma);
  }
  return Join(out, " ");
}

// "Décrivez une situation où vous avez monté les outils" when the compound
// past is certain and takes "avoir" (its participle does not agree with the
// candidate); "… où vous avez eu à intervenir sur …", the infinitives kept,
// when it would take "être" ("vous êtes intervenu(e)") or is not certain.
// nullopt when the first word is not a verb we know.
std::optional<std::string> FromInfinitive(const std::string& text) {
  Tokens tokens = Split(text);
  if (tokens.empty()) return std::nullopt;
  size_t next = 1;
  std::optional<std::string> verb = ReflexiveVerb(tokens[0]);
  const bool reflexive = verb.has_value() || (ToLower(tokens[0]) == "se" && tokens.size() > 1);
  if (!verb) verb = reflexive ? tokens[next++] : tokens[0];
  const auto [bare, comma] = WithoutComma(*verb);
  std::optional<PastParticiple> pp = PastParticipleOf(LowerInitialWord(bare));
  if (!pp) return std::nullopt;
  const std::string infinitive_form =
      "Décrivez une situation où vous avez eu à " + InfinitivePhrase(tokens) + ".";
  Tokens rest(tokens.begin() + static_cast<long>(next), tokens.end());
  // "Entrer les cotes": with a direct object the auxiliary is "avoir";
  // "Devenir un lecteur": an attribute, still "être".
  const bool object_follows =
      !rest.empty() && (In(kDeterminers, ToLower(rest[0])) || StartsWith(rest[0], "l'") ||
                        StartsWith(rest[0], "l’"));
  if (AttributeMayFollow(LowerInitialWord(bare), reflexive, rest))
    return "Décrivez une situation où : " + Cited(LowerFirst(text)) + ".";
  if (reflexive || (pp->with_etre && (!object_follows || pp->attributive)))
    return infinitive_form;
  std::optional<Tokens> rewritten = RewriteRest(rest, ToLower(*verb));
  if (!rewritten) return infinitive_form;
  std::string sentence = "Décrivez une situation où vous avez " + pp->form + comma;
  if (!rewritten->empty()) sentence.append(" ").append(Join(*rewritten, " "));
  return sentence + ".";
}

bool StartsWithVowel(std::string_view lower) {
  for (std::string_view v : {"a", "e", "i", "o", "u", "y", "à", "â", "é", "è", "ê", "î", "ô"})
    if (StartsWith(lower, v)) return true;
  return false;
}

std::optional<std::string> FromCriterion(const std::string& text) {
  Tokens tokens = Split(text);
  if (tokens.empty()) return std::nullopt;
  const std::string first = ToLower(tokens[0]);
  const bool determiner =
      In(kDeterminers, first) || StartsWith(first, "l'") || StartsWith(first, "l’");
  if (!determiner) return std::nullopt;
  bool conjugated = false;
  for (size_t i = 1; i < tokens.size() && !conjugated; ++i) {
    const std::string word = ToLower(tokens[i]);
    conjugated = In(kConjugated, word) || StartsWith(word, "s'") || StartsWith(word, "s’") ||
                 (word.size() > 5 && EndsWith(word, "ent") && !EndsWith(word, "ment"));
  }
  if (!conjugated) return std::nullopt;
  const std::string clause = LowerFirst(text);
  const std::string que = StartsWithVowel(clause) ? "qu’" : "que ";
  return "Montrez par un exemple " + que + Cited(clause) + ".";
}

std::optional<std::string> FromSavoir(const std::string& text) {
  const std::string lower = ToLower(text);
  if (StartsWith(lower, "connaissances "))
    return "Décrivez une situation qui montre vos " + Cited(LowerFirst(text)) + ".";
  if (StartsWith(lower, "connaissance "))
    return "Décrivez une situation qui montre votre " + Cited(LowerFirst(text)) + ".";
  return std::nullopt;
}

// A noun phrase or anything else: the item as it is written.
std::string Fallback(const std::string& text) {
  return "Décrivez une situation qui montre : " + Cited(LowerFirst(text)) + ".";
}

// A line that starts like an infinitive we cannot conjugate with
// certainty ("Foutre…"): the item as it is written, after a neutral lead.
std::string NeutralFallback(const std::string& text) {
  return "Décrivez une situation où : " + Cited(LowerFirst(text)) + ".";
}

// True when the first word may be an -re or -oir verb outside the table
// of french_verbs.h: conjugating it is not certain. (An -er or -ir word
// that PastParticipleOf refuses is a noun: "atelier", "cahier".)
bool StartsWithAnUnknownVerb(const std::string& text) {
  const Tokens tokens = Split(text);
  if (tokens.empty()) return false;
  if (ReflexiveVerb(tokens[0])) return true;
  const std::string first = LowerInitialWord(WithoutComma(tokens[0]).first);
  if (In(kCommonNonVerbs, first)) return false;
  // No French infinitive outside the table ends so; many nouns do
  // ("mesure", "histoire", "inventaire", "matière").
  for (std::string_view noun : {"ure", "oire", "aire", "ère"})
    if (EndsWith(first, noun)) return false;
  return EndsWith(first, "re") || EndsWith(first, "oir");
}

std::string Key(std::string_view text) {
  std::string key = FoldForMatch(text);
  while (!key.empty() && (key.back() == '.' || key.back() == ' ')) key.pop_back();
  return key;
}

}  // namespace

RequirementKinds::RequirementKinds(const Competence* competence) {
  if (competence == nullptr) return;
  auto add = [&](const std::vector<std::string>& items, RequirementKind kind, bool technical) {
    for (const std::string& item : items) entries_.push_back({Key(item), {kind, technical}});
  };
  add(competence->criteria, RequirementKind::kCriterion, false);
  add(competence->savoir_faire_techniques, RequirementKind::kSavoirFaire, true);
  add(competence->savoir_faire_organisationnels, RequirementKind::kSavoirFaire, false);
  add(competence->savoir_faire_relationnels, RequirementKind::kSavoirFaire, false);
  add(competence->savoirs, RequirementKind::kSavoir, false);
}

const RequirementKinds::Entry* RequirementKinds::Find(std::string_view text) const {
  if (entries_.empty()) return nullptr;
  const std::string key = Key(text);
  for (const auto& [k, entry] : entries_)
    if (k == key) return &entry;
  return nullptr;
}

RequirementKind RequirementKinds::Of(std::string_view text) const {
  const Entry* entry = Find(text);
  return entry == nullptr ? RequirementKind::kUnknown : entry->kind;
}

bool RequirementKinds::IsTechnical(std::string_view text) const {
  const Entry* entry = Find(text);
  return entry != nullptr && entry->technical;
}

RequirementKind KindOfRequirement(const Competence* competence, std::string_view text) {
  return RequirementKinds(competence).Of(text);
}

std::string PhraseSituation(std::string_view requirement, RequirementKind kind) {
  const std::string text = Clean(requirement);
  if (text.empty()) return "";
  std::optional<std::string> sentence = FromSavoir(text);
  if (!sentence && kind != RequirementKind::kCriterion) sentence = FromInfinitive(text);
  if (!sentence && kind != RequirementKind::kSavoirFaire) sentence = FromCriterion(text);
  if (!sentence && kind == RequirementKind::kCriterion) sentence = FromInfinitive(text);
  if (!sentence)
    sentence = kind != RequirementKind::kCriterion && StartsWithAnUnknownVerb(text)
                   ? NeutralFallback(text)
                   : Fallback(text);
  return FrenchTypography(*sentence);
}

}  // namespace passerelle::reports
