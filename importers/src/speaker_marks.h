#pragma once
// Speaker marks at the start of a paragraph or caption cue ("Name: text", "[00:01:02] Name:",
// an otter-style "Name  00:01:02" header line), and the tests that tell a speaker's label from a
// heading word followed by a colon. Document and caption turn building share them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cmoc::importers {

struct Mark {
  enum Kind { None, Label, Header } kind = None;
  std::string speaker;
  std::int64_t contentStart = 0;  // code points into the paragraph
  std::optional<std::int64_t> ms;
};

// The speaker mark on the first line of `paragraph`, or a Mark of kind None.
Mark recognise(const std::string& paragraph);

// A label without its leading and trailing spaces and tabs.
std::string trim(std::string_view s);

// I, R, Interviewer, P19, INT1 ...: labels that mark a speaker even when they occur once.
bool knownLabel(const std::string& label);

// Capitalised words, at most four, and not a heading word that often precedes a colon.
bool looksLikeName(const std::string& label);

}  // namespace cmoc::importers
