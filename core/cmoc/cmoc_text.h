#pragma once
// A CMOC in words, as reports and papers write it, from its codes' names:
//   sentence:         "Slow pace of development (context) triggers conflict (mechanism),
//                      leading to reduced trust (outcome)"
//   action statement: "If slow pace of development, then reduced trust, because conflict"
// Names are written in sentence case: the first word of the sentence gets a capital, and a name
// inside the sentence loses its initial capital ("Trust" reads "trust") unless the name starts
// with an acronym or mixed case ("COVID-19", "IT systems", "iPad use"), which stays as written.
// No final full stop, so the text fits table cells and bullet lists alike.
#include <string>
#include <string_view>

namespace cmoc {

struct Cmoc;

std::string cmocSentence(const Cmoc& cmoc);
std::string cmocSentence(std::string_view context, std::string_view mechanism,
                         std::string_view outcome);
std::string actionStatement(const Cmoc& cmoc);
std::string actionStatement(std::string_view context, std::string_view mechanism,
                            std::string_view outcome);

// A name as written mid-sentence ("Trust" -> "trust", "NHS funding" unchanged) and at the start
// of one ("mandated collaboration" -> "Mandated collaboration", "iPad use" unchanged).
std::string midSentence(std::string_view name);
std::string sentenceStart(std::string_view name);

}  // namespace cmoc
