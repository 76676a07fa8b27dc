#include "model/sources_presenter.h"

#include <map>
#include <set>

#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/matrix.h"
#include "cmoc/text.h"

namespace cmoc::gui {

namespace {

std::vector<std::string> splitList(const std::string& s) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at <= s.size()) {
    const auto comma = s.find(',', at);
    std::string part = s.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    const auto b = part.find_first_not_of(' '), e = part.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
    if (comma == std::string::npos) break;
    at = comma + 1;
  }
  return out;
}

}  // namespace

void SourcesPresenter::reload(Project& project, const SourceFilter& filter) {
  filter_ = filter;
  const auto sources = project.sources();
  total_ = sources.size();

  std::optional<std::map<std::int64_t, std::int64_t>> coderCounts;
  if (!filter.coder.empty()) {
    CodingFilter f;
    f.coders = {filter.coder};
    coderCounts.emplace();
    for (const CodingCount& n : Coding(project).countPerSource(f)) (*coderCounts)[n.id] = n.codings;
  }
  std::optional<std::set<std::int64_t>> withAttribute;
  if (filter.attribute) {
    CodingFilter f;
    f.attributes = {*filter.attribute};
    if (!filter.coder.empty()) f.coders = {filter.coder};
    withAttribute.emplace();
    for (const CodingCount& n : Coding(project).countPerSource(f)) withAttribute->insert(n.id);
  }
  const std::string needle = text::fold(filter.text);

  rows_.clear();
  for (const SourceSummary& s : sources) {
    SourceRow r;
    r.id = s.id;
    r.name = s.name;
    r.format = s.format;
    r.participants = s.participants;
    r.turns = s.turns;
    r.codings = s.codings;
    if (coderCounts) {
      auto it = coderCounts->find(s.id);
      r.codings = it == coderCounts->end() ? 0 : it->second;
    }
    if (filter.coded == CodedFilter::Coded && r.codings == 0) continue;
    if (filter.coded == CodedFilter::Uncoded && r.codings > 0) continue;
    if (!filter.participant.empty()) {
      const auto codes = splitList(s.participants);
      bool found = false;
      for (const auto& c : codes) found = found || c == filter.participant;
      if (!found) continue;
    }
    if (withAttribute && !withAttribute->count(s.id)) continue;
    if (!needle.empty() && text::fold(s.name).find(needle) == std::string::npos &&
        text::fold(s.participants).find(needle) == std::string::npos)
      continue;
    r.label = (s.participants.empty() ? std::string() : s.participants + "  ") + s.name;
    r.counts = r.codings == 0 ? "uncoded" : std::to_string(r.codings);
    rows_.push_back(std::move(r));
  }
}

std::string SourcesPresenter::heading() const {
  std::string h = "Sources (" + (rows_.size() == total_ ? std::to_string(total_)
                                                        : std::to_string(rows_.size()) + " of " +
                                                              std::to_string(total_));
  if (!filter_.coder.empty()) h += "; coder " + filter_.coder;
  if (filter_.attribute) h += "; " + filter_.attribute->first + " = " + filter_.attribute->second;
  return h + ")";
}

std::vector<std::string> SourcesPresenter::attributeValues(const Project& project,
                                                           const std::string& attribute) {
  try {
    return cmoc::attributeValues(project, attribute);
  } catch (const UsageError&) {
    return {};
  }
}

std::optional<std::size_t> SourcesPresenter::indexOf(std::int64_t sourceId) const {
  for (std::size_t i = 0; i < rows_.size(); ++i)
    if (rows_[i].id == sourceId) return i;
  return std::nullopt;
}

}  // namespace cmoc::gui
