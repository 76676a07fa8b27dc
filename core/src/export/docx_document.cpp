#include "export/docx_document.h"

#include <algorithm>
#include <sstream>

#include "cmoc/atomic_file.h"
#include "export/zip_archive.h"

namespace cmoc::exporting {

namespace {

constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

constexpr const char* kContentTypes = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
  <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>
)";

constexpr const char* kPackageRels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>
)";

constexpr const char* kDocumentRels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>
)";

constexpr const char* kStyles = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:docDefaults>
    <w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="18"/><w:szCs w:val="18"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>
    <w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
  </w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
    <w:pPr><w:spacing w:after="200"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
    <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
  <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>
    <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
  <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>
    <w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders></w:tblPr></w:style>
</w:styles>
)";

void addParagraph(pugi::xml_node parent, std::string_view text, const char* style, bool bold) {
  auto p = parent.append_child("w:p");
  if (style) p.append_child("w:pPr").append_child("w:pStyle").append_attribute("w:val") = style;
  if (text.empty()) return;
  auto r = p.append_child("w:r");
  if (bold) r.append_child("w:rPr").append_child("w:b");
  auto t = r.append_child("w:t");
  t.append_attribute("xml:space") = "preserve";
  t.text().set(std::string(text).c_str());
}

// A cell's text: one paragraph per line (quotes are one line each).
void addRow(pugi::xml_node tbl, const std::vector<std::string>& cells,
            const std::vector<int>& widths, bool header) {
  auto tr = tbl.append_child("w:tr");
  auto trPr = tr.append_child("w:trPr");
  trPr.append_child("w:cantSplit");
  if (header) trPr.append_child("w:tblHeader");
  for (std::size_t i = 0; i < cells.size(); ++i) {
    auto tc = tr.append_child("w:tc");
    auto tcPr = tc.append_child("w:tcPr");
    auto w = tcPr.append_child("w:tcW");
    w.append_attribute("w:w") = widths[i];
    w.append_attribute("w:type") = "dxa";
    if (header) {
      auto shd = tcPr.append_child("w:shd");
      shd.append_attribute("w:val") = "clear";
      shd.append_attribute("w:color") = "auto";
      shd.append_attribute("w:fill") = "E8E8E8";
    }
    std::string_view text = cells[i];
    do {  // every cell needs at least one paragraph
      const std::size_t nl = text.find('\n');
      addParagraph(tc, text.substr(0, nl), nullptr, header);
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    } while (!text.empty());
  }
}

}  // namespace

DocxDocument::DocxDocument() {
  auto decl = doc_.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  auto root = doc_.append_child("w:document");
  root.append_attribute("xmlns:w") = kWordNs;
  body_ = root.append_child("w:body");
}

void DocxDocument::paragraph(std::string_view text, const char* style, bool bold) {
  addParagraph(body_, text, style, bold);
}

void DocxDocument::table(const std::vector<std::string>& columns,
                         const std::vector<std::vector<std::string>>& rows,
                         std::vector<int> widths) {
  auto tbl = body_.append_child("w:tbl");
  auto pr = tbl.append_child("w:tblPr");
  pr.append_child("w:tblStyle").append_attribute("w:val") = "TableGrid";
  auto w = pr.append_child("w:tblW");
  w.append_attribute("w:w") = 5000;
  w.append_attribute("w:type") = "pct";
  pr.append_child("w:tblLayout").append_attribute("w:type") = "fixed";
  int used = 0, shared = 0;
  for (int width : widths) {
    used += width;
    shared += width == 0;
  }
  for (int& width : widths)
    if (width == 0) width = std::max(600, (kTextWidth - used) / shared);
  auto grid = tbl.append_child("w:tblGrid");
  for (int width : widths) grid.append_child("w:gridCol").append_attribute("w:w") = width;
  addRow(tbl, columns, widths, true);
  for (const auto& row : rows) addRow(tbl, row, widths, false);
}

std::string DocxDocument::documentXml() {
  // A table may not end the body, and the section's page setup comes last.
  paragraph("");
  auto sect = body_.append_child("w:sectPr");
  auto size = sect.append_child("w:pgSz");
  size.append_attribute("w:w") = kPageWidth;
  size.append_attribute("w:h") = kPageHeight;
  size.append_attribute("w:orient") = "landscape";
  auto mar = sect.append_child("w:pgMar");
  for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"})
    mar.append_attribute(side) = kMargin;
  for (const char* edge : {"w:header", "w:footer", "w:gutter"}) mar.append_attribute(edge) = 0;
  std::ostringstream out;
  doc_.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

void DocxDocument::save(const std::filesystem::path& file) {
  AtomicFile out(file);
  ZipArchive zip(out.temp(), file.string());
  zip.add("[Content_Types].xml", kContentTypes);
  zip.add("_rels/.rels", kPackageRels);
  zip.add("word/_rels/document.xml.rels", kDocumentRels);
  zip.add("word/styles.xml", kStyles);
  zip.add("word/document.xml", documentXml());
  zip.close();
  out.commit();
}

}  // namespace cmoc::exporting
