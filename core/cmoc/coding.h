#pragma once
// Codings: a code applied by a coder to a span [start, end) (code points) of a source's text.
// Spans overlap freely. Every change is one undoable Action and deletions are audited.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cmoc {

class Project;

struct CodingRecord {
  std::int64_t id = 0;
  std::string guid;
  std::int64_t sourceId = 0;
  std::string sourceName;
  std::int64_t codeId = 0;
  std::string codePath;
  std::string coder;
  std::int64_t start = 0, end = 0;
  std::string memo, createdAt, modifiedAt;
};

// Which codings to retrieve. Empty fields do not filter.
struct CodingFilter {
  std::vector<std::string> codes;  // names or paths
  bool withChildCodes = false;     // a code also matches its descendants' codings
  std::vector<std::string> sources;  // ids or file names
  std::vector<std::string> coders;
  std::vector<std::string> participants;  // participant codes (speaker of the coded turn)
  std::vector<std::pair<std::string, std::string>> attributes;  // participant/case attribute = value
  std::vector<std::int64_t> codingIds;  // these codings only (CMOC evidence); unknown ids match none
};

// A coded excerpt as researchers quote it.
struct Excerpt {
  CodingRecord coding;
  std::string text;           // the coded span
  std::string before, after;  // context either side, within the turn
  std::string speaker, participant;
  std::string attribution;    // "19; director; alliance 2"; a paper's "name.pdf, p. 4"
  std::optional<std::int64_t> page;  // a paper's page its first character is on
};

struct CoderCount {
  std::string coder;
  std::int64_t codings = 0;
};

// Codings counted per code or per source (id is the code's or the source's).
struct CodingCount {
  std::int64_t id = 0;
  std::int64_t codings = 0;
  std::int64_t sources = 0;  // distinct sources (1 when counting per source)
};

class Coding {
 public:
  explicit Coding(Project& project);

  // Applies a code to [start, end) as the project's current coder. Throws UsageError for an
  // empty, inverted or out-of-range span, NotFound for an unknown source or code.
  CodingRecord apply(std::string_view source, std::string_view code, std::int64_t start,
                     std::int64_t end, const std::string& memo = "");
  // Applies a code to a whole speaker turn (turns numbered from 1 in document order).
  CodingRecord applyToTurn(std::string_view source, std::int64_t turn, std::string_view code,
                           const std::string& memo = "");
  void remove(std::int64_t codingId);
  CodingRecord moveSpan(std::int64_t codingId, std::int64_t start, std::int64_t end);
  CodingRecord setMemo(std::int64_t codingId, const std::string& memo);
  CodingRecord get(std::int64_t codingId) const;

  std::vector<CodingRecord> list(const CodingFilter& filter = {}) const;
  // The same codings one at a time, in the same order, none kept: listing a million codings
  // built them all first (1.6 GB).
  void each(const CodingFilter& filter, const std::function<void(const CodingRecord&)>& row) const;
  // Every coder with codings and how many, most first (then by name): one count over an index,
  // never the codings themselves.
  std::vector<CoderCount> codingsPerCoder() const;
  // The codings list(filter) would return, counted per code or per source in one grouped query,
  // without reading them: what views showing one coder's counts need.
  std::vector<CodingCount> countPerCode(const CodingFilter& filter) const;
  std::vector<CodingCount> countPerSource(const CodingFilter& filter) const;
  std::vector<Excerpt> excerpts(const CodingFilter& filter, int contextChars = 80) const;

 private:
  Project& project_;
};

}  // namespace cmoc
