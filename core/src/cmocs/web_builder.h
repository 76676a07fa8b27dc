#pragma once
// Gathering a causal web's codes and arrows one CMOC path at a time: shared by the plain web
// (the live CMOCs) and the theory web (two versions' CMOCs, each marked with its change), so
// both draw codes in the same roles and merge parallel paths the same way.
#include <array>
#include <map>
#include <set>
#include <tuple>

#include "cmoc/causal_web.h"

namespace cmoc {

class WebBuilder {
 public:
  // `code` carries the code's id, name, path, colour and kind; `change` is how the CMOC using
  // it changed (Same in a plain web).
  void use(const WebNode& code, Slot slot, std::int64_t cmoc, WebChange change);
  // One CMOC's arrow between two codes; parallel arrows of the same change merge.
  void path(std::int64_t from, std::int64_t to, std::int64_t cmoc, CmocStatus status,
            WebChange change);
  void chain(std::int64_t from, std::int64_t to, std::pair<std::int64_t, std::int64_t> link,
             WebChange change);
  // Nodes by role, then path; CMOC paths by (from, to, change), then chain links likewise.
  CausalWeb finish(std::size_t cmocCount);

 private:
  struct NodeTally {
    WebNode node;
    std::array<std::int64_t, 3> slotUses{};  // context, mechanism, outcome
    std::set<std::int64_t> cmocs;
    std::set<WebChange> changes;
  };
  using EdgeKey = std::tuple<std::int64_t, std::int64_t, WebChange>;
  WebEdge& edge(std::map<EdgeKey, WebEdge>& edges, std::int64_t from, std::int64_t to,
                WebChange change);

  std::map<std::int64_t, NodeTally> nodes_;
  std::map<EdgeKey, WebEdge> paths_, chains_;
};

}  // namespace cmoc
