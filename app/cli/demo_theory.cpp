#include "demo_theory.h"

#include <map>
#include <set>
#include <utility>

#include "cmoc/atomic_file.h"
#include "cmoc/causal_web.h"
#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/contradictions.h"
#include "cmoc/grouped_report.h"
#include "cmoc/theory_diff.h"
#include "cmoc/theory_report.h"
#include "cmoc/theory_web.h"

namespace cmoc::cli {

namespace {

bool refining(const CmocRow& row) { return !row.prior.empty(); }

void addUp(CmocImportResult& total, const CmocImportResult& part) {
  total.cmocs += part.cmocs;
  total.evidence += part.evidence;
  total.links += part.links;
}

}  // namespace

DemoTheory importCmocsByPhase(Project& project, const std::vector<CmocRow>& rows,
                              const std::string& fileName) {
  std::set<std::string> gleaned;
  for (const CmocRow& r : rows)
    if (!refining(r)) gleaned.insert(r.key);
  // importCmocs knows one file's keys only: priors and feeds that reach the other phase wait.
  std::vector<std::pair<std::string, std::string>> priors, feeds;  // (key, key)
  auto phase = [&](bool second) {
    std::vector<CmocRow> part;
    for (CmocRow r : rows) {
      if (refining(r) != second) continue;
      if (second) priors.emplace_back(r.key, std::exchange(r.prior, ""));
      std::vector<std::string> within;
      for (std::string& f : r.feeds) {
        const bool samePhase = (gleaned.count(f) == 0) == second;
        if (samePhase) within.push_back(f);
        else feeds.emplace_back(r.key, f);
      }
      r.feeds = std::move(within);
      part.push_back(std::move(r));
    }
    return importCmocs(project, part, fileName);
  };

  DemoTheory t;
  addUp(t.imported, phase(false));
  Theory theory(project);
  t.initial = theory.snapshot(kInitialTheory, "theory gleaning: the CMOCs the first interviews gave");
  addUp(t.imported, phase(true));
  Cmocs cmocs(project);
  std::map<std::string, std::int64_t> byKey;  // importCmocs keeps the key as the label
  for (const Cmoc& c : cmocs.list()) byKey[c.label] = c.id;
  for (const auto& [key, prior] : priors)
    cmocs.edit(byKey.at(key), {.prior = std::to_string(byKey.at(prior))});
  for (const auto& [from, to] : feeds) {
    cmocs.link(byKey.at(from), byKey.at(to));
    ++t.imported.links;
  }
  t.refined = theory.snapshot(kRefinedTheory,
                              "theory refining: CMOCs the later interviews refine or refute");
  return t;
}

void printDemoTheory(std::ostream& out, Project& project, const DemoTheory& t) {
  out << "\n== Programme theory (cmoc theory)\n";
  for (const TheoryVersion* v : {&t.initial, &t.refined})
    out << "  version " << v->id << " '" << v->name << "': " << v->cmocCount << " CMOCs, "
        << v->linkCount << " chain links\n";
  out << "  how it changed: " << diffTheories(project, t.initial.name, t.refined.name).summary()
      << "\n  where the evidence disagrees: " << findContradictions(project).summary() << "\n";
}

void writeTheoryExports(Project& project, const std::filesystem::path& dir,
                        std::vector<std::filesystem::path>& written) {
  auto save = [&](const char* name, const std::string& bytes) {
    writeAtomically(dir / name, bytes);
    written.push_back(dir / name);
  };
  const TheoryDiff diff = diffTheories(project, kInitialTheory, kRefinedTheory);
  save("theory-diff.md", groupedReportMarkdown(theoryDiffReport(diff)));
  const Theory theory(project);
  const CausalWeb web = buildTheoryWeb(theory.load(kInitialTheory), theory.load(kRefinedTheory),
                                       diff, Codebook(project).list());
  save("web-diff.svg", renderDot(toDot(web), WebImage::Svg));
  const GroupedReport contradictions = contradictionsReport(findContradictions(project));
  save("contradictions.md", groupedReportMarkdown(contradictions));
  save("contradictions.html", groupedReportHtml(contradictions));
}

}  // namespace cmoc::cli
