#pragma once
// Private state of cmoc::Project: the connection the backend works on, and who is working.
#include <filesystem>
#include <optional>

#include "cmoc/project_files.h"

#include "cmoc/project.h"
#include "sqlite.h"

namespace cmoc {

struct Project::Impl {
  // Declared before the connection so that it is released after the connection closes.
  std::optional<ProjectFileHold> hold;
  sql::Db db;
  std::filesystem::path file;
  std::string coder;  // who performs this session's actions (audit, history, new codings)
};

namespace store {
// Registers the `cmoc` FTS5 tokenizer on a connection (fts_tokenizer.cpp).
void registerTokenizer(sql::Db& db);
// Registers the FTS5 auxiliary functions search uses (fts_functions.cpp).
void registerSearchFunctions(sql::Db& db, fts5_api* api);
// The numbered migrations in schemas/, in order (generated at build time).
struct Migration {
  int version;
  const char* name;
  const char* sql;
};
extern const Migration kMigrations[];
extern const int kMigrationCount;
// Refuses what Project::open refuses (missing, not a file, not a project, a newer schema) with
// the same messages, reading the file only; returns its schema version.
int checkProjectFile(const std::filesystem::path& file);
// Connections open with URI names enabled (a merge attaches the other project read-only by a
// "file:...?mode=ro" URI), so a plain name that starts with "file:" must not be read as one.
std::string sqliteName(const std::filesystem::path& file);
}  // namespace store

}  // namespace cmoc
