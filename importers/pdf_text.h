// Text extraction from PDF files with poppler-cpp, in reading order (the
// layout pdftotext gives by default), page by page.
#pragma once

#include <string>
#include <vector>

#include "engine/status.h"

namespace passerelle {

// True when `bytes` starts like a PDF file: "%PDF-" at offset 0 (even if
// the rest is damaged, so that ExtractPdfPages explains what is wrong), or
// a whole header "%PDF-<d>.<d>" within the first 1024 bytes of a file that
// also ends with "%%EOF" (leading garbage that readers tolerate). A text
// that merely quotes "%PDF-1.7" is not a PDF.
bool LooksLikePdf(const std::string& bytes);

// The UTF-8 text of each page (cleaned with CleanExtractedText). Fails with
// a French message naming `file_name` when the PDF is truncated or
// malformed (InvalidArgument), protected by a password (Unsupported), or has
// no extractable text at all, as a scan (Unsupported: OCR is not supported).
Result<std::vector<std::string>> ExtractPdfPages(const std::string& bytes,
                                                 const std::string& file_name);

// All pages joined with a blank line.
Result<std::string> ExtractPdfText(const std::string& bytes, const std::string& file_name);

}  // namespace passerelle
