// The coders' loaded coverage per source and code, as alpha-u continua. The loader has already
// merged each coder's codings of a code into normalized spans, so codings that overlap or touch
// arrive as one unit (alpha-u assumes a coder's units of one code do not overlap).
#include "unitized_report.h"

#include "cmoc/error.h"
#include "cmoc/unitized_alpha.h"

namespace cmoc::agreement {

void checkUnitizedOptions(const AgreementOptions& options) {
  if (options.unit != AgreementUnit::Character)
    throw UsageError("--unitized measures spans of characters; it cannot be combined with --unit");
  if (options.group)
    throw UsageError("--unitized compares each code as its own continuum; it cannot be combined with --group");
  if (options.codedOnly)
    throw UsageError("--unitized counts the uncoded gaps too; it cannot be combined with --coded-only");
}

void addUnitizedAlpha(const Loaded& in, const AgreementOptions& options, AgreementReport& report) {
  const std::size_t m = in.coders.size();
  const std::uint32_t everyone = (1u << m) - 1;
  std::vector<std::vector<UnitizedContinuum>> byChannel(in.channels.size());
  for (const SourceData& s : in.sources) {
    if (comparedCoders(s, m, options.includeSingleCoderSources) != everyone) continue;
    ++report.sourcesUnitized;
    for (auto& continua : byChannel) continua.push_back({s.length, std::vector<CodedSpans>(m)});
    for (const ChannelSpans& cs : s.channels)
      for (std::size_t c = 0; c < m; ++c)
        for (const Span& sp : cs.byCoder[c]) byChannel[cs.channel].back().byCoder[c].push_back({sp.start, sp.end});
  }
  if (report.sourcesUnitized == 0) {
    const Coefficient none = Coefficient::undefined(
        "no source was coded by every coder; alpha-u compares everyone's units of the same text");
    for (CodeAgreement& row : report.codes) row.unitizedAlpha = none;
    report.overall.unitizedAlpha = none;
    return;
  }
  std::vector<UnitizedDisagreement> all;
  for (std::size_t ch = 0; ch < byChannel.size(); ++ch) {
    all.push_back(unitizedDisagreement(byChannel[ch]));
    report.codes[ch].unitizedAlpha = unitizedAlpha({all.back()});
  }
  report.overall.unitizedAlpha = unitizedAlpha(all);
}

}  // namespace cmoc::agreement
