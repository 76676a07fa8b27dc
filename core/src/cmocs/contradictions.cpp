// Finding contradictions among CMOCs: refutations by their prior, and CMOCs grouped by
// (context, mechanism) whose outcomes differ.
#include "cmoc/contradictions.h"

#include <algorithm>
#include <set>

#include "cmoc/project.h"

namespace cmoc {

namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

ContradictionSide sideOf(const Cmoc& c, const std::map<std::int64_t, Excerpt>& excerpts) {
  ContradictionSide side{c, {}, {}};
  std::set<std::int64_t> quoted;
  std::set<std::string> sources;
  for (Slot s : {Slot::Context, Slot::Mechanism, Slot::Outcome})
    for (const Evidence& e : c.slot(s).evidence) {
      if (!quoted.insert(e.codingId).second) continue;
      const auto x = excerpts.find(e.codingId);
      if (x == excerpts.end()) continue;
      side.quotes.push_back({s, oneLine(x->second.text), x->second.attribution});
      sources.insert(x->second.coding.sourceName);
    }
  side.sources.assign(sources.begin(), sources.end());
  return side;
}

}  // namespace

std::string_view toString(ContradictionKind kind) {
  return kind == ContradictionKind::Refutes ? "refutes" : "different outcome";
}

std::string Contradictions::summary() const {
  const std::size_t n = refutations + differentOutcomes;
  if (n == 0) return "no contradictions";
  return plural(n, "contradiction", "contradictions") + " under " +
         plural(mechanisms.size(), "mechanism", "mechanisms") + ": " +
         plural(refutations, "refutation", "refutations") + ", " +
         plural(differentOutcomes, "pair", "pairs") + " with different outcomes";
}

Contradictions findContradictions(const std::vector<Cmoc>& cmocs,
                                  const std::map<std::int64_t, Excerpt>& excerpts) {
  std::map<std::int64_t, const Cmoc*> byId;
  for (const Cmoc& c : cmocs) byId.emplace(c.id, &c);

  // (first, second, kind): the refuting CMOC first; otherwise the lower id.
  std::map<std::pair<std::int64_t, std::int64_t>, ContradictionKind> found;
  std::set<std::pair<std::int64_t, std::int64_t>> seen;  // unordered pairs already listed
  auto add = [&](std::int64_t a, std::int64_t b, ContradictionKind kind) {
    if (seen.insert({std::min(a, b), std::max(a, b)}).second) found.emplace(std::pair(a, b), kind);
  };
  for (const Cmoc& c : cmocs)
    if (c.status == CmocStatus::Refutes && c.priorId && byId.count(*c.priorId))
      add(c.id, *c.priorId, ContradictionKind::Refutes);
  std::map<std::pair<std::int64_t, std::int64_t>, std::vector<const Cmoc*>> byContextMechanism;
  for (const Cmoc& c : cmocs)
    byContextMechanism[{c.context.codeId, c.mechanism.codeId}].push_back(&c);
  for (const auto& [key, group] : byContextMechanism)
    for (std::size_t i = 0; i < group.size(); ++i)
      for (std::size_t j = i + 1; j < group.size(); ++j)
        if (group[i]->outcome.codeId != group[j]->outcome.codeId)
          add(group[i]->id, group[j]->id, ContradictionKind::DifferentOutcome);

  Contradictions out;
  std::map<std::string, MechanismContradictions> groups;
  std::map<std::string, std::set<std::string>> contexts;
  for (const auto& [ids, kind] : found) {
    const Cmoc& a = *byId.at(ids.first);
    const Cmoc& b = *byId.at(ids.second);
    MechanismContradictions& g = groups[a.mechanism.codePath];
    g.mechanism = a.mechanism.codePath;
    g.pairs.push_back({kind, sideOf(a, excerpts), sideOf(b, excerpts)});
    contexts[g.mechanism].insert(a.context.code);
    contexts[g.mechanism].insert(b.context.code);
    ++(kind == ContradictionKind::Refutes ? out.refutations : out.differentOutcomes);
  }
  for (auto& [mechanism, g] : groups) {
    const auto& cs = contexts[mechanism];
    g.contexts.assign(cs.begin(), cs.end());
    out.mechanisms.push_back(std::move(g));
  }
  return out;
}

Contradictions findContradictions(Project& project) {
  const Cmocs store(project);
  const std::vector<Cmoc> cmocs = store.list();
  return findContradictions(cmocs, store.evidenceExcerpts(cmocs));
}

}  // namespace cmoc
