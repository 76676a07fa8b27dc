// DOT laid out and rendered by libgvc in-process (no `dot` executable needed, and errors come
// back as exceptions rather than exit codes). The DOT text itself is causal_web_dot.cpp.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <mutex>

#include "cmoc/causal_web.h"
#include "cmoc/error.h"

namespace cmoc {

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
