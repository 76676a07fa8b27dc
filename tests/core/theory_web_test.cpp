// The theory web (cmoc/theory_web.h) on hand-built version pairs: which arrows and codes are
// marked added, removed, changed or unchanged, codes looked up by GUID (and kept when the
// codebook lost them), the DOT's looks and legend; and the project-level refusals.
#include "cmoc/theory_web.h"

#include <gtest/gtest.h>

#include <map>

#include "cmoc/error.h"
#include "cmoc/theory.h"
#include "expect_error.h"
#include "theory_study.h"
#include "theory_versions.h"

using namespace cmoc;
using cmoc::test::cmocOf;
using cmoc::test::expectError;
using cmoc::test::linkOf;

namespace {

TheorySnapshot version(std::int64_t id, const std::string& name, std::vector<TheoryCmoc> cmocs,
                       std::vector<TheoryLink> links = {}) {
  TheorySnapshot s;
  s.version.id = id;
  s.version.name = name;
  s.cmocs = std::move(cmocs);
  s.links = std::move(links);
  return s;
}

// The codebook as the project has it now; "Legitimacy" (a version's code) has been deleted.
std::vector<Code> codebook() {
  std::vector<Code> codes;
  std::int64_t id = 0;
  auto add = [&](const std::string& name, CodeKind kind, const std::string& colour = "") {
    Code c;
    c.id = ++id;
    c.guid = "code-" + name;
    c.name = name;
    c.path = name;
    c.kind = kind;
    c.color = colour;
    codes.push_back(c);
  };
  for (const char* c : {"Slow pace", "Mandated", "Proximity", "Quick wins"})
    add(c, CodeKind::Context);
  add("Conflict", CodeKind::Mechanism, "#FF0000");
  add("Trust", CodeKind::Mechanism);
  for (const char* o : {"Reduced trust", "Compliance", "Collaboration"}) add(o, CodeKind::Outcome);
  return codes;
}

// v1: 1 slow pace -> conflict -> reduced trust (affirms), 2 mandated -> Gov/Legitimacy ->
// compliance, 3 proximity -> trust -> collaboration, and chain 1 -> 2.
// v2: 1 now refutes, 2 gone, 3 as it was, 4 quick wins -> trust -> collaboration, chain 1 -> 3.
struct Pair {
  TheorySnapshot v1 = version(1, "v1",
                              {cmocOf(1, "Slow pace", "Conflict", "Reduced trust", CmocStatus::Affirms),
                               cmocOf(2, "Mandated", "Gov/Legitimacy", "Compliance"),
                               cmocOf(3, "Proximity", "Trust", "Collaboration")},
                              {linkOf(1, 2)});
  TheorySnapshot v2 = version(2, "v2",
                              {cmocOf(1, "Slow pace", "Conflict", "Reduced trust", CmocStatus::Refutes),
                               cmocOf(3, "Proximity", "Trust", "Collaboration"),
                               cmocOf(4, "Quick wins", "Trust", "Collaboration")},
                              {linkOf(1, 3)});
  std::vector<Code> codes = codebook();

  CausalWeb web() const { return buildTheoryWeb(v1, v2, diffTheories(v1, v2), codes); }
  std::int64_t id(const std::string& name) const {
    for (const Code& c : codes)
      if (c.name == name) return c.id;
    return 0;
  }
};

// "from -> to" by node name, with each arrow's change and CMOCs.
std::multimap<std::string, std::pair<WebChange, std::vector<std::int64_t>>> arrows(
    const CausalWeb& web) {
  std::map<std::int64_t, std::string> names;
  for (const WebNode& n : web.nodes) names[n.codeId] = n.name;
  std::multimap<std::string, std::pair<WebChange, std::vector<std::int64_t>>> out;
  for (const WebEdge& e : web.edges) {
    std::vector<std::int64_t> ids = e.cmocs;
    for (const auto& [a, b] : e.links) ids.insert(ids.end(), {a, b});
    out.emplace((e.chain ? "chain " : "") + names[e.from] + " -> " + names[e.to],
                std::pair(e.change, ids));
  }
  return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

using Arrow = std::pair<WebChange, std::vector<std::int64_t>>;

}  // namespace

TEST(TheoryWeb, MarksAddedRemovedChangedAndUnchangedArrows) {
  const Pair p;
  const CausalWeb web = p.web();
  EXPECT_EQ(web.cmocCount, 4u);  // 1, 3 and 4 from v2, and 2 that only v1 holds
  EXPECT_EQ(web.fromVersion, "'v1'");
  EXPECT_EQ(web.toVersion, "'v2'");
  const auto a = arrows(web);
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(a.size(), 10u) << "7 pairs of codes, one drawn twice, and 2 chains";
  auto only = [&](const std::string& key) {
    EXPECT_EQ(a.count(key), 1u) << key;
    return a.find(key)->second;
  };
  EXPECT_EQ(only("Slow pace -> Conflict"), Arrow(WebChange::Changed, V{1}));
  EXPECT_EQ(only("Conflict -> Reduced trust"), Arrow(WebChange::Changed, V{1}));
  EXPECT_EQ(only("Mandated -> Legitimacy"), Arrow(WebChange::Removed, V{2}));
  EXPECT_EQ(only("Legitimacy -> Compliance"), Arrow(WebChange::Removed, V{2}));
  EXPECT_EQ(only("Quick wins -> Trust"), Arrow(WebChange::Added, V{4}));
  EXPECT_EQ(only("Proximity -> Trust"), Arrow(WebChange::Same, V{3}));
  // Parallel paths that changed differently stay two arrows.
  auto [from, to] = a.equal_range("Trust -> Collaboration");
  ASSERT_EQ(std::distance(from, to), 2);
  EXPECT_EQ(from->second, Arrow(WebChange::Same, V{3}));
  EXPECT_EQ(std::next(from)->second, Arrow(WebChange::Added, V{4}));
  EXPECT_EQ(only("chain Reduced trust -> Mandated"), Arrow(WebChange::Removed, V{1, 2}));
  EXPECT_EQ(only("chain Reduced trust -> Proximity"), Arrow(WebChange::Added, V{1, 3}));
}

TEST(TheoryWeb, KeepsARemovedCmocsCodesAndCodesTheCodebookLost) {
  const Pair p;
  const CausalWeb web = p.web();
  std::map<std::string, WebNode> nodes;
  for (const WebNode& n : web.nodes) nodes[n.name] = n;
  ASSERT_EQ(nodes.size(), 10u);
  EXPECT_EQ(nodes["Mandated"].change, WebChange::Removed);
  EXPECT_EQ(nodes["Compliance"].change, WebChange::Removed);
  EXPECT_EQ(nodes["Quick wins"].change, WebChange::Added);
  EXPECT_EQ(nodes["Trust"].change, WebChange::Same);  // 3 (unchanged) and 4 (added) use it
  EXPECT_EQ(nodes["Reduced trust"].change, WebChange::Same);
  // Looked up by GUID: the codebook's id, kind and colour.
  EXPECT_EQ(nodes["Conflict"].codeId, p.id("Conflict"));
  EXPECT_EQ(nodes["Conflict"].color, "#FF0000");
  EXPECT_EQ(nodes["Conflict"].kind, CodeKind::Mechanism);
  // Deleted since: its path's last part, the role of the slot it filled, a negative id.
  const WebNode& lost = nodes["Legitimacy"];
  EXPECT_EQ(lost.path, "Gov/Legitimacy");
  EXPECT_LT(lost.codeId, 0);
  EXPECT_EQ(lost.kind, CodeKind::Other);
  EXPECT_EQ(lost.role, Slot::Mechanism);
}

TEST(TheoryWeb, AChangedCodeDrawsTheOldPathAsRemoved) {
  Pair p;
  p.v2.cmocs[0].context = {"code-Proximity", "Proximity"};
  p.v2.cmocs[0].status = CmocStatus::Affirms;
  const auto a = arrows(p.web());
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(a.find("Slow pace -> Conflict")->second, Arrow(WebChange::Removed, V{1}));
  EXPECT_EQ(a.find("Proximity -> Conflict")->second, Arrow(WebChange::Changed, V{1}));
  EXPECT_EQ(a.find("Conflict -> Reduced trust")->second, Arrow(WebChange::Changed, V{1}));
}

TEST(TheoryWeb, DotMarksEachChangeByColourAndLineWithALegend) {
  const Pair p;
  const std::string dot = toDot(p.web());
  const std::string slow = "code" + std::to_string(p.id("Slow pace"));
  const std::string conflict = "code" + std::to_string(p.id("Conflict"));
  const std::string quick = "code" + std::to_string(p.id("Quick wins"));
  const std::string trust = "code" + std::to_string(p.id("Trust"));
  const std::string proximity = "code" + std::to_string(p.id("Proximity"));
  EXPECT_TRUE(contains(dot, slow + " -> " + conflict +
                                " [label=\"#1 changed\", tooltip=\"CMOC #1 (changed)\", "
                                "style=bold, color=\"#E69F00\", penwidth=3.0];"))
      << dot;
  EXPECT_TRUE(contains(dot, quick + " -> " + trust +
                                " [label=\"#4 added\", tooltip=\"CMOC #4 (added)\", style=solid, "
                                "color=\"#009E73\", penwidth=2.5];"));
  EXPECT_TRUE(contains(dot, proximity + " -> " + trust +
                                " [label=\"#3 novel\", tooltip=\"CMOC #3\", style=solid, "
                                "color=\"#999999\", penwidth=1.0];"));
  EXPECT_TRUE(contains(dot, " -> gone1 [label=\"#2 removed\", tooltip=\"CMOC #2 (removed)\", "
                            "style=dashed, color=\"#D55E00\", penwidth=2.0];"));
  EXPECT_TRUE(contains(dot, "[label=\"chain 1→2 (removed)\", tooltip=\"CMOC 1 feeds CMOC 2 "
                            "(removed)\", style=dashed, color=\"#D55E00\", penwidth=2.0, "
                            "arrowhead=onormal, constraint=false];"));
  // The removed CMOC's codes are there, outlined dashed; the lost code under its last name.
  EXPECT_TRUE(contains(dot, "gone1 [label=\"Legitimacy\", shape=ellipse, style=\"filled,dashed\", "
                            "fillcolor=\"#FCE4D6\", fontcolor=\"#000000\", color=\"#D55E00\", "
                            "penwidth=2.0, tooltip=\"other: Gov/Legitimacy (1 CMOC); only "
                            "removed CMOCs use it\"];"));
  EXPECT_TRUE(contains(dot, "[label=\"Mandated\", shape=box, style=\"rounded,filled,dashed\""));
  EXPECT_TRUE(contains(dot, "  subgraph cluster_legend {\n    label=\"Changes from 'v1' to 'v2'\";"));
  for (const char* row : {"added (only in 'v2')", "removed (only in 'v1')",
                          "changed (status, prior, codes or support)", "unchanged",
                          "chain link (open arrowhead)"})
    EXPECT_TRUE(contains(dot, std::string("[label=\"") + row + "\"")) << row;
  EXPECT_EQ(renderDot(dot, WebImage::Svg).rfind("<?xml", 0), 0u);
}

TEST(TheoryWeb, IdenticalVersionsAreAllUnchanged) {
  const Pair p;
  const CausalWeb web = buildTheoryWeb(p.v1, p.v1, diffTheories(p.v1, p.v1), p.codes);
  for (const WebEdge& e : web.edges) EXPECT_EQ(e.change, WebChange::Same);
  for (const WebNode& n : web.nodes) EXPECT_EQ(n.change, WebChange::Same);
  EXPECT_EQ(web.cmocCount, 3u);
}

TEST(TheoryWeb, OneVersionsWebHasThePlainLook) {
  const Pair p;
  const CausalWeb web = buildVersionWeb(p.v1, p.codes);
  EXPECT_EQ(web.cmocCount, 3u);
  EXPECT_TRUE(web.fromVersion.empty());
  EXPECT_EQ(web.edges.size(), 7u);  // 6 paths, 1 chain
  const std::string dot = toDot(web);
  EXPECT_FALSE(contains(dot, "cluster_legend"));
  EXPECT_TRUE(contains(dot, "[label=\"Conflict\", shape=ellipse, style=\"filled\", "
                            "fillcolor=\"#FF0000\""));
}

TEST(TheoryWeb, FromTheProjectAgainstTheCurrentCmocs) {
  test::TheoryStudy s;
  const auto a = s.add("Slow pace", "Conflict", "Reduced trust", CmocStatus::Affirms, {"a.txt"});
  const auto b = s.add("Mandated", "Trust", "Collaboration");
  Theory theory(s.project);
  theory.snapshot("Initial");
  s.cmocs.remove(b.id);
  s.cmocs.edit(a.id, {.status = CmocStatus::Refutes});
  s.add("Proximity", "Faith", "Dissolution");
  const CausalWeb web = buildTheoryWeb(s.project, "Initial", kCurrentTheory);
  EXPECT_EQ(web.fromVersion, "'Initial'");
  EXPECT_EQ(web.toVersion, "the current CMOCs");
  EXPECT_EQ(web.cmocCount, 3u);
  std::map<std::string, WebChange> nodes;
  for (const WebNode& n : web.nodes) nodes[n.name] = n.change;
  EXPECT_EQ(nodes.at("Mandated"), WebChange::Removed);
  EXPECT_EQ(nodes.at("Proximity"), WebChange::Added);
  EXPECT_EQ(nodes.at("Slow pace"), WebChange::Same);

  expectError<UsageError>([&] { buildTheoryWeb(s.project, "Initial", "1"); },
                          "V1 and V2 are the same version ('Initial'); name two different "
                          "versions");
  expectError<NotFound>([&] { buildTheoryWeb(s.project, "Initial", "v9"); },
                        "no theory version 'v9'");
}
