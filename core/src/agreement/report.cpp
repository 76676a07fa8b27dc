// computeAgreement(): the coders' codings, cut into units, through the statistics.
#include <bit>
#include <functional>

#include "cmoc/agreement.h"
#include "cmoc/error.h"
#include "input.h"
#include "nominal.h"
#include "sweep.h"
#include "unitized_report.h"

namespace cmoc {

std::string_view toString(AgreementUnit unit) {
  switch (unit) {
    case AgreementUnit::Character: return "char";
    case AgreementUnit::Sentence: return "sentence";
    case AgreementUnit::Paragraph: return "paragraph";
    case AgreementUnit::Turn: return "turn";
  }
  return "char";
}

AgreementUnit parseAgreementUnit(std::string_view s) {
  if (s == "char" || s == "character") return AgreementUnit::Character;
  if (s == "sentence") return AgreementUnit::Sentence;
  if (s == "paragraph") return AgreementUnit::Paragraph;
  if (s == "turn") return AgreementUnit::Turn;
  throw UsageError("unknown unit '" + std::string(s) + "' (char, sentence, paragraph or turn)");
}

namespace agreement {
namespace {

using Channels = std::vector<Ratings>;

// Coded / not coded values of a unit from the coders' bit mask; coders outside `compared` are
// missing there.
void valuesOf(std::uint32_t mask, std::uint32_t compared, std::vector<int>& values) {
  for (std::size_t c = 0; c < values.size(); ++c)
    values[c] = !(compared >> c & 1u) ? kMissing : static_cast<int>(mask >> c & 1u);
}

// Counts units per mask before they become Ratings patterns, so unit-level comparison of a
// long source costs an array increment per unit rather than a map lookup.
class MaskTally {
 public:
  explicit MaskTally(std::size_t coders) : counts_(std::size_t{1} << coders, 0), values_(coders) {}
  void add(std::uint32_t mask, double weight) {
    if (counts_[mask] == 0) touched_.push_back(mask);
    counts_[mask] += weight;
  }
  void flushInto(Ratings& r, std::uint32_t compared) {
    for (std::uint32_t mask : touched_) {
      valuesOf(mask, compared, values_);
      r.add(values_, counts_[mask]);
      counts_[mask] = 0;
    }
    touched_.clear();
  }

 private:
  std::vector<double> counts_;
  std::vector<std::uint32_t> touched_;
  std::vector<int> values_;
};

void addCharacters(const SourceData& s, std::uint32_t compared, bool codedOnly, Channels& channels,
                   MaskTally& tally) {
  std::int64_t scope = s.length;
  if (codedOnly) {
    Spans all;
    for (const ChannelSpans& cs : s.channels)
      for (const Spans* sp : comparedSpans(cs, compared)) all.insert(all.end(), sp->begin(), sp->end());
    scope = length(normalized(std::move(all)));
  }
  std::vector<bool> seen(channels.size(), false);
  for (const ChannelSpans& cs : s.channels) {
    seen[cs.channel] = true;
    std::int64_t covered = 0;
    for (const Run& run : codedRuns(comparedSpans(cs, compared))) {
      tally.add(run.mask, static_cast<double>(run.end - run.start));
      covered += run.end - run.start;
    }
    tally.add(0, static_cast<double>(scope - covered));
    tally.flushInto(channels[cs.channel], compared);
  }
  for (std::size_t ch = 0; ch < channels.size(); ++ch)
    if (!seen[ch]) {
      tally.add(0, static_cast<double>(scope));
      tally.flushInto(channels[ch], compared);
    }
}

// Which units count: all, or with codedOnly those some compared coder coded with any channel.
std::vector<bool> unitsInScope(const SourceData& s, std::uint32_t compared, bool codedOnly,
                               std::vector<std::vector<std::uint32_t>>& masks) {
  Spans units;
  for (const Unit& u : s.units) units.push_back(u.span);
  std::vector<bool> in(units.size(), !codedOnly);
  for (const ChannelSpans& cs : s.channels) {
    masks.push_back(unitMasks(units, comparedSpans(cs, compared)));
    for (std::size_t u = 0; u < units.size(); ++u)
      if (masks.back()[u]) in[u] = true;
  }
  return in;
}

void addUnits(const SourceData& s, std::uint32_t compared, const std::vector<bool>& in,
              const std::vector<std::vector<std::uint32_t>>& masks, Channels& channels,
              MaskTally& tally) {
  std::vector<bool> seen(channels.size(), false);
  double count = 0;
  for (bool b : in) count += b;
  for (std::size_t i = 0; i < s.channels.size(); ++i) {
    seen[s.channels[i].channel] = true;
    for (std::size_t u = 0; u < in.size(); ++u)
      if (in[u]) tally.add(masks[i][u], 1);
    tally.flushInto(channels[s.channels[i].channel], compared);
  }
  for (std::size_t ch = 0; ch < channels.size(); ++ch)
    if (!seen[ch]) {
      tally.add(0, count);
      tally.flushInto(channels[ch], compared);
    }
}

[[noreturn]] void reportConflict(const Loaded& in, const SourceData& s, AgreementUnit unit,
                                 const CategoryConflict& c) {
  const std::string where =
      (unit == AgreementUnit::Character ? s.name : s.name + " " + unitLabel(unit, c.unitNumber)) +
      " [" + std::to_string(c.where.start) + ", " + std::to_string(c.where.end) + ")";
  throw UsageError("coder '" + in.coders[c.coder] + "' applied two categories of group '" +
                   *in.groupPath + "' to " + where + ": '" + in.channels[c.first].path +
                   "' and '" + in.channels[c.second].path +
                   "'; the group's codes must be mutually exclusive");
}

// Undefined coefficients say why in the terms of what was compared.
Coefficient explain(Coefficient c, const Ratings& r, const std::function<std::string(int)>& valueName) {
  if (c.value || c.reason.rfind("no variation", 0) != 0) return c;
  if (auto v = r.onlyValue()) c.reason = "no variation: " + valueName(*v);
  return c;
}

CodeAgreement makeRow(std::string label, const Ratings& r, const std::vector<std::string>& coders,
                      bool nominal, const std::function<std::string(int)>& valueName) {
  CodeAgreement row;
  row.code = std::move(label);
  row.nominal = nominal;
  row.units = r.units();
  row.percent = explain(percentAgreement(r), r, valueName);
  row.cohenKappa = coders.size() == 2
                       ? explain(cohenKappa(r), r, valueName)
                       : Coefficient::undefined("Cohen's kappa compares two coders; see the pairs");
  row.fleissKappa = explain(fleissKappa(r), r, valueName);
  row.alpha = explain(krippendorffAlpha(r), r, valueName);
  for (std::size_t a = 0; a < coders.size(); ++a)
    for (std::size_t b = a + 1; b < coders.size(); ++b) {
      const Ratings pr = r.pair(static_cast<int>(a), static_cast<int>(b));
      PairAgreement p{coders[a], coders[b], {}, {}, {}, {}};
      // Coded / not coded counts mean nothing for categories; the units both rated still do.
      p.counts = pairCounts(pr, 0, 1);
      if (nominal) p.counts = {.units = p.counts.units};
      p.percent = explain(percentAgreement(pr), pr, valueName);
      p.cohenKappa = explain(cohenKappa(pr), pr, valueName);
      p.alpha = explain(krippendorffAlpha(pr), pr, valueName);
      row.pairs.push_back(std::move(p));
    }
  return row;
}

std::string joined(const std::vector<std::string>& names) {
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i)
    s += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return s;
}

}  // namespace
}  // namespace agreement

AgreementReport computeAgreement(const Project& project, const AgreementOptions& options) {
  using namespace agreement;
  if (options.unitized) checkUnitizedOptions(options);
  const Loaded in = loadCodings(
      project, {options.coders, options.codes, options.group, options.sources, options.unit});
  const std::size_t m = in.coders.size();
  const std::uint32_t everyone = (1u << m) - 1;

  AgreementReport report;
  report.coders = in.coders;
  report.unit = options.unit;
  report.codedOnly = options.codedOnly;
  report.includeSingleCoderSources = options.includeSingleCoderSources;
  report.unitized = options.unitized;
  report.group = in.groupPath;
  report.sourcesUncoded = in.uncodedSources;

  Channels channels(in.channels.size(), Ratings(static_cast<int>(m)));
  Ratings nominal(static_cast<int>(m));
  MaskTally tally(m);
  for (const SourceData& s : in.sources) {
    const std::uint32_t compared = comparedCoders(s, m, options.includeSingleCoderSources);
    if (s.codedBy != everyone) {
      SourceCoverage cov{s.name, {}, {}, compared != 0};
      for (std::size_t c = 0; c < m; ++c) (s.codedBy >> c & 1u ? cov.codedBy : cov.notCodedBy).push_back(in.coders[c]);
      report.partialSources.push_back(std::move(cov));
    }
    if (!compared) continue;
    ++report.sourcesCompared;
    if (options.unit == AgreementUnit::Character) {
      addCharacters(s, compared, options.codedOnly, channels, tally);
      if (in.groupPath) {
        const CategoryRunsResult r = addCategoryRuns(s, m, nominal);
        if (r.conflict) reportConflict(in, s, options.unit, *r.conflict);
        const std::int64_t scope = options.codedOnly ? r.covered : s.length;
        nominal.add(std::vector<int>(m, kMissing), static_cast<double>(scope - r.covered));
      }
    } else {
      std::vector<std::vector<std::uint32_t>> masks;
      const std::vector<bool> scope = unitsInScope(s, compared, options.codedOnly, masks);
      addUnits(s, compared, scope, masks, channels, tally);
      if (in.groupPath)
        if (auto conflict = addCategoryUnits(s, m, scope, nominal))
          reportConflict(in, s, options.unit, *conflict);
    }
  }
  if (report.sourcesCompared == 0)
    throw UsageError("no source was coded by two of the coders " + joined(in.coders) +
                     "; --include-single-coder-sources compares sources one coder coded");

  auto binaryName = [](const std::string& what) {
    return [what](int v) {
      return v ? "every coder coded every unit compared with " + what
               : "no coder applied " + what + " in the units compared";
    };
  };
  Ratings pooled(static_cast<int>(m));
  for (std::size_t ch = 0; ch < channels.size(); ++ch) {
    report.codes.push_back(
        makeRow(in.channels[ch].path, channels[ch], in.coders, false, binaryName("this code")));
    pooled.add(channels[ch]);
  }
  if (in.groupPath) {
    report.overall = makeRow(*in.groupPath + " (categories)", nominal, in.coders, true, [&](int v) {
      return "every rating is '" + in.channels[static_cast<std::size_t>(v)].path + "'";
    });
  } else {
    report.overall = makeRow("All codes (pooled)", pooled, in.coders, false, binaryName("any code"));
  }
  if (options.unitized) addUnitizedAlpha(in, options, report);
  return report;
}

std::string AgreementReport::method() const {
  using agreement::joined;
  std::string s = "Agreement between the coders " + joined(coders) + " was assessed ";
  switch (unit) {
    case AgreementUnit::Character:
      s += "at the character level: each character (Unicode code point) counts as coded or not "
           "coded with each code, as NVivo's coding comparison counts it.";
      break;
    case AgreementUnit::Sentence:
      s += "per sentence (Unicode sentence boundaries): a sentence counts as coded with a code "
           "when any part of it is.";
      break;
    case AgreementUnit::Paragraph:
      s += "per paragraph (a line of text): a paragraph counts as coded with a code when any "
           "part of it is.";
      break;
    case AgreementUnit::Turn:
      s += "per speaker turn: a turn counts as coded with a code when any part of it is.";
      break;
  }
  s += codedOnly ? " Only units that at least one coder coded with one of the compared codes "
                   "were counted; text no coder coded was left out."
                 : " All units were counted, including text that no coder coded.";
  // Appended piece by piece: GCC 12 at -O3 misreports `" " + std::to_string(n)` (-Wrestrict).
  auto count = [](std::int64_t n, const char* one, const char* many) {
    std::string c = std::to_string(n);
    c += n == 1 ? one : many;
    return c;
  };
  s += ' ';
  s += count(sourcesCompared, " source was", " sources were");
  s += " compared.";
  std::int64_t left = 0, partial = 0;
  for (const SourceCoverage& c : partialSources) (c.compared ? partial : left) += 1;
  if (left) {
    s += ' ';
    s += count(left, " source coded by only one coder was", " sources coded by only one coder were");
    s += " left out.";
  }
  if (includeSingleCoderSources) {
    s += " Sources coded by only some coders were included, a coder who coded nothing in a "
         "source counting as not coding it.";
  } else if (partial) {
    s += " In ";
    s += count(partial, " source", " sources");
    s += " not coded by every coder, the absent coders' values are missing.";
  }
  if (group) {
    s += " The child codes of '" + *group + "' were treated as mutually exclusive categories of "
         "one nominal variable; a coder who applied none of them to a unit has a missing value "
         "there. Reported: " +
         std::string(coders.size() == 2 ? "Cohen's kappa, " : "") +
         "Fleiss' kappa (over units every coder categorised) and Krippendorff's alpha (nominal, "
         "missing values allowed), with percent agreement and, per category, coded / not coded "
         "agreement.";
  } else if (coders.size() == 2) {
    s += " Reported per code: percent agreement, Cohen's kappa and Krippendorff's alpha "
         "(nominal); the overall figures pool all codes, each unit and code being one decision.";
  } else {
    s += " Reported per code: percent agreement (the share of agreeing coder pairs per unit), "
         "Fleiss' kappa (over units every coder rated) and Krippendorff's alpha (nominal, missing "
         "values allowed), with percent agreement and Cohen's kappa for each pair of coders; the "
         "overall figures pool all codes.";
  }
  if (unitized) {
    s += " Krippendorff's unitized alpha (alpha-u; Krippendorff 1995, 2004) compares where each "
         "coder's passages of a code begin and end, the uncoded gaps counting as sections: each "
         "code is a continuum of the ";
    s += count(sourcesUnitized, " source", " sources");
    s += " every coder coded, a coder's overlapping or touching codings of a code being one "
         "unit; the overall alpha-u pools the codes as separate continua (1 - sum of observed / "
         "sum of expected disagreement).";
  }
  return s;
}

}  // namespace cmoc
