#pragma once
// REFI-QDA exchange files into refi::Exchange values, with a report of what was read, left out
// and left dangling. Nothing here writes to a project: refi::apply saves what this returns.
//
// Liberal in what it reads, after what real tools write (../shared/refi-qda/NOTES.md):
//   containers  .qdpx (zip, stored or deflated; project.qde or Project.qde or any *.qde;
//               sources/ or Sources/), a bare .qde (its sources/ folder beside it), a .qdc
//   paths       internal://x, relative:///x (against Project@basePath, else the file's folder),
//               absolute:///x, file://x, or a bare name (looked up in sources/); a file outside
//               the archive (or a bare .qde's folder) only under RefiOptions::allowExternal
//   namespaces  urn:QDA-XML:project:1.0 / 0:10, codebook 1.0 / 0:4 / 1:0, or none
//   GUIDs       either case, with or without braces, reused across element kinds
//   times       with or without a zone (none means UTC), with fractions
//   positions   see PositionConvention; a BOM is never counted
// Refused, each with the file and the element path, so nothing is imported: a zip that is not
// one or holds unsafe names or a bomb, malformed XML, a source whose text is missing, a
// selection outside its text, a reference to a code or user the file does not define, the
// same GUID on two codes, sources or notes, and text files outside the archive not allowed
// (ExternalFilesRefused, which lists them all).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/error.h"
#include "cmoc/refi.h"

namespace cmoc {
class Progress;
}

namespace cmoc::importers {

// Nested <Code> elements followed at most (a hostile file could nest them without end).
inline constexpr int kMaxRefiCodeDepth = 100;

// How a file counts selection positions. Every tool counts from 0 with the end exclusive.
struct PositionConvention {
  bool utf16 = false;      // UTF-16 code units (NVivo), else Unicode code points
  bool crlfAsOne = false;  // a CRLF counts once (ATLAS.ti), else as two characters
  bool operator==(const PositionConvention&) const = default;
};
std::string describe(const PositionConvention& c);  // "UTF-16 units, CRLF as 2"
// NVivo: UTF-16 with CRLF as 2. ATLAS.ti: code points with CRLF as 1. Others: code points.
PositionConvention conventionForOrigin(std::string_view origin);

// The conventions by the names users choose them with: cmoc's --positions and cmoc-gui's import
// options both read this table, so the two offer the same choices.
struct NamedConvention {
  std::string_view name;  // "utf16"
  PositionConvention convention;
  std::string_view writtenBy;  // the tools known to count this way, or empty
};
// codepoints, codepoints-crlf1, utf16, utf16-crlf1, in that order.
const std::vector<NamedConvention>& namedConventions();
// The convention called `name`; nullopt when none is.
std::optional<PositionConvention> conventionNamed(std::string_view name);

struct RefiOptions {
  // Leave out (and report) sources whose text file is missing instead of refusing the file:
  // for a bare project.qde whose media were not shipped with it.
  bool skipMissingSources = false;
  // Use this convention rather than the one `origin` and the quoted selections suggest.
  std::optional<PositionConvention> positions;
  // Read text files outside the archive (absolute://, file://, relative:// and basePath, `..`,
  // symlinks leading out of a bare .qde's folder) when their real path lies under this folder.
  // Without it, or outside it, the file is refused (ExternalFilesRefused) unless
  // skipMissingSources leaves those sources out: a file from someone else must not copy local
  // files into a project that is shared onward.
  std::optional<std::filesystem::path> allowExternal;
  bool operator==(const RefiOptions&) const = default;
};

// An exchange file naming text files outside itself that may not be read. what() is
// "<refusal>; <hint>" with the CLI's hint; a GUI words its own with refusal().
class ExternalFilesRefused : public Error {
 public:
  static constexpr std::string_view kCliHint =
      "import with --allow-external DIR to read files under DIR";
  ExternalFilesRefused(std::string refusal, std::vector<std::string> paths);
  // "t.qdpx: 1 source names a file outside the archive (absolute:///etc/passwd)"
  const std::string& refusal() const { return refusal_; }
  // Each path as written, with " -> " and its real path when the written one does not show it.
  const std::vector<std::string>& paths() const { return paths_; }

 private:
  std::string refusal_;
  std::vector<std::string> paths_;
};

struct RefiImport {
  refi::Exchange exchange;
  refi::ImportReport report;
};

// .qdpx, .qde and .qdc, by extension (any case).
bool isRefiFile(const std::filesystem::path& file);
// `progress` hears of each source text read, and may stop the reading by cancelling: then
// Cancelled is thrown (nothing has been written anywhere yet).
RefiImport loadRefi(const std::filesystem::path& file, const RefiOptions& options = {},
                    Progress* progress = nullptr);
// The same from bytes: a .qdpx zip, or the XML of a .qde or .qdc. `folder` is where a bare
// .qde's sources/ folder and relative paths are looked for (empty: nowhere).
RefiImport parseRefi(std::string bytes, const std::string& fileName,
                     const std::filesystem::path& folder = {}, const RefiOptions& options = {},
                     Progress* progress = nullptr);

// A source's text as a tool wrote it, and its selection positions in our terms: the text NFC
// with LF line ends, positions in code points. Exposed for tests.
class PositionMap {
 public:
  // `raw`: the text file's UTF-8 without its BOM.
  PositionMap(std::string_view raw, PositionConvention convention);
  const std::string& text() const { return text_; }
  std::int64_t units() const { return units_; }  // the raw text's length in the convention's units
  // The code point in text() where a selection starting (or ending) at `unit` starts (ends);
  // nullopt past the end. A unit inside a surrogate pair or a combining sequence widens the
  // selection to the whole character.
  std::optional<std::int64_t> start(std::int64_t unit) const;
  std::optional<std::int64_t> end(std::int64_t unit) const;

 private:
  std::string text_;
  std::int64_t units_ = 0;
  bool identity_ = false;                // units are code points of text_
  std::vector<std::int32_t> unitStart_;  // raw code point -> its first unit (size n + 1)
  std::vector<std::int32_t> normStart_;  // raw code point -> code point in text_ (size n + 1)
  std::vector<bool> interior_;           // raw code point inside a normalisation chunk
  std::optional<std::int64_t> map(std::int64_t unit, bool isEnd) const;
};

}  // namespace cmoc::importers
