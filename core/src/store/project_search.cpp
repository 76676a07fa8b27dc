// Full-text search over speaker turns (FTS5 with the `cmoc` tokenizer) and keyword-in-context.
#include "cmoc/error.h"
#include "cmoc/text.h"
#include "project_impl.h"

namespace cmoc {

namespace {
// FTS5 auxiliary function cmoc_first_hit(turn_fts): byte offsets "start end" of the first
// phrase instance in the turn's text, so a hit can be shown in context.
void firstHit(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int, sqlite3_value**) {
  int count = 0;
  if (api->xInstCount(fts, &count) != SQLITE_OK || count == 0) {
    sqlite3_result_null(ctx);
    return;
  }
  int phrase = 0, column = 0, token = 0;
  api->xInst(fts, 0, &phrase, &column, &token);
  const int tokens = api->xPhraseSize(fts, phrase);
  const char* text = nullptr;
  int n = 0;
  api->xColumnText(fts, column, &text, &n);
  struct Walk {
    int index = 0, first, last, start = -1, end = -1;
  } walk{0, token, token + tokens - 1};
  api->xTokenize(fts, text, n, &walk, [](void* p, int, const char*, int, int s, int e) {
    auto* w = static_cast<Walk*>(p);
    if (w->index == w->first) w->start = s;
    if (w->index == w->last) {
      w->end = e;
      return SQLITE_DONE;
    }
    ++w->index;
    return SQLITE_OK;
  });
  std::string out = std::to_string(walk.start) + " " + std::to_string(walk.end);
  sqlite3_result_text(ctx, out.c_str(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}
}  // namespace

namespace store {
void registerSearchFunctions(sql::Db& db, fts5_api* api) {
  (void)db;
  api->xCreateFunction(api, "cmoc_first_hit", nullptr, firstHit, nullptr);
}
}  // namespace store

std::vector<SearchHit> Project::search(std::string_view query, const SearchOptions& options) const {
  if (query.find_first_not_of(" \t") == std::string_view::npos) throw UsageError("empty search query");
  sql::Db& db = impl_->db;
  sqlite3_stmt* raw = nullptr;
  const char* sqlText = R"(
    SELECT t.id, t.source_id, s.name, ifnull(k.label, ''), ifnull(p.code, ''), t.start,
           cmoc_first_hit(turn_fts), turn_fts.text
    FROM turn_fts JOIN turns t ON t.id = turn_fts.rowid JOIN sources s ON s.id = t.source_id
    LEFT JOIN speakers k ON k.id = t.speaker_id LEFT JOIN participants p ON p.id = k.participant_id
    WHERE turn_fts MATCH ? ORDER BY s.name, t.seq LIMIT ?)";
  if (sqlite3_prepare_v2(db.handle(), sqlText, -1, &raw, nullptr) != SQLITE_OK) db.fail("search");
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> st(raw, sqlite3_finalize);
  sqlite3_bind_text(raw, 1, query.data(), static_cast<int>(query.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int64(raw, 2, static_cast<sqlite3_int64>(options.limit));
  std::vector<SearchHit> hits;
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    SearchHit h;
    h.turnId = sqlite3_column_int64(raw, 0);
    h.sourceId = sqlite3_column_int64(raw, 1);
    h.sourceName = reinterpret_cast<const char*>(sqlite3_column_text(raw, 2));
    h.speaker = reinterpret_cast<const char*>(sqlite3_column_text(raw, 3));
    h.participant = reinterpret_cast<const char*>(sqlite3_column_text(raw, 4));
    const std::int64_t turnStart = sqlite3_column_int64(raw, 5);
    const char* offsets = reinterpret_cast<const char*>(sqlite3_column_text(raw, 6));
    std::string_view turnText(reinterpret_cast<const char*>(sqlite3_column_text(raw, 7)),
                              static_cast<std::size_t>(sqlite3_column_bytes(raw, 7)));
    long long b = 0, e = 0;
    if (offsets) std::sscanf(offsets, "%lld %lld", &b, &e);
    const std::int64_t cpStart = text::codePointCount(turnText.substr(0, static_cast<std::size_t>(b)));
    const std::int64_t cpEnd = cpStart + text::codePointCount(turnText.substr(
                                             static_cast<std::size_t>(b), static_cast<std::size_t>(e - b)));
    h.start = turnStart + cpStart;
    h.end = turnStart + cpEnd;
    h.before = std::string(text::sliceCodePoints(turnText, std::max<std::int64_t>(0, cpStart - options.contextChars), cpStart));
    h.match = std::string(text::sliceCodePoints(turnText, cpStart, cpEnd));
    h.after = std::string(text::sliceCodePoints(turnText, cpEnd, cpEnd + options.contextChars));
    hits.push_back(std::move(h));
  }
  if (rc != SQLITE_DONE) {
    throw UsageError(std::string("cannot search for '") + std::string(query) + "': " + sqlite3_errmsg(db.handle()));
  }
  return hits;
}

}  // namespace cmoc
