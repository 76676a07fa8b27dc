// Codebook: CSV import (rows an importer parsed, stored all or none) and export, and the code
// path syntax both share with the importer.
#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "backend/sqlite/action.h"
#include "cmoc/codebook.h"
#include "cmoc/error.h"
#include "cmoc/escape.h"
#include "cmoc/project.h"
#include "code_index.h"
#include "codebook_rows.h"

namespace cmoc {

std::vector<std::string> splitCodePath(std::string_view path) { return store::splitPath(path); }

std::string joinCodePath(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : "/") + store::escapeSegment(n);
  return out;
}

namespace {

bool keeps(const CodebookRow& row, const char* field) {
  return std::find(row.keep.begin(), row.keep.end(), field) != row.keep.end();
}

void checkCreated(const std::optional<std::string>& created) {
  static const std::regex iso(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)");
  if (created && !std::regex_match(*created, iso))
    throw UsageError("created '" + *created + "' is not an ISO 8601 UTC time");
}

// Sets the row's fields on an existing code; returns whether anything changed.
bool updateCode(store::Action& action, std::int64_t id, const CodebookRow& row,
                const std::string& path) {
  store::CodeRows codes(action.db());
  store::CodeRow stored = *codes.byId(id);  // the caller found it in the codebook's index
  const CodeDraft& d = row.draft;
  struct Field {
    const char* name;
    std::string* value;  // in `stored`
    std::string next;
  };
  Field fields[] = {{"kind", &stored.kind, std::string(toString(d.kind))},
                    {"definition", &stored.definition, d.definition},
                    {"inclusion", &stored.inclusion, d.inclusion},
                    {"exclusion", &stored.exclusion, d.exclusion},
                    {"color", &stored.color, d.color},
                    {"origin", &stored.origin, std::string(toString(d.origin))},
                    {"memo", &stored.memo, d.memo},
                    {"created", &stored.createdAt, row.createdAt.value_or("")}};
  std::string changed;
  for (Field& f : fields) {
    const bool keep = keeps(row, f.name) || (f.value == &stored.createdAt && !row.createdAt);
    if (keep || *f.value == f.next) continue;
    *f.value = f.next;
    changed += (changed.empty() ? "" : ", ") + jsonString(f.name);
  }
  if (changed.empty()) return false;
  store::validateColor(stored.color);
  stored.modifiedAt = nowUtc();
  codes.update(stored);
  action.audit("edit-code", "code", stored.guid,
               "{\"path\": " + jsonString(path) + ", \"changed\": [" + changed + "]}");
  return true;
}

}  // namespace

std::pair<int, int> Codebook::importRows(const std::vector<CodebookRow>& rows,
                                         const std::string& fileName) {
  store::Action action(project_.impl(), "import codebook " + fileName);
  // Paths are whole paths here: a bare "Trust" is the top-level Trust, never a nested one.
  std::map<std::string, std::int64_t> byPath;
  {
    const store::CodeIndex index(action.db());
    for (std::int64_t id : index.depthFirst()) byPath[index.entry(id).path] = id;
  }
  // Parents before children, so a file may list codes in any order; file order among siblings.
  std::vector<std::pair<std::vector<std::string>, const CodebookRow*>> order;
  {
    std::set<std::string> filePaths;
    for (const CodebookRow& r : rows) filePaths.insert(r.path);
    const store::CodeIndex index(action.db());
    for (const CodebookRow& r : rows) {
      std::vector<std::string> parts = splitCodePath(r.path);
      // Else "Trust" would become a second, top-level Trust beside Mechanisms/Trust.
      if (r.parentByName && parts.size() == 2 && !byPath.count(parts[0]) &&
          !filePaths.count(parts[0])) {
        try {
          if (const auto parent = index.resolve(parts[0])) {
            std::vector<std::string> full = splitCodePath(index.entry(*parent).path);
            full.push_back(parts[1]);
            parts = std::move(full);
          }
        } catch (const UsageError& e) {
          throw InputError(fileName, "line " + std::to_string(r.line), e.what());
        }
      }
      order.emplace_back(std::move(parts), &r);
    }
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first.size() < b.first.size(); });

  std::map<std::string, int> seen;  // path -> line
  store::SortOrders orders(action.db());
  int created = 0, updated = 0;
  for (const auto& [parts, row] : order) {
    const std::string where = "line " + std::to_string(row->line);
    try {
      if (std::any_of(parts.begin(), parts.end(), [](const auto& p) { return p.empty(); }))
        throw UsageError(row->path.empty() ? "empty path"
                                           : "path '" + row->path + "' has an empty part");
      const std::string path = joinCodePath(parts);
      if (auto [it, fresh] = seen.emplace(path, row->line); !fresh)
        throw UsageError("duplicate path '" + path + "' (also on line " +
                         std::to_string(it->second) + ")");
      checkCreated(row->createdAt);
      if (auto it = byPath.find(path); it != byPath.end()) {
        updated += updateCode(action, it->second, *row, path) ? 1 : 0;
        continue;
      }
      // A parent the file does not list is made as a plain grouping code (kind other), with
      // the row's origin and date, since it comes into being with it.
      std::optional<std::int64_t> parent;
      std::vector<std::string> prefix;
      for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        prefix.push_back(parts[i]);
        auto [it, fresh] = byPath.emplace(joinCodePath(prefix), 0);
        if (fresh) {
          CodeDraft group{.name = parts[i], .origin = row->draft.origin};
          it->second = store::insertCode(action, group, parent, row->createdAt, &orders);
          ++created;
        }
        parent = it->second;
      }
      CodeDraft draft = row->draft;
      draft.name = parts.back();
      byPath[path] = store::insertCode(action, draft, parent, row->createdAt, &orders);
      ++created;
    } catch (const UsageError& e) {
      throw InputError(fileName, where, e.what());
    }
  }
  action.audit("import-codebook", "codebook", "",
               "{\"file\": " + jsonString(fileName) + ", \"created\": " + std::to_string(created) +
                   ", \"updated\": " + std::to_string(updated) + "}");
  action.commit();
  return {created, updated};
}

std::string Codebook::exportCsv() const {
  std::string out = "path,kind,definition,inclusion,exclusion,color,origin,created,memo\n";
  for (const Code& c : list()) {
    const std::string fields[] = {
        c.path,  std::string(toString(c.kind)),   c.definition, c.inclusion, c.exclusion,
        c.color, std::string(toString(c.origin)), c.createdAt,  c.memo};
    for (std::size_t i = 0; i < std::size(fields); ++i) out += (i ? "," : "") + csvField(fields[i]);
    out += "\n";
  }
  return out;
}

}  // namespace cmoc
