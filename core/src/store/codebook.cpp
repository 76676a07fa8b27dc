// Codebook: adding, finding and listing codes. (Editing, moving, merging, deleting and CSV
// live in codebook_edit.cpp and codebook_csv.cpp.)
#include "cmoc/codebook.h"

#include <cstdio>
#include <map>
#include <regex>

#include "action.h"
#include "cmoc/error.h"
#include "cmoc/names.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
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
  static const std::regex hex("#[0-9A-Fa-f]{6}");
  if (!color.empty() && !std::regex_match(color, hex))
    throw UsageError("colour '" + color + "' is not #RRGGBB");
}

Code readCode(const sql::Stmt& st, const CodeIndex& index) {
  // Columns as in kCodeColumns.
  Code c;
  c.id = st.i64(0);
  c.guid = st.str(1);
  c.parentId = st.optI64(2);
  c.name = st.str(3);
  c.kind = parseCodeKind(st.view(4));
  c.definition = st.str(5);
  c.inclusion = st.str(6);
  c.exclusion = st.str(7);
  c.color = st.str(8);
  c.origin = parseCodeOrigin(st.view(9));
  c.memo = st.str(10);
  c.sortOrder = st.i64(11);
  c.createdAt = st.str(12);
  c.modifiedAt = st.str(13);
  c.path = index.entry(c.id).path;
  c.depth = index.depth(c.id);
  return c;
}

std::int64_t SortOrders::next(std::optional<std::int64_t> parent) {
  // Every parent's next sort order in one pass over the codebook, the first time one is asked:
  // a parent the pass did not see has no children yet, including those made since.
  if (!loaded_) {
    sql::Stmt all(db_, "SELECT parent_id, max(sort_order) + 1 FROM codes GROUP BY parent_id");
    while (all.step()) next_[all.optI64(0)] = all.i64(1);
    loaded_ = true;
  }
  return next_.try_emplace(parent, 0).first->second++;
}

std::int64_t insertCode(Action& action, const CodeDraft& d, std::optional<std::int64_t> parent,
                        const std::optional<std::string>& createdAt, SortOrders* orders) {
  validateCodeName(d.name);
  validateColor(d.color);
  sql::Db& db = action.db();
  const std::int64_t sortOrder = orders ? orders->next(parent) : SortOrders(db).next(parent);
  const std::string now = nowUtc();
  const std::string guid = newGuid();
  sql::Stmt st(db, R"(
    INSERT INTO codes(guid, parent_id, name, kind, definition, inclusion, exclusion, color, origin,
                      memo, sort_order, created_at, modified_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, nullif(?, ''), ?, ?, ?, ?, ?))");
  st.bind(1, guid).bind(2, parent).bind(3, d.name).bind(4, toString(d.kind));
  st.bind(5, d.definition).bind(6, d.inclusion).bind(7, d.exclusion).bind(8, d.color);
  st.bind(9, toString(d.origin)).bind(10, d.memo).bind(11, sortOrder);
  st.bind(12, createdAt.value_or(now)).bind(13, now);
  try {
    st.run();
  } catch (const Error&) {
    throw UsageError("a code named '" + d.name + "' already exists there");
  }
  const std::int64_t id = db.lastInsertId();
  action.audit("add-code", "code", guid, "{\"name\": " + jsonQuote(d.name) + "}");
  return id;
}

std::optional<CodeRef> siblingNamed(const sql::Db& db, std::optional<std::int64_t> parent,
                                    const std::string& name) {
  sql::Stmt st(db, "SELECT id, guid FROM codes WHERE ifnull(parent_id, 0) = ? AND name = ?");
  st.bind(1, parent.value_or(0)).bind(2, name);
  if (!st.step()) return std::nullopt;
  return CodeRef{st.i64(0), st.str(1)};
}

std::string jsonQuote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
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
  sql::Stmt st(db, std::string("SELECT ") + store::kCodeColumns + " FROM codes WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) throw NotFound("no code with id " + std::to_string(id));
  return store::readCode(st, index);
}

std::vector<Code> Codebook::list() const {
  const sql::Db& db = project_.impl().db;
  const store::CodeIndex index(db);
  std::map<std::int64_t, Code> byId;
  sql::Stmt st(db, std::string("SELECT ") + store::kCodeColumns + " FROM codes");
  while (st.step()) {
    Code c = store::readCode(st, index);
    byId.emplace(c.id, std::move(c));
  }
  sql::Stmt counts(
      db, "SELECT code_id, count(*), count(DISTINCT source_id) FROM codings GROUP BY code_id");
  while (counts.step()) {
    auto it = byId.find(counts.i64(0));
    if (it == byId.end()) continue;
    it->second.codings = counts.i64(1);
    it->second.sources = counts.i64(2);
  }
  std::vector<Code> out;
  for (std::int64_t id : index.depthFirst()) out.push_back(std::move(byId.at(id)));
  return out;
}

}  // namespace cmoc
