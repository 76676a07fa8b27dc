#pragma once
// The demiregularity table (one row per mechanism, core's aggregation) and its drill-down:
// the mechanism's CMOCs with their sentences, support and attributed quotes.
#include <cstdint>
#include <string>
#include <vector>

#include "cmoc/demiregularity.h"

namespace cmoc {
class Project;
}

namespace cmoc::gui {

struct DemiRow {
  std::int64_t mechanismId = 0;
  std::string mechanism;
  std::int64_t cmocs = 0, contexts = 0, outcomes = 0, excerpts = 0, sources = 0, participants = 0,
               caseTypes = 0;
  std::string belowRule;  // "0", "1 CMOC (1 source)", "2 CMOCs"
  bool warn = false;      // some CMOC fails the multiple-sources rule
};

struct Quote {
  Slot slot = Slot::Context;
  std::string code, text, attribution;  // attribution: "19; director; alliance 2"
  std::int64_t sourceId = 0, codingId = 0, start = 0, end = 0;
};

struct DrillCmoc {
  std::int64_t id = 0;
  std::string sentence, statement, status, support;  // support: "5 excerpts, 3 sources, 3 participants"
  bool failsRule = false;
  std::vector<Quote> quotes;
};

class DemiPresenter {
 public:
  void reload(Project& project, const DemiOptions& options = {});
  const std::vector<DemiRow>& rows() const { return rows_; }
  const std::vector<Demiregularity>& data() const { return data_; }
  int threshold() const { return threshold_; }
  // The CMOCs of row `index` with their quotes, in core's order (most supported first).
  std::vector<DrillCmoc> drill(Project& project, std::size_t index) const;

 private:
  std::vector<Demiregularity> data_;
  std::vector<DemiRow> rows_;
  int threshold_ = kDefaultSourceThreshold;
};

}  // namespace cmoc::gui
