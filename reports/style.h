// Plain value types shared by the layout toolkit: colours, font faces, text
// styles and boxes. Lengths are PDF points (1/72 inch); boxes use top-down
// coordinates (y grows downwards from the top edge of the page), which is how
// a reader and the layout think; the document converts when it draws.
#pragma once

#include <string>

namespace passerelle::reports {

// An RGB colour, each component in [0, 1].
struct Color {
  double r = 0, g = 0, b = 0;
  // From 0xRRGGBB.
  static constexpr Color Hex(unsigned rgb) {
    return {((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
  }
  // Luma as a grey printer renders it (ITU-R BT.601 weights), in [0, 1].
  constexpr double Luma() const { return 0.299 * r + 0.587 * g + 0.114 * b; }
  bool operator==(const Color&) const = default;
};

// The three faces a document loads. A caller-supplied TrueType file serves
// all three roles.
enum class Face { kSans, kSansBold, kSerif };

enum class Align { kLeft, kCenter, kRight };

struct TextStyle {
  Face face = Face::kSans;
  double size = 9.5;     // font size in points
  double leading = 1.3;  // line height as a multiple of `size`; keep >= 1.2
  Color color;           // black
  Align align = Align::kLeft;

  double LineHeight() const { return size * leading; }
};

constexpr TextStyle MakeStyle(Face face, double size, Color color = {}, double leading = 1.3) {
  TextStyle style;
  style.face = face;
  style.size = size;
  style.leading = leading;
  style.color = color;
  return style;
}

// A rectangle in top-down page coordinates.
struct Box {
  double x = 0, y = 0;  // top-left corner
  double width = 0, height = 0;
  double right() const { return x + width; }
  double bottom() const { return y + height; }
};

}  // namespace passerelle::reports
