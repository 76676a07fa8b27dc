// Sentence and action-statement renderings of a CMOC. Case changes go through ICU so names in
// any script ("Économies d'échelle", "Доверие") are handled like English ones.
#include "cmoc/cmoc_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

#include "cmoc/cmocs.h"

namespace cmoc {

namespace {

// The first code point of `name` changed by `change` when the second one allows it (is not an
// upper-case letter, which marks an acronym or a deliberately mixed-case name).
template <class Change>
std::string recaseFirst(std::string_view name, Change change) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(name.data());
  const auto length = static_cast<std::int32_t>(name.size());
  std::int32_t i = 0;
  UChar32 first = 0;
  U8_NEXT(s, i, length, first);
  if (first < 0) return std::string(name);  // not valid UTF-8: leave it as it is
  const std::int32_t rest = i;
  if (rest < length) {
    UChar32 second = 0;
    U8_NEXT(s, i, length, second);
    if (second >= 0 && u_isupper(second)) return std::string(name);
  }
  const UChar32 changed = change(first);
  if (changed == first) return std::string(name);
  std::uint8_t buf[U8_MAX_LENGTH];
  std::int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, U8_MAX_LENGTH, changed, error);
  if (error) return std::string(name);
  return std::string(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n)) +
         std::string(name.substr(static_cast<std::size_t>(rest)));
}

}  // namespace

std::string midSentence(std::string_view name) {
  return recaseFirst(name, [](UChar32 c) { return u_isupper(c) ? u_tolower(c) : c; });
}

std::string sentenceStart(std::string_view name) {
  return recaseFirst(name, [](UChar32 c) { return u_islower(c) ? u_totitle(c) : c; });
}

std::string cmocSentence(std::string_view context, std::string_view mechanism,
                         std::string_view outcome) {
  return sentenceStart(context) + " (context) triggers " + midSentence(mechanism) +
         " (mechanism), leading to " + midSentence(outcome) + " (outcome)";
}

std::string actionStatement(std::string_view context, std::string_view mechanism,
                            std::string_view outcome) {
  return "If " + midSentence(context) + ", then " + midSentence(outcome) + ", because " +
         midSentence(mechanism);
}

std::string cmocSentence(const Cmoc& c) {
  return cmocSentence(c.context.code, c.mechanism.code, c.outcome.code);
}

std::string actionStatement(const Cmoc& c) {
  return actionStatement(c.context.code, c.mechanism.code, c.outcome.code);
}

}  // namespace cmoc
