#include "odt.h"

#include <algorithm>
#include <charconv>
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

constexpr const char* kContent = "content.xml";
constexpr const char* kStyles = "styles.xml";
constexpr const char* kOfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr const char* kTextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr const char* kStyleNs = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr const char* kFoNs = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
constexpr const char* kDrawNs = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
constexpr const char* kTableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr int kMaxSpaces = 10000;   // one text:s; a hostile c="2000000000" must not allocate
constexpr int kMaxStyleDepth = 32;  // parent chains; a cycle must end

// Text styles that say something about boldness, by name.
class BoldStyles {
 public:
  // Reads the style:style children of `container` (office:styles or office:automatic-styles).
  void add(const pugi::xml_node& root, const pugi::xml_node& container) {
    const xml::Names style(root, {kStyleNs}, "style"), fo(root, {kFoNs}, "fo");
    const std::string styleElement = style("style");  // children() keeps only the pointer
    for (const pugi::xml_node& s : container.children(styleElement.c_str())) {
      Entry e;
      e.parent = s.attribute(style("parent-style-name").c_str()).value();
      const std::string_view weight =
          s.child(style("text-properties").c_str()).attribute(fo("font-weight").c_str()).value();
      if (weight == "bold")
        e.bold = true;
      else if (weight == "normal")
        e.bold = false;
      else if (int n = 0;
               !weight.empty() &&
               std::from_chars(weight.data(), weight.data() + weight.size(), n).ec == std::errc())
        e.bold = n >= 600;
      styles_[s.attribute(style("name").c_str()).value()] = e;
    }
  }

  // nullopt: the style (and its parents) leave the weight to the enclosing text.
  std::optional<bool> bold(std::string name) const {
    for (int depth = 0; depth < kMaxStyleDepth && !name.empty(); ++depth) {
      auto it = styles_.find(name);
      if (it == styles_.end()) return std::nullopt;
      if (it->second.bold) return it->second.bold;
      name = it->second.parent;
    }
    return std::nullopt;
  }

 private:
  struct Entry {
    std::optional<bool> bold;
    std::string parent;
  };
  std::map<std::string, Entry, std::less<>> styles_;
};

class ContentReader {
 public:
  ContentReader(const pugi::xml_node& root, const BoldStyles& styles)
      : text_(root, {kTextNs}, "text"),
        table_(root, {kTableNs}, "table"),
        office_(root, {kOfficeNs}, "office"),
        draw_(root, {kDrawNs}, "draw"),
        styles_(styles) {}

  void collect(const pugi::xml_node& container, std::vector<ParagraphText>& out) const {
    xml::walk(container, [&](const pugi::xml_node& n) {
      if (text_.is(n, "tracked-changes") || office_.is(n, "annotation")) return false;
      if (table_.is(n, "table")) {
        xml::walk(n, [&](const pugi::xml_node& row) {
          if (!table_.is(row, "table-row")) return !table_.is(row, "table-columns");
          out.push_back(tableRow(row));
          return false;
        });
        return false;
      }
      // Descend after emitting: notes and text boxes inside a paragraph come after it.
      if (text_.is(n, "p") || text_.is(n, "h")) out.push_back(paragraph(n));
      return true;
    });
  }

 private:
  ParagraphText paragraph(const pugi::xml_node& p) const {
    ParagraphText out;
    bool collapse = true;  // ODF collapses white space, and drops it at a paragraph's start
    xml::walk(p, [&](const pugi::xml_node& n) {
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
        std::string piece;
        for (const char* c = n.value(); *c; ++c) {
          const bool space = *c == ' ' || *c == '\t' || *c == '\n' || *c == '\r';
          if (space && collapse) continue;
          piece.push_back(space ? ' ' : *c);
          collapse = space;
        }
        out.append(piece, bold(n, p));
        return false;
      }
      if (text_.is(n, "s")) {
        int count = 1;
        const std::string_view c = n.attribute(text_("c").c_str()).value();
        std::from_chars(c.data(), c.data() + c.size(), count);
        out.append(std::string(static_cast<std::size_t>(std::clamp(count, 1, kMaxSpaces)), ' '),
                   bold(n, p));
        collapse = false;
      } else if (text_.is(n, "tab")) {
        out.append("\t", bold(n, p));
        collapse = true;
      } else if (text_.is(n, "line-break")) {
        out.append("\n", bold(n, p));
        collapse = true;
      }
      // Notes, comments, frames (text boxes) and nested paragraphs are not this paragraph's text.
      return !(text_.is(n, "note") || office_.is(n, "annotation") || text_.is(n, "p") ||
               text_.is(n, "h") || draw_.owns(n));
    });
    return out;
  }

  // The innermost span that says anything about weight decides.
  bool bold(pugi::xml_node n, const pugi::xml_node& p) const {
    for (; n && n != p; n = n.parent())
      if (text_.is(n, "span"))
        if (auto b = styles_.bold(n.attribute(text_("style-name").c_str()).value())) return *b;
    return false;
  }

  ParagraphText tableRow(const pugi::xml_node& row) const {
    std::vector<std::vector<ParagraphText>> cells;
    const std::string cellElement = table_("table-cell");  // children() keeps only the pointer
    for (const pugi::xml_node& cell : row.children(cellElement.c_str()))
      collect(cell, cells.emplace_back());
    return joinTableRow(cells);
  }

  xml::Names text_, table_, office_, draw_;
  const BoldStyles& styles_;
};

}  // namespace

bool OdtImporter::canLoad(const std::filesystem::path& file) const {
  return hasExtension(file, {".odt"});
}

Transcript OdtImporter::load(const std::filesystem::path& file, const Options&) const {
  const ZipArchive zip = ZipArchive::open(file);
  if (!zip.find(kContent))
    throw InputError(zip.fileName(), kContent,
                     "missing from the archive; not an OpenDocument text file");
  BoldStyles styles;
  if (const ZipEntry* s = zip.find(kStyles)) {
    pugi::xml_document doc;
    xml::parse(doc, zip.read(*s), zip.fileName(), kStyles);
    const xml::Names office(doc.document_element(), {kOfficeNs}, "office");
    styles.add(doc.document_element(), doc.document_element().child(office("styles").c_str()));
  }
  pugi::xml_document doc;
  xml::parse(doc, zip.read(kContent), zip.fileName(), kContent);
  const pugi::xml_node root = doc.document_element();
  const xml::Names office(root, {kOfficeNs}, "office");
  styles.add(root, root.child(office("automatic-styles").c_str()));
  const pugi::xml_node body = root.child(office("body").c_str()).child(office("text").c_str());
  if (!body)
    throw InputError(zip.fileName(), kContent,
                     "no office:text body; not an OpenDocument text document");

  std::vector<ParagraphText> paragraphs;
  ContentReader(root, styles).collect(body, paragraphs);
  std::vector<Block> blocks;
  blocks.reserve(paragraphs.size());
  for (const ParagraphText& p : paragraphs)
    blocks.push_back(Block{normalizeUtf8(p.text(), zip.fileName(), kContent),
                           normalizeUtf8(p.speaker(), zip.fileName(), kContent)});
  return buildTranscript(zip.fileName(), "odt", std::move(blocks));
}

}  // namespace cmoc::importers
