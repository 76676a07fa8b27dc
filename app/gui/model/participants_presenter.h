#pragma once
// What Project > Participants... shows and edits: one row per participant, fixed columns (code,
// name, case, role, sources, speaker labels, the interviewer flag) then one column per attribute
// any participant has, plus columns the researcher adds. Each cell edit, and each deletion, is
// saved at once through core's Participants (one undoable step), so Ctrl+Z in the window takes
// back the last one.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cmoc/participants.h"

namespace cmoc {
class Project;
}

namespace cmoc::gui {

struct ParticipantColumn {
  std::string title;      // "Name", "Case", "region"
  std::string attribute;  // what an edit sets: "name", "case", "role" or the attribute's name
  bool editable = true;
  bool flag = false;  // a yes/no checkbox (the interviewer flag): cells are "yes" or "no"
};

class ParticipantsPresenter {
 public:
  void reload(Project& project);

  const std::vector<ParticipantColumn>& columns() const { return columns_; }
  std::size_t rowCount() const { return participants_.size(); }
  const Participant& participant(std::size_t row) const { return participants_.at(row); }
  std::string cell(std::size_t row, std::size_t column) const;
  std::optional<std::size_t> rowOf(const std::string& code) const;
  std::optional<std::size_t> columnOf(const std::string& attribute) const;

  // Saves one cell through core and re-reads that participant; throws what core throws
  // (UsageError with a sentence for the researcher), and UsageError for a flag that is not
  // "yes" or "no". Returns false for a read-only column.
  bool edit(Project& project, std::size_t row, std::size_t column, const std::string& value);
  // What to ask before deleting the participant of `row`: who it is and what stays.
  std::string deleteQuestion(std::size_t row) const;
  // Deletes the participant of `row` through core and re-reads the list; returns it as it was.
  Participant remove(Project& project, std::size_t row);
  // A new, empty attribute column (values are saved as cells are filled). Throws UsageError
  // for an empty name or one already shown; returns the new column's index.
  std::size_t addAttribute(const std::string& name);

 private:
  std::vector<Participant> participants_;
  std::vector<ParticipantColumn> columns_;
};

}  // namespace cmoc::gui
