#pragma once
// The coding actions of the transcript view, from Scintilla byte offsets to core: a selection is
// mapped to source code points, snapped to whole graphemes, and handed to core's Coding; undo
// and redo are core's history. Each method is one user action; errors are cmoc::Error with a
// message fit for the status bar.
#include <cstdint>
#include <optional>
#include <string>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "model/transcript_view_model.h"

namespace cmoc {
class Project;
}

namespace cmoc::gui {

struct Selection {
  std::int64_t from = 0, to = 0;  // display bytes (Scintilla positions), either order
};

class CodingController {
 public:
  explicit CodingController(Project& project) : project_(project) {}

  // Applies a code to the selection. Throws UsageError when the selection holds no text.
  CodingRecord applyCode(const TranscriptViewModel& view, std::int64_t codeId, Selection sel,
                         const std::string& memo = "");
  // Codes the whole speaker turn under the caret.
  CodingRecord codeTurn(const TranscriptViewModel& view, std::int64_t codeId, std::int64_t caret);
  // Creates an inductive code (under `parent` when given, taking its kind) and codes the
  // selection with it. With no name, the selected words (shortened) name the code.
  struct NewCode {
    Code code;
    CodingRecord coding;
  };
  NewCode newCodeFromSelection(const TranscriptViewModel& view, Selection sel,
                               const std::string& name = "",
                               std::optional<std::int64_t> parent = std::nullopt,
                               std::optional<CodeKind> kind = std::nullopt);
  // A default name for a new code: the selected words, shortened.
  static std::string suggestedName(const TranscriptViewModel& view, Selection sel);

  void uncode(std::int64_t codingId);
  // Moves a coding's span to the selection (edit span).
  CodingRecord setSpan(const TranscriptViewModel& view, std::int64_t codingId, Selection sel);
  CodingRecord setMemo(std::int64_t codingId, const std::string& memo);

  // Fix transcription: replaces the source's code points [start, end) with `text`; core moves
  // the codings around it with the text and removes those whose text was replaced.
  struct TextFix {
    std::int64_t sourceId = 0;
    std::int64_t start = 0, end = 0;  // the new text, code points in the new source text
    std::size_t reanchored = 0, removed = 0;
  };
  TextFix fixText(const TranscriptViewModel& view, std::int64_t start, std::int64_t end,
                  const std::string& text);

  // Undo and redo the current coder's last action; return its label, nullopt when none.
  std::optional<std::string> undo();
  std::optional<std::string> redo();

 private:
  std::pair<std::int64_t, std::int64_t> span(const TranscriptViewModel& view, Selection sel) const;
  Project& project_;
};

}  // namespace cmoc::gui
