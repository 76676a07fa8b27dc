#pragma once
#include "cmoc/importers/importer.h"

namespace cmoc::importers {
// SubRip captions (.srt): numbered cues with "00:00:01,000 --> 00:00:04,000" timings. A
// "Name: " at the start of a cue gives the speaker, merged across consecutive cues as for
// WebVTT. Formatting tags (<i>, <font ...>) and {\an8}-style overrides are stripped. Old SRT
// files are often in windows-1252, which --encoding names.
class SrtImporter final : public TranscriptImporter {
 public:
  std::string_view format() const override { return "srt"; }
  bool canLoad(const std::filesystem::path& file) const override;
  Transcript load(const std::filesystem::path& file, const Options& options) const override;
};
}  // namespace cmoc::importers
