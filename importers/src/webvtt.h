#pragma once
#include "cmoc/importers/importer.h"

namespace cmoc::importers {
// WebVTT captions (.vtt) as exported by Zoom, Teams and most transcription services. Voice tags
// (<v Name>) or a "Name: " at the start of a cue give the speaker; consecutive cues of one
// speaker become one turn timed from its first cue's start to its last cue's end. NOTE, STYLE
// and REGION blocks are skipped; other markup is stripped and character references decoded.
class VttImporter final : public TranscriptImporter {
 public:
  std::string_view format() const override { return "vtt"; }
  bool canLoad(const std::filesystem::path& file) const override;
  Transcript load(const std::filesystem::path& file, const Options& options) const override;
};
}  // namespace cmoc::importers
