#pragma once
// A larger SQLite page cache for one bulk write's duration. New codings land all over the
// codings table's indexes, so with SQLite's default 2 MB cache the open transaction spills to
// the WAL and rereads pages all through the insert. The cache only grows as pages are used, and
// the previous size comes back when the write ends.
#include <cstdint>

#include "sqlite.h"

namespace cmoc::store {

class LargerPageCache {
 public:
  LargerPageCache(sql::Db& db, std::int64_t mebibytes);
  ~LargerPageCache();  // never throws: the next connection starts at the default anyway
  LargerPageCache(const LargerPageCache&) = delete;
  LargerPageCache& operator=(const LargerPageCache&) = delete;

 private:
  sql::Db& db_;
  std::int64_t previous_ = -2000;
};

}  // namespace cmoc::store
