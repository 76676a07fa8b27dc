#include "model/causal_web_presenter.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <sstream>

#include "cmoc/cmoc_text.h"
#include "cmoc/codebook.h"
#include "cmoc/project.h"

namespace cmoc::gui {

namespace {

std::vector<double> numbers(const char* s) {
  std::vector<double> out;
  while (*s) {
    char* end = nullptr;
    if ((*s >= '0' && *s <= '9') || *s == '-' || *s == '.') {
      const double v = std::strtod(s, &end);
      if (end != s) {
        out.push_back(v);
        s = end;
        continue;
      }
    }
    ++s;
  }
  return out;
}

struct Box {
  double x0 = std::numeric_limits<double>::max(), y0 = x0, x1 = -x0, y1 = -x0;
  void add(double x, double y) {
    x0 = std::min(x0, x);
    y0 = std::min(y0, y);
    x1 = std::max(x1, x);
    y1 = std::max(y1, y);
  }
  bool ok() const { return x1 >= x0 && y1 >= y0; }
};

void addShape(const pugi::xml_node& n, Box& b) {
  const std::string name = n.name();
  if (name == "polygon" || name == "polyline") {
    const auto v = numbers(n.attribute("points").as_string());
    for (std::size_t i = 0; i + 1 < v.size(); i += 2) b.add(v[i], v[i + 1]);
  } else if (name == "path") {
    const auto v = numbers(n.attribute("d").as_string());
    for (std::size_t i = 0; i + 1 < v.size(); i += 2) b.add(v[i], v[i + 1]);
  } else if (name == "ellipse") {
    const double cx = n.attribute("cx").as_double(), cy = n.attribute("cy").as_double();
    const double rx = n.attribute("rx").as_double(), ry = n.attribute("ry").as_double();
    b.add(cx - rx, cy - ry);
    b.add(cx + rx, cy + ry);
  }
  for (const pugi::xml_node& c : n.children()) addShape(c, b);
}

}  // namespace

std::vector<NodeBox> CausalWebPresenter::parseNodeBoxes(const std::string& svg) {
  std::vector<NodeBox> out;
  pugi::xml_document doc;
  if (!doc.load_buffer(svg.data(), svg.size(), pugi::parse_default)) return out;
  const pugi::xml_node root = doc.child("svg");
  const auto view = numbers(root.attribute("viewBox").as_string());
  if (view.size() != 4 || view[2] <= 0 || view[3] <= 0) return out;
  const pugi::xml_node graph = root.find_child_by_attribute("g", "class", "graph");
  // Graphviz puts the drawing in a group translated by (tx, ty) within the view box.
  double tx = 0, ty = 0;
  const std::string transform = graph.attribute("transform").as_string();
  if (const auto t = transform.find("translate("); t != std::string::npos) {
    const auto v = numbers(transform.c_str() + t + 10);
    if (v.size() >= 2) tx = v[0], ty = v[1];
  }
  for (const pugi::xml_node& g : graph.children("g")) {
    if (std::string(g.attribute("class").as_string()) != "node") continue;
    const std::string title = g.child_value("title");
    if (title.rfind("code", 0) != 0) continue;
    Box b;
    for (const pugi::xml_node& c : g.children())
      if (std::string(c.name()) != "title" && std::string(c.name()) != "text") addShape(c, b);
    if (!b.ok()) continue;
    NodeBox nb;
    nb.codeId = std::atoll(title.c_str() + 4);
    nb.x0 = (b.x0 + tx - view[0]) / view[2];
    nb.x1 = (b.x1 + tx - view[0]) / view[2];
    nb.y0 = (b.y0 + ty - view[1]) / view[3];
    nb.y1 = (b.y1 + ty - view[1]) / view[3];
    out.push_back(nb);
  }
  return out;
}

void CausalWebPresenter::reload(Project& project, const CmocFilter& filter) {
  filter_ = filter;
  web_ = buildCausalWeb(project, filter);
  dot_ = toDot(web_);
  boxes_.clear();
  png_.clear();
  svg_.clear();
  if (web_.nodes.empty()) return;
  svg_ = renderDot(dot_, WebImage::Svg);
  png_ = renderDot(dot_, WebImage::Png);
  boxes_ = parseNodeBoxes(svg_);
}

std::string CausalWebPresenter::summary() const {
  if (web_.cmocCount == 0) return "No CMOCs yet: build one in the CMOC builder on the right.";
  std::size_t chains = 0;
  for (const WebEdge& e : web_.edges) chains += e.links.size();
  return std::to_string(web_.cmocCount) + (web_.cmocCount == 1 ? " CMOC, " : " CMOCs, ") +
         std::to_string(web_.nodes.size()) + " codes, " + std::to_string(chains) +
         (chains == 1 ? " chain link" : " chain links") + ". Click a node to list its CMOCs.";
}

std::optional<std::int64_t> CausalWebPresenter::nodeAt(double fx, double fy) const {
  for (const NodeBox& b : boxes_)
    if (fx >= b.x0 && fx <= b.x1 && fy >= b.y0 && fy <= b.y1) return b.codeId;
  return std::nullopt;
}

std::vector<WebCmocLine> CausalWebPresenter::cmocsOf(Project& project, std::int64_t codeId) const {
  CmocFilter f = filter_;
  f.codes = {Codebook(project).get(codeId).path};
  std::vector<WebCmocLine> out;
  for (const Cmoc& c : Cmocs(project).list(f))
    out.push_back({c.id, cmocSentence(c), std::string(toString(c.status)), c.coder});
  return out;
}

}  // namespace cmoc::gui
