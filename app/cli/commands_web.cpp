// web: the causal web as a Graphviz DOT file, or rendered to SVG or PNG; coloured by code or by
// status, or drawn from theory versions: one version's web, or how the web changed between two.

#include <algorithm>
#include <cctype>
#include <iostream>

#include "cmoc/atomic_file.h"
#include "cmoc/causal_web.h"
#include "cmoc/codebook.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/theory_web.h"
#include "command.h"

namespace cmoc::cli {

namespace {

std::string lowerExtension(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::string plural(std::size_t n, const char* what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

// Refuses option combinations that mean nothing, before anything is read.
void checkOptions(const Args& args) {
  if (args.has("against") && !args.has("theory"))
    throw UsageError("--against V2 needs --theory V1: the version the changes are counted from");
  if (args.has("theory") && (args.has("mechanism") || args.has("status")))
    throw UsageError("--mechanism and --status filter the current CMOCs; they do not apply with "
                     "--theory");
  if (args.has("against") && args.has("colour-by"))
    throw UsageError("--colour-by does not apply with --against: that web's colours mark the "
                     "changes");
}

struct DrawnWeb {
  CausalWeb web;
  std::string what = "the causal web";  // for the line saying what was written
  std::string note;                     // appended to the counts, may be empty
};

DrawnWeb drawWeb(Project& project, const Args& args, WebColouring colouring) {
  const auto theory = args.get("theory");
  if (!theory) {
    CmocFilter filter;
    filter.mechanisms = args.all("mechanism");
    if (auto s = args.get("status")) filter.status = parseCmocStatus(*s);
    CausalWeb web = buildCausalWeb(project, filter);
    if (colouring == WebColouring::Status) web = splitByStatus(std::move(web));
    return {std::move(web)};
  }
  const Theory versions(project);
  const auto against = args.get("against");
  if (!against) {
    const TheorySnapshot s = versions.load(*theory);
    CausalWeb web = buildVersionWeb(s, Codebook(project).list());
    if (colouring == WebColouring::Status) web = splitByStatus(std::move(web));
    return {std::move(web), s.version.id == 0 ? std::string("the causal web")
                                              : "the causal web of '" + s.version.name + "'"};
  }
  const TheoryDiff diff = diffTheories(project, *theory, *against);
  CausalWeb web = buildTheoryWeb(versions.load(*theory), versions.load(*against), diff,
                                 Codebook(project).list());
  std::string what = "the causal web from " + web.fromVersion + " to " + web.toVersion;
  return {std::move(web), std::move(what), "; " + diff.summary()};
}

int runWeb(const Args& args) {
  if (args.positionals().size() != 2)
    throw UsageError("usage: cmoc web PROJECT.cmoc OUT.(dot|svg|png) [--mechanism M] [--status S]");
  const std::filesystem::path out = args.positionals()[1];
  const std::string ext = lowerExtension(out);
  if (ext != ".dot" && ext != ".gv" && ext != ".svg" && ext != ".png")
    throw UsageError(out.string() + ": the file name must end in .dot, .svg or .png");
  checkOptions(args);
  const WebColouring colouring = parseWebColouring(args.get("colour-by", "code"));
  Project project = Project::open(projectArg(args));
  const DrawnWeb drawn = drawWeb(project, args, colouring);
  const CausalWeb& web = drawn.web;
  const std::string dot = toDot(web, colouring);
  if (ext == ".svg") writeAtomically(out, renderDot(dot, WebImage::Svg));
  else if (ext == ".png") writeAtomically(out, renderDot(dot, WebImage::Png));
  else writeAtomically(out, dot);
  std::cout << "Wrote " << drawn.what << " (" << plural(web.cmocCount, "CMOC") << ", "
            << plural(web.nodes.size(), "code") << ", " << plural(web.edges.size(), "arrow")
            << drawn.note << ") to " << out.string() << "\n";
  if (web.cmocCount == 0) std::cerr << "note: no CMOCs match, so the web is empty\n";
  return 0;
}

std::vector<Command> webCommands() {
  return {{"web", "the causal web of CMOCs as a diagram (DOT, SVG or PNG)",
           "cmoc web PROJECT.cmoc OUT.(dot|svg|png) [--mechanism M]... [--status S]\n"
           "       [--colour-by code|status] [--theory V1 [--against V2]]",
           "Nodes are the codes CMOCs use: contexts as rounded boxes, mechanisms as ellipses,\n"
           "outcomes as hexagons, filled with each code's colour. Each CMOC is a path\n"
           "context -> mechanism -> outcome (parallel paths merge, labelled with their CMOCs);\n"
           "dashed arrows are chain links. The format follows OUT's extension; SVG and PNG are\n"
           "laid out by Graphviz.\n\n"
           "--colour-by status draws codes plainly and each arrow in its status's colour and\n"
           "line (affirms solid, refines dashed, refutes bold, novel dotted), with a legend.\n"
           "--theory V draws theory version V (a name or id; `current` is the live CMOCs).\n"
           "--theory V1 --against V2 draws both versions' CMOCs with what changed from V1 to\n"
           "V2 marked, as `cmoc theory diff V1 V2` counts it: added green and solid, removed\n"
           "vermilion and dashed, changed amber and bold, unchanged grey, with a legend.",
           {{"mechanism", true, "only CMOCs under this mechanism (name or path); repeatable", "CODE"},
            {"status", true, "only CMOCs with this status (affirms, refines, refutes, novel)",
             "STATUS"},
            {"colour-by", true, "code (each code's colour; the default) or status", "WHAT"},
            {"theory", true, "draw this theory version (name, id or current)", "V1"},
            {"against", true, "with --theory V1: mark what changed from V1 to this version",
             "V2"}},
           runWeb}};
}

}  // namespace

const CommandRegistration webRegistration{webCommands};

}  // namespace cmoc::cli
