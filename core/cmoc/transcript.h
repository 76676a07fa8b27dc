#pragma once
// What an importer hands to core: a source's whole text (NFC, LF) and its speaker turns.
// Positions are Unicode code point offsets [start, end) into `text`.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cmoc {

struct Turn {
  std::string speaker;  // label as written in the source ("R", "Dr Priya Raman"); empty if none
  std::int64_t start = 0;  // code points, what the speaker said (label excluded)
  std::int64_t end = 0;
  std::optional<std::int64_t> startMs;  // from captions or [hh:mm:ss] marks
  std::optional<std::int64_t> endMs;
};

// One page of a paged source (a PDF paper): the code points its text occupies. A source's pages
// cover its text in order, each starting where the one before ends (a page with no text is
// empty); the separator after a page's last word belongs to that page.
struct PageSpan {
  std::int64_t start = 0, end = 0;
};

struct Transcript {
  std::string fileName;  // base name of the imported file
  std::string format;    // "text", "docx", "odt", "vtt", "srt", "pdf"
  std::string text;      // NFC, LF line ends, valid UTF-8
  std::vector<Turn> turns;  // a paper's paragraphs are turns without a speaker
  std::vector<PageSpan> pages;  // page 1 first; empty for sources without pages
};

// One row of a participants sheet: who a speaker label is, in one file or (file empty) in all.
struct ParticipantRow {
  std::string file;
  std::string participant;  // participant code, e.g. "19"
  std::string speaker;      // speaker label as it appears in transcripts
  bool interviewer = false;
  std::vector<std::pair<std::string, std::string>> attributes;  // role, case, case_type, ...
  int line = 0;  // line in the sheet, for error messages
};

struct ParticipantSheet {
  std::string fileName;
  std::vector<ParticipantRow> rows;
};

}  // namespace cmoc
