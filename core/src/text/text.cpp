#include "cmoc/text.h"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "cmoc/error.h"
#include "codepoint_cursor.h"
#include "icu_util.h"

namespace cmoc::text {

std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t n = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {  // ASCII fast path
      ++i;
      continue;
    }
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return static_cast<std::size_t>(at);
  }
  return std::nullopt;
}

std::string normalize(std::string_view utf8) {
  std::string lf;
  lf.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if (utf8[i] == '\r') {
      lf.push_back('\n');
      if (i + 1 < utf8.size() && utf8[i + 1] == '\n') ++i;
    } else {
      lf.push_back(utf8[i]);
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icuCheck(status, "NFC normaliser");
  // Checked and normalised as UTF-8: a UTF-16 copy would double a large transcript's memory.
  // Most transcripts are already NFC, and then the LF copy is the result.
  const icu::StringPiece piece(lf.data(), static_cast<int32_t>(lf.size()));
  const bool yes = nfc->isNormalizedUTF8(piece, status);
  icuCheck(status, "NFC check");
  if (yes) return lf;
  std::string result;
  result.reserve(lf.size());
  icu::StringByteSink<std::string> sink(&result);
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  icuCheck(status, "NFC normalise");
  return result;
}

std::int64_t codePointCount(std::string_view utf8) {
  std::int64_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

std::string_view sliceCodePoints(std::string_view utf8, std::int64_t start, std::int64_t end) {
  std::size_t i = 0;
  std::int64_t cp = 0;
  auto advanceTo = [&](std::int64_t target) {
    while (i < utf8.size() && cp < target) {
      ++i;
      while (i < utf8.size() && (static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) ++i;
      ++cp;
    }
    return i;
  };
  const std::size_t b = advanceTo(start);
  const std::size_t e = advanceTo(end < start ? start : end);
  return utf8.substr(b, e - b);
}

std::string fold(std::string_view utf8) {
  bool ascii = true;
  for (unsigned char c : utf8) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  std::string out;
  if (ascii) {  // the common case, without ICU
    out.resize(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
      char c = utf8[i];
      out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icuCheck(status, "normalisers");
  icu::UnicodeString decomposed =
      nfkd->normalize(icu::UnicodeString::fromUTF8(
                          icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))),
                      status);
  icuCheck(status, "NFKD");
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
    i += U16_LENGTH(c);
  }
  bare.foldCase(U_FOLD_CASE_DEFAULT);
  nfc->normalize(bare, status).toUTF8String(out);
  icuCheck(status, "NFC");
  return out;
}

TextIndex::TextIndex(std::string_view utf8) : text_(utf8) {
  std::int64_t cp = 0, u16 = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    if (cp % kStride == 0) {
      byteAt_.push_back(static_cast<std::int64_t>(i));
      u16At_.push_back(u16);
    }
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    u16 += len == 4 ? 2 : 1;
    i += len;
    ++cp;
  }
  if (cp % kStride == 0) {
    byteAt_.push_back(static_cast<std::int64_t>(utf8.size()));
    u16At_.push_back(u16);
  }
  cpCount_ = cp;
  u16Count_ = u16;
}

static std::size_t seqLen(unsigned char c) {
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

std::int64_t TextIndex::byteOfCodePoint(std::int64_t cp) const {
  if (cp <= 0) return 0;
  if (cp >= cpCount_) return bytes();
  std::int64_t b = byteAt_[cp / kStride];
  for (std::int64_t k = cp - cp % kStride; k < cp; ++k)
    b += seqLen(static_cast<unsigned char>(text_[b]));
  return b;
}

std::int64_t TextIndex::codePointOfByte(std::int64_t byte) const {
  if (byte <= 0) return 0;
  if (byte >= bytes()) return cpCount_;
  auto it = std::upper_bound(byteAt_.begin(), byteAt_.end(), byte);
  std::int64_t block = (it - byteAt_.begin()) - 1;
  std::int64_t cp = block * kStride, b = byteAt_[block];
  while (true) {
    std::int64_t next = b + static_cast<std::int64_t>(seqLen(static_cast<unsigned char>(text_[b])));
    if (next > byte) return cp;
    b = next;
    ++cp;
  }
}

std::int64_t TextIndex::utf16OfCodePoint(std::int64_t cp) const {
  if (cp <= 0) return 0;
  if (cp >= cpCount_) return u16Count_;
  std::int64_t b = byteAt_[cp / kStride], u = u16At_[cp / kStride];
  for (std::int64_t k = cp - cp % kStride; k < cp; ++k) {
    std::size_t len = seqLen(static_cast<unsigned char>(text_[b]));
    u += len == 4 ? 2 : 1;
    b += static_cast<std::int64_t>(len);
  }
  return u;
}

std::int64_t TextIndex::codePointOfUtf16(std::int64_t unit) const {
  if (unit <= 0) return 0;
  if (unit >= u16Count_) return cpCount_;
  auto it = std::upper_bound(u16At_.begin(), u16At_.end(), unit);
  std::int64_t block = (it - u16At_.begin()) - 1;
  std::int64_t cp = block * kStride, b = byteAt_[block], u = u16At_[block];
  while (true) {
    std::size_t len = seqLen(static_cast<unsigned char>(text_[b]));
    std::int64_t next = u + (len == 4 ? 2 : 1);
    if (next > unit) return cp;
    u = next;
    b += static_cast<std::int64_t>(len);
    ++cp;
  }
}

namespace {
std::vector<std::int64_t> boundaries(std::string_view utf8, bool sentences) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      sentences ? icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status)
                : icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  icuCheck(status, "break iterator");
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  it->setText(u);
  std::vector<std::int64_t> out;
  // Break positions are UTF-16 units; walk them once, counting code points.
  std::int64_t cp = 0;
  int32_t u16 = 0;
  for (int32_t p = it->first(); p != icu::BreakIterator::DONE; p = it->next()) {
    cp += u.countChar32(u16, p - u16);
    u16 = p;
    out.push_back(cp);
  }
  return out;
}
}  // namespace

std::pair<std::int64_t, std::int64_t> snapToGraphemes(std::string_view utf8, std::int64_t start,
                                                      std::int64_t end) {
  // ICU finds the clusters around a position from a safe point nearby, reading the UTF-8 in
  // place: segmenting the whole text (a UTF-16 copy and a boundary list) cost an edit of a
  // 200 MB source gigabytes, four times over.
  CodePointCursor cursor(utf8);
  const std::int64_t len = cursor.codePointOf(utf8.size());
  start = std::clamp<std::int64_t>(start, 0, len);
  end = std::clamp<std::int64_t>(end, start, len);
  const auto startByte = static_cast<int64_t>(cursor.byteOf(start));
  const auto endByte = static_cast<int64_t>(cursor.byteOf(end));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, decltype(&utext_close)> ut(
      utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status),
      &utext_close);
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  icuCheck(status, "break iterator");
  it->setText(ut.get(), status);
  icuCheck(status, "break iterator");
  std::int64_t snappedStart = startByte, snappedEnd = endByte;
  if (!it->isBoundary(static_cast<int32_t>(startByte))) {
    const int32_t b = it->preceding(static_cast<int32_t>(startByte));
    snappedStart = b == icu::BreakIterator::DONE ? 0 : b;
  }
  if (!it->isBoundary(static_cast<int32_t>(endByte))) {
    const int32_t b = it->following(static_cast<int32_t>(endByte));
    snappedEnd = b == icu::BreakIterator::DONE ? static_cast<int64_t>(utf8.size()) : b;
  }
  return {cursor.codePointOf(static_cast<std::size_t>(snappedStart)),
          cursor.codePointOf(static_cast<std::size_t>(snappedEnd))};
}

bool isNormalized(std::string_view utf8) {
  if (utf8.find('\r') != std::string_view::npos) return false;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icuCheck(status, "NFC normaliser");
  const bool yes = nfc->isNormalizedUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status);
  icuCheck(status, "NFC check");
  return yes;
}

std::vector<std::int64_t> sentenceBoundaries(std::string_view utf8) {
  std::vector<std::int64_t> b = boundaries(utf8, true);
  if (b.empty()) b.push_back(0);
  return b;
}

}  // namespace cmoc::text
