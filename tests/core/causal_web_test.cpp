// The causal web (cmoc/causal_web.h): nodes and edges from CMOCs and chains, filters, DOT text
// and rendering through the Graphviz library.
#include <gtest/gtest.h>

#include <map>

#include "cmoc/causal_web.h"
#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "test_support.h"

using namespace cmoc;

namespace {

// A name with a quote and a backslash; referred to by its path, where '\\' is escaped.
const std::string kQuick = "\"Quick\" wins \\ early";
const std::string kQuickRef = "\"Quick\" wins \\\\ early";

struct Web {
  test::TempDir dir;
  Project project = Project::create(dir / "w.cmoc");
  Cmocs cmocs{project};
  std::int64_t a = 0, b = 0, c = 0;

  // a: slow pace -> conflict -> reduced trust (affirms)
  // b: low trust -> conflict -> reduced trust (refutes), fed by a
  // c: "quick" wins -> faith -> collaborative behaviour (novel)
  Web() {
    project.setCoder("ana");
    Codebook book(project);
    book.add({.name = "Slow pace", .kind = CodeKind::Context, .color = "#1F3A93"});
    book.add({.name = "Low trust", .kind = CodeKind::Context});
    book.add({.name = kQuick, .kind = CodeKind::Other});
    book.add({.name = "Conflict", .kind = CodeKind::Mechanism});
    book.add({.name = "Faith", .kind = CodeKind::Mechanism});
    book.add({.name = "Reduced trust", .kind = CodeKind::Outcome});
    book.add({.name = "Collaborative behaviour", .kind = CodeKind::Outcome});
    a = cmocs.add({.context = "Slow pace", .mechanism = "Conflict", .outcome = "Reduced trust",
                   .status = CmocStatus::Affirms}).id;
    b = cmocs.add({.context = "Low trust", .mechanism = "Conflict", .outcome = "Reduced trust",
                   .status = CmocStatus::Refutes}).id;
    c = cmocs.add({.context = kQuickRef, .mechanism = "Faith",
                   .outcome = "Collaborative behaviour"}).id;
    cmocs.link(a, b);
  }

  std::int64_t code(const std::string& name) { return Codebook(project).find(name).id; }
  std::string node(const std::string& name) { return "code" + std::to_string(code(name)); }
};

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST(CausalWeb, NodesAreTheCodesInSlotsStyledByRole) {
  Web w;
  const CausalWeb web = buildCausalWeb(w.project);
  EXPECT_EQ(web.cmocCount, 3u);
  ASSERT_EQ(web.nodes.size(), 7u);
  std::map<std::string, Slot> roles;
  for (const WebNode& n : web.nodes) roles[n.name] = n.role;
  EXPECT_EQ(roles["Slow pace"], Slot::Context);
  EXPECT_EQ(roles[kQuick], Slot::Context);  // kind other, used as a context
  EXPECT_EQ(roles["Conflict"], Slot::Mechanism);
  EXPECT_EQ(roles["Collaborative behaviour"], Slot::Outcome);
  EXPECT_EQ(web.nodes.front().role, Slot::Context);
  EXPECT_EQ(web.nodes.back().role, Slot::Outcome);
}

TEST(CausalWeb, ParallelCmocPathsMergeAndChainsBecomeDashedEdges) {
  Web w;
  const CausalWeb web = buildCausalWeb(w.project);
  const WebEdge* merged = nullptr;
  const WebEdge* chain = nullptr;
  for (const WebEdge& e : web.edges) {
    if (e.from == w.code("Conflict") && e.to == w.code("Reduced trust")) merged = &e;
    if (e.chain) chain = &e;
  }
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->cmocs, (std::vector<std::int64_t>{w.a, w.b}));
  EXPECT_EQ(merged->statuses, (std::vector<CmocStatus>{CmocStatus::Affirms, CmocStatus::Refutes}));
  ASSERT_NE(chain, nullptr);
  EXPECT_EQ(chain->from, w.code("Reduced trust"));
  EXPECT_EQ(chain->to, w.code("Low trust"));
  EXPECT_EQ(chain->links, (std::vector<std::pair<std::int64_t, std::int64_t>>{{w.a, w.b}}));
  EXPECT_EQ(web.edges.size(), 6u);  // 3 C->M, 2 M->O (one merged), 1 chain
}

TEST(CausalWeb, DotHasTheNodesEdgesAndEscapedLabels) {
  Web w;
  const std::string dot = toDot(buildCausalWeb(w.project));
  EXPECT_EQ(dot.rfind("digraph causal_web {", 0), 0u);
  EXPECT_TRUE(contains(dot, w.node("Slow pace") + " [label=\"Slow pace\", shape=box, style=\"rounded,filled\", "
                            "fillcolor=\"#1F3A93\", fontcolor=\"#FFFFFF\""));
  EXPECT_TRUE(contains(dot, w.node("Conflict") + " [label=\"Conflict\", shape=ellipse"));
  EXPECT_TRUE(contains(dot, w.node("Reduced trust") + " [label=\"Reduced trust\", shape=hexagon"));
  EXPECT_TRUE(contains(dot, "[label=\"\\\"Quick\\\" wins \\\\ early\""));
  EXPECT_TRUE(contains(dot, w.node("Slow pace") + " -> " + w.node("Conflict") + " [label=\"#" +
                                std::to_string(w.a) + " affirms\""));
  EXPECT_TRUE(contains(dot, w.node("Conflict") + " -> " + w.node("Reduced trust") +
                                " [label=\"2 CMOCs: #" + std::to_string(w.a) + ", #" +
                                std::to_string(w.b) + "\""));
  EXPECT_TRUE(contains(dot, w.node("Reduced trust") + " -> " + w.node("Low trust") +
                                " [label=\"chain " + std::to_string(w.a) + "→" + std::to_string(w.b) +
                                "\""));
  EXPECT_TRUE(contains(dot, "style=dashed"));
}

TEST(CausalWeb, FiltersByMechanismAndStatus) {
  Web w;
  CausalWeb web = buildCausalWeb(w.project, {.mechanisms = {"Faith"}});
  EXPECT_EQ(web.cmocCount, 1u);
  EXPECT_EQ(web.nodes.size(), 3u);
  EXPECT_EQ(web.edges.size(), 2u);
  const std::string dot = toDot(web);
  EXPECT_FALSE(contains(dot, "\"Conflict\""));
  EXPECT_TRUE(contains(dot, "\"Faith\""));

  web = buildCausalWeb(w.project, {.status = CmocStatus::Refutes});
  EXPECT_EQ(web.cmocCount, 1u);
  for (const WebEdge& e : web.edges) EXPECT_FALSE(e.chain);  // its chain partner is filtered out
  web = buildCausalWeb(w.project, {.mechanisms = {"Conflict"}, .status = CmocStatus::Affirms});
  EXPECT_EQ(web.cmocCount, 1u);
  EXPECT_EQ(web.nodes.size(), 3u);
}

TEST(CausalWeb, RendersSvgAndPngThroughGraphviz) {
  Web w;
  const std::string dot = toDot(buildCausalWeb(w.project));
  const std::string svg = renderDot(dot, WebImage::Svg);
  EXPECT_TRUE(svg.rfind("<?xml", 0) == 0 || svg.rfind("<svg", 0) == 0);
  EXPECT_TRUE(contains(svg, "Conflict"));
  EXPECT_TRUE(contains(svg, "&quot;Quick&quot; wins \\ early"));
  const std::string png = renderDot(dot, WebImage::Png);
  ASSERT_GT(png.size(), 8u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST(CausalWeb, UnicodeLabelsSurviveRendering) {
  Web w;
  Codebook(w.project).add({.name = "Économies d'échelle", .kind = CodeKind::Outcome});
  w.cmocs.add({.context = "Slow pace", .mechanism = "Faith", .outcome = "Économies d'échelle"});
  const std::string dot = toDot(buildCausalWeb(w.project));
  EXPECT_TRUE(contains(dot, "label=\"Économies d'échelle\""));
  EXPECT_TRUE(contains(renderDot(dot, WebImage::Svg), "Économies"));
}

TEST(CausalWeb, AnEmptyWebStillRenders) {
  test::TempDir dir;
  Project project = Project::create(dir / "e.cmoc");
  const std::string dot = toDot(buildCausalWeb(project));
  EXPECT_EQ(renderDot(dot, WebImage::Svg).rfind("<?xml", 0), 0u);
}

TEST(CausalWeb, MalformedDotIsAnError) {
  EXPECT_THROW(renderDot("digraph { a -> ", WebImage::Svg), Error);
}

TEST(CausalWeb, ColouredByStatusEachArrowHasOneStatusAndALegend) {
  Web w;
  const CausalWeb merged = buildCausalWeb(w.project);
  const CausalWeb web = splitByStatus(merged);
  EXPECT_EQ(web.edges.size(), merged.edges.size() + 1);  // conflict -> reduced trust: a and b
  for (const WebEdge& e : web.edges) {
    if (!e.chain) {
      EXPECT_EQ(e.statuses.size(), 1u);
    }
  }
  const std::string dot = toDot(web, WebColouring::Status);
  const std::string conflictToReduced = w.node("Conflict") + " -> " + w.node("Reduced trust");
  EXPECT_TRUE(contains(dot, conflictToReduced + " [label=\"#" + std::to_string(w.a) +
                                " affirms\", tooltip=\"CMOC #" + std::to_string(w.a) +
                                "\", color=\"#2E7D32\", style=solid, penwidth=1.0];"))
      << dot;
  EXPECT_TRUE(contains(dot, conflictToReduced + " [label=\"#" + std::to_string(w.b) +
                                " refutes\", tooltip=\"CMOC #" + std::to_string(w.b) +
                                "\", color=\"#C62828\", style=bold, penwidth=1.0];"));
  EXPECT_TRUE(contains(dot, "style=dotted"));  // c is novel
  // Codes lose their own colours, so the status colours stand out.
  EXPECT_TRUE(contains(dot, w.node("Slow pace") + " [label=\"Slow pace\", shape=box, "
                                                  "style=\"rounded,filled\", fillcolor=\"#DCEBF7\""));
  EXPECT_TRUE(contains(dot, "  subgraph cluster_legend {\n    label=\"CMOC status\";"));
  for (const char* row : {"affirms (solid)", "refines (dashed)", "refutes (bold)", "novel (dotted)",
                          "chain link (grey, dashed, open arrowhead)"})
    EXPECT_TRUE(contains(dot, std::string("[label=\"") + row + "\"")) << row;
  EXPECT_EQ(renderDot(dot, WebImage::Svg).rfind("<?xml", 0), 0u);
}

TEST(CausalWeb, ColouredByCodeHasNoLegendAndKeepsTheCodesColours) {
  Web w;
  const std::string dot = toDot(buildCausalWeb(w.project), WebColouring::Code);
  EXPECT_EQ(dot, toDot(buildCausalWeb(w.project)));
  EXPECT_FALSE(contains(dot, "cluster_legend"));
  EXPECT_FALSE(contains(dot, "arrowhead"));
  EXPECT_TRUE(contains(dot, "fillcolor=\"#1F3A93\""));
}

TEST(CausalWeb, ColouringIsCodeOrStatus) {
  EXPECT_EQ(parseWebColouring("code"), WebColouring::Code);
  EXPECT_EQ(parseWebColouring("status"), WebColouring::Status);
  try {
    parseWebColouring("change");
    ADD_FAILURE() << "no error";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "unknown --colour-by 'change' (code or status)");
  }
}
