// REFI-QDA export's first half: the whole project read into an exchange (snapshot), which
// refi_export.cpp writes as XML. It reads through the readers the commands use (the codebook's,
// Cmocs::list's, the row gateways), so it sees the project as they show it. How our model maps onto the standard's elements is described in
// docs/refi-qda.md.
#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "backend/sqlite/attribute_rows.h"
#include "backend/sqlite/cmoc_rows.h"
#include "backend/sqlite/coder_rows.h"
#include "backend/sqlite/coding_rows.h"
#include "backend/sqlite/entity_set_rows.h"
#include "backend/sqlite/memo_rows.h"
#include "backend/sqlite/participant_rows.h"
#include "backend/sqlite/project_impl.h"
#include "backend/sqlite/project_meta_rows.h"
#include "backend/sqlite/source_rows.h"
#include "cmoc/project.h"
#include "cmoc/refi.h"
#include "cmoc/text.h"
#include "cmocs/cmoc_access.h"
#include "codebook/code_index.h"
#include "codebook/codebook_rows.h"

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

std::string joinSpeakers(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string out;
  for (const auto& [label, code] : pairs) out += (out.empty() ? "" : "; ") + label + " = " + code;
  return out;
}

// What the snapshot reads of each source besides its row: the cases, participants and
// speakers that decide which cases cover it.
struct SourceLinks {
  store::SourceRow row;
  std::vector<std::int64_t> cases;  // case_sources
  std::vector<store::SpeakerRow> speakers;
};

}  // namespace

Exchange snapshot(const Project& project) {
  const sql::Db& db = project.impl().db;
  Exchange x;
  store::ProjectMetaRows meta(db);
  x.name = meta.value("name");
  if (x.name.empty()) x.name = project.file().stem().string();
  x.description = meta.value("description");
  x.stamp.created = meta.value("created_at");

  std::map<std::int64_t, std::string> coderGuid;
  store::CoderRows(db).each([&](const store::CoderRow& k) {
    x.users.push_back({k.guid, k.name, ""});
    coderGuid[k.id] = k.guid;
  });

  // Codes as a tree, siblings in the codebook's order.
  std::map<std::int64_t, Code> codes;
  std::map<std::int64_t, std::string> codeGuid;
  std::map<std::int64_t, std::vector<std::int64_t>> children;
  const store::CodeIndex index(db);
  // Read as the codebook reads them (depth-first, so each parent's children arrive in order).
  for (const cmoc::Code& code : store::codesInOrder(db, index)) {
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
  store::MemoRows(db).each([&](const store::MemoRow& m) {
    Note n;
    n.guid = m.guid;
    n.name = m.title;
    n.text = m.text;
    if (m.coderId) n.stamp.creatingUser = coderGuid[*m.coderId];
    n.stamp.created = m.createdAt;
    n.stamp.modified = m.modifiedAt;
    x.notes.push_back(std::move(n));
    memoRefs.push_back({m.guid, m.targetKind, m.targetGuid.value_or("")});
  });
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

  // Sources (those with a text) with one selection per coding.
  store::SourceRows sourceRows(db);
  std::vector<SourceLinks> allSources;
  sourceRows.each([&](const store::SourceRow& r) { allSources.push_back({r, {}, {}}); });
  std::map<std::int64_t, std::string> sourceGuid;
  std::map<std::int64_t, std::size_t> sourceIndex;
  for (SourceLinks& l : allSources) {
    l.cases = sourceRows.casesOf(l.row.id);
    sourceRows.speakersOf(l.row.id, [&l](const store::SpeakerRow& k) { l.speakers.push_back(k); });
    sourceGuid[l.row.id] = l.row.guid;
    std::optional<std::string> text = sourceRows.textIfAny(l.row.id);
    if (!text) continue;
    Source s;
    s.guid = l.row.guid;
    s.name = l.row.name;
    s.description = l.row.memo;
    s.stamp.created = l.row.importedAt;
    s.stamp.modified = l.row.modifiedAt;
    s.text = std::move(*text);
    s.noteRefs = refsTo("source", s.guid);
    sourceIndex[l.row.id] = x.sources.size();
    x.sources.push_back(std::move(s));
  }
  // Each coding's GUID, for the CMOC evidence that cites it.
  std::unordered_map<std::int64_t, std::string> codingGuid;
  store::CodingRows(db).eachInSourceOrder([&](const store::CodingRow& r) {
    Source& s = x.sources[sourceIndex.at(r.sourceId)];
    Selection sel;
    sel.guid = derivedGuid("selection:" + r.guid);
    sel.start = r.start;
    sel.end = r.end;
    sel.name = excerptName(s.text, sel.start, sel.end);
    sel.description = r.memo;
    sel.stamp = {coderGuid[r.coderId], r.createdAt, coderGuid[r.coderId], r.modifiedAt};
    Coding c;
    c.guid = r.guid;
    c.code = codeGuid.at(r.codeId);
    c.stamp.creatingUser = coderGuid[r.coderId];
    c.stamp.created = r.createdAt;
    c.noteRefs = refsTo("coding", r.guid);
    sel.codings.push_back(std::move(c));
    s.selections.push_back(std::move(sel));
    codingGuid.emplace(r.id, r.guid);
  });

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
  auto attributes = [&](store::AttributeOwner owner, std::int64_t id) {
    std::vector<VariableValue> out;
    for (const auto& [name, value] : store::AttributeRows(db, owner).of(id))
      out.push_back({variable(name), value});
    return out;
  };

  store::ParticipantRows participantRows(db);
  std::map<std::int64_t, store::ParticipantRow> participants;
  participantRows.each([&](const store::ParticipantRow& p) { participants.emplace(p.id, p); });

  // Source attributes and speakers (those linked to a participant).
  for (const SourceLinks& l : allSources) {
    auto at = sourceIndex.find(l.row.id);
    if (at == sourceIndex.end()) continue;
    Source& s = x.sources[at->second];
    s.values = attributes(store::AttributeOwner::Source, l.row.id);
    std::vector<std::pair<std::string, std::string>> speakers;
    for (const store::SpeakerRow& k : l.speakers)
      if (k.participantId) speakers.emplace_back(k.label, participants.at(*k.participantId).code);
    if (!speakers.empty())
      s.values.push_back({variable(std::string(kSpeakersVariable)), joinSpeakers(speakers)});
  }

  // The sources each case and participant covers, by source id. A case covers the sources put
  // in it, those whose main participant is in it, and those where one of its participants speaks
  // (not as an interviewer); a participant, those it is the main participant of or speaks in.
  std::map<std::int64_t, std::set<std::int64_t>> caseCovers, participantCovers;
  auto caseOfParticipant = [&](std::int64_t pid) -> std::optional<std::int64_t> {
    auto p = participants.find(pid);
    return p == participants.end() ? std::nullopt : p->second.caseId;
  };
  for (const SourceLinks& l : allSources) {
    const std::int64_t sid = l.row.id;
    for (std::int64_t c : l.cases) caseCovers[c].insert(sid);
    if (l.row.participantId) {
      participantCovers[*l.row.participantId].insert(sid);
      if (auto c = caseOfParticipant(*l.row.participantId)) caseCovers[*c].insert(sid);
    }
    for (const store::SpeakerRow& k : l.speakers) {
      if (!k.participantId) continue;
      participantCovers[*k.participantId].insert(sid);
      if (!k.isInterviewer)
        if (auto c = caseOfParticipant(*k.participantId)) caseCovers[*c].insert(sid);
    }
  }
  auto covered = [&](std::map<std::int64_t, std::set<std::int64_t>>& covers, std::int64_t id) {
    std::vector<std::string> out;
    for (std::int64_t sid : covers[id]) out.push_back(sourceGuid.at(sid));
    return out;
  };

  // Cases (with the sources they cover), then participants as cases marked `interviewer`.
  store::CaseRows(db).each([&](const store::CaseRow& r) {
    Case c;
    c.guid = r.guid;
    c.name = r.name;
    c.description = r.memo.value_or("");
    c.sourceRefs = covered(caseCovers, r.id);
    if (r.caseType && !r.caseType->empty())
      c.values.push_back({variable(std::string(kCaseTypeVariable)), *r.caseType});
    for (VariableValue& v : attributes(store::AttributeOwner::Case, r.id))
      c.values.push_back(std::move(v));
    x.cases.push_back(std::move(c));
  });
  for (const auto& [id, p] : participants) {
    Case c;
    c.guid = p.guid;
    c.name = p.code;
    c.description = p.memo.value_or("");
    c.sourceRefs = covered(participantCovers, id);
    c.values = attributes(store::AttributeOwner::Participant, id);
    c.values.push_back({variable(std::string(kInterviewerVariable), VariableType::Boolean),
                        p.isInterviewer ? "true" : "false"});
    x.cases.push_back(std::move(c));
  }
  for (const std::string& name : variableNames)
    x.variables.push_back({derivedGuid("variable:" + name), name, "", variableTypes[name]});

  // CMOCs as Cmocs::list reads them, their evidence (by slot, then where the coding is) and
  // chains.
  std::map<std::int64_t, std::string> cmocGuid;
  for (cmoc::Cmoc& m : store::loadCmocs(db, index, store::CmocSelection{})) {
    Cmoc c;
    c.guid = m.guid;
    c.context = codeGuid.at(m.context.codeId);
    c.mechanism = codeGuid.at(m.mechanism.codeId);
    c.outcome = codeGuid.at(m.outcome.codeId);
    c.status = m.status;
    c.prior = m.priorGuid;
    c.label = m.label;
    c.memo = m.memo;
    c.coder = m.coder;
    c.created = m.createdAt;
    c.modified = m.modifiedAt;
    for (Slot slot : {Slot::Context, Slot::Mechanism, Slot::Outcome}) {
      std::vector<Evidence>& evidence = m.slot(slot).evidence;
      std::sort(evidence.begin(), evidence.end(), [](const Evidence& a, const Evidence& b) {
        if (a.sourceId != b.sourceId) return a.sourceId < b.sourceId;
        if (a.start != b.start) return a.start < b.start;
        return a.codingId < b.codingId;
      });
      for (const Evidence& e : evidence)
        c.evidence.emplace_back(slot, derivedGuid("selection:" + codingGuid.at(e.codingId)));
    }
    c.noteRefs = refsTo("cmoc", c.guid);
    cmocGuid[m.id] = c.guid;
    x.cmocs.push_back(std::move(c));
  }
  store::CmocRows(db).eachLink([&](const store::CmocLinkRow& l) {
    x.chains.push_back({l.guid, cmocGuid.at(l.fromCmocId), cmocGuid.at(l.toCmocId), l.memo});
  });

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
  store::EntitySetRows sets(db);
  sets.eachSet([&](const store::EntitySetRow& r) {
    Set s;
    s.guid = r.guid;
    s.name = r.name;
    s.description = r.description;
    for (const store::SetMemberRow& m : sets.membersOf(r.id)) {
      if (!exported.count(m.guid)) continue;
      (m.kind == "code"     ? s.memberCodes
       : m.kind == "source" ? s.memberSources
                            : s.memberNotes)
          .push_back(m.guid);
    }
    refsTo("set", s.guid);  // memos on a set are its MemberNotes, already listed
    x.sets.push_back(std::move(s));
  });
  sets.eachLink([&](const store::EntityLinkRow& r) {
    Link l;
    l.guid = r.guid;
    l.name = r.name;
    l.direction = r.direction == "OneWay"          ? Direction::OneWay
                  : r.direction == "Bidirectional" ? Direction::Bidirectional
                                                   : Direction::Associative;
    l.color = r.color.value_or("");
    l.origin = r.originGuid;
    l.target = r.targetGuid;
    l.noteRefs = refsTo("link", l.guid);
    if (exported.count(l.origin) && exported.count(l.target)) x.links.push_back(std::move(l));
  });
  // Memos about things that cannot hold a NoteRef (cases, sets, links) stay the project's.
  for (const MemoRef& r : memoRefs)
    if (r.kind != "claimed") x.noteRefs.push_back(r.guid);
  return x;
}

}  // namespace cmoc::refi
