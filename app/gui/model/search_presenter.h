#pragma once
// Project-wide search (Ctrl+F) as keyword-in-context rows; each row knows where to jump.
#include <cstdint>
#include <string>
#include <vector>

#include "cmoc/project.h"

namespace cmoc::gui {

struct SearchRow {
  std::int64_t sourceId = 0;
  std::int64_t start = 0, end = 0;  // source code points: the jump target
  std::string source, who;          // file name; "19" or the speaker label
  std::string before, match, after;
};

class SearchPresenter {
 public:
  // Runs core's full-text search; a malformed query throws UsageError with core's message.
  void run(const Project& project, const std::string& query, std::size_t limit = 500);
  void clear();
  const std::vector<SearchRow>& rows() const { return rows_; }
  const std::string& query() const { return query_; }
  // "12 hits in 4 sources for "trust"" ; "No hits for ..."; "first 500 hits ..." when capped.
  std::string summary() const;

 private:
  std::vector<SearchRow> rows_;
  std::string query_;
  std::size_t sources_ = 0;
  bool capped_ = false;
};

}  // namespace cmoc::gui
