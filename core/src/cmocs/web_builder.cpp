#include "cmocs/web_builder.h"

#include <algorithm>

namespace cmoc {

namespace {

// A code's kind, or for codes of kind `other` the slot it fills most often (ties go to the
// earlier slot), so a chain's "reduced trust" still looks like an outcome.
Slot roleOf(CodeKind kind, const std::array<std::int64_t, 3>& slotUses) {
  switch (kind) {
    case CodeKind::Context: return Slot::Context;
    case CodeKind::Mechanism: return Slot::Mechanism;
    case CodeKind::Outcome: return Slot::Outcome;
    case CodeKind::Other: break;
  }
  const auto most = std::max_element(slotUses.begin(), slotUses.end());
  return static_cast<Slot>(most - slotUses.begin());
}

}  // namespace

void WebBuilder::use(const WebNode& code, Slot slot, std::int64_t cmoc, WebChange change) {
  NodeTally& t = nodes_[code.codeId];
  t.node.codeId = code.codeId;
  t.node.name = code.name;
  t.node.path = code.path;
  t.node.color = code.color;
  t.node.kind = code.kind;
  ++t.slotUses[static_cast<std::size_t>(slot)];
  t.cmocs.insert(cmoc);
  t.changes.insert(change);
}

WebEdge& WebBuilder::edge(std::map<EdgeKey, WebEdge>& edges, std::int64_t from, std::int64_t to,
                          WebChange change) {
  WebEdge& e = edges[{from, to, change}];
  e.from = from;
  e.to = to;
  e.change = change;
  return e;
}

void WebBuilder::path(std::int64_t from, std::int64_t to, std::int64_t cmoc, CmocStatus status,
                      WebChange change) {
  WebEdge& e = edge(paths_, from, to, change);
  e.cmocs.push_back(cmoc);
  e.statuses.push_back(status);
}

void WebBuilder::chain(std::int64_t from, std::int64_t to,
                       std::pair<std::int64_t, std::int64_t> link, WebChange change) {
  WebEdge& e = edge(chains_, from, to, change);
  e.chain = true;
  e.links.push_back(link);
}

CausalWeb WebBuilder::finish(std::size_t cmocCount) {
  CausalWeb web;
  web.cmocCount = cmocCount;
  for (auto& [id, t] : nodes_) {
    t.node.role = roleOf(t.node.kind, t.slotUses);
    t.node.cmocs = static_cast<std::int64_t>(t.cmocs.size());
    if (t.changes.size() == 1 && (*t.changes.begin() == WebChange::Added ||
                                  *t.changes.begin() == WebChange::Removed))
      t.node.change = *t.changes.begin();
    web.nodes.push_back(std::move(t.node));
  }
  std::sort(web.nodes.begin(), web.nodes.end(), [](const WebNode& a, const WebNode& b) {
    return a.role != b.role ? a.role < b.role : a.path < b.path;
  });
  for (auto& [key, e] : paths_) web.edges.push_back(std::move(e));
  for (auto& [key, e] : chains_) web.edges.push_back(std::move(e));
  return web;
}

}  // namespace cmoc
