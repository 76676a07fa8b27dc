#pragma once
// What an importer hands to core: a source's whole text (NFC, LF) and its speaker turns.
// Positions are Unicode code point offsets [start, end) into `text`.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cmoc {

struct Turn {
  std::string speaker;  // label as written in the source ("R", "Dr Priya Raman"); empty if none
  std::int64_t start = 0;  // code points, what the speaker said (label excluded)
  std::int64_t end = 0;
  std::optional<std::int64_t> startMs;  // from captions or [hh:mm:ss] marks
  std::optional<std::int64_t> endMs;
};

struct Transcript {
  std::string fileName;  // base name of the imported file
  std::string format;    // "text", "docx", "odt", "vtt", "srt"
  std::string text;      // NFC, LF line ends, valid UTF-8
  std::vector<Turn> turns;
};

// One row of a participants sheet: who a speaker label is, in one file or (file empty) in all.
struct ParticipantRow {
  std::string file;
  std::string participant;  // participant code, e.g. "19"
  std::string speaker;      // speaker label as it appears in transcripts
  bool interviewer = false;
  std::vector<std::pair<std::string, std::string>> attributes;  // role, case, case_type, ...
  int line = 0;  // line in the sheet, for error messages
};

struct ParticipantSheet {
  std::string fileName;
  std::vector<ParticipantRow> rows;
};

}  // namespace cmoc
