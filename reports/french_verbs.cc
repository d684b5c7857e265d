#include "reports/french_verbs.h"

#include <algorithm>
#include <array>
#include <utility>

#include "engine/text.h"

namespace passerelle::reports {

namespace {

// Verbs whose compound past takes "être" when used without a direct object
// (the savoir-faire of a referentiel that start with them are intransitive).
constexpr std::array kEtreVerbs = {
    "aller",    "venir",   "revenir", "devenir",  "parvenir",   "intervenir",
    "survenir", "arriver", "partir",  "repartir", "rester",     "entrer",
    "rentrer",  "naître",  "mourir",  "tomber",   "apparaître",
};

// Être verbs followed by an attribute rather than an object.
constexpr std::array kAttributiveVerbs = {"devenir", "redevenir", "rester", "demeurer"};

// Whole-word irregular participles.
constexpr std::pair<const char*, const char*> kIrregular[] = {
    {"être", "été"},
    {"avoir", "eu"},
    {"aller", "allé"},
    {"naître", "né"},
    {"mourir", "mort"},
    {"voir", "vu"},
    {"revoir", "revu"},
    {"prévoir", "prévu"},
    {"entrevoir", "entrevu"},
    {"pourvoir", "pourvu"},
    {"devoir", "dû"},
    {"pouvoir", "pu"},
    {"savoir", "su"},
    {"vouloir", "voulu"},
    {"valoir", "valu"},
    {"prévaloir", "prévalu"},
    {"lire", "lu"},
    {"relire", "relu"},
    {"élire", "élu"},
    {"dire", "dit"},
    {"redire", "redit"},
    {"contredire", "contredit"},
    {"interdire", "interdit"},
    {"prédire", "prédit"},
    {"suffire", "suffi"},
    {"rire", "ri"},
    {"sourire", "souri"},
    {"boire", "bu"},
    {"croire", "cru"},
    {"plaire", "plu"},
    {"vivre", "vécu"},
    {"revivre", "revécu"},
    {"survivre", "survécu"},
    {"suivre", "suivi"},
    {"poursuivre", "poursuivi"},
    {"inclure", "inclus"},
    {"conclure", "conclu"},
    {"exclure", "exclu"},
    {"nuire", "nui"},
    {"luire", "lui"},
    {"coudre", "cousu"},
    {"découdre", "décousu"},
    {"moudre", "moulu"},
    {"résoudre", "résolu"},
    {"asseoir", "assis"},
    {"fuir", "fui"},
    {"vêtir", "vêtu"},
    {"revêtir", "revêtu"},
    {"bouillir", "bouilli"},
    {"mordre", "mordu"},
    {"tordre", "tordu"},
    {"détordre", "détordu"},
    {"vaincre", "vaincu"},
    {"convaincre", "convaincu"},
    {"rompre", "rompu"},
    {"interrompre", "interrompu"},
    {"corrompre", "corrompu"},
    {"émouvoir", "ému"},
    {"mouvoir", "mû"},
    {"promouvoir", "promu"},
    {"falloir", "fallu"},
    {"pleuvoir", "plu"},
    {"faire", "fait"},
};

// Ending rewrites, tried in order: the first ending that matches wins.
constexpr std::pair<const char*, const char*> kEndings[] = {
    {"prendre", "pris"}, {"mettre", "mis"},  {"battre", "battu"}, {"endre", "endu"},
    {"ondre", "ondu"},   {"erdre", "erdu"},  {"aindre", "aint"},  {"eindre", "eint"},
    {"oindre", "oint"},  {"uire", "uit"},    {"crire", "crit"},   {"aître", "u"},
    {"aitre", "u"},      {"faire", "fait"},  {"traire", "trait"}, {"tenir", "tenu"},
    {"venir", "venu"},   {"vrir", "vert"},   {"frir", "fert"},    {"courir", "couru"},
    {"cevoir", "çu"},    {"quérir", "quis"},
};

// Nouns and adjectives that end like an -er or -ir infinitive and may start a
// line of a referentiel.
constexpr std::array kNotVerbs = {
    "acier",     "atelier",     "avenir",   "boulanger", "cahier",  "calendrier", "chantier",
    "cher",      "clavier",     "courrier", "cuir",      "danger",  "dernier",    "désir",
    "dossier",   "entier",      "escalier", "étranger",  "fer",     "fichier",    "foyer",
    "hier",      "hiver",       "laser",    "léger",     "levier",  "loisir",     "loyer",
    "manager",   "master",      "mer",      "métier",    "ouvrier", "palier",     "panier",
    "papier",    "particulier", "plaisir",  "plancher",  "premier", "quartier",   "routier",
    "sentier",   "super",       "tablier",  "tir",       "verger",  "leader",     "cluster",
    "container", "poster",      "cutter",
};

bool Contains(const auto& list, std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

std::optional<std::string> FromEnding(std::string_view verb) {
  for (const auto& [ending, replacement] : kEndings) {
    std::string_view e(ending);
    if (EndsWith(verb, e)) return std::string(verb.substr(0, verb.size() - e.size())) + replacement;
  }
  return std::nullopt;
}

// Regular first and second groups: "monter" -> "monté", "définir" -> "défini".
std::optional<std::string> Regular(std::string_view verb) {
  if (verb.size() < 4 || Contains(kNotVerbs, verb)) return std::nullopt;
  if (EndsWith(verb, "er")) return std::string(verb.substr(0, verb.size() - 2)) + "é";
  if (EndsWith(verb, "ir") && !EndsWith(verb, "oir"))
    return std::string(verb.substr(0, verb.size() - 2)) + "i";
  return std::nullopt;
}

bool IsVowel(char c) { return std::string_view("aeiouy").find(c) != std::string_view::npos; }

bool WantsAcute(std::string_view lower) {
  if (lower.size() < 3 || lower[0] != 'e') return false;
  const char c1 = lower[1], c2 = lower[2];
  if (IsVowel(c1) || c1 == 'x' || static_cast<unsigned char>(c1) >= 0x80) return false;
  if (IsVowel(c2) && c2 != 'y') return true;
  if (c1 == 'q' && c2 == 'u') return true;
  return std::string_view("bcdfgptv").find(c1) != std::string_view::npos &&
         (c2 == 'r' || c2 == 'l');
}

}  // namespace

std::string LowerInitialWord(std::string_view word) {
  std::string lower = ToLower(word);
  if (word.empty() || word[0] != 'E') return lower;
  if (lower == "etre") return "être";
  if (WantsAcute(lower)) return "é" + lower.substr(1);
  return lower;
}

std::optional<PastParticiple> PastParticipleOf(std::string_view infinitive) {
  if (infinitive.empty()) return std::nullopt;
  for (unsigned char c : infinitive)
    if (c < 0x80 && !(c >= 'a' && c <= 'z')) return std::nullopt;
  PastParticiple result;
  result.with_etre = Contains(kEtreVerbs, infinitive);
  result.attributive = Contains(kAttributiveVerbs, infinitive);
  for (const auto& [verb, participle] : kIrregular) {
    if (infinitive == verb) {
      result.form = participle;
      return result;
    }
  }
  std::optional<std::string> form = FromEnding(infinitive);
  if (!form) form = Regular(infinitive);
  if (!form) return std::nullopt;
  result.form = std::move(*form);
  return result;
}

}  // namespace passerelle::reports
