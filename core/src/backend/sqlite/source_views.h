#pragma once
// What `cmoc sources`, `cmoc show --turns` and the GUI's source list read: each source with its
// counts and participants, and a source's turns with speakers and participant codes.
#include <cstdint>
#include <functional>
#include <optional>

#include "cmoc/project.h"
#include "statements.h"

namespace cmoc::store {

class SourceViews {
 public:
  explicit SourceViews(const sql::Db& db) : st_(db) {}
  // Every source by name (then id), or only the source with id `only`.
  void eachSummary(std::optional<std::int64_t> only,
                   const std::function<void(const SourceSummary&)>& f);
  void eachTurn(std::int64_t sourceId, const std::function<void(const TurnView&)>& f);  // by seq

 private:
  Statements st_;
};

}  // namespace cmoc::store
