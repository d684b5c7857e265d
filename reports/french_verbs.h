// The small part of French verb morphology the reports need: the past
// participle of an infinitive, and whether its compound past takes "être".
// Used by phrasing.h to turn "Monter les outils" into "vous avez monté les
// outils". Covers the regular -er and -ir verbs and a table of the common
// irregular ones (-re, -oir and the irregular -ir); anything else is unknown
// and the caller falls back to a phrasing that needs no conjugation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace passerelle::reports {

struct PastParticiple {
  std::string form;        // masculine singular: "monté", "pris", "intervenu"
  bool with_etre = false;  // "vous êtes intervenu" rather than "vous avez ..."
  // A verb of state whose complement is an attribute, not an object: "être"
  // even before a noun phrase ("devenir un lecteur", "rester calme").
  bool attributive = false;
};

// `infinitive` in lower case ("monter", "définir", "prendre"). nullopt when
// the word is not a verb we know or can conjugate safely: a noun that looks
// like an infinitive ("atelier", "dossier", "ordre"), an -re or -oir verb
// outside the table, or anything that does not end like an infinitive.
std::optional<PastParticiple> PastParticipleOf(std::string_view infinitive);

// Lower-cases a word that starts a line of a referentiel, giving back the
// accent that capitals often lose: "Equiper" -> "équiper", "Ebavurer" ->
// "ébavurer", "Etre" -> "être", but "Effectuer" -> "effectuer" and
// "Exploiter" -> "exploiter" (an initial E before one consonant and a vowel,
// "qu", or a consonant followed by r or l, is an é in French spelling).
std::string LowerInitialWord(std::string_view word);

}  // namespace passerelle::reports
