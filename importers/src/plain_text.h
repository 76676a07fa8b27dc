#pragma once
#include "cmoc/importers/importer.h"

namespace cmoc::importers {
// .txt transcripts: UTF-8 (BOM optional), UTF-16 with BOM, or a named encoding.
class PlainTextImporter final : public TranscriptImporter {
 public:
  std::string_view format() const override { return "text"; }
  bool canLoad(const std::filesystem::path& file) const override;
  Transcript load(const std::filesystem::path& file, const Options& options) const override;
};
}  // namespace cmoc::importers
