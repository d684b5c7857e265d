// French typography for what the reports print: spacing around punctuation
// and guillemets, apostrophes, numbers, plurals and dates.
//
// Two kinds of text go into a report and they are treated differently:
// - our own sentences and texts taken from a referentiel go through
//   FrenchTypography (narrow no-break spaces, typographic apostrophes);
// - verbatim quotes from a candidate's dossier only go through
//   NormalizeVerbatim (white space), never anything that changes a character.
#pragma once

#include <string>
#include <string_view>

#include "engine/status.h"

namespace passerelle::reports {

// U+202F NARROW NO-BREAK SPACE, in UTF-8. The layout never breaks a line on it.
inline constexpr std::string_view kNarrowNbsp = "\u202F";

// Applies the French rules to a sentence of ours or of a referentiel:
// - a narrow no-break space before ; : ! ? (replacing an ordinary or
//   no-break space there, or inserted when missing; a ':' inside "10:30" or
//   "http://" is left alone);
// - a narrow no-break space inside « and »;
// - the typewriter apostrophe between two characters becomes ’.
std::string FrenchTypography(std::string_view text);

// For verbatim quotes: trims and turns every run of white space (spaces,
// tabs, line breaks, no-break spaces) into one ordinary space. Nothing else
// changes.
std::string NormalizeVerbatim(std::string_view text);

// Whole number with a narrow no-break space between thousands: "12 345".
std::string FormatInteger(long long value);
// Decimal with a comma: FormatDecimal(0.825, 2) == "0,83" (half away from 0).
std::string FormatDecimal(double value, int decimals);
// A fraction in [0, 1] as a whole percentage with a narrow no-break space:
// 0.78 -> "78 %". Never says "100 %" for less than 1, nor "0 %" for more
// than 0: a reader takes those figures literally.
std::string FormatPercent(double fraction);

// French plural agreement: 0 and 1 take the singular.
std::string_view PluralForm(int count, std::string_view singular, std::string_view plural);
// "1 compétence", "7 compétences", "0 compétence".
std::string CountNoun(int count, std::string_view singular, std::string_view plural);

// True when `iso` is a valid calendar date written AAAA-MM-JJ.
bool IsIsoDate(std::string_view iso);
// "2025-01-15" -> "15 janvier 2025", "2025-03-01" -> "1er mars 2025".
// InvalidArgument (French message quoting the text) when not a valid date.
Result<std::string> FormatFrenchDate(std::string_view iso);

}  // namespace passerelle::reports
