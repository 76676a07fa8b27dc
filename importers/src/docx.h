#pragma once
#include "cmoc/importers/importer.h"

namespace cmoc::importers {
// Word .docx transcripts: the main document part's paragraphs in body order. A bold "Name:" at
// a paragraph's start marks the speaker (bold set on the run, or by a character style such as
// "Strong"). Each table row becomes one paragraph, its cells joined
// by tabs and a cell's own paragraphs by line breaks, so a [Speaker | Speech] table reads as
// "Speaker:\tSpeech" and its label is still recognised. Deleted tracked changes and field
// codes are left out; text boxes follow the paragraph that anchors them. Headers, footers,
// comments and footnotes are not part of the transcript.
class DocxImporter final : public TranscriptImporter {
 public:
  std::string_view format() const override { return "docx"; }
  bool canLoad(const std::filesystem::path& file) const override;
  Transcript load(const std::filesystem::path& file, const Options& options) const override;
};
}  // namespace cmoc::importers
