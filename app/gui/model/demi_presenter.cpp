#include "model/demi_presenter.h"

#include <map>

#include "cmoc/cmoc_text.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/project.h"
#include "model/format.h"

namespace cmoc::gui {

void DemiPresenter::reload(Project& project, const DemiOptions& options) {
  threshold_ = options.threshold;
  data_ = demiregularities(project, options);
  rows_.clear();
  for (const Demiregularity& d : data_) {
    DemiRow r;
    r.mechanismId = d.mechanismId;
    r.mechanism = d.mechanism;
    r.cmocs = static_cast<std::int64_t>(d.cmocs.size());
    r.contexts = static_cast<std::int64_t>(d.contexts.size());
    r.outcomes = static_cast<std::int64_t>(d.outcomes.size());
    r.excerpts = d.excerpts;
    r.sources = d.sources;
    r.participants = static_cast<std::int64_t>(d.participants.size());
    r.caseTypes = static_cast<std::int64_t>(d.caseTypes.size());
    r.warn = d.failing > 0;
    if (d.failing == 0) {
      r.belowRule = "0";
    } else {
      r.belowRule = std::to_string(d.failing) + (d.failing == 1 ? " CMOC" : " CMOCs");
      if (d.failing == 1)
        for (const DemiCmoc& c : d.cmocs)
          if (c.failsRule)
            r.belowRule += " (" + std::to_string(c.sources) + (c.sources == 1 ? " source)" : " sources)");
    }
    rows_.push_back(std::move(r));
  }
}

std::vector<DrillCmoc> DemiPresenter::drill(Project& project, std::size_t index) const {
  std::vector<DrillCmoc> out;
  if (index >= data_.size()) return out;
  std::map<std::int64_t, std::string> paths;
  for (const Code& c : Codebook(project).list()) paths[c.id] = c.path;
  // Excerpts come per (source, code); cache them so a CMOC's quotes cost one query each.
  std::map<std::pair<std::int64_t, std::int64_t>, std::vector<Excerpt>> cache;
  Coding coding(project);
  for (const DemiCmoc& dc : data_[index].cmocs) {
    DrillCmoc d;
    d.id = dc.cmoc.id;
    d.sentence = cmocSentence(dc.cmoc);
    d.statement = cmoc::actionStatement(dc.cmoc);
    d.status = std::string(toString(dc.cmoc.status));
    d.failsRule = dc.failsRule;
    d.support = std::to_string(dc.excerpts) + " excerpts, " + std::to_string(dc.sources) +
                (dc.sources == 1 ? " source, " : " sources, ") + std::to_string(dc.participants) +
                (dc.participants == 1 ? " participant" : " participants");
    for (Slot s : {Slot::Context, Slot::Mechanism, Slot::Outcome}) {
      for (const Evidence& e : dc.cmoc.slot(s).evidence) {
        auto key = std::make_pair(e.sourceId, e.codeId);
        auto it = cache.find(key);
        if (it == cache.end()) {
          CodingFilter f;
          f.sources = {std::to_string(e.sourceId)};
          f.codes = {paths[e.codeId]};
          it = cache.emplace(key, coding.excerpts(f, 0)).first;
        }
        for (const Excerpt& x : it->second)
          if (x.coding.id == e.codingId) {
            Quote q;
            q.slot = s;
            q.code = leafName(x.coding.codePath);
            q.text = x.text;
            q.attribution = x.attribution;
            q.sourceId = x.coding.sourceId;
            q.codingId = x.coding.id;
            q.start = x.coding.start;
            q.end = x.coding.end;
            d.quotes.push_back(std::move(q));
          }
      }
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace cmoc::gui
