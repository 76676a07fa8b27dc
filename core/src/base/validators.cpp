#include "cmoc/validators.h"

#include <cctype>

namespace cmoc::validate {

namespace {
bool hexDigits(std::string_view s) {
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}
bool digitsAt(std::string_view s, std::size_t at, std::size_t n) {
  for (std::size_t i = at; i < at + n; ++i)
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}
}  // namespace

bool isSixDigitColour(std::string_view c) {
  return c.size() == 7 && c[0] == '#' && hexDigits(c.substr(1));
}

bool isColour(std::string_view c) {
  return isSixDigitColour(c) || (c.size() == 4 && c[0] == '#' && hexDigits(c.substr(1)));
}

std::string sixDigitColour(std::string_view c) {
  if (isSixDigitColour(c)) return std::string(c);
  if (!isColour(c)) return {};
  return std::string("#") + c[1] + c[1] + c[2] + c[2] + c[3] + c[3];
}

bool isIsoUtc(std::string_view t) {
  // yyyy-mm-ddThh:mm:ssZ
  return t.size() == 20 && digitsAt(t, 0, 4) && t[4] == '-' && digitsAt(t, 5, 2) && t[7] == '-' &&
         digitsAt(t, 8, 2) && t[10] == 'T' && digitsAt(t, 11, 2) && t[13] == ':' &&
         digitsAt(t, 14, 2) && t[16] == ':' && digitsAt(t, 17, 2) && t[19] == 'Z';
}

}  // namespace cmoc::validate
