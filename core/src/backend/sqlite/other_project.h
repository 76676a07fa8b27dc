#pragma once
// A second project opened read-only, for merge to read from: the row gateways read it as they
// read the open project, so merge needs no ATTACH and holds no SQL (issue 16). One read
// transaction spans the reader's life, so every gateway sees the same state of the file.
#include <filesystem>
#include <string>

#include "sqlite.h"

namespace cmoc::store {

class OtherProject {
 public:
  // The caller has checked the file (checkProjectFile); SQLite refuses any write to it.
  explicit OtherProject(const std::filesystem::path& file);
  ~OtherProject();
  OtherProject(const OtherProject&) = delete;
  OtherProject& operator=(const OtherProject&) = delete;

  const sql::Db& db() const { return db_; }
  std::string guid() const;  // the project's own GUID (project_meta), "" when it has none

 private:
  sql::Db db_;
};

}  // namespace cmoc::store
