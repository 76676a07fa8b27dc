#pragma once
// The codebook as the tree beside the transcript shows it: one row per code, depth-first in
// sibling order, with its kind marker, colour and "codings / sources" counts. In blind mode
// the counts are the current coder's own, so a second coder sees nothing of the first's work.
// Renaming and nesting go straight to core's Codebook (each one undoable action).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cmoc/codebook.h"
#include "model/format.h"

namespace cmoc {
class Project;
}

namespace cmoc::gui {

struct CodebookRow {
  std::int64_t id = 0;
  std::optional<std::int64_t> parentId;
  int depth = 0;
  std::string name, path;
  CodeKind kind = CodeKind::Other;
  bool inductive = false;
  Rgb colour;
  std::int64_t codings = 0, sources = 0;
  bool hasChildren = false;
  std::string label;    // "[M] Trust", "[C] Quick wins (inductive)"
  std::string counts;   // "212 / 31"
  std::string tooltip;  // definition, inclusion and exclusion notes
};

// Where a code dropped on a row goes: the top third of the row puts it before that code (among
// its siblings); the rest nests it under the code.
enum class DropPlace { Before, Into };
DropPlace dropPlace(int yInRow, int rowHeight);

class CodebookTreeModel {
 public:
  // Reads the codebook; with onlyCoder, counts only that coder's codings.
  void reload(Project& project, const std::optional<std::string>& onlyCoder = std::nullopt);

  const std::vector<Code>& codes() const { return codes_; }
  const std::vector<CodebookRow>& rows() const { return rows_; }
  const CodebookRow* row(std::int64_t id) const;
  // Rows whose parent is `parent` (top level for nullopt), in sibling order.
  std::vector<const CodebookRow*> children(std::optional<std::int64_t> parent) const;

  // Renames a code in place. Throws UsageError for an empty name or a sibling clash.
  static Code rename(Project& project, std::int64_t codeId, const std::string& newName);
  // Drag to nest: moves `codeId` under `newParent` (top level for nullopt). Dropping a code on
  // itself or on its own descendant is refused by core (UsageError).
  static Code nest(Project& project, std::int64_t codeId, std::optional<std::int64_t> newParent);
  // Drag to reorder: `codeId` goes just before `beforeId`, joining its parent; last among its
  // siblings for nullopt. One undoable step in core.
  static Code reorder(Project& project, std::int64_t codeId, std::optional<std::int64_t> beforeId);
  // Alt+Up / Alt+Down: one place earlier (delta -1) or later (+1) among the code's siblings as
  // this model last read them; nullopt when it is already first or last.
  std::optional<Code> shift(Project& project, std::int64_t codeId, int delta) const;

 private:
  std::vector<Code> codes_;
  std::vector<CodebookRow> rows_;
};

}  // namespace cmoc::gui
