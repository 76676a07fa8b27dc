#pragma once
// Where a span of a source's text goes when the text is edited: the pure arithmetic behind
// editText (cmoc/text_edit.h), kept apart so every case is tested without a project.
//
// An edit replaces the code points [a, b) with n new ones (delta = n - (b - a)). For a span
// [s, e), in this order:
//   pure insertion (a == b):
//     a <= s               shifted by delta: text inserted exactly at a span's start goes
//                          before it, because the coder never chose those words;
//     a >= e               unchanged: inserted exactly at its end, it goes after it;
//     s < a < e            the span grows by n.
//   replacement or deletion (a < b):
//     e <= a               before the edit: unchanged;
//     s >= b               after the edit: shifted by delta;
//     s <= a && b <= e     the edit lies inside the span: the span keeps its start and its end
//                          moves by delta. An edit exactly over the span counts as inside it, so
//                          fixing a misspelt coded word keeps its coding, now on the new word;
//     a <= s && e <= b     the span lies inside the replaced text: its words are gone and the
//                          span is removed (nullopt);
//     a < s < b < e        overlap at the span's start: clipped to the surviving text,
//                          [a + n, e + delta);
//     s < a < e < b        overlap at its end: clipped to [s, a).
//   A span left empty is removed.
//
// Turns follow the same rules with two differences, because a turn is where the speaker's
// words live (search and turn-scoped coding read it) rather than a choice a coder made:
//   - a turn never disappears: one whose text is all replaced becomes the empty turn [a, a);
//   - a pure insertion touching a turn joins it: at its end always, at its start unless another
//     turn ends exactly there (then the earlier turn takes it). Otherwise a word typed at the
//     end of a turn would belong to no turn and be missing from search.
#include <cstdint>
#include <optional>

namespace cmoc {

struct Span {
  std::int64_t start = 0, end = 0;
  bool operator==(const Span&) const = default;
};

struct TextEdit {
  std::int64_t start = 0, end = 0;  // the replaced range [a, b)
  std::int64_t length = 0;          // n, code points of new text
  std::int64_t delta() const { return length - (end - start); }
};

// A coding's span after the edit; nullopt when its text is gone.
std::optional<Span> reanchorSpan(Span span, const TextEdit& edit);

// A turn's span after the edit. `joinsInsertionAtStart` is false when another turn ends exactly
// where this one starts.
Span reanchorTurn(Span turn, const TextEdit& edit, bool joinsInsertionAtStart = true);

}  // namespace cmoc
