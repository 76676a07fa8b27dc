#pragma once
// Builds small zip, .docx and .odt files inside the tests with libzip, so each test shows the
// exact markup it feeds the importer instead of depending on a binary fixture.
#include <zip.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "test_support.h"

namespace cmoc::test {

struct ZipItem {
  std::string name;
  std::string bytes;
  bool store = false;  // no compression
};

// Writes a zip file with `items` in order and returns its bytes.
inline std::string makeZip(const std::filesystem::path& file, const std::vector<ZipItem>& items) {
  int err = 0;
  zip_t* z = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z) throw std::runtime_error("zip_open failed");
  for (const ZipItem& item : items) {
    // libzip copies nothing until zip_close, so the item's bytes must live until then (they do).
    zip_source_t* src = zip_source_buffer(z, item.bytes.data(), item.bytes.size(), 0);
    const zip_int64_t index = zip_file_add(z, item.name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(src);
      zip_discard(z);
      throw std::runtime_error("zip_file_add failed for " + item.name);
    }
    zip_set_file_compression(z, static_cast<zip_uint64_t>(index),
                             item.store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(z) != 0) throw std::runtime_error("zip_close failed");
  return readFile(file);
}

// word/document.xml around `body` (w:p and w:tbl elements).
inline std::string documentXml(const std::string& body) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" +
         body + "<w:sectPr/></w:body></w:document>";
}

inline std::string contentTypesXml() {
  return R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";
}

// A minimal valid .docx whose body is `body`.
inline std::filesystem::path makeDocx(const TempDir& dir, const std::string& name,
                                      const std::string& body) {
  const auto file = dir / name;
  makeZip(file,
          {{"[Content_Types].xml", contentTypesXml()}, {"word/document.xml", documentXml(body)}});
  return file;
}

// Runs: "text" plain, "**text**" bold (w:b), as w:r elements.
inline std::string run(const std::string& text, bool bold = false) {
  return std::string("<w:r>") + (bold ? "<w:rPr><w:b/></w:rPr>" : "") +
         "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}
inline std::string para(const std::string& runs) { return "<w:p>" + runs + "</w:p>"; }

// content.xml with automatic styles: "B" is a bold text style, "N" a normal one.
inline std::string contentXml(const std::string& body, const std::string& extraStyles = "") {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"><office:automatic-styles><style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="N" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>)" +
         extraStyles + "</office:automatic-styles><office:body><office:text>" + body +
         "</office:text></office:body></office:document-content>";
}

inline std::filesystem::path makeOdt(const TempDir& dir, const std::string& name,
                                     const std::string& body, const std::string& extraStyles = "",
                                     const std::string& stylesXml = "") {
  const auto file = dir / name;
  std::vector<ZipItem> items = {{"mimetype", "application/vnd.oasis.opendocument.text", true},
                                {"content.xml", contentXml(body, extraStyles)}};
  if (!stylesXml.empty()) items.push_back({"styles.xml", stylesXml});
  makeZip(file, items);
  return file;
}

}  // namespace cmoc::test
