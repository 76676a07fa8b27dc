#pragma once
#include "cmoc/importers/importer.h"
#include "cmoc/importers/pdf.h"

namespace cmoc::importers {
// PDF papers through poppler-cpp (cmoc/importers/pdf.h). Refused with an InputError, before any
// page's text is read where the document shows it: not a PDF, truncated, damaged, password-
// protected, more than kMaxPdfPages pages; while reading: more than kMaxPdfTextBytes of text;
// after: no text at all (a scan, which needs OCR).
class PdfImporter final : public TranscriptImporter {
 public:
  std::string_view format() const override { return "pdf"; }
  bool canLoad(const std::filesystem::path& file) const override;
  Transcript load(const std::filesystem::path& file, const Options& options) const override;
};

// The refusals' limits; tests lower them to reach them without building a bomb.
struct PdfLimits {
  int pages = kMaxPdfPages;
  std::uint64_t textBytes = kMaxPdfTextBytes;
};

// The same from the file's bytes (tests, the benchmark); `fileName` names it in errors.
Transcript loadPdfBytes(const std::string& bytes, const std::string& fileName,
                        const PdfLimits& limits = {});
}  // namespace cmoc::importers
