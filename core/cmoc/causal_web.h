#pragma once
// The causal web: the codes CMOCs use as nodes, each CMOC a path context -> mechanism -> outcome,
// and chain links from one CMOC's outcome to another's context; as Graphviz DOT, and rendered
// to SVG or PNG by the Graphviz library.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cmoc/cmocs.h"

namespace cmoc {

class Project;

struct WebNode {
  std::int64_t codeId = 0;
  std::string name, path;
  std::string color;     // the code's colour, or empty
  CodeKind kind = CodeKind::Other;
  // How the node is drawn: its kind, or for codes of kind `other` the slot it fills most often
  // (ties go to the earlier slot), so a chain's "reduced trust" still looks like an outcome.
  Slot role = Slot::Context;
  std::int64_t cmocs = 0;  // CMOCs using the code, in any slot
};

// One arrow between two codes. Parallel CMOC paths merge into one edge that lists them.
struct WebEdge {
  std::int64_t from = 0, to = 0;  // code ids
  bool chain = false;             // a chain link (outcome -> context) rather than a CMOC path
  std::vector<std::int64_t> cmocs;         // CMOC paths: their ids, ascending
  std::vector<CmocStatus> statuses;        //   and statuses, in the same order
  std::vector<std::pair<std::int64_t, std::int64_t>> links;  // chain links: (from, to) CMOCs
};

struct CausalWeb {
  std::vector<WebNode> nodes;  // by role, then name
  std::vector<WebEdge> edges;  // CMOC paths by (from, to), then chain links
  std::size_t cmocCount = 0;
};

// The CMOCs the filter keeps (mechanism, status, ...), and the chain links between two kept
// CMOCs. A link between CMOCs whose outcome and context are the same code draws no arrow: the
// shared node already shows the chain.
CausalWeb buildCausalWeb(Project& project, const CmocFilter& filter = {});

// Graphviz DOT, left to right; contexts are rounded boxes, mechanisms ellipses, outcomes
// hexagons, filled with the code's colour (or a default per role); labels are UTF-8.
std::string toDot(const CausalWeb& web);

enum class WebImage { Svg, Png };
// Lays out and renders DOT through libgvc. Throws Error when Graphviz refuses the graph or
// cannot produce the format.
std::string renderDot(std::string_view dot, WebImage format);

}  // namespace cmoc
