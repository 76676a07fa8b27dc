#pragma once
// Rgb (model) to wxColour, and the small colour-square images lists and trees show.
#include <wx/bitmap.h>
#include <wx/colour.h>

#include "model/format.h"

namespace cmoc::gui {

inline wxColour toWx(Rgb c) { return wxColour(c.r, c.g, c.b); }
// A size x size square in the colour with a thin darker border.
wxBitmap colourSquare(Rgb c, int size = 14);

}  // namespace cmoc::gui
