// The agreement report as tables: which columns each layout shows, and why a coefficient is n/a.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "cmoc/agreement_report.h"

namespace cmoc {

namespace {

using agreement::Coefficient;

std::string fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

Cell coefficient(const Coefficient& c, bool people) {
  if (!c.value) return people ? Cell(std::string("n/a")) : Cell();
  return people ? Cell(fixed(*c.value, 3)) : Cell(*c.value);
}

Cell percent(const Coefficient& c, bool people) {
  if (!c.value) return people ? Cell(std::string("n/a")) : Cell();
  return people ? Cell(fixed(100 * *c.value, 1) + "%") : Cell(100 * *c.value);
}

Cell count(double v) { return static_cast<std::int64_t>(std::llround(v)); }

// Why each undefined coefficient of a row is n/a, one phrase per reason.
std::string notes(const std::vector<std::pair<std::string, const Coefficient*>>& coefficients) {
  std::vector<std::pair<std::string, std::string>> byReason;  // reason -> names
  for (const auto& [name, c] : coefficients) {
    if (!c || c->value) continue;  // not shown in this layout, or defined
    auto it = std::find_if(byReason.begin(), byReason.end(),
                           [&](const auto& r) { return r.first == c->reason; });
    if (it == byReason.end()) byReason.push_back({c->reason, name});
    else it->second += ", " + name;
  }
  std::string out;
  for (const auto& [reason, names] : byReason) out += (out.empty() ? "" : "; ") + names + " n/a: " + reason;
  return out;
}

}  // namespace

AgreementTables agreementTables(const AgreementReport& r, AgreementLayout layout) {
  const bool two = r.coders.size() == 2;
  const bool fleiss = !two || r.group;
  const std::string a = r.coders[0], b = r.coders[1];
  const std::string units = r.unit == AgreementUnit::Character ? "characters" : "units";
  const bool people = layout == AgreementLayout::People;
  AgreementTables out;
  if (people) {
    out.main.columns = {"code", units};
    if (two) out.main.columns.insert(out.main.columns.end(), {"both", a + " only", b + " only", "neither"});
    out.main.columns.push_back("agreement");
    if (two) out.main.columns.push_back("Cohen's kappa");
    if (fleiss) out.main.columns.push_back("Fleiss' kappa");
    out.main.columns.push_back("Krippendorff's alpha");
    if (r.unitized) out.main.columns.push_back("unitized alpha");
  } else {
    out.main.columns = {"code", "coders", "units", "both", "a_only", "b_only", "neither",
                        "percent_agreement", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha",
                        "notes"};
    if (r.unitized) out.main.columns.insert(out.main.columns.end() - 1, "krippendorff_alpha_u");
  }
  out.pairs.columns = {"code", "coder_a", "coder_b", "units", "both", "a_only", "b_only", "neither",
                       "agreement", "Cohen's kappa", "Krippendorff's alpha"};
  const std::string allCoders = joined(r.coders, ",");

  auto addRow = [&](const CodeAgreement& row) {
    const PairAgreement& p = row.pairs.front();
    const bool counts = two && !row.nominal;
    const std::string why = notes({{"agreement", &row.percent},
                                   {"Cohen's kappa", two ? &row.cohenKappa : nullptr},
                                   {"Fleiss' kappa", fleiss ? &row.fleissKappa : nullptr},
                                   {"Krippendorff's alpha", &row.alpha},
                                   {"unitized alpha", r.unitized ? &row.unitizedAlpha : nullptr}});
    if (people) {
      std::vector<Cell> cells = {row.code, count(row.units)};
      if (two)
        for (double v : {p.counts.both, p.counts.aOnly, p.counts.bOnly, p.counts.neither})
          cells.push_back(counts ? count(v) : Cell());
      cells.push_back(percent(row.percent, people));
      if (two) cells.push_back(coefficient(row.cohenKappa, people));
      if (fleiss) cells.push_back(coefficient(row.fleissKappa, people));
      cells.push_back(coefficient(row.alpha, people));
      if (r.unitized) cells.push_back(coefficient(row.unitizedAlpha, people));
      out.main.add(std::move(cells));
      if (!why.empty()) out.notes.push_back(row.code + ": " + why);
    } else {
      auto opt = [&](double v) { return counts ? count(v) : Cell(); };
      std::vector<Cell> cells = {row.code, allCoders, count(row.units), opt(p.counts.both),
                                 opt(p.counts.aOnly), opt(p.counts.bOnly), opt(p.counts.neither),
                                 percent(row.percent, people), coefficient(row.cohenKappa, people),
                                 coefficient(row.fleissKappa, people), coefficient(row.alpha, people)};
      if (r.unitized) cells.push_back(coefficient(row.unitizedAlpha, people));
      cells.push_back(why);
      out.main.add(std::move(cells));
    }
    if (two) return;
    for (const PairAgreement& q : row.pairs) {
      const bool c = !row.nominal;
      out.pairs.add({row.code, q.coderA, q.coderB, count(q.counts.units),
                     c ? count(q.counts.both) : Cell(), c ? count(q.counts.aOnly) : Cell(),
                     c ? count(q.counts.bOnly) : Cell(), c ? count(q.counts.neither) : Cell(),
                     percent(q.percent, people), coefficient(q.cohenKappa, people),
                     coefficient(q.alpha, people)});
      const std::string pairWhy = notes({{"agreement", &q.percent}, {"Cohen's kappa", &q.cohenKappa},
                                         {"Krippendorff's alpha", &q.alpha}});
      if (people && !pairWhy.empty())
        out.notes.push_back(row.code + " (" + q.coderA + ", " + q.coderB + "): " + pairWhy);
    }
  };
  for (const CodeAgreement& row : r.codes) addRow(row);
  addRow(r.overall);
  return out;
}

std::vector<std::string> agreementSourceLines(const AgreementReport& r) {
  std::vector<std::string> out;
  for (const SourceCoverage& c : r.partialSources)
    out.push_back(c.source + ": coded only by " + joined(c.codedBy, ", ") +
                  (c.compared ? " (compared)" : " (left out)"));
  if (r.sourcesUncoded)
    out.push_back(std::to_string(r.sourcesUncoded) + " source(s) coded by none of the coders (left out)");
  return out;
}

}  // namespace cmoc
