#include "model/coding_controller.h"

#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "cmoc/text_edit.h"
#include "model/format.h"

namespace cmoc::gui {

std::pair<std::int64_t, std::int64_t> CodingController::span(const TranscriptViewModel& view,
                                                             Selection sel) const {
  const auto s = view.sourceSpanOf(sel.from, sel.to);
  if (!s) throw UsageError("select some transcript text first");
  return *s;
}

CodingRecord CodingController::applyCode(const TranscriptViewModel& view, std::int64_t codeId,
                                         Selection sel, const std::string& memo) {
  const auto [start, end] = span(view, sel);
  const Code code = Codebook(project_).get(codeId);
  return Coding(project_).apply(view.sourceRef(), code.path, start, end, memo);
}

CodingRecord CodingController::codeTurn(const TranscriptViewModel& view, std::int64_t codeId,
                                        std::int64_t caret) {
  const auto turn = view.turnAt(caret);
  if (!turn) throw UsageError("put the cursor in a speaker turn first");
  const Code code = Codebook(project_).get(codeId);
  return Coding(project_).applyToTurn(view.sourceRef(), view.turns()[*turn].seq, code.path);
}

std::string CodingController::suggestedName(const TranscriptViewModel& view, Selection sel) {
  const auto s = view.sourceSpanOf(sel.from, sel.to);
  if (!s) return {};
  return shorten(text::sliceCodePoints(view.sourceText(), s->first, s->second), 40);
}

CodingController::NewCode CodingController::newCodeFromSelection(const TranscriptViewModel& view,
                                                                 Selection sel,
                                                                 const std::string& name,
                                                                 std::optional<std::int64_t> parent,
                                                                 std::optional<CodeKind> kind) {
  const auto [start, end] = span(view, sel);
  Codebook book(project_);
  CodeDraft draft;
  draft.name = name.empty() ? suggestedName(view, sel) : name;
  draft.origin = CodeOrigin::Inductive;
  if (parent) {
    const Code p = book.get(*parent);
    draft.parent = p.path;
    draft.kind = p.kind;
  }
  if (kind) draft.kind = *kind;
  NewCode out;
  out.code = book.add(draft);
  out.coding = Coding(project_).apply(view.sourceRef(), out.code.path, start, end);
  return out;
}

void CodingController::uncode(std::int64_t codingId) { Coding(project_).remove(codingId); }

CodingRecord CodingController::setSpan(const TranscriptViewModel& view, std::int64_t codingId,
                                       Selection sel) {
  const auto [start, end] = span(view, sel);
  return Coding(project_).moveSpan(codingId, start, end);
}

CodingRecord CodingController::setMemo(std::int64_t codingId, const std::string& memo) {
  return Coding(project_).setMemo(codingId, memo);
}

CodingController::TextFix CodingController::fixText(const TranscriptViewModel& view,
                                                    std::int64_t start, std::int64_t end,
                                                    const std::string& text) {
  const TextEditResult r = editText(project_, view.sourceRef(), start, end, text);
  TextFix fix{.sourceId = view.source().id,
              .start = r.start,
              .end = r.start + text::codePointCount(r.newText)};
  for (const MovedCoding& c : r.codings)
    ++(c.change == MovedCoding::Change::Removed ? fix.removed : fix.reanchored);
  return fix;
}

std::optional<std::string> CodingController::undo() { return project_.undo(); }
std::optional<std::string> CodingController::redo() { return project_.redo(); }

}  // namespace cmoc::gui
