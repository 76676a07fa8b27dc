// Theory versions as report tables.
#include <map>

#include "cmoc/theory_report.h"

namespace cmoc {

ReportTable theorySnapshotTable(const TheorySnapshot& s) {
  std::map<std::int64_t, std::vector<std::string>> feeds;
  for (const TheoryLink& l : s.links) feeds[l.from].push_back(std::to_string(l.to));
  ReportTable t{{"id", "context", "mechanism", "outcome", "status", "prior", "excerpts", "sources",
                 "label", "feeds"},
                {}};
  for (const TheoryCmoc& c : s.cmocs) {
    const auto f = feeds.find(c.cmocId);
    t.add({c.cmocId, c.context.path, c.mechanism.path, c.outcome.path,
           std::string(toString(c.status)), c.priorId ? Cell(*c.priorId) : Cell(), c.excerpts,
           c.sources, c.label, f == feeds.end() ? std::string() : joined(f->second, ", ")});
  }
  return t;
}

namespace {

std::string support(const TheoryCmoc& c) {
  return std::string(toString(c.status)) + "; " + std::to_string(c.excerpts) + " excerpt" +
         (c.excerpts == 1 ? "" : "s") + ", " + std::to_string(c.sources) + " source" +
         (c.sources == 1 ? "" : "s");
}

// The rows of one mechanism's changes, with the mechanism as the first cell when asked.
void addRows(ReportTable& t, const TheoryMechanismChanges& g, bool withMechanism) {
  auto add = [&](std::vector<Cell> row) {
    if (withMechanism) row.insert(row.begin(), g.mechanism);
    t.add(std::move(row));
  };
  for (const TheoryCmocChange& c : g.cmocs) {
    const std::string kind(toString(c.kind));
    const std::string what = c.cmoc.configuration();
    if (c.kind == TheoryChangeKind::Added)
      add({kind, c.cmoc.cmocId, what, std::string(), std::string(), support(c.cmoc)});
    else if (c.kind == TheoryChangeKind::Removed)
      add({kind, c.cmoc.cmocId, what, std::string(), support(c.cmoc), std::string()});
    else
      for (const TheoryFieldChange& f : c.fields)
        add({kind, c.cmoc.cmocId, what, f.field, f.before, f.after});
  }
  for (const TheoryLinkChange& l : g.links) {
    const std::string to = "CMOC " + std::to_string(l.link.to) + " (" + l.toConfiguration + ")";
    add({std::string(l.added ? "chain added" : "chain removed"), l.link.from, l.fromConfiguration,
         std::string("feeds"), l.added ? std::string() : to, l.added ? to : std::string()});
  }
}

const std::vector<std::string> kDiffColumns = {"change", "cmoc",   "configuration",
                                               "field",  "before", "after"};

std::string versionName(const TheoryVersion& v) {
  return v.id == 0 ? "the current CMOCs" : "'" + v.name + "' (" + v.createdAt + ")";
}

}  // namespace

ReportTable theoryDiffTable(const TheoryDiff& d) {
  ReportTable t;
  t.columns = kDiffColumns;
  t.columns.insert(t.columns.begin(), "mechanism");
  for (const TheoryMechanismChanges& g : d.mechanisms) addRows(t, g, true);
  return t;
}

GroupedReport theoryDiffReport(const TheoryDiff& d) {
  GroupedReport r;
  r.title = "How the programme theory changed";
  r.intro.push_back("From " + versionName(d.from) + " to " + versionName(d.to) + ": " +
                    d.summary() + ".");
  r.none = "The two versions hold the same CMOCs and chains.";
  for (const TheoryMechanismChanges& g : d.mechanisms) {
    ReportSection& s = r.sections.emplace_back();
    s.heading = g.mechanism;
    s.table.columns = kDiffColumns;
    addRows(s.table, g, false);
  }
  return r;
}

}  // namespace cmoc
