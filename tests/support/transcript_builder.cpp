#include "transcript_builder.h"

#include "cmoc/text.h"

namespace cmoc::test {

TranscriptBuilder::TranscriptBuilder(std::string fileName) : fileName_(std::move(fileName)) {}

TranscriptBuilder& TranscriptBuilder::between(std::string separator) {
  between_ = std::move(separator);
  return *this;
}

TranscriptBuilder& TranscriptBuilder::ending(std::string tail) {
  ending_ = std::move(tail);
  return *this;
}

TranscriptBuilder& TranscriptBuilder::turn(std::string speaker, std::string words,
                                           std::optional<std::int64_t> startMs,
                                           std::optional<std::int64_t> endMs) {
  lines_.push_back({std::move(speaker), std::move(words), startMs, endMs});
  return *this;
}

TranscriptBuilder& TranscriptBuilder::turns(const Said& said) {
  for (const auto& [speaker, words] : said) turn(speaker, words);
  return *this;
}

Transcript TranscriptBuilder::build() const {
  Transcript t{fileName_, "text", "", {}};
  for (const Line& line : lines_) {
    if (!t.text.empty()) t.text += between_;
    t.text += line.speaker + ": ";
    const std::int64_t start = text::codePointCount(t.text);
    t.text += line.words;
    t.turns.push_back(
        {line.speaker, start, text::codePointCount(t.text), line.startMs, line.endMs});
  }
  t.text += ending_;
  return t;
}

Transcript interview(const std::string& fileName, const Said& said) {
  return TranscriptBuilder(fileName).turns(said).build();
}

std::string interviewText(const Said& said) { return interview("", said).text; }

Transcript threePagePaper() {
  Transcript t{"p.pdf", "pdf", "alpha beta gamma delta", {{"", 0, 22}}, {}};
  t.pages = {{0, 11}, {11, 11}, {11, 22}};
  return t;
}

}  // namespace cmoc::test
