#pragma once
// Transcript importers: one class per format behind one factory. Each turns a file into a
// cmoc::Transcript (NFC, LF text and speaker turns) or throws cmoc::InputError naming the
// file and the place of the problem. Nothing here writes to a project.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/transcript.h"

namespace cmoc::importers {

// Limits on what we read (DESIGN.md decision 6). Named so tests and docs can refer to them.
inline constexpr std::uint64_t kMaxFileBytes = 256ull << 20;       // one input file
inline constexpr std::uint64_t kMaxUnzippedBytes = 256ull << 20;   // all of a zip's entries
inline constexpr std::uint64_t kMaxZipEntries = 10000;
inline constexpr std::uint64_t kMaxCompressionRatio = 200;         // per entry, zip-bomb guard

struct Options {
  // ICU converter name for plain text that is neither UTF-8 nor UTF-16 with a BOM
  // (e.g. "windows-1252", "ISO-8859-1"). Empty: such files are refused.
  std::string encoding;
};

class TranscriptImporter {
 public:
  virtual ~TranscriptImporter() = default;
  virtual std::string_view format() const = 0;  // "text", "docx", ...
  virtual bool canLoad(const std::filesystem::path& file) const = 0;
  virtual Transcript load(const std::filesystem::path& file, const Options& options) const = 0;
};

// Every importer, in the order the factory asks them.
const std::vector<std::unique_ptr<TranscriptImporter>>& transcriptImporters();

// Picks the importer by file name and loads the file; throws InputError for an unsupported type.
Transcript loadTranscript(const std::filesystem::path& file, const Options& options = {});

// Reads a participants sheet: CSV with a `participant` column, a `speaker` (or `name`) column,
// an optional `file` column and any attribute columns. A `role` of `interviewer` (or an
// `interviewer` column saying yes/true/1) marks interviewers.
ParticipantSheet loadParticipants(const std::filesystem::path& file,
                                  const std::string& encoding = "");

}  // namespace cmoc::importers
