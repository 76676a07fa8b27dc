// web: the causal web as a Graphviz DOT file, or rendered to SVG or PNG.

#include <algorithm>
#include <cctype>
#include <iostream>

#include "cmoc/atomic_file.h"
#include "cmoc/causal_web.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "command.h"

namespace cmoc::cli {

namespace {

std::string lowerExtension(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

int runWeb(const Args& args) {
  if (args.positionals().size() != 2)
    throw UsageError("usage: cmoc web PROJECT.cmoc OUT.(dot|svg|png) [--mechanism M] [--status S]");
  const std::filesystem::path out = args.positionals()[1];
  const std::string ext = lowerExtension(out);
  if (ext != ".dot" && ext != ".gv" && ext != ".svg" && ext != ".png")
    throw UsageError(out.string() + ": the file name must end in .dot, .svg or .png");
  Project project = Project::open(projectArg(args));
  CmocFilter filter;
  filter.mechanisms = args.all("mechanism");
  if (auto s = args.get("status")) filter.status = parseCmocStatus(*s);
  const CausalWeb web = buildCausalWeb(project, filter);
  const std::string dot = toDot(web);
  if (ext == ".svg") writeAtomically(out, renderDot(dot, WebImage::Svg));
  else if (ext == ".png") writeAtomically(out, renderDot(dot, WebImage::Png));
  else writeAtomically(out, dot);
  std::cout << "Wrote the causal web (" << web.cmocCount << " CMOC" << (web.cmocCount == 1 ? "" : "s")
            << ", " << web.nodes.size() << " code" << (web.nodes.size() == 1 ? "" : "s") << ", "
            << web.edges.size() << " arrow" << (web.edges.size() == 1 ? "" : "s") << ") to "
            << out.string() << "\n";
  if (web.cmocCount == 0) std::cerr << "note: no CMOCs match, so the web is empty\n";
  return 0;
}

std::vector<Command> webCommands() {
  return {{"web", "the causal web of CMOCs as a diagram (DOT, SVG or PNG)",
           "cmoc web PROJECT.cmoc OUT.(dot|svg|png) [--mechanism M]... [--status S]",
           "Nodes are the codes CMOCs use: contexts as rounded boxes, mechanisms as ellipses,\n"
           "outcomes as hexagons, filled with each code's colour. Each CMOC is a path\n"
           "context -> mechanism -> outcome (parallel paths merge, labelled with their CMOCs);\n"
           "dashed arrows are chain links. The format follows OUT's extension; SVG and PNG are\n"
           "laid out by Graphviz.",
           {{"mechanism", true, "only CMOCs under this mechanism (name or path); repeatable", "CODE"},
            {"status", true, "only CMOCs with this status (affirms, refines, refutes, novel)",
             "STATUS"}},
           runWeb}};
}

}  // namespace

const CommandRegistration webRegistration{webCommands};

}  // namespace cmoc::cli
