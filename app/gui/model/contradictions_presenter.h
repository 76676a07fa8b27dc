#pragma once
// The Contradictions tab (issue 11): where the evidence disagrees, one row per pair with both
// sides' evidence, as `cmoc contradictions` lists it.
#include <string>

#include "cmoc/contradictions.h"

namespace cmoc {
class Project;
}

namespace cmoc::gui {

class ContradictionsPresenter {
 public:
  void reload(Project& project);
  const ReportTable& table() const { return table_; }
  // The summary, or the report's plain "No contradictions: ..." line.
  const std::string& summary() const { return summary_; }

 private:
  ReportTable table_;
  std::string summary_;
};

}  // namespace cmoc::gui
