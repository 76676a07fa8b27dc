#pragma once
// What the transcript view shows for one source: the text laid out turn by turn under speaker
// headers with their times, how to style it, and the coding stripes beside it.
//
// The view is a Scintilla control, which counts UTF-8 bytes of *its* text; core counts code
// points of the *source* text. The display text inserts headers and blank lines between turns,
// so this class owns both conversions: display byte <-> source code point. Everything the view
// hands back (a selection, a caret) goes through here before it reaches core.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "model/format.h"

namespace cmoc::gui {

enum class TextStyle : int { Body = 0, Speaker = 1, Interviewer = 2, Time = 3, Title = 4 };

struct StyledRun {
  std::int64_t start = 0, length = 0;  // display bytes
  TextStyle style = TextStyle::Body;
};

struct TurnLayout {
  std::int64_t seq = 0;  // 1-based, as core numbers turns
  std::string speaker, participant;
  bool interviewer = false;
  std::optional<std::int64_t> startMs;
  std::int64_t headerByte = 0;  // display bytes: header line, then the body
  std::int64_t bodyByte = 0, bodyEndByte = 0;
  std::int64_t start = 0, end = 0;  // source code points
};

struct CodingStripe {
  std::int64_t codingId = 0, codeId = 0;
  std::string codePath, codeName, coder, memo, createdAt;
  CodeKind kind = CodeKind::Other;
  std::int64_t start = 0, end = 0;          // source code points
  std::int64_t startByte = 0, endByte = 0;  // display bytes, for Scintilla
  int lane = 0;  // overlapping codings get different lanes, 0 leftmost
  Rgb colour;
  std::string hover;  // "Trust - AJ - 2026-11-12"
};

// Codes by id, for colours and names; built from Codebook::list() once per codebook change.
using CodeLookup = std::unordered_map<std::int64_t, Code>;
CodeLookup makeCodeLookup(const std::vector<Code>& codes);

class TranscriptViewModel {
 public:
  struct Options {
    std::optional<std::string> onlyCoder;  // blind second coding: show only this coder's codings
  };

  // Reads the source's text, turns and codings (one source only, never the whole project).
  static TranscriptViewModel load(Project& project, std::int64_t sourceId,
                                  const CodeLookup& codes, const Options& options = {});
  // Builds from values already read; load() and the benchmark use it.
  static TranscriptViewModel build(SourceSummary source, std::string text,
                                   const std::vector<TurnView>& turns,
                                   const std::vector<CodingRecord>& codings, const CodeLookup& codes);

  // Re-reads the codings after a change; text and layout stay.
  void reloadCodings(Project& project, const CodeLookup& codes, const Options& options);
  void setCodings(const std::vector<CodingRecord>& codings, const CodeLookup& codes);

  const SourceSummary& source() const { return source_; }
  std::string sourceRef() const { return std::to_string(source_.id); }  // for core's "id or name"
  const std::string& sourceText() const { return *sourceText_; }
  const std::string& displayText() const { return display_; }
  // "interview-01.txt  ·  19  ·  text  ·  00:52:10  ·  64 turns"
  const std::string& title() const { return title_; }
  const std::vector<StyledRun>& styles() const { return styles_; }
  const std::vector<TurnLayout>& turns() const { return turns_; }
  const std::vector<CodingStripe>& stripes() const { return stripes_; }
  int laneCount() const { return lanes_; }

  // Source code point -> display byte. A position in text the display leaves out (speaker
  // labels between turns) goes to the next shown character, or with atEnd to the previous one.
  std::int64_t displayByteOf(std::int64_t cp, bool atEnd = false) const;
  // Display byte -> source code point. A byte in a header goes to the start of the turn below,
  // or with atEnd to the end of the turn above.
  std::int64_t sourceCpOf(std::int64_t byte, bool atEnd = false) const;
  // A selection in display bytes as a source span snapped to whole graphemes; nullopt when it
  // holds no source text (empty, or only a header).
  std::optional<std::pair<std::int64_t, std::int64_t>> sourceSpanOf(std::int64_t fromByte,
                                                                   std::int64_t toByte) const;
  // The snapped span in display bytes, to show the user what will be coded.
  std::pair<std::int64_t, std::int64_t> displaySpanOf(std::int64_t start, std::int64_t end) const;

  // Codings covering a display byte, innermost (shortest) first.
  std::vector<const CodingStripe*> stripesAt(std::int64_t byte) const;
  const CodingStripe* stripe(std::int64_t codingId) const;
  // The turn (index into turns()) a display byte lies in, its header included.
  std::optional<std::size_t> turnAt(std::int64_t byte) const;

 private:
  struct Segment {  // one run of source text shown verbatim
    std::int64_t displayByte = 0, bytes = 0;
    std::int64_t sourceByte = 0, cpStart = 0, cpEnd = 0;
  };
  void layout(const std::vector<TurnView>& turns);
  void assignLanes();

  SourceSummary source_;
  std::unique_ptr<std::string> sourceText_;  // stable address: index_ views it
  std::unique_ptr<text::TextIndex> index_;
  std::string display_, title_;
  std::vector<StyledRun> styles_;
  std::vector<TurnLayout> turns_;
  std::vector<Segment> segments_;
  std::vector<CodingStripe> stripes_;
  int lanes_ = 0;
};

// The hover text of a coding stripe.
std::string stripeHover(const std::string& codeName, const std::string& coder,
                        const std::string& createdAt);

}  // namespace cmoc::gui
