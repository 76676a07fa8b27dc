#pragma once
// The attribute tables (`case_attributes`, `participant_attributes`, `source_attributes`,
// `study_attributes`): name and value pairs of one owner row, one gateway for them all since
// they have one shape.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "statements.h"

namespace cmoc::store {

enum class AttributeOwner { Case, Participant, Source, Study };
using Attributes = std::vector<std::pair<std::string, std::string>>;  // name, value

class AttributeRows {
 public:
  AttributeRows(const sql::Db& db, AttributeOwner owner);
  Attributes of(std::int64_t ownerId);  // by name
  void add(std::int64_t ownerId, const std::string& name, const std::string& value);
  // Sets the attribute, replacing a value it had.
  void put(std::int64_t ownerId, const std::string& name, const std::string& value);
  void drop(std::int64_t ownerId, const std::string& name);
  // Every attribute of every owner, by name.
  void each(const std::function<void(std::int64_t ownerId, const std::string& name,
                                     const std::string& value)>& f);

 private:
  Statements st_;
  std::string table_, idColumn_;
};

}  // namespace cmoc::store
