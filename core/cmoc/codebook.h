#pragma once
// The codebook: hierarchical codes with a realist kind (context, mechanism, outcome, other),
// definitions, inclusion/exclusion notes, colour and origin (deductive a-priori or inductive).
// A code is named by its name where that is unique in the codebook, else by its path
// "Parent/Child". Every change is one undoable Action.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cmoc {

class Project;

enum class CodeKind { Context, Mechanism, Outcome, Other };
enum class CodeOrigin { Deductive, Inductive };

std::string_view toString(CodeKind kind);      // "context", ...
std::string_view toString(CodeOrigin origin);  // "deductive", "inductive"
CodeKind parseCodeKind(std::string_view s);    // also accepts c/m/o; throws UsageError
CodeOrigin parseCodeOrigin(std::string_view s);

struct Code {
  std::int64_t id = 0;
  std::string guid;
  std::optional<std::int64_t> parentId;
  std::string name;
  std::string path;  // "Parent/Child"; a '/' inside a name is written "\/"
  CodeKind kind = CodeKind::Other;
  std::string definition, inclusion, exclusion, memo;
  std::string color;  // "#RRGGBB" or empty
  CodeOrigin origin = CodeOrigin::Deductive;
  std::int64_t sortOrder = 0;
  std::string createdAt, modifiedAt;
  int depth = 0;               // 0 for top-level codes
  std::int64_t codings = 0;    // counts, filled by Codebook::list()
  std::int64_t sources = 0;
};

// What a new code is given; parent is a name or path of an existing code.
struct CodeDraft {
  std::string name;
  std::optional<std::string> parent;
  CodeKind kind = CodeKind::Other;
  std::string definition, inclusion, exclusion, memo, color;
  CodeOrigin origin = CodeOrigin::Deductive;
};

// Fields to change; unset fields stay.
struct CodeEdit {
  std::optional<std::string> name, definition, inclusion, exclusion, memo, color;
  std::optional<CodeKind> kind;
  std::optional<CodeOrigin> origin;
};

// What to do with a deleted code's children and codings.
enum class DeleteMode {
  Refuse,       // error when the code has children, codings or CMOCs
  MoveUp,       // children move to the code's parent; codings move to the parent code
  WithCodings,  // children and all their codings are deleted too (CMOCs using them block it)
};

// One row of a codebook CSV (importers::loadCodebookCsv), with its line for errors.
struct CodebookRow {
  int line = 0;
  std::string path;  // "Parent/Child"
  CodeDraft draft;   // draft.parent unused: the path says it
  std::optional<std::string> createdAt;  // ISO 8601 UTC, "2026-09-01T00:00:00Z"
  // Fields an existing code keeps rather than take from this row ("kind", "definition", ...):
  // a file's absent columns, and empty kind and origin cells. Empty: the row sets every field.
  std::vector<std::string> keep;
  // From a name+parent file whose parent is one name not in the file: it may be a nested
  // code's unique name ("Trust" for Mechanisms/Trust), as `code add --parent` takes it.
  bool parentByName = false;
};

// Code path syntax: "Parent/Child", with '/' and '\' inside a name escaped by '\'; spaces
// around each part are ignored. splitCodePath("A/B\/C") is {"A", "B/C"}.
std::vector<std::string> splitCodePath(std::string_view path);
std::string joinCodePath(const std::vector<std::string>& names);

class Codebook {
 public:
  explicit Codebook(Project& project);

  Code add(const CodeDraft& draft);
  // By unique name or by path; throws NotFound, or UsageError naming the candidate paths.
  Code find(std::string_view nameOrPath) const;
  std::optional<Code> tryFind(std::string_view nameOrPath) const;
  Code get(std::int64_t id) const;
  // Every code, depth-first in sibling order, with its counts of codings and sources.
  std::vector<Code> list() const;

  Code edit(std::string_view code, const CodeEdit& changes);
  // Moves a code under another (or to the top level when newParent is empty); refuses cycles.
  Code move(std::string_view code, std::optional<std::string_view> newParent);
  // Drag to reorder: puts `code` just before `sibling` among sibling's siblings (joining
  // sibling's parent when it had another), or last among its own siblings when `sibling` is
  // nullopt. Siblings are renumbered 0..n-1 in the new order.
  Code moveBefore(std::string_view code, std::optional<std::string_view> sibling);
  // Moves `from`'s codings, CMOC slots and children into `into`, then deletes `from`.
  Code merge(std::string_view from, std::string_view into);
  void remove(std::string_view code, DeleteMode mode);

  // All rows or none (one Action); existing paths are updated, new ones created.
  // Returns the number of codes created and updated.
  std::pair<int, int> importRows(const std::vector<CodebookRow>& rows, const std::string& fileName);
  // CSV with columns path,kind,definition,inclusion,exclusion,color,origin,created,memo.
  std::string exportCsv() const;

 private:
  Project& project_;
};

}  // namespace cmoc
