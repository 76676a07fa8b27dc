#pragma once
// Krippendorff's alpha for unitizing a continuum (alpha-u): how far coders agree on where the
// passages of one code begin and end, not only on which characters are coded. Krippendorff
// (1995) "On the reliability of unitizing continuous data", Sociological Methodology 25; the
// expected disagreement as corrected in Krippendorff (2004) "Content Analysis", 2nd ed., ch. 11
// (also "Measuring the reliability of qualitative text analysis data", Quality & Quantity 38).
//
// Each source is a continuum of code points. A coder's codings of one code are the units; the
// stretches between them (gaps) are sections too, so a unit another coder left uncoded counts.
// Pure: plain span vectors in, figures out (core/src/agreement/unitized_alpha.cpp).
#include <cstdint>
#include <vector>

#include "cmoc/agreement.h"

namespace cmoc::agreement {

// A coding's code points [start, end) within its source.
struct CodedSpan {
  std::int64_t start = 0, end = 0;
  bool operator==(const CodedSpan&) const = default;
};
using CodedSpans = std::vector<CodedSpan>;

// One code on one source: the source's length in code points and each coder's units.
struct UnitizedContinuum {
  std::int64_t length = 0;
  std::vector<CodedSpans> byCoder;  // one per coder, in any order, overlaps allowed
};

// Observed and expected disagreement of one code, with the sources laid end to end as one
// continuum whose sections never cross a source boundary.
struct UnitizedDisagreement {
  double observed = 0, expected = 0;
  std::int64_t length = 0;  // total code points
  std::int64_t units = 0;   // units over all coders, after merging
};

// A coder's units of one source: overlapping codings (sharing a code point) merge into one, as
// alpha-u assumes a coder's units of a category do not overlap; touching ones stay two units,
// since where one passage ends and the next begins is what unitizing is about.
CodedSpans unitsOf(CodedSpans codings, std::int64_t length);

// Every continuum must list the same number of coders, at least two.
UnitizedDisagreement unitizedDisagreement(const std::vector<UnitizedContinuum>& continua);

// 1 - observed / expected, summing over the codes given: one code gives its own alpha-u; several
// give the overall alpha-u over all categories (Krippendorff 2004, as DKPro Statistics computes
// it), each code a separate binary continuum of the same texts. n/a with the reason when there
// is no text or nobody coded anything.
Coefficient unitizedAlpha(const std::vector<UnitizedDisagreement>& codes);

}  // namespace cmoc::agreement
