// The checks behind `cmoc check`: the backend finds the rows, this file judges and words them.
#include "cmoc/project_check.h"

#include <algorithm>

#include "backend/sqlite/integrity_query.h"
#include "backend/sqlite/project_impl.h"
#include "cmoc/project.h"
#include "cmoc/text.h"

namespace cmoc {

namespace {

std::string span(std::int64_t start, std::int64_t end) {
  return "[" + std::to_string(start) + ", " + std::to_string(end) + ")";
}

class Checker {
 public:
  explicit Checker(const sql::Db& db) : db_(db) {}

  CheckReport run() {
    store::ReadSnapshot snapshot(db_);
    sqliteIntegrity();
    foreignKeys();
    sourceText();
    codingSpans();
    turnSpans();
    turnBytes();
    pageSpans();
    searchIndex();
    evidenceKinds();
    guids();
    history();
    return std::move(report_);
  }

 private:
  void add(std::string_view check, std::string detail,
           CheckSeverity severity = CheckSeverity::Error) {
    report_.problems.push_back({std::string(check), severity, std::move(detail)});
  }

  void sqliteIntegrity() {
    for (std::string& line : store::sqliteIntegrityProblems(db_))
      add("sqlite-integrity", std::move(line));
  }

  void foreignKeys() {
    for (const auto& v : store::foreignKeyViolations(db_))
      add("foreign-keys", v.table + " row " + std::to_string(v.rowid) +
                              " points at a missing row of " + v.parent);
  }

  void sourceText() {
    for (const auto& s : store::sourcesWithWrongLength(db_))
      add("source-text",
          s.actual ? "source " + std::to_string(s.id) + " (" + s.name + ") records " +
                         std::to_string(s.recorded) + " code points but its text has " +
                         std::to_string(*s.actual)
                   : "source " + std::to_string(s.id) + " (" + s.name + ") has no text");
  }

  void codingSpans() {
    for (const auto& c : store::codingsPastText(db_))
      add("coding-spans", "coding " + std::to_string(c.id) + " in " + c.sourceName + " spans " +
                              span(c.start, c.end) + ", past the text's end " +
                              std::to_string(c.length));
  }

  // Turns of a source follow one another without overlapping and stay inside its text (gaps
  // are allowed: labels and blank lines lie between turns).
  void turnSpans() {
    for (const auto& t : store::turnSpans(db_)) {
      const std::string where = "turn " + std::to_string(t.id) + " of " + t.sourceName;
      if (t.end > t.length)
        add("turn-spans", where + " spans " + span(t.start, t.end) + ", past the text's end " +
                              std::to_string(t.length));
      if (t.previousEnd && t.start < *t.previousEnd)
        add("turn-spans", where + " starts at " + std::to_string(t.start) +
                              ", inside the turn before it (which ends at " +
                              std::to_string(*t.previousEnd) + ")");
    }
  }

  // Excerpts and search read turns by their stored UTF-8 bytes: they must be the code points'.
  void turnBytes() {
    store::forEachSourceTurnBytes(
        db_, [&](std::int64_t, const std::string& name, const std::string& text,
                 const std::vector<store::TurnBytesRow>& turns) {
          const text::TextIndex index(text);
          for (const auto& t : turns) {
            if (t.end > index.codePoints()) continue;  // turn-spans reports it
            const std::int64_t start = index.byteOfCodePoint(t.start);
            const std::int64_t end = index.byteOfCodePoint(t.end);
            if (t.startByte != start || t.endByte != end)
              add("turn-bytes", "turn " + std::to_string(t.seq) + " of " + name +
                                    " records bytes " +
                                    (t.startByte && t.endByte ? span(*t.startByte, *t.endByte)
                                                              : std::string("(none)")) +
                                    " for code points " + span(t.start, t.end) + ", which are " +
                                    span(start, end));
          }
        });
  }

  // A paper's pages cover its text from the first code point to the last, in page order.
  void pageSpans() {
    const auto pages = store::pageSpans(db_);
    for (std::size_t i = 0; i < pages.size(); ++i) {
      const auto& p = pages[i];
      const std::string where = "page " + std::to_string(p.id) + " of " + p.sourceName;
      const std::int64_t expected = p.previousEnd.value_or(0);
      if (p.start != expected)
        add("page-spans", where + " starts at " + std::to_string(p.start) + ", not at " +
                              std::to_string(expected) + " where the page before it ends");
      const bool last = i + 1 == pages.size() || pages[i + 1].sourceId != p.sourceId;
      if (p.end > p.length || (last && p.end != p.length))
        add("page-spans", where + " ends at " + std::to_string(p.end) + ", not at the text's end " +
                              std::to_string(p.length));
    }
  }

  void searchIndex() {
    if (auto problem = store::searchIndexProblem(db_))
      add("search-index", "the search index does not match the text: " + *problem);
  }

  void evidenceKinds() {
    for (const auto& e : store::evidenceOfAnotherKind(db_))
      add("evidence-kinds",
          "CMOC " + std::to_string(e.cmocId) + ": coding " + std::to_string(e.codingId) +
              " supports its " + e.slot + " but is coded " + e.codeName + ", a " + e.codeKind +
              " code",
          CheckSeverity::Warning);
  }

  void guids() {
    for (const auto& g : store::sharedGuids(db_)) {
      std::string where;
      for (const auto& t : g.tables) where += (where.empty() ? "" : ", ") + t;
      add("guids", "GUID " + g.guid + " is held by " + std::to_string(g.tables.size()) +
                       " rows (" + where + ")");
    }
  }

  void history() {
    for (std::int64_t id : store::unreadableHistoryEntries(db_))
      add("history", "history entry " + std::to_string(id) +
                         " cannot be read back, so it cannot be undone or redone");
    if (store::replayLeftRunning(db_))
      add("history", "an undo or redo was left marked as running");
  }

  const sql::Db& db_;
  CheckReport report_;
};

}  // namespace

std::string_view toString(CheckSeverity severity) {
  return severity == CheckSeverity::Error ? "error" : "warning";
}

bool CheckReport::ok() const { return errors() == 0; }

std::size_t CheckReport::errors() const {
  return static_cast<std::size_t>(std::count_if(problems.begin(), problems.end(), [](const auto& p) {
    return p.severity == CheckSeverity::Error;
  }));
}

std::size_t CheckReport::warnings() const { return problems.size() - errors(); }

const std::vector<std::string_view>& checkNames() {
  static const std::vector<std::string_view> names{
      "sqlite-integrity", "foreign-keys", "source-text", "coding-spans",
      "turn-spans",       "turn-bytes",   "page-spans",  "search-index",
      "evidence-kinds",   "guids",        "history"};
  return names;
}

CheckReport checkProject(const Project& project) { return Checker(project.impl().db).run(); }

}  // namespace cmoc
