#pragma once
// Collects one word-processor paragraph's text run by run, and notices a bold "Name:" at its
// start: that is how .docx and .odt transcripts mark speakers when they mark them at all.
#include <string>
#include <string_view>
#include <vector>

namespace cmoc::importers {

class ParagraphText {
 public:
  void append(std::string_view text, bool bold);
  const std::string& text() const { return text_; }
  // The bold label without its colon ("Dr Priya Raman"), when the paragraph opens with bold
  // text that ends with ':' or is directly followed by ':'; else empty. A long or multi-line
  // bold opening is a heading or emphasis, not a speaker.
  std::string speaker() const;

 private:
  std::string text_;
  std::string boldLead_;     // bold text before the first non-bold, non-blank text
  bool leadOver_ = false;    // the first non-bold text has been seen
  std::size_t leadEnd_ = 0;  // byte in text_ where the bold lead ends
};

// One table row as one paragraph: cells joined by tabs, a cell's paragraphs by line breaks, so
// a [Speaker | Speech] row reads "Speaker:<tab>Speech". Bold counts only at the row's start,
// where a speaker label can be.
ParagraphText joinTableRow(const std::vector<std::vector<ParagraphText>>& cells);

}  // namespace cmoc::importers
