#pragma once
// The gateway of the study library's tables (schema 008): `studies`, `study_authors` and
// `study_sources` (which paper is which study). Study attributes go through AttributeRows
// (AttributeOwner::Study). The library (core/src/library/) is the one writer of all four.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "statements.h"

namespace cmoc::store {

struct StudyRow {
  std::int64_t id = 0;  // ignored by insert
  std::string guid, key;
  std::optional<int> year;
  std::string title, journal;
  std::optional<std::string> doi;
  std::string origin, importedAt;
};

struct StudyAuthorRow {
  std::int64_t studyId = 0;
  std::int64_t position = 0;  // 1-based
  std::string family, given;
};

struct StudyLinkRow {
  std::int64_t sourceId = 0, studyId = 0;
  std::string matchedBy;
};

// A PDF source and its study, if linked.
struct PaperRow {
  std::int64_t sourceId = 0;
  std::string name;
  std::optional<std::int64_t> studyId;
  std::string matchedBy;  // "" when not linked
};

class StudyRows {
 public:
  explicit StudyRows(const sql::Db& db) : st_(db) {}

  std::int64_t insert(const StudyRow& row);
  void insertAuthor(const StudyAuthorRow& row);
  void each(const std::function<void(const StudyRow&)>& f);              // by key
  void eachAuthor(const std::function<void(const StudyAuthorRow&)>& f);  // by study, position
  std::optional<StudyRow> withKey(const std::string& key);
  std::optional<StudyRow> byId(std::int64_t id);
  bool any();

  // Links a source to a study, replacing the link it had.
  void link(const StudyLinkRow& row);
  void unlink(std::int64_t sourceId);
  std::optional<StudyLinkRow> linkOf(std::int64_t sourceId);
  void eachLink(const std::function<void(const StudyLinkRow&)>& f);  // by source
  // Every PDF source (a paper) with its link, by name then id.
  void eachPaper(const std::function<void(const PaperRow&)>& f);
  // The names of the study attributes in use, each once, by name.
  std::vector<std::string> attributeNames();
  // Each study's non-empty value of `attribute` (`study`: its key), by study id.
  void eachValue(const std::string& attribute,
                 const std::function<void(std::int64_t studyId, const std::string& value)>& f);

 private:
  Statements st_;
};

}  // namespace cmoc::store
