#pragma once
// Turns a document's paragraphs into a transcript's text and speaker turns. Every document
// format shares this, so speaker recognition and merging behave the same for .txt and .docx.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cmoc/transcript.h"

namespace cmoc::importers {

struct Block {
  std::string text;     // NFC, may hold '\n' for a manual line break
  std::string speaker;  // set when the format marks it (bold run, <v Name>); else recognised
  std::optional<std::int64_t> startMs, endMs;
};

// Recognised speaker headers (one per paragraph):
//   Name: text    INTERVIEWER: text    I: text    P19: text    [00:01:02] Name: text
//   Name  00:01:02   (a header line alone; the following paragraphs are the speech)
// A `Name:` prefix counts as a speaker only if it is a known label (I, R, Interviewer, P19 ...)
// or starts at least two paragraphs, so "Note: ..." in running text is not a speaker.
// Consecutive paragraphs or cues of one speaker merge into one turn; a paragraph without a mark
// continues the current turn; text without any speaker marks is one turn per paragraph.
// Paragraphs are kept as they are, one per line. (Caption cues: CaptionTurns.)
Transcript buildTranscript(const std::string& fileName, const std::string& format,
                           std::vector<Block> blocks);

// "01:02:03", "1:02:03.450", "01:02" (mm:ss) -> milliseconds; nullopt if malformed.
std::optional<std::int64_t> parseClock(std::string_view s);

}  // namespace cmoc::importers
