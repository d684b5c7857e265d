// How the command line lays out text for a reader: the terminal's width,
// wrapping at spaces, bold on a terminal, columns sized to their content.
// Nothing here changes what --json prints.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace passerelle::cli {

// True when standard output is a terminal.
bool StdoutIsTerminal();

// The width to wrap at: the terminal's when standard output is one, else
// $COLUMNS when set to a number (20 to 1000), else 0: no wrapping (output
// piped to a file or another program keeps its lines whole).
size_t OutputWidth();

// `text` wrapped at spaces to `width` code points: the first line starts
// with `first` (counted in the width), the next ones with `rest`. A word
// longer than the line is never cut. `width` 0: one line, unwrapped. Ends
// with '\n'.
std::string WrapText(std::string_view text, size_t width, std::string_view first,
                     std::string_view rest);

// `s` with its runs of white space collapsed, and at most `max` code
// points, cut at the last space before and followed by " …" when longer.
std::string ShortenAtWord(std::string_view s, size_t max);

// The search snippets mark matches as **word**: bold on a terminal
// (`terminal` true), the markers removed otherwise.
std::string RenderHighlights(std::string_view snippet, bool terminal);

// The width (code points) of the widest of `labels`.
size_t ColumnWidth(const std::vector<std::string>& labels);

}  // namespace passerelle::cli
