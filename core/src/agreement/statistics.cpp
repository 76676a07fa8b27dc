// Agreement coefficients over weighted rating patterns. Every function sums over distinct
// patterns times their weight, so a million characters coded alike cost one term.
#include <algorithm>
#include <set>

#include "cmoc/agreement.h"
#include "cmoc/error.h"

namespace cmoc::agreement {

namespace {

const char* kNoVariation = "no variation: every rating is the same value";

// Category counts of one unit's values, and how many values it has.
struct UnitCounts {
  std::map<int, double> byValue;
  double values = 0;
};

UnitCounts countValues(const std::vector<int>& values) {
  UnitCounts u;
  for (int v : values)
    if (v != kMissing) {
      u.byValue[v] += 1;
      u.values += 1;
    }
  return u;
}

}  // namespace

Ratings::Ratings(int coders) : coders_(coders) {
  if (coders < 1) throw UsageError("ratings need at least one coder");
}

void Ratings::add(std::span<const int> values, double weight) {
  if (static_cast<int>(values.size()) != coders_)
    throw UsageError("a unit has " + std::to_string(values.size()) + " values for " +
                     std::to_string(coders_) + " coders");
  if (weight <= 0) return;
  // Reusing one key vector keeps the common case (pattern seen before) free of allocation.
  scratch_.assign(values.begin(), values.end());
  auto it = patterns_.find(scratch_);
  if (it != patterns_.end()) it->second += weight;
  else patterns_.emplace(scratch_, weight);
}

void Ratings::add(const Ratings& other) {
  for (const auto& [values, weight] : other.patterns_) add(values, weight);
}

Ratings Ratings::pair(int a, int b) const {
  Ratings out(2);
  for (const auto& [values, weight] : patterns_) {
    const int v[2] = {values[static_cast<std::size_t>(a)], values[static_cast<std::size_t>(b)]};
    out.add(v, weight);
  }
  return out;
}

double Ratings::units() const {
  double n = 0;
  for (const auto& [values, weight] : patterns_) n += weight;
  return n;
}

std::optional<int> Ratings::onlyValue() const {
  std::optional<int> only;
  for (const auto& [values, weight] : patterns_)
    for (int v : values) {
      if (v == kMissing) continue;
      if (only && *only != v) return std::nullopt;
      only = v;
    }
  return only;
}

Coefficient percentAgreement(const Ratings& r) {
  double units = 0, agreeing = 0;
  for (const auto& [values, weight] : r.patterns()) {
    const UnitCounts u = countValues(values);
    if (u.values < 2) continue;
    double pairs = 0;
    for (const auto& [v, n] : u.byValue) pairs += n * (n - 1);
    agreeing += weight * pairs / (u.values * (u.values - 1));
    units += weight;
  }
  if (units == 0) return Coefficient::undefined("no unit was rated by two coders");
  return Coefficient::of(agreeing / units);
}

Coefficient cohenKappa(const Ratings& r, int a, int b) {
  std::map<int, double> marginA, marginB;
  double n = 0, agree = 0;
  for (const auto& [values, weight] : r.patterns()) {
    const int x = values[static_cast<std::size_t>(a)], y = values[static_cast<std::size_t>(b)];
    if (x == kMissing || y == kMissing) continue;
    n += weight;
    marginA[x] += weight;
    marginB[y] += weight;
    if (x == y) agree += weight;
  }
  if (n == 0) return Coefficient::undefined("no unit was rated by both coders");
  std::set<int> categories;
  for (const auto& [v, w] : marginA) categories.insert(v);
  for (const auto& [v, w] : marginB) categories.insert(v);
  // Chance agreement is 1 exactly when one category holds every rating: kappa is 0/0 then.
  if (categories.size() < 2) return Coefficient::undefined(kNoVariation);
  double expected = 0;
  for (int c : categories) {
    auto pa = marginA.find(c), pb = marginB.find(c);
    if (pa != marginA.end() && pb != marginB.end()) expected += (pa->second / n) * (pb->second / n);
  }
  return Coefficient::of((agree / n - expected) / (1 - expected));
}

Coefficient fleissKappa(const Ratings& r) {
  const double m = r.coders();
  if (m < 2) return Coefficient::undefined("Fleiss' kappa needs two or more coders");
  double subjects = 0, sumP = 0;
  std::map<int, double> totals;
  for (const auto& [values, weight] : r.patterns()) {
    const UnitCounts u = countValues(values);
    if (u.values < m) continue;  // Fleiss assumes every subject has the same number of ratings
    double agreeingPairs = 0;
    for (const auto& [v, n] : u.byValue) {
      agreeingPairs += n * (n - 1);
      totals[v] += weight * n;
    }
    sumP += weight * agreeingPairs / (m * (m - 1));
    subjects += weight;
  }
  if (subjects == 0) return Coefficient::undefined("no unit was rated by every coder");
  if (totals.size() < 2) return Coefficient::undefined(kNoVariation);
  double expected = 0;
  for (const auto& [v, t] : totals) expected += (t / (subjects * m)) * (t / (subjects * m));
  const double observed = sumP / subjects;
  return Coefficient::of((observed - expected) / (1 - expected));
}

Coefficient krippendorffAlpha(const Ratings& r) {
  // Coincidences: within a unit with m values, each ordered pair of values from different
  // coders adds 1 / (m - 1). Nominal: only the diagonal (agreement) and the margins matter.
  double n = 0, diagonal = 0;
  std::map<int, double> margin;
  for (const auto& [values, weight] : r.patterns()) {
    const UnitCounts u = countValues(values);
    if (u.values < 2) continue;
    for (const auto& [v, count] : u.byValue) {
      diagonal += weight * count * (count - 1) / (u.values - 1);
      margin[v] += weight * count;
    }
    n += weight * u.values;
  }
  if (n == 0) return Coefficient::undefined("no unit has values from two coders");
  if (margin.size() < 2) return Coefficient::undefined(kNoVariation);
  double sumSquares = 0;
  for (const auto& [v, nc] : margin) sumSquares += nc * nc;
  const double disagreement = n - diagonal;  // sum of off-diagonal coincidences
  return Coefficient::of(1 - (n - 1) * disagreement / (n * n - sumSquares));
}

PairCounts pairCounts(const Ratings& r, int a, int b) {
  PairCounts c;
  for (const auto& [values, weight] : r.patterns()) {
    const int x = values[static_cast<std::size_t>(a)], y = values[static_cast<std::size_t>(b)];
    if (x == kMissing || y == kMissing) continue;
    c.units += weight;
    if (x && y) c.both += weight;
    else if (x) c.aOnly += weight;
    else if (y) c.bOnly += weight;
    else c.neither += weight;
  }
  return c;
}

Coefficient percentAgreement(const PairCounts& c) {
  if (c.units == 0) return Coefficient::undefined("no units to compare");
  return Coefficient::of((c.both + c.neither) / c.units);
}

Coefficient positiveAgreement(const PairCounts& c) {
  const double coded = 2 * c.both + c.aOnly + c.bOnly;
  if (coded == 0) return Coefficient::undefined("neither coder coded anything");
  return Coefficient::of(2 * c.both / coded);
}

}  // namespace cmoc::agreement
