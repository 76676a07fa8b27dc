#include "xml.h"

#include <algorithm>

#include "cmoc/error.h"
#include "cmoc/text.h"
#include "encoding.h"

namespace cmoc::importers::xml {

std::string lineColumn(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t lineStart =
      before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  std::size_t line = 1;
  for (char c : before) line += c == '\n';
  return std::to_string(line) + ":" +
         std::to_string(text::codePointCount(before.substr(lineStart)) + 1);
}

LineColumns::LineColumns(std::string_view text) : text_(text) {
  lineStarts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') lineStarts_.push_back(i + 1);
}

std::string LineColumns::operator()(std::size_t offset) {
  offset = std::min(offset, text_.size());
  const auto next = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  const auto line = static_cast<std::size_t>(next - lineStarts_.begin()) - 1;
  if (line == line_ && offset >= at_) {
    column_ += static_cast<std::size_t>(text::codePointCount(text_.substr(at_, offset - at_)));
  } else {
    const std::size_t start = lineStarts_[line];
    column_ = static_cast<std::size_t>(text::codePointCount(text_.substr(start, offset - start)));
  }
  at_ = offset;
  line_ = line;
  return std::to_string(line + 1) + ":" + std::to_string(column_ + 1);
}

void parse(pugi::xml_document& doc, const std::string& bytes, const std::string& fileName,
           const std::string& entry) {
  const bool utf16 = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                           (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  // pugixml would pass invalid UTF-8 through silently; check first so the error has a place.
  const std::string utf8 = utf16 ? decodeText(bytes, fileName + ": " + entry, "") : bytes;
  if (auto bad = text::firstInvalidUtf8(utf8))
    throw InputError(fileName, entry + ":" + lineColumn(utf8, *bad),
                     "invalid UTF-8 (byte " + std::to_string(*bad) + ")");
  const pugi::xml_parse_result result =
      doc.load_buffer(utf8.data(), utf8.size(), kParseFlags, pugi::encoding_utf8);
  if (!result) {
    const auto offset =
        result.offset < 0 ? std::size_t{0} : static_cast<std::size_t>(result.offset);
    throw InputError(fileName, entry + ":" + lineColumn(utf8, offset),
                     std::string("malformed XML (") + result.description() + ")");
  }
}

Names::Names(const pugi::xml_node& root, std::initializer_list<std::string_view> uris,
             std::string_view usualPrefix)
    : prefix_(std::string(usualPrefix) + ":") {
  for (std::string_view uri : uris) {
    for (const pugi::xml_attribute& a : root.attributes()) {
      const std::string_view name = a.name();
      if (a.value() != uri) continue;
      if (name == "xmlns") {
        prefix_.clear();
        return;
      }
      if (name.substr(0, 6) == "xmlns:") {
        prefix_ = std::string(name.substr(6)) + ":";
        return;
      }
    }
  }
}

std::string Names::operator()(std::string_view local) const { return prefix_ + std::string(local); }

bool Names::owns(const pugi::xml_node& node) const {
  const std::string_view name = node.name();
  return node.type() == pugi::node_element && name.substr(0, prefix_.size()) == prefix_ &&
         (!prefix_.empty() || name.find(':') == std::string_view::npos);
}

bool Names::is(const pugi::xml_node& node, std::string_view local) const {
  const std::string_view name = node.name();
  return name.size() == prefix_.size() + local.size() &&
         name.substr(0, prefix_.size()) == prefix_ && name.substr(prefix_.size()) == local;
}

}  // namespace cmoc::importers::xml
