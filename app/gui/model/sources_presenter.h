#pragma once
// The sources list: every source with its participants, format and how much is coded, filtered
// by a free text, a participant, coded/uncoded, a coder, or a participant/case attribute.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cmoc/project.h"

namespace cmoc::gui {

enum class CodedFilter { Any, Coded, Uncoded };

struct SourceFilter {
  std::string text;         // in the file name or participant codes, case/accent-insensitive
  std::string participant;  // one participant code ("19")
  CodedFilter coded = CodedFilter::Any;
  std::string coder;        // counts and coded/uncoded refer to this coder's codings only
  // attribute = value (role, case, case_type, region, phase ...). Core has no participant
  // listing yet, so this keeps the sources holding codings of turns whose participant has the
  // attribute (what CodingFilter::attributes selects): uncoded sources cannot match it.
  std::optional<std::pair<std::string, std::string>> attribute;
};

struct SourceRow {
  std::int64_t id = 0;
  std::string name, format, participants;
  std::int64_t codings = 0;  // of the filter's coder when one is set
  std::int64_t turns = 0;
  std::string label;   // "19  interview-01-director-alliance2.txt"
  std::string counts;  // "143" or "uncoded"
};

class SourcesPresenter {
 public:
  void reload(Project& project, const SourceFilter& filter);
  const std::vector<SourceRow>& rows() const { return rows_; }
  std::size_t total() const { return total_; }  // before filtering
  // "Sources (7 of 10; coder AJ)"
  std::string heading() const;
  // Values an attribute takes among coded participants, for a filter choice; empty when no
  // participant has it.
  static std::vector<std::string> attributeValues(const Project& project, const std::string& attribute);
  std::optional<std::size_t> indexOf(std::int64_t sourceId) const;

 private:
  std::vector<SourceRow> rows_;
  std::size_t total_ = 0;
  SourceFilter filter_;
};

}  // namespace cmoc::gui
