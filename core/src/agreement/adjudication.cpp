// adjudicate(): turning two coders' codings into a consensus coder's, in one undoable Action
// with every decision in the audit log.
#include "cmoc/adjudication.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>

#include "agreement/input.h"
#include "agreement/sweep.h"
#include "backend/sqlite/action.h"
#include "cmoc/error.h"
#include "codebook/code_index.h"
#include "codebook/codebook_rows.h"
#include "coding/coding_shared.h"

namespace cmoc {

std::string_view toString(AdjudicationRule rule) {
  switch (rule) {
    case AdjudicationRule::AcceptA:
      return "accept-a";
    case AdjudicationRule::AcceptB:
      return "accept-b";
    case AdjudicationRule::Union:
      return "union";
    case AdjudicationRule::Intersection:
      return "intersection";
    case AdjudicationRule::Drop:
      return "drop";
  }
  return "drop";
}

AdjudicationRule parseAdjudicationRule(std::string_view s) {
  for (auto r : {AdjudicationRule::AcceptA, AdjudicationRule::AcceptB, AdjudicationRule::Union,
                 AdjudicationRule::Intersection, AdjudicationRule::Drop})
    if (toString(r) == s) return r;
  throw UsageError("unknown rule '" + std::string(s) +
                   "' (accept-a, accept-b, union, intersection or drop)");
}

std::string_view toString(Decision d) {
  switch (d) {
    case Decision::A:
      return "a";
    case Decision::B:
      return "b";
    case Decision::Both:
      return "both";
    case Decision::None:
      return "none";
  }
  return "none";
}

Decision parseDecision(std::string_view s) {
  for (auto d : {Decision::A, Decision::B, Decision::Both, Decision::None})
    if (toString(d) == s) return d;
  throw UsageError("unknown decision '" + std::string(s) + "' (a, b, both or none)");
}

namespace {

using agreement::Span;
using agreement::Spans;

Decision decisionOf(AdjudicationRule rule) {
  switch (rule) {
    case AdjudicationRule::AcceptA:
      return Decision::A;
    case AdjudicationRule::AcceptB:
      return Decision::B;
    case AdjudicationRule::Union:
      return Decision::Both;
    case AdjudicationRule::Intersection:
    case AdjudicationRule::Drop:
      break;
  }
  return Decision::None;
}

// What the consensus holds for a decision; what A and B agree on is always part of it.
Spans chosen(Decision d, const Spans& a, const Spans& b) {
  switch (d) {
    case Decision::A:
      return a;
    case Decision::B:
      return b;
    case Decision::Both:
      return agreement::unite(a, b);
    case Decision::None:
      break;
  }
  return agreement::intersect(a, b);
}

struct Place {
  std::int64_t sourceId = 0, codeId = 0;
  Span span;
};

// "SOURCE:START-END:CODE". Source names and code paths may hold ':' and digits, so each
// ":digits-digits:" in the id is tried until both sides name a source and a code.
Place parseId(const sql::Db& db, const store::CodeIndex& index, const std::string& id) {
  for (std::size_t i = id.find(':'); i != std::string::npos; i = id.find(':', i + 1)) {
    std::size_t j = i + 1;
    auto digits = [&] {
      const std::size_t from = j;
      while (j < id.size() && std::isdigit(static_cast<unsigned char>(id[j]))) ++j;
      return j > from;
    };
    if (!digits() || j >= id.size() || id[j] != '-') continue;
    const std::size_t dash = j++;
    if (!digits() || j >= id.size() || id[j] != ':') continue;
    try {
      Place p;
      p.sourceId = store::resolveSource(db, id.substr(0, i));
      const auto code = index.resolve(id.substr(j + 1));
      if (!code) continue;
      p.codeId = *code;
      p.span = {std::stoll(id.substr(i + 1, dash - i - 1)),
                std::stoll(id.substr(dash + 1, j - dash - 1))};
      return p;
    } catch (const StorageError&) {
      throw;
    } catch (const Error&) {
      continue;
    } catch (const std::out_of_range&) {  // a position of more digits than a number holds
      continue;
    }
  }
  throw UsageError("'" + id +
                   "' is not a disagreement id (SOURCE:START-END:CODE, as listed by "
                   "`cmoc disagreements`)");
}

struct Key {
  std::size_t source, channel;
  auto operator<=>(const Key&) const = default;
};

struct Existing {
  std::int64_t id;
  std::string guid;
  Span span;
};

std::string decisionJson(const std::string& id, const std::string& source, const std::string& code,
                         Span span, const AdjudicationRequest& r, Decision d,
                         const std::string& how) {
  return "{\"id\": " + jsonString(id) + ", \"source\": " + jsonString(source) +
         ", \"code\": " + jsonString(code) + ", \"start\": " + std::to_string(span.start) +
         ", \"end\": " + std::to_string(span.end) + ", \"coders\": [" + jsonString(r.coderA) +
         ", " + jsonString(r.coderB) + "], \"consensus\": " + jsonString(r.consensus) +
         ", \"decision\": " + jsonString(std::string(toString(d))) +
         ", \"by\": " + jsonString(how) + "}";
}

}  // namespace

AdjudicationResult adjudicate(Project& project, const AdjudicationRequest& request) {
  using namespace agreement;
  if (request.consensus.empty()) throw UsageError("name the consensus coder with --as");
  if (request.consensus == request.coderA || request.consensus == request.coderB)
    throw UsageError("the consensus coder '" + request.consensus +
                     "' must be someone other than the coders adjudicated");
  if (!request.rule && request.decisions.empty())
    throw UsageError("nothing to adjudicate: give a --rule or --decide ID=a|b|both|none");
  const Loaded in = loadCodings(project, {{request.coderA, request.coderB},
                                          request.codes,
                                          std::nullopt,
                                          request.sources,
                                          AgreementUnit::Character});
  sql::Db& db = project.impl().db;
  const store::CodeIndex index(db);
  AdjudicationResult result;

  std::map<std::int64_t, std::size_t> sourceAt;
  for (std::size_t i = 0; i < in.sources.size(); ++i) sourceAt[in.sources[i].id] = i;
  std::map<std::int64_t, std::size_t> channelAt;
  for (std::size_t i = 0; i < in.channels.size(); ++i) channelAt[in.channels[i].codeId] = i;
  auto coverage = [&](const Key& k, std::size_t coder) -> const Spans& {
    static const Spans nothing;
    for (const ChannelSpans& cs : in.sources[k.source].channels)
      if (cs.channel == k.channel) return cs.byCoder[coder];
    return nothing;
  };
  auto compared = [&](std::size_t source) {
    return comparedCoders(in.sources[source], 2, request.includeSingleCoderSources) != 0;
  };

  store::Action action(project.impl(),
                       "adjudicate " + request.coderA + " and " + request.coderB + " as " +
                           request.consensus +
                           (request.rule ? " (" + std::string(toString(*request.rule)) + ")" : ""));
  const std::int64_t consensusId = store::coderId(db, request.consensus);

  // The consensus coverage each touched (source, code) should end with.
  std::map<Key, Spans> target;
  if (request.rule) {
    const Decision d = decisionOf(*request.rule);
    for (std::size_t s = 0; s < in.sources.size(); ++s) {
      if (!compared(s)) {
        result.skippedSources.push_back(in.sources[s].name);
        continue;
      }
      for (const ChannelSpans& cs : in.sources[s].channels) {
        const Spans &a = cs.byCoder[0], &b = cs.byCoder[1];
        target[{s, cs.channel}] = chosen(d, a, b);
        for (const Run& run : codedRuns(std::vector<const Spans*>{&a, &b})) {
          if (run.mask == 3) continue;
          const SourceData& src = in.sources[s];
          const std::string id = src.label + ":" + std::to_string(run.start) + "-" +
                                 std::to_string(run.end) + ":" + in.channels[cs.channel].path;
          action.audit(
              "adjudicate", "disagreement", id,
              decisionJson(id, src.name, in.channels[cs.channel].path, {run.start, run.end},
                           request, d, "rule " + std::string(toString(*request.rule))));
          ++result.decisions;
        }
      }
    }
  }

  std::map<Key, std::vector<Existing>> existing;
  {
    store::CodingRows(db).eachByCoder(consensusId, std::nullopt, [&](const store::CodingRow& r) {
      auto s = sourceAt.find(r.sourceId);
      auto c = channelAt.find(r.codeId);
      if (s == sourceAt.end() || c == channelAt.end()) return;
      existing[{s->second, c->second}].push_back({r.id, r.guid, {r.start, r.end}});
    });
  }

  for (const auto& [id, decision] : request.decisions) {
    const Place p = parseId(db, index, id);
    auto s = sourceAt.find(p.sourceId);
    auto c = channelAt.find(p.codeId);
    const Key k{s == sourceAt.end() ? 0 : s->second, c == channelAt.end() ? 0 : c->second};
    const bool known = s != sourceAt.end() && c != channelAt.end();
    if (known && !compared(k.source))
      throw UsageError("'" + id + "' lies in " + in.sources[k.source].name +
                       ", which only one of " + request.coderA + " and " + request.coderB +
                       " coded; --include-single-coder-sources lets you adjudicate it");
    const Spans a = known ? clip(coverage(k, 0), p.span) : Spans{};
    const Spans b = known ? clip(coverage(k, 1), p.span) : Spans{};
    if (a == b)
      throw UsageError("no disagreement between " + request.coderA + " and " + request.coderB +
                       " at '" + id + "' (list the current ones with `cmoc disagreements`)");
    if (!target.count(k)) {
      Spans current;
      for (const Existing& e : existing[k]) current.push_back(e.span);
      target[k] = unite(normalized(std::move(current)), intersect(coverage(k, 0), coverage(k, 1)));
    }
    target[k] = replaceWithin(target[k], p.span, chosen(decision, coverage(k, 0), coverage(k, 1)));
    action.audit("adjudicate", "disagreement", id,
                 decisionJson(id, in.sources[k.source].name, in.channels[k.channel].path, p.span,
                              request, decision, "decision"));
    ++result.decisions;
  }

  // Codings that already match a stretch of the target stay; the rest go or come.
  const std::string memo = "consensus of " + request.coderA + " and " + request.coderB;
  store::CodingRows codings(action.db());
  for (const auto& [k, spans] : target) {
    std::vector<Span> missing = spans;
    for (const Existing& e : existing[k]) {
      auto it = std::find(missing.begin(), missing.end(), e.span);
      if (it != missing.end()) {
        missing.erase(it);
        ++result.kept;
        continue;
      }
      codings.remove(e.id);
      CodingRecord r;
      r.sourceName = in.sources[k.source].name;
      r.codePath = in.channels[k.channel].path;
      r.coder = request.consensus;
      r.start = e.span.start;
      r.end = e.span.end;
      action.audit("delete-coding", "coding", e.guid, store::codingAuditJson(r));
      ++result.removed;
    }
    for (const Span& sp : missing) {
      store::insertCoding(codings, in.sources[k.source].id, in.channels[k.channel].codeId,
                          consensusId, sp.start, sp.end, memo);
      ++result.added;
    }
  }
  action.commit();
  return result;
}

}  // namespace cmoc
