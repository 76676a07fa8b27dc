// Programme-theory versions: freezing the CMOC set, listing versions and reading one back (or
// the live set in the same shape, so a diff against "current" needs no snapshot).
#include "cmoc/theory.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>

#include "backend/sqlite/action.h"
#include "backend/sqlite/theory_rows.h"
#include "cmoc/codebook.h"
#include "cmoc/error.h"
#include "cmoc/escape.h"
#include "cmoc/names.h"
#include "cmoc/project.h"

namespace cmoc {

namespace {

TheoryVersion fromRow(const store::TheoryVersionRow& r) {
  return {r.id, r.guid, r.name, r.memo, r.coder, r.createdAt, r.cmocCount, r.linkCount};
}

store::TheoryCmocRow toRow(const TheoryCmoc& c) {
  return {c.guid,           c.cmocId,       c.label,        std::string(toString(c.status)),
          c.priorGuid,      c.context.guid, c.context.path, c.mechanism.guid,
          c.mechanism.path, c.outcome.guid, c.outcome.path, c.excerpts,
          c.sources};
}

TheoryCmoc fromRow(const store::TheoryCmocRow& r) {
  TheoryCmoc c;
  c.cmocId = r.cmocId;
  c.guid = r.cmocGuid;
  c.label = r.label;
  c.status = parseCmocStatus(r.status);
  c.priorGuid = r.priorGuid;
  c.context = {r.contextGuid, r.contextPath};
  c.mechanism = {r.mechanismGuid, r.mechanismPath};
  c.outcome = {r.outcomeGuid, r.outcomePath};
  c.excerpts = r.excerpts;
  c.sources = r.sources;
  return c;
}

// Prior and link ends are kept by GUID; their ids are the ones the version's CMOCs had.
void resolveIds(TheorySnapshot& s) {
  std::unordered_map<std::string, std::int64_t> ids;
  ids.reserve(s.cmocs.size());
  for (const TheoryCmoc& c : s.cmocs) ids.emplace(c.guid, c.cmocId);
  for (TheoryCmoc& c : s.cmocs)
    if (auto it = ids.find(c.priorGuid); !c.priorGuid.empty() && it != ids.end())
      c.priorId = it->second;
  for (TheoryLink& l : s.links) {
    l.from = ids.count(l.fromGuid) ? ids[l.fromGuid] : 0;
    l.to = ids.count(l.toGuid) ? ids[l.toGuid] : 0;
  }
  std::sort(s.links.begin(), s.links.end(), [](const TheoryLink& a, const TheoryLink& b) {
    return std::pair(a.from, a.to) < std::pair(b.from, b.to);
  });
}

std::optional<std::int64_t> wholeNumber(std::string_view s) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

void checkName(store::TheoryRows& rows, const std::string& name) {
  if (name.find_first_not_of(" \t\r\n") == std::string::npos)
    throw UsageError("a theory version needs a name");
  if (auto problem = nameLengthProblem("theory version", name)) throw UsageError(*problem);
  if (name == kCurrentTheory)
    throw UsageError("'current' stands for the live CMOC set; give the version another name");
  if (rows.byName(name)) throw UsageError("there is already a theory version named '" + name + "'");
}

}  // namespace

const TheoryCode& TheoryCmoc::slot(Slot s) const {
  return s == Slot::Context ? context : s == Slot::Mechanism ? mechanism : outcome;
}

std::string TheoryCmoc::configuration() const {
  return context.path + " -> " + mechanism.path + " -> " + outcome.path;
}

Theory::Theory(Project& project) : project_(project) {}

TheorySnapshot Theory::current() const {
  std::unordered_map<std::int64_t, std::string> codeGuids;
  for (const Code& code : Codebook(project_).list()) codeGuids.emplace(code.id, code.guid);
  Cmocs cmocs(project_);
  TheorySnapshot s;
  s.version.name = std::string(kCurrentTheory);
  std::unordered_map<std::int64_t, std::string> guids;
  for (const Cmoc& c : cmocs.list()) {
    TheoryCmoc& t = s.cmocs.emplace_back();
    t.cmocId = c.id;
    t.guid = c.guid;
    t.label = c.label;
    t.status = c.status;
    t.priorGuid = c.priorGuid;
    auto code = [&](const CmocSlot& slot) {
      return TheoryCode{codeGuids[slot.codeId], slot.codePath};
    };
    t.context = code(c.context);
    t.mechanism = code(c.mechanism);
    t.outcome = code(c.outcome);
    t.excerpts = static_cast<std::int64_t>(c.excerptCount());
    t.sources = static_cast<std::int64_t>(c.sourceCount());
    guids.emplace(c.id, c.guid);
  }
  for (const CmocLink& l : cmocs.links())
    s.links.push_back({guids[l.from], guids[l.to], l.from, l.to});
  s.version.cmocCount = static_cast<std::int64_t>(s.cmocs.size());
  s.version.linkCount = static_cast<std::int64_t>(s.links.size());
  resolveIds(s);
  return s;
}

TheoryVersion Theory::snapshot(const std::string& name, const std::string& memo) {
  {
    store::TheoryRows rows(project_.impl().db);
    checkName(rows, name);
  }
  const TheorySnapshot live = current();
  store::Action action(project_.impl(), "snapshot theory '" + name + "'");
  store::TheoryRows rows(action.db());
  checkName(rows, name);  // again inside the transaction: another writer may have taken it
  store::TheoryVersionRow v;
  v.guid = newGuid();
  v.name = name;
  v.memo = memo;
  v.coder = action.coder();
  v.createdAt = nowUtc();
  v.cmocCount = static_cast<std::int64_t>(live.cmocs.size());
  v.linkCount = static_cast<std::int64_t>(live.links.size());
  const std::int64_t id = rows.insertVersion(v);
  std::vector<store::TheoryCmocRow> cmocRows;
  cmocRows.reserve(live.cmocs.size());
  for (const TheoryCmoc& c : live.cmocs) cmocRows.push_back(toRow(c));
  rows.insertCmocs(id, cmocRows);
  std::vector<store::TheoryLinkRow> linkRows;
  for (const TheoryLink& l : live.links) linkRows.push_back({l.fromGuid, l.toGuid});
  rows.insertLinks(id, linkRows);
  action.audit("snapshot-theory", "theory_version", v.guid,
               "{\"name\": " + jsonString(name) + ", \"cmocs\": " + std::to_string(v.cmocCount) +
                   ", \"links\": " + std::to_string(v.linkCount) + "}");
  action.commit();
  v.id = id;
  return fromRow(v);
}

std::vector<TheoryVersion> Theory::versions() const {
  std::vector<TheoryVersion> out;
  for (const auto& r : store::TheoryRows(project_.impl().db).versions()) out.push_back(fromRow(r));
  return out;
}

TheoryVersion Theory::resolve(std::string_view nameOrId) const {
  store::TheoryRows rows(project_.impl().db);
  if (auto byName = rows.byName(std::string(nameOrId))) return fromRow(*byName);
  if (auto id = wholeNumber(nameOrId))
    if (auto byId = rows.byId(*id)) return fromRow(*byId);
  throw NotFound("no theory version '" + std::string(nameOrId) + "'");
}

TheorySnapshot Theory::load(std::string_view nameOrId) const {
  if (nameOrId == kCurrentTheory) return current();
  TheorySnapshot s;
  s.version = resolve(nameOrId);
  store::TheoryRows rows(project_.impl().db);
  for (const auto& r : rows.cmocs(s.version.id)) s.cmocs.push_back(fromRow(r));
  for (const auto& r : rows.links(s.version.id)) s.links.push_back({r.fromGuid, r.toGuid, 0, 0});
  resolveIds(s);
  return s;
}

}  // namespace cmoc
