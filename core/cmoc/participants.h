#pragma once
// Participants and their metadata: the display name, case, role and free attributes (region,
// phase, ...) that attribute quotes ("19; director; alliance 2") and split matrices and
// demiregularities. Import fills them from a participants sheet; this is where a researcher
// corrects or extends them afterwards. Every change is one undoable, audited Action.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cmoc {

class Project;

// Attribute names with a field of their own in Participant; every other attribute is free.
// The display name is kept as the attribute "name" (no column of its own), so it travels with
// the other attributes through sheets and REFI-QDA variables.
inline constexpr const char* kParticipantNameAttribute = "name";
// The interviewer flag's name where fields and attributes share one namespace (sheet columns,
// REFI-QDA variables, the participants grid). It is a yes/no field, never a free attribute.
inline constexpr const char* kParticipantInterviewerField = "interviewer";

struct Participant {
  std::int64_t id = 0;
  std::string guid;
  std::string code;      // "19", "INT1": the identity researchers cite
  std::string name;      // display name, may be empty
  std::string caseName;  // "alliance 2", may be empty
  std::string caseType;  // of the case, else the participant's case_type attribute
  std::string role;      // "director"
  bool interviewer = false;
  // Every other attribute (case_type, region, phase, ...), sorted by name.
  std::vector<std::pair<std::string, std::string>> attributes;
  std::int64_t sources = 0;  // sources in which the participant speaks
  std::string speakers;      // the labels transcripts give them ("Gwen Pritchard, R"), read-only
};

// What to change; unset fields stay. An attribute with an empty value is removed.
struct ParticipantEdit {
  std::optional<std::string> name, caseName, role;
  std::optional<bool> interviewer;
  std::vector<std::pair<std::string, std::string>> attributes;
};

class Participants {
 public:
  explicit Participants(Project& project);

  // Every participant, ordered by code (numeric codes in numeric order).
  std::vector<Participant> list() const;
  // By code; throws NotFound.
  Participant get(std::string_view code) const;
  // One Action, audited as "edit-participant" with the changed fields; a change to nothing
  // records nothing. A new case name creates the case. Throws UsageError for a bad name.
  // The interviewer flag carries over to the speakers linked to the participant (their turns
  // become interviewer turns, or stop being so unless their label says "Interviewer", "I" ...),
  // and the sources they speak in get their main interviewee again.
  Participant edit(std::string_view code, const ParticipantEdit& changes);
  Participant setAttribute(std::string_view code, const std::string& name, const std::string& value);
  // Deletes the participant with its attributes; one Action, audited as "delete-participant"
  // with what it held. Transcripts keep every speaker label, turn and coding: the speakers
  // that named the participant become unlinked, and sources it was the interviewee of take
  // their next non-interviewer speaker's participant, if any. Its case stays (cases hold their
  // own attributes and sources). Returns the participant as it was; throws NotFound.
  Participant remove(std::string_view code);

 private:
  Project& project_;
};

}  // namespace cmoc
