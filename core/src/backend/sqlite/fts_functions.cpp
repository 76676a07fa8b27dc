// The FTS5 auxiliary functions search uses. They run inside SQLite's query, so they live in the
// backend; search (search/project_search.cpp) only names them in its SELECT.
#include <sqlite3.h>

#include <cstdint>
#include <vector>

#include "project_impl.h"

namespace cmoc {

namespace {

// cmoc_instances(turn_fts): a blob of int32 pairs (first token, last token), one pair per phrase
// instance in the row; token indexes count from the start of the turn's text.
void instances(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int,
               sqlite3_value**) {
  int count = 0;
  if (int rc = api->xInstCount(fts, &count); rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  std::vector<std::int32_t> out;
  out.reserve(static_cast<std::size_t>(count) * 2);
  for (int k = 0; k < count; ++k) {
    int phrase = 0, column = 0, token = 0;
    if (int rc = api->xInst(fts, k, &phrase, &column, &token); rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    const int size = api->xPhraseSize(fts, phrase);
    if (size <= 0) continue;
    out.push_back(token);
    out.push_back(token + size - 1);
  }
  sqlite3_result_blob(ctx, out.data(), static_cast<int>(out.size() * sizeof(std::int32_t)),
                      SQLITE_TRANSIENT);
}

}  // namespace

namespace store {
void registerSearchFunctions(sql::Db& db, fts5_api* api) {
  if (api->xCreateFunction(api, "cmoc_instances", nullptr, instances, nullptr) != SQLITE_OK)
    db.fail("cannot register the search functions");
}
}  // namespace store

}  // namespace cmoc
