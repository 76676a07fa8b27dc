#include "srt.h"

#include "bytes.h"
#include "caption_turns.h"
#include "captions.h"
#include "cmoc/error.h"
#include "encoding.h"
#include "extension.h"
#include "turn_builder.h"

namespace cmoc::importers {

namespace {

constexpr std::string_view kExample = "00:00:01,000 --> 00:00:04,000";

bool isCueNumber(std::string_view line) {
  line = trimSpaces(line);
  return !line.empty() && line.find_first_not_of("0123456789") == std::string_view::npos;
}

// Drops <i>, </font> and {\an8}; keeps a '<' or '{' that starts no tag ("I <3 it", "< 5"),
// by the same rule as WebVTT (markupTagLength). Decodes &amp;, &lt;, &#39; and the like, which
// subtitle editors and YouTube's export write (SRT has no escaping rules of its own, so an '&'
// that starts no known reference stays as it is). One pass, so "&lt;i&gt;" is the text "<i>".
std::string cueText(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      if (const std::size_t n = appendCharacterReference(s.substr(i), out)) {
        i += n - 1;
        continue;
      }
    } else if (s[i] == '<') {
      if (const std::size_t n = markupTagLength(s.substr(i))) {
        i += n - 1;
        continue;
      }
    } else if (s[i] == '{' && i + 1 < s.size() && s[i + 1] == '\\') {
      if (const std::size_t close = s.find('}', i); close != std::string_view::npos) {
        i = close;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// Reads the cues of an SRT file in order and hands each one's text to `visit`. Throws
// InputError at the first malformed cue.
template <typename Visit>
void eachCue(std::string_view content, const std::string& name, Visit&& visit) {
  LineCursor lines(content);
  // A cue starts at a "-->" line, or at a number right before one (blank lines are optional
  // between cues in the wild, so this is also how a cue's text ends).
  auto startsCue = [&] {
    if (lines.line().find("-->") != std::string_view::npos) return true;
    const std::optional<std::string_view> after = lines.peek();
    return isCueNumber(lines.line()) && after && after->find("-->") != std::string_view::npos;
  };
  int cue = 0;
  while (true) {
    while (!lines.done() && isBlank(lines.line())) lines.next();
    if (lines.done()) break;
    ++cue;
    if (lines.line().find("-->") == std::string_view::npos) {
      const std::string_view trimmed = trimSpaces(lines.line());
      if (parseClock(
              trimmed.substr(0, trimmed.find_first_of(" \t"))))  // a timing line without "-->"
        parseCueTiming(lines.line(), name, cueWhere(cue, lines.number()), kExample);
      if (!isCueNumber(lines.line()))
        throw InputError(
            name, cueWhere(cue, lines.number()),
            "expected a cue number, found '" + std::string(trimmed.substr(0, 60)) + "'");
      const std::size_t numberLine = lines.number();
      lines.next();
      if (lines.done() || isBlank(lines.line()))
        throw InputError(name, cueWhere(cue, numberLine),
                         "cue number without a timing line like '" + std::string(kExample) + "'");
    }
    const CueTiming timing =
        parseCueTiming(lines.line(), name, cueWhere(cue, lines.number()), kExample);
    std::string payload;
    for (lines.next(); !lines.done() && !isBlank(lines.line()) && !startsCue(); lines.next()) {
      payload.append(lines.line());
      payload.push_back('\n');
    }
    std::string text = collapseSpaces(cueText(payload));  // line breaks are only wrapping
    if (!text.empty()) visit(Block{std::move(text), "", timing.startMs, timing.endMs});
  }
  if (cue == 0) throw InputError(name, "file", "no cues");
}

}  // namespace

bool SrtImporter::canLoad(const std::filesystem::path& file) const {
  return hasExtension(file, {".srt"});
}

Transcript SrtImporter::load(const std::filesystem::path& file, const Options& options) const {
  const std::string name = displayName(file);
  const std::string content = decodeText(readFileBytes(file), name, options.encoding);
  return buildCaptionTranscript(name, "srt", [&](auto&& visit) { eachCue(content, name, visit); });
}

}  // namespace cmoc::importers
