#include "reanchor.h"

namespace cmoc {

namespace {
// The rules of reanchor.h without removing spans left empty; nullopt only for a span inside
// the replaced text.
std::optional<Span> move(Span span, const TextEdit& edit) {
  const std::int64_t a = edit.start, b = edit.end, n = edit.length, delta = edit.delta();
  const std::int64_t s = span.start, e = span.end;
  if (a == b) {
    if (a <= s) return Span{s + delta, e + delta};
    if (a >= e) return span;
    return Span{s, e + delta};
  }
  if (e <= a) return span;
  if (s >= b) return Span{s + delta, e + delta};
  if (s <= a && b <= e) return Span{s, e + delta};
  if (a <= s && e <= b) return std::nullopt;
  if (a < s) return Span{a + n, e + delta};  // overlap at the start (b < e here)
  return Span{s, a};                          // overlap at the end (e < b here)
}
}  // namespace

std::optional<Span> reanchorSpan(Span span, const TextEdit& edit) {
  const std::optional<Span> out = move(span, edit);
  if (!out || out->end <= out->start) return std::nullopt;
  return out;
}

Span reanchorTurn(Span turn, const TextEdit& edit, bool joinsInsertionAtStart) {
  const std::int64_t a = edit.start;
  if (edit.end == a && (a == turn.end || (a == turn.start && joinsInsertionAtStart)))
    return {turn.start, turn.end + edit.length};
  return move(turn, edit).value_or(Span{a, a});
}

}  // namespace cmoc
