#include "model/search_presenter.h"

#include <set>

#include "model/format.h"

namespace cmoc::gui {

void SearchPresenter::run(const Project& project, const std::string& query, std::size_t limit) {
  SearchOptions options;
  options.limit = limit;
  options.contextChars = 50;
  const auto hits = project.search(query, options);
  rows_.clear();
  query_ = query;
  std::set<std::int64_t> sources;
  for (const SearchHit& h : hits) {
    SearchRow r;
    r.sourceId = h.sourceId;
    r.start = h.start;
    r.end = h.end;
    r.source = h.sourceName;
    r.who = h.participant.empty() ? h.speaker : h.participant;
    r.before = shorten(h.before, 60);
    r.match = h.match;
    r.after = shorten(h.after, 60);
    sources.insert(h.sourceId);
    rows_.push_back(std::move(r));
  }
  sources_ = sources.size();
  capped_ = hits.size() >= limit;
}

void SearchPresenter::clear() {
  rows_.clear();
  query_.clear();
  sources_ = 0;
  capped_ = false;
}

std::string SearchPresenter::summary() const {
  if (query_.empty()) return "Search the whole project with Ctrl+F.";
  if (rows_.empty()) return "No hits for \"" + query_ + "\".";
  return std::string(capped_ ? "First " : "") + std::to_string(rows_.size()) +
         (rows_.size() == 1 ? " hit" : " hits") + " in " + std::to_string(sources_) +
         (sources_ == 1 ? " source" : " sources") + " for \"" + query_ + "\"";
}

}  // namespace cmoc::gui
