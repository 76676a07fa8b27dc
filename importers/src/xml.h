#pragma once
// The one place that parses XML: pins pugixml's flags for every importer and turns a parse
// failure into an InputError at "entry:line:column". pugixml stays inside importers/src.
#include <initializer_list>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace cmoc::importers::xml {

// Defaults (escapes, CDATA, EOL normalisation) plus whitespace-only text nodes, because
// <w:t xml:space="preserve"> </w:t> is a real space between words. No DOCTYPE or entity
// expansion exists in pugixml, so external entities cannot be fetched.
inline constexpr unsigned int kParseFlags = pugi::parse_default | pugi::parse_ws_pcdata;

// Parses `bytes` (UTF-8, or UTF-16 with a BOM) from zip entry `entry` of `fileName` into
// `doc`. Throws InputError: invalid UTF-8 or malformed XML, where = "entry:line:column".
void parse(pugi::xml_document& doc, const std::string& bytes, const std::string& fileName,
           const std::string& entry);

// "line:column" (1-based; the column counts code points) of a byte offset into UTF-8 text.
std::string lineColumn(std::string_view text, std::size_t offset);

// lineColumn for many offsets into one text. A reader names the place of every element it
// keeps, and counting from the start each time made reading a file quadratic in its elements
// (issue 21); asked in document order, this counts each byte about once.
class LineColumns {
 public:
  explicit LineColumns(std::string_view text);
  std::string operator()(std::size_t offset);

 private:
  std::string_view text_;
  std::vector<std::size_t> lineStarts_;
  std::size_t at_ = 0, line_ = 0, column_ = 0;  // the last offset asked, its line and column
};

// Element names qualified by the prefix the document binds to a namespace, so "w:p" is found
// whatever prefix a writer chose. Only the root's declarations are read: every office suite
// declares its namespaces there.
// Visits `root`'s descendants in document order without recursion (a hostile file can nest
// elements deeper than the stack). `visit(node)` returns whether to descend into `node`.
template <class Visit>
void walk(const pugi::xml_node& root, Visit visit) {
  for (pugi::xml_node n = root.first_child(); n;) {
    if (visit(n) && n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && n != root && !n.next_sibling()) n = n.parent();
    if (!n || n == root) break;
    n = n.next_sibling();
  }
}

class Names {
 public:
  // `uris` are alternatives for one vocabulary (OOXML transitional and strict); the first one
  // declared wins. Undeclared, the usual prefix is assumed.
  Names(const pugi::xml_node& root, std::initializer_list<std::string_view> uris,
        std::string_view usualPrefix);
  // Names(root, {"urn:...:text:1.0"}, "text")("p") == "text:p" (or "p" for a default namespace).
  std::string operator()(std::string_view local) const;
  bool is(const pugi::xml_node& node, std::string_view local) const;
  bool owns(const pugi::xml_node& node) const;  // any element of this namespace

 private:
  std::string prefix_;  // with the trailing ':' unless it is the default namespace
};

}  // namespace cmoc::importers::xml
