#include "model/theory_presenter.h"

#include "cmoc/causal_web.h"
#include "cmoc/codebook.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/theory_diff.h"
#include "cmoc/theory_report.h"
#include "cmoc/theory_web.h"

namespace cmoc::gui {

namespace {

std::string versionCount(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " version" : " versions");
}

}  // namespace

std::vector<std::string> TheoryPresenter::choices() const {
  std::vector<std::string> out;
  for (const TheoryVersion& v : versions_) out.push_back(v.name);
  out.emplace_back(kCurrentTheory);
  return out;
}

void TheoryPresenter::reload(Project& project) {
  versions_ = Theory(project).versions();
  diff_ = {};
  png_.clear();
  if (versions_.empty()) {
    from_ = to_ = 0;
    summary_ = "No theory versions yet (cmoc theory snapshot PROJECT NAME takes one)";
    return;
  }
  compare(project, versions_.size() - 1, versions_.size());
}

void TheoryPresenter::compare(Project& project, std::size_t from, std::size_t to) {
  const std::vector<std::string> names = choices();
  from_ = from;
  to_ = to;
  diff_ = {};
  png_.clear();
  if (from == to) {
    summary_ = versionCount(versions_.size()) + "; choose two different versions to compare";
    throw UsageError("V1 and V2 are the same version ('" + names.at(from) +
                     "'); name two different versions");
  }
  // Names, not ids: choices() offers the names, and "current" is the live CMOCs.
  const std::string& v1 = names.at(from);
  const std::string& v2 = names.at(to);
  const TheoryDiff d = diffTheories(project, v1, v2);
  const Theory theory(project);
  const CausalWeb web =
      buildTheoryWeb(theory.load(v1), theory.load(v2), d, Codebook(project).list());
  diff_ = theoryDiffTable(d);
  png_ = renderDot(toDot(web), WebImage::Png);
  summary_ = versionCount(versions_.size()) + "; from " + web.fromVersion + " to " +
             web.toVersion + ": " + d.summary();
}

}  // namespace cmoc::gui
