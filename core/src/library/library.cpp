// The study library's commands (cmoc/library.h): importing references as studies, linking
// papers to them automatically or by hand. Each is one undoable, audited Action.
#include "cmoc/library.h"

#include <algorithm>
#include <map>
#include <set>

#include "ascii_fold.h"
#include "backend/sqlite/action.h"
#include "backend/sqlite/attribute_rows.h"
#include "backend/sqlite/source_rows.h"
#include "backend/sqlite/study_rows.h"
#include "cmoc/error.h"
#include "cmoc/escape.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "coding/coding_shared.h"
#include "study_keys.h"
#include "study_match.h"
#include "study_read.h"

namespace cmoc {

namespace {

constexpr const char* kPaperFormat = "pdf";

std::vector<library::StudyClues> cluesOf(const std::vector<Study>& studies) {
  std::vector<library::StudyClues> out;
  for (const Study& s : studies)
    out.push_back(
        {s.key, s.doi, s.authors.empty() ? "" : s.authors.front().family, s.year, s.title});
  return out;
}

// What identifies a reference already in the library: its DOI, else its title and year.
std::string titleYear(const std::string& title, std::optional<int> year) {
  return library::matchWords(title) + "|" + (year ? std::to_string(*year) : "");
}

std::string linkJson(const std::string& study, const std::string& matchedBy) {
  return "{\"study\":" + jsonString(study) + ",\"matched_by\":" + jsonString(matchedBy) + "}";
}

// Matches the unlinked papers among `sourceIds` and writes the links inside `action`.
std::vector<PaperMatch> linkPapers(store::Action& action, const std::vector<std::int64_t>& ids) {
  sql::Db& db = action.db();
  const std::vector<Study> studies = library::readStudies(db);
  const std::vector<library::StudyClues> clues = cluesOf(studies);
  store::StudyRows rows(db);
  store::SourceRows sources(db);
  std::vector<PaperMatch> out;
  if (studies.empty()) return out;
  for (const std::int64_t id : ids) {
    const std::optional<store::SourceRow> source = sources.byId(id);
    if (!source || source->format != kPaperFormat || rows.linkOf(id)) continue;
    const library::MatchOutcome m = library::matchPaper(source->name, sources.text(id), clues);
    PaperMatch p{id, source->name, m.key, m.matchedBy, m.detail};
    if (!m.key.empty()) {
      const auto study = std::find_if(studies.begin(), studies.end(),
                                      [&](const Study& s) { return s.key == m.key; });
      rows.link({id, study->id, m.matchedBy});
      action.audit("link-study", "source", source->guid, linkJson(m.key, m.matchedBy));
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<std::int64_t> unlinkedPapers(const sql::Db& db) {
  std::vector<std::int64_t> out;
  store::StudyRows(db).eachPaper([&](const store::PaperRow& p) {
    if (!p.studyId) out.push_back(p.sourceId);
  });
  return out;
}

std::string trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

}  // namespace

Library::Library(Project& project) : project_(project) {}

LibraryImport Library::import(const ReferenceFile& file) {
  store::Action action(project_.impl(), "import library " + file.fileName);
  sql::Db& db = action.db();
  store::StudyRows rows(db);
  store::AttributeRows attributes(db, store::AttributeOwner::Study);
  std::set<std::string> keys;
  std::map<std::string, std::string> byDoi, byTitleYear;  // -> key
  for (const Study& s : library::readStudies(db)) {
    keys.insert(s.key);
    if (!s.doi.empty()) byDoi.emplace(s.doi, s.key);
    byTitleYear.emplace(titleYear(s.title, s.year), s.key);
  }
  LibraryImport result;
  const std::string now = nowUtc();
  for (const Reference& r : file.references) {
    const std::string where = "line " + std::to_string(r.line);
    const std::string title = trimmed(r.title);
    if (title.empty()) throw InputError(file.fileName, where, "the reference has no title");
    const std::string label = r.key.empty() ? where : r.key;
    const std::string doi = library::normalDoi(r.doi);
    if (!trimmed(r.doi).empty() && doi.empty())
      throw InputError(file.fileName, where, "'" + r.doi + "' is not a DOI");
    if (auto it = byDoi.find(doi); !doi.empty() && it != byDoi.end()) {
      result.skipped.emplace_back(label, "already in the library as " + it->second + " (DOI)");
      continue;
    }
    if (auto it = byTitleYear.find(titleYear(title, r.year)); it != byTitleYear.end()) {
      result.skipped.emplace_back(label,
                                  "already in the library as " + it->second + " (title and year)");
      continue;
    }
    const std::string key =
        !r.key.empty() && !keys.count(r.key) ? r.key : library::makeKey(r, keys);
    const std::string guid = newGuid();
    const std::int64_t id = rows.insert({0, guid, key, r.year, title, trimmed(r.journal),
                                         doi.empty() ? std::nullopt : std::optional(doi),
                                         file.fileName + ", " + where, now});
    std::int64_t position = 0;
    for (const StudyAuthor& a : r.authors)
      rows.insertAuthor({id, ++position, trimmed(a.family), trimmed(a.given)});
    // A field given twice (two keywords lines, say) keeps both values, in order.
    std::map<std::string, std::string> fields;
    for (const auto& [name, value] : r.fields) {
      const std::string v = trimmed(value);
      if (v.empty()) continue;
      std::string& held = fields[name];
      held += (held.empty() ? "" : "; ") + v;
    }
    for (const auto& [name, value] : fields) attributes.add(id, name, value);
    action.audit("add-study", "study", guid,
                 "{\"key\":" + jsonString(key) + ",\"title\":" + jsonString(title) +
                     ",\"origin\":" + jsonString(file.fileName + ", " + where) + "}");
    keys.insert(key);
    if (!doi.empty()) byDoi.emplace(doi, key);
    byTitleYear.emplace(titleYear(title, r.year), key);
    result.added.push_back(key);
  }
  if (!result.added.empty()) result.links = linkPapers(action, unlinkedPapers(db));
  if (!result.added.empty()) action.commit();  // only skips: nothing to record or undo
  return result;
}

std::vector<Study> Library::list() const { return library::readStudies(project_.impl().db); }

Study Library::get(std::string_view key) const {
  for (Study& s : list())
    if (s.key == key) return s;
  throw NotFound("no study with the key '" + std::string(key) + "'");
}

std::vector<PaperLink> Library::papers() const {
  const sql::Db& db = project_.impl().db;
  std::map<std::int64_t, std::string> keyOf;
  store::StudyRows rows(db);
  rows.each([&](const store::StudyRow& s) { keyOf.emplace(s.id, s.key); });
  std::vector<PaperLink> out;
  rows.eachPaper([&](const store::PaperRow& p) {
    out.push_back({p.sourceId, p.name, p.studyId ? keyOf[*p.studyId] : "", p.matchedBy});
  });
  return out;
}

std::vector<PaperMatch> Library::autoLink(const std::vector<std::int64_t>& sourceIds) {
  store::Action action(project_.impl(), "link papers to studies");
  std::vector<PaperMatch> out = linkPapers(action, sourceIds);
  if (std::any_of(out.begin(), out.end(), [](const PaperMatch& m) { return !m.study.empty(); }))
    action.commit();
  return out;
}

namespace {
// The source, refused unless it is a paper.
store::SourceRow paperSource(const sql::Db& db, std::string_view idOrName) {
  const std::int64_t id = store::resolveSource(db, idOrName);
  store::SourceRow source = *store::SourceRows(db).byId(id);
  if (source.format != kPaperFormat)
    throw UsageError("source '" + source.name +
                     "' is not a PDF paper; only papers link to studies");
  return source;
}
}  // namespace

PaperLink Library::link(std::string_view sourceName, std::string_view studyKey) {
  store::Action action(project_.impl(),
                       "link " + std::string(sourceName) + " to " + std::string(studyKey));
  sql::Db& db = action.db();
  const store::SourceRow source = paperSource(db, sourceName);
  store::StudyRows rows(db);
  const std::optional<store::StudyRow> study = rows.withKey(std::string(studyKey));
  if (!study) throw NotFound("no study with the key '" + std::string(studyKey) + "'");
  if (auto had = rows.linkOf(source.id); had && had->studyId == study->id)
    throw UsageError("'" + source.name + "' is already linked to " + study->key);
  rows.link({source.id, study->id, kMatchedByHand});
  action.audit("link-study", "source", source.guid, linkJson(study->key, kMatchedByHand));
  action.commit();
  return {source.id, source.name, study->key, kMatchedByHand};
}

PaperLink Library::unlink(std::string_view sourceName) {
  store::Action action(project_.impl(), "unlink " + std::string(sourceName));
  sql::Db& db = action.db();
  const store::SourceRow source = paperSource(db, sourceName);
  store::StudyRows rows(db);
  const std::optional<store::StudyLinkRow> had = rows.linkOf(source.id);
  if (!had) throw UsageError("'" + source.name + "' is not linked to a study");
  const std::string key = rows.byId(had->studyId)->key;
  rows.unlink(source.id);
  action.audit("unlink-study", "source", source.guid, linkJson(key, had->matchedBy));
  action.commit();
  return {source.id, source.name, key, had->matchedBy};
}

bool Library::empty() const { return !store::StudyRows(project_.impl().db).any(); }

}  // namespace cmoc
