#pragma once
// A Word document of headings, paragraphs and tables, written as the minimum package Word and
// LibreOffice open without complaint: [Content_Types].xml, the package and document
// relationships, word/document.xml and word/styles.xml, zipped with libzip. Landscape A4.
// The CMOC table and the grouped reports (theory diff, contradictions) are written with it.
#include <filesystem>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace cmoc::exporting {

class DocxDocument {
 public:
  // Twentieths of a point, for landscape A4 with 1.76 cm margins.
  static constexpr int kPageWidth = 16838, kPageHeight = 11906, kMargin = 1000;
  static constexpr int kTextWidth = kPageWidth - 2 * kMargin;

  DocxDocument();
  void paragraph(std::string_view text, const char* style = nullptr, bool bold = false);
  // A table with a shaded header row repeated on each page, rows not split across pages; a
  // cell's lines become paragraphs. `widths` (twentieths of a point) has one entry per column;
  // columns of width 0 share what the others leave of the text width.
  void table(const std::vector<std::string>& columns,
             const std::vector<std::vector<std::string>>& rows, std::vector<int> widths);
  // The package, zipped and written atomically; throws Error when it cannot be.
  void save(const std::filesystem::path& file);

 private:
  std::string documentXml();
  pugi::xml_document doc_;
  pugi::xml_node body_;
};

}  // namespace cmoc::exporting
