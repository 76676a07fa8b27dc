#pragma once
// The memos the right-hand panel edits besides the chosen coding's: the memo on the code
// selected in the codebook and the memo on the open source. Each save is one undoable step in
// core (a code's memo through Codebook::edit, a source's through setSourceMemo).
#include <cstdint>
#include <string>

namespace cmoc {
class Project;
}

namespace cmoc::gui {

struct MemoTarget {
  enum class Kind { Code, Source };
  Kind kind = Kind::Code;
  std::int64_t id = 0;
  std::string title;  // "Memo on code Trust", "Memo on source interview-01.txt"
  std::string text;
};

MemoTarget codeMemo(Project& project, std::int64_t codeId);
MemoTarget sourceMemo(Project& project, std::int64_t sourceId);
// Saves `text` as the target's memo; returns false when it was already that (nothing recorded).
bool saveMemo(Project& project, const MemoTarget& target, const std::string& text);

}  // namespace cmoc::gui
