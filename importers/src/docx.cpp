#include "docx.h"

#include <map>
#include <optional>

#include "cmoc/error.h"
#include "encoding.h"
#include "extension.h"
#include "paragraph.h"
#include "turn_builder.h"
#include "xml.h"
#include "zip_archive.h"

namespace cmoc::importers {

namespace {

constexpr const char* kMainPart = "word/document.xml";
constexpr const char* kStylesPart = "word/styles.xml";
constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kWordStrictNs = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr const char* kOfficeDocumentRel = "/officeDocument";

std::string_view localName(const pugi::xml_node& n) {
  const std::string_view name = n.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The main part is normally word/document.xml, but the package relationships say for sure.
std::string mainPartName(const ZipArchive& zip) {
  const ZipEntry* rels = zip.find("_rels/.rels");
  if (!rels) return kMainPart;
  pugi::xml_document doc;
  xml::parse(doc, zip.read(*rels), zip.fileName(), rels->name);
  for (const pugi::xml_node& r : doc.document_element().children()) {
    const std::string_view type = r.attribute("Type").value();
    if (type.size() < std::string_view(kOfficeDocumentRel).size() ||
        type.substr(type.size() - std::string_view(kOfficeDocumentRel).size()) !=
            kOfficeDocumentRel)
      continue;
    std::string target = r.attribute("Target").value();
    if (!target.empty() && target[0] == '/') target.erase(0, 1);
    if (zip.find(target)) return target;
  }
  return kMainPart;
}

// A toggle property such as <w:b/>: on unless its value says otherwise.
bool isOn(const pugi::xml_node& toggle, const xml::Names& w) {
  if (!toggle) return false;
  const std::string_view v = toggle.attribute(w("val").c_str()).value();
  return v != "0" && v != "false" && v != "off";
}

// Character styles that make text bold (Word's "Strong"), through their basedOn chain, from
// word/styles.xml. Paragraph styles are left out: a bold paragraph is a heading, not a label.
class CharacterStyles {
 public:
  void read(const pugi::xml_node& root) {
    const xml::Names w(root, {kWordNs, kWordStrictNs}, "w");
    const std::string styleElement = w("style");  // children() keeps only the pointer
    for (const pugi::xml_node& s : root.children(styleElement.c_str())) {
      if (std::string_view(s.attribute(w("type").c_str()).value()) != "character") continue;
      Entry e;
      if (const pugi::xml_node b = s.child(w("rPr").c_str()).child(w("b").c_str()))
        e.bold = isOn(b, w);
      e.basedOn = s.child(w("basedOn").c_str()).attribute(w("val").c_str()).value();
      styles_[s.attribute(w("styleId").c_str()).value()] = e;
    }
  }

  bool bold(std::string id) const {
    for (int depth = 0; depth < kMaxStyleDepth && !id.empty(); ++depth) {
      const auto it = styles_.find(id);
      if (it == styles_.end()) return false;
      if (it->second.bold) return *it->second.bold;
      id = it->second.basedOn;
    }
    return false;
  }

 private:
  static constexpr int kMaxStyleDepth = 32;  // a basedOn cycle must end
  struct Entry {
    std::optional<bool> bold;
    std::string basedOn;
  };
  std::map<std::string, Entry> styles_;
};

class DocumentReader {
 public:
  DocumentReader(const pugi::xml_node& root, const CharacterStyles& styles, std::string fileName,
                 std::string part)
      : w_(root, {kWordNs, kWordStrictNs}, "w"),
        styles_(styles),
        fileName_(std::move(fileName)),
        part_(std::move(part)) {}

  // Paragraphs of `container` in order; tables become one paragraph per row.
  void collect(const pugi::xml_node& container, std::vector<ParagraphText>& out) const {
    xml::walk(container, [&](const pugi::xml_node& n) {
      if (skipped(n)) return false;
      if (w_.is(n, "tbl")) {
        // Rows may sit inside content controls (w:sdt), so look below the table, not just in it.
        xml::walk(n, [&](const pugi::xml_node& row) {
          if (!w_.is(row, "tr")) return !w_.is(row, "tblPr") && !w_.is(row, "tblGrid");
          out.push_back(tableRow(row));
          return false;
        });
        return false;
      }
      // Descend after emitting: paragraphs nested in a text box come after their anchor.
      if (w_.is(n, "p")) out.push_back(paragraph(n));
      return true;
    });
  }

  Block block(const ParagraphText& p) const {
    return Block{normalizeUtf8(p.text(), fileName_, part_),
                 normalizeUtf8(p.speaker(), fileName_, part_)};
  }

 private:
  bool skipped(const pugi::xml_node& n) const {
    // Deleted and moved-away revisions, field instructions, and the fallback copy of content
    // that Word also writes in its modern form (mc:AlternateContent).
    return w_.is(n, "del") || w_.is(n, "moveFrom") || w_.is(n, "delText") ||
           w_.is(n, "instrText") || w_.is(n, "pPr") || w_.is(n, "rPr") ||
           localName(n) == "Fallback";
  }

  // Direct formatting wins over the run's character style.
  bool bold(const pugi::xml_node& run) const {
    const pugi::xml_node properties = run.child(w_("rPr").c_str());
    if (const pugi::xml_node b = properties.child(w_("b").c_str())) return isOn(b, w_);
    return styles_.bold(
        properties.child(w_("rStyle").c_str()).attribute(w_("val").c_str()).value());
  }

  ParagraphText paragraph(const pugi::xml_node& p) const {
    ParagraphText text;
    xml::walk(p, [&](const pugi::xml_node& n) {
      if (skipped(n) || w_.is(n, "txbxContent") || w_.is(n, "p")) return false;
      const pugi::xml_node run = n.parent();
      const bool b = w_.is(run, "r") && bold(run);
      if (w_.is(n, "t"))
        text.append(n.text().get(), b);
      else if (w_.is(n, "tab") || w_.is(n, "ptab"))
        text.append("\t", b);
      else if (w_.is(n, "br") || w_.is(n, "cr"))
        text.append("\n", b);
      else if (w_.is(n, "noBreakHyphen"))
        text.append("-", b);
      return true;
    });
    return text;
  }

  ParagraphText tableRow(const pugi::xml_node& row) const {
    std::vector<std::vector<ParagraphText>> cells;
    xml::walk(row, [&](const pugi::xml_node& n) {
      if (!w_.is(n, "tc")) return !w_.is(n, "trPr");
      collect(n, cells.emplace_back());
      return false;
    });
    return joinTableRow(cells);
  }

  xml::Names w_;
  const CharacterStyles& styles_;
  std::string fileName_, part_;
};

}  // namespace

bool DocxImporter::canLoad(const std::filesystem::path& file) const {
  return hasExtension(file, {".docx"});
}

Transcript DocxImporter::load(const std::filesystem::path& file, const Options&) const {
  const ZipArchive zip = ZipArchive::open(file);
  const std::string part = mainPartName(zip);
  if (!zip.find(part))
    throw InputError(zip.fileName(), part, "missing from the archive; not a Word .docx document");
  CharacterStyles styles;
  if (const ZipEntry* entry = zip.find(kStylesPart)) {
    pugi::xml_document stylesDoc;
    xml::parse(stylesDoc, zip.read(*entry), zip.fileName(), kStylesPart);
    styles.read(stylesDoc.document_element());
  }
  pugi::xml_document doc;
  xml::parse(doc, zip.read(part), zip.fileName(), part);
  const DocumentReader reader(doc.document_element(), styles, zip.fileName(), part);
  pugi::xml_node body;
  for (const pugi::xml_node& child : doc.document_element().children())
    if (localName(child) == "body") body = child;
  if (localName(doc.document_element()) != "document" || !body)
    throw InputError(zip.fileName(), part, "no document body; not a Word .docx document");
  std::vector<ParagraphText> paragraphs;
  reader.collect(body, paragraphs);
  std::vector<Block> blocks;
  blocks.reserve(paragraphs.size());
  for (const ParagraphText& p : paragraphs) blocks.push_back(reader.block(p));
  return buildTranscript(zip.fileName(), "docx", std::move(blocks));
}

}  // namespace cmoc::importers
