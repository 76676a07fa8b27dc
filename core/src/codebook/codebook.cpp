// Codebook: adding, finding and listing codes. (Editing, moving, merging, deleting and CSV
// live in codebook_edit.cpp and codebook_csv.cpp.)
#include "cmoc/codebook.h"

#include <cstdio>
#include <map>

#include "backend/sqlite/action.h"
#include "backend/sqlite/coding_query.h"
#include "cmoc/error.h"
#include "cmoc/names.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "cmoc/validators.h"
#include "code_index.h"
#include "codebook_rows.h"

namespace cmoc {

std::string_view toString(CodeKind kind) {
  switch (kind) {
    case CodeKind::Context:
      return "context";
    case CodeKind::Mechanism:
      return "mechanism";
    case CodeKind::Outcome:
      return "outcome";
    case CodeKind::Other:
      return "other";
  }
  return "other";
}

std::string_view toString(CodeOrigin origin) {
  return origin == CodeOrigin::Inductive ? "inductive" : "deductive";
}

CodeKind parseCodeKind(std::string_view s) {
  if (s == "context" || s == "c" || s == "C") return CodeKind::Context;
  if (s == "mechanism" || s == "m" || s == "M") return CodeKind::Mechanism;
  if (s == "outcome" || s == "o" || s == "O") return CodeKind::Outcome;
  if (s == "other" || s.empty()) return CodeKind::Other;
  throw UsageError("unknown code kind '" + std::string(s) +
                   "' (context, mechanism, outcome or other)");
}

CodeOrigin parseCodeOrigin(std::string_view s) {
  if (s == "deductive" || s == "a-priori" || s.empty()) return CodeOrigin::Deductive;
  if (s == "inductive") return CodeOrigin::Inductive;
  throw UsageError("unknown code origin '" + std::string(s) + "' (deductive or inductive)");
}

namespace store {

void validateCodeName(const std::string& name) {
  if (name.find_first_not_of(" \t") == std::string::npos) throw UsageError("a code needs a name");
  if (name.find('\n') != std::string::npos) throw UsageError("a code name cannot span lines");
  if (auto tooLong = nameLengthProblem("code", name)) throw UsageError(*tooLong);
  // What XML 1.0 cannot hold, so that the project's own REFI-QDA export imports again.
  if (text::firstInvalidUtf8(name)) throw UsageError("a code name must be valid UTF-8");
  for (char c : name)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t')
      throw UsageError("a code name cannot hold control characters (found U+00" +
                       std::string(1, "0123456789ABCDEF"[c >> 4]) + "0123456789ABCDEF"[c & 0xF] +
                       ")");
  if (name.find("\xEF\xBF\xBE") != std::string::npos ||
      name.find("\xEF\xBF\xBF") != std::string::npos)
    throw UsageError("a code name cannot hold the non-characters U+FFFE or U+FFFF");
}

void validateColor(const std::string& color) {
  if (!color.empty() && !validate::isSixDigitColour(color))
    throw UsageError("colour '" + color + "' is not #RRGGBB");
}

Code toCode(const CodeRow& r, const CodeIndex& index) {
  Code c;
  c.id = r.id;
  c.guid = r.guid;
  c.parentId = r.parentId;
  c.name = r.name;
  c.kind = parseCodeKind(r.kind);
  c.definition = r.definition;
  c.inclusion = r.inclusion;
  c.exclusion = r.exclusion;
  c.color = r.color;
  c.origin = parseCodeOrigin(r.origin);
  c.memo = r.memo;
  c.sortOrder = r.sortOrder;
  c.createdAt = r.createdAt;
  c.modifiedAt = r.modifiedAt;
  c.path = index.entry(c.id).path;
  c.depth = index.depth(c.id);
  return c;
}

std::int64_t insertCode(Action& action, const CodeDraft& d, std::optional<std::int64_t> parent,
                        const std::optional<std::string>& createdAt, SortOrders* orders) {
  validateCodeName(d.name);
  validateColor(d.color);
  CodeRows rows(action.db());
  const std::string now = nowUtc();
  CodeRow row = editableColumns(d);
  row.guid = newGuid();
  row.parentId = parent;
  row.sortOrder = orders ? orders->next(parent) : rows.nextSortOrder(parent);
  row.createdAt = createdAt.value_or(now);
  row.modifiedAt = now;
  std::int64_t id = 0;
  try {
    id = rows.insert(row);
  } catch (const StorageError&) {
    throw;  // a read-only or damaged file is not a name clash
  } catch (const Error&) {
    throw UsageError("a code named '" + d.name + "' already exists there");
  }
  action.audit("add-code", "code", row.guid, "{\"name\": " + jsonString(d.name) + "}");
  return id;
}

}  // namespace store

Codebook::Codebook(Project& project) : project_(project) {}

Code Codebook::add(const CodeDraft& draft) {
  store::Action action(project_.impl(), "add code " + draft.name);
  const store::CodeIndex before(action.db());
  std::optional<std::int64_t> parent;
  if (draft.parent && !draft.parent->empty()) parent = before.require(*draft.parent);
  const std::int64_t id = store::insertCode(action, draft, parent, std::nullopt);
  action.commit();
  return get(id);
}

std::optional<Code> Codebook::tryFind(std::string_view nameOrPath) const {
  const store::CodeIndex index(project_.impl().db);
  auto id = index.resolve(nameOrPath);
  if (!id) return std::nullopt;
  return get(*id);
}

Code Codebook::find(std::string_view nameOrPath) const {
  if (auto c = tryFind(nameOrPath)) return *c;
  throw NotFound("no code named '" + std::string(nameOrPath) + "'");
}

Code Codebook::get(std::int64_t id) const {
  const sql::Db& db = project_.impl().db;
  const store::CodeIndex index(db);
  auto row = store::CodeRows(db).byId(id);
  if (!row) throw NotFound("no code with id " + std::to_string(id));
  return store::toCode(*row, index);
}

namespace store {
std::vector<Code> codesInOrder(const sql::Db& db, const CodeIndex& index) {
  std::map<std::int64_t, Code> byId;
  for (const CodeRow& row : CodeRows(db).all()) {
    Code c = toCode(row, index);
    byId.emplace(c.id, std::move(c));
  }
  std::vector<Code> out;
  for (std::int64_t id : index.depthFirst()) out.push_back(std::move(byId.at(id)));
  return out;
}
}  // namespace store

std::vector<Code> Codebook::list() const {
  const sql::Db& db = project_.impl().db;
  std::vector<Code> out = store::codesInOrder(db, store::CodeIndex(db));
  std::map<std::int64_t, Code*> byId;
  for (Code& c : out) byId.emplace(c.id, &c);
  for (const store::CodingTally& t :
       store::CodingQueries(db).countPer(store::CodingSelection{}, store::CodingGroup::Code)) {
    auto it = byId.find(t.id);
    if (it == byId.end()) continue;
    it->second->codings = t.codings;
    it->second->sources = t.sources;
  }
  return out;
}

}  // namespace cmoc
