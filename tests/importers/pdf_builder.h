#pragma once
// Small PDFs written byte by byte for the PDF importer's tests: pages whose content streams
// the test gives (text in the standard Helvetica font, which needs no embedding), with a
// correct cross-reference table, so poppler reads them without repairing anything.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace cmoc::test {

// One page per content stream; `sharedPages` more pages all showing the last one's stream (a
// page-count bomb costs a few bytes a page).
inline std::string pdfWithPages(const std::vector<std::string>& contents, int sharedPages = 0) {
  const int pageCount = static_cast<int>(contents.size()) + sharedPages;
  // Objects: 1 catalog, 2 page tree, 3 font, then per content stream i: 4 + i; then pages.
  const int firstPage = 4 + static_cast<int>(contents.size());
  std::vector<std::string> objects;
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (int p = 0; p < pageCount; ++p) kids += std::to_string(firstPage + p) + " 0 R ";
  objects.push_back("<< /Type /Pages /Count " + std::to_string(pageCount) + " /Kids [" + kids +
                    "] >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (const std::string& c : contents)
    objects.push_back("<< /Length " + std::to_string(c.size()) + " >>\nstream\n" + c +
                      "\nendstream");
  for (int p = 0; p < pageCount; ++p) {
    const int content = 4 + std::min(p, static_cast<int>(contents.size()) - 1);
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
        "<< /F1 3 0 R >> >> /Contents " +
        std::to_string(content) + " 0 R >>");
  }
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t at : offsets) {
    char entry[24];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", at);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// A content stream writing `lines` top-down at 12 pt from (72, 760), 14 pt apart.
inline std::string textContent(const std::vector<std::string>& lines) {
  std::string c = "BT /F1 12 Tf 14 TL 72 760 Td";
  for (const std::string& l : lines) c += " (" + l + ") Tj T*";
  return c + " ET";
}

}  // namespace cmoc::test
