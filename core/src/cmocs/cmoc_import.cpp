// importCmocs: many CMOCs, their evidence and chains in one Action (see cmoc/cmoc_bulk.h).
#include <map>

#include "backend/sqlite/action.h"
#include "backend/sqlite/source_rows.h"
#include "cmoc/cmoc_bulk.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc_access.h"
#include "codebook/code_index.h"

namespace cmoc {

namespace {

// Sources by file name and by id, loaded once: a lookup per piece of evidence would scan them.
std::map<std::string, std::int64_t> sourceIds(const sql::Db& db) {
  std::vector<std::pair<std::string, std::int64_t>> rows;
  store::SourceRows(db).each([&rows](const store::SourceRow& s) { rows.emplace_back(s.name, s.id); });
  std::map<std::string, std::int64_t> out;
  // Newest first, so a name imported twice means its first source.
  for (auto r = rows.rbegin(); r != rows.rend(); ++r) {
    out[r->first] = r->second;
    out[std::to_string(r->second)] = r->second;
  }
  return out;
}

}  // namespace

CmocImportResult importCmocs(Project& project, const std::vector<CmocRow>& rows,
                             const std::string& fileName, KindCheck check) {
  const store::CodeIndex index(project.impl().db);
  store::Action action(project.impl(), "import " + std::to_string(rows.size()) + " CMOCs from " + fileName);
  store::CmocQueries evidence(action.db());
  const std::map<std::string, std::int64_t> sources = sourceIds(action.db());
  std::map<std::string, std::int64_t> idOf;  // key -> CMOC id
  CmocImportResult result;
  for (const CmocRow& row : rows) {
    const std::string where = "line " + std::to_string(row.line);
    try {
      if (row.key.empty()) throw UsageError("empty key");
      if (idOf.count(row.key)) throw UsageError("key '" + row.key + "' is used twice");
      CmocDraft draft{row.context, row.mechanism, row.outcome, row.status, std::nullopt, row.key, row.memo, {}};
      const std::int64_t c = store::slotCode(index, row.context, Slot::Context, check);
      const std::int64_t m = store::slotCode(index, row.mechanism, Slot::Mechanism, check);
      const std::int64_t o = store::slotCode(index, row.outcome, Slot::Outcome, check);
      if (!row.prior.empty()) {
        auto p = idOf.find(row.prior);
        if (p == idOf.end()) throw UsageError("prior '" + row.prior + "' is not an earlier row's key");
        draft.prior = std::to_string(p->second);
      }
      for (const EvidenceRef& e : row.evidence) {
        const std::int64_t code = e.slot == Slot::Context ? c : e.slot == Slot::Mechanism ? m : o;
        auto source = sources.find(e.source);
        if (source == sources.end()) throw NotFound("no source named '" + e.source + "'");
        const std::optional<std::int64_t> coding =
            evidence.codingSpanning(source->second, e.start, e.end, code, action.coder());
        if (!coding)
          throw NotFound("no coding of " + e.source + " spans " + std::to_string(e.start) + "-" +
                         std::to_string(e.end));
        draft.evidence.emplace_back(e.slot, *coding);
      }
      idOf[row.key] = store::insertCmoc(action, draft, c, m, o);
      ++result.cmocs;
      result.evidence += draft.evidence.size();
    } catch (const InputError&) {
      throw;
    } catch (const Error& e) {
      throw InputError(fileName, where, e.what());
    }
  }
  for (const CmocRow& row : rows)
    for (const std::string& to : row.feeds) {
      // Named by its key and line: the CMOC id the store would name is not in the file.
      if (to == row.key)
        throw InputError(fileName, "line " + std::to_string(row.line),
                         "key '" + to + "' feeds itself: a CMOC cannot chain to itself");
      auto target = idOf.find(to);
      if (target == idOf.end())
        throw InputError(fileName, "line " + std::to_string(row.line), "feeds unknown key '" + to + "'");
      store::insertLink(action, idOf[row.key], target->second, "");
      ++result.links;
    }
  action.commit();
  return result;
}

}  // namespace cmoc
