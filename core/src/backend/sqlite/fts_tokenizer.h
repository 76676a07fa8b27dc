#pragma once
// The `cmoc` tokenizer as a plain function, so search can turn FTS5's token positions back into
// text offsets by running exactly the tokenizer that indexed the text.
#include <string_view>

namespace cmoc::store {

// FTS5's xToken signature: (context, flags, token, token bytes, start byte, end byte). A non-zero
// return stops tokenising and is returned.
using TokenCallback = int (*)(void*, int, const char*, int, int, int);
// What a callback returns to go on (SQLITE_OK) or to stop early (any other value; SQLITE_DONE).
inline constexpr int kKeepTokenizing = 0;
inline constexpr int kStopTokenizing = 101;

// Words by ICU word breaks (Chinese and Thai split into words by dictionary), each folded with
// text::fold: case, accents and compatibility forms (so `Café` and `cafe` are one token).
// Apostrophes, dashes and quotation marks always separate words, so `don't` and `don’t` both
// give `don`, `t`. Returns 0 (SQLITE_OK) or the callback's first non-zero result; never throws.
int tokenizeText(std::string_view text, void* ctx, TokenCallback cb);

}  // namespace cmoc::store
