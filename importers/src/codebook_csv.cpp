// Codebook CSV reading: the header decides which fields a row sets; each cell is checked here so
// an error can name its line and column (the store only knows lines).
#include "cmoc/importers/codebook_csv.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <regex>

#include "bytes.h"
#include "cmoc/error.h"
#include "cmoc/names.h"
#include "cmoc/validators.h"
#include "csv.h"
#include "encoding.h"

namespace cmoc::importers {

namespace {

// Fields an absent column leaves alone on an existing code (path, name, parent and created
// are not among them: they place or date a code rather than describe it).
constexpr std::array<const char*, 7> kFields = {"kind",  "definition", "inclusion", "exclusion",
                                                "color", "origin",     "memo"};
const char* const kColumnList =
    "path (or name and parent), kind, definition, inclusion, exclusion, color, origin, created, "
    "memo";

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string at(int line, int column) {
  return "line " + std::to_string(line) + ", column " + std::to_string(column + 1);
}

bool leapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// "2026-09-01" or "2026-09-01T08:30:00Z" as the store's UTC time; nullopt when not a real date.
std::optional<std::string> parseCreated(const std::string& s) {
  static const std::regex form(R"((\d{4})-(\d{2})-(\d{2})(T(\d{2}):(\d{2}):(\d{2})Z)?)");
  std::smatch m;
  if (!std::regex_match(s, m, form)) return std::nullopt;
  const int y = std::stoi(m[1]), mo = std::stoi(m[2]), d = std::stoi(m[3]);
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (mo < 1 || mo > 12 || d < 1) return std::nullopt;
  if (d > days[mo - 1] + (mo == 2 && leapYear(y) ? 1 : 0)) return std::nullopt;
  if (!m[4].matched) return s + "T00:00:00Z";
  if (std::stoi(m[5]) > 23 || std::stoi(m[6]) > 59 || std::stoi(m[7]) > 59) return std::nullopt;
  return s;
}

// Header column positions, by our field names; -1 when absent.
struct Columns {
  int path = -1, name = -1, parent = -1, created = -1;
  std::map<std::string, int> fields;
  int operator[](const std::string& f) const {
    auto it = fields.find(f);
    return it == fields.end() ? -1 : it->second;
  }
};

Columns readHeader(const CsvTable& table, const std::string& file) {
  Columns cols;
  std::vector<std::string> unknown;
  int firstUnknown = -1;
  std::map<std::string, int> seen;
  for (std::size_t i = 0; i < table.header().size(); ++i) {
    const int c = static_cast<int>(i);
    std::string h = table.header()[i];
    if (h == "colour") h = "color";
    if (h.empty()) {
      // Spreadsheets often save a trailing comma; an unnamed column is only a problem when it
      // holds something we would silently drop.
      for (const CsvRow& r : table.rows())
        if (!table.cell(r, c).empty())
          throw InputError(file, at(r.line, c), "a value in a column with no name");
      continue;
    }
    if (auto [it, fresh] = seen.emplace(h, c); !fresh)
      throw InputError(
          file, at(1, c),
          "column '" + h + "' appears twice (also column " + std::to_string(it->second + 1) + ")");
    if (h == "path")
      cols.path = c;
    else if (h == "name")
      cols.name = c;
    else if (h == "parent")
      cols.parent = c;
    else if (h == "created")
      cols.created = c;
    else if (std::find(kFields.begin(), kFields.end(), h) != kFields.end())
      cols.fields[h] = c;
    else {
      if (unknown.empty()) firstUnknown = c;
      unknown.push_back("'" + table.header()[i] + "'");
    }
  }
  if (!unknown.empty()) {
    std::string names;
    for (const auto& u : unknown) names += (names.empty() ? "" : ", ") + u;
    throw InputError(file, at(1, firstUnknown),
                     (unknown.size() == 1 ? "unknown column " : "unknown columns ") + names +
                         " (the columns are " + kColumnList + ")");
  }
  if (cols.path >= 0 && (cols.name >= 0 || cols.parent >= 0))
    throw InputError(file, at(1, cols.name >= 0 ? cols.name : cols.parent),
                     "give either a 'path' column or 'name' and 'parent' columns, not both");
  if (cols.path < 0 && cols.name < 0)
    throw InputError(file, "line 1", "no 'path' column (or 'name', with an optional 'parent')");
  return cols;
}

// In a name+parent file a parent may name another row's code by its name however deep that
// code sits, so each row's place follows its parents through the file. A code that is its own
// parent, or a cycle of parents, is refused: it would import as `Loop` and `Loop/Loop`.
// Returns each row's parent as path parts; parentByName marks a one-name parent the file does
// not hold, which the store may find among the project's codes.
struct Placement {
  std::vector<std::string> parent;
  bool parentByName = false;
};

std::vector<Placement> placeByParents(const CsvTable& table, const Columns& cols,
                                      const std::string& file) {
  const auto& rows = table.rows();
  std::multimap<std::string, std::size_t> byName;
  for (std::size_t i = 0; i < rows.size(); ++i) byName.emplace(table.cell(rows[i], cols.name), i);
  auto name = [&](std::size_t i) { return table.cell(rows[i], cols.name); };
  auto fail = [&](std::size_t i, const std::string& problem) {
    return InputError(file, at(rows[i].line, cols.parent), problem);
  };
  // The row a row's parent names, if the file holds it.
  auto parentRow = [&](std::size_t i) -> std::optional<std::size_t> {
    const std::string parent = table.cell(rows[i], cols.parent);
    if (parent.empty()) return std::nullopt;
    const std::vector<std::string> parts = splitCodePath(parent);
    if (parts.size() != 1) return std::nullopt;
    if (parts[0] == name(i)) throw fail(i, "code '" + name(i) + "' is its own parent");
    auto [b, e] = byName.equal_range(parts[0]);
    if (b == e) return std::nullopt;
    if (std::next(b) == e) return b->second;
    // Several codes share the name: the top-level one is meant, as a path would mean.
    std::optional<std::size_t> top;
    std::string lines;
    for (auto it = b; it != e; ++it) {
      if (table.cell(rows[it->second], cols.parent).empty()) top = it->second;
      lines += (lines.empty() ? "" : ", ") + std::to_string(rows[it->second].line);
    }
    if (!top)
      throw fail(i, "parent '" + parts[0] + "' names codes on lines " + lines +
                        "; give its path (Parent/Child)");
    return top;
  };

  std::vector<Placement> out(rows.size());
  std::vector<char> placed(rows.size(), 0), onChain(rows.size(), 0);
  for (std::size_t first = 0; first < rows.size(); ++first) {
    // Walks up without recursion (a hostile file may chain thousands of rows), then places
    // the chain from the top down.
    std::vector<std::pair<std::size_t, std::optional<std::size_t>>> chain;
    for (std::size_t k = first; !placed[k];) {
      if (onChain[k]) {
        std::string cycle;
        auto it =
            std::find_if(chain.begin(), chain.end(), [&](const auto& c) { return c.first == k; });
        for (; it != chain.end(); ++it) cycle += name(it->first) + " -> ";
        throw fail(chain.back().first, "parent cycle " + cycle + name(k));
      }
      onChain[k] = 1;
      chain.emplace_back(k, parentRow(k));
      if (!chain.back().second) break;
      k = *chain.back().second;
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const auto [row, parent] = *it;
      Placement& p = out[row];
      if (parent) {
        p.parent = out[*parent].parent;
        p.parent.push_back(name(*parent));
      } else if (const std::string written = table.cell(rows[row], cols.parent); !written.empty()) {
        p.parent = splitCodePath(written);
        p.parentByName = p.parent.size() == 1;
      }
      placed[row] = 1;
    }
  }
  return out;
}

}  // namespace

std::vector<CodebookRow> parseCodebookCsv(const std::string& text, const std::string& file) {
  const CsvTable table(text, file);
  const Columns cols = readHeader(table, file);
  if (table.rows().empty())
    throw InputError(file, "line 2", "no codes: the file has only a header");
  const std::vector<Placement> placements = cols.path < 0 && cols.parent >= 0
                                                ? placeByParents(table, cols, file)
                                                : std::vector<Placement>(table.rows().size());
  std::vector<CodebookRow> out;
  std::map<std::string, int> lineOf;  // canonical path -> line, for duplicates
  for (std::size_t i = 0; i < table.rows().size(); ++i) {
    const CsvRow& r = table.rows()[i];
    CodebookRow row;
    row.line = r.line;
    auto cell = [&](int c) { return table.cell(r, c); };
    auto fail = [&](int c, const std::string& problem) -> InputError {
      return InputError(file, at(r.line, c), problem);
    };
    // Where the row's place comes from: path, or parent + name.
    const int placeCol = cols.path >= 0 ? cols.path : cols.name;
    std::vector<std::string> parts;
    if (cols.path >= 0) {
      row.path = cell(cols.path);
      if (row.path.empty()) throw fail(cols.path, "empty path");
      parts = splitCodePath(row.path);
    } else {
      const std::string name = cell(cols.name), parent = cell(cols.parent);
      if (name.empty()) throw fail(cols.name, "empty name");
      if (!parent.empty()) parts = placements[i].parent;
      row.parentByName = placements[i].parentByName;
      parts.push_back(name);  // a name is one code, even with a '/' in it
    }
    if (std::any_of(parts.begin(), parts.end(), [](const auto& p) { return p.empty(); }))
      throw fail(
          cols.path >= 0 ? cols.path : cols.parent,
          "path '" + (cols.path >= 0 ? row.path : cell(cols.parent)) + "' has an empty part");
    if (parts.back().find('\n') != std::string::npos)
      throw fail(placeCol, "a code name cannot span lines");
    for (const std::string& part : parts)
      if (auto tooLong = nameLengthProblem("code", part))
        throw fail(cols.path >= 0 || part == parts.back() ? placeCol : cols.parent, *tooLong);
    row.path = joinCodePath(parts);
    if (auto [it, fresh] = lineOf.emplace(row.path, r.line); !fresh)
      throw fail(placeCol, "duplicate path '" + row.path + "' (also on line " +
                               std::to_string(it->second) + ")");

    CodeDraft& d = row.draft;
    d.name = parts.back();
    for (const char* f : kFields)
      if (cols[f] < 0) row.keep.push_back(f);
    if (const int c = cols["kind"]; c >= 0) {
      const std::string v = lower(cell(c));
      if (v.empty()) row.keep.push_back("kind");
      try {
        d.kind = parseCodeKind(v);
      } catch (const UsageError& e) {
        throw fail(c, e.what());
      }
    }
    if (const int c = cols["origin"]; c >= 0) {
      const std::string v = lower(cell(c));
      if (v.empty()) row.keep.push_back("origin");
      try {
        d.origin = parseCodeOrigin(v);
      } catch (const UsageError& e) {
        throw fail(c, e.what());
      }
    }
    if (const int c = cols["color"]; c >= 0) {
      d.color = cell(c);
      if (!d.color.empty() && !validate::isSixDigitColour(d.color))
        throw fail(c, "colour '" + d.color + "' is not #RRGGBB");
    }
    if (cols.created >= 0 && !cell(cols.created).empty()) {
      row.createdAt = parseCreated(cell(cols.created));
      if (!row.createdAt)
        throw fail(cols.created, "created '" + cell(cols.created) +
                                     "' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)");
    }
    d.definition = cell(cols["definition"]);
    d.inclusion = cell(cols["inclusion"]);
    d.exclusion = cell(cols["exclusion"]);
    d.memo = cell(cols["memo"]);
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<CodebookRow> loadCodebookCsv(const std::filesystem::path& file,
                                         const std::string& encoding) {
  const std::string name = displayName(file);
  return parseCodebookCsv(decodeText(readFileBytes(file), name, encoding), name);
}

}  // namespace cmoc::importers
