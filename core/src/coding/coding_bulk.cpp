// Codings in bulk (cmoc/coding_bulk.h). A reference corpus holds 200,000 codings, so an import
// resolves each source, code, coder and turn list once, checks spans against cached lengths and
// inserts through one prepared statement; nothing is queried per row.
#include "cmoc/coding_bulk.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "backend/sqlite/action.h"
#include "backend/sqlite/page_cache.h"
#include "backend/sqlite/source_rows.h"
#include "cmoc/error.h"
#include "cmoc/escape.h"
#include "cmoc/progress.h"
#include "cmoc/project.h"
#include "codebook/code_index.h"
#include "codebook/codebook_rows.h"
#include "coding_shared.h"

namespace cmoc {

namespace {

struct SourceInfo {
  std::int64_t id = 0, length = 0;
  std::string name;
};

// Sources with their lengths, read once; each distinct way a row names a source is resolved
// once, by store::resolveSource, so a bulk import names sources exactly as `coding apply` does.
class Sources {
 public:
  explicit Sources(const sql::Db& db) : db_(db) {
    store::SourceRows(db).each([this](const store::SourceRow& s) {
      byId_.emplace(s.id, SourceInfo{s.id, s.charCount, s.name});
    });
  }

  const SourceInfo& find(const std::string& idOrName) const {
    auto it = resolved_.find(idOrName);
    if (it == resolved_.end())
      it = resolved_.emplace(idOrName, store::resolveSource(db_, idOrName)).first;
    return byId_.at(it->second);
  }

 private:
  const sql::Db& db_;
  std::unordered_map<std::int64_t, SourceInfo> byId_;
  mutable std::unordered_map<std::string, std::int64_t> resolved_;
};

// Each source's turns, loaded the first time a row names one of its turns.
class Turns {
 public:
  explicit Turns(const sql::Db& db) : rows_(db) {}

  std::pair<std::int64_t, std::int64_t> span(const SourceInfo& source, std::int64_t seq) {
    auto [it, fresh] = bySource_.try_emplace(source.id);
    if (fresh)
      rows_.turnsOf(source.id, [&](const store::TurnRow& t) {
        it->second[t.seq] = {t.start, t.end};
      });
    auto turn = it->second.find(seq);
    if (turn == it->second.end())
      throw NotFound("source '" + source.name + "' has no turn " + std::to_string(seq) +
                     " (it has " + std::to_string(it->second.size()) + ")");
    return turn->second;
  }

 private:
  store::SourceRows rows_;  // its turns statement kept for every source
  std::unordered_map<std::int64_t, std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>>>
      bySource_;
};

// Codes by the name or path a row gives, creating missing ones (and their missing parents)
// when asked. New codes are rare, so the index is simply rebuilt after each.
class Codes {
 public:
  Codes(store::Action& action, bool create)
      : action_(action), create_(create), index_(action.db()) {}

  std::int64_t find(const std::string& nameOrPath) {
    if (auto it = cache_.find(nameOrPath); it != cache_.end()) return it->second;
    std::optional<std::int64_t> id = index_.resolve(nameOrPath);
    if (!id && !create_)
      throw NotFound("no code named '" + nameOrPath + "' (--create-codes creates unknown codes)");
    if (!id) id = createPath(nameOrPath);
    cache_.emplace(nameOrPath, *id);
    return *id;
  }

  const std::vector<std::string>& created() const { return created_; }

 private:
  std::int64_t createPath(const std::string& path) {
    std::optional<std::int64_t> parent;
    for (const std::string& segment : store::splitPath(path)) {
      // The first segment may be a code's unique name anywhere in the tree; later ones are
      // children of the code found so far.
      const std::optional<std::int64_t> found =
          parent ? index_.resolve(index_.entry(*parent).path + "/" + store::escapeSegment(segment))
                 : index_.resolve(segment);
      if (found) {
        parent = found;
        continue;
      }
      CodeDraft draft;
      draft.name = segment;
      draft.kind = CodeKind::Other;
      draft.origin = CodeOrigin::Inductive;
      const std::optional<std::int64_t> under = parent;
      parent = store::insertCode(action_, draft, under, std::nullopt, &sortOrders_);
      // The new code is its parent's last child; rereading the codebook after each one made
      // creating N codes quadratic.
      index_.addLastChild(*parent, under, draft.name, std::string(toString(draft.kind)));
      created_.push_back(index_.entry(*parent).path);
    }
    return *parent;
  }

  store::Action& action_;
  bool create_;
  store::CodeIndex index_;
  store::SortOrders sortOrders_{action_.db()};
  std::unordered_map<std::string, std::int64_t> cache_;
  std::vector<std::string> created_;
};

// Coders by name, created on first use.
class Coders {
 public:
  explicit Coders(const sql::Db& db) : rows_(db) {
    rows_.each([this](const store::CoderRow& c) { ids_.emplace(c.name, c.id); });
  }

  std::int64_t find(const std::string& name) {
    if (auto it = ids_.find(name); it != ids_.end()) return it->second;
    const std::int64_t id = store::coderId(rows_, name);  // UsageError for an empty name
    created_.push_back(name);
    ids_.emplace(name, id);
    return id;
  }

  const std::vector<std::string>& created() const { return created_; }

 private:
  store::CoderRows rows_;
  std::unordered_map<std::string, std::int64_t> ids_;
  std::vector<std::string> created_;
};

// The same rules and wording as store::checkSpan, against a cached length.
void checkSpan(const SourceInfo& source, std::int64_t start, std::int64_t end) {
  const std::string span = "[" + std::to_string(start) + ", " + std::to_string(end) + ")";
  if (start < 0 || end > source.length)
    throw UsageError("span " + span + " lies outside " + source.name + " (0 to " +
                     std::to_string(source.length) + ")");
  if (end < start) throw UsageError("span " + span + " is inverted: its end is before its start");
  if (end == start) throw UsageError("span " + span + " is empty");
}

}  // namespace

BulkCodingResult importCodings(Project& project, const std::vector<CodingRow>& rows,
                               bool createCodes, const std::string& fileName, Progress* progress) {
  NoProgress silent;
  Progress& report = progress ? *progress : silent;
  // New codings land all over the codings table's indexes (page_cache.h).
  const store::LargerPageCache cache(project.impl().db, 64);
  store::Action action(project.impl(), "import codings from " + fileName);
  sql::Db& db = action.db();
  const Sources sources(db);
  Turns turns(db);
  Codes codes(action, createCodes);
  Coders coders(db);
  store::CodingRows codings(db);
  const std::string now = nowUtc();

  BulkCodingResult result;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const CodingRow& row = rows[i];
    try {
      const SourceInfo& source = sources.find(row.source);
      std::int64_t start = 0, end = 0;
      if (row.turn) {
        std::tie(start, end) = turns.span(source, *row.turn);
      } else if (row.start && row.end) {
        start = *row.start;
        end = *row.end;
      } else {
        throw UsageError("no span: give start and end, or a turn");
      }
      checkSpan(source, start, end);
      const std::int64_t code = codes.find(row.code);
      const std::int64_t coder = coders.find(row.coder.empty() ? project.coder() : row.coder);
      codings.insert({0, newGuid(), source.id, code, coder, start, end, row.memo, now, now});
    } catch (const InputError&) {
      throw;
    } catch (const Error& e) {
      throw InputError(fileName, "line " + std::to_string(row.line), e.what());
    }
    ++result.imported;
    if (i % 4096 == 0 || i + 1 == rows.size()) {
      report.update(i + 1, rows.size(), fileName);
      if (report.cancelled()) throw Cancelled();
    }
  }
  result.createdCodes = codes.created();
  result.createdCoders = coders.created();
  action.audit("import-codings", "coding", "",
               "{\"file\": " + jsonString(fileName) +
                   ", \"codings\": " + std::to_string(result.imported) +
                   ", \"codes_created\": " + std::to_string(result.createdCodes.size()) + "}");
  action.commit();
  return result;
}

std::string exportCodings(Project& project, const CodingFilter& filter, std::size_t* rows) {
  const std::vector<CodingRecord> codings = Coding(project).list(filter);
  std::string out = "source,start,end,code,coder,memo\n";
  out.reserve(codings.size() * 64);
  for (const CodingRecord& c : codings) {
    out += csvField(c.sourceName) + "," + std::to_string(c.start) + "," + std::to_string(c.end) +
           "," + csvField(c.codePath) + "," + csvField(c.coder) + "," + csvField(c.memo) + "\n";
  }
  if (rows) *rows = codings.size();
  return out;
}

}  // namespace cmoc
