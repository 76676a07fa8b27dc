// The theory web: both versions' CMOCs drawn through the causal web's builder, each path and
// chain marked with how the diff says it changed.
#include "cmoc/theory_web.h"

#include <set>
#include <unordered_map>

#include "cmocs/web_builder.h"

namespace cmoc {

namespace {

WebChange changeOf(TheoryChangeKind k) {
  switch (k) {
    case TheoryChangeKind::Added: return WebChange::Added;
    case TheoryChangeKind::Removed: return WebChange::Removed;
    case TheoryChangeKind::Changed: return WebChange::Changed;
  }
  return WebChange::Same;
}

// The last part of a code path ("Parent/Child" -> "Child"); "\/" is a slash inside a name.
std::string lastPart(const std::string& path) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '\\') ++i;
    else if (path[i] == '/') start = i + 1;
  }
  std::string name;
  for (std::size_t i = start; i < path.size(); ++i) {
    if (path[i] == '\\' && i + 1 < path.size()) ++i;
    name += path[i];
  }
  return name;
}

std::string versionName(const TheoryVersion& v) {
  return v.id == 0 ? "the current CMOCs" : "'" + v.name + "'";
}

class TheoryWeb {
 public:
  explicit TheoryWeb(const std::vector<Code>& codebook) {
    for (const Code& c : codebook) codes_.emplace(c.guid, &c);
  }

  void draw(const TheoryCmoc& c, WebChange change) {
    for (Slot s : {Slot::Context, Slot::Mechanism, Slot::Outcome})
      web_.use(node(c.slot(s)), s, c.cmocId, change);
    segment(c, Slot::Context, Slot::Mechanism, change);
    segment(c, Slot::Mechanism, Slot::Outcome, change);
  }

  // The path `before` had between two of its slots, drawn as removed when `after` no longer has
  // the same pair of codes there.
  void dropped(const TheoryCmoc& before, const TheoryCmoc& after, Slot a, Slot b) {
    if (before.slot(a).guid == after.slot(a).guid && before.slot(b).guid == after.slot(b).guid)
      return;
    web_.use(node(before.slot(a)), a, before.cmocId, WebChange::Removed);
    web_.use(node(before.slot(b)), b, before.cmocId, WebChange::Removed);
    segment(before, a, b, WebChange::Removed);
  }

  void chain(const TheoryCmoc& from, const TheoryCmoc& to, WebChange change) {
    const std::int64_t a = id(from.outcome), b = id(to.context);
    if (a != b) web_.chain(a, b, {from.cmocId, to.cmocId}, change);
  }

  CausalWeb finish(std::size_t cmocs) { return web_.finish(cmocs); }

 private:
  void segment(const TheoryCmoc& c, Slot a, Slot b, WebChange change) {
    web_.path(id(c.slot(a)), id(c.slot(b)), c.cmocId, c.status, change);
  }

  std::int64_t id(const TheoryCode& code) {
    if (auto it = codes_.find(code.guid); it != codes_.end()) return it->second->id;
    auto [it, added] = gone_.emplace(code.guid, -static_cast<std::int64_t>(gone_.size() + 1));
    return it->second;
  }

  WebNode node(const TheoryCode& code) {
    WebNode n;
    n.codeId = id(code);
    if (auto it = codes_.find(code.guid); it != codes_.end()) {
      n.name = it->second->name;
      n.path = it->second->path;
      n.color = it->second->color;
      n.kind = it->second->kind;
    } else {
      n.name = lastPart(code.path);
      n.path = code.path;
    }
    return n;
  }

  std::unordered_map<std::string, const Code*> codes_;
  std::unordered_map<std::string, std::int64_t> gone_;
  WebBuilder web_;
};

std::unordered_map<std::string_view, const TheoryCmoc*> byGuid(const TheorySnapshot& s) {
  std::unordered_map<std::string_view, const TheoryCmoc*> out;
  for (const TheoryCmoc& c : s.cmocs) out.emplace(c.guid, &c);
  return out;
}

}  // namespace

CausalWeb buildTheoryWeb(const TheorySnapshot& from, const TheorySnapshot& to,
                         const TheoryDiff& diff, const std::vector<Code>& codebook) {
  std::unordered_map<std::string, WebChange> changes;
  std::set<std::pair<std::string, std::string>> linksAdded, linksRemoved;
  for (const TheoryMechanismChanges& g : diff.mechanisms) {
    for (const TheoryCmocChange& c : g.cmocs) changes[c.cmoc.guid] = changeOf(c.kind);
    for (const TheoryLinkChange& l : g.links)
      (l.added ? linksAdded : linksRemoved).emplace(l.link.fromGuid, l.link.toGuid);
  }
  auto changeOfCmoc = [&](const TheoryCmoc& c) {
    const auto it = changes.find(c.guid);
    return it == changes.end() ? WebChange::Same : it->second;
  };
  const auto before = byGuid(from), after = byGuid(to);

  TheoryWeb web(codebook);
  std::size_t removed = 0;
  for (const TheoryCmoc& c : to.cmocs) {
    const WebChange change = changeOfCmoc(c);
    web.draw(c, change);
    if (change != WebChange::Changed) continue;
    const TheoryCmoc& old = *before.at(c.guid);
    web.dropped(old, c, Slot::Context, Slot::Mechanism);
    web.dropped(old, c, Slot::Mechanism, Slot::Outcome);
  }
  for (const TheoryCmoc& c : from.cmocs)
    if (!after.count(c.guid)) {
      web.draw(c, WebChange::Removed);
      ++removed;
    }
  for (const TheoryLink& l : to.links)
    web.chain(*after.at(l.fromGuid), *after.at(l.toGuid),
              linksAdded.count({l.fromGuid, l.toGuid}) ? WebChange::Added : WebChange::Same);
  for (const TheoryLink& l : from.links)
    if (linksRemoved.count({l.fromGuid, l.toGuid}))
      web.chain(*before.at(l.fromGuid), *before.at(l.toGuid), WebChange::Removed);

  CausalWeb out = web.finish(to.cmocs.size() + removed);
  out.fromVersion = versionName(from.version);
  out.toVersion = versionName(to.version);
  return out;
}

CausalWeb buildVersionWeb(const TheorySnapshot& version, const std::vector<Code>& codebook) {
  const auto cmocs = byGuid(version);
  TheoryWeb web(codebook);
  for (const TheoryCmoc& c : version.cmocs) web.draw(c, WebChange::Same);
  for (const TheoryLink& l : version.links)
    web.chain(*cmocs.at(l.fromGuid), *cmocs.at(l.toGuid), WebChange::Same);
  return web.finish(version.cmocs.size());
}

CausalWeb buildTheoryWeb(Project& project, std::string_view v1, std::string_view v2) {
  const TheoryDiff diff = diffTheories(project, v1, v2);
  const Theory theory(project);
  return buildTheoryWeb(theory.load(v1), theory.load(v2), diff, Codebook(project).list());
}

}  // namespace cmoc
