#include "model/agreement_presenter.h"

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <map>
#include <set>

#include "cmoc/coding.h"
#include "cmoc/project.h"
#include "model/format.h"

namespace cmoc::gui {

std::vector<std::string> knownCoders(Project& project) {
  std::vector<std::string> names;
  for (const CoderCount& c : Coding(project).codingsPerCoder()) names.push_back(c.coder);
  if (!project.coder().empty() && std::find(names.begin(), names.end(), project.coder()) == names.end())
    names.push_back(project.coder());
  return names;
}

std::string AgreementPresenter::formatCoefficient(const agreement::Coefficient& c) {
  if (!c.value) return "n/a";
  char buf[32];
  // -0.004 prints as "-0.00"; a coefficient that rounds to zero reads "0.00".
  std::snprintf(buf, sizeof buf, "%.2f", std::fabs(*c.value) < 0.005 ? 0.0 : *c.value);
  return buf;
}

AgreementReport AgreementPresenter::compute(const std::filesystem::path& file,
                                            const AgreementOptions& options) {
  Project project = Project::open(file);
  return computeAgreement(project, options);
}

namespace {

std::string count(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  return buf;
}

std::string percent(const agreement::Coefficient& c) {
  if (!c.value) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", *c.value * 100);
  return buf;
}

AgreementRow rowOf(const CodeAgreement& c, bool overall) {
  AgreementRow r;
  r.code = c.code;
  r.overall = overall;
  r.units = count(c.units);
  if (!c.pairs.empty()) {
    const auto& p = c.pairs.front();
    r.both = count(p.counts.both);
    r.aOnly = count(p.counts.aOnly);
    r.bOnly = count(p.counts.bOnly);
  }
  r.percent = percent(c.percent);
  // Two coders: Cohen's kappa; more: Fleiss' kappa.
  const auto& kappa = c.pairs.size() == 1 ? c.cohenKappa : c.fleissKappa;
  r.kappa = AgreementPresenter::formatCoefficient(kappa);
  r.alpha = AgreementPresenter::formatCoefficient(c.alpha);
  r.weak = !kappa.value || *kappa.value < 0.6;
  return r;
}

std::string joined(const std::vector<std::string>& v) {
  if (v.empty()) return "(none)";
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + leafName(x);
  return s;
}

}  // namespace

void AgreementPresenter::show(const AgreementReport& report) {
  rows_.clear();
  for (const CodeAgreement& c : report.codes) rows_.push_back(rowOf(c, false));
  rows_.push_back(rowOf(report.overall, true));
  std::string coders;
  for (const auto& c : report.coders) coders += (coders.empty() ? "" : ", ") + c;
  heading_ = std::string(report.coders.size() == 2 ? "Cohen's kappa" : "Fleiss' kappa") + " and Krippendorff's alpha, " +
             std::string(toString(report.unit)) + " level, coders " + coders + ", " +
             std::to_string(report.sourcesCompared) + " sources compared" +
             (report.codedOnly ? ", coded units only" : "");
  method_ = report.method();
}

void AgreementPresenter::loadDisagreements(const Project& project, const DisagreementOptions& options) {
  disagreements_.clear();
  for (const Disagreement& d : listDisagreements(project, options)) {
    DisagreementRow r;
    r.id = d.id;
    r.sourceId = d.sourceId;
    r.start = d.start;
    r.end = d.end;
    r.source = d.source;
    r.unit = d.unit;
    r.code = leafName(d.code);
    r.text = shorten(d.text, 400);
    if (d.codesByCoder.size() >= 2) {
      r.codesA = joined(d.codesByCoder[0]);
      r.codesB = joined(d.codesByCoder[1]);
    }
    if (d.applied.size() >= 2) {
      r.appliedA = d.applied[0];
      r.appliedB = d.applied[1];
    }
    disagreements_.push_back(std::move(r));
  }
}

AdjudicationResult AgreementPresenter::adjudicateOne(Project& project, const std::string& coderA,
                                                     const std::string& coderB,
                                                     const std::string& consensus,
                                                     const std::string& id, Decision decision) {
  AdjudicationRequest req;
  req.coderA = coderA;
  req.coderB = coderB;
  req.consensus = consensus;
  req.decisions = {{id, decision}};
  return adjudicate(project, req);
}

}  // namespace cmoc::gui
