#include "cmoc/importers/importer.h"

#include "bytes.h"
#include "cmoc/error.h"
#include "docx.h"
#include "odt.h"
#include "pdf.h"
#include "plain_text.h"
#include "srt.h"
#include "webvtt.h"

namespace cmoc::importers {

const std::vector<std::unique_ptr<TranscriptImporter>>& transcriptImporters() {
  static const std::vector<std::unique_ptr<TranscriptImporter>> all = [] {
    std::vector<std::unique_ptr<TranscriptImporter>> v;
    v.push_back(std::make_unique<PlainTextImporter>());
    v.push_back(std::make_unique<DocxImporter>());
    v.push_back(std::make_unique<OdtImporter>());
    v.push_back(std::make_unique<VttImporter>());
    v.push_back(std::make_unique<SrtImporter>());
    v.push_back(std::make_unique<PdfImporter>());
    return v;
  }();
  return all;
}

Transcript loadTranscript(const std::filesystem::path& file, const Options& options) {
  for (const auto& importer : transcriptImporters())
    if (importer->canLoad(file)) return importer->load(file, options);
  throw InputError(displayName(file), "file",
                   "unsupported file type '" + file.extension().string() +
                       "' (expected .txt, .docx, .odt, .vtt, .srt or .pdf)");
}

}  // namespace cmoc::importers
