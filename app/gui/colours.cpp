#include "colours.h"

#include <wx/dcmemory.h>

namespace cmoc::gui {

wxBitmap colourSquare(Rgb c, int size) {
  wxBitmap bmp(size, size, 24);
  wxMemoryDC dc(bmp);
  dc.SetBackground(*wxWHITE_BRUSH);
  dc.Clear();
  const wxColour fill = toWx(c);
  dc.SetBrush(wxBrush(fill));
  dc.SetPen(wxPen(fill.ChangeLightness(70)));
  dc.DrawRectangle(1, 1, size - 2, size - 2);
  dc.SelectObject(wxNullBitmap);
  return bmp;
}

}  // namespace cmoc::gui
