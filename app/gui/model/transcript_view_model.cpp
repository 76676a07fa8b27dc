#include "model/transcript_view_model.h"

#include <algorithm>
#include <numeric>

namespace cmoc::gui {

CodeLookup makeCodeLookup(const std::vector<Code>& codes) {
  CodeLookup lookup;
  lookup.reserve(codes.size());
  for (const Code& c : codes) lookup.emplace(c.id, c);
  return lookup;
}

std::string stripeHover(const std::string& codeName, const std::string& coder,
                        const std::string& createdAt) {
  std::string s = codeName + " - " + coder;
  if (!createdAt.empty()) s += " - " + datePart(createdAt);
  return s;
}

TranscriptViewModel TranscriptViewModel::load(Project& project, std::int64_t sourceId,
                                              const CodeLookup& codes, const Options& options) {
  const std::string ref = std::to_string(sourceId);
  CodingFilter filter;
  filter.sources = {ref};
  if (options.onlyCoder) filter.coders = {*options.onlyCoder};
  return build(project.source(ref), project.sourceText(sourceId), project.turns(sourceId),
               Coding(project).list(filter), codes);
}

TranscriptViewModel TranscriptViewModel::build(SourceSummary source, std::string text,
                                               const std::vector<TurnView>& turns,
                                               const std::vector<CodingRecord>& codings,
                                               const CodeLookup& codes) {
  TranscriptViewModel vm;
  vm.source_ = std::move(source);
  vm.sourceText_ = std::make_unique<std::string>(std::move(text));
  vm.index_ = std::make_unique<text::TextIndex>(*vm.sourceText_);
  vm.layout(turns);
  vm.setCodings(codings, codes);
  return vm;
}

void TranscriptViewModel::layout(const std::vector<TurnView>& turnViews) {
  const std::string& text = *sourceText_;
  std::vector<TurnView> turns = turnViews;
  std::sort(turns.begin(), turns.end(),
            [](const TurnView& a, const TurnView& b) { return a.start < b.start; });
  display_.reserve(text.size() + turns.size() * 48);
  std::optional<std::int64_t> lastMs;

  if (turns.empty()) {
    // A source without recognised turns is shown whole.
    segments_.push_back({0, static_cast<std::int64_t>(text.size()), 0, 0, index_->codePoints()});
    display_ = text;
  }
  std::int64_t previousEnd = 0;
  for (const TurnView& t : turns) {
    const std::int64_t start = std::clamp(std::max(t.start, previousEnd), std::int64_t{0}, index_->codePoints());
    const std::int64_t end = std::clamp(t.end, start, index_->codePoints());
    previousEnd = end;
    if (!display_.empty()) display_ += '\n';  // a blank line between turns
    TurnLayout L;
    L.seq = t.seq;
    L.speaker = t.speaker;
    L.participant = t.participant;
    L.interviewer = t.interviewer;
    L.startMs = t.startMs;
    L.start = start;
    L.end = end;
    L.headerByte = static_cast<std::int64_t>(display_.size());
    std::string name = t.speaker;
    if (!t.participant.empty() && t.participant != t.speaker)
      name += name.empty() ? t.participant : "  \xC2\xB7  " + t.participant;  // " · 19"
    if (!name.empty() || t.startMs) {
      if (!name.empty()) {
        styles_.push_back({static_cast<std::int64_t>(display_.size()),
                           static_cast<std::int64_t>(name.size()),
                           t.interviewer ? TextStyle::Interviewer : TextStyle::Speaker});
        display_ += name;
      }
      if (t.startMs) {
        display_ += name.empty() ? "" : "    ";
        const std::string clock = formatClock(*t.startMs);
        styles_.push_back({static_cast<std::int64_t>(display_.size()),
                           static_cast<std::int64_t>(clock.size()), TextStyle::Time});
        display_ += clock;
      }
      display_ += '\n';
    }
    const std::int64_t sb = index_->byteOfCodePoint(start), eb = index_->byteOfCodePoint(end);
    L.bodyByte = static_cast<std::int64_t>(display_.size());
    segments_.push_back({L.bodyByte, eb - sb, sb, start, end});
    display_.append(text, static_cast<std::size_t>(sb), static_cast<std::size_t>(eb - sb));
    L.bodyEndByte = static_cast<std::int64_t>(display_.size());
    display_ += '\n';
    if (t.endMs) lastMs = std::max(lastMs.value_or(0), *t.endMs);
    else if (t.startMs) lastMs = std::max(lastMs.value_or(0), *t.startMs);
    turns_.push_back(std::move(L));
  }

  title_ = source_.name;
  if (!source_.participants.empty()) title_ += "  \xC2\xB7  " + source_.participants;
  if (!source_.format.empty()) title_ += "  \xC2\xB7  " + source_.format;
  if (lastMs) title_ += "  \xC2\xB7  " + formatClock(*lastMs);
  title_ += "  \xC2\xB7  " + std::to_string(turns.size()) + (turns.size() == 1 ? " turn" : " turns");
}

void TranscriptViewModel::reloadCodings(Project& project, const CodeLookup& codes,
                                        const Options& options) {
  CodingFilter filter;
  filter.sources = {sourceRef()};
  if (options.onlyCoder) filter.coders = {*options.onlyCoder};
  setCodings(Coding(project).list(filter), codes);
}

void TranscriptViewModel::setCodings(const std::vector<CodingRecord>& codings,
                                     const CodeLookup& codes) {
  stripes_.clear();
  stripes_.reserve(codings.size());
  for (const CodingRecord& r : codings) {
    CodingStripe s;
    s.codingId = r.id;
    s.codeId = r.codeId;
    s.codePath = r.codePath;
    s.coder = r.coder;
    s.memo = r.memo;
    s.createdAt = r.createdAt;
    s.start = r.start;
    s.end = r.end;
    if (auto it = codes.find(r.codeId); it != codes.end()) {
      s.codeName = it->second.name;
      s.kind = it->second.kind;
      s.colour = codeColour(it->second.color, it->second.kind);
    } else {
      s.codeName = leafName(r.codePath);
      s.colour = kindColour(CodeKind::Other);
    }
    std::tie(s.startByte, s.endByte) = displaySpanOf(r.start, r.end);
    s.hover = stripeHover(s.codeName, s.coder, s.createdAt);
    stripes_.push_back(std::move(s));
  }
  assignLanes();
}

void TranscriptViewModel::assignLanes() {
  // Longer codings first among those starting together, so nested codings sit to their right.
  std::sort(stripes_.begin(), stripes_.end(), [](const CodingStripe& a, const CodingStripe& b) {
    if (a.startByte != b.startByte) return a.startByte < b.startByte;
    if (a.endByte != b.endByte) return a.endByte > b.endByte;
    return a.codingId < b.codingId;
  });
  std::vector<std::int64_t> laneEnd;
  for (CodingStripe& s : stripes_) {
    std::size_t lane = 0;
    while (lane < laneEnd.size() && laneEnd[lane] > s.startByte) ++lane;
    if (lane == laneEnd.size()) laneEnd.push_back(0);
    laneEnd[lane] = std::max(s.endByte, s.startByte + 1);
    s.lane = static_cast<int>(lane);
  }
  lanes_ = static_cast<int>(laneEnd.size());
}

std::int64_t TranscriptViewModel::displayByteOf(std::int64_t cp, bool atEnd) const {
  if (segments_.empty()) return 0;
  auto it = std::upper_bound(segments_.begin(), segments_.end(), cp,
                             [](std::int64_t v, const Segment& s) { return v < s.cpStart; });
  if (it == segments_.begin()) return segments_.front().displayByte;
  const Segment& seg = *(it - 1);
  if (cp <= seg.cpEnd) return seg.displayByte + (index_->byteOfCodePoint(cp) - seg.sourceByte);
  if (atEnd || it == segments_.end()) return seg.displayByte + seg.bytes;
  return it->displayByte;
}

std::int64_t TranscriptViewModel::sourceCpOf(std::int64_t byte, bool atEnd) const {
  if (segments_.empty()) return 0;
  auto it = std::upper_bound(segments_.begin(), segments_.end(), byte,
                             [](std::int64_t v, const Segment& s) { return v < s.displayByte; });
  if (it == segments_.begin()) return segments_.front().cpStart;
  const Segment& seg = *(it - 1);
  const std::int64_t segEnd = seg.displayByte + seg.bytes;
  if (byte < segEnd) return index_->codePointOfByte(seg.sourceByte + (byte - seg.displayByte));
  if (atEnd || it == segments_.end()) return seg.cpEnd;
  return it->cpStart;
}

std::optional<std::pair<std::int64_t, std::int64_t>> TranscriptViewModel::sourceSpanOf(
    std::int64_t fromByte, std::int64_t toByte) const {
  if (fromByte > toByte) std::swap(fromByte, toByte);
  const std::int64_t s = sourceCpOf(fromByte, false), e = sourceCpOf(toByte, true);
  if (e <= s) return std::nullopt;
  auto snapped = text::snapToGraphemes(*sourceText_, s, e);
  if (snapped.second <= snapped.first) return std::nullopt;
  return snapped;
}

std::pair<std::int64_t, std::int64_t> TranscriptViewModel::displaySpanOf(std::int64_t start,
                                                                        std::int64_t end) const {
  const std::int64_t b0 = displayByteOf(start, false);
  const std::int64_t b1 = displayByteOf(end, true);
  return {b0, std::max(b0, b1)};
}

std::vector<const CodingStripe*> TranscriptViewModel::stripesAt(std::int64_t byte) const {
  std::vector<const CodingStripe*> out;
  for (const CodingStripe& s : stripes_) {
    if (s.startByte > byte) break;  // sorted by start
    if (byte < s.endByte) out.push_back(&s);
  }
  std::stable_sort(out.begin(), out.end(), [](const CodingStripe* a, const CodingStripe* b) {
    return a->endByte - a->startByte < b->endByte - b->startByte;
  });
  return out;
}

const CodingStripe* TranscriptViewModel::stripe(std::int64_t codingId) const {
  for (const CodingStripe& s : stripes_)
    if (s.codingId == codingId) return &s;
  return nullptr;
}

std::optional<std::size_t> TranscriptViewModel::turnAt(std::int64_t byte) const {
  if (turns_.empty()) return std::nullopt;
  auto it = std::upper_bound(turns_.begin(), turns_.end(), byte,
                             [](std::int64_t v, const TurnLayout& t) { return v < t.headerByte; });
  if (it == turns_.begin()) return std::nullopt;
  return static_cast<std::size_t>(it - turns_.begin() - 1);
}

}  // namespace cmoc::gui
