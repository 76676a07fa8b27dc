#pragma once
// The gateway of a source's rows: `sources`, its `source_text`, `speakers`, `turns` and the
// cases that cover it. Importing a transcript, REFI-QDA import and merge write them through it.
// Statements are prepared on first use and kept, so an import of many sources and turns
// prepares each once.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "statements.h"

namespace cmoc::store {

struct SourceRow {
  std::int64_t id = 0;  // ignored by insert
  std::string guid, name, format, contentHash;
  std::int64_t charCount = 0;  // code points
  std::optional<std::int64_t> participantId;
  std::string memo;  // "" when none (stored as NULL)
  std::string importedAt, modifiedAt;
};

struct SpeakerRow {
  std::int64_t id = 0;  // ignored by insert
  std::string guid;
  std::int64_t sourceId = 0;
  std::string label;
  std::optional<std::int64_t> participantId;
  bool isInterviewer = false;
};

struct TurnRow {
  std::int64_t sourceId = 0, seq = 0;
  std::optional<std::int64_t> speakerId;
  std::int64_t start = 0, end = 0;  // code points
  std::optional<std::int64_t> startMs, endMs;
  std::optional<std::int64_t> startByte, endByte;  // when unknown, fillTurnBytes computes them
};

// A turn's span and speaker, for finding the text around a coding (sources/source_window).
struct TurnSpan {
  std::int64_t start = 0, end = 0;                 // code points
  std::optional<std::int64_t> startByte, endByte;  // unknown before schema 004's fill
  std::string speaker;                             // label, "" for none
  std::optional<std::int64_t> participant;
};

// A turn's place, for moving turns when the text around them changes.
struct TurnPlace {
  std::int64_t id = 0, start = 0, end = 0;  // code points
};

// A stored source found by its text's hash.
struct SourceNamed {
  std::int64_t id = 0;
  std::string name;
};

class SourceRows {
 public:
  explicit SourceRows(const sql::Db& db) : st_(db) {}

  void each(const std::function<void(const SourceRow&)>& f);  // by id
  bool any();  // whether the project has a source
  std::int64_t count();
  std::optional<SourceRow> byId(std::int64_t id);
  std::string text(std::int64_t id);                      // "" for an unknown source
  std::optional<std::string> textIfAny(std::int64_t id);  // nullopt for an unknown source
  void speakersOf(std::int64_t sourceId, const std::function<void(const SpeakerRow&)>& f);
  void speakersOfParticipant(std::int64_t participantId,
                             const std::function<void(const SpeakerRow&)>& f);        // by id
  void turnsOf(std::int64_t sourceId, const std::function<void(const TurnRow&)>& f);  // by seq
  std::vector<TurnPlace> turnPlacesOf(std::int64_t sourceId);                         // by seq
  std::vector<std::int64_t> casesOf(std::int64_t sourceId);

  std::optional<std::int64_t> idOfGuid(const std::string& guid);
  std::vector<std::int64_t> idsOfName(const std::string& name);  // file names may repeat
  std::optional<SourceNamed> withContentHash(const std::string& hash);
  // The source row and its text; returns the new source's id.
  std::int64_t insert(const SourceRow& row, std::string_view text);
  std::int64_t insertSpeaker(const SpeakerRow& speaker);
  std::int64_t insertSpeaker(const std::string& guid, std::int64_t sourceId,
                             const std::string& label, bool isInterviewer) {
    return insertSpeaker(SpeakerRow{0, guid, sourceId, label, std::nullopt, isInterviewer});
  }
  std::int64_t insertTurn(const TurnRow& turn);
  // Puts a source in a case; a source already in it stays as it is.
  void addToCase(std::int64_t caseId, std::int64_t sourceId);
  // What a text edit changes besides the text: its length, hash and modified_at.
  void setTextFacts(std::int64_t id, std::int64_t charCount, const std::string& contentHash,
                    const std::string& modifiedAt);
  void setTurnPlace(const TurnPlace& turn);
  // The memo ("" clears it); the source's modified_at stays, since it dates the text.
  void setMemo(std::int64_t id, const std::string& memo);
  // The audit row of a transcript import (imports are not undoable Actions, so Action::audit
  // does not write it).
  void auditImport(std::int64_t id, const std::string& at);
  // The turn of `source` starting at or before `pos`, and the first starting after it.
  std::optional<TurnSpan> turnAtOrBefore(std::int64_t source, std::int64_t pos);
  std::optional<TurnSpan> turnAfter(std::int64_t source, std::int64_t pos);
  // Adds one turn's text to the search index (the index is derived: undo rebuilds it).
  void indexTurn(std::int64_t turnId, std::string_view text);

 private:
  Statements st_;
};

// Sources' texts read in place, without a copy, for walks that read each source's whole text
// once (auto-coding, search, agreement units): a view is valid until the next view().
class SourceTextReader {
 public:
  explicit SourceTextReader(const sql::Db& db);
  std::string_view view(std::int64_t sourceId);  // "" for an unknown source

 private:
  sql::Stmt st_;
};

}  // namespace cmoc::store
