#pragma once
// Small helpers the MainFrame files share.
#include <wx/string.h>

#include <string>

namespace cmoc::gui {

inline wxString U(const std::string& s) { return wxString::FromUTF8(s); }

// Counts the window busy while it lives, so a scripted self-test waits for the work.
struct BusyScope {
  explicit BusyScope(int& n) : n_(n) { ++n_; }
  ~BusyScope() { --n_; }
  BusyScope(const BusyScope&) = delete;
  BusyScope& operator=(const BusyScope&) = delete;
  int& n_;
};

}  // namespace cmoc::gui
