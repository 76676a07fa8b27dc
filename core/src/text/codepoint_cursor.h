#pragma once
// Code point <-> UTF-8 byte conversion by walking from the previous position. Auto-coding asks
// about positions that advance through a source (turn by turn, hit by hit), so each lookup
// costs the distance from the last one, and a source is walked about once, without building a
// text::TextIndex over all of it.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace cmoc {

class CodePointCursor {
 public:
  CodePointCursor() = default;
  explicit CodePointCursor(std::string_view text) : text_(text) {}

  // The byte where code point `cp` starts (the text's size past its end).
  std::size_t byteOf(std::int64_t cp) {
    while (cp_ < cp && byte_ < text_.size()) forward();
    while (cp_ > cp && byte_ > 0) backward();
    return byte_;
  }

  // The code point starting at `byte`, which must be a character boundary.
  std::int64_t codePointOf(std::size_t byte) {
    while (byte_ < byte && byte_ < text_.size()) forward();
    while (byte_ > byte) backward();
    return cp_;
  }

 private:
  static bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
  void forward() {
    ++byte_;
    while (byte_ < text_.size() && continuation(text_[byte_])) ++byte_;
    ++cp_;
  }
  void backward() {
    --byte_;
    while (byte_ > 0 && continuation(text_[byte_])) --byte_;
    --cp_;
  }

  std::string_view text_;
  std::size_t byte_ = 0;
  std::int64_t cp_ = 0;
};

}  // namespace cmoc
