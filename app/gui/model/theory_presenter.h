#pragma once
// The Theory tab (issue 11): the programme-theory versions, and how the theory changed between
// two of them (either may be the current CMOCs) as the diff table and the causal web with the
// changes marked, rendered to PNG for the view.
#include <cstddef>
#include <string>
#include <vector>

#include "cmoc/report_table.h"
#include "cmoc/theory.h"

namespace cmoc {
class Project;
}

namespace cmoc::gui {

class TheoryPresenter {
 public:
  // Reads the versions; the comparison is chosen again: the newest version against the current
  // CMOCs (nothing to compare without a version).
  void reload(Project& project);
  const std::vector<TheoryVersion>& versions() const { return versions_; }
  // The versions' names, then "current": what the two pickers offer.
  std::vector<std::string> choices() const;
  std::size_t from() const { return from_; }
  std::size_t to() const { return to_; }
  // "2 versions; from 'Initial' to the current CMOCs: 1 CMOC added, ..." or why there is
  // nothing to compare.
  const std::string& summary() const { return summary_; }
  const ReportTable& diff() const { return diff_; }
  const std::string& webPng() const { return png_; }

  // Compares choices()[from] with choices()[to]: the diff table and the marked web. Throws
  // UsageError for the same choice twice (the table and image are then cleared).
  void compare(Project& project, std::size_t from, std::size_t to);

 private:
  std::vector<TheoryVersion> versions_;
  std::size_t from_ = 0, to_ = 0;
  std::string summary_, png_;
  ReportTable diff_;
};

}  // namespace cmoc::gui
