// Krippendorff's alpha-u (unitized_alpha.h). With L the continuum's length, m the coders, a
// coder's sections its units and the gaps between them:
//   D_o = 2 / (m (m-1) L^2) * sum over coder pairs and overlapping sections of delta, where
//         delta = (begin difference)^2 + (end difference)^2 for two overlapping units, the
//         unit's length^2 for a unit lying wholly inside the other coder's gap, else 0;
//   D_e = (2 / L) * sum over units u of [ (N - 1) (2 l^3 - 3 l^2 + l) / 3
//                                        + l^2 * sum over gaps g with g >= l of (g - l + 1) ]
//         / ( m L (m L - 1) - sum over units of l (l - 1) ),
// N being the number of units of all coders (Krippendorff 2004, Content Analysis, sect. 11.6;
// the 1995 paper's D_e has a sign slip that the 2004 text corrects).
#include "cmoc/unitized_alpha.h"

#include <algorithm>
#include <stdexcept>

namespace cmoc::agreement {

namespace {

struct Section {
  std::int64_t start, end;
  bool unit;
};

// Units and gaps partitioning [0, length).
std::vector<Section> sections(const CodedSpans& units, std::int64_t length) {
  std::vector<Section> out;
  std::int64_t at = 0;
  for (const CodedSpan& u : units) {
    if (u.start > at) out.push_back({at, u.start, false});
    out.push_back({u.start, u.end, true});
    at = u.end;
  }
  if (at < length) out.push_back({at, length, false});
  return out;
}

double sq(std::int64_t v) { return static_cast<double>(v) * static_cast<double>(v); }

// Sections a and b share at least one code point.
double delta(const Section& a, const Section& b) {
  if (a.unit && b.unit) return sq(a.start - b.start) + sq(a.end - b.end);
  if (a.unit && !b.unit && b.start <= a.start && a.end <= b.end) return sq(a.end - a.start);
  if (!a.unit && b.unit && a.start <= b.start && b.end <= a.end) return sq(b.end - b.start);
  return 0;
}

// Sum of delta over the overlapping sections of two coders, walking both partitions at once.
double pairDisagreement(const std::vector<Section>& a, const std::vector<Section>& b) {
  double sum = 0;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    sum += delta(a[i], b[j]);
    if (a[i].end < b[j].end) ++i;
    else if (b[j].end < a[i].end) ++j;
    else ++i, ++j;
  }
  return sum;
}

}  // namespace

CodedSpans unitsOf(CodedSpans codings, std::int64_t length) {
  for (CodedSpan& s : codings) s = {std::clamp<std::int64_t>(s.start, 0, length), std::clamp<std::int64_t>(s.end, 0, length)};
  std::erase_if(codings, [](const CodedSpan& s) { return s.end <= s.start; });
  std::sort(codings.begin(), codings.end(),
            [](const CodedSpan& a, const CodedSpan& b) { return a.start != b.start ? a.start < b.start : a.end < b.end; });
  CodedSpans out;
  for (const CodedSpan& s : codings) {
    if (!out.empty() && s.start < out.back().end) out.back().end = std::max(out.back().end, s.end);
    else out.push_back(s);
  }
  return out;
}

UnitizedDisagreement unitizedDisagreement(const std::vector<UnitizedContinuum>& continua) {
  UnitizedDisagreement d;
  if (continua.empty()) return d;
  const std::size_t m = continua.front().byCoder.size();
  if (m < 2) throw std::invalid_argument("alpha-u needs at least two coders");
  double observed = 0, squaredLengths = 0;
  std::vector<std::int64_t> unitLengths, gaps;
  for (const UnitizedContinuum& c : continua) {
    if (c.byCoder.size() != m) throw std::invalid_argument("every continuum needs every coder");
    if (c.length <= 0) continue;
    d.length += c.length;
    std::vector<std::vector<Section>> byCoder;
    for (const CodedSpans& codings : c.byCoder) {
      byCoder.push_back(sections(unitsOf(codings, c.length), c.length));
      for (const Section& s : byCoder.back()) {
        const std::int64_t l = s.end - s.start;
        if (!s.unit) gaps.push_back(l);
        else unitLengths.push_back(l), squaredLengths += static_cast<double>(l) * static_cast<double>(l - 1);
      }
    }
    for (std::size_t a = 0; a < m; ++a)
      for (std::size_t b = a + 1; b < m; ++b) observed += pairDisagreement(byCoder[a], byCoder[b]);
  }
  d.units = static_cast<std::int64_t>(unitLengths.size());
  if (d.length == 0) return d;
  const double L = static_cast<double>(d.length), M = static_cast<double>(m);
  d.observed = 2 * observed / (M * (M - 1) * L * L);

  // sum over gaps g >= l of (g - l + 1) = (sum of those g) - (l - 1) * (their count), from
  // suffix sums over the sorted gaps: linear-logarithmic rather than units x gaps.
  std::sort(gaps.begin(), gaps.end());
  std::vector<double> suffix(gaps.size() + 1, 0);
  for (std::size_t k = gaps.size(); k-- > 0;) suffix[k] = suffix[k + 1] + static_cast<double>(gaps[k]);
  const double n = static_cast<double>(unitLengths.size());
  double expected = 0;
  for (std::int64_t len : unitLengths) {
    const double l = static_cast<double>(len);
    const std::size_t first = static_cast<std::size_t>(std::lower_bound(gaps.begin(), gaps.end(), len) - gaps.begin());
    const double fitting = static_cast<double>(gaps.size() - first);
    expected += (n - 1) * (2 * l * l * l - 3 * l * l + l) / 3 + l * l * (suffix[first] - (l - 1) * fitting);
  }
  const double denominator = M * L * (M * L - 1) - squaredLengths;
  d.expected = denominator > 0 ? 2 / L * expected / denominator : 0;
  return d;
}

Coefficient unitizedAlpha(const std::vector<UnitizedDisagreement>& codes) {
  double observed = 0, expected = 0;
  std::int64_t length = 0, units = 0;
  for (const UnitizedDisagreement& d : codes) {
    observed += d.observed, expected += d.expected;
    length = std::max(length, d.length), units += d.units;
  }
  if (length == 0) return Coefficient::undefined("no text to compare: the continuum is empty");
  if (units == 0) return Coefficient::undefined("no units: no coder coded this in the sources compared");
  if (expected <= 0) return Coefficient::undefined("no expected disagreement: the units leave no room to differ");
  return Coefficient::of(1 - observed / expected);
}

}  // namespace cmoc::agreement
