#include "reports/text_wrap.h"

#include <algorithm>
#include <utility>

namespace passerelle::reports {

namespace {

struct WordPiece {
  std::string text;
  size_t run = 0;
  double width = 0;
};

// A word (no space inside; it may span runs) or a forced line break.
struct Token {
  bool is_break = false;
  bool space_before = false;
  std::vector<WordPiece> pieces;
  double width = 0;
};

size_t CodePointLength(std::string_view s, size_t at) {
  const unsigned char c = static_cast<unsigned char>(s[at]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  return std::min(n, s.size() - at);
}

class Tokenizer {
 public:
  Tokenizer(const std::vector<TextRun>& runs, const MeasureFn& measure)
      : runs_(runs), measure_(measure) {}

  std::vector<Token> Run() {
    for (size_t r = 0; r < runs_.size(); ++r) {
      for (char c : runs_[r].text) {
        if (c == ' ') {
          EndWord();
          space_ = true;
        } else if (c == '\n') {
          EndWord();
          Token line_break;
          line_break.is_break = true;
          tokens_.push_back(std::move(line_break));
          space_ = false;
        } else {
          AddChar(c, r);
        }
      }
    }
    EndWord();
    return std::move(tokens_);
  }

 private:
  void AddChar(char c, size_t run) {
    if (!in_word_) {
      word_ = Token();
      word_.space_before = space_;
      in_word_ = true;
      space_ = false;
    }
    if (word_.pieces.empty() || word_.pieces.back().run != run)
      word_.pieces.push_back({"", run, 0});
    word_.pieces.back().text.push_back(c);
  }

  void EndWord() {
    if (!in_word_) return;
    for (WordPiece& piece : word_.pieces) {
      piece.width = measure_(piece.text, runs_[piece.run].style);
      word_.width += piece.width;
    }
    tokens_.push_back(std::move(word_));
    in_word_ = false;
  }

  const std::vector<TextRun>& runs_;
  const MeasureFn& measure_;
  std::vector<Token> tokens_;
  Token word_;
  bool in_word_ = false;
  bool space_ = false;
};

class LineBuilder {
 public:
  LineBuilder(const std::vector<TextRun>& runs, double width, const MeasureFn& measure)
      : runs_(runs), width_(width), measure_(measure) {}

  std::vector<WrappedLine> Build(const std::vector<Token>& tokens) {
    for (const Token& token : tokens) {
      if (token.is_break) {
        EndLine(/*keep_empty=*/true);
      } else {
        Place(token);
      }
    }
    EndLine(/*keep_empty=*/false);
    return std::move(lines_);
  }

 private:
  double SpaceWidth(const Token& word) const {
    return measure_(" ", runs_[word.pieces.front().run].style);
  }

  void Place(const Token& word) {
    const bool empty = line_.pieces.empty();
    const double space = (!empty && word.space_before) ? SpaceWidth(word) : 0;
    if (!empty && line_.width + space + word.width <= width_) {
      Append(word, space);
      return;
    }
    if (!empty) EndLine(false);
    if (word.width <= width_) {
      Append(word, 0);
    } else {
      HardBreak(word);
    }
  }

  // Adds a word at the end of the current line, merging it into the last
  // piece when the style is the same.
  void Append(const Token& word, double space) {
    bool first = true;
    for (const WordPiece& piece : word.pieces) {
      const double gap = first ? space : 0;
      LinePiece* last = line_.pieces.empty() ? nullptr : &line_.pieces.back();
      if (last != nullptr && last->run == piece.run) {
        if (gap > 0) last->text.push_back(' ');
        last->text += piece.text;
        last->width += gap + piece.width;
      } else {
        line_.pieces.push_back(
            {(gap > 0 ? " " : "") + piece.text, piece.run, line_.width, gap + piece.width});
      }
      line_.width += gap + piece.width;
      first = false;
    }
  }

  // A word wider than the line: cut it between code points.
  void HardBreak(const Token& word) {
    for (const WordPiece& piece : word.pieces) {
      for (size_t at = 0; at < piece.text.size();) {
        const size_t n = CodePointLength(piece.text, at);
        const std::string cp = piece.text.substr(at, n);
        const double w = measure_(cp, runs_[piece.run].style);
        if (!line_.pieces.empty() && line_.width + w > width_) EndLine(false);
        Token chunk;
        chunk.pieces.push_back({cp, piece.run, w});
        chunk.width = w;
        Append(chunk, 0);
        at += n;
      }
    }
  }

  void EndLine(bool keep_empty) {
    if (line_.pieces.empty() && !keep_empty) return;
    for (const LinePiece& piece : line_.pieces) {
      line_.height = std::max(line_.height, runs_[piece.run].style.LineHeight());
      line_.font_size = std::max(line_.font_size, runs_[piece.run].style.size);
    }
    if (line_.pieces.empty() && !runs_.empty()) {
      line_.height = runs_.front().style.LineHeight();
      line_.font_size = runs_.front().style.size;
    }
    lines_.push_back(std::move(line_));
    line_ = WrappedLine{};
  }

  const std::vector<TextRun>& runs_;
  const double width_;
  const MeasureFn& measure_;
  std::vector<WrappedLine> lines_;
  WrappedLine line_;
};

}  // namespace

std::vector<WrappedLine> WrapRuns(const std::vector<TextRun>& runs, double width,
                                  const MeasureFn& measure) {
  std::vector<Token> tokens = Tokenizer(runs, measure).Run();
  return LineBuilder(runs, width, measure).Build(tokens);
}

std::vector<std::string> WrapText(std::string_view text, const TextStyle& style, double width,
                                  const MeasureFn& measure) {
  std::vector<TextRun> runs = {{std::string(text), style}};
  std::vector<std::string> out;
  for (const WrappedLine& line : WrapRuns(runs, width, measure)) {
    std::string s;
    for (const LinePiece& piece : line.pieces) s += piece.text;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace passerelle::reports
