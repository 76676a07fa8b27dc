// The causal web's nodes and edges, from the filtered CMOCs and the links between them.
#include <map>

#include "cmoc/causal_web.h"
#include "cmoc/project.h"
#include "cmocs/web_builder.h"

namespace cmoc {

namespace {

WebNode codeOf(const CmocSlot& s) {
  WebNode n;
  n.codeId = s.codeId;
  n.name = s.code;
  n.path = s.codePath;
  n.color = s.color;
  n.kind = s.kind;
  return n;
}

}  // namespace

CausalWeb buildCausalWeb(Project& project, const CmocFilter& filter) {
  Cmocs store(project);
  const std::vector<Cmoc> cmocs = store.list(filter);
  WebBuilder web;
  std::map<std::int64_t, const Cmoc*> kept;
  for (const Cmoc& c : cmocs) {
    kept[c.id] = &c;
    web.use(codeOf(c.context), Slot::Context, c.id, WebChange::Same);
    web.use(codeOf(c.mechanism), Slot::Mechanism, c.id, WebChange::Same);
    web.use(codeOf(c.outcome), Slot::Outcome, c.id, WebChange::Same);
    web.path(c.context.codeId, c.mechanism.codeId, c.id, c.status, WebChange::Same);
    web.path(c.mechanism.codeId, c.outcome.codeId, c.id, c.status, WebChange::Same);
  }
  for (const CmocLink& l : store.links()) {
    auto a = kept.find(l.from), b = kept.find(l.to);
    if (a == kept.end() || b == kept.end()) continue;
    const std::int64_t from = a->second->outcome.codeId, to = b->second->context.codeId;
    if (from == to) continue;
    web.chain(from, to, {l.from, l.to}, WebChange::Same);
  }
  return web.finish(cmocs.size());
}

CausalWeb splitByStatus(CausalWeb web) {
  std::vector<WebEdge> edges;
  for (WebEdge& e : web.edges) {
    if (e.chain) {
      edges.push_back(std::move(e));
      continue;
    }
    std::map<CmocStatus, WebEdge> byStatus;
    for (std::size_t i = 0; i < e.cmocs.size(); ++i) {
      WebEdge& part = byStatus[e.statuses[i]];
      part.from = e.from;
      part.to = e.to;
      part.change = e.change;
      part.cmocs.push_back(e.cmocs[i]);
      part.statuses.push_back(e.statuses[i]);
    }
    for (auto& [status, part] : byStatus) edges.push_back(std::move(part));
  }
  web.edges = std::move(edges);
  return web;
}

}  // namespace cmoc
