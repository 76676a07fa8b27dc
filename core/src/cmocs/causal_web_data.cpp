// The causal web's nodes and edges, from the filtered CMOCs and the links between them.
#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "cmoc/causal_web.h"
#include "cmoc/project.h"

namespace cmoc {

namespace {

struct NodeTally {
  WebNode node;
  std::array<std::int64_t, 3> slotUses{};  // context, mechanism, outcome
  std::set<std::int64_t> cmocs;
};

Slot roleOf(const NodeTally& t) {
  switch (t.node.kind) {
    case CodeKind::Context: return Slot::Context;
    case CodeKind::Mechanism: return Slot::Mechanism;
    case CodeKind::Outcome: return Slot::Outcome;
    case CodeKind::Other: break;
  }
  const auto most = std::max_element(t.slotUses.begin(), t.slotUses.end());
  return static_cast<Slot>(most - t.slotUses.begin());
}

}  // namespace

CausalWeb buildCausalWeb(Project& project, const CmocFilter& filter) {
  Cmocs store(project);
  const std::vector<Cmoc> cmocs = store.list(filter);
  CausalWeb web;
  web.cmocCount = cmocs.size();

  std::map<std::int64_t, NodeTally> nodes;
  std::map<std::pair<std::int64_t, std::int64_t>, WebEdge> paths;
  std::map<std::int64_t, const Cmoc*> kept;
  auto use = [&](const CmocSlot& s, Slot slot, std::int64_t cmoc) {
    NodeTally& t = nodes[s.codeId];
    t.node.codeId = s.codeId;
    t.node.name = s.code;
    t.node.path = s.codePath;
    t.node.color = s.color;
    t.node.kind = s.kind;
    ++t.slotUses[static_cast<std::size_t>(slot)];
    t.cmocs.insert(cmoc);
  };
  auto path = [&](std::int64_t from, std::int64_t to, const Cmoc& c) {
    WebEdge& e = paths[{from, to}];
    e.from = from;
    e.to = to;
    e.cmocs.push_back(c.id);
    e.statuses.push_back(c.status);
  };
  for (const Cmoc& c : cmocs) {
    kept[c.id] = &c;
    use(c.context, Slot::Context, c.id);
    use(c.mechanism, Slot::Mechanism, c.id);
    use(c.outcome, Slot::Outcome, c.id);
    path(c.context.codeId, c.mechanism.codeId, c);
    path(c.mechanism.codeId, c.outcome.codeId, c);
  }

  std::map<std::pair<std::int64_t, std::int64_t>, WebEdge> chains;
  for (const CmocLink& l : store.links()) {
    auto a = kept.find(l.from), b = kept.find(l.to);
    if (a == kept.end() || b == kept.end()) continue;
    const std::int64_t from = a->second->outcome.codeId, to = b->second->context.codeId;
    if (from == to) continue;
    WebEdge& e = chains[{from, to}];
    e.from = from;
    e.to = to;
    e.chain = true;
    e.links.emplace_back(l.from, l.to);
  }

  for (auto& [id, t] : nodes) {
    t.node.role = roleOf(t);
    t.node.cmocs = static_cast<std::int64_t>(t.cmocs.size());
    web.nodes.push_back(std::move(t.node));
  }
  std::sort(web.nodes.begin(), web.nodes.end(), [](const WebNode& a, const WebNode& b) {
    return a.role != b.role ? a.role < b.role : a.path < b.path;
  });
  for (auto& [key, e] : paths) web.edges.push_back(std::move(e));
  for (auto& [key, e] : chains) web.edges.push_back(std::move(e));
  return web;
}

}  // namespace cmoc
