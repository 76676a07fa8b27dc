// Typographic ligatures as PDF text layers return them (U+FB00..U+FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), spelt
// out by their NFKC decomposition. Only these are folded: full NFKC would also rewrite
// superscripts, fractions and full-width forms that a quote must keep as the paper printed them.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "cmoc/text.h"
#include "icu_util.h"

namespace cmoc::text {

namespace {
constexpr UChar32 kFirstLigature = 0xFB00, kLastLigature = 0xFB06;
// Every one of them is three bytes in UTF-8, starting EF AC.
bool mayHoldLigature(std::string_view utf8) { return utf8.find("\xEF\xAC") != std::string::npos; }
}  // namespace

std::string foldLigatures(std::string_view utf8) {
  if (!mayHoldLigature(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icuCheck(status, "NFKC normaliser");
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(utf8);
  icu::UnicodeString out;
  for (int32_t i = 0; i < in.length();) {
    const UChar32 c = in.char32At(i);
    const int32_t next = in.moveIndex32(i, 1);
    if (c >= kFirstLigature && c <= kLastLigature) {
      icu::UnicodeString spelt;
      nfkc->normalize(in.tempSubString(i, next - i), spelt, status);
      icuCheck(status, "NFKC ligature");
      out += spelt;
    } else {
      out.append(c);
    }
    i = next;
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

}  // namespace cmoc::text
