// The causal web as Graphviz DOT: codes styled by role, CMOC paths and chain links, and in the
// two new looks (colour by status, a theory web's changes) a legend saying what the colours and
// line styles mean. Line styles carry the meaning as well as colours, for colour-blind readers.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "cmoc/causal_web.h"
#include "cmoc/error.h"

namespace cmoc {

namespace {

// A DOT double-quoted string. Backslashes are doubled because Graphviz reads \n, \l, \N ...
// in labels as escapes; other control characters cannot appear in a label.
std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Codes a theory web keeps but the codebook no longer has get negative ids (theory_web.cpp).
std::string nodeId(std::int64_t codeId) {
  return codeId < 0 ? "gone" + std::to_string(-codeId) : "code" + std::to_string(codeId);
}

struct RoleStyle {
  const char* shape;
  const char* style;
  const char* fill;  // when the code has no colour of its own
};

RoleStyle styleOf(Slot role) {
  switch (role) {
    case Slot::Context: return {"box", "rounded,filled", "#DCEBF7"};
    case Slot::Mechanism: return {"ellipse", "filled", "#FCE4D6"};
    case Slot::Outcome: return {"hexagon", "filled", "#E2F0D9"};
  }
  return {"box", "filled", "#FFFFFF"};
}

// Dark fills (a code's own colour may be anything) need light text to stay readable.
const char* textColourOn(const std::string& fill) {
  unsigned r = 0, g = 0, b = 0;
  if (std::sscanf(fill.c_str(), "#%02x%02x%02x", &r, &g, &b) != 3) return "#000000";
  return 0.299 * r + 0.587 * g + 0.114 * b < 140 ? "#FFFFFF" : "#000000";
}

constexpr const char* kMixed = "#555555";

const char* statusColour(CmocStatus s) {
  switch (s) {
    case CmocStatus::Affirms: return "#2E7D32";
    case CmocStatus::Refines: return "#1565C0";
    case CmocStatus::Refutes: return "#C62828";
    case CmocStatus::Novel: return "#6A1B9A";
  }
  return kMixed;
}

const char* statusLine(CmocStatus s) {
  switch (s) {
    case CmocStatus::Affirms: return "solid";
    case CmocStatus::Refines: return "dashed";
    case CmocStatus::Refutes: return "bold";
    case CmocStatus::Novel: return "dotted";
  }
  return "solid";
}

// A theory web's look per change: Okabe-Ito colours, each with its own line.
struct ChangeLook {
  const char* colour;
  const char* line;
  double minWidth;
};

ChangeLook lookOf(WebChange c) {
  switch (c) {
    case WebChange::Same: return {"#999999", "solid", 1.0};
    case WebChange::Added: return {"#009E73", "solid", 2.5};
    case WebChange::Removed: return {"#D55E00", "dashed", 2.0};
    case WebChange::Changed: return {"#E69F00", "bold", 3.0};
  }
  return {"#999999", "solid", 1.0};
}

std::string width(double w) {
  char out[16];
  std::snprintf(out, sizeof out, "%.1f", w);
  return out;
}

std::string idList(const std::vector<std::int64_t>& ids, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < ids.size() && i < max; ++i)
    out += (i ? ", #" : "#") + std::to_string(ids[i]);
  return ids.size() > max ? out + ", …" : out;
}

struct DotStyle {
  bool theory = false;  // a theory web: arrows by change
  WebColouring colouring = WebColouring::Code;
};

std::string changeNote(WebChange c) {
  return c == WebChange::Same ? "" : " (" + std::string(toString(c)) + ")";
}

void writeChain(std::string& out, const WebEdge& e, const DotStyle& d) {
  std::string label, tip;
  for (const auto& [a, b] : e.links) {
    label += (label.empty() ? "chain " : ", ") + std::to_string(a) + "→" + std::to_string(b);
    tip += (tip.empty() ? "" : "; ") + ("CMOC " + std::to_string(a) + " feeds CMOC " +
                                         std::to_string(b));
  }
  out += "label=" + quote(label + changeNote(e.change)) + ", tooltip=" + quote(tip + changeNote(e.change));
  if (d.theory) {
    const ChangeLook look = lookOf(e.change);
    out += ", style=" + std::string(look.line) + ", color=" + quote(look.colour) +
           ", penwidth=" + width(look.minWidth) + ", arrowhead=onormal";
  } else {
    out += ", style=dashed, color=\"#555555\"";
    if (d.colouring == WebColouring::Status) out += ", arrowhead=onormal";
  }
  out += ", constraint=false";
}

void writePath(std::string& out, const WebEdge& e, const DotStyle& d) {
  const std::size_t n = e.cmocs.size();
  const bool oneStatus = std::all_of(e.statuses.begin(), e.statuses.end(),
                                     [&](CmocStatus s) { return s == e.statuses.front(); });
  const std::string what = d.theory && e.change != WebChange::Same
                               ? std::string(toString(e.change))
                               : std::string(toString(e.statuses[0]));
  const std::string label = n == 1 ? "#" + std::to_string(e.cmocs[0]) + " " + what
                                   : std::to_string(n) + " CMOCs: " + idList(e.cmocs, 4) +
                                         (d.theory ? changeNote(e.change) : "");
  const double w = std::min(1.0 + std::log2(static_cast<double>(n)), 5.0);
  out += "label=" + quote(label) + ", tooltip=" +
         quote((n == 1 ? "CMOC " : "CMOCs ") + idList(e.cmocs, n) +
               (d.theory ? changeNote(e.change) : ""));
  if (d.theory) {
    const ChangeLook look = lookOf(e.change);
    out += ", style=" + std::string(look.line) + ", color=" + quote(look.colour) +
           ", penwidth=" + width(std::max(w, look.minWidth));
    return;
  }
  out += ", color=" + quote(oneStatus ? statusColour(e.statuses[0]) : kMixed);
  if (d.colouring == WebColouring::Status)
    out += ", style=" + std::string(oneStatus ? statusLine(e.statuses[0]) : "solid");
  out += ", penwidth=" + width(w);
}

void writeEdge(std::string& out, const WebEdge& e, const DotStyle& d) {
  out += "  " + nodeId(e.from) + " -> " + nodeId(e.to) + " [";
  if (e.chain) writeChain(out, e, d);
  else writePath(out, e, d);
  out += "];\n";
}

void writeNode(std::string& out, const WebNode& n, const DotStyle& d) {
  const RoleStyle s = styleOf(n.role);
  const bool ownColour = !n.color.empty() && d.colouring == WebColouring::Code;
  const std::string fill = ownColour ? n.color : s.fill;
  std::string style = s.style;
  std::string outline, note;
  if (d.theory && n.change == WebChange::Removed) {
    style += ",dashed";
    outline = ", color=" + quote(lookOf(WebChange::Removed).colour) + ", penwidth=2.0";
    note = "; only removed CMOCs use it";
  } else if (d.theory && n.change == WebChange::Added) {
    outline = ", color=" + quote(lookOf(WebChange::Added).colour) + ", penwidth=2.0";
    note = "; only added CMOCs use it";
  }
  out += "  " + nodeId(n.codeId) + " [label=" + quote(n.name) + ", shape=" + s.shape +
         ", style=" + quote(style) + ", fillcolor=" + quote(fill) +
         ", fontcolor=" + quote(textColourOn(fill)) + outline + ", tooltip=" +
         quote(std::string(toString(n.kind)) + ": " + n.path + " (" + std::to_string(n.cmocs) +
               (n.cmocs == 1 ? " CMOC)" : " CMOCs)") + note) +
         "];\n";
}

// One legend row: a short arrow between two points, labelled with what its look means.
void legendArrow(std::string& out, int row, const std::string& label, const std::string& attrs) {
  const std::string a = "legend" + std::to_string(row) + "a", b = "legend" + std::to_string(row) + "b";
  out += "    " + a + "; " + b + ";\n    " + a + " -> " + b + " [label=" + quote(label) + ", " +
         attrs + "];\n";
}

void writeLegend(std::string& out, const CausalWeb& web, const DotStyle& d) {
  const std::string title =
      d.theory ? "Changes from " + web.fromVersion + " to " + web.toVersion : "CMOC status";
  out += "  subgraph cluster_legend {\n    label=" + quote(title) +
         "; fontname=\"Helvetica\"; fontsize=10; style=\"rounded\"; color=\"#BBBBBB\";\n"
         "    node [shape=point, width=0.06, label=\"\", color=\"#555555\"];\n";
  int row = 0;
  if (d.theory) {
    for (WebChange c : {WebChange::Added, WebChange::Removed, WebChange::Changed, WebChange::Same}) {
      const ChangeLook look = lookOf(c);
      const std::string what = c == WebChange::Added     ? "added (only in " + web.toVersion + ")"
                               : c == WebChange::Removed ? "removed (only in " + web.fromVersion + ")"
                               : c == WebChange::Changed ? "changed (status, prior, codes or support)"
                                                         : "unchanged";
      legendArrow(out, ++row, what,
                  "style=" + std::string(look.line) + ", color=" + quote(look.colour) +
                      ", penwidth=" + width(look.minWidth));
    }
    legendArrow(out, ++row, "chain link (open arrowhead)",
                "color=\"#999999\", arrowhead=onormal");
    out += "    legend_removed [shape=box, style=\"rounded,dashed\", color=" +
           quote(lookOf(WebChange::Removed).colour) +
           ", penwidth=2.0, fontname=\"Helvetica\", fontsize=9, label=\"code only removed "
           "CMOCs use\"];\n"
           "    legend_added [shape=box, style=\"rounded\", color=" +
           quote(lookOf(WebChange::Added).colour) +
           ", penwidth=2.0, fontname=\"Helvetica\", fontsize=9, label=\"code only added CMOCs "
           "use\"];\n";
  } else {
    for (CmocStatus s :
         {CmocStatus::Affirms, CmocStatus::Refines, CmocStatus::Refutes, CmocStatus::Novel})
      legendArrow(out, ++row, std::string(toString(s)) + " (" + statusLine(s) + ")",
                  "style=" + std::string(statusLine(s)) + ", color=" + quote(statusColour(s)));
    legendArrow(out, ++row, "chain link (grey, dashed, open arrowhead)",
                "style=dashed, color=\"#555555\", arrowhead=onormal");
  }
  out += "  }\n";
}

}  // namespace

std::string_view toString(WebChange change) {
  switch (change) {
    case WebChange::Same: return "unchanged";
    case WebChange::Added: return "added";
    case WebChange::Removed: return "removed";
    case WebChange::Changed: return "changed";
  }
  return "unchanged";
}

WebColouring parseWebColouring(std::string_view s) {
  if (s == "code") return WebColouring::Code;
  if (s == "status") return WebColouring::Status;
  throw UsageError("unknown --colour-by '" + std::string(s) + "' (code or status)");
}

std::string toDot(const CausalWeb& web, WebColouring colouring) {
  const DotStyle d{!web.fromVersion.empty(), colouring};
  std::string out =
      "digraph causal_web {\n"
      "  graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.35, ranksep=0.9, "
      "charset=\"UTF-8\"];\n"
      "  node [fontname=\"Helvetica\", fontsize=11, margin=\"0.15,0.06\"];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n";
  for (const WebNode& n : web.nodes) writeNode(out, n, d);
  for (const WebEdge& e : web.edges) writeEdge(out, e, d);
  if (d.theory || colouring == WebColouring::Status) writeLegend(out, web, d);
  return out + "}\n";
}

}  // namespace cmoc
