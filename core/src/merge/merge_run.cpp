// The merge's id map (in memory: nothing of it belongs in either project) and report counters.
#include "merge_run.h"

#include "cmoc/error.h"

namespace cmoc::store::merge {

void Run::map(const std::string& kind, std::int64_t otherId, std::int64_t localId, Match how) {
  map_[kind].insert_or_assign(otherId, Mapped{localId, how});
}

std::optional<std::int64_t> Run::local(const std::string& kind,
                                       std::optional<std::int64_t> otherId) const {
  if (!otherId) return std::nullopt;
  const auto of = map_.find(kind);
  if (of == map_.end()) return std::nullopt;
  const auto it = of->second.find(*otherId);
  if (it == of->second.end()) return std::nullopt;
  return it->second.localId;
}

std::optional<Match> Run::how(const std::string& kind, std::int64_t otherId) const {
  const auto of = map_.find(kind);
  if (of == map_.end()) return std::nullopt;
  const auto it = of->second.find(otherId);
  if (it == of->second.end()) return std::nullopt;
  return it->second.how;
}

std::int64_t Run::required(const std::string& kind, std::int64_t otherId) const {
  if (auto id = local(kind, otherId)) return *id;
  // Only a file whose foreign keys point nowhere gets here (SQLite enforces them on write).
  throw ProjectError("cannot merge: the other project refers to a missing " + kind + " (id " +
                     std::to_string(otherId) + ")");
}

void Run::renamedCode(const std::string& otherGuid, const std::string& localGuid) {
  codeGuids_[otherGuid] = localGuid;
}

std::string Run::localGuid(const std::string& guid) const {
  const auto it = codeGuids_.find(guid);
  return it == codeGuids_.end() ? guid : it->second;
}

void Run::sameIdentity(const std::string& kind, const std::string& name, const std::string& why) {
  auto [it, fresh] = identity_.try_emplace(kind, why, std::vector<std::string>{});
  if (fresh) identityKinds_.push_back(kind);
  it->second.second.push_back(name);
}

void Run::noteSameIdentity() {
  constexpr std::size_t kNamed = 10;  // a whole starter codebook in one note helps nobody
  for (const std::string& kind : identityKinds_) {
    const auto& [why, names] = identity_.at(kind);
    std::string list;
    for (std::size_t i = 0; i < names.size() && i < kNamed; ++i)
      list += (i ? ", '" : "'") + names[i] + "'";
    if (names.size() > kNamed) list += " and " + std::to_string(names.size() - kNamed) + " more";
    const bool one = names.size() == 1;
    note(std::to_string(names.size()) + " " + kind + (one ? " has" : "s have") +
         " another GUID in the other project but " + why + "; taken as the same " + kind +
         (one ? "" : "s") + ": " + list);
  }
}

}  // namespace cmoc::store::merge
