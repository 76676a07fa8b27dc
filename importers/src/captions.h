#pragma once
// What WebVTT and SRT share: lines, cue timing lines and their errors, character references.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cmoc::importers {

// Walks LF-normalised text line by line without holding a list of lines (a caption file of a
// million cues has four million). A final '\n' ends the last line and starts none.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) { find(); }
  bool done() const { return at_ >= text_.size(); }
  std::string_view line() const { return text_.substr(at_, end_ - at_); }  // without its '\n'
  std::size_t number() const { return number_; }                           // from 1
  void next() {
    at_ = end_ + 1;
    ++number_;
    find();
  }
  // The line after this one, for formats that look one line ahead; nullopt after the last.
  std::optional<std::string_view> peek() const {
    if (end_ + 1 >= text_.size()) return std::nullopt;
    const std::size_t nl = text_.find('\n', end_ + 1);
    return text_.substr(end_ + 1, (nl == std::string_view::npos ? text_.size() : nl) - end_ - 1);
  }

 private:
  void find() {
    if (done()) return;
    end_ = text_.find('\n', at_);
    if (end_ == std::string_view::npos) end_ = text_.size();
  }
  std::string_view text_;
  std::size_t at_ = 0, end_ = 0, number_ = 1;
};

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
