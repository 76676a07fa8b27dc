// The causal web as Graphviz DOT, and DOT laid out and rendered by libgvc in-process (no
// `dot` executable needed, and errors come back as exceptions rather than exit codes).
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>

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

std::string nodeId(std::int64_t codeId) { return "code" + std::to_string(codeId); }

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

const char* statusColour(CmocStatus s) {
  switch (s) {
    case CmocStatus::Affirms: return "#2E7D32";
    case CmocStatus::Refines: return "#1565C0";
    case CmocStatus::Refutes: return "#C62828";
    case CmocStatus::Novel: return "#6A1B9A";
  }
  return "#555555";
}

std::string idList(const std::vector<std::int64_t>& ids, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < ids.size() && i < max; ++i)
    out += (i ? ", #" : "#") + std::to_string(ids[i]);
  return ids.size() > max ? out + ", …" : out;
}

void writeEdge(std::string& out, const WebEdge& e) {
  out += "  " + nodeId(e.from) + " -> " + nodeId(e.to) + " [";
  if (e.chain) {
    std::string label, tip;
    for (const auto& [a, b] : e.links) {
      label += (label.empty() ? "chain " : ", ") + std::to_string(a) + "→" + std::to_string(b);
      tip += (tip.empty() ? "" : "; ") + ("CMOC " + std::to_string(a) + " feeds CMOC " +
                                           std::to_string(b));
    }
    out += "label=" + quote(label) + ", tooltip=" + quote(tip) +
           ", style=dashed, color=\"#555555\", constraint=false";
  } else {
    const std::size_t n = e.cmocs.size();
    const bool oneStatus = std::all_of(e.statuses.begin(), e.statuses.end(),
                                       [&](CmocStatus s) { return s == e.statuses.front(); });
    const std::string label =
        n == 1 ? "#" + std::to_string(e.cmocs[0]) + " " + std::string(toString(e.statuses[0]))
               : std::to_string(n) + " CMOCs: " + idList(e.cmocs, 4);
    char width[16];
    std::snprintf(width, sizeof width, "%.1f", std::min(1.0 + std::log2(static_cast<double>(n)), 5.0));
    out += "label=" + quote(label) + ", tooltip=" + quote((n == 1 ? "CMOC " : "CMOCs ") + idList(e.cmocs, n)) +
           ", color=" + quote(oneStatus ? statusColour(e.statuses[0]) : "#555555") +
           ", penwidth=" + width;
  }
  out += "];\n";
}

}  // namespace

std::string toDot(const CausalWeb& web) {
  std::string out =
      "digraph causal_web {\n"
      "  graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.35, ranksep=0.9, "
      "charset=\"UTF-8\"];\n"
      "  node [fontname=\"Helvetica\", fontsize=11, margin=\"0.15,0.06\"];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n";
  for (const WebNode& n : web.nodes) {
    const RoleStyle s = styleOf(n.role);
    const std::string fill = n.color.empty() ? s.fill : n.color;
    out += "  " + nodeId(n.codeId) + " [label=" + quote(n.name) + ", shape=" + s.shape +
           ", style=" + quote(s.style) + ", fillcolor=" + quote(fill) +
           ", fontcolor=" + quote(textColourOn(fill)) + ", tooltip=" +
           quote(std::string(toString(n.kind)) + ": " + n.path + " (" + std::to_string(n.cmocs) +
                 (n.cmocs == 1 ? " CMOC)" : " CMOCs)")) +
           "];\n";
  }
  for (const WebEdge& e : web.edges) writeEdge(out, e);
  return out + "}\n";
}

namespace {

// Graphviz reports problems through one process-wide callback and keeps global state, so
// renders take turns and each collects its own messages.
std::mutex graphvizMutex;
std::string* graphvizMessages = nullptr;

int collectMessage(char* message) {
  if (graphvizMessages && message) *graphvizMessages += message;
  return 0;
}

class MessageCapture {
 public:
  explicit MessageCapture(std::string& into) : previous_(agseterrf(collectMessage)) {
    graphvizMessages = &into;
  }
  ~MessageCapture() {
    agseterrf(previous_);
    graphvizMessages = nullptr;
  }
  MessageCapture(const MessageCapture&) = delete;
  MessageCapture& operator=(const MessageCapture&) = delete;

 private:
  agusererrf previous_;
};

std::string firstLine(std::string s) {
  if (auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
  return s.empty() ? "no reason given" : s;
}

}  // namespace

std::string renderDot(std::string_view dot, WebImage format) {
  const char* name = format == WebImage::Svg ? "svg" : "png";
  std::lock_guard<std::mutex> lock(graphvizMutex);
  std::string messages;
  MessageCapture capture(messages);
  // One Graphviz context for the whole process, never freed: Graphviz's text layout plugin
  // caches the last font it measured across contexts, so freeing a context and making another
  // left that cache pointing at freed memory (AddressSanitizer caught it). Guarded by the mutex.
  static GVC_t* const context = gvContext();
  if (!context) throw Error("Graphviz could not start");
  const std::string text(dot);  // agmemread needs a terminated string
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> graph(agmemread(text.c_str()), agclose);
  if (!graph) throw Error("Graphviz cannot read the graph: " + firstLine(messages));
  if (gvLayout(context, graph.get(), "dot") != 0)
    throw Error("Graphviz cannot lay out the graph: " + firstLine(messages));
  struct LayoutRelease {
    GVC_t* gvc;
    Agraph_t* graph;
    ~LayoutRelease() { gvFreeLayout(gvc, graph); }
  } layout{context, graph.get()};
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(context, graph.get(), name, &data, &length);
  std::unique_ptr<char, void (*)(char*)> bytes(data, gvFreeRenderData);
  if (rc != 0 || !data)
    throw Error(std::string("Graphviz cannot render ") + name + ": " + firstLine(messages));
  return std::string(data, length);
}

}  // namespace cmoc
