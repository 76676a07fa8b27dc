#include "webvtt.h"

#include "bytes.h"
#include "caption_turns.h"
#include "captions.h"
#include "cmoc/error.h"
#include "cmoc/text.h"
#include "encoding.h"
#include "extension.h"
#include "turn_builder.h"

namespace cmoc::importers {

namespace {

constexpr std::string_view kExample = "00:00:01.000 --> 00:00:04.000";

// "NOTE", "NOTE this", but not "NOTES" (which would be a cue identifier).
bool startsWithKeyword(std::string_view line, std::string_view word) {
  return line.substr(0, word.size()) == word &&
         (line.size() == word.size() || line[word.size()] == ' ' || line[word.size()] == '\t');
}

struct Voice {
  std::string speaker, text;
};

// A timestamp tag inside a cue ("<00:00:02.500>", karaoke timing): its length, or 0.
std::size_t timestampTagLength(std::string_view s) {
  if (s.size() < 2 || s[0] != '<' || s[1] < '0' || s[1] > '9') return 0;
  const std::size_t close = s.find('>');
  return close != std::string_view::npos && parseClock(s.substr(1, close - 1)) ? close + 1 : 0;
}

std::string decodeReferences(std::string_view s) {
  std::string out;
  for (std::size_t k = 0; k < s.size();) {
    if (std::size_t n = appendCharacterReference(s.substr(k), out))
      k += n;
    else
      out.push_back(s[k++]);
  }
  return out;
}

// A cue's payload split at voice tags, after the WebVTT cue text rules, with one departure: a
// '<' that starts no tag (markupTagLength, timestampTagLength) is text, not the start of a tag
// that swallows the rest of the cue. So "costs went < 5 million" stays whole, and so does an
// unclosed "<v Bob hello there": it is kept as it stands, with no speaker, since where a name
// without its '>' ends is a guess. Other tags (<b>, <i>, <u>, <c.class>, <lang>, <ruby>, <rt>)
// are dropped with their classes and annotations.
std::vector<Voice> parsePayload(std::string_view payload) {
  std::vector<Voice> voices(1);
  for (std::size_t i = 0; i < payload.size();) {
    const std::string_view rest = payload.substr(i);
    if (const std::size_t n = appendCharacterReference(rest, voices.back().text)) {
      i += n;
      continue;
    }
    if (const std::size_t n = timestampTagLength(rest)) {
      i += n;
      continue;
    }
    if (const std::size_t n = markupTagLength(rest)) {
      const std::string_view tag = rest.substr(1, n - 2);
      i += n;
      // <v Name>, <v.loud Name>: a new voice; </v>: back to no voice. A voice without </v>
      // lasts to the end of the cue, as the spec allows.
      const bool open =
          tag[0] == 'v' && (tag.size() == 1 || tag[1] == '.' || tag[1] == ' ' || tag[1] == '\t');
      if (open || trimSpaces(tag) == "/v") {
        const std::size_t space = open ? tag.find_first_of(" \t") : std::string_view::npos;
        const std::string_view annotation =
            space == std::string_view::npos ? "" : tag.substr(space + 1);
        voices.push_back(Voice{collapseSpaces(decodeReferences(annotation)), ""});
      }
      continue;
    }
    voices.back().text.push_back(payload[i++]);
  }
  std::vector<Voice> out;
  for (Voice& v : voices) {
    v.text = collapseSpaces(v.text);  // line breaks in a cue are only wrapping
    if (!v.text.empty()) out.push_back(std::move(v));
  }
  return out;
}

// Reads the cues of a WebVTT file in order and hands each voice of each cue to `visit`.
// Throws InputError at the first malformed cue.
template <typename Visit>
void eachCue(std::string_view content, const std::string& name, Visit&& visit) {
  LineCursor lines(content);
  if (lines.done() || !startsWithKeyword(lines.line(), "WEBVTT"))
    throw InputError(name, "line 1", "missing the 'WEBVTT' header line");
  lines.next();
  while (!lines.done() && !isBlank(lines.line())) lines.next();  // metadata (Kind:, Language:)
  int cue = 0;
  while (true) {
    while (!lines.done() && isBlank(lines.line())) lines.next();
    if (lines.done()) break;
    const std::string_view first = lines.line();
    const bool hasArrow = first.find("-->") != std::string_view::npos;
    if (!hasArrow && (startsWithKeyword(first, "NOTE") || startsWithKeyword(first, "STYLE") ||
                      startsWithKeyword(first, "REGION"))) {
      while (!lines.done() && !isBlank(lines.line())) lines.next();
      continue;
    }
    ++cue;
    if (!hasArrow) {
      // A cue identifier (Zoom numbers, Teams "<guid>/12-0") comes before the timing line,
      // unless this is a timing line that lost its "-->"; parseCueTiming says so.
      const std::string_view trimmed = trimSpaces(first);
      if (parseClock(trimmed.substr(0, trimmed.find_first_of(" \t"))))
        parseCueTiming(first, name, cueWhere(cue, lines.number()), kExample);
      const std::size_t identifierLine = lines.number();
      lines.next();
      if (lines.done() || isBlank(lines.line()))
        throw InputError(name, cueWhere(cue, identifierLine),
                         "expected a timing line like '" + std::string(kExample) +
                             "' after cue identifier '" + std::string(trimmed.substr(0, 60)) + "'");
    }
    const CueTiming timing =
        parseCueTiming(lines.line(), name, cueWhere(cue, lines.number()), kExample);
    lines.next();
    std::string payload;
    // A line with "-->" starts the next cue even without the blank line before it.
    for (; !lines.done() && !isBlank(lines.line()) &&
           lines.line().find("-->") == std::string_view::npos;
         lines.next()) {
      payload.append(lines.line());
      payload.push_back('\n');
    }
    for (Voice& v : parsePayload(payload))
      visit(
          Block{text::normalize(v.text), text::normalize(v.speaker), timing.startMs, timing.endMs});
  }
  if (cue == 0) throw InputError(name, "file", "no cues");
}

}  // namespace

bool VttImporter::canLoad(const std::filesystem::path& file) const {
  return hasExtension(file, {".vtt"});
}

Transcript VttImporter::load(const std::filesystem::path& file, const Options& options) const {
  const std::string name = displayName(file);
  const std::string content = decodeText(readFileBytes(file), name, options.encoding);
  return buildCaptionTranscript(name, "vtt", [&](auto&& visit) { eachCue(content, name, visit); });
}

}  // namespace cmoc::importers
