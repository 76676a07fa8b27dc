#pragma once
// A CMOC Workbench project: one SQLite file (DESIGN.md decision 1). This class is the store's
// narrow API; no SQL or sqlite3 type leaves core/src/backend. Every method that writes is one
// transaction.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/transcript.h"

namespace cmoc {

struct SourceSummary {
  std::int64_t id = 0;
  std::string guid, name, format, importedAt;
  std::string participants;  // non-interviewer participant codes, in order of first turn
  std::int64_t chars = 0, turns = 0, speakers = 0, codings = 0;
};

struct TurnView {
  std::int64_t id = 0, seq = 0;
  std::string speaker, participant;
  bool interviewer = false;
  std::int64_t start = 0, end = 0;
  std::optional<std::int64_t> startMs, endMs;
};

// One page of a paper: its number (1-based) and the code points of its text.
struct PageView {
  std::int64_t page = 0, start = 0, end = 0;
};

struct ImportResult {
  bool duplicate = false;                     // the same text is already in the project
  std::int64_t sourceId = 0;                  // new source, or the existing one when duplicate
  std::string duplicateOf;                    // name of the existing source
  std::vector<std::string> unmappedSpeakers;  // labels the participants sheet does not name
};

struct SearchOptions {
  std::size_t limit = 1000;
  int contextChars = 40;  // code points of context either side in the keyword-in-context line
};

struct SearchHit {
  std::int64_t sourceId = 0, turnId = 0;
  std::string sourceName, speaker, participant;
  std::int64_t start = 0, end = 0;  // code points into the source text
  std::string before, match, after;
  std::optional<std::int64_t> page;  // a paper's page the hit starts on
  std::string study;  // the citation of the paper's study ("Hartley and Osei 2017"); "": none
};

struct HistoryEntry {
  std::int64_t id = 0;
  std::string at, coder, label;
  bool undone = false;
};

struct AuditEntry {
  std::int64_t id = 0;
  std::string at, coder, action, entityKind, entityGuid, detail;  // detail: JSON object
};

class Project {
 public:
  // The schema version this build writes: the number of the last migration in schemas/.
  static int schemaVersion();
  // "CMOC" in ASCII: marks the SQLite file as ours.
  static constexpr std::int32_t kApplicationId = 0x434D4F43;

  // Creates a new project file; refuses to overwrite an existing file.
  static Project create(const std::filesystem::path& file);
  // Opens an existing project, upgrading an older schema; refuses non-projects and newer files
  // without touching them.
  static Project open(const std::filesystem::path& file);

  Project(Project&&) noexcept;
  Project& operator=(Project&&) noexcept;
  ~Project();

  const std::filesystem::path& file() const;

  // Sources ----------------------------------------------------------------------------------
  // Stores a transcript with its turns and speakers in one transaction; speakers are mapped to
  // participants through `sheet` when given.
  ImportResult addTranscript(const Transcript& t, const ParticipantSheet* sheet = nullptr);
  // Maps the speakers of every source already in the project through `sheet`. Returns the
  // lines of the rows that matched no speaker (and so changed nothing).
  std::vector<int> applyParticipants(const ParticipantSheet& sheet);
  std::vector<SourceSummary> sources() const;
  // A source by numeric id or by file name; throws NotFound.
  SourceSummary source(std::string_view idOrName) const;
  std::string sourceText(std::int64_t sourceId) const;
  std::vector<TurnView> turns(std::int64_t sourceId) const;
  // A paged source's pages in order (a PDF paper's); empty for transcripts.
  std::vector<PageView> pages(std::int64_t sourceId) const;

  // Search -----------------------------------------------------------------------------------
  // FTS5 query syntax over speaker turns: words, "phrases", AND/OR/NOT, prefix*; case- and
  // accent-insensitive. Throws UsageError on a malformed query.
  std::vector<SearchHit> search(std::string_view query, const SearchOptions& options = {}) const;

  // Who acts (coder name): recorded on history and audit entries and used as the coder of new
  // codings and CMOCs. The coder joins the project's coders with their first change, in that
  // change's transaction: setting a coder writes nothing.
  void setCoder(const std::string& name);
  const std::string& coder() const;

  // History ----------------------------------------------------------------------------------
  // Undoes this coder's latest action; returns its label, or nullopt when there is none.
  // Throws Error when later changes by someone else conflict with it (nothing is changed).
  std::optional<std::string> undo();
  std::optional<std::string> redo();
  std::vector<HistoryEntry> history(std::size_t limit = 50) const;
  // Newest first; with `coder`, only the entries that coder made.
  std::vector<AuditEntry> auditLog(std::size_t limit = 100,
                                   const std::optional<std::string>& coder = std::nullopt) const;

  struct Impl;
  Impl& impl() const { return *impl_; }  // for core's own store classes; opaque elsewhere

 private:
  explicit Project(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A new GUID, lower-case 8-4-4-4-12 hex, time-ordered (RFC 9562 version 7 layout).
std::string newGuid();
// Now, as an ISO 8601 UTC string with seconds: 2026-11-26T07:05:00Z.
std::string nowUtc();

}  // namespace cmoc
