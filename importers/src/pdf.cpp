#include "pdf.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>
#include <mutex>

#include "bytes.h"
#include "cmoc/error.h"
#include "cmoc/importers/pdf.h"
#include "cmoc/text.h"
#include "extension.h"
#include "pdf_layout.h"

namespace cmoc::importers {

namespace {

// poppler reports every repaired cross-reference table on stderr; the import reports what
// matters itself, once, in the import summary.
void quietPoppler() {
  static std::once_flag once;
  std::call_once(
      once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

std::string withThousands(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// The checks a reader makes before it trusts the bytes: poppler would otherwise repair a cut-off
// download into fewer pages without a word.
void checkMarkers(const std::string& bytes, const std::string& name) {
  if (bytes.substr(0, kPdfMarkerWindow).find("%PDF-") == std::string::npos)
    throw InputError(name, "file", "not a PDF (no %PDF- header at its start)");
  const std::size_t tail = bytes.size() > kPdfMarkerWindow ? bytes.size() - kPdfMarkerWindow : 0;
  if (bytes.find("%%EOF", tail) == std::string::npos)
    throw InputError(name, "file",
                     "truncated PDF (no %%EOF marker at its end); download or copy it again");
}

// A page's words with their boxes; pdf_lines.h puts them in reading order.
//   Why not poppler's own order: measured on the two-column samples (samples/papers, justified
//   11 pt text in 230 pt columns), its reading-order text (what pdftotext prints by default)
//   split justified lines into one word per line, and its raw order gives lines without the
//   geometry that tells a paragraph's end from a line's in a justified column.
PdfPage pageWords(const poppler::page& page, std::uint64_t& textBytes) {
  PdfPage out;
  out.width = page.page_rect().width();
  std::vector<poppler::text_box> boxes = page.text_list();
  out.words.reserve(boxes.size());
  for (const poppler::text_box& box : boxes) {
    const poppler::byte_array utf8 = box.text().to_utf8();
    const poppler::rectf r = box.bbox();
    out.words.push_back({std::string(utf8.begin(), utf8.end()), r.left(), r.top(), r.right(),
                         r.bottom(), box.has_space_after()});
    textBytes += utf8.size() + 1;
  }
  return out;
}

}  // namespace

bool PdfImporter::canLoad(const std::filesystem::path& file) const {
  return hasExtension(file, {".pdf"});
}

Transcript PdfImporter::load(const std::filesystem::path& file, const Options&) const {
  return loadPdfBytes(readFileBytes(file), displayName(file));
}

Transcript loadPdfBytes(const std::string& bytes, const std::string& name,
                        const PdfLimits& limits) {
  if (bytes.empty()) throw InputError(name, "file", "empty file");
  checkMarkers(bytes, name);
  quietPoppler();
  const std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) throw InputError(name, "file", "damaged PDF; poppler cannot read it");
  if (doc->is_locked())
    throw InputError(name, "file",
                     "password-protected; remove the password in a PDF reader and import again");
  const int count = doc->pages();
  if (count > limits.pages)
    throw InputError(name, "file",
                     withThousands(static_cast<std::uint64_t>(count)) + " pages, more than the " +
                         withThousands(static_cast<std::uint64_t>(limits.pages)) +
                         " a paper may have (a PDF bomb?)");
  std::vector<PdfPage> pages;
  pages.reserve(static_cast<std::size_t>(count));
  std::uint64_t textBytes = 0;
  for (int i = 0; i < count; ++i) {
    const std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) throw InputError(name, "page " + std::to_string(i + 1), "damaged page");
    pages.push_back(pageWords(*page, textBytes));
    if (textBytes > limits.textBytes)
      throw InputError(name, "page " + std::to_string(i + 1),
                       "more than " + withThousands(limits.textBytes) +
                           " bytes of text, more than a paper holds (a PDF bomb?)");
    for (const PdfWord& w : pages.back().words)
      if (text::firstInvalidUtf8(w.text))
        throw InputError(name, "page " + std::to_string(i + 1), "invalid UTF-8 in the text layer");
  }
  Transcript t = layoutPaper(name, pages);
  if (t.text.empty())
    throw InputError(name, "file", "no text layer (a scanned PDF?); run OCR first, e.g. ocrmypdf");
  return t;
}

}  // namespace cmoc::importers
