// Full-text search over speaker turns (FTS5 with the `cmoc` tokenizer) and keyword-in-context.
//
// Every instance of every phrase is a hit, one row each (a turn that says "trust" three times
// gives three hits). Hits come in source order (the order sources were imported: their ids),
// then by position. That is the order of the turns' row ids, which FTS5 walks natively: a
// source's turns are stored in one transaction, in document order, after every earlier
// source's, so the search stops after `limit` hits instead of sorting every match in the corpus
// (docs/PERFORMANCE.md). Two steps:
// 1. FTS5 yields matching turns in row id order, each with its phrase instances as token
//    indexes (backend/sqlite/turn_matches.h: the index's position lists, never the text: the
//    external-content view would cut the turn out of its whole source text for every row).
// 2. Each source's text is read once, the turn is tokenised again with the very tokenizer that
//    indexed it, and token indexes become code point offsets.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "backend/sqlite/fts_tokenizer.h"
#include "backend/sqlite/project_impl.h"
#include "backend/sqlite/source_rows.h"
#include "backend/sqlite/turn_bytes.h"
#include "backend/sqlite/turn_matches.h"
#include "cmoc/error.h"
#include "library/study_read.h"
#include "search_query.h"
#include "sources/source_pages.h"

namespace cmoc {

namespace {

using store::TurnMatch;

bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Context for display: newlines and runs of white space become one space.
std::string oneLine(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (isSpace(c)) {
      if (out.empty() || out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// Byte offset `cps` code points after byte `from` (at most `limit`). Eight ASCII bytes at a
// time: it walks up to a whole transcript per source, and transcripts are mostly ASCII.
std::size_t skipForward(std::string_view s, std::size_t from, std::int64_t cps, std::size_t limit) {
  std::size_t b = from;
  while (cps > 0 && b < limit) {
    if (cps >= 8 && b + 8 <= limit) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + b, 8);
      if ((w & 0x8080808080808080ULL) == 0) {
        b += 8;
        cps -= 8;
        continue;
      }
    }
    ++b;
    while (b < limit && isContinuation(s[b])) ++b;
    --cps;
  }
  return b;
}

// Byte offset `cps` code points before byte `from` (at least `limit`).
std::size_t skipBack(std::string_view s, std::size_t from, std::int64_t cps, std::size_t limit) {
  std::size_t b = from;
  while (cps > 0 && b > limit) {
    --b;
    while (b > limit && isContinuation(s[b])) --b;
    --cps;
  }
  return b;
}

std::int64_t codePoints(std::string_view s) {
  std::int64_t n = 0;
  for (char c : s) n += !isContinuation(c);
  return n;
}

// Byte spans of the turn's tokens, up to token index `last`.
std::vector<std::pair<int, int>> tokenSpans(std::string_view turnText, std::int32_t last) {
  struct Walk {
    std::vector<std::pair<int, int>> spans;
    std::size_t want;
  } walk{{}, static_cast<std::size_t>(last) + 1};
  walk.spans.reserve(walk.want);
  store::tokenizeText(turnText, &walk, [](void* p, int, const char*, int, int s, int e) {
    auto* w = static_cast<Walk*>(p);
    w->spans.emplace_back(s, e);
    return w->spans.size() >= w->want ? store::kStopTokenizing : store::kKeepTokenizing;
  });
  return walk.spans;
}

}  // namespace

std::vector<SearchHit> Project::search(std::string_view query, const SearchOptions& options) const {
  const std::string ftsQuery = store::toFtsQuery(query);
  std::vector<SearchHit> hits;
  if (options.limit == 0) return hits;
  sql::Db& db = impl_->db;
  store::PageLookup pages(db);  // a paper's hits say their page
  const auto citations = library::citationsBySource(db);  // ... and their study

  // Step 1. FTS5 walks row ids in order, so no sort is needed and reading stops at the limit.
  // Each matching turn holds at least one hit.
  std::vector<TurnMatch> turns;
  {
    std::size_t found = 0;
    store::TurnMatches(db).each(
        ftsQuery, static_cast<std::int64_t>(options.limit), [&](TurnMatch&& m) {
          std::sort(m.tokens.begin(), m.tokens.end());
          m.tokens.erase(std::unique(m.tokens.begin(), m.tokens.end()), m.tokens.end());
          found += m.tokens.size();
          turns.push_back(std::move(m));
          return found < options.limit;
        });
  }
  // Row ids follow (source, position) for every turn `addTranscript` stores; this keeps the
  // promised order even for turns stored some other way.
  std::stable_sort(turns.begin(), turns.end(), [](const TurnMatch& a, const TurnMatch& b) {
    return a.sourceId != b.sourceId ? a.sourceId < b.sourceId : a.start < b.start;
  });

  // Step 2. Each turn's own bytes are read (its byte range, through incremental blob I/O), so
  // a hit costs its turn, not its source's whole text. Turns whose bytes are unknown read the
  // text in place (valid until the statement moves on), walked forward once per source.
  store::SourceTextBytes bytes(db);
  store::SourceTextReader texts(db);
  const std::int64_t context = std::max(0, options.contextChars);
  std::string turnText;
  std::string_view text;
  std::int64_t loaded = -1, cursorCp = 0;
  std::size_t cursorByte = 0;
  for (const TurnMatch& m : turns) {
    std::size_t turnByte = 0, turnEnd = 0;
    if (m.startByte && m.endByte) {
      turnText = bytes.read(m.sourceId, *m.startByte, *m.endByte);
      text = turnText;
      turnEnd = text.size();
      loaded = -1;
    } else {
      if (m.sourceId != loaded) {
        text = texts.view(m.sourceId);
        loaded = m.sourceId;
        cursorCp = 0;
        cursorByte = 0;
      }
      if (m.start < cursorCp) {  // only for turns stored out of order
        cursorCp = 0;
        cursorByte = 0;
      }
      turnByte = skipForward(text, cursorByte, m.start - cursorCp, text.size());
      turnEnd = skipForward(text, turnByte, m.end - m.start, text.size());
      cursorCp = m.start;
      cursorByte = turnByte;
    }
    const std::string_view turn = text.substr(turnByte, turnEnd - turnByte);
    const auto spans = tokenSpans(turn, m.tokens.empty() ? 0 : m.tokens.back().second);
    for (const auto& [first, last] : m.tokens) {
      if (hits.size() >= options.limit) return hits;
      // An index built by an older tokenizer could disagree; skip rather than show wrong text.
      if (first < 0 || static_cast<std::size_t>(last) >= spans.size()) continue;
      const std::size_t b =
          turnByte + static_cast<std::size_t>(spans[static_cast<std::size_t>(first)].first);
      const std::size_t e =
          turnByte + static_cast<std::size_t>(spans[static_cast<std::size_t>(last)].second);
      SearchHit h;
      h.sourceId = m.sourceId;
      h.turnId = m.turnId;
      h.sourceName = m.sourceName;
      h.speaker = m.speaker;
      h.participant = m.participant;
      h.start = m.start + codePoints(text.substr(turnByte, b - turnByte));
      h.end = h.start + codePoints(text.substr(b, e - b));
      h.match = std::string(text.substr(b, e - b));
      h.page = pages.pageOf(h.sourceId, h.start);
      if (auto study = citations.find(h.sourceId); study != citations.end()) h.study = study->second;

      // Context inside the turn, at most `context` code points each side, cut back to whole
      // words when the cut falls inside one (text without spaces, like Chinese, keeps the cut).
      const std::size_t cb = skipBack(text, b, context, turnByte);
      std::string_view before = text.substr(cb, b - cb);
      if (cb > turnByte && !isSpace(text[cb - 1])) {
        const auto cut = std::find_if(before.begin(), before.end(), isSpace);
        if (cut != before.end())
          before.remove_prefix(static_cast<std::size_t>(cut - before.begin()));
      }
      const std::size_t ce = skipForward(text, e, context, turnEnd);
      std::string_view after = text.substr(e, ce - e);
      if (ce < turnEnd && !isSpace(text[ce])) {
        const auto cut = std::find_if(after.rbegin(), after.rend(), isSpace);
        if (cut != after.rend())
          after.remove_suffix(static_cast<std::size_t>(cut - after.rbegin()));
      }
      while (!before.empty() && isSpace(before.front())) before.remove_prefix(1);
      while (!after.empty() && isSpace(after.back())) after.remove_suffix(1);
      h.before = oneLine(before);
      h.after = oneLine(after);
      hits.push_back(std::move(h));
    }
  }
  return hits;
}

}  // namespace cmoc
