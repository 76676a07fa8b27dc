#pragma once
// Private state of cmoc::Project, shared by the store's .cpp files (one per area).
#include <filesystem>

#include "cmoc/project.h"
#include "sqlite.h"

namespace cmoc {

struct Project::Impl {
  sql::Db db;
  std::filesystem::path file;
  std::string coder;  // who performs this session's actions (audit, history, new codings)
};

namespace store {
// Registers the `cmoc` FTS5 tokenizer on a connection (fts_tokenizer.cpp).
void registerTokenizer(sql::Db& db);
// Registers the FTS5 auxiliary functions search uses (project_search.cpp).
void registerSearchFunctions(sql::Db& db, fts5_api* api);
// The numbered migrations in schemas/, in order (generated at build time).
struct Migration {
  int version;
  const char* name;
  const char* sql;
};
extern const Migration kMigrations[];
extern const int kMigrationCount;
}  // namespace store

}  // namespace cmoc
