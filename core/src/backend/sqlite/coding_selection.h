#pragma once
// Which codings a command means, with names resolved to ids by the domain, and the SQL that
// picks them out, shared by the gateway that reads codings (coding_query.h) and the one that
// writes them (coding_rows.h), so a filter selects the same rows for a listing and a deletion.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "sqlite.h"

namespace cmoc::store {

// A CodingFilter with its names resolved to ids by the domain. An empty list does not filter,
// so an empty selection is every coding. Participant and attribute filters look at the speaker
// of the turn where a coding starts, falling back to the source's main participant.
struct CodingSelection {
  std::vector<std::int64_t> codeIds, sourceIds;
  std::vector<std::int64_t> codingIds;  // any number: passed as one JSON parameter
  std::vector<std::string> coders, participants;
  std::vector<std::pair<std::string, std::string>> attributes;  // name = value
};

// For the gateways: a selection as a FROM over `codings c` (joined to its source `s` and coder
// `k` when the selection needs them, or `joined`), a WHERE clause (" WHERE ...", or empty) and
// the parameters of both in order.
struct SelectionSql {
  std::string from, where;
  std::vector<std::variant<std::int64_t, std::string>> params;

  // Binds the parameters from `first` on; returns the next free index.
  int bind(sql::Stmt& st, int first = 1) const;
};
SelectionSql selectionSql(const CodingSelection& sel, bool joined = false);

}  // namespace cmoc::store
