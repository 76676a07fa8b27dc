// Auto-coding over the store: which turns to look in, matching them, and writing the codings.
// (Which turns and what matches: autocode_scan.cpp, autocode_match.cpp, autocode_scope.cpp.
// Accepting and rejecting: autocode_review.cpp.)
//
// Speed (DESIGN.md: one word over the 1,000-transcript corpus, ~84,000 codings, under 0.7 s):
// a word or phrase asks the search index which turns can hold it and reads only those; each
// source's text is read once and walked once; all codings go through one prepared statement
// in one transaction.
#include "cmoc/autocode.h"

#include <algorithm>
#include <limits>
#include <set>
#include <unordered_set>

#include "autocode_scan.h"
#include "backend/sqlite/page_cache.h"
#include "base/guid.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "codebook/codebook_rows.h"
#include "coding/coding_shared.h"

namespace cmoc {

std::string_view toString(PatternKind kind) {
  switch (kind) {
    case PatternKind::Word:
      return "word";
    case PatternKind::Phrase:
      return "phrase";
    case PatternKind::Regex:
      return "regex";
    case PatternKind::Speaker:
      return "speaker";
  }
  return "word";
}

std::string_view toString(AutocodeScope scope) {
  switch (scope) {
    case AutocodeScope::Match:
      return "match";
    case AutocodeScope::Sentence:
      return "sentence";
    case AutocodeScope::Paragraph:
      return "paragraph";
    case AutocodeScope::Turn:
      return "turn";
  }
  return "match";
}

AutocodeScope parseAutocodeScope(std::string_view s) {
  for (AutocodeScope scope : {AutocodeScope::Match, AutocodeScope::Sentence,
                              AutocodeScope::Paragraph, AutocodeScope::Turn})
    if (s == toString(scope)) return scope;
  throw UsageError("unknown scope '" + std::string(s) + "' (match, sentence, paragraph or turn)");
}

namespace {

constexpr int kContextChars = 40;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Runs of white space, line breaks included, as one space.
std::string oneLine(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!isSpace(c))
      out += c;
    else if (out.empty() || out.back() != ' ')
      out += ' ';
  }
  return out;
}

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Up to kContextChars code points of `turn` before byte `at`, cut back to a whole word.
std::string contextBefore(std::string_view turn, std::size_t at) {
  std::size_t b = at;
  for (int n = 0; n < kContextChars && b > 0; ++n) {
    --b;
    while (b > 0 && continuation(turn[b])) --b;
  }
  std::string_view s = turn.substr(b, at - b);
  if (b > 0 && !isSpace(turn[b - 1])) {
    const auto cut = std::find_if(s.begin(), s.end(), isSpace);
    if (cut != s.end()) s.remove_prefix(static_cast<std::size_t>(cut - s.begin()));
  }
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);  // keep the space next to the match
  return oneLine(s);
}

std::string contextAfter(std::string_view turn, std::size_t at) {
  std::size_t e = at;
  for (int n = 0; n < kContextChars && e < turn.size(); ++n) {
    ++e;
    while (e < turn.size() && continuation(turn[e])) ++e;
  }
  std::string_view s = turn.substr(at, e - at);
  if (e < turn.size() && !isSpace(turn[e])) {
    const auto cut = std::find_if(s.rbegin(), s.rend(), isSpace);
    if (cut != s.rend()) s.remove_suffix(static_cast<std::size_t>(cut - s.rbegin()));
  }
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return oneLine(s);
}

std::string describe(const AutocodeSpec& spec) {
  if (spec.kind == PatternKind::Speaker) return "speaker '" + spec.speaker.value_or("") + "'";
  return std::string(toString(spec.kind)) + " '" + spec.pattern + "'";
}

}  // namespace

Autocoder::Autocoder(Project& project) : project_(project) {}

std::vector<AutocodeHit> Autocoder::preview(const AutocodeSpec& spec) const {
  return preview(spec, std::numeric_limits<std::size_t>::max()).hits;
}

AutocodePreview Autocoder::preview(const AutocodeSpec& spec, std::size_t limit,
                                   Progress* progress) const {
  const sql::Db& db = project_.impl().db;
  store::AutocodePlan p = store::planAutocode(db, spec);
  AutocodePreview out;
  const auto before = [](const AutocodeHit& a, const AutocodeHit& b) {
    return std::tie(a.sourceName, a.sourceId, a.start, a.end) <
           std::tie(b.sourceName, b.sourceId, b.start, b.end);
  };
  // The first `limit` hits so far, as a heap whose top is the last of them: a later hit that
  // comes before it takes its place.
  std::vector<AutocodeHit>& kept = out.hits;
  std::set<std::int64_t> sources;
  store::scanTurns(
      db, p,
      [&](const store::TurnHits& t) {
        const std::string_view turn =
            t.text.substr(t.turnByte, t.cursor.byteOf(t.turn.end) - t.turnByte);
        if (!t.scoped.matches.empty()) sources.insert(t.turn.sourceId);
        out.excerpts += static_cast<std::int64_t>(t.scoped.excerpts.size());
        for (std::size_t i = 0; i < t.scoped.matches.size(); ++i) {
          ++out.totalHits;
          const autocode::ByteSpan m = t.scoped.matches[i];
          const autocode::ByteSpan x = t.scoped.excerpts[t.scoped.excerptOf[i]];
          AutocodeHit h;
          h.sourceId = t.turn.sourceId;
          h.sourceName = t.turn.sourceName;
          h.start = t.cursor.codePointOf(t.turnByte + m.start);
          h.end = t.cursor.codePointOf(t.turnByte + m.end);
          if (kept.size() == limit && (limit == 0 || !before(h, kept.front()))) continue;
          h.turnId = t.turn.id;
          h.speaker = t.turn.speaker;
          h.participant = t.turn.participant;
          h.codedStart = t.cursor.codePointOf(t.turnByte + x.start);
          h.codedEnd = t.cursor.codePointOf(t.turnByte + x.end);
          h.text = std::string(turn.substr(m.start, m.end - m.start));
          h.before = contextBefore(turn, m.start);
          h.after = contextAfter(turn, m.end);
          if (kept.size() == limit) {
            std::pop_heap(kept.begin(), kept.end(), before);
            kept.pop_back();
          }
          kept.push_back(std::move(h));
          std::push_heap(kept.begin(), kept.end(), before);
        }
      },
      progress);
  std::sort_heap(kept.begin(), kept.end(), before);
  out.sources = static_cast<std::int64_t>(sources.size());
  return out;
}

AutocodeResult Autocoder::run(const AutocodeSpec& spec, Progress* progress) {
  sql::Db& db = project_.impl().db;
  store::AutocodePlan p = store::planAutocode(db, spec);
  // New codings land all over the (code, source) and (source, start) indexes (page_cache.h).
  const store::LargerPageCache cache(db, 128);
  store::Action action(project_.impl(), "auto-code " + p.codeName + ": " + describe(spec));
  const std::int64_t autoId = store::coderId(db, kAutoCoder);

  // Excerpts `auto` already coded with this code, so running twice adds nothing.
  struct Key {
    std::int64_t source, start, end;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      const auto u = [](std::int64_t v) { return static_cast<std::uint64_t>(v); };  // wraps, no UB
      return std::hash<std::uint64_t>{}((u(k.source) * 1000003 + u(k.start)) * 1000003 + u(k.end));
    }
  };
  std::unordered_set<Key, KeyHash> existing;
  {
    store::CodingRows(db).eachByCoder(autoId, p.codeId, [&](const store::CodingRow& c) {
      existing.insert({c.sourceId, c.start, c.end});
    });
  }

  AutocodeResult result;
  std::unordered_set<std::int64_t> sources;
  const std::string now = nowUtc();
  GuidGenerator guids;
  store::CodingRows codings(db);
  store::CodingRow row{0, "", 0, p.codeId, autoId, 0, 0, "", now, now};  // reused for each hit
  store::scanTurns(
      db, p,
      [&](const store::TurnHits& t) {
        result.hits += static_cast<std::int64_t>(t.scoped.matches.size());
        for (const autocode::ByteSpan& x : t.scoped.excerpts) {
          const Key k{t.turn.sourceId, t.cursor.codePointOf(t.turnByte + x.start),
                      t.cursor.codePointOf(t.turnByte + x.end)};
          // Excerpts of one run never repeat (turns do not overlap and each turn's are merged),
          // so only earlier runs' need checking.
          if (!existing.empty() && existing.count(k)) {
            ++result.alreadyCoded;
            continue;
          }
          row.guid = guids.next();
          row.sourceId = k.source;
          row.start = k.start;
          row.end = k.end;
          codings.insert(row);
          ++result.coded;
          sources.insert(k.source);
        }
      },
      progress);
  result.sources = static_cast<std::int64_t>(sources.size());
  if (result.coded == 0) return result;  // the Action rolls back: not even `auto` is created
  action.audit("autocode", "code", p.codeGuid,
               "{\"pattern\": " + jsonString(describe(spec)) +
                   ", \"scope\": " + jsonString(std::string(toString(p.scope))) + ", \"coder\": " +
                   jsonString(kAutoCoder) + ", \"hits\": " + std::to_string(result.hits) +
                   ", \"coded\": " + std::to_string(result.coded) +
                   ", \"already_coded\": " + std::to_string(result.alreadyCoded) + "}");
  action.commit();
  return result;
}

}  // namespace cmoc
