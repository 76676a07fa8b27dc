#include "turn_builder.h"

#include <map>

#include "cmoc/error.h"
#include "cmoc/text.h"
#include "speaker_marks.h"

namespace cmoc::importers {

namespace {
constexpr std::size_t kMaxClockDigits = 6;
}  // namespace

std::optional<std::int64_t> parseClock(std::string_view s) {
  std::int64_t parts[3] = {0, 0, 0};
  int n = 0;
  std::size_t i = 0;
  std::int64_t frac = 0;
  while (true) {
    std::size_t start = i;
    std::int64_t v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start <= kMaxClockDigits)
      v = v * 10 + (s[i++] - '0');
    // Six digits hold any real clock (hours of a recording); more would overflow the sum.
    if (i == start || i - start > kMaxClockDigits || n == 3) return std::nullopt;
    parts[n++] = v;
    if (i < s.size() && s[i] == ':') {
      ++i;
      continue;
    }
    break;
  }
  if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
    ++i;
    std::size_t start = i;
    int digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 3) {
      frac = frac * 10 + (s[i++] - '0');
      ++digits;
    }
    if (i == start) return std::nullopt;
    while (digits++ < 3) frac *= 10;
  }
  if (i != s.size() || n < 2) return std::nullopt;
  std::int64_t h = n == 3 ? parts[0] : 0, m = n == 3 ? parts[1] : parts[0],
               sec = n == 3 ? parts[2] : parts[1];
  if (m > 59 || sec > 59) return std::nullopt;
  return ((h * 60 + m) * 60 + sec) * 1000 + frac;
}

Transcript buildTranscript(const std::string& fileName, const std::string& format,
                           std::vector<Block> blocks) {
  // Recognise marks, then accept `Name:` labels only when known or repeated.
  std::vector<Mark> marks(blocks.size());
  std::map<std::string, int> labelCounts, markedCounts;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i].speaker.empty()) ++markedCounts[trim(blocks[i].speaker)];
    if (!blocks[i].speaker.empty()) {
      marks[i].kind = Mark::Label;
      marks[i].speaker = blocks[i].speaker;
      // A bold "Name:" run is still in the paragraph's text; the turn starts after it.
      Mark r = recognise(blocks[i].text);
      if (r.kind == Mark::Label && trim(r.speaker) == trim(blocks[i].speaker))
        marks[i].contentStart = r.contentStart;
      // A bold label alone on its line, the speech below it, works like an otter header.
      const std::string alone = trim(blocks[i].text);
      if (alone.size() > 1 && alone.back() == ':' &&
          trim(alone.substr(0, alone.size() - 1)) == trim(blocks[i].speaker))
        marks[i].kind = Mark::Header;
      continue;
    }
    marks[i] = recognise(blocks[i].text);
    if (marks[i].kind != Mark::None) ++labelCounts[trim(marks[i].speaker)];
  }
  // A transcript with some recognised speakers may have a speaker who talks once (a short
  // interview, a focus-group member): accept a one-off label there when it looks like a name.
  bool hasSpeakers = false;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const std::string label = trim(marks[i].speaker);
    if (marks[i].kind != Mark::None && (knownLabel(label) || labelCounts[label] >= 2))
      hasSpeakers = true;
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    Mark& mk = marks[i];
    mk.speaker = trim(mk.speaker);
    if (blocks[i].speaker.empty() && mk.kind == Mark::Label && !knownLabel(mk.speaker) &&
        labelCounts[mk.speaker] < 2 && !(hasSpeakers && looksLikeName(mk.speaker))) {
      mk = Mark{};  // a one-off "Note:" in running text
    }
    // Formatting marks a speaker (a bold "Name:"), but a one-off bold "Note:" is still a note.
    if (!blocks[i].speaker.empty() && mk.kind != Mark::None && markedCounts[mk.speaker] < 2 &&
        !knownLabel(mk.speaker) && !looksLikeName(mk.speaker))
      mk = Mark{};
  }

  Transcript t;
  t.fileName = fileName;
  t.format = format;
  std::int64_t cp = 0;  // code points written so far
  auto append = [&](std::string_view s) {
    t.text.append(s);
    cp += text::codePointCount(s);
  };
  std::optional<std::size_t> open;  // index into t.turns of the turn being extended
  bool anySpeaker = false;
  for (const Mark& mk : marks) anySpeaker = anySpeaker || mk.kind != Mark::None;
  std::string pendingSpeaker;  // from a header line, applies to the next paragraphs
  std::optional<std::int64_t> pendingMs;

  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    const Mark& mk = marks[i];
    const bool isEmpty = b.text.find_first_not_of(" \t\n") == std::string::npos;
    std::optional<std::int64_t> startMs = b.startMs ? b.startMs : mk.ms;

    // Documents: keep every paragraph as a line.
    if (i > 0) append("\n");
    const std::int64_t lineStart = cp;
    append(b.text);
    if (mk.kind == Mark::Header) {
      pendingSpeaker = mk.speaker;
      pendingMs = mk.ms;
      open.reset();
      continue;
    }
    if (isEmpty) continue;
    if (mk.kind == Mark::Label) {
      pendingSpeaker.clear();
      if (open && t.turns[*open].speaker == mk.speaker && !mk.ms) {
        t.turns[*open].end = cp;  // the same speaker again: one turn
        continue;
      }
      t.turns.push_back(Turn{mk.speaker, lineStart + mk.contentStart, cp, startMs, b.endMs});
      open = t.turns.size() - 1;
      continue;
    }
    if (!pendingSpeaker.empty()) {
      t.turns.push_back(Turn{pendingSpeaker, lineStart, cp, pendingMs, std::nullopt});
      pendingSpeaker.clear();
      pendingMs.reset();
      open = t.turns.size() - 1;
      continue;
    }
    if (open && anySpeaker && !t.turns[*open].speaker.empty()) {
      t.turns[*open].end = cp;  // continuation paragraph of the current speaker
      continue;
    }
    t.turns.push_back(Turn{"", lineStart + mk.contentStart, cp, startMs, b.endMs});
    open.reset();
  }
  // A timed turn ends when the next begins.
  for (std::size_t i = 0; i + 1 < t.turns.size(); ++i)
    if (!t.turns[i].endMs && t.turns[i + 1].startMs) t.turns[i].endMs = t.turns[i + 1].startMs;
  if (t.text.find_first_not_of(" \t\n") == std::string::npos)
    throw InputError(fileName, "file", "no text");
  return t;
}

}  // namespace cmoc::importers
