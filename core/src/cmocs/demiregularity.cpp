// Demiregularities: CMOCs grouped by mechanism, with their support. The CMOCs and evidence come
// from Cmocs::list (two queries); who said each excerpt comes from one pass over the turns
// whose speaker is not simply the source's main participant. Everything else is counted in
// memory, so 20,000 CMOCs cost a few queries, not one per CMOC.
#include "cmoc/demiregularity.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "cmoc/error.h"
#include "cmoc/project.h"
#include "backend/sqlite/excerpt_speaker_query.h"
#include "backend/sqlite/project_impl.h"

namespace cmoc {

namespace {

struct Person {
  std::string code, caseType;
  bool interviewer = false;
};

struct TurnOwner {
  std::int64_t start = 0, end = 0;
  std::optional<std::int64_t> participant;  // empty: an interviewer's turn
};

// Who an excerpt is from: the speaker of the turn it starts in, else the source's main
// participant; nobody when that is an interviewer.
class Attribution {
 public:
  explicit Attribution(const sql::Db& db) {
    store::ExcerptSpeakerQueries q(db);
    q.eachPerson([this](const store::PersonRow& p) {
      people_[p.id] = {p.code, p.caseType, p.isInterviewer};
    });
    q.eachMainParticipant([this](std::int64_t source, std::int64_t p) { main_[source] = p; });
    // Speakers whose turns change the answer: interviewers, and participants other than their
    // source's main one (focus groups). Joined in memory: scanning turns alone is the cheap part.
    std::unordered_map<std::int64_t, std::optional<std::int64_t>> owners;  // speaker -> participant
    q.eachSpeakerOwner([&owners](const store::SpeakerOwner& o) { owners[o.speakerId] = o.participant; });
    if (owners.empty()) return;
    q.eachSpokenTurn([&](const store::SpokenTurn& t) {
      if (auto o = owners.find(t.speakerId); o != owners.end())
        turns_[t.sourceId].push_back({t.start, t.end, o->second});
    });
    for (auto& [source, list] : turns_)
      std::sort(list.begin(), list.end(),
                [](const TurnOwner& x, const TurnOwner& y) { return x.start < y.start; });
  }

  const Person& person(std::int64_t id) const { return people_.at(id); }

  // The non-interviewer participant an excerpt is from, if any.
  std::optional<std::int64_t> of(std::int64_t sourceId, std::int64_t start) const {
    std::optional<std::int64_t> who;
    bool found = false;
    if (auto t = turns_.find(sourceId); t != turns_.end()) {
      const auto& v = t->second;
      auto it = std::upper_bound(v.begin(), v.end(), start,
                                 [](std::int64_t p, const TurnOwner& o) { return p < o.start; });
      if (it != v.begin() && start < std::prev(it)->end) {
        who = std::prev(it)->participant;
        found = true;
      }
    }
    if (!found)
      if (auto m = main_.find(sourceId); m != main_.end()) who = m->second;
    if (!who) return std::nullopt;
    auto p = people_.find(*who);
    if (p == people_.end() || p->second.interviewer) return std::nullopt;
    return who;
  }

 private:
  std::unordered_map<std::int64_t, Person> people_;
  std::unordered_map<std::int64_t, std::int64_t> main_;
  std::unordered_map<std::int64_t, std::vector<TurnOwner>> turns_;
};

template <class T>
std::int64_t distinctCount(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return static_cast<std::int64_t>(v.size());
}

std::vector<CodeCount> tally(const std::vector<DemiCmoc>& cmocs, Slot slot) {
  std::map<std::int64_t, CodeCount> byCode;
  for (const DemiCmoc& d : cmocs) {
    const CmocSlot& s = d.cmoc.slot(slot);
    CodeCount& c = byCode[s.codeId];
    c.codeId = s.codeId;
    c.code = s.code;
    c.path = s.codePath;
    ++c.cmocs;
  }
  std::vector<CodeCount> out;
  for (auto& [id, c] : byCode) out.push_back(std::move(c));
  std::sort(out.begin(), out.end(), [](const CodeCount& a, const CodeCount& b) {
    return a.cmocs != b.cmocs ? a.cmocs > b.cmocs : a.path < b.path;
  });
  return out;
}

// The mechanism's totals and sort orders, once all its CMOCs are in.
void summarise(Demiregularity& d, std::vector<std::int64_t>& codings,
               std::vector<std::int64_t>& sources, std::vector<std::int64_t>& people,
               const Attribution& attribution) {
  d.excerpts = distinctCount(codings);
  d.sources = distinctCount(sources);
  distinctCount(people);
  for (std::int64_t id : people) {
    const Person& p = attribution.person(id);
    d.participants.push_back(p.code);
    if (!p.caseType.empty()) d.caseTypes.push_back(p.caseType);
  }
  distinctCount(d.participants);
  distinctCount(d.caseTypes);
  d.contexts = tally(d.cmocs, Slot::Context);
  d.outcomes = tally(d.cmocs, Slot::Outcome);
  std::sort(d.cmocs.begin(), d.cmocs.end(), [](const DemiCmoc& a, const DemiCmoc& b) {
    if (a.sources != b.sources) return a.sources > b.sources;
    if (a.excerpts != b.excerpts) return a.excerpts > b.excerpts;
    return a.cmoc.id < b.cmoc.id;
  });
}

}  // namespace

std::vector<Demiregularity> demiregularities(Project& project, const DemiOptions& options) {
  if (options.threshold < 1)
    throw UsageError("the multiple-sources threshold must be at least 1 (got " +
                     std::to_string(options.threshold) + ")");
  std::vector<Cmoc> cmocs = Cmocs(project).list(options.filter);
  const Attribution attribution(project.impl().db);

  struct Group {
    Demiregularity demi;
    std::vector<std::int64_t> codings, sources, people;
  };
  std::map<std::int64_t, Group> groups;
  std::map<std::int64_t, std::size_t> sizes;  // so each mechanism's list is allocated once
  for (const Cmoc& c : cmocs) ++sizes[c.mechanism.codeId];
  for (const auto& [id, n] : sizes) groups[id].demi.cmocs.reserve(n);
  std::vector<std::int64_t> codings, sources, people;  // per CMOC, reused
  for (Cmoc& c : cmocs) {
    Group& g = groups[c.mechanism.codeId];
    if (g.demi.mechanismId == 0) {
      g.demi.mechanismId = c.mechanism.codeId;
      g.demi.mechanism = c.mechanism.code;
      g.demi.mechanismPath = c.mechanism.codePath;
    }
    codings.clear();
    sources.clear();
    people.clear();
    for (const CmocSlot* s : {&c.context, &c.mechanism, &c.outcome})
      for (const Evidence& e : s->evidence) {
        codings.push_back(e.codingId);
        sources.push_back(e.sourceId);
        if (auto person = attribution.of(e.sourceId, e.start)) people.push_back(*person);
      }
    g.codings.insert(g.codings.end(), codings.begin(), codings.end());
    g.sources.insert(g.sources.end(), sources.begin(), sources.end());
    g.people.insert(g.people.end(), people.begin(), people.end());
    DemiCmoc& d = g.demi.cmocs.emplace_back();
    d.excerpts = distinctCount(codings);
    d.sources = distinctCount(sources);
    d.participants = distinctCount(people);
    d.failsRule = d.sources < options.threshold;
    g.demi.failing += d.failsRule ? 1 : 0;
    d.cmoc = std::move(c);
  }

  std::vector<Demiregularity> out;
  for (auto& [id, g] : groups) {
    summarise(g.demi, g.codings, g.sources, g.people, attribution);
    out.push_back(std::move(g.demi));
  }
  std::sort(out.begin(), out.end(), [](const Demiregularity& a, const Demiregularity& b) {
    if (a.sources != b.sources) return a.sources > b.sources;
    if (a.excerpts != b.excerpts) return a.excerpts > b.excerpts;
    return a.mechanismPath < b.mechanismPath;
  });
  return out;
}

}  // namespace cmoc
