// Turning the bytes of a text file into clean UTF-8 text.
#pragma once

#include <string>

#include "engine/status.h"

namespace passerelle {

// Decodes `bytes` read from `file_name` (used in messages only):
// UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and legacy 8-bit
// encodings (Windows-1252, ISO-8859-1/15) detected with ICU and converted.
// Fails with InvalidArgument, in French, on an empty file or binary content.
Result<std::string> DecodeText(const std::string& bytes, const std::string& file_name);

// Normalizes text extracted from a PDF or a text file: NFC, CRLF and form
// feeds to '\n', no-break spaces to spaces, zero-width characters removed,
// private-use bullet glyphs (U+F0B7 and friends, U+E000..U+F8FF) and other
// bullets to "•".
std::string CleanExtractedText(const std::string& utf8);

// True when the first 64 KB of `bytes` hold a NUL byte or more than 5 % of
// control characters other than tab, CR, LF and FF.
bool LooksBinary(const std::string& bytes);

// True when `bytes` is valid UTF-8.
bool IsValidUtf8(const std::string& bytes);

}  // namespace passerelle
