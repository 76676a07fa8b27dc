#pragma once
// Fixing a transcription error: replacing a range of a source's text, with every coding and
// speaker turn in that source re-anchored to the text it was on (rules: src/reanchor.h). The
// most reported bug in other tools is codings that drift after such an edit.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/coding.h"

namespace cmoc {

class Project;

// What an edit did to one coding.
struct MovedCoding {
  enum class Change {
    Shifted,  // same text, new position
    Resized,  // grew or shrank with an edit inside it, or was clipped by one overlapping it
    Removed,  // its text was replaced or deleted: the coding is deleted and audited
  };
  Change change = Change::Shifted;
  CodingRecord before;
  std::int64_t start = 0, end = 0;  // after the edit (unset when removed)
};

struct TextEditResult {
  std::int64_t sourceId = 0;
  std::string sourceName;
  std::int64_t start = 0, end = 0;  // the range replaced, code points in the old text
  std::string oldText, newText;     // newText as stored: NFC, LF line ends
  std::vector<MovedCoding> codings;  // the codings that changed, in position order
  std::int64_t unchangedCodings = 0;
  std::int64_t turnsChanged = 0;
};

// Replaces [start, end) (code points) of a source's text with `newText`, in one undoable
// Action: the text, its length, content hash and modification time, its turns, its codings
// (removals audited as delete-coding with reason "text edited") and its search index. start ==
// end inserts; an empty newText deletes.
// Throws NotFound for an unknown source; UsageError for a range outside the text or inverted,
// a range edge inside a character cluster (an accent on its letter, an emoji with modifiers),
// new text that is not valid UTF-8 or that would fuse with the characters around the range,
// an edit that changes nothing, or one that would make the text identical to another source's.
TextEditResult editText(Project& project, std::string_view source, std::int64_t start,
                        std::int64_t end, std::string_view newText);

}  // namespace cmoc
