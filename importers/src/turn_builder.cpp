#include "turn_builder.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <cctype>
#include <map>
#include <memory>

#include "cmoc/error.h"
#include "cmoc/text.h"

namespace cmoc::importers {

namespace {

// A speaker label: a letter or digit first, then up to 40 letters, digits, spaces, dots,
// hyphens and apostrophes (Unicode-aware, so "Zoë Adebayo-Müller" qualifies).
constexpr const char* kLabel = "([\\p{L}\\p{N}][\\p{L}\\p{N} .'’\\-]{0,39}?)";
constexpr const char* kClock = "(\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?)";

struct Patterns {
  std::unique_ptr<icu::RegexPattern> timedLabel, label, header, timed;
};

const Patterns& patterns() {
  thread_local Patterns p = [] {
    auto compile = [](const std::string& re) {
      UErrorCode status = U_ZERO_ERROR;
      UParseError pe;
      std::unique_ptr<icu::RegexPattern> r(
          icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(re), pe, status));
      if (U_FAILURE(status)) throw Error("internal error: bad speaker pattern " + re);
      return r;
    };
    Patterns q;
    q.timedLabel = compile(std::string("^\\[?") + kClock + "\\]?\\s+" + kLabel + ":\\s*");
    q.label = compile(std::string("^") + kLabel + ":\\s+");
    q.header = compile(std::string("^") + kLabel + "\\s{1,}\\[?" + kClock + "\\]?\\s*$");
    q.timed = compile(std::string("^\\[") + kClock + "\\]\\s*");
    return q;
  }();
  return p;
}

struct Mark {
  enum Kind { None, Label, Header } kind = None;
  std::string speaker;
  std::int64_t contentStart = 0;  // code points into the paragraph
  std::optional<std::int64_t> ms;
};

std::string group(icu::RegexMatcher& m, int g) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out;
  m.group(g, status).toUTF8String(out);
  return out;
}

std::int64_t cpEnd(icu::RegexMatcher& m, const icu::UnicodeString& u) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t end16 = m.end(status);
  return u.countChar32(0, end16);
}

Mark recognise(const std::string& paragraph) {
  Mark mark;
  // Only the first line can carry a header.
  std::string first = paragraph.substr(0, paragraph.find('\n'));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(first);
  UErrorCode status = U_ZERO_ERROR;
  const Patterns& p = patterns();
  std::unique_ptr<icu::RegexMatcher> m(p.timedLabel->matcher(u, status));
  if (m->lookingAt(status)) {
    mark = {Mark::Label, group(*m, 2), cpEnd(*m, u), parseClock(group(*m, 1))};
    return mark;
  }
  m.reset(p.header->matcher(u, status));
  if (first.find('\n') == std::string::npos && m->matches(status) &&
      paragraph.find('\n') == std::string::npos) {
    mark = {Mark::Header, group(*m, 1), 0, parseClock(group(*m, 2))};
    return mark;
  }
  m.reset(p.label->matcher(u, status));
  if (m->lookingAt(status)) {
    mark = {Mark::Label, group(*m, 1), cpEnd(*m, u), std::nullopt};
    return mark;
  }
  m.reset(p.timed->matcher(u, status));
  if (m->lookingAt(status)) mark = {Mark::None, "", cpEnd(*m, u), parseClock(group(*m, 1))};
  return mark;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  std::size_t b = s.find_first_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b);
}

bool knownLabel(const std::string& label) {
  const std::string k = text::fold(label);
  for (const char* l : {"i", "r", "q", "a", "int", "interviewer", "interviewee", "respondent",
                        "participant", "facilitator", "moderator"})
    if (k == l) return true;
  // P19, R2, INT1 and the like.
  std::size_t i = 0;
  while (i < k.size() && std::isalpha(static_cast<unsigned char>(k[i]))) ++i;
  return i > 0 && i <= 3 && i < k.size() &&
         k.find_first_not_of("0123456789", i) == std::string::npos;
}

// Capitalised words, at most four, and not a heading word that often precedes a colon.
bool looksLikeName(const std::string& label) {
  const std::string k = text::fold(label);
  for (const char* w : {"note", "nb", "re", "subject", "date", "time", "location", "example",
                        "summary", "title", "source", "transcript", "interview", "duration",
                        "participants", "keywords", "topic", "update", "agenda", "present"})
    if (k == w) return false;
  int words = 0;
  bool atWordStart = true;
  for (std::size_t i = 0; i < label.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(label[i]);
    if (c == ' ') {
      atWordStart = true;
      continue;
    }
    if (atWordStart) {
      ++words;
      // ASCII lower-case first letter: not a name ("so: ..."); non-ASCII letters pass.
      if (c >= 'a' && c <= 'z' && words == 1) return false;
      atWordStart = false;
    }
  }
  return words >= 1 && words <= 4;
}

}  // namespace

std::optional<std::int64_t> parseClock(std::string_view s) {
  std::int64_t parts[3] = {0, 0, 0};
  int n = 0;
  std::size_t i = 0;
  std::int64_t frac = 0;
  while (true) {
    std::size_t start = i;
    std::int64_t v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
    if (i == start || n == 3) return std::nullopt;
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
                           std::vector<Block> blocks, const BuildOptions& options) {
  // Recognise marks, then accept `Name:` labels only when known or repeated.
  std::vector<Mark> marks(blocks.size());
  std::map<std::string, int> labelCounts, markedCounts;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i].speaker.empty()) ++markedCounts[trim(blocks[i].speaker)];
    if (!blocks[i].speaker.empty() || options.captions) {
      marks[i].kind = blocks[i].speaker.empty() ? Mark::None : Mark::Label;
      marks[i].speaker = blocks[i].speaker;
      // A bold "Name:" run is still in the paragraph's text; the turn starts after it.
      if (!options.captions && !blocks[i].speaker.empty()) {
        Mark r = recognise(blocks[i].text);
        if (r.kind == Mark::Label && trim(r.speaker) == trim(blocks[i].speaker))
          marks[i].contentStart = r.contentStart;
        // A bold label alone on its line, the speech below it, works like an otter header.
        const std::string alone = trim(blocks[i].text);
        if (alone.size() > 1 && alone.back() == ':' &&
            trim(alone.substr(0, alone.size() - 1)) == trim(blocks[i].speaker))
          marks[i].kind = Mark::Header;
      }
      if (options.captions && blocks[i].speaker.empty()) {
        Mark r = recognise(blocks[i].text);  // "Name: text" cues (Zoom)
        if (r.kind == Mark::Label) {
          marks[i] = r;
          ++labelCounts[trim(r.speaker)];
        }
      }
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
    // Caption voices (<v Name>) are explicit and always kept.
    if (!options.captions && !blocks[i].speaker.empty() && mk.kind != Mark::None &&
        markedCounts[mk.speaker] < 2 && !knownLabel(mk.speaker) && !looksLikeName(mk.speaker))
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

    if (options.captions) {
      if (isEmpty) continue;
      std::string content = b.text.substr(
          text::sliceCodePoints(b.text, 0, mk.contentStart).size());
      const std::string& speaker = mk.speaker;
      if (open && !speaker.empty() && t.turns[*open].speaker == speaker) {
        append(" ");
        append(content);
        t.turns[*open].end = cp;
        if (b.endMs) t.turns[*open].endMs = b.endMs;
        continue;
      }
      if (!t.text.empty()) append("\n\n");
      if (!speaker.empty()) append(speaker + ": ");
      Turn turn{speaker, cp, 0, startMs, b.endMs};
      append(content);
      turn.end = cp;
      t.turns.push_back(turn);
      open = t.turns.size() - 1;
      continue;
    }

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
  // A caption turn ends when the next begins, unless its last cue said otherwise.
  for (std::size_t i = 0; i + 1 < t.turns.size(); ++i)
    if (!t.turns[i].endMs && t.turns[i + 1].startMs) t.turns[i].endMs = t.turns[i + 1].startMs;
  if (t.text.find_first_not_of(" \t\n") == std::string::npos)
    throw InputError(fileName, "file", "no text");
  return t;
}

}  // namespace cmoc::importers
