// The `cmoc` FTS5 tokenizer: words by ICU word breaks (so Chinese and Thai split into words),
// each folded with text::fold (case, accents, compatibility forms), so `cafe` matches `Café`
// in any script. Runs of plain ASCII skip ICU: they are most of an English transcript.
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <memory>

#include "cmoc/text.h"
#include "project_impl.h"
#include "../icu_util.h"

namespace cmoc::store {

namespace {

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

bool isAsciiWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
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
  if (token.empty()) return SQLITE_OK;
  return cb(ctx, 0, token.data(), static_cast<int>(token.size()), start, end);
}

// Tokenises a run that holds non-ASCII bytes; `base` is its byte offset in the whole text.
int tokenizeUnicode(void* ctx, TokenCallback cb, std::string_view run, int base) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(run.data(), static_cast<int32_t>(run.size())));
  icu::BreakIterator& it = wordBreaker();
  it.setText(u);
  // Walk UTF-16 break positions while tracking the matching UTF-8 byte offset.
  int32_t prev16 = it.first();
  int prevByte = 0;
  for (int32_t p = it.next(); p != icu::BreakIterator::DONE; p = it.next()) {
    int byte = prevByte;
    for (int32_t k = prev16; k < p;) {
      UChar32 c = u.char32At(k);
      byte += U8_LENGTH(c);
      k += U16_LENGTH(c);
    }
    if (it.getRuleStatus() != UBRK_WORD_NONE) {
      std::string_view word = run.substr(static_cast<std::size_t>(prevByte),
                                         static_cast<std::size_t>(byte - prevByte));
      int rc = emit(ctx, cb, text::fold(word), base + prevByte, base + byte);
      if (rc != SQLITE_OK) return rc;
    }
    prev16 = p;
    prevByte = byte;
  }
  return SQLITE_OK;
}

int tokenize(Fts5Tokenizer*, void* ctx, int /*flags*/, const char* text, int n, TokenCallback cb) {
  const auto* s = reinterpret_cast<const unsigned char*>(text);
  int i = 0;
  std::string token;
  while (i < n) {
    // Skip ASCII separators.
    while (i < n && s[i] < 0x80 && !isAsciiWordByte(s[i])) ++i;
    if (i >= n) break;
    // A run: ASCII word bytes and any non-ASCII bytes, up to the next ASCII separator.
    int start = i;
    bool ascii = true;
    while (i < n && (s[i] >= 0x80 || isAsciiWordByte(s[i]))) {
      ascii = ascii && s[i] < 0x80;
      ++i;
    }
    int rc;
    if (ascii) {
      token.assign(text + start, static_cast<std::size_t>(i - start));
      for (char& c : token)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      rc = emit(ctx, cb, token, start, i);
    } else {
      rc = tokenizeUnicode(ctx, cb, std::string_view(text + start, static_cast<std::size_t>(i - start)), start);
    }
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

int create(void*, const char**, int, Fts5Tokenizer** out) {
  static int dummy;
  *out = reinterpret_cast<Fts5Tokenizer*>(&dummy);
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer*) {}

}  // namespace

void registerTokenizer(sql::Db& db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db.handle(), "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK)
    db.fail("FTS5 is not available");
  sqlite3_bind_pointer(st, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  sqlite3_finalize(st);
  if (!api) throw Error("this SQLite has no FTS5");
  fts5_tokenizer tok{create, destroy, tokenize};
  if (api->xCreateTokenizer(api, "cmoc", nullptr, &tok, nullptr) != SQLITE_OK)
    db.fail("cannot register the search tokenizer");
  registerSearchFunctions(db, api);
}

}  // namespace cmoc::store
