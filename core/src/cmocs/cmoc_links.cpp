// CMOC chains: links (one CMOC's outcome feeding another's context), the links the codes
// suggest, and the cycles the links form.
#include <algorithm>
#include <functional>
#include <set>

#include "backend/sqlite/action.h"
#include "cmoc/cmocs.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc_access.h"
#include "codebook/code_index.h"

namespace cmoc {

namespace {

std::string pair(std::int64_t from, std::int64_t to) {
  return "CMOC " + std::to_string(from) + " to CMOC " + std::to_string(to);
}

// Johnson's algorithm (1975) for the elementary circuits of a directed graph, over vertices
// 0..n-1. Each circuit is reported once, from its smallest vertex, in time linear in the
// circuits found; the blocking sets keep it from re-walking dead ends.
class CircuitFinder {
 public:
  CircuitFinder(const std::vector<std::vector<int>>& adj, std::size_t limit)
      : adj_(adj), limit_(limit), blocked_(adj.size()), b_(adj.size()) {}

  std::vector<std::vector<int>> run() {
    const int n = static_cast<int>(adj_.size());
    for (s_ = 0; s_ < n && !full(); ++s_) {
      component_ = componentOf(s_);
      if (component_.size() < 2) continue;
      for (int v : component_) {
        blocked_[v] = false;
        b_[v].clear();
      }
      circuit(s_);
    }
    return std::move(found_);
  }

 private:
  bool full() const { return found_.size() >= limit_; }
  bool inComponent(int v) const { return component_.count(v) > 0; }

  // The strongly connected component holding s in the subgraph of vertices >= s (Tarjan).
  std::set<int> componentOf(int s) const {
    const int n = static_cast<int>(adj_.size());
    std::vector<int> index(n, -1), low(n, 0);
    std::vector<bool> onStack(n, false);
    std::vector<int> stack;
    std::set<int> result;
    int counter = 0;
    std::function<void(int)> visit = [&](int v) {
      index[v] = low[v] = counter++;
      stack.push_back(v);
      onStack[v] = true;
      for (int w : adj_[v]) {
        if (w < s) continue;
        if (index[w] < 0) {
          visit(w);
          low[v] = std::min(low[v], low[w]);
        } else if (onStack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
      }
      if (low[v] != index[v]) return;
      std::set<int> comp;
      int w = -1;
      do {
        w = stack.back();
        stack.pop_back();
        onStack[w] = false;
        comp.insert(w);
      } while (w != v);
      if (comp.count(s)) result = std::move(comp);
    };
    visit(s);
    return result;
  }

  void unblock(int u) {
    blocked_[u] = false;
    std::set<int> waiting;
    waiting.swap(b_[u]);
    for (int w : waiting)
      if (blocked_[w]) unblock(w);
  }

  bool circuit(int v) {
    bool closed = false;
    path_.push_back(v);
    blocked_[v] = true;
    for (int w : adj_[v]) {
      if (full()) break;
      if (!inComponent(w)) continue;
      if (w == s_) {
        found_.push_back(path_);
        closed = true;
      } else if (!blocked_[w] && circuit(w)) {
        closed = true;
      }
    }
    if (closed) {
      unblock(v);
    } else {
      for (int w : adj_[v])
        if (inComponent(w)) b_[w].insert(v);
    }
    path_.pop_back();
    return closed;
  }

  const std::vector<std::vector<int>>& adj_;
  std::size_t limit_;
  std::vector<bool> blocked_;
  std::vector<std::set<int>> b_;
  std::set<int> component_;
  std::vector<int> path_;
  std::vector<std::vector<int>> found_;
  int s_ = 0;
};

}  // namespace

void store::insertLink(Action& action, std::int64_t from, std::int64_t to,
                       const std::string& memo) {
  if (from == to) throw UsageError("cannot link CMOC " + std::to_string(from) + " to itself");
  sql::Db& db = action.db();
  store::requireCmoc(db, from);
  store::requireCmoc(db, to);
  if (!store::CmocRows(db).insertLinkIfNew({0, newGuid(), from, to, memo, nowUtc()}))
    throw UsageError("CMOC " + std::to_string(from) + " is already linked to CMOC " +
                     std::to_string(to));
}

CmocLink Cmocs::link(std::int64_t from, std::int64_t to, const std::string& memo) {
  store::Action action(project_.impl(), "link " + pair(from, to));
  store::insertLink(action, from, to, memo);
  action.commit();
  for (CmocLink& l : links())
    if (l.from == from && l.to == to) return l;
  throw Error("the new link of " + pair(from, to) + " vanished");
}

void Cmocs::unlink(std::int64_t from, std::int64_t to) {
  store::Action action(project_.impl(), "unlink " + pair(from, to));
  sql::Db& db = action.db();
  store::requireCmoc(db, from);
  store::requireCmoc(db, to);
  store::CmocRows cmocs(db);
  const std::optional<std::string> guid = cmocs.linkGuidBetween(from, to);
  if (!guid)
    throw NotFound("CMOC " + std::to_string(from) + " is not linked to CMOC " + std::to_string(to));
  cmocs.removeLink(from, to);
  action.audit("delete-cmoc-link", "cmoc-link", *guid,
               "{\"from\": " + std::to_string(from) + ", \"to\": " + std::to_string(to) + "}");
  action.commit();
}

std::vector<CmocLink> Cmocs::links() const {
  const sql::Db& db = project_.impl().db;
  const store::CodeIndex index(db);
  std::vector<CmocLink> out;
  store::CmocQueries(db).eachLinkView([&](const store::CmocLinkView& v) {
    const store::CmocLinkRow& l = v.link;
    out.push_back({l.id, l.guid, l.fromCmocId, l.toCmocId, index.entry(v.outcomeCodeId).name,
                   index.entry(v.contextCodeId).name, l.memo, l.createdAt});
  });
  return out;
}

std::vector<SuggestedLink> Cmocs::suggestedLinks() const {
  const sql::Db& db = project_.impl().db;
  const store::CodeIndex index(db);
  std::vector<SuggestedLink> out;
  for (const store::CmocPair& p : store::CmocQueries(db).unlinkedPairs())
    out.push_back({p.from, p.to, p.codeId, index.entry(p.codeId).name});
  return out;
}

std::vector<std::vector<std::int64_t>> Cmocs::cycles() const {
  // Vertices are the linked CMOCs in id order, so each cycle starts at its smallest id.
  std::vector<std::pair<std::int64_t, std::int64_t>> edges;
  store::CmocRows(project_.impl().db).eachLink([&edges](const store::CmocLinkRow& l) {
    edges.emplace_back(l.fromCmocId, l.toCmocId);
  });
  std::vector<std::int64_t> ids;
  for (const auto& [a, b] : edges) {
    ids.push_back(a);
    ids.push_back(b);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  auto vertex = [&](std::int64_t id) {
    return static_cast<int>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
  };
  std::vector<std::vector<int>> adj(ids.size());
  for (const auto& [a, b] : edges) adj[vertex(a)].push_back(vertex(b));
  for (auto& next : adj) std::sort(next.begin(), next.end());

  std::vector<std::vector<std::int64_t>> out;
  for (const auto& circuit : CircuitFinder(adj, kMaxReportedCycles).run()) {
    std::vector<std::int64_t> cycle;
    for (int v : circuit) cycle.push_back(ids[static_cast<std::size_t>(v)]);
    out.push_back(std::move(cycle));
  }
  return out;
}

}  // namespace cmoc
