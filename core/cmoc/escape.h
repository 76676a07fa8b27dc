#pragma once
// Escaping text for the plain-text formats cmoc writes (CSV, HTML, Markdown, JSON), in core's exporters
// and the CLI's reports alike.
#include <string>
#include <string_view>

namespace cmoc {

// An RFC 4180 field: quoted (with doubled quotes) only when it holds a comma, quote or line end.
std::string csvField(std::string_view s);
// Text safe inside HTML elements and attribute values.
std::string htmlEscape(std::string_view s);
// Text safe inside a Markdown table cell: pipes escaped, line ends as <br>, & < > as entities.
std::string markdownCell(std::string_view s);
// A JSON string literal, quotes included: the one escaper for the CLI's JSON output and the
// audit log's details.
std::string jsonString(std::string_view s);

}  // namespace cmoc
