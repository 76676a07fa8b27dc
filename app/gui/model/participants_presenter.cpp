#include "model/participants_presenter.h"

#include <algorithm>
#include <set>

#include "cmoc/error.h"
#include "cmoc/project.h"

namespace cmoc::gui {

namespace {

const ParticipantColumn kFixed[] = {{"Code", "", false},
                                    {"Name", kParticipantNameAttribute, true},
                                    {"Case", "case", true},
                                    {"Role", "role", true},
                                    {"Sources", "", false},
                                    {"Speaks as", "", false},
                                    {"Interviewer", kParticipantInterviewerField, true, true}};
constexpr std::size_t kSourcesColumn = 4, kSpeakersColumn = 5;

}  // namespace

void ParticipantsPresenter::reload(Project& project) {
  participants_ = Participants(project).list();
  std::set<std::string> names;
  for (const Participant& p : participants_)
    for (const auto& [k, v] : p.attributes) names.insert(k);
  std::vector<ParticipantColumn> fresh(std::begin(kFixed), std::end(kFixed));
  for (const std::string& n : names) fresh.push_back({n, n, true});
  // Columns the researcher added but has not filled yet stay while the presenter lives.
  for (const ParticipantColumn& c : columns_)
    if (c.editable && std::none_of(fresh.begin(), fresh.end(),
                                   [&](const ParticipantColumn& f) { return f.attribute == c.attribute; }))
      fresh.push_back(c);
  columns_ = std::move(fresh);
}

std::string ParticipantsPresenter::cell(std::size_t row, std::size_t column) const {
  const Participant& p = participants_.at(row);
  const ParticipantColumn& c = columns_.at(column);
  if (column == 0) return p.code;
  if (column == kSourcesColumn) return std::to_string(p.sources);
  if (column == kSpeakersColumn) return p.speakers;
  if (c.flag) return p.interviewer ? "yes" : "no";
  if (c.attribute == kParticipantNameAttribute) return p.name;
  if (c.attribute == "case") return p.caseName;
  if (c.attribute == "role") return p.role;
  for (const auto& [k, v] : p.attributes)
    if (k == c.attribute) return v;
  return {};
}

std::optional<std::size_t> ParticipantsPresenter::rowOf(const std::string& code) const {
  for (std::size_t i = 0; i < participants_.size(); ++i)
    if (participants_[i].code == code) return i;
  return std::nullopt;
}

std::optional<std::size_t> ParticipantsPresenter::columnOf(const std::string& attribute) const {
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i].editable && columns_[i].attribute == attribute) return i;
  return std::nullopt;
}

bool ParticipantsPresenter::edit(Project& project, std::size_t row, std::size_t column,
                                 const std::string& value) {
  const ParticipantColumn& c = columns_.at(column);
  if (!c.editable) return false;
  if (cell(row, column) == value) return true;
  const std::string& code = participants_.at(row).code;
  if (c.flag) {
    if (value != "yes" && value != "no")
      throw UsageError(c.title + " takes yes or no, not '" + value + "'");
    ParticipantEdit e;
    e.interviewer = value == "yes";
    participants_.at(row) = Participants(project).edit(code, e);
  } else {
    participants_.at(row) = Participants(project).setAttribute(code, c.attribute, value);
  }
  return true;
}

std::string ParticipantsPresenter::deleteQuestion(std::size_t row) const {
  const Participant& p = participants_.at(row);
  std::string q = "Delete participant " + p.code + (p.name.empty() ? "" : " (" + p.name + ")") +
                  " and its attributes?";
  if (!p.speakers.empty())
    q += "\n\nThe transcripts keep its speaker labels (" + p.speakers + "), turns and codings; " +
         "they are no longer linked to a participant.";
  return q + "\n\nCtrl+Z in the main window undoes it.";
}

Participant ParticipantsPresenter::remove(Project& project, std::size_t row) {
  Participant gone = Participants(project).remove(participants_.at(row).code);
  // Re-read rather than erase the row, so the rows are what core holds; reload() keeps the
  // columns already shown, so the grid does not jump while the dialog is open.
  reload(project);
  return gone;
}

std::size_t ParticipantsPresenter::addAttribute(const std::string& name) {
  const auto b = name.find_first_not_of(" \t"), e = name.find_last_not_of(" \t");
  if (b == std::string::npos) throw UsageError("an attribute needs a name");
  const std::string n = name.substr(b, e - b + 1);
  for (const ParticipantColumn& c : columns_)
    if (c.attribute == n || c.title == n) throw UsageError("there is already a column '" + n + "'");
  columns_.push_back({n, n, true});
  return columns_.size() - 1;
}

}  // namespace cmoc::gui
