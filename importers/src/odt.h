#pragma once
#include "cmoc/importers/importer.h"

namespace cmoc::importers {
// OpenDocument .odt transcripts: content.xml's paragraphs and headings in order, including those
// in lists, sections and tables (a table row becomes one paragraph, as for .docx). A span whose
// style is bold ("Name:" at the paragraph's start) marks the speaker; styles are resolved
// through their parents, from content.xml's automatic styles and styles.xml's named ones.
// Tracked deletions and comments are left out; notes and text boxes follow their anchor.
class OdtImporter final : public TranscriptImporter {
 public:
  std::string_view format() const override { return "odt"; }
  bool canLoad(const std::filesystem::path& file) const override;
  Transcript load(const std::filesystem::path& file, const Options& options) const override;
};
}  // namespace cmoc::importers
