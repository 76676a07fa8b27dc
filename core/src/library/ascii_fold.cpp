#include "ascii_fold.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

#include "cmoc/error.h"

namespace cmoc::library {

namespace {
// Building a transliterator parses its rules (milliseconds); one serves every call. ICU's
// transliterate is not const-safe, hence the lock.
icu::Transliterator& toAscii(std::unique_lock<std::mutex>& lock) {
  static std::mutex mutex;
  static std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !made) throw Error("internal: no ICU Latin-ASCII transliterator");
    return made;
  }();
  lock = std::unique_lock<std::mutex>(mutex);
  return *t;
}
}  // namespace

std::string asciiFold(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
  {
    std::unique_lock<std::mutex> lock;
    toAscii(lock).transliterate(s);
  }
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string matchWords(std::string_view utf8) {
  const std::string folded = asciiFold(utf8);
  std::string out;
  bool gap = false;
  for (const char c : folded) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!word) {
      gap = !out.empty();
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += c;
  }
  return out;
}

}  // namespace cmoc::library
