#include "reports/typography.h"

#include <cmath>
#include <cstdio>

#include "engine/text.h"

namespace passerelle::reports {

namespace {

constexpr std::string_view kNbsp = "\u00A0";
constexpr std::string_view kOpenQuote = "\u00AB";   // «
constexpr std::string_view kCloseQuote = "\u00BB";  // »

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Removes trailing ordinary and no-break spaces (not the narrow one).
void TrimSpacesAtEnd(std::string& out) {
  for (;;) {
    if (!out.empty() && IsAsciiSpace(out.back())) {
      out.pop_back();
    } else if (EndsWith(out, kNbsp)) {
      out.resize(out.size() - kNbsp.size());
    } else {
      return;
    }
  }
}

// Length of the space-like sequence at the start of `s` (ordinary, no-break
// or narrow no-break spaces).
size_t LeadingSpaces(std::string_view s) {
  size_t i = 0;
  for (;;) {
    if (i < s.size() && IsAsciiSpace(s[i])) {
      ++i;
    } else if (s.substr(i).starts_with(kNbsp)) {
      i += kNbsp.size();
    } else if (s.substr(i).starts_with(kNarrowNbsp)) {
      i += kNarrowNbsp.size();
    } else {
      return i;
    }
  }
}

// A high punctuation sign takes a narrow space before it unless it follows
// an opening sign or another high sign ("?!"), and only when it ends a word:
// "10:30", "http://" and "?q=1" are left alone.
bool WantsSpaceBefore(const std::string& out, std::string_view rest) {
  if (out.empty()) return false;
  const char prev = out.back();
  if (std::string_view(";:!?([/").find(prev) != std::string_view::npos) return false;
  if (EndsWith(out, kOpenQuote)) return false;
  if (rest.empty()) return true;
  const char next = rest.front();
  return IsAsciiSpace(next) ||
         std::string_view(";:!?).,\"'").find(next) != std::string_view::npos ||
         rest.starts_with(kCloseQuote) || rest.starts_with(kNbsp) || rest.starts_with(kNarrowNbsp);
}

void AppendHighPunctuation(std::string& out, char sign, std::string_view rest) {
  const bool had_space = !out.empty() && (IsAsciiSpace(out.back()) || EndsWith(out, kNbsp));
  TrimSpacesAtEnd(out);
  if (!EndsWith(out, kNarrowNbsp) && !out.empty() && (had_space || WantsSpaceBefore(out, rest)))
    out += kNarrowNbsp;
  out.push_back(sign);
}

}  // namespace

std::string FrenchTypography(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    std::string_view rest = text.substr(i + 1);
    if (c == ';' || c == ':' || c == '!' || c == '?') {
      AppendHighPunctuation(out, c, rest);
      ++i;
    } else if (c == '\'' && !out.empty() && !IsAsciiSpace(out.back()) && !rest.empty() &&
               !IsAsciiSpace(rest.front())) {
      out += "\u2019";
      ++i;
    } else if (text.substr(i).starts_with(kOpenQuote)) {
      out += kOpenQuote;
      i += kOpenQuote.size();
      i += LeadingSpaces(text.substr(i));
      if (i < text.size()) out += kNarrowNbsp;
    } else if (text.substr(i).starts_with(kCloseQuote)) {
      TrimSpacesAtEnd(out);
      if (!out.empty() && !EndsWith(out, kNarrowNbsp)) out += kNarrowNbsp;
      out += kCloseQuote;
      i += kCloseQuote.size();
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

std::string NormalizeVerbatim(std::string_view text) { return CollapseSpaces(text); }

std::string FormatInteger(long long value) {
  const bool negative = value < 0;
  std::string digits = std::to_string(negative ? -value : value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += kNarrowNbsp;
    out.push_back(digits[i]);
  }
  return negative ? "-" + out : out;
}

std::string FormatDecimal(double value, int decimals) {
  if (decimals <= 0) return FormatInteger(std::llround(value));
  const double scale = std::pow(10.0, decimals);
  const long long scaled = std::llround(std::fabs(value) * scale);
  const long long whole = scaled / static_cast<long long>(scale);
  std::string fraction = std::to_string(scaled % static_cast<long long>(scale));
  fraction.insert(0, static_cast<size_t>(decimals) - fraction.size(), '0');
  const std::string sign = (value < 0 && scaled != 0) ? "-" : "";
  return sign + FormatInteger(whole) + "," + fraction;
}

std::string FormatPercent(double fraction) {
  if (!(fraction > 0)) fraction = 0;  // also catches NaN
  if (fraction > 1) fraction = 1;
  long long percent = std::llround(fraction * 100);
  if (percent == 100 && fraction < 1) percent = 99;
  if (percent == 0 && fraction > 0) percent = 1;
  return std::to_string(percent) + std::string(kNarrowNbsp) + "%";
}

std::string_view PluralForm(int count, std::string_view singular, std::string_view plural) {
  return (count >= -1 && count <= 1) ? singular : plural;
}

std::string CountNoun(int count, std::string_view singular, std::string_view plural) {
  return FormatInteger(count) + " " + std::string(PluralForm(count, singular, plural));
}

namespace {

struct IsoDate {
  int year = 0, month = 0, day = 0;
};

bool ParseIsoDate(std::string_view iso, IsoDate* date) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (iso[i] < '0' || iso[i] > '9') return false;
  auto number = [&](size_t at, size_t len) {
    int v = 0;
    for (size_t i = at; i < at + len; ++i) v = v * 10 + (iso[i] - '0');
    return v;
  };
  date->year = number(0, 4);
  date->month = number(5, 2);
  date->day = number(8, 2);
  if (date->year < 1900 || date->month < 1 || date->month > 12 || date->day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (date->year % 4 == 0 && date->year % 100 != 0) || date->year % 400 == 0;
  const int days = kDays[date->month - 1] + (date->month == 2 && leap ? 1 : 0);
  return date->day <= days;
}

}  // namespace

bool IsIsoDate(std::string_view iso) {
  IsoDate date;
  return ParseIsoDate(iso, &date);
}

Result<std::string> FormatFrenchDate(std::string_view iso) {
  static constexpr const char* kMonths[] = {"janvier",   "février", "mars",     "avril",
                                            "mai",       "juin",    "juillet",  "août",
                                            "septembre", "octobre", "novembre", "décembre"};
  IsoDate date;
  if (!ParseIsoDate(iso, &date))
    return Status::InvalidArgument("date « " + std::string(iso) +
                                   " » invalide : attendu AAAA-MM-JJ, par exemple 2025-01-15");
  const std::string day = date.day == 1 ? "1er" : std::to_string(date.day);
  return day + " " + kMonths[date.month - 1] + " " + std::to_string(date.year);
}

}  // namespace passerelle::reports
