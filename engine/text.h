// UTF-8 text helpers shared by importers, storage and front ends.
// All functions take and return UTF-8; invalid sequences are replaced by
// U+FFFD rather than rejected (input is validated at the edge, importers/).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace passerelle {

// Removes leading and trailing ASCII white space.
std::string Trim(std::string_view s);
// Trims and turns every run of white space (tabs, newlines) into one space.
std::string CollapseSpaces(std::string_view s);
// The pieces of `s` between occurrences of `separator` (not empty), as
// written: "a | b" on "|" gives "a ", " b".
std::vector<std::string> Split(std::string_view s, std::string_view separator);
// Splits on '\n' (a trailing '\r' is dropped from each line).
std::vector<std::string> SplitLines(std::string_view s);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);

// Unicode NFC normalization.
std::string NormalizeNfc(std::string_view s);
// Lower case (full Unicode case folding).
std::string ToLower(std::string_view s);

// A key for comparing texts written by different hands: lower case, accents
// removed, œ/æ expanded, typographic apostrophes and dashes made ASCII, no
// space around hyphens, white space collapsed. "Prévention-santé- environnement"
// and "prevention-sante-environnement" give the same key.
std::string FoldForMatch(std::string_view s);

// True when the first letter of `s` (after spaces) is a lower-case letter.
bool StartsWithLowercase(std::string_view s);
// True when the first letter of `s` (after spaces) is an upper-case letter.
bool StartsWithUppercase(std::string_view s);
// Upper-cases the first letter.
std::string CapitalizeFirst(std::string_view s);

// Number of code points.
size_t Utf8Length(std::string_view s);

// Offset of the first byte of `s` that does not begin a valid UTF-8
// sequence (overlong forms, surrogates and code points past U+10FFFF are
// invalid), or std::string_view::npos when `s` is valid UTF-8.
size_t FirstInvalidUtf8(std::string_view s);
// `s` with every invalid UTF-8 sequence replaced by U+FFFD: for showing
// bytes of unknown origin (a file name) in a message or JSON.
std::string RepairUtf8(std::string_view s);

}  // namespace passerelle
