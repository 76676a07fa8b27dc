// Loading what an agreement comparison needs in a few whole-table queries rather than a query
// per source or code: the reference corpus (1,000 sources, 200,000 codings) must compare in
// well under two seconds.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "agreement/input.h"
#include "backend/sqlite/agreement_query.h"
#include "backend/sqlite/project_impl.h"
#include "backend/sqlite/source_rows.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "codebook/code_index.h"
#include "coding/coding_shared.h"

namespace cmoc::agreement {

namespace {

struct Row {
  std::int64_t source, code;
  std::size_t coder;
  std::int64_t start, end;
  std::size_t channel = 0;
};

std::vector<std::int64_t> coderIds(const sql::Db& db, const std::vector<std::string>& names) {
  std::map<std::string, std::int64_t> known;
  store::CoderRows(db).each([&](const store::CoderRow& c) { known.emplace(c.name, c.id); });
  if (names.size() < 2)
    throw UsageError("agreement needs at least two coders: name them with --coders A,B");
  if (names.size() > kMaxAgreementCoders)
    throw UsageError("agreement compares at most " + std::to_string(kMaxAgreementCoders) +
                     " coders at once");
  std::vector<std::int64_t> ids;
  for (const std::string& name : names) {
    auto it = known.find(name);
    if (it == known.end()) {
      std::string list;
      for (const auto& [n, id] : known) list += (list.empty() ? "" : ", ") + n;
      throw NotFound("no coder named '" + name + "'" +
                     (list.empty() ? "; the project has no coders yet"
                                   : "; the project's coders are " + list));
    }
    if (std::find(ids.begin(), ids.end(), it->second) != ids.end())
      throw UsageError("coder '" + name + "' is named twice");
    ids.push_back(it->second);
  }
  return ids;
}

std::vector<Channel> groupChannels(const store::CodeIndex& index, const std::string& group) {
  const std::int64_t parent = index.require(group);
  std::vector<Channel> out;
  for (std::int64_t id : index.depthFirst()) {
    if (index.entry(id).parent != parent) continue;
    Channel c{id, index.entry(id).path, {id}};
    for (std::int64_t d : index.descendants(id)) c.codeIds.push_back(d);
    out.push_back(std::move(c));
  }
  if (out.size() < 2)
    throw UsageError("group '" + index.entry(parent).path +
                     "' needs at least two child codes to compare as categories; it has " +
                     std::to_string(out.size()));
  return out;
}

std::vector<Channel> namedChannels(const store::CodeIndex& index,
                                   const std::vector<std::string>& codes) {
  std::vector<Channel> out;
  std::set<std::int64_t> seen;
  for (const std::string& name : codes) {
    const std::int64_t id = index.require(name);
    if (seen.insert(id).second) out.push_back({id, index.entry(id).path, {id}});
  }
  return out;
}

std::vector<Channel> appliedChannels(const store::CodeIndex& index, const std::vector<Row>& rows) {
  std::set<std::int64_t> used;
  for (const Row& r : rows) used.insert(r.code);
  std::vector<Channel> out;
  for (std::int64_t id : index.depthFirst())
    if (used.count(id)) out.push_back({id, index.entry(id).path, {id}});
  return out;
}

void loadUnits(const sql::Db& db, AgreementUnit unit, std::vector<SourceData>& sources) {
  if (unit == AgreementUnit::Character) return;
  if (unit == AgreementUnit::Turn) {
    std::unordered_map<std::int64_t, SourceData*> byId;
    for (SourceData& s : sources) byId[s.id] = &s;
    store::AgreementQueries(db).eachTurn([&](const store::TurnUnit& t) {
      auto it = byId.find(t.sourceId);
      if (it != byId.end()) it->second->units.push_back({{t.start, t.end}, t.seq});
    });
    return;
  }
  store::SourceTextReader texts(db);
  for (SourceData& s : sources) {
    const std::string_view text = texts.view(s.id);
    s.units = unit == AgreementUnit::Sentence ? sentenceUnits(text) : paragraphUnits(text);
  }
}

}  // namespace

Loaded loadCodings(const Project& project, const LoadRequest& request) {
  const sql::Db& db = project.impl().db;
  const store::CodeIndex index(db);
  Loaded out;
  out.coders = request.coders;
  const std::vector<std::int64_t> coders = coderIds(db, request.coders);
  if (request.group && !request.codes.empty())
    throw UsageError("compare either --codes or a --group, not both");
  if (request.group) {
    out.channels = groupChannels(index, *request.group);
    out.groupPath = index.entry(index.require(*request.group)).path;
  } else if (!request.codes.empty()) {
    out.channels = namedChannels(index, request.codes);
  }

  std::set<std::int64_t> scope;
  for (const std::string& s : request.sources) scope.insert(store::resolveSource(db, s));

  std::vector<Row> rows;
  std::unordered_map<std::int64_t, std::uint32_t> codedBy;  // source -> coders present
  store::CodingRows codings(db);
  for (std::size_t coder = 0; coder < coders.size(); ++coder)
    codings.eachByCoder(coders[coder], std::nullopt, [&](const store::CodingRow& c) {
      if (!scope.empty() && !scope.count(c.sourceId)) return;
      codedBy[c.sourceId] |= 1u << coder;
      rows.push_back({c.sourceId, c.codeId, coder, c.start, c.end});
    });
  for (std::size_t c = 0; c < coders.size(); ++c) {
    const bool any = std::any_of(codedBy.begin(), codedBy.end(),
                                 [&](const auto& kv) { return kv.second >> c & 1u; });
    if (!any)
      throw UsageError("coder '" + request.coders[c] + "' has no codings" +
                       (scope.empty() ? "" : " in the selected sources") + " to compare");
  }
  if (!request.group && request.codes.empty()) out.channels = appliedChannels(index, rows);

  std::unordered_map<std::int64_t, std::size_t> channelOf;
  for (std::size_t i = 0; i < out.channels.size(); ++i)
    for (std::int64_t id : out.channels[i].codeIds) channelOf[id] = i;

  std::map<std::string, int> nameCount;
  std::vector<SourceData> all;
  store::AgreementQueries(db).eachSource([&](const store::SourceLength& src) {
    ++nameCount[src.name];
    if (!scope.empty() && !scope.count(src.id)) return;
    SourceData s;
    s.id = src.id;
    s.name = src.name;
    s.length = src.charCount;
    all.push_back(std::move(s));
  });
  std::unordered_map<std::int64_t, std::size_t> position;
  for (SourceData& s : all) {
    s.label = nameCount[s.name] > 1 ? std::to_string(s.id) : s.name;
    auto it = codedBy.find(s.id);
    if (it == codedBy.end()) {
      ++out.uncodedSources;
      continue;
    }
    s.codedBy = it->second;
    position[s.id] = out.sources.size();
    out.sources.push_back(std::move(s));
  }

  // Grouped by source and channel, each coder's spans become one normalized coverage.
  constexpr std::size_t kNoChannel = static_cast<std::size_t>(-1);
  for (Row& r : rows) {
    auto it = channelOf.find(r.code);
    r.channel = it == channelOf.end() ? kNoChannel : it->second;
  }
  std::erase_if(rows, [](const Row& r) { return r.channel == kNoChannel; });
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return a.source != b.source ? a.source < b.source : a.channel < b.channel;
  });
  for (std::size_t i = 0; i < rows.size();) {
    const std::int64_t source = rows[i].source;
    const std::size_t channel = rows[i].channel;
    ChannelSpans cs{channel, std::vector<Spans>(coders.size())};
    for (; i < rows.size() && rows[i].source == source && rows[i].channel == channel; ++i)
      cs.byCoder[rows[i].coder].push_back({rows[i].start, rows[i].end});
    for (Spans& s : cs.byCoder) s = normalized(std::move(s));
    out.sources[position.at(source)].channels.push_back(std::move(cs));
  }
  loadUnits(db, request.unit, out.sources);
  return out;
}

}  // namespace cmoc::agreement
