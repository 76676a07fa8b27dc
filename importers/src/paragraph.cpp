#include "paragraph.h"

#include "cmoc/text.h"

namespace cmoc::importers {

namespace {
constexpr std::int64_t kMaxLabelCodePoints = 60;

// Spaces, tabs and U+00A0 (Word puts no-break spaces after labels).
std::string_view trim(std::string_view s) {
  auto space = [](std::string_view v, bool front) -> std::size_t {
    const std::string_view nbsp = "\xC2\xA0";
    if (v.empty()) return 0;
    if (front ? (v[0] == ' ' || v[0] == '\t') : (v.back() == ' ' || v.back() == '\t')) return 1;
    if (front ? v.substr(0, 2) == nbsp : v.size() >= 2 && v.substr(v.size() - 2) == nbsp) return 2;
    return 0;
  };
  while (std::size_t n = space(s, true)) s.remove_prefix(n);
  while (std::size_t n = space(s, false)) s.remove_suffix(n);
  return s;
}

bool blank(std::string_view s) { return trim(s).empty(); }
}  // namespace

void ParagraphText::append(std::string_view text, bool bold) {
  if (!leadOver_) {
    if (bold) {
      boldLead_.append(text);
    } else if (!blank(text)) {
      leadOver_ = true;
      leadEnd_ = text_.size();
    } else if (!boldLead_.empty()) {
      boldLead_.append(text);  // a plain space between two bold runs keeps the label whole
    }
  }
  text_.append(text);
}

std::string ParagraphText::speaker() const {
  std::string_view label = trim(boldLead_);
  if (label.empty()) return {};
  if (label.back() == ':') {
    label = trim(label.substr(0, label.size() - 1));
  } else {
    // "**Name**: text": the colon is the first thing after the bold run.
    const std::size_t after = leadOver_ ? leadEnd_ : text_.size();
    const std::string_view rest = std::string_view(text_).substr(after);
    const std::size_t c = rest.find_first_not_of(" \t");
    if (c == std::string_view::npos || rest[c] != ':') return {};
  }
  if (label.empty() || label.find_first_of(":\n\t") != std::string_view::npos ||
      text::codePointCount(label) > kMaxLabelCodePoints)
    return {};
  return std::string(label);
}

ParagraphText joinTableRow(const std::vector<std::vector<ParagraphText>>& cells) {
  ParagraphText row;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (c > 0) row.append("\t", false);
    for (std::size_t i = 0; i < cells[c].size(); ++i) {
      if (i > 0) row.append("\n", false);
      if (c == 0 && i == 0)
        row = cells[c][i];  // keeps the first paragraph's bold lead
      else
        row.append(cells[c][i].text(), false);
    }
  }
  return row;
}

}  // namespace cmoc::importers
