#pragma once
// What WebVTT and SRT share: lines, cue timing lines and their errors, character references.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cmoc::importers {

// The lines of LF-normalised text, without their '\n'; line k (1-based) is lines[k - 1].
std::vector<std::string_view> splitLines(std::string_view text);

bool isBlank(std::string_view line);
std::string_view trimSpaces(std::string_view s);

// Where a cue's problem is: "cue 3 (line 9)". `cue` counts cues from 1, `line` from 1.
std::string cueWhere(int cue, std::size_t line);

struct CueTiming {
  std::int64_t startMs = 0, endMs = 0;
};

// Parses "start --> end [cue settings]". Times are [hh:]mm:ss with an optional .mmm or ,mmm.
// Throws InputError(fileName, where, ...) naming the malformed part: no timing line, no "-->", a
// malformed start or end time (quoted), or an end before the start. `example` is shown in the
// message ("00:00:01.000 --> 00:00:04.000" for WebVTT, with commas for SRT).
CueTiming parseCueTiming(std::string_view line, const std::string& fileName,
                         const std::string& where, std::string_view example);

// "01:02:03.450" for messages.
std::string formatMs(std::int64_t ms);

// Decodes the character reference at the start of `s` ("&amp;", "&#233;", "&#x1F600;").
// Returns the bytes consumed (0 if `s` does not start with a known reference) and appends
// the character to `out`. &nbsp; becomes a plain space: in captions it only steers layout.
std::size_t appendCharacterReference(std::string_view s, std::string& out);

// The length of the markup tag at the start of `s` ("<i>", "</font>", "<v.loud Bob>",
// "<c.yellow>"), or 0 when its '<' starts no tag and so is text. A tag is '<', an optional
// '/', an ASCII letter, and what follows up to a '>' that comes before any other '<' or line
// break. So "costs went < 5 million", "I <3 it", "a<b" and an unclosed "<v Bob hello there"
// keep every character: a caption file that breaks the markup rules loses no words, where a
// browser following the WebVTT tokenizer would drop the rest of the cue.
std::size_t markupTagLength(std::string_view s);

// Turns runs of white space into one space and trims the ends.
std::string collapseSpaces(std::string_view s);

}  // namespace cmoc::importers
