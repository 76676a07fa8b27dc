// REFI-QDA export's first half: the whole project read into an exchange (snapshot), which
// refi_export.cpp writes as XML. How our model maps onto the standard's elements is described in
// docs/refi-qda.md.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <set>

#include "backend/sqlite/action.h"
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

std::string excerptName(std::string_view text, std::int64_t start, std::int64_t end) {
  constexpr std::int64_t kMaxName = 80;
  const std::string_view span = text::sliceCodePoints(text, start, std::min(end, start + kMaxName));
  std::string out;
  bool space = false;
  for (char c : span) {
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (end - start > kMaxName) out += "\u2026";
  return out;
}

std::string meta(const sql::Db& db, const char* key) {
  sql::Stmt st(db, "SELECT value FROM project_meta WHERE key = ?");
  st.bind(1, key);
  return st.step() ? st.str(0) : std::string();
}

std::string joinSpeakers(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string out;
  for (const auto& [label, code] : pairs) out += (out.empty() ? "" : "; ") + label + " = " + code;
  return out;
}

}  // namespace

Exchange snapshot(const Project& project) {
  const sql::Db& db = project.impl().db;
  Exchange x;
  x.name = meta(db, "name");
  if (x.name.empty()) x.name = project.file().stem().string();
  x.description = meta(db, "description");
  x.stamp.created = meta(db, "created_at");

  std::map<std::int64_t, std::string> coderGuid;
  {
    sql::Stmt st(db, "SELECT id, guid, name FROM coders ORDER BY id");
    while (st.step()) {
      x.users.push_back({st.str(1), st.str(2), ""});
      coderGuid[st.i64(0)] = st.str(1);
    }
  }

  // Codes as a tree, siblings in the codebook's order.
  std::map<std::int64_t, Code> codes;
  std::map<std::int64_t, std::string> codeGuid;
  std::map<std::int64_t, std::vector<std::int64_t>> children;
  // Read as the codebook reads them (depth-first, so each parent's children arrive in order).
  for (const cmoc::Code& code : store::codesInOrder(db, store::CodeIndex(db))) {
    Code c;
    c.guid = code.guid;
    c.name = code.name;
    c.kind = code.kind;
    c.text = {code.definition, code.inclusion, code.exclusion, code.memo};
    c.color = code.color;
    c.origin = code.origin;
    codes.emplace(code.id, std::move(c));
    codeGuid[code.id] = code.guid;
    children[code.parentId.value_or(0)].push_back(code.id);
  }

  // Memos become notes, referred to from the element they are about.
  struct MemoRef {
    std::string guid, kind, target;
  };
  std::vector<MemoRef> memoRefs;
  {
    sql::Stmt st(db, R"(
      SELECT guid, target_kind, ifnull(target_guid, ''), title, text, coder_id, created_at, modified_at
      FROM memos ORDER BY id)");
    while (st.step()) {
      Note n;
      n.guid = st.str(0);
      n.name = st.str(3);
      n.text = st.str(4);
      if (auto coder = st.optI64(5)) n.stamp.creatingUser = coderGuid[*coder];
      n.stamp.created = st.str(6);
      n.stamp.modified = st.str(7);
      x.notes.push_back(std::move(n));
      memoRefs.push_back({st.str(0), st.str(1), st.str(2)});
    }
  }
  auto refsTo = [&](const std::string& kind, const std::string& guid) {
    std::vector<std::string> out;
    for (MemoRef& r : memoRefs)
      if (r.kind == kind && r.target == guid) {
        out.push_back(r.guid);
        r.kind = "claimed";
      }
    return out;
  };
  for (auto& [id, c] : codes) c.noteRefs = refsTo("code", c.guid);
  // Build the tree bottom-up: children are moved into their parent in sibling order.
  std::function<Code(std::int64_t)> build = [&](std::int64_t id) {
    Code c = std::move(codes.at(id));
    for (std::int64_t k : children[id]) c.children.push_back(build(k));
    return c;
  };
  for (std::int64_t id : children[0]) x.codes.push_back(build(id));

  // Sources with one selection per coding.
  std::map<std::int64_t, std::size_t> sourceIndex;
  {
    sql::Stmt st(db, R"(
      SELECT s.id, s.guid, s.name, ifnull(s.memo, ''), s.imported_at, s.modified_at, t.text
      FROM sources s JOIN source_text t ON t.source_id = s.id ORDER BY s.id)");
    while (st.step()) {
      Source s;
      s.guid = st.str(1);
      s.name = st.str(2);
      s.description = st.str(3);
      s.stamp.created = st.str(4);
      s.stamp.modified = st.str(5);
      s.text = st.str(6);
      s.noteRefs = refsTo("source", s.guid);
      sourceIndex[st.i64(0)] = x.sources.size();
      x.sources.push_back(std::move(s));
    }
  }
  {
    sql::Stmt st(db, R"(
      SELECT source_id, guid, code_id, coder_id, start, end, memo, created_at, modified_at
      FROM codings ORDER BY source_id, start, end, id)");
    while (st.step()) {
      Source& s = x.sources[sourceIndex.at(st.i64(0))];
      Selection sel;
      const std::string guid = st.str(1);
      sel.guid = derivedGuid("selection:" + guid);
      sel.start = st.i64(4);
      sel.end = st.i64(5);
      sel.name = excerptName(s.text, sel.start, sel.end);
      sel.description = st.str(6);
      sel.stamp = {coderGuid[st.i64(3)], st.str(7), coderGuid[st.i64(3)], st.str(8)};
      Coding c;
      c.guid = guid;
      c.code = codeGuid.at(st.i64(2));
      c.stamp.creatingUser = coderGuid[st.i64(3)];
      c.stamp.created = st.str(7);
      c.noteRefs = refsTo("coding", guid);
      sel.codings.push_back(std::move(c));
      s.selections.push_back(std::move(sel));
    }
  }

  // Variables: every attribute name, plus the conventions' own.
  std::vector<std::string> variableNames;
  std::map<std::string, VariableType> variableTypes;
  auto variable = [&](const std::string& name, VariableType type = VariableType::Text) {
    if (!variableTypes.count(name)) {
      variableNames.push_back(name);
      variableTypes[name] = type;
    }
    return derivedGuid("variable:" + name);
  };
  auto attributes = [&](const char* sql, std::int64_t id) {
    std::vector<VariableValue> out;
    sql::Stmt st(db, sql);
    st.bind(1, id);
    while (st.step()) out.push_back({variable(st.str(0)), st.str(1)});
    return out;
  };

  // Source attributes and speakers.
  for (auto& [id, index] : sourceIndex) {
    Source& s = x.sources[index];
    s.values = attributes(
        "SELECT name, value FROM source_attributes WHERE source_id = ? ORDER BY name", id);
    sql::Stmt st(db, R"(
      SELECT k.label, p.code FROM speakers k JOIN participants p ON p.id = k.participant_id
      WHERE k.source_id = ? ORDER BY k.id)");
    st.bind(1, id);
    std::vector<std::pair<std::string, std::string>> speakers;
    while (st.step()) speakers.emplace_back(st.str(0), st.str(1));
    if (!speakers.empty())
      s.values.push_back({variable(std::string(kSpeakersVariable)), joinSpeakers(speakers)});
  }

  // Cases (with the sources they cover), then participants as cases marked `interviewer`. Both
  // are read from rows (id, guid, name, type or interviewer flag, memo); `covered` lists the
  // sources the row covers (?1: its id).
  auto caseOf = [&](const sql::Stmt& row, const char* covered) {
    Case c;
    c.guid = row.str(1);
    c.name = row.str(2);
    c.description = row.str(4);
    sql::Stmt src(db, covered);
    src.bind(1, row.i64(0));
    while (src.step()) c.sourceRefs.push_back(src.str(0));
    return c;
  };
  {
    sql::Stmt st(
        db,
        "SELECT id, guid, name, ifnull(case_type, ''), ifnull(memo, '') FROM cases ORDER BY id");
    while (st.step()) {
      Case c = caseOf(st, R"(
        SELECT DISTINCT s.guid, s.id FROM sources s WHERE s.id IN (
          SELECT source_id FROM case_sources WHERE case_id = ?1
          UNION SELECT id FROM sources WHERE participant_id IN (SELECT id FROM participants WHERE case_id = ?1)
          UNION SELECT k.source_id FROM speakers k JOIN participants p ON p.id = k.participant_id
                WHERE p.case_id = ?1 AND k.is_interviewer = 0)
        ORDER BY s.id)");
      if (!st.str(3).empty())
        c.values.push_back({variable(std::string(kCaseTypeVariable)), st.str(3)});
      for (VariableValue& v :
           attributes("SELECT name, value FROM case_attributes WHERE case_id = ? ORDER BY name",
                      st.i64(0)))
        c.values.push_back(std::move(v));
      x.cases.push_back(std::move(c));
    }
  }
  {
    sql::Stmt st(
        db,
        "SELECT id, guid, code, is_interviewer, ifnull(memo, '') FROM participants ORDER BY id");
    while (st.step()) {
      Case c = caseOf(st, R"(
        SELECT DISTINCT s.guid, s.id FROM sources s WHERE s.participant_id = ?1
          OR s.id IN (SELECT source_id FROM speakers WHERE participant_id = ?1)
        ORDER BY s.id)");
      c.values = attributes(
          "SELECT name, value FROM participant_attributes WHERE participant_id = ? ORDER BY name",
          st.i64(0));
      c.values.push_back({variable(std::string(kInterviewerVariable), VariableType::Boolean),
                          st.i64(3) ? "true" : "false"});
      x.cases.push_back(std::move(c));
    }
  }
  for (const std::string& name : variableNames)
    x.variables.push_back({derivedGuid("variable:" + name), name, "", variableTypes[name]});

  // CMOCs, their evidence and chains.
  {
    sql::Stmt st(db, R"(
      SELECT m.id, m.guid, c.guid, mm.guid, o.guid, m.status, ifnull(p.guid, ''), m.label, m.memo,
             k.name, m.created_at, m.modified_at
      FROM cmocs m JOIN codes c ON c.id = m.context_code_id JOIN codes mm ON mm.id = m.mechanism_code_id
      JOIN codes o ON o.id = m.outcome_code_id JOIN coders k ON k.id = m.coder_id
      LEFT JOIN cmocs p ON p.id = m.prior_cmoc_id ORDER BY m.id)");
    sql::Stmt ev(db, R"(
      SELECT e.slot, c.guid FROM cmoc_evidence e JOIN codings c ON c.id = e.coding_id
      WHERE e.cmoc_id = ? ORDER BY CASE e.slot WHEN 'context' THEN 0 WHEN 'mechanism' THEN 1 ELSE 2 END,
            c.source_id, c.start, c.id)");
    while (st.step()) {
      Cmoc m;
      m.guid = st.str(1);
      m.context = st.str(2);
      m.mechanism = st.str(3);
      m.outcome = st.str(4);
      m.status = parseCmocStatus(st.view(5));
      m.prior = st.str(6);
      m.label = st.str(7);
      m.memo = st.str(8);
      m.coder = st.str(9);
      m.created = st.str(10);
      m.modified = st.str(11);
      ev.bind(1, st.i64(0));
      while (ev.step())
        m.evidence.emplace_back(parseSlot(ev.view(0)), derivedGuid("selection:" + ev.str(1)));
      ev.reset();
      m.noteRefs = refsTo("cmoc", m.guid);
      x.cmocs.push_back(std::move(m));
    }
  }
  {
    sql::Stmt st(db, R"(
      SELECT l.guid, f.guid, t.guid, l.memo FROM cmoc_links l
      JOIN cmocs f ON f.id = l.from_cmoc_id JOIN cmocs t ON t.id = l.to_cmoc_id ORDER BY l.id)");
    while (st.step()) x.chains.push_back({st.str(0), st.str(1), st.str(2), st.str(3)});
  }

  // Other tools' sets and links, with members and ends that still exist.
  std::set<std::string> exported;
  for (const User& u : x.users) exported.insert(u.guid);
  std::function<void(const std::vector<Code>&)> addCodes = [&](const std::vector<Code>& cs) {
    for (const Code& c : cs) {
      exported.insert(c.guid);
      addCodes(c.children);
    }
  };
  addCodes(x.codes);
  for (const Source& s : x.sources) {
    exported.insert(s.guid);
    for (const Selection& sel : s.selections) {
      exported.insert(sel.guid);
      for (const Coding& c : sel.codings) exported.insert(c.guid);
    }
  }
  for (const Note& n : x.notes) exported.insert(n.guid);
  for (const Case& c : x.cases) exported.insert(c.guid);
  for (const Cmoc& m : x.cmocs) exported.insert(m.guid);
  {
    sql::Stmt st(db, "SELECT id, guid, name, description FROM entity_sets ORDER BY id");
    sql::Stmt mem(
        db,
        "SELECT member_kind, member_guid FROM entity_set_members WHERE set_id = ? ORDER BY seq");
    while (st.step()) {
      Set s;
      s.guid = st.str(1);
      s.name = st.str(2);
      s.description = st.str(3);
      mem.bind(1, st.i64(0));
      while (mem.step()) {
        const std::string kind = mem.str(0), g = mem.str(1);
        if (!exported.count(g)) continue;
        (kind == "code"     ? s.memberCodes
         : kind == "source" ? s.memberSources
                            : s.memberNotes)
            .push_back(g);
      }
      mem.reset();
      refsTo("set", s.guid);  // memos on a set are its MemberNotes, already listed
      x.sets.push_back(std::move(s));
    }
  }
  {
    sql::Stmt st(db, R"(
      SELECT guid, name, direction, ifnull(color, ''), origin_guid, target_guid FROM entity_links ORDER BY id)");
    while (st.step()) {
      Link l;
      l.guid = st.str(0);
      l.name = st.str(1);
      const std::string d = st.str(2);
      l.direction = d == "OneWay"          ? Direction::OneWay
                    : d == "Bidirectional" ? Direction::Bidirectional
                                           : Direction::Associative;
      l.color = st.str(3);
      l.origin = st.str(4);
      l.target = st.str(5);
      l.noteRefs = refsTo("link", l.guid);
      if (exported.count(l.origin) && exported.count(l.target)) x.links.push_back(std::move(l));
    }
  }
  // Memos about things that cannot hold a NoteRef (cases, sets, links) stay the project's.
  for (const MemoRef& r : memoRefs)
    if (r.kind != "claimed") x.noteRefs.push_back(r.guid);
  return x;
}

}  // namespace cmoc::refi
