#pragma once
// The causal web tab: core builds the web and Graphviz renders it; this keeps the PNG for the
// view, reads each node's box from the SVG rendering of the same layout so a click on the image
// finds its code, and lists the CMOCs through a node.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cmoc/causal_web.h"

namespace cmoc {
class Project;
}

namespace cmoc::gui {

struct NodeBox {
  std::int64_t codeId = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // fractions of the image's width and height
};

struct WebCmocLine {
  std::int64_t id = 0;
  std::string sentence, status, coder;
};

class CausalWebPresenter {
 public:
  // Builds, lays out and renders; throws cmoc::Error when Graphviz fails.
  void reload(Project& project, const CmocFilter& filter = {});
  const CausalWeb& web() const { return web_; }
  const std::string& dot() const { return dot_; }
  const std::string& png() const { return png_; }
  const std::string& svg() const { return svg_; }
  const std::vector<NodeBox>& boxes() const { return boxes_; }
  // "6 CMOCs, 14 codes, 2 chain links"; "No CMOCs yet ..." when empty.
  std::string summary() const;
  // The node under a point given as fractions of the image size.
  std::optional<std::int64_t> nodeAt(double fx, double fy) const;
  // CMOCs through a code (in any slot), with their sentences.
  std::vector<WebCmocLine> cmocsOf(Project& project, std::int64_t codeId) const;

  // Node boxes from Graphviz SVG (exposed for tests).
  static std::vector<NodeBox> parseNodeBoxes(const std::string& svg);

 private:
  CausalWeb web_;
  CmocFilter filter_;
  std::string dot_, png_, svg_;
  std::vector<NodeBox> boxes_;
};

}  // namespace cmoc::gui
