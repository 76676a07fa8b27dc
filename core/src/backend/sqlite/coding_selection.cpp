#include "coding_selection.h"

#include "statements.h"

namespace cmoc::store {

namespace {

std::string placeholders(std::size_t n) {
  std::string s = "(";
  for (std::size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s + ")";
}

}  // namespace

int SelectionSql::bind(sql::Stmt& st, int first) const {
  for (const auto& p : params) {
    if (const auto* n = std::get_if<std::int64_t>(&p))
      st.bind(first++, *n);
    else
      st.bind(first++, std::get<std::string>(p));
  }
  return first;
}

SelectionSql selectionSql(const CodingSelection& sel, bool joined) {
  SelectionSql w;
  // Only coder, participant and attribute filters look past the codings table; counting every
  // coding per code need not join 200,000 rows to their sources and coders.
  const bool needsJoins =
      joined || !sel.coders.empty() || !sel.participants.empty() || !sel.attributes.empty();
  w.from = needsJoins ? " FROM codings c JOIN sources s ON s.id = c.source_id JOIN coders k ON "
                        "k.id = c.coder_id"
                      : " FROM codings c";
  std::vector<std::string> clauses;
  if (!sel.codeIds.empty()) {
    clauses.push_back("c.code_id IN " + placeholders(sel.codeIds.size()));
    for (std::int64_t id : sel.codeIds) w.params.push_back(id);
  }
  if (!sel.codingIds.empty()) {
    // However many: a large study's CMOC evidence can name more codings than SQLite's limit
    // of variables.
    clauses.push_back("c.id IN (SELECT value FROM json_each(?))");
    w.params.push_back(jsonIds(sel.codingIds));
  }
  if (!sel.sourceIds.empty()) {
    clauses.push_back("c.source_id IN " + placeholders(sel.sourceIds.size()));
    for (std::int64_t id : sel.sourceIds) w.params.push_back(id);
  }
  if (!sel.coders.empty()) {
    clauses.push_back("k.name IN " + placeholders(sel.coders.size()));
    for (const std::string& s : sel.coders) w.params.push_back(s);
  }
  const char* participantOf =
      "coalesce((SELECT sp.participant_id FROM turns t JOIN speakers sp ON sp.id = t.speaker_id "
      "WHERE t.source_id = c.source_id AND t.start <= c.start AND c.start < t.end LIMIT 1), "
      "s.participant_id)";
  if (!sel.participants.empty()) {
    clauses.push_back(std::string("(SELECT code FROM participants WHERE id = ") + participantOf +
                      ") IN " + placeholders(sel.participants.size()));
    for (const std::string& p : sel.participants) w.params.push_back(p);
  }
  for (const auto& [name, value] : sel.attributes) {
    clauses.push_back(
        std::string("EXISTS (SELECT 1 FROM participants p LEFT JOIN cases cs ON cs.id = p.case_id "
                    "WHERE p.id = ") +
        participantOf +
        " AND (EXISTS (SELECT 1 FROM participant_attributes a WHERE a.participant_id = p.id "
        "AND a.name = ? AND a.value = ?) OR EXISTS (SELECT 1 FROM case_attributes ca WHERE "
        "ca.case_id = cs.id AND ca.name = ? AND ca.value = ?)))");
    for (int i = 0; i < 2; ++i) {
      w.params.push_back(name);
      w.params.push_back(value);
    }
  }
  for (std::size_t i = 0; i < clauses.size(); ++i)
    w.where += (i ? " AND " : " WHERE ") + clauses[i];
  return w;
}

}  // namespace cmoc::store
