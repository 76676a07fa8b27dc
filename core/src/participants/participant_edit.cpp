// Participants: listing them with their metadata and editing it, one undoable Action per edit.
#include <algorithm>
#include <cctype>
#include <map>

#include "backend/sqlite/action.h"
#include "backend/sqlite/attribute_rows.h"
#include "backend/sqlite/participant_rows.h"
#include "backend/sqlite/speaker_links.h"
#include "cmoc/error.h"
#include "cmoc/names.h"
#include "cmoc/participants.h"
#include "cmoc/project.h"
#include "codebook/codebook_rows.h"
#include "participants.h"

namespace cmoc {

namespace {

std::string trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

bool numeric(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

// "2" before "10", as researchers number participants; numbers before other codes.
bool codeOrder(const Participant& a, const Participant& b) {
  const bool na = numeric(a.code), nb = numeric(b.code);
  if (na != nb) return na;
  if (na && a.code.size() != b.code.size()) return a.code.size() < b.code.size();
  return a.code < b.code;
}

std::vector<Participant> readParticipants(const sql::Db& db, std::optional<std::string_view> code) {
  std::map<std::int64_t, Participant> byId;
  store::ParticipantRows(db).eachWithCase(
      code ? std::optional<std::string>(std::string(*code)) : std::nullopt,
      [&](const store::ParticipantWithCase& r) {
        Participant p;
        p.id = r.id;
        p.guid = r.guid;
        p.code = r.code;
        p.interviewer = r.isInterviewer;
        p.caseName = r.caseName;
        p.caseType = r.caseType;
        byId.emplace(p.id, std::move(p));
      });
  store::AttributeRows(db, store::AttributeOwner::Participant)
      .each([&](std::int64_t owner, const std::string& name, const std::string& value) {
        auto it = byId.find(owner);
        if (it == byId.end()) return;
        Participant& p = it->second;
        // The case row is the truth for case and case type; the attributes are what the sheet
        // said.
        if (name == kParticipantNameAttribute)
          p.name = value;
        else if (name == "role")
          p.role = value;
        else if (name == "case")
          p.caseName = p.caseName.empty() ? value : p.caseName;
        else {
          if (name == "case_type" && p.caseType.empty()) p.caseType = value;
          p.attributes.emplace_back(name, value);
        }
      });
  store::SpeakerLinks(db).eachParticipantSpeakers(
      [&](std::int64_t participant, std::int64_t sources, const std::string& labels) {
        if (auto it = byId.find(participant); it != byId.end()) {
          it->second.sources = sources;
          it->second.speakers = labels;
        }
      });
  std::vector<Participant> out;
  for (auto& [id, p] : byId) out.push_back(std::move(p));
  std::sort(out.begin(), out.end(), codeOrder);
  return out;
}

std::string currentValue(const Participant& p, const std::string& name) {
  if (name == kParticipantNameAttribute) return p.name;
  if (name == "role") return p.role;
  if (name == "case") return p.caseName;
  for (const auto& [k, v] : p.attributes)
    if (k == name) return v;
  return {};
}

}  // namespace

Participants::Participants(Project& project) : project_(project) {}

std::vector<Participant> Participants::list() const {
  return readParticipants(project_.impl().db, std::nullopt);
}

Participant Participants::get(std::string_view code) const {
  auto found = readParticipants(project_.impl().db, code);
  if (found.empty()) throw NotFound("no participant with the code '" + std::string(code) + "'");
  return std::move(found.front());
}

Participant Participants::edit(std::string_view code, const ParticipantEdit& ch) {
  store::Action action(project_.impl(), "edit participant " + std::string(code));
  sql::Db& db = action.db();
  const Participant before = get(code);
  // The named fields are attributes too; one list of (name, value) changes covers them all.
  std::vector<std::pair<std::string, std::string>> wanted;
  if (ch.name) wanted.emplace_back(kParticipantNameAttribute, trimmed(*ch.name));
  if (ch.role) wanted.emplace_back("role", trimmed(*ch.role));
  if (ch.caseName) wanted.emplace_back("case", trimmed(*ch.caseName));
  for (const auto& [k, v] : ch.attributes) {
    const std::string name = trimmed(k);
    if (name.empty()) throw UsageError("an attribute needs a name");
    if (name.find('=') != std::string::npos)
      throw UsageError("an attribute name cannot contain '=': '" + name + "'");
    // A free attribute of that name would shadow the flag in sheets, REFI-QDA and the grid.
    if (name == kParticipantInterviewerField)
      throw UsageError("'interviewer' is a yes/no field of its own, not an attribute");
    wanted.emplace_back(name, trimmed(v));
  }
  for (const auto& [name, value] : wanted) {
    if (auto tooLong = nameLengthProblem("attribute", name)) throw UsageError(*tooLong);
    const char* named = name == kParticipantNameAttribute ? "participant"
                        : name == "case"                  ? "case"
                                                          : nullptr;
    if (!named) continue;
    if (auto tooLong = nameLengthProblem(named, value)) throw UsageError(*tooLong);
  }
  std::vector<std::string> changed;
  store::AttributeRows attributes(db, store::AttributeOwner::Participant);
  store::ParticipantRows participants(db);
  for (const auto& [name, value] : wanted) {
    if (value == currentValue(before, name) &&
        std::find(changed.begin(), changed.end(), name) == changed.end())
      continue;
    if (value.empty())
      attributes.drop(before.id, name);
    else
      attributes.put(before.id, name, value);
    if (name == "case")
      participants.setCase(before.id, value.empty()
                                          ? std::nullopt
                                          : std::optional(store::upsertCase(db, value, "")));
    changed.push_back(name);
  }
  // Analyses read the case type from the case first, so an edited case_type must reach it (and
  // with it every participant of that case, which is what a case type means).
  for (const auto& [name, value] : wanted)
    if (name == "case_type" && std::find(changed.begin(), changed.end(), name) != changed.end()) {
      store::CaseRows(db).setTypeOfCaseOf(before.id, value);
    }
  if (ch.interviewer && *ch.interviewer != before.interviewer) {
    store::setInterviewer(db, before.id, *ch.interviewer);
    changed.push_back(kParticipantInterviewerField);
  }
  if (changed.empty()) return before;  // nothing to record; the Action rolls back empty
  std::string fields;
  for (const auto& f : changed) fields += (fields.empty() ? "" : ", ") + jsonString(f);
  action.audit("edit-participant", "participant", before.guid,
               "{\"code\": " + jsonString(before.code) + ", \"changed\": [" + fields + "]}");
  action.commit();
  return get(code);
}

Participant Participants::setAttribute(std::string_view code, const std::string& name,
                                       const std::string& value) {
  ParticipantEdit e;
  e.attributes.emplace_back(name, value);
  return edit(code, e);
}

}  // namespace cmoc
