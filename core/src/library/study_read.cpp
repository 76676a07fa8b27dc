#include "study_read.h"

#include <map>

#include "backend/sqlite/attribute_rows.h"
#include "backend/sqlite/source_rows.h"
#include "backend/sqlite/study_rows.h"

namespace cmoc::library {

std::vector<Study> readStudies(const sql::Db& db) {
  store::StudyRows rows(db);
  std::vector<Study> out;
  std::map<std::int64_t, std::size_t> at;  // study id -> index in out
  rows.each([&](const store::StudyRow& r) {
    Study s;
    s.id = r.id;
    s.guid = r.guid;
    s.key = r.key;
    s.year = r.year;
    s.title = r.title;
    s.journal = r.journal;
    s.doi = r.doi.value_or("");
    s.origin = r.origin;
    at.emplace(r.id, out.size());
    out.push_back(std::move(s));
  });
  if (out.empty()) return out;
  rows.eachAuthor([&](const store::StudyAuthorRow& a) {
    if (auto it = at.find(a.studyId); it != at.end())
      out[it->second].authors.push_back({a.family, a.given});
  });
  store::AttributeRows(db, store::AttributeOwner::Study)
      .each([&](std::int64_t owner, const std::string& name, const std::string& value) {
        if (auto it = at.find(owner); it != at.end())
          out[it->second].attributes.emplace_back(name, value);
      });
  store::SourceRows sources(db);
  rows.eachLink([&](const store::StudyLinkRow& l) {
    if (auto it = at.find(l.studyId); it != at.end())
      if (auto source = sources.byId(l.sourceId)) out[it->second].papers.push_back(source->name);
  });
  for (Study& s : out) s.citation = studyCitation(s.authors, s.year, s.title);
  return out;
}

std::unordered_map<std::int64_t, std::string> citationsBySource(const sql::Db& db) {
  std::unordered_map<std::int64_t, std::string> out;
  store::StudyRows rows(db);
  std::vector<store::StudyLinkRow> links;
  rows.eachLink([&](const store::StudyLinkRow& l) { links.push_back(l); });
  if (links.empty()) return out;  // no library: no need to read the studies
  std::map<std::int64_t, std::string> byStudy;
  for (const Study& s : readStudies(db)) byStudy.emplace(s.id, s.citation);
  for (const store::StudyLinkRow& l : links)
    if (auto it = byStudy.find(l.studyId); it != byStudy.end()) out.emplace(l.sourceId, it->second);
  return out;
}

}  // namespace cmoc::library
