#pragma once
// What an agreement comparison reads in a few whole-table queries rather than a query per
// source or code (the reference corpus, 1,000 sources and 200,000 codings, must compare in well
// under two seconds): every source's name and length, and every turn that holds text.
#include <cstdint>
#include <functional>
#include <string>

#include "statements.h"

namespace cmoc::store {

struct SourceLength {
  std::int64_t id = 0;
  std::string name;
  std::int64_t charCount = 0;  // code points
};

struct TurnUnit {
  std::int64_t sourceId = 0, seq = 0, start = 0, end = 0;  // code points
};

class AgreementQueries {
 public:
  explicit AgreementQueries(const sql::Db& db) : st_(db) {}
  void eachSource(const std::function<void(const SourceLength&)>& f);  // by name, then id
  void eachTurn(const std::function<void(const TurnUnit&)>& f);        // by source id, then start

 private:
  Statements st_;
};

}  // namespace cmoc::store
