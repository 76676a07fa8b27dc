// Merge steps for cases, participants and sources. A case or participant with another GUID but
// the same name or participant code, and a source with another GUID but the same text, is the
// same one (the same transcript imported into both copies); the local one is kept.
#include <unordered_map>
#include <vector>

#include "backend/sqlite/action.h"
#include "merge_run.h"

namespace cmoc::store::merge {

namespace {

// What identifies a row besides its GUID, and how the report names that.
struct Identity {
  std::optional<std::int64_t> local;  // the local row with the same key, if any
  std::string name, description;
};

// A row of the other project mapped to a local row with the same GUID, else the same identity,
// else added by `add`, which returns the new id.
template <class Add>
void mapOrAdd(Run& run, const std::string& kind, const std::string& label, std::int64_t otherId,
              std::optional<std::int64_t> sameGuid, const Identity& same, Add add) {
  if (sameGuid) {
    run.map(kind, otherId, *sameGuid, Match::SameGuid);
  } else if (same.local) {
    run.map(kind, otherId, *same.local, Match::SameIdentity);
    run.sameIdentity(kind, same.name, "the same " + same.description);
  } else {
    run.map(kind, otherId, add(), Match::Added);
    run.added(label, 1);
  }
}

void copyAttributes(AttributeRows& from, AttributeRows& to, std::int64_t otherId,
                    std::int64_t localId) {
  for (const auto& [name, value] : from.of(otherId)) to.add(localId, name, value);
}

// The text comes over byte for byte, so the turns' byte ranges hold as they are.
std::int64_t copySource(Run& run, SourceRow row) {
  SourceRows &theirs = run.theirs().sources, &ours = run.ours().sources;
  const std::int64_t otherId = row.id;
  row.participantId = run.local("participant", row.participantId);
  const std::int64_t id = ours.insert(row, theirs.text(otherId));
  std::unordered_map<std::int64_t, std::int64_t> speakers;  // theirs -> ours
  theirs.speakersOf(otherId, [&](const SpeakerRow& s) {
    SpeakerRow copy = s;
    copy.sourceId = id;
    copy.participantId = run.local("participant", s.participantId);
    speakers[s.id] = ours.insertSpeaker(copy);
  });
  theirs.turnsOf(otherId, [&](const TurnRow& t) {
    TurnRow copy = t;
    copy.sourceId = id;
    if (t.speakerId) copy.speakerId = speakers.at(*t.speakerId);
    ours.insertTurn(copy);
  });
  copyAttributes(run.theirs().sourceAttributes, run.ours().sourceAttributes, otherId, id);
  for (std::int64_t caseId : theirs.casesOf(otherId))
    ours.addToCase(run.required("case", caseId), id);
  return id;
}

}  // namespace

void mergeCases(Run& run) {
  CaseRows& ours = run.ours().cases;
  run.theirs().cases.each([&](const CaseRow& row) {
    mapOrAdd(run, "case", "cases", row.id, ours.idOfGuid(row.guid),
             {ours.idOfName(row.name), row.name, "name"}, [&] {
               const std::int64_t id = ours.insert(row);
               copyAttributes(run.theirs().caseAttributes, run.ours().caseAttributes, row.id, id);
               return id;
             });
  });
}

void mergeParticipants(Run& run) {
  ParticipantRows& ours = run.ours().participants;
  run.theirs().participants.each([&](const ParticipantRow& row) {
    mapOrAdd(run, "participant", "participants", row.id, ours.idOfGuid(row.guid),
             {ours.idOfCode(row.code), row.code, "code"}, [&] {
               ParticipantRow copy = row;
               copy.caseId = run.local("case", row.caseId);
               const std::int64_t id = ours.insert(copy);
               copyAttributes(run.theirs().participantAttributes, run.ours().participantAttributes,
                              row.id, id);
               return id;
             });
  });
}

// A source comes whole: text, speakers, turns, attributes, the cases that cover it.
void mergeSources(Run& run) {
  SourceRows &ours = run.ours().sources, &theirs = run.theirs().sources;
  std::vector<std::int64_t> added;
  std::vector<std::pair<std::int64_t, std::int64_t>> matched;  // theirs, ours: texts to compare
  theirs.each([&](const SourceRow& row) {
    const std::optional<SourceNamed> sameText = ours.withContentHash(row.contentHash);
    mapOrAdd(run, "source", "sources", row.id, ours.idOfGuid(row.guid),
             {sameText ? std::optional(sameText->id) : std::nullopt, row.name, "text"}, [&] {
               added.push_back(copySource(run, row));
               return added.back();
             });
    if (run.how("source", row.id) != Match::Added)
      matched.emplace_back(row.id, *run.local("source", row.id));
    else
      run.map("source-text", row.id, added.back(), Match::Added);
  });
  reindexSources(run.db(), added);
  // Codings address code points of the text, so they come over only where the texts agree.
  for (const auto& [otherId, localId] : matched)
    if (theirs.text(otherId) == ours.text(localId))
      run.map("source-text", otherId, localId, *run.how("source", otherId));
}

}  // namespace cmoc::store::merge
