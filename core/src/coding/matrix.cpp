// The code x attribute matrix (cmoc/matrix.h). Codings stream in source order and each
// source's turns are read once, so a coding's participant is found by binary search rather
// than by a correlated subquery per coding (200,000 codings in the reference corpus).
#include "cmoc/matrix.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <unordered_map>

#include "backend/sqlite/matrix_query.h"
#include "backend/sqlite/study_rows.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "codebook/code_index.h"
#include "coding_shared.h"

namespace cmoc {

namespace {

struct AttributeValues {
  std::unordered_map<std::int64_t, std::string> byParticipant;  // only participants with a value
  std::set<std::string> intervieweeValues;                      // the columns shown even when empty
  // A paper linked to a study takes the study's value (its country, design ...): papers have no
  // participants. Only sources with a value.
  std::unordered_map<std::int64_t, std::string> bySource;
};

// The study attributes a matrix can split by: `study` (the key) and every study attribute.
std::vector<std::string> studyAttributeNames(store::StudyRows& studies) {
  if (!studies.any()) return {};
  std::vector<std::string> names{"study"};
  for (std::string& n : studies.attributeNames())
    if (n != "study") names.push_back(std::move(n));
  return names;
}

void loadStudyValues(const sql::Db& db, const std::string& attribute, AttributeValues& out) {
  store::StudyRows studies(db);
  std::unordered_map<std::int64_t, std::string> byStudy;
  studies.eachValue(attribute, [&](std::int64_t study, const std::string& value) {
    byStudy.emplace(study, value);
    out.intervieweeValues.insert(value);
  });
  if (byStudy.empty()) return;
  studies.eachLink([&](const store::StudyLinkRow& l) {
    if (auto it = byStudy.find(l.studyId); it != byStudy.end())
      out.bySource.emplace(l.sourceId, it->second);
  });
}

// `case` and `case_type` come from the participant's case, falling back to the sheet's
// columns of those names; other attributes from the participant, else from the case.
// `withStudies`: a study's attribute counts too (the matrix); else participants' only.
AttributeValues loadValues(const sql::Db& db, const std::string& attribute,
                           bool withStudies = false) {
  store::MatrixQueries queries(db);
  store::StudyRows studies(db);
  const std::vector<std::string> studyNames =
      withStudies ? studyAttributeNames(studies) : std::vector<std::string>{};
  if (attribute != "case" && attribute != "case_type" && attribute != "participant") {
    std::string names = "case, case_type, participant";
    bool found = false;
    for (const std::string& n : queries.attributeNames()) {
      found = found || n == attribute;
      if (n != "case" && n != "case_type") names += ", " + n;
    }
    for (const std::string& n : studyNames) {
      found = found || n == attribute;
      names += ", " + n;
    }
    if (!found)
      throw UsageError(std::string(studyNames.empty() ? "no participant or case"
                                                      : "no participant, case or study") +
                       " has an attribute '" + attribute + "' (known: " + names + ")");
  }
  AttributeValues out;
  if (withStudies) loadStudyValues(db, attribute, out);
  queries.eachValue(attribute, [&out](const store::ParticipantValue& v) {
    out.byParticipant[v.participantId] = v.value;
    if (!v.isInterviewer) out.intervieweeValues.insert(v.value);
  });
  return out;
}

// Interview phases 1, 2, 10 sort as numbers; other values as text.
bool naturalLess(const std::string& a, const std::string& b) {
  long long x = 0, y = 0;
  const bool na = std::from_chars(a.data(), a.data() + a.size(), x).ptr == a.data() + a.size();
  const bool nb = std::from_chars(b.data(), b.data() + b.size(), y).ptr == b.data() + b.size();
  if (na && nb && !a.empty() && !b.empty()) return x != y ? x < y : a < b;
  if (na != nb && !a.empty() && !b.empty()) return na;  // numbers first
  return a < b;
}

using store::TurnOwner;  // a source's turns with their speakers' participants, by start

std::optional<std::int64_t> ownerAt(const std::vector<TurnOwner>& turns, std::int64_t pos) {
  auto it = std::upper_bound(turns.begin(), turns.end(), pos,
                             [](std::int64_t p, const TurnOwner& t) { return p < t.start; });
  if (it == turns.begin()) return std::nullopt;
  --it;
  return pos < it->end ? it->participant : std::nullopt;
}

// A cell being counted. Codings arrive grouped by source, so a source is new to a cell exactly
// when it differs from the last one the cell saw.
struct Tally {
  MatrixCell cell;
  std::int64_t lastSource = -1;
  void add(std::int64_t source) {
    ++cell.codings;
    if (source != lastSource) ++cell.sources;
    lastSource = source;
  }
};

std::vector<std::int64_t> rowCodes(const store::CodeIndex& index, const MatrixRequest& request) {
  if (!request.codes.empty() && request.parent)
    throw UsageError("name the rows either as codes or as a parent's children, not both");
  std::vector<std::int64_t> out;
  if (request.parent) {
    const std::int64_t parent = index.require(*request.parent);
    for (std::int64_t id : index.depthFirst())
      if (index.entry(id).parent == parent) out.push_back(id);
  } else if (!request.codes.empty()) {
    for (const std::string& c : request.codes) out.push_back(index.require(c));
  } else {
    out = index.depthFirst();
  }
  return out;
}

}  // namespace

std::vector<std::string> attributeValues(const Project& project, const std::string& attribute) {
  if (attribute.empty()) throw UsageError("name the attribute");
  std::set<std::string> values;
  for (const auto& [participant, value] : loadValues(project.impl().db, attribute).byParticipant)
    values.insert(value);
  std::vector<std::string> out(values.begin(), values.end());
  std::sort(out.begin(), out.end(), naturalLess);
  return out;
}

CodeMatrix codeAttributeMatrix(const Project& project, const MatrixRequest& request) {
  const sql::Db& db = project.impl().db;
  if (request.attribute.empty()) throw UsageError("name the attribute for the matrix columns");
  const store::CodeIndex index(db);
  const std::vector<std::int64_t> rows = rowCodes(index, request);
  const AttributeValues values = loadValues(db, request.attribute, true);

  // Which rows a coding of each code counts towards (a code may sit under several rows).
  std::unordered_map<std::int64_t, std::vector<std::size_t>> rowsOf;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    rowsOf[rows[r]].push_back(r);
    if (request.withChildCodes)
      for (std::int64_t d : index.descendants(rows[r])) rowsOf[d].push_back(r);
  }

  CodingFilter filter;
  filter.coders = request.coders;
  const bool allCodes = request.codes.empty() && !request.parent;
  if (!allCodes)
    for (const auto& [code, unused] : rowsOf) filter.codes.push_back(index.entry(code).path);
  std::vector<std::map<std::string, Tally>> tallies(rows.size());
  std::vector<Tally> totals(rows.size());
  if (!rowsOf.empty()) {  // empty for a parent without children
    store::MatrixQueries queries(db);
    std::vector<TurnOwner> turns;
    std::int64_t turnsOf = -1;
    store::CodingQueries(db).eachStart(
        store::selectCodings(db, index, filter), [&](const store::CodingStart& c) {
          auto targets = rowsOf.find(c.codeId);
          if (targets == rowsOf.end()) return;
          const std::int64_t source = c.sourceId;
          if (source != turnsOf) {
            turns = queries.turnOwners(source);
            turnsOf = source;
          }
          std::optional<std::int64_t> participant = ownerAt(turns, c.start);
          if (!participant) participant = c.sourceParticipantId;
          const std::string* value = nullptr;
          if (auto study = values.bySource.find(source); study != values.bySource.end())
            value = &study->second;
          else if (participant)
            if (auto v = values.byParticipant.find(*participant); v != values.byParticipant.end())
              value = &v->second;
          for (std::size_t r : targets->second) {
            tallies[r][value ? *value : kNoAttributeValue].add(source);
            totals[r].add(source);
          }
        });
  }

  CodeMatrix m;
  m.attribute = request.attribute;
  std::set<std::string> seen = values.intervieweeValues;
  bool none = false;
  for (const auto& row : tallies)
    for (const auto& [value, t] : row) {
      if (value == kNoAttributeValue)
        none = true;
      else
        seen.insert(value);
    }
  m.columns.assign(seen.begin(), seen.end());
  std::sort(m.columns.begin(), m.columns.end(), naturalLess);
  if (none) m.columns.push_back(kNoAttributeValue);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    MatrixRow row;
    row.codeId = rows[r];
    row.codePath = index.entry(rows[r]).path;
    for (const std::string& column : m.columns) {
      auto it = tallies[r].find(column);
      row.cells.push_back(it == tallies[r].end() ? MatrixCell{} : it->second.cell);
    }
    row.total = totals[r].cell;
    m.rows.push_back(std::move(row));
  }
  return m;
}

}  // namespace cmoc
