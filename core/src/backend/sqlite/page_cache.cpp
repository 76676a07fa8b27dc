#include "page_cache.h"

#include <string>

namespace cmoc::store {

LargerPageCache::LargerPageCache(sql::Db& db, std::int64_t mebibytes) : db_(db) {
  sql::Stmt st(db, "PRAGMA cache_size");
  if (st.step()) previous_ = st.i64(0);
  st.reset();
  db_.exec("PRAGMA cache_size = " + std::to_string(-mebibytes * 1024));  // negative: KiB
}

LargerPageCache::~LargerPageCache() {
  db_.execNoThrow("PRAGMA cache_size = " + std::to_string(previous_));
}

}  // namespace cmoc::store
