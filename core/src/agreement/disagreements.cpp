// listDisagreements(): where the coders differ, code by code, with the text and what each
// coder applied there, for discussion and adjudication.
#include <algorithm>

#include "cmoc/adjudication.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "input.h"
#include "sweep.h"

namespace cmoc {

namespace agreement {
namespace {

struct Found {
  Span span;
  std::size_t channel = 0;
  std::uint32_t mask = 0;
  std::int64_t unitNumber = 0;
};

std::vector<Found> findIn(const SourceData& s, std::uint32_t compared, AgreementUnit unit) {
  std::vector<Found> out;
  Spans units;
  for (const Unit& u : s.units) units.push_back(u.span);
  for (const ChannelSpans& cs : s.channels) {
    const std::vector<const Spans*> spans = comparedSpans(cs, compared);
    if (unit == AgreementUnit::Character) {
      for (const Run& r : codedRuns(spans))
        if (r.mask != compared) out.push_back({{r.start, r.end}, cs.channel, r.mask, 0});
      continue;
    }
    const std::vector<std::uint32_t> masks = unitMasks(units, spans);
    for (std::size_t u = 0; u < units.size(); ++u)
      if (masks[u] && masks[u] != compared)
        out.push_back({units[u], cs.channel, masks[u], s.units[u].number});
  }
  std::stable_sort(out.begin(), out.end(), [](const Found& a, const Found& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start : a.span.end < b.span.end;
  });
  return out;
}

}  // namespace
}  // namespace agreement

std::vector<Disagreement> listDisagreements(const Project& project, const DisagreementOptions& options) {
  using namespace agreement;
  const Loaded in = loadCodings(project, {options.coders, options.codes, std::nullopt,
                                          options.sources, options.unit});
  const std::size_t m = in.coders.size();
  std::vector<Disagreement> out;
  for (const SourceData& s : in.sources) {
    const std::uint32_t compared = comparedCoders(s, m, options.includeSingleCoderSources);
    if (!compared) continue;
    const std::vector<Found> found = findIn(s, compared, options.unit);
    if (found.empty()) continue;
    const std::string text = project.sourceText(s.id);
    const text::TextIndex index(text);
    for (const Found& f : found) {
      Disagreement d;
      d.sourceId = s.id;
      d.source = s.name;
      d.start = f.span.start;
      d.end = f.span.end;
      d.code = in.channels[f.channel].path;
      d.id = s.label + ":" + std::to_string(d.start) + "-" + std::to_string(d.end) + ":" + d.code;
      if (options.unit != AgreementUnit::Character) d.unit = unitLabel(options.unit, f.unitNumber);
      d.codesByCoder.resize(m);
      for (std::size_t c = 0; c < m; ++c) {
        d.applied.push_back(f.mask >> c & 1u);
        if (!(compared >> c & 1u)) continue;
        for (const ChannelSpans& cs : s.channels)
          if (overlaps(cs.byCoder[c], f.span)) d.codesByCoder[c].push_back(in.channels[cs.channel].path);
      }
      const std::int64_t b = index.byteOfCodePoint(d.start), e = index.byteOfCodePoint(d.end);
      d.text = text.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b));
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace cmoc
