#include "engine/statement_clauses.h"

#include <algorithm>
#include <array>

#include "engine/text.h"

namespace passerelle {

std::string_view ClauseKindLabel(ClauseKind kind) {
  switch (kind) {
    case ClauseKind::kAsserted:
      return "affirmé";
    case ClauseKind::kNegated:
      return "négation";
    case ClauseKind::kHypothetical:
      return "hypothèse";
    case ClauseKind::kLearning:
      return "apprentissage";
    case ClauseKind::kDelegated:
      return "délégué";
    case ClauseKind::kOccasional:
      return "ponctuel";
    case ClauseKind::kJobTitle:
      break;
  }
  return "poste";
}

namespace {

// Words of a folded clause: lower case ASCII-ish letters and digits; an
// apostrophe ends a word ("n'ai" gives "n", "ai").
std::vector<std::string> Words(const std::string& folded) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : folded) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80 || c == '-') {
      cur += c;
    } else if (!cur.empty()) {
      words.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(cur);
  return words;
}

template <size_t N>
bool In(const std::string& w, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

constexpr std::array<std::string_view, 8> kNegationTails = {
    "pas", "jamais", "aucun", "aucune", "guere", "point", "rien", "nullement"};

bool IsFirstPerson(const std::string& w) {
  return w == "je" || w == "j" || w == "moi" || w == "nous" || w == "on" || w == "me" ||
         w == "m";
}

bool Negated(const std::vector<std::string>& w) {
  for (size_t i = 0; i < w.size(); ++i) {
    const std::string& x = w[i];
    const std::string next = i + 1 < w.size() ? w[i + 1] : "";
    if (x == "jamais" || x == "aucun" || x == "aucune" || x == "nullement") return true;
    if (x == "ni" && i + 2 < w.size()) return true;
    if (x == "pas") {
      // "pas seulement", "pas mal de", "pas à pas" do not deny.
      const std::string prev = i > 0 ? w[i - 1] : "";
      if (next == "seulement" || next == "uniquement" || next == "mal" || next == "a" ||
          next == "que" || prev == "a")
        continue;
      return true;
    }
    if ((x == "ne" || x == "n") && i + 1 < w.size()) {
      for (size_t j = i + 1; j < w.size() && j <= i + 6; ++j)
        if (In(w[j], kNegationTails)) return true;
    }
  }
  return false;
}

// Conditional and future forms of the first person, and wishes.
bool Hypothetical(const std::vector<std::string>& w, const std::string& folded) {
  static const std::array<std::string_view, 22> kWords = {
      "pourrais",   "pourrait",    "pourrions",  "voudrais",   "voudrions", "aimerais",
      "aimerions",  "souhaiterais", "souhaite",  "souhaitons", "envisage",  "envisageons",
      "prochainement", "espere",   "esperons",   "saurais",    "devrais",   "faudrait",
      "serais",     "aurais",      "ferais",     "reve"};
  for (const std::string& x : w)
    if (In(x, kWords)) return true;
  if (folded.find("a l'avenir") != std::string::npos ||
      folded.find("plus tard") != std::string::npos ||
      folded.find("si j'avais") != std::string::npos ||
      folded.find("si je devais") != std::string::npos ||
      folded.find("si on me") != std::string::npos)
    return true;
  // je + verb in -erais/-irais (conditional) or -erai/-irai (future).
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    if (w[i] != "je" && w[i] != "j") continue;
    // Skip object pronouns: "je le programmerais".
    size_t v = i + 1;
    while (v < w.size() && (w[v] == "le" || w[v] == "la" || w[v] == "les" || w[v] == "l" ||
                            w[v] == "y" || w[v] == "en" || w[v] == "lui" || w[v] == "leur"))
      ++v;
    if (v >= w.size()) continue;
    const std::string& verb = w[v];
    if (verb.size() >= 8 && (EndsWith(verb, "erais") || EndsWith(verb, "irais"))) return true;
    if (verb.size() >= 6 && (EndsWith(verb, "erai") || EndsWith(verb, "irai"))) return true;
  }
  return false;
}

bool Learning(const std::vector<std::string>& w, const std::string& folded) {
  static const std::array<std::string_view, 13> kWords = {
      "apprendre", "apprends",   "apprenais", "apprentissages", "notions",
      "initiation", "initier",   "decouvrir", "decouverte",     "theorie",
      "theorique", "theoriquement", "observer"};
  for (const std::string& x : w)
    if (In(x, kWords)) return true;
  static const std::array<std::string_view, 8> kPhrases = {
      "me former",  "me forme",      "en formation", "suivi une formation",
      "vu faire",   "regarde faire", "pas encore",   "j'observe"};
  for (std::string_view p : kPhrases)
    if (folded.find(p) != std::string::npos) return true;
  return false;
}

// "ne … que" or "seulement" followed by what makes the practice marginal:
// "je n'y ai travaillé que pour dépanner", "qu'une fois", "seulement en
// remplacement". A restriction of scope ("je ne travaille que sur des
// tours") stays an assertion.
bool Occasional(const std::vector<std::string>& w) {
  static const std::array<std::string_view, 13> kMarginal = {
      "depanner",   "depannage",        "depanne",      "ponctuellement", "occasionnellement",
      "rarement",   "exceptionnellement", "remplacement", "fois",         "quelquefois",
      "brievement", "episodiquement",   "renfort"};
  for (size_t i = 0; i < w.size(); ++i) {
    size_t restriction = w.size();
    if (w[i] == "seulement" || w[i] == "uniquement") restriction = i;
    if ((w[i] == "ne" || w[i] == "n") && restriction == w.size())
      for (size_t j = i + 1; j < w.size() && j <= i + 12; ++j)
        if (w[j] == "que" || w[j] == "qu") {
          restriction = j;
          break;
        }
    if (restriction == w.size()) continue;
    for (size_t k = restriction + 1; k < w.size() && k <= restriction + 4; ++k)
      if (In(w[k], kMarginal)) return true;
  }
  return false;
}

bool IsDeterminer(const std::string& x) {
  static const std::array<std::string_view, 14> kDeterminers = {
      "le", "la", "les", "l", "mon", "ma", "mes", "notre", "nos", "un", "une", "des", "leur",
      "leurs"};
  return In(x, kDeterminers);
}

// "ce sont les régleurs qui ...", "c'est mon chef qui ...".
bool CleftOther(const std::vector<std::string>& w) {
  for (size_t i = 0; i + 2 < w.size(); ++i) {
    const bool cleft = (w[i] == "ce" && w[i + 1] == "sont") ||
                       (w[i] == "c" && (w[i + 1] == "est" || w[i + 1] == "etait"));
    if (!cleft || !IsDeterminer(w[i + 2])) continue;
    for (size_t j = i + 3; j < w.size() && j <= i + 8; ++j)
      if (w[j] == "qui") return true;
  }
  return false;
}

// "les programmes sont préparés par le bureau des méthodes".
bool PassiveByOther(const std::vector<std::string>& w) {
  for (size_t i = 0; i + 3 < w.size(); ++i) {
    size_t k = i;
    if (w[i] == "est" || w[i] == "sont" || w[i] == "etait" || w[i] == "etaient" ||
        w[i] == "sera" || w[i] == "seront") {
      k = i + 1;
    } else if ((w[i] == "a" || w[i] == "ont") && w[i + 1] == "ete") {
      k = i + 2;
    } else {
      continue;
    }
    for (size_t j = k + 1; j < w.size() && j <= k + 3; ++j)
      if (w[j] == "par" && j + 1 < w.size() && (IsDeterminer(w[j + 1]) || w[j + 1] == "d"))
        return true;
  }
  return false;
}

bool Delegated(const std::vector<std::string>& w, const std::string& folded) {
  if (CleftOther(w) || PassiveByOther(w)) return true;
  const bool first_person = std::any_of(w.begin(), w.end(), IsFirstPerson);
  if (first_person) return false;
  if (folded.find("s'en charge") != std::string::npos ||
      folded.find("s'en occupe") != std::string::npos ||
      folded.find("se charge") != std::string::npos ||
      folded.find("s'occupe") != std::string::npos ||
      folded.find("en charge") != std::string::npos)
    return true;
  // A clause whose subject is someone else: "les régleurs montent les outils".
  static const std::array<std::string_view, 44> kPeople = {
      "regleur",     "regleurs",     "programmeur",  "programmeurs", "technicien",
      "techniciens", "collegue",     "collegues",    "chef",         "chefs",
      "responsable", "responsables", "operateur",    "operateurs",   "operatrice",
      "operatrices", "conducteur",   "conducteurs",  "service",      "bureau",
      "methodes",    "methodiste",   "controleur",   "controleurs",  "qualiticien",
      "metrologue",  "superieur",    "tuteur",       "formateur",    "prestataire",
      "sous-traitant", "equipe",     "ingenieur",    "ingenieurs",   "encadrant",
      "apprenti",    "apprentis",    "stagiaire",    "ouvrier",      "ouvriers",
      "outilleur",   "magasinier",   "personne",     "maintenance"};
  size_t i = 0;
  static const std::array<std::string_view, 9> kLeading = {
      "et", "mais", "puis", "alors", "donc", "ensuite", "car", "d", "abord"};
  while (i < w.size() && In(w[i], kLeading)) ++i;
  if (i + 1 < w.size() && IsDeterminer(w[i]) && In(w[i + 1], kPeople)) return true;
  return false;
}

// "Je suis régleur depuis huit ans", "Je travaille comme fraiseur sur centres
// d'usinage": the job the candidate holds, which a jury does not take as
// evidence of what they do.
bool JobTitle(const std::vector<std::string>& w) {
  if (w.size() < 3 || !(w[0] == "je" || w[0] == "j")) return false;
  static const std::array<std::string_view, 7> kVerbs = {
      "suis", "travaille", "exerce", "occupe", "ai", "travaillais", "etais"};
  if (!In(w[1], kVerbs)) return false;
  if (w[1] == "ai" && !(w[2] == "ete" || w[2] == "travaille")) return false;
  static const std::array<std::string_view, 5> kMarks = {"comme", "depuis", "chez", "pendant",
                                                         "poste"};
  for (size_t i = 2; i < w.size(); ++i) {
    if (In(w[i], kMarks)) return true;
    if (w[i] == "tant" && i > 0 && w[i - 1] == "en" && i + 1 < w.size() && w[i + 1] == "que")
      return true;
  }
  return false;
}

// Byte offsets where a new clause starts, besides 0.
std::vector<size_t> CutPoints(std::string_view text) {
  std::vector<size_t> cuts;
  const std::string lower = ToLower(text);  // same byte length for French text
  const bool same_length = lower.size() == text.size();
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ';' || c == ':' || c == '\n' || c == '(' || c == ')') {
      cuts.push_back(i + 1);
    } else if ((c == '.' || c == '!' || c == '?') && i + 1 < text.size() &&
               (text[i + 1] == ' ' || text[i + 1] == '\n')) {
      cuts.push_back(i + 1);
    }
  }
  if (same_length) {
    // Connectors: the clause starts at the connector word.
    static const std::array<std::string_view, 18> kConnectors = {
        ", j’",      " et j’",      ", puis ",   " puis je ",
        " mais ",    " alors que ", " tandis que ", " par contre ", " en revanche ",
        " cependant ", " sauf ",    " hormis ",     " excepté ",    " sans ",
        ", je ",     ", j'",        " et je ",      " et j'"};
    for (std::string_view k : kConnectors) {
      size_t pos = 0;
      while ((pos = lower.find(k, pos)) != std::string::npos) {
        cuts.push_back(pos + (k[0] == ',' ? 1 : 0) + 1);
        pos += k.size();
      }
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

}  // namespace

ClauseKind ClassifyClause(std::string_view clause) {
  const std::string folded = FoldForMatch(clause);
  const std::vector<std::string> words = Words(folded);
  // Order matters: "je n'ai pas encore appris" is learning at best, and a
  // denial of it; both exclude the clause.
  if (Negated(words)) return ClauseKind::kNegated;
  if (Learning(words, folded)) return ClauseKind::kLearning;
  if (Hypothetical(words, folded)) return ClauseKind::kHypothetical;
  if (Delegated(words, folded)) return ClauseKind::kDelegated;
  if (JobTitle(words)) return ClauseKind::kJobTitle;
  if (Occasional(words)) return ClauseKind::kOccasional;
  return ClauseKind::kAsserted;
}

std::vector<Clause> ReadClauses(std::string_view text) {
  std::vector<Clause> clauses;
  std::vector<size_t> cuts = CutPoints(text);
  cuts.push_back(text.size());
  size_t start = 0;
  for (size_t cut : cuts) {
    if (cut <= start) continue;
    std::string_view piece = text.substr(start, cut - start);
    if (!Trim(piece).empty()) {
      Clause c;
      c.begin = start;
      c.end = cut;
      // "sans ..." denies what follows it.
      std::string head = FoldForMatch(piece.substr(0, std::min<size_t>(piece.size(), 8)));
      c.kind = StartsWith(head, "sans ") ? ClauseKind::kNegated : ClassifyClause(piece);
      clauses.push_back(c);
    }
    start = cut;
  }
  return clauses;
}

}  // namespace passerelle
