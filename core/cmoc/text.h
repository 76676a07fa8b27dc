#pragma once
// Text services over UTF-8 (ICU underneath). Stored text is NFC with LF line ends; positions
// are Unicode code point offsets. Scintilla counts UTF-8 bytes and NVivo counts UTF-16 units,
// so TextIndex converts between the three.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cmoc::text {

// Byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and values past
// U+10FFFF count as invalid), or nullopt when the whole input is valid.
std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes);

// NFC-normalise and turn CRLF and lone CR into LF. Input must be valid UTF-8.
std::string normalize(std::string_view utf8);
// Whether normalize() would leave the text as it is (NFC, no CR), without copying it.
bool isNormalized(std::string_view utf8);

std::int64_t codePointCount(std::string_view utf8);

// Bytes [start, end) in code points, clamped to the text.
std::string_view sliceCodePoints(std::string_view utf8, std::int64_t start, std::int64_t end);

// Search folding: case-folded, accents and other non-spacing marks removed, compatibility
// forms unified (NFKC). `Café` and `CAFE` both fold to `cafe`; `Zoë` to `zoe`.
std::string fold(std::string_view utf8);

// Typographic ligatures (U+FB00..U+FB06, as PDF text layers give them) spelt out by NFKC:
// "ﬁt" -> "fit". Nothing else changes. Input must be valid UTF-8.
std::string foldLigatures(std::string_view utf8);

// Converts positions in one text between code points, UTF-8 bytes and UTF-16 units.
// Keeps a checkpoint every kStride code points, so a lookup scans at most kStride characters.
class TextIndex {
 public:
  explicit TextIndex(std::string_view utf8);

  std::int64_t codePoints() const { return cpCount_; }
  std::int64_t bytes() const { return static_cast<std::int64_t>(text_.size()); }
  std::int64_t utf16Units() const { return u16Count_; }

  std::int64_t byteOfCodePoint(std::int64_t cp) const;
  std::int64_t codePointOfByte(std::int64_t byte) const;  // a byte inside a character maps to it
  std::int64_t utf16OfCodePoint(std::int64_t cp) const;
  std::int64_t codePointOfUtf16(std::int64_t unit) const;  // inside a surrogate pair maps to it

 private:
  static constexpr std::int64_t kStride = 64;
  std::string_view text_;
  std::int64_t cpCount_ = 0, u16Count_ = 0;
  std::vector<std::int64_t> byteAt_;  // byte offset of code point i * kStride
  std::vector<std::int64_t> u16At_;   // UTF-16 offset of code point i * kStride
};

// Widen [start, end) (code points) so it neither starts nor ends inside a grapheme cluster
// (an accent on its base letter, an emoji with modifiers, a CRLF). Clamps to the text.
std::pair<std::int64_t, std::int64_t> snapToGraphemes(std::string_view utf8, std::int64_t start,
                                                      std::int64_t end);

// Code point offsets of sentence starts (ICU sentence breaks), first is 0, last is the length.
std::vector<std::int64_t> sentenceBoundaries(std::string_view utf8);

}  // namespace cmoc::text
