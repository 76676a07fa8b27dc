#pragma once
// One way for tests to make a small interview transcript: they say who said what, and the
// builder writes the "Speaker: words" text and each turn's code point offsets (the label
// excluded, as the importers report them), so no test counts characters by hand.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cmoc/transcript.h"

namespace cmoc::test {

using Said = std::vector<std::pair<std::string, std::string>>;  // speaker, their words

class TranscriptBuilder {
 public:
  explicit TranscriptBuilder(std::string fileName);
  // What goes between two turns ("\n\n", a blank line, unless told) and after the last one
  // ("\n" unless told; text there belongs to no turn).
  TranscriptBuilder& between(std::string separator);
  TranscriptBuilder& ending(std::string tail);
  TranscriptBuilder& turn(std::string speaker, std::string words,
                          std::optional<std::int64_t> startMs = {},
                          std::optional<std::int64_t> endMs = {});
  TranscriptBuilder& turns(const Said& said);
  Transcript build() const;

 private:
  struct Line {
    std::string speaker, words;
    std::optional<std::int64_t> startMs, endMs;
  };
  std::string fileName_;
  std::string between_ = "\n\n";
  std::string ending_ = "\n";
  std::vector<Line> lines_;
};

// Turns separated by blank lines, the text ending in a newline: a plain-text interview.
Transcript interview(const std::string& fileName, const Said& said);
// Its text, for a file a test imports through the CLI or the GUI.
std::string interviewText(const Said& said);

// A paper "p.pdf" of three pages: "alpha beta " [0, 11), an empty page [11, 11), "gamma delta"
// [11, 22), its text one paragraph.
Transcript threePagePaper();

}  // namespace cmoc::test
