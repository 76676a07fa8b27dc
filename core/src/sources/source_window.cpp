#include "source_window.h"

#include <algorithm>

namespace cmoc::store {

std::string_view TextWindow::slice(std::int64_t start, std::int64_t end) const {
  const std::int64_t b = byteOf(start), e = byteOf(end);
  return std::string_view(text_).substr(static_cast<std::size_t>(b),
                                        static_cast<std::size_t>(std::max<std::int64_t>(e - b, 0)));
}

std::int64_t TextWindow::paragraphStart(std::int64_t pos) const {
  const std::size_t b = static_cast<std::size_t>(byteOf(pos));
  const std::size_t nl = b == 0 ? std::string::npos : text_.rfind('\n', b - 1);
  return nl == std::string::npos
             ? base_
             : base_ + index_.codePointOfByte(static_cast<std::int64_t>(nl) + 1);
}

std::int64_t TextWindow::paragraphEnd(std::int64_t pos) const {
  const std::size_t nl = text_.find('\n', static_cast<std::size_t>(byteOf(pos)));
  return nl == std::string::npos ? end()
                                 : base_ + index_.codePointOfByte(static_cast<std::int64_t>(nl));
}

std::int64_t TextWindow::byteOf(std::int64_t pos) const {
  return index_.byteOfCodePoint(std::clamp<std::int64_t>(pos - base_, 0, index_.codePoints()));
}

SourceWindows::SourceWindows(const sql::Db& db) : rows_(db), bytes_(db) {}

std::optional<TurnSpan> SourceWindows::turnAtOrBefore(std::int64_t source, std::int64_t pos) {
  return rows_.turnAtOrBefore(source, pos);
}

std::optional<TurnSpan> SourceWindows::turnAfter(std::int64_t source, std::int64_t pos) {
  return rows_.turnAfter(source, pos);
}

const TextWindow& SourceWindows::whole(std::int64_t source) {
  if (wholeSource_ != source) {
    whole_ = std::make_unique<TextWindow>(rows_.text(source), 0);
    wholeSource_ = source;
  }
  return *whole_;
}

SourceWindows::Around SourceWindows::around(std::int64_t source, std::int64_t start,
                                            std::int64_t end) {
  Around out;
  const std::int64_t lastChar = std::max(start, end - 1);
  const std::optional<TurnSpan> before = turnAtOrBefore(source, start);
  if (before && start < before->end) out.first = before;
  const std::optional<TurnSpan> atEnd = turnAtOrBefore(source, lastChar);
  if (atEnd && lastChar < atEnd->end) out.last = atEnd;

  // The window's edges, in code points and bytes: the turns holding the span, else the edge of
  // the turn next to it, else the edge of the text. A byte offset left unknown means the whole
  // text.
  std::int64_t from = 0;
  std::optional<std::int64_t> fromByte = 0;
  if (out.first)
    from = out.first->start, fromByte = out.first->startByte;
  else if (before)
    from = before->end, fromByte = before->endByte;
  std::optional<std::int64_t> toByte;
  if (out.last)
    toByte = out.last->endByte;
  else if (const std::optional<TurnSpan> next = turnAfter(source, lastChar))
    toByte = next->startByte;
  else
    toByte = bytes_.size(source);
  if (!fromByte || !toByte) {
    out.text = &whole(source);
    return out;
  }
  if (!window_ || windowSource_ != source || window_->start() != from ||
      windowEndByte_ != *toByte) {
    window_ = std::make_unique<TextWindow>(bytes_.read(source, *fromByte, *toByte), from);
    windowSource_ = source;
    windowEndByte_ = *toByte;
  }
  out.text = window_.get();
  return out;
}

}  // namespace cmoc::store
