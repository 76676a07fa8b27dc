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

// How a code or an arrow changed between two programme-theory versions (theory_web.h). Every
// code and arrow of a plain web is Same.
enum class WebChange { Same, Added, Removed, Changed };
std::string_view toString(WebChange change);  // "unchanged", "added", "removed", "changed"

struct WebNode {
  std::int64_t codeId = 0;
  std::string name, path;
  std::string color;     // the code's colour, or empty
  CodeKind kind = CodeKind::Other;
  // How the node is drawn: its kind, or for codes of kind `other` the slot it fills most often
  // (ties go to the earlier slot), so a chain's "reduced trust" still looks like an outcome.
  Slot role = Slot::Context;
  std::int64_t cmocs = 0;  // CMOCs using the code, in any slot
  // In a theory web: Added when only added CMOCs use the code, Removed when only removed ones do.
  WebChange change = WebChange::Same;
};

// One arrow between two codes. Parallel CMOC paths merge into one edge that lists them.
struct WebEdge {
  std::int64_t from = 0, to = 0;  // code ids
  bool chain = false;             // a chain link (outcome -> context) rather than a CMOC path
  std::vector<std::int64_t> cmocs;         // CMOC paths: their ids, ascending
  std::vector<CmocStatus> statuses;        //   and statuses, in the same order
  std::vector<std::pair<std::int64_t, std::int64_t>> links;  // chain links: (from, to) CMOCs
  // In a theory web, parallel paths merge only when they changed alike: an added CMOC beside an
  // unchanged one is two arrows, one of each look.
  WebChange change = WebChange::Same;
};

struct CausalWeb {
  std::vector<WebNode> nodes;  // by role, then name
  std::vector<WebEdge> edges;  // CMOC paths by (from, to), then chain links
  std::size_t cmocCount = 0;
  // A theory web's two versions as its legend names them ("'Initial' (2026-01-05)", "the
  // current CMOCs"); both empty for a plain web.
  std::string fromVersion, toVersion;
};

// The CMOCs the filter keeps (mechanism, status, ...), and the chain links between two kept
// CMOCs. A link between CMOCs whose outcome and context are the same code draws no arrow: the
// shared node already shows the chain.
CausalWeb buildCausalWeb(Project& project, const CmocFilter& filter = {});

// Parallel CMOC paths split by status, so that each arrow has one (for WebColouring::Status).
CausalWeb splitByStatus(CausalWeb web);

// What the colours of a plain web say. Code: codes filled with their own colour, an arrow in its
// CMOCs' status colour when they share one (the web's usual look). Status: codes in their role's
// plain fill, and every arrow in its status's colour and line style, with a legend; give it a
// web split by status, or a mixed arrow stays grey.
enum class WebColouring { Code, Status };
WebColouring parseWebColouring(std::string_view s);  // "code", "status"; throws UsageError

// Graphviz DOT, left to right; contexts are rounded boxes, mechanisms ellipses, outcomes
// hexagons, filled with the code's colour (or a default per role); labels are UTF-8. A theory
// web (fromVersion set) marks each arrow's change by colour and line style, with a legend, and
// ignores `colouring`.
std::string toDot(const CausalWeb& web, WebColouring colouring = WebColouring::Code);

enum class WebImage { Svg, Png };
// Lays out and renders DOT through libgvc. Throws Error when Graphviz refuses the graph or
// cannot produce the format.
std::string renderDot(std::string_view dot, WebImage format);

}  // namespace cmoc
