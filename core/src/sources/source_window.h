#pragma once
// The stretch of a source's text that a coding and its context need, found through the turns
// around it: from the start of the turn holding the coding's start to the end of the turn
// holding its end. A coding's end outside any turn (a speaker label, a heading) reaches to the
// neighbouring turn or the text's edge instead. Only those bytes are read when the turns' byte
// ranges are known (schema 004), so quoting costs the turn, not the 65 KB transcript; otherwise
// the whole text is read once per source.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "backend/sqlite/source_rows.h"
#include "backend/sqlite/sqlite.h"
#include "backend/sqlite/turn_bytes.h"
#include "cmoc/text.h"

namespace cmoc::store {

// Text from code point `base` on, with an index into it. Not movable: the index points into
// the text.
class TextWindow {
 public:
  TextWindow(std::string text, std::int64_t base)
      : text_(std::move(text)), base_(base), index_(text_) {}
  TextWindow(const TextWindow&) = delete;
  TextWindow& operator=(const TextWindow&) = delete;

  std::int64_t start() const { return base_; }
  std::int64_t end() const { return base_ + index_.codePoints(); }
  // Code points [start, end) of the source, clamped to the window.
  std::string_view slice(std::int64_t start, std::int64_t end) const;
  // The start of the line holding `pos` (after the previous line break), and its end.
  std::int64_t paragraphStart(std::int64_t pos) const;
  std::int64_t paragraphEnd(std::int64_t pos) const;

 private:
  std::int64_t byteOf(std::int64_t pos) const;
  std::string text_;
  std::int64_t base_;
  text::TextIndex index_;
};

class SourceWindows {
 public:
  explicit SourceWindows(const sql::Db& db);

  struct Around {
    std::optional<TurnSpan> first, last;  // the turns holding the span's first and last character
    const TextWindow* text = nullptr;     // valid until the next call
  };
  // For code points [start, end) of a source (end > start).
  Around around(std::int64_t source, std::int64_t start, std::int64_t end);

 private:
  std::optional<TurnSpan> turnAtOrBefore(std::int64_t source, std::int64_t pos);
  std::optional<TurnSpan> turnAfter(std::int64_t source, std::int64_t pos);
  const TextWindow& whole(std::int64_t source);

  SourceRows rows_;
  SourceTextBytes bytes_;
  std::unique_ptr<TextWindow> window_, whole_;
  std::int64_t windowSource_ = -1, windowEndByte_ = -1, wholeSource_ = -1;
};

}  // namespace cmoc::store
