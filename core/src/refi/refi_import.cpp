// REFI-QDA import: saving an imported exchange into a project in one Action (apply). Reading a
// project into an exchange for export is refi_snapshot.cpp. How our model maps onto the
// standard's elements is described in docs/refi-qda.md.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <set>

#include "backend/sqlite/action.h"
#include "backend/sqlite/source_rows.h"
#include "backend/sqlite/turn_bytes.h"
#include "cmoc/error.h"
#include "cmoc/progress.h"
#include "cmoc/project.h"
#include "cmoc/refi.h"
#include "cmoc/text.h"
#include "codebook/code_index.h"
#include "codebook/codebook_rows.h"
#include "coding/coding_rows.h"
#include "participants/participants.h"
#include "sources/content_hash.h"

namespace cmoc::refi {

namespace {

// ---------------------------------------------------------------------------------------------
// Shared helpers

bool isIsoUtc(const std::string& t) {
  static const std::regex iso(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)");
  return std::regex_match(t, iso);
}

std::string timeOr(const std::string& t, const std::string& fallback) {
  return isIsoUtc(t) ? t : fallback;
}

// "#abc" -> "#AABBCC"; anything but #RGB / #RRGGBB -> empty (the store keeps #RRGGBB only).
std::string sixDigitColor(const std::string& c) {
  static const std::regex rgb3("#[0-9A-Fa-f]{3}"), rgb6("#[0-9A-Fa-f]{6}");
  if (std::regex_match(c, rgb6)) return c;
  if (!std::regex_match(c, rgb3)) return {};
  return std::string("#") + c[1] + c[1] + c[2] + c[2] + c[3] + c[3];
}

std::optional<std::int64_t> lookup(const std::map<std::string, std::int64_t>& m,
                                   const std::string& k) {
  auto it = m.find(k);
  if (it == m.end()) return std::nullopt;
  return it->second;
}

// ---------------------------------------------------------------------------------------------
// apply

// An exchange of 200,000 codings writes random GUIDs into indexes larger than SQLite's default
// 2 MB page cache, which then spills pages to the WAL and reads them back. A larger cache for the
// import's transaction, its commit included, took a fifth off its time (issue 21).
class LargerCache {
 public:
  explicit LargerCache(sql::Db& db) : db_(db) {
    sql::Stmt size(db_, "PRAGMA cache_size");
    size.step();
    old_ = size.i64(0);
    size.reset();
    db_.exec("PRAGMA cache_size = " + std::to_string(kKiB));
  }
  ~LargerCache() {
    try {
      db_.exec("PRAGMA cache_size = " + std::to_string(old_));
    } catch (...) {  // the cache's size is an optimisation, never worth an error
    }
  }
  LargerCache(const LargerCache&) = delete;
  LargerCache& operator=(const LargerCache&) = delete;

 private:
  static constexpr std::int64_t kKiB = -65536;  // negative: KiB, as SQLite counts; 64 MiB
  sql::Db& db_;
  std::int64_t old_ = 0;
};

class Applier {
 public:
  Applier(Project& project, store::Action& action, const Exchange& x, ImportReport& report,
          Progress& progress)
      : project_(project),
        action_(action),
        db_(action.db()),
        x_(x),
        report_(report),
        progress_(progress),
        now_(nowUtc()) {
    // Progress counts sources and codings, the two things an exchange has many of.
    total_ = x_.sources.size();
    for (const Source& s : x_.sources) total_ += codingsIn(s);
  }

  void run() {
    sql::Stmt empty(
        db_, "SELECT NOT EXISTS (SELECT 1 FROM sources) AND NOT EXISTS (SELECT 1 FROM codes)");
    empty.step();
    wasEmpty_ = empty.i64(0) != 0;
    empty.reset();
    orderForUndo();
    users();
    codes();
    sources();
    cases();
    sourceSets();
    codings();
    notes();
    cmocs();
    sets();
    links();
    graphs();
    projectMeta();
    advance(0, "");  // a cancel during the last source's codings still saves nothing
  }

 private:
  Project& project_;
  store::Action& action_;
  sql::Db& db_;
  const Exchange& x_;
  ImportReport& report_;
  Progress& progress_;
  const std::string now_;
  bool wasEmpty_ = false;
  std::size_t done_ = 0, total_ = 0;

  std::map<std::string, std::int64_t> coderOf_;    // user GUID -> coder id
  std::map<std::string, std::int64_t> codeOf_;     // code GUID -> code id
  std::map<std::string, std::string> codeGuidOf_;  // file's code GUID -> stored code GUID
  std::map<std::string, std::int64_t> sourceOf_;   // source GUID -> source id (new or matched)
  std::set<std::string> newSources_;               // GUIDs of sources this import adds
  std::map<std::string, std::int64_t> codingOf_;   // coding GUID -> coding id
  std::map<std::string, std::vector<std::int64_t>> selectionCodings_;  // selection GUID -> codings
  std::map<std::int64_t, std::int64_t> codingCode_;                    // coding id -> code id
  std::map<std::string, std::int64_t> participantOf_;                  // participant code -> id
  std::map<std::string, std::int64_t> caseOf_;                         // case GUID -> id
  std::map<std::string, std::int64_t> memoOf_;                         // note GUID -> memo id
  std::set<std::string> attributeSets_;  // set GUIDs read as source attributes
  std::vector<std::int64_t> reindex_;
  store::SortOrders sortOrders_{db_};  // parent -> next sibling's, read in one pass
  store::CodeRows codes_{db_};         // their statements are kept for the import
  store::SourceRows sources_{db_};
  // Statements prepared once per import: preparing one for each of 200,000 codings cost more
  // than running it (issue 21).
  std::map<std::string, std::unique_ptr<sql::Stmt>, std::less<>> stmts_;

  sql::Stmt& stmt(std::string_view sql) {
    auto it = stmts_.find(sql);
    if (it == stmts_.end())
      it = stmts_.emplace(std::string(sql), std::make_unique<sql::Stmt>(db_, sql)).first;
    return *it->second;
  }

  // The id of the row with `guid` in `table`.
  std::optional<std::int64_t> guidId(const char* table, const std::string& guid) {
    sql::Stmt& st = stmt(std::string("SELECT id FROM ") + table + " WHERE guid = ?");
    st.bind(1, guid);
    std::optional<std::int64_t> id;
    if (st.step()) id = st.i64(0);
    st.reset();
    return id;
  }

  // Undo applies the inverse changeset table by table, in the order the Action first wrote each
  // table. Deleting a source first would cascade to its turns and codings, and the changeset's
  // own deletes of those rows would then find them gone and abort the undo. So every table this
  // import writes is first touched (a row inserted and deleted again, which leaves no change)
  // children before parents; foreign keys are deferred meanwhile.
  void orderForUndo() {
    db_.exec("PRAGMA defer_foreign_keys = ON");
    static const char* const kTouch[][2] = {
        {"cmoc_evidence(cmoc_id, slot, coding_id) VALUES (-1, 'context', -1)",
         "cmoc_evidence WHERE cmoc_id = -1"},
        {"cmoc_links(id, guid, from_cmoc_id, to_cmoc_id, created_at) VALUES (-1, 'refi-touch', -1, "
         "-1, '')",
         "cmoc_links WHERE id = -1"},
        {"entity_set_members(set_id, member_kind, member_guid) VALUES (-1, 'code', '')",
         "entity_set_members WHERE set_id = -1"},
        {"source_attributes(source_id, name, value) VALUES (-1, '', '')",
         "source_attributes WHERE source_id = -1"},
        {"case_sources(case_id, source_id) VALUES (-1, -1)", "case_sources WHERE case_id = -1"},
        {"case_attributes(case_id, name, value) VALUES (-1, '', '')",
         "case_attributes WHERE case_id = -1"},
        {"participant_attributes(participant_id, name, value) VALUES (-1, '', '')",
         "participant_attributes WHERE participant_id = -1"},
        {"memos(id, guid, target_kind, text, created_at, modified_at) VALUES (-1, 'refi-touch', "
         "'', '', '', '')",
         "memos WHERE id = -1"},
        {"codings(id, guid, source_id, code_id, coder_id, start, end, created_at, modified_at) "
         "VALUES (-1, 'refi-touch', -1, -1, -1, 0, 1, '', '')",
         "codings WHERE id = -1"},
        {"turns(id, source_id, seq, start, end) VALUES (-1, -1, -1, 0, 0)", "turns WHERE id = -1"},
        {"speakers(id, guid, source_id, label) VALUES (-1, 'refi-touch', -1, '')",
         "speakers WHERE id = -1"},
        {"source_text(source_id, text) VALUES (-1, '')", "source_text WHERE source_id = -1"},
        {"cmocs(id, guid, context_code_id, mechanism_code_id, outcome_code_id, coder_id, "
         "created_at, modified_at) "
         "VALUES (-1, 'refi-touch', -1, -1, -1, -1, '', '')",
         "cmocs WHERE id = -1"},
        {"sources(id, guid, name, format, content_hash, char_count, imported_at, modified_at) "
         "VALUES (-1, 'refi-touch', '', '', 'refi-touch', 0, '', '')",
         "sources WHERE id = -1"},
        {"participants(id, guid, code, created_at) VALUES (-1, 'refi-touch', 'refi-touch', '')",
         "participants WHERE id = -1"},
        {"cases(id, guid, name, created_at) VALUES (-1, 'refi-touch', 'refi-touch', '')",
         "cases WHERE id = -1"},
        {"entity_sets(id, guid, name, created_at) VALUES (-1, 'refi-touch', '', '')",
         "entity_sets WHERE id = -1"},
        {"entity_links(id, guid, origin_guid, target_guid, created_at) VALUES (-1, 'refi-touch', "
         "'', '', '')",
         "entity_links WHERE id = -1"},
        {"codes(id, guid, name, created_at, modified_at) VALUES (-1, 'refi-touch', 'refi-touch', "
         "'', '')",
         "codes WHERE id = -1"},
        {"coders(id, guid, name, created_at) VALUES (-1, 'refi-touch', 'refi-touch', '')",
         "coders WHERE id = -1"},
    };
    for (const auto& [insert, remove] : kTouch) {
      db_.exec(std::string("INSERT INTO ") + insert);
      db_.exec(std::string("DELETE FROM ") + remove);
    }
  }

  static std::size_t codingsIn(const Source& s) {
    std::size_t n = s.codings.size();
    for (const Selection& sel : s.selections) n += sel.codings.size();
    return n;
  }

  // Reports `label` as under way, with `n` sources or codings to save, and stops if the user
  // cancelled: Cancelled leaves the Action uncommitted, so its destructor rolls back all saved.
  void advance(std::size_t n, const std::string& label) {
    progress_.update(done_, total_, label);
    if (progress_.cancelled()) throw Cancelled();
    done_ += n;
  }

  void imported(const std::string& kind, std::int64_t n = 1) {
    report_.add(report_.imported, kind, n);
  }
  void matched(const std::string& kind) {
    report_.add(report_.imported, kind + " already present", 1);
  }
  [[noreturn]] void fail(const std::string& where, const std::string& problem) const {
    throw InputError(report_.file, where, problem);
  }

  std::int64_t actingCoder() {
    return store::coderId(db_,
                          project_.coder().empty() ? std::string("researcher") : project_.coder());
  }

  std::int64_t coderFor(const std::string& userGuid, const std::string& where) {
    if (userGuid.empty()) return actingCoder();
    if (auto id = lookup(coderOf_, userGuid)) return *id;
    fail(where, "refers to unknown user " + userGuid);
  }

  // Users -> coders, by GUID, else by name.
  void users() {
    for (const User& u : x_.users) {
      if (auto id = guidId("coders", u.guid)) {
        coderOf_[u.guid] = *id;
        matched("users");
        continue;
      }
      std::string name = !u.name.empty() ? u.name
                         : !u.id.empty() ? u.id
                                         : "user " + u.guid.substr(0, 8);
      sql::Stmt byName(db_, "SELECT id FROM coders WHERE name = ?");
      byName.bind(1, name);
      if (byName.step()) {
        coderOf_[u.guid] = byName.i64(0);
        report_.notes.push_back("user '" + name + "' is the project's coder of that name");
        matched("users");
        continue;
      }
      sql::Stmt ins(db_, "INSERT INTO coders(guid, name, created_at) VALUES (?, ?, ?)");
      ins.bind(1, u.guid).bind(2, name).bind(3, now_).run();
      coderOf_[u.guid] = db_.lastInsertId();
      imported("users");
    }
  }

  // Codes, parents first. ATLAS.ti writes its hierarchy as "A::B" names on top-level codes.
  void codes() {
    struct Item {
      const Code* code;
      std::optional<std::string> parentGuid;  // file GUID of the parent
      std::string name;
    };
    std::vector<Item> items;
    std::map<std::string, std::string> topByName;  // top-level name -> GUID
    for (const Code& c : x_.codes) topByName.emplace(c.name, c.guid);
    std::map<std::string, std::string> groups;  // "A" or "A::B" -> GUID of a made-up parent
    std::vector<std::pair<std::string, std::string>> madeUp;  // guid, name; parent in groupParent
    std::map<std::string, std::optional<std::string>> groupParent;
    std::map<std::string, std::string> madeUpName;  // guid -> leaf name
    // Resolves "A::B::C" to the GUID of the code for "A::B", creating grouping codes as needed.
    std::function<std::string(const std::string&)> groupFor = [&](const std::string& path) {
      if (auto it = topByName.find(path); it != topByName.end()) return it->second;
      if (auto it = groups.find(path); it != groups.end()) return it->second;
      const std::size_t cut = path.rfind("::");
      std::optional<std::string> parent;
      std::string leaf = path;
      if (cut != std::string::npos) {
        parent = groupFor(path.substr(0, cut));
        leaf = path.substr(cut + 2);
      }
      const std::string guid = derivedGuid("code-group:" + path);
      groups[path] = guid;
      groupParent[guid] = parent;
      madeUp.emplace_back(guid, leaf);
      madeUpName.emplace(guid, leaf);
      return guid;
    };
    std::vector<std::pair<const Code*, std::optional<std::string>>> stack;
    for (auto it = x_.codes.rbegin(); it != x_.codes.rend(); ++it)
      stack.emplace_back(&*it, std::nullopt);
    while (!stack.empty()) {
      auto [c, parent] = stack.back();
      stack.pop_back();
      std::string name = c->name;
      if (!parent) {
        const std::size_t cut = name.rfind("::");
        if (cut != std::string::npos && cut > 0 && cut + 2 < name.size()) {
          parent = groupFor(name.substr(0, cut));
          name = name.substr(cut + 2);
        }
      }
      items.push_back({c, parent, name});
      for (auto it = c->children.rbegin(); it != c->children.rend(); ++it)
        stack.emplace_back(&*it, c->guid);
    }
    if (!madeUp.empty())
      report_.notes.push_back("ATLAS.ti-style code names \"A::B\" were read as a hierarchy (" +
                              std::to_string(madeUp.size()) + " grouping codes added)");
    // Made-up groups first (their parents are groups or earlier), then the file's codes, whose
    // parents come before them in depth-first order, except a group's named top-level code.
    std::map<std::string, const Item*> byGuid;
    for (const Item& i : items) byGuid[i.code->guid] = &i;
    std::set<std::string> done;
    std::function<void(const std::string&)> ensure = [&](const std::string& guid) {
      if (done.count(guid)) return;
      done.insert(guid);
      if (auto it = byGuid.find(guid); it != byGuid.end()) {
        const Item& i = *it->second;
        if (i.parentGuid) ensure(*i.parentGuid);
        storeCode(i.code->guid, i.parentGuid, i.name, i.code, i.code->where);
        return;
      }
      if (auto it = madeUpName.find(guid); it != madeUpName.end()) {
        if (groupParent[guid]) ensure(*groupParent[guid]);
        storeCode(guid, groupParent[guid], it->second, nullptr, "");
      }
    };
    for (const auto& [g, name] : madeUp) ensure(g);
    for (const Item& i : items) ensure(i.code->guid);
  }

  void storeCode(const std::string& guid, const std::optional<std::string>& parentGuid,
                 std::string name, const Code* c, const std::string& where) {
    if (auto id = codes_.idOfGuid(guid)) {
      codeOf_[guid] = *id;
      codeGuidOf_[guid] = guid;
      if (c) matched("codes");
      return;
    }
    std::optional<std::int64_t> parent;
    if (parentGuid) parent = codeOf_.at(*parentGuid);
    for (char& ch : name)
      if (ch == '\n' || ch == '\r') ch = ' ';
    if (name.find_first_not_of(" \t") == std::string::npos) name = "(unnamed code)";
    if (auto same = codes_.siblingNamed(parent, name)) {
      // The project has this code under another GUID (e.g. from the starter codebook).
      codeOf_[guid] = same->id;
      codeGuidOf_[guid] = same->guid;
      if (c) {
        matched("codes");
        report_.notes.push_back("code '" + name + "' merged into the project's code of that name");
      }
      return;
    }
    const CodeText t = c ? c->text : CodeText{};
    store::CodeRow row;
    row.color = c ? sixDigitColor(c->color) : std::string();
    if (c && !c->color.empty() && row.color.empty())
      report_.notes.push_back(where + ": colour '" + c->color +
                              "' is not #RGB or #RRGGBB; left out");
    row.guid = guid;
    row.parentId = parent;
    row.name = name;
    row.kind = toString(c && c->kind ? *c->kind : CodeKind::Other);
    row.definition = t.definition;
    row.inclusion = t.inclusion;
    row.exclusion = t.exclusion;
    row.origin = toString(c && c->origin ? *c->origin : CodeOrigin::Deductive);
    row.memo = t.memo;
    row.sortOrder = sortOrders_.next(parent);
    row.createdAt = now_;
    row.modifiedAt = now_;
    codeOf_[guid] = codes_.insert(row);
    codeGuidOf_[guid] = guid;
    imported("codes");
  }

  void sources() {
    for (const Source& s : x_.sources) {
      advance(1, s.name);
      if (auto id = sources_.idOfGuid(s.guid)) {
        sourceOf_[s.guid] = *id;
        matched("sources");
        continue;
      }
      if (auto bad = text::firstInvalidUtf8(s.text))
        fail(s.where, "invalid UTF-8 at byte " + std::to_string(*bad));
      const std::int64_t length = text::codePointCount(s.text);
      std::string hash = store::contentHash(s.text);
      if (auto dup = sources_.withContentHash(hash)) {
        // Exchange files identify sources by GUID; two may hold the same text (NVivo writes an
        // empty .txt for every source it keeps as .docx), so the text alone does not decide.
        report_.notes.push_back("source '" + s.name + "' has the same text as '" + dup->name + "'");
        hash += "#" + s.guid;
      }
      const std::string created = timeOr(s.stamp.created, now_);
      const std::int64_t id =
          sources_.insert({0, s.guid, s.name, "refi", hash, length, std::nullopt, s.description,
                           created, timeOr(s.stamp.modified, created)},
                          s.text);
      sourceOf_[s.guid] = id;
      newSources_.insert(s.guid);
      std::map<std::string, std::int64_t> speakerIds;
      std::int64_t seq = 0;
      for (const Turn& turn : s.turns) {
        if (turn.start < 0 || turn.end < turn.start || turn.end > length) continue;
        std::optional<std::int64_t> speakerId;
        if (!turn.speaker.empty()) {
          auto [it, fresh] = speakerIds.try_emplace(turn.speaker, 0);
          if (fresh)
            it->second = sources_.insertSpeaker(newGuid(), id, turn.speaker,
                                                store::isInterviewerLabel(turn.speaker));
          speakerId = it->second;
        }
        // Bytes are left unknown here and filled for the whole source below.
        sources_.insertTurn({id, ++seq, speakerId, turn.start, turn.end, turn.startMs, turn.endMs,
                             std::nullopt, std::nullopt});
      }
      store::fillTurnBytes(db_, id);
      reindex_.push_back(id);
      imported("sources");
      for (const VariableValue& v : s.values) {
        const std::string name = variableName(v.variable);
        if (name.empty() || name == kSpeakersVariable) continue;
        sql::Stmt attr(
            db_,
            "INSERT OR REPLACE INTO source_attributes(source_id, name, value) VALUES (?, ?, ?)");
        attr.bind(1, id).bind(2, name).bind(3, v.value).run();
        imported("source attributes");
      }
    }
    store::reindexSources(db_, reindex_);
  }

  std::string variableName(const std::string& guid) const {
    for (const Variable& v : x_.variables)
      if (v.guid == guid) return v.name;
    return {};
  }

  const VariableValue* valueOf(const std::vector<VariableValue>& values,
                               std::string_view name) const {
    for (const VariableValue& v : values)
      if (variableName(v.variable) == name) return &v;
    return nullptr;
  }

  static bool truthy(const std::string& v) { return v == "true" || v == "1"; }

  // Cases: those with an `interviewer` value are participants (how we export them), the rest
  // are cases with attributes and the sources they cover.
  void cases() {
    for (const Case& c : x_.cases) {
      if (valueOf(c.values, kInterviewerVariable)) continue;
      std::optional<std::int64_t> id = guidId("cases", c.guid);
      const std::string name = c.name.empty() ? "case " + c.guid.substr(0, 8) : c.name;
      if (!id) {
        sql::Stmt byName(db_, "SELECT id FROM cases WHERE name = ?");
        byName.bind(1, name);
        if (byName.step()) {
          id = byName.i64(0);
          report_.notes.push_back("case '" + name +
                                  "' merged into the project's case of that name");
        }
      }
      if (id) {
        caseOf_[c.guid] = *id;
        matched("cases");
        continue;
      }
      const VariableValue* type = valueOf(c.values, kCaseTypeVariable);
      sql::Stmt ins(db_,
                    "INSERT INTO cases(guid, name, case_type, memo, created_at) VALUES (?, ?, ?, "
                    "nullif(?, ''), ?)");
      ins.bind(1, c.guid).bind(2, name).bind(
          3, type ? std::optional<std::string>(type->value) : std::nullopt);
      ins.bind(4, c.description).bind(5, now_).run();
      const std::int64_t caseId = db_.lastInsertId();
      caseOf_[c.guid] = caseId;
      imported("cases");
      sql::Stmt attr(
          db_, "INSERT OR REPLACE INTO case_attributes(case_id, name, value) VALUES (?, ?, ?)");
      for (const VariableValue& v : c.values) {
        const std::string n = variableName(v.variable);
        if (n.empty() || n == kCaseTypeVariable) continue;
        attr.bind(1, caseId).bind(2, n).bind(3, v.value).run();
      }
      sql::Stmt member(db_, "INSERT OR IGNORE INTO case_sources(case_id, source_id) VALUES (?, ?)");
      for (const std::string& s : c.sourceRefs)
        if (auto sid = lookup(sourceOf_, s)) member.bind(1, caseId).bind(2, *sid).run();
      if (!c.codeRefs.empty() || !c.selectionRefs.empty())
        report_.skipped.push_back(
            {c.where, "Case CodeRef/SelectionRef",
             "cases are kept with their attributes and sources, not codes or selections"});
    }
    for (const Case& c : x_.cases) {
      const VariableValue* interviewer = valueOf(c.values, kInterviewerVariable);
      if (!interviewer) continue;
      const std::string code = c.name.empty() ? "participant " + c.guid.substr(0, 8) : c.name;
      std::optional<std::int64_t> id = guidId("participants", c.guid);
      if (!id) {
        sql::Stmt byCode(db_, "SELECT id FROM participants WHERE code = ?");
        byCode.bind(1, code);
        if (byCode.step()) id = byCode.i64(0);
      }
      if (id) {
        participantOf_[code] = *id;
        matched("participants");
        continue;
      }
      std::optional<std::int64_t> caseId;
      if (const VariableValue* caseName = valueOf(c.values, "case")) {
        sql::Stmt byName(db_, "SELECT id FROM cases WHERE name = ?");
        byName.bind(1, caseName->value);
        if (byName.step()) caseId = byName.i64(0);
      }
      sql::Stmt ins(db_, R"(
        INSERT INTO participants(guid, code, is_interviewer, case_id, memo, created_at)
        VALUES (?, ?, ?, ?, nullif(?, ''), ?))");
      ins.bind(1, c.guid).bind(2, code).bind(3, truthy(interviewer->value) ? 1 : 0).bind(4, caseId);
      ins.bind(5, c.description).bind(6, now_).run();
      const std::int64_t pid = db_.lastInsertId();
      participantOf_[code] = pid;
      imported("participants");
      sql::Stmt attr(db_,
                     "INSERT OR REPLACE INTO participant_attributes(participant_id, name, value) "
                     "VALUES (?, ?, ?)");
      for (const VariableValue& v : c.values) {
        const std::string n = variableName(v.variable);
        if (n.empty() || n == kInterviewerVariable) continue;
        attr.bind(1, pid).bind(2, n).bind(3, v.value).run();
      }
      // A participant's sources without speaker labels still name them as their interviewee.
      sql::Stmt main(
          db_, "UPDATE sources SET participant_id = ? WHERE id = ? AND participant_id IS NULL");
      if (!truthy(interviewer->value))
        for (const std::string& s : c.sourceRefs)
          if (newSources_.count(s)) main.bind(1, pid).bind(2, sourceOf_.at(s)).run();
    }
    // Speaker labels -> participants, from each new source's `speakers` value.
    for (const Source& s : x_.sources) {
      if (!newSources_.count(s.guid)) continue;
      const VariableValue* speakers = valueOf(s.values, kSpeakersVariable);
      if (!speakers) continue;
      const std::int64_t sid = sourceOf_.at(s.guid);
      sql::Stmt set(db_, R"(
        UPDATE speakers SET participant_id = ?1,
          is_interviewer = max(is_interviewer, (SELECT is_interviewer FROM participants WHERE id = ?1))
        WHERE source_id = ?2 AND label = ?3)");
      for (const auto& [label, code] : parseSpeakers(speakers->value)) {
        auto pid = lookup(participantOf_, code);
        if (!pid) {
          sql::Stmt byCode(db_, "SELECT id FROM participants WHERE code = ?");
          byCode.bind(1, code);
          if (byCode.step()) pid = byCode.i64(0);
        }
        if (!pid) {
          report_.dangling.push_back({s.where, "speaker " + label, code});
          continue;
        }
        set.bind(1, *pid).bind(2, sid).bind(3, label).run();
      }
      // The store's rule: the first non-interviewer speaker's participant, else the participant
      // the source has if that is no interviewer. The only one a new source can have here is the
      // non-interviewer set from its Case above, so the fallback keeps it, as it always did.
      store::refreshMainParticipant(db_, sid);
    }
  }

  static std::vector<std::pair<std::string, std::string>> parseSpeakers(const std::string& v) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t pos = 0;
    auto trim = [](std::string s) {
      while (!s.empty() && s.back() == ' ') s.pop_back();
      while (!s.empty() && s.front() == ' ') s.erase(s.begin());
      return s;
    };
    while (pos <= v.size()) {
      std::size_t end = v.find("; ", pos);
      if (end == std::string::npos) end = v.size();
      const std::string item = v.substr(pos, end - pos);
      const std::size_t eq = item.rfind(" = ");
      if (eq != std::string::npos)
        out.emplace_back(trim(item.substr(0, eq)), trim(item.substr(eq + 3)));
      pos = end + 2;
    }
    return out;
  }

  // ATLAS.ti exports document variables as groups of sources named "name: value".
  void sourceSets() {
    static const std::regex variable(R"(^([^:]{1,60}):\s*(.+)$)");
    for (const Set& s : x_.sets) {
      std::smatch m;
      if (!s.memberCodes.empty() || !s.memberNotes.empty() || s.memberSources.empty() ||
          !std::regex_match(s.name, m, variable))
        continue;
      attributeSets_.insert(s.guid);
      sql::Stmt attr(
          db_, "INSERT OR REPLACE INTO source_attributes(source_id, name, value) VALUES (?, ?, ?)");
      for (const std::string& g : s.memberSources) {
        auto sid = lookup(sourceOf_, g);
        if (!sid || !newSources_.count(g)) continue;
        attr.bind(1, *sid).bind(2, m[1].str()).bind(3, m[2].str()).run();
        imported("source attributes");
      }
      report_.notes.push_back("set '" + s.name + "' read as the source attribute " + m[1].str());
    }
  }

  void insertCoding(const Source& s, const Selection* sel, const Coding& c, std::int64_t start,
                    std::int64_t end) {
    const std::int64_t sid = sourceOf_.at(s.guid);
    auto code = lookup(codeOf_, c.code);
    if (!code) fail(c.where, "Coding refers to unknown code " + c.code);
    std::string guid = c.guid;
    if (codingOf_.count(guid)) {
      report_.notes.push_back(c.where + ": coding GUID " + guid +
                              " is used twice; given a new one");
      guid = newGuid();
    } else if (auto existing = guidId("codings", guid)) {
      codingOf_[guid] = *existing;
      if (sel) selectionCodings_[sel->guid].push_back(*existing);
      matched("codings");
      return;
    }
    const std::int64_t coder = coderFor(c.stamp.creatingUser, c.where);
    const std::string created =
        timeOr(c.stamp.created, sel ? timeOr(sel->stamp.created, now_) : now_);
    const std::string modified = sel ? timeOr(sel->stamp.modified, created) : created;
    sql::Stmt& st = stmt(R"(
      INSERT INTO codings(guid, source_id, code_id, coder_id, start, end, memo, created_at, modified_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))");
    st.bind(1, guid).bind(2, sid).bind(3, *code).bind(4, coder).bind(5, start).bind(6, end);
    st.bind(7, sel ? sel->description : std::string()).bind(8, created).bind(9, modified).run();
    const std::int64_t id = db_.lastInsertId();
    codingOf_[guid] = id;
    codingCode_[id] = *code;
    if (sel) selectionCodings_[sel->guid].push_back(id);
    imported("codings");
  }

  void codings() {
    for (const Source& s : x_.sources) {
      advance(codingsIn(s), s.name);
      const bool fresh = newSources_.count(s.guid) > 0;
      bool sameText = fresh;
      if (!fresh) {
        sameText = project_.sourceText(sourceOf_.at(s.guid)) == s.text;
        if (!sameText && (!s.selections.empty() || !s.codings.empty()))
          report_.skipped.push_back({s.where, "codings of an existing source",
                                     "the project's text of this source differs from the file's"});
      }
      if (!sameText) continue;
      const std::int64_t length = text::codePointCount(s.text);
      for (const Selection& sel : s.selections) {
        if (sel.start < 0 || sel.end > length || sel.end < sel.start)
          fail(sel.where, "selection [" + std::to_string(sel.start) + ", " +
                              std::to_string(sel.end) + ") lies outside the text (0 to " +
                              std::to_string(length) + ")");
        if (sel.codings.empty()) {
          if (!sel.description.empty()) {
            keepSelectionMemo(s, sel);
          } else {
            report_.skipped.push_back(
                {sel.where, "PlainTextSelection", "no coding and no description"});
          }
          continue;
        }
        if (sel.end == sel.start) {
          report_.skipped.push_back(
              {sel.where, "PlainTextSelection", "empty span: nothing to code"});
          continue;
        }
        for (const Coding& c : sel.codings) insertCoding(s, &sel, c, sel.start, sel.end);
      }
      for (const Coding& c : s.codings) {
        if (length == 0) {
          report_.skipped.push_back({c.where, "Coding", "whole-source coding of an empty text"});
          continue;
        }
        insertCoding(s, nullptr, c, 0, length);
      }
    }
  }

  // A selection with a comment but no code: our codings are coded spans, so the comment becomes
  // a memo on the source that quotes where it was.
  void keepSelectionMemo(const Source& s, const Selection& sel) {
    const std::string guid = sel.guid;
    if (guidId("memos", guid)) return;
    sql::Stmt st(db_, R"(
      INSERT INTO memos(guid, target_kind, target_guid, title, text, coder_id, created_at, modified_at)
      VALUES (?, 'source', ?, ?, ?, ?, ?, ?))");
    const std::string title = "Selection [" + std::to_string(sel.start) + ", " +
                              std::to_string(sel.end) + ")" +
                              (sel.name.empty() ? "" : ": " + sel.name);
    const std::string created = timeOr(sel.stamp.created, now_);
    std::optional<std::int64_t> coder;
    if (!sel.stamp.creatingUser.empty()) coder = coderFor(sel.stamp.creatingUser, sel.where);
    st.bind(1, guid).bind(2, s.guid).bind(3, title).bind(4, sel.description).bind(5, coder);
    st.bind(6, created).bind(7, timeOr(sel.stamp.modified, created)).run();
    memoOf_[guid] = db_.lastInsertId();
    report_.skipped.push_back({sel.where, "PlainTextSelection without coding",
                               "kept as a memo on the source (our codings need a code)"});
    imported("memos");
  }

  // Notes -> memos, attached to the first element that refers to them.
  void notes() {
    std::map<std::string, std::pair<std::string, std::string>> target;  // note -> kind, guid
    auto claim = [&](const std::vector<std::string>& refs, const std::string& kind,
                     const std::string& guid) {
      for (const std::string& r : refs) target.try_emplace(r, kind, guid);
    };
    claim(x_.noteRefs, "project", "");
    std::vector<const Code*> stack;
    for (const Code& c : x_.codes) stack.push_back(&c);
    while (!stack.empty()) {
      const Code* c = stack.back();
      stack.pop_back();
      claim(c->noteRefs, "code", codeGuidOf_.count(c->guid) ? codeGuidOf_.at(c->guid) : c->guid);
      for (const Code& k : c->children) stack.push_back(&k);
    }
    for (const Source& s : x_.sources) {
      claim(s.noteRefs, "source", s.guid);
      for (const Selection& sel : s.selections) {
        for (const Coding& c : sel.codings) claim(c.noteRefs, "coding", c.guid);
        if (!sel.codings.empty())
          claim(sel.noteRefs, "coding", sel.codings.front().guid);
        else
          claim(sel.noteRefs, "source", s.guid);
      }
      for (const Coding& c : s.codings) claim(c.noteRefs, "coding", c.guid);
    }
    for (const Cmoc& m : x_.cmocs) claim(m.noteRefs, "cmoc", m.guid);
    for (const Link& l : x_.links) claim(l.noteRefs, "link", l.guid);
    for (const Set& s : x_.sets) claim(s.memberNotes, "set", s.guid);
    sql::Stmt st(db_, R"(
      INSERT INTO memos(guid, target_kind, target_guid, title, text, coder_id, created_at, modified_at)
      VALUES (?, ?, nullif(?, ''), ?, ?, ?, ?, ?))");
    for (const Note& n : x_.notes) {
      if (auto id = guidId("memos", n.guid)) {
        memoOf_[n.guid] = *id;
        matched("memos");
        continue;
      }
      auto [kind, guid] = target.count(n.guid)
                              ? target.at(n.guid)
                              : std::make_pair(std::string("project"), std::string());
      std::string body = n.text;
      if (!n.description.empty())
        body = body.empty() ? n.description : n.description + "\n\n" + body;
      std::optional<std::int64_t> coder;
      if (!n.stamp.creatingUser.empty()) coder = coderFor(n.stamp.creatingUser, n.where);
      const std::string created = timeOr(n.stamp.created, now_);
      st.bind(1, n.guid).bind(2, kind).bind(3, guid).bind(4, n.name).bind(5, body).bind(6, coder);
      st.bind(7, created).bind(8, timeOr(n.stamp.modified, created)).run();
      memoOf_[n.guid] = db_.lastInsertId();
      imported("memos");
    }
  }

  std::optional<std::int64_t> evidenceCoding(const std::string& target, std::int64_t slotCode) {
    if (auto it = selectionCodings_.find(target);
        it != selectionCodings_.end() && !it->second.empty()) {
      for (std::int64_t id : it->second)
        if (codingCode_.count(id) && codingCode_.at(id) == slotCode) return id;
      return it->second.front();
    }
    if (auto id = lookup(codingOf_, target)) return id;
    return guidId("codings", target);
  }

  void cmocs() {
    std::map<std::string, std::int64_t> cmocOf;
    for (const Cmoc& m : x_.cmocs) {
      if (auto id = guidId("cmocs", m.guid)) {
        cmocOf[m.guid] = *id;
        matched("CMOCs");
        continue;
      }
      auto c = lookup(codeOf_, m.context), mech = lookup(codeOf_, m.mechanism),
           o = lookup(codeOf_, m.outcome);
      if (!c || !mech || !o) {
        report_.skipped.push_back({m.where, "CMOC", "one of its codes is not in the file"});
        continue;
      }
      const std::int64_t coder = m.coder.empty() ? actingCoder() : store::coderId(db_, m.coder);
      const std::string created = timeOr(m.created, now_);
      sql::Stmt st(db_, R"(
        INSERT INTO cmocs(guid, context_code_id, mechanism_code_id, outcome_code_id, status, label, memo,
                          coder_id, created_at, modified_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))");
      st.bind(1, m.guid).bind(2, *c).bind(3, *mech).bind(4, *o).bind(5, toString(m.status));
      st.bind(6, m.label)
          .bind(7, m.memo)
          .bind(8, coder)
          .bind(9, created)
          .bind(10, timeOr(m.modified, created))
          .run();
      const std::int64_t id = db_.lastInsertId();
      cmocOf[m.guid] = id;
      imported("CMOCs");
      sql::Stmt ev(
          db_, "INSERT OR IGNORE INTO cmoc_evidence(cmoc_id, slot, coding_id) VALUES (?, ?, ?)");
      for (const auto& [slot, target] : m.evidence) {
        const std::int64_t slotCode = slot == Slot::Context     ? *c
                                      : slot == Slot::Mechanism ? *mech
                                                                : *o;
        auto coding = evidenceCoding(target, slotCode);
        if (!coding) {
          report_.dangling.push_back({m.where, "CMOC evidence", target});
          continue;
        }
        ev.bind(1, id).bind(2, toString(slot)).bind(3, *coding).run();
        imported("CMOC evidence");
      }
    }
    sql::Stmt prior(db_,
                    "UPDATE cmocs SET prior_cmoc_id = ? WHERE id = ? AND prior_cmoc_id IS NULL");
    for (const Cmoc& m : x_.cmocs) {
      if (m.prior.empty() || !cmocOf.count(m.guid)) continue;
      auto p = lookup(cmocOf, m.prior);
      if (!p) p = guidId("cmocs", m.prior);
      if (!p) {
        report_.dangling.push_back({m.where, "CMOC prior", m.prior});
        continue;
      }
      if (*p != cmocOf.at(m.guid)) prior.bind(1, *p).bind(2, cmocOf.at(m.guid)).run();
    }
    sql::Stmt link(db_, R"(
      INSERT OR IGNORE INTO cmoc_links(guid, from_cmoc_id, to_cmoc_id, memo, created_at)
      VALUES (?, ?, ?, ?, ?))");
    for (const Chain& ch : x_.chains) {
      if (guidId("cmoc_links", ch.guid)) {
        matched("CMOC chains");
        continue;
      }
      auto from = lookup(cmocOf, ch.from), to = lookup(cmocOf, ch.to);
      if (!from) from = guidId("cmocs", ch.from);
      if (!to) to = guidId("cmocs", ch.to);
      if (!from || !to) {
        report_.dangling.push_back({"Link " + ch.guid, "CMOC chain", !from ? ch.from : ch.to});
        continue;
      }
      link.bind(1, ch.guid).bind(2, *from).bind(3, *to).bind(4, ch.memo).bind(5, now_).run();
      if (db_.changes() > 0) imported("CMOC chains");
    }
  }

  bool knownGuid(const std::string& g) {
    if (codeOf_.count(g) || sourceOf_.count(g) || memoOf_.count(g) || codingOf_.count(g) ||
        selectionCodings_.count(g) || caseOf_.count(g))
      return true;
    for (const char* table :
         {"codes", "sources", "memos", "codings", "cmocs", "cases", "participants"})
      if (guidId(table, g)) return true;
    return false;
  }

  void sets() {
    for (const Set& s : x_.sets) {
      if (attributeSets_.count(s.guid)) continue;
      if (guidId("entity_sets", s.guid)) {
        matched("sets");
        continue;
      }
      sql::Stmt st(
          db_, "INSERT INTO entity_sets(guid, name, description, created_at) VALUES (?, ?, ?, ?)");
      st.bind(1, s.guid).bind(2, s.name).bind(3, s.description).bind(4, now_).run();
      const std::int64_t id = db_.lastInsertId();
      imported("sets");
      sql::Stmt mem(
          db_,
          "INSERT OR IGNORE INTO entity_set_members(set_id, member_kind, member_guid, seq) "
          "VALUES (?, ?, ?, ?)");
      std::int64_t seq = 0, left = 0;
      auto add = [&](const std::vector<std::string>& guids, const char* kind) {
        for (const std::string& g : guids) {
          std::string stored = g;
          if (std::string(kind) == "code" && codeGuidOf_.count(g)) stored = codeGuidOf_.at(g);
          if (!knownGuid(g)) {
            ++left;
            continue;
          }
          mem.bind(1, id).bind(2, kind).bind(3, stored).bind(4, seq++).run();
        }
      };
      add(s.memberCodes, "code");
      add(s.memberSources, "source");
      add(s.memberNotes, "memo");
      if (left)
        report_.skipped.push_back({s.where, "Set '" + s.name + "' members",
                                   std::to_string(left) + " of its members were not imported"});
    }
  }

  void links() {
    for (const Link& l : x_.links) {
      if (guidId("entity_links", l.guid)) {
        matched("links");
        continue;
      }
      auto stored = [&](const std::string& g) {
        return codeGuidOf_.count(g) ? codeGuidOf_.at(g) : g;
      };
      if (l.origin.empty() || l.target.empty() || !knownGuid(l.origin) || !knownGuid(l.target)) {
        report_.skipped.push_back(
            {l.where, "Link '" + l.name + "'", "one of its ends was not imported"});
        continue;
      }
      // The link's notes are memos on it (notes()), so its own memo column stays empty.
      const std::string memo;
      sql::Stmt st(db_, R"(
        INSERT INTO entity_links(guid, name, direction, color, origin_guid, target_guid, memo, created_at)
        VALUES (?, ?, ?, nullif(?, ''), ?, ?, ?, ?))");
      st.bind(1, l.guid)
          .bind(2, l.name)
          .bind(3, toString(l.direction))
          .bind(4, sixDigitColor(l.color));
      st.bind(5, stored(l.origin)).bind(6, stored(l.target)).bind(7, memo).bind(8, now_).run();
      imported("links");
    }
  }

  void graphs() {
    for (const Graph& g : x_.graphs)
      report_.skipped.push_back({g.where, "Graph '" + g.name + "'",
                                 "diagrams are not kept (" + std::to_string(g.vertices.size()) +
                                     " vertices, " + std::to_string(g.edges.size()) +
                                     " edges); the links they draw are"});
  }

  void projectMeta() {
    // Only a project made from the file takes its name and description (project_meta is not
    // undoable, and importing into a study must not rename it).
    if (!wasEmpty_) return;
    sql::Stmt st(db_, "INSERT OR IGNORE INTO project_meta(key, value) VALUES (?, ?)");
    if (!x_.name.empty() && !x_.codebookOnly) st.bind(1, "name").bind(2, x_.name).run();
    if (!x_.description.empty()) st.bind(1, "description").bind(2, x_.description).run();
  }
};

}  // namespace

void apply(Project& project, const Exchange& exchange, ImportReport& report, Progress* progress) {
  NoProgress silent;
  const std::string what = exchange.codebookOnly ? "import codebook " : "import REFI-QDA ";
  store::Action action(project.impl(), what + report.file);
  LargerCache cache(action.db());
  Applier(project, action, exchange, report, progress ? *progress : silent).run();
  std::string counts;
  for (const auto& [k, v] : report.imported)
    counts += (counts.empty() ? "" : ", ") + jsonString(k) + ": " + std::to_string(v);
  action.audit("import-refi", "project", "",
               "{\"file\": " + jsonString(report.file) + ", \"imported\": {" + counts + "}}");
  action.commit();
}

}  // namespace cmoc::refi
