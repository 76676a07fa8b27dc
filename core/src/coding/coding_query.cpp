#include <memory>
#include <variant>

#include "cmoc/error.h"
#include "coding_rows.h"

namespace cmoc::store {

CodingQuery buildCodingQuery(const sql::Db& db, const CodeIndex& index, const CodingFilter& filter,
                             const std::string& actingCoder) {
  auto params = std::make_shared<std::vector<std::variant<std::int64_t, std::string>>>();
  std::vector<std::string> clauses;
  auto placeholders = [&](std::size_t n) {
    std::string s = "(";
    for (std::size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
    return s + ")";
  };
  if (!filter.codes.empty()) {
    std::vector<std::int64_t> ids;
    for (const std::string& c : filter.codes) {
      const std::int64_t id = index.require(c);
      ids.push_back(id);
      if (filter.withChildCodes)
        for (std::int64_t d : index.descendants(id)) ids.push_back(d);
    }
    clauses.push_back("c.code_id IN " + placeholders(ids.size()));
    for (auto id : ids) params->push_back(id);
  }
  if (!filter.codingIds.empty()) {
    // One JSON parameter however many ids: a list of placeholders would pass SQLite's limit of
    // 32,766 variables for a large study's CMOC evidence.
    std::string json = "[";
    for (std::int64_t id : filter.codingIds) json += (json.size() > 1 ? "," : "") + std::to_string(id);
    clauses.push_back("c.id IN (SELECT value FROM json_each(?))");
    params->push_back(json + "]");
  }
  if (!filter.sources.empty()) {
    clauses.push_back("c.source_id IN " + placeholders(filter.sources.size()));
    for (const std::string& s : filter.sources) params->push_back(resolveSource(db, s));
  }
  if (!filter.coders.empty()) {
    for (const std::string& name : filter.coders) {
      sql::Stmt st(db, "SELECT 1 FROM coders WHERE name = ?");
      st.bind(1, name);
      if (!st.step() && name != actingCoder) throw NotFound("no coder named '" + name + "'");
    }
    clauses.push_back("k.name IN " + placeholders(filter.coders.size()));
    for (const std::string& s : filter.coders) params->push_back(s);
  }
  // Participant and attribute filters look at the speaker of the turn where a coding starts,
  // falling back to the source's main participant.
  const char* participantOf =
      "coalesce((SELECT sp.participant_id FROM turns t JOIN speakers sp ON sp.id = t.speaker_id "
      "WHERE t.source_id = c.source_id AND t.start <= c.start AND c.start < t.end LIMIT 1), "
      "s.participant_id)";
  if (!filter.participants.empty()) {
    clauses.push_back(std::string("(SELECT code FROM participants WHERE id = ") + participantOf +
                      ") IN " + placeholders(filter.participants.size()));
    for (const std::string& p : filter.participants) params->push_back(p);
  }
  for (const auto& [name, value] : filter.attributes) {
    clauses.push_back(
        std::string("EXISTS (SELECT 1 FROM participants p LEFT JOIN cases cs ON cs.id = p.case_id "
                    "WHERE p.id = ") +
        participantOf +
        " AND (EXISTS (SELECT 1 FROM participant_attributes a WHERE a.participant_id = p.id "
        "AND a.name = ? AND a.value = ?) OR EXISTS (SELECT 1 FROM case_attributes ca WHERE "
        "ca.case_id = cs.id AND ca.name = ? AND ca.value = ?)))");
    for (int i = 0; i < 2; ++i) {
      params->push_back(name);
      params->push_back(value);
    }
  }
  CodingQuery q;
  for (std::size_t i = 0; i < clauses.size(); ++i) q.where += (i ? " AND " : " WHERE ") + clauses[i];
  q.bind = [params](sql::Stmt& st) {
    int i = 1;
    for (const auto& p : *params) {
      if (const auto* n = std::get_if<std::int64_t>(&p)) st.bind(i++, *n);
      else st.bind(i++, std::get<std::string>(p));
    }
  };
  return q;
}

}  // namespace cmoc::store
