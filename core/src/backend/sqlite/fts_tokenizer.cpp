// The `cmoc` FTS5 tokenizer: words by ICU word breaks (so Chinese and Thai split into words),
// each folded with text::fold (case, accents, compatibility forms), so `cafe` matches `Café`
// in any script.
//
// Speed matters: every imported word passes through here (docs/PERFORMANCE.md). So:
// - runs of plain ASCII skip ICU: they are most of an English transcript;
// - a run is cut at every ASCII separator and at common Unicode punctuation (curly quotes,
//   dashes, CJK full stops), so ICU only ever sees one word-like run, never a paragraph of
//   English around one accented name;
// - a run of letters and digits that UAX #29 never splits (`Müller`, `Ελλάδα`, `Зоя`) is one word
//   without a break iterator; only runs holding ideographs, kana, Thai, emoji and the like
//   reach ICU's dictionary-based word breaks;
// - folding a non-ASCII word (ICU normalisers) is cached per thread: names and accented words
//   repeat throughout a corpus;
// - one word BreakIterator per thread, reading UTF-8 directly through a UText, so its break
//   positions are already byte offsets.
#include "fts_tokenizer.h"

#include <sqlite3.h>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <array>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>

#include "text/icu_util.h"
#include "cmoc/text.h"
#include "project_impl.h"

namespace cmoc::store {

namespace {

constexpr int kMaxCachedFolds = 1 << 16;  // per thread; the cache is dropped whole when full

// 1 for ASCII letters, digits and '_', which make words; 0 for other ASCII.
constexpr std::array<unsigned char, 128> kAsciiWord = [] {
  std::array<unsigned char, 128> t{};
  for (int c = 0; c < 128; ++c)
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return t;
}();

// Byte length of a Unicode punctuation or space character at s[i] that always separates words,
// or 0. Apostrophes count (U+2019 as well as '), so `don’t` and `don't` tokenise alike.
int unicodeSeparatorLength(const unsigned char* s, int i, int n) {
  const unsigned char c = s[i];
  if (c == 0xC2 && i + 1 < n) {
    const unsigned char d = s[i + 1];
    // no-break space, ¡, «, », ¿
    return (d == 0xA0 || d == 0xA1 || d == 0xAB || d == 0xBB || d == 0xBF) ? 2 : 0;
  }
  if (i + 2 >= n) return 0;
  const unsigned char d = s[i + 1], e = s[i + 2];
  if (c == 0xE2 && d == 0x80) {
    // U+2000-U+200A spaces; U+2010-U+2029 dashes, quotes, bullets, ellipsis, line separators;
    // U+202F narrow no-break space; U+2030-U+203F per mille, primes, ‹ ›, ‼ ...
    // (U+200B-U+200F and U+202A-U+202E are joiners and bidi controls that live inside words.)
    return (e <= 0x8A || (e >= 0x90 && e <= 0xA9) || e >= 0xAF) ? 3 : 0;
  }
  if (c == 0xE2 && d == 0x81) return e <= 0x9E ? 3 : 0;  // U+2040-U+205E
  if (c == 0xE3 && d == 0x80) {
    // ideographic space, 、 。, and the CJK brackets 〈 〉 《 》 「 」 『 』 【 】
    return (e <= 0x82 || (e >= 0x88 && e <= 0x91)) ? 3 : 0;
  }
  if (c == 0xEF && d == 0xBC) {
    // fullwidth ！ （ ） ， ： ； ？
    return (e == 0x81 || e == 0x88 || e == 0x89 || e == 0x8C || e == 0x9A || e == 0x9B || e == 0x9F)
               ? 3
               : 0;
  }
  return 0;
}

// True when UAX #29 keeps the whole run together: letters (including Hangul and Hebrew), digits,
// connector punctuation, with combining marks after the first character. Such a run needs no
// break iterator.
bool singleWord(std::string_view run) {
  const auto* s = reinterpret_cast<const uint8_t*>(run.data());
  const int32_t n = static_cast<int32_t>(run.size());
  bool first = true;
  for (int32_t i = 0; i < n;) {
    if (s[i] < 0x80) {  // the run holds only ASCII word bytes besides non-ASCII
      ++i;
      first = false;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
    // Latin-1 and Latin Extended-A/B letters: the accented words of European languages.
    if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) {
      first = false;
      continue;
    }
    switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
      case U_WB_ALETTER:
      case U_WB_HEBREW_LETTER:
      case U_WB_NUMERIC:
      case U_WB_EXTENDNUMLET:
        break;
      case U_WB_EXTEND:
      case U_WB_FORMAT:
        if (first) return false;
        break;
      default:
        return false;
    }
    first = false;
  }
  return true;
}

struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// text::fold of a non-ASCII word, remembered: it builds ICU strings and runs two normalisers.
const std::string& foldCached(std::string_view word) {
  thread_local std::unordered_map<std::string, std::string, ViewHash, std::equal_to<>> cache;
  if (auto it = cache.find(word); it != cache.end()) return it->second;
  if (cache.size() >= kMaxCachedFolds) cache.clear();
  return cache.emplace(std::string(word), text::fold(word)).first->second;
}

icu::BreakIterator& wordBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    icuCheck(status, "word break iterator");
    return b;
  }();
  return *it;
}

int emit(void* ctx, TokenCallback cb, const std::string& token, int start, int end) {
  if (token.empty()) return 0;
  return cb(ctx, 0, token.data(), static_cast<int>(token.size()), start, end);
}

// A run with non-ASCII letters; `base` is its byte offset in the whole text.
int tokenizeUnicode(void* ctx, TokenCallback cb, std::string_view run, int base) {
  if (singleWord(run))
    return emit(ctx, cb, foldCached(run), base, base + static_cast<int>(run.size()));
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, run.data(), static_cast<int64_t>(run.size()), &status);
  icuCheck(status, "UTF-8 text");
  struct Close {
    UText* t;
    ~Close() { utext_close(t); }
  } close{&ut};
  icu::BreakIterator& it = wordBreaker();
  it.setText(&ut, status);
  icuCheck(status, "word breaks");
  // With a UTF-8 UText, break positions are byte offsets into the run.
  int32_t prev = it.first();
  for (int32_t p = it.next(); p != icu::BreakIterator::DONE; prev = p, p = it.next()) {
    if (it.getRuleStatus() == UBRK_WORD_NONE) continue;
    const std::string_view word =
        run.substr(static_cast<std::size_t>(prev), static_cast<std::size_t>(p - prev));
    if (int rc = emit(ctx, cb, foldCached(word), base + prev, base + p)) return rc;
  }
  return 0;
}

int tokenizeAll(const char* text, int n, void* ctx, TokenCallback cb) {
  const auto* s = reinterpret_cast<const unsigned char*>(text);
  thread_local std::string lower;
  int i = 0;
  while (i < n) {
    while (i < n && s[i] < 0x80 && !kAsciiWord[s[i]]) ++i;  // ASCII separators
    if (i >= n) break;
    // A run: ASCII word bytes and non-ASCII characters, up to the next separator.
    const int start = i;
    bool ascii = true, upper = false;
    int separator = 0;
    while (i < n) {
      const unsigned char c = s[i];
      if (c < 0x80) {
        if (!kAsciiWord[c]) break;
        upper = upper || (c >= 'A' && c <= 'Z');
        ++i;
      } else {
        if ((separator = unicodeSeparatorLength(s, i, n)) > 0) break;
        ascii = false;
        ++i;
      }
    }
    if (i == start) {  // a Unicode separator
      i += separator;
      continue;
    }
    int rc;
    if (ascii && !upper) {
      rc = cb(ctx, 0, text + start, i - start, start, i);
    } else if (ascii) {
      lower.assign(text + start, static_cast<std::size_t>(i - start));
      for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      rc = emit(ctx, cb, lower, start, i);
    } else {
      rc = tokenizeUnicode(
          ctx, cb, std::string_view(text + start, static_cast<std::size_t>(i - start)), start);
    }
    if (rc != 0) return rc;
  }
  return 0;
}

int ftsTokenize(Fts5Tokenizer*, void* ctx, int /*flags*/, const char* text, int n,
                TokenCallback cb) {
  return tokenizeText(std::string_view(text, static_cast<std::size_t>(n)), ctx, cb);
}

int create(void*, const char**, int, Fts5Tokenizer** out) {
  static int dummy;
  *out = reinterpret_cast<Fts5Tokenizer*>(&dummy);
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer*) {}

}  // namespace

int tokenizeText(std::string_view text, void* ctx, TokenCallback cb) {
  // Called from inside SQLite: no exception may cross it.
  try {
    return tokenizeAll(text.data(), static_cast<int>(text.size()), ctx, cb);
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

void registerTokenizer(sql::Db& db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db.handle(), "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK)
    db.fail("FTS5 is not available");
  sqlite3_bind_pointer(st, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  sqlite3_finalize(st);
  if (!api) throw Error("this SQLite has no FTS5");
  fts5_tokenizer tok{create, destroy, ftsTokenize};
  if (api->xCreateTokenizer(api, "cmoc", nullptr, &tok, nullptr) != SQLITE_OK)
    db.fail("cannot register the search tokenizer");
  registerSearchFunctions(db, api);
}

}  // namespace cmoc::store
