#include "model/memo_presenter.h"

#include "cmoc/codebook.h"
#include "cmoc/project.h"
#include "cmoc/source_memo.h"

namespace cmoc::gui {

MemoTarget codeMemo(Project& project, std::int64_t codeId) {
  const Code c = Codebook(project).get(codeId);
  return {MemoTarget::Kind::Code, codeId, "Memo on code " + c.name, c.memo};
}

MemoTarget sourceMemo(Project& project, std::int64_t sourceId) {
  const std::string name = project.source(std::to_string(sourceId)).name;
  return {MemoTarget::Kind::Source, sourceId, "Memo on source " + name,
          cmoc::sourceMemo(project, sourceId)};
}

bool saveMemo(Project& project, const MemoTarget& target, const std::string& text) {
  if (target.kind == MemoTarget::Kind::Source) {
    if (cmoc::sourceMemo(project, target.id) == text) return false;
    setSourceMemo(project, target.id, text);
    return true;
  }
  Codebook book(project);
  const Code c = book.get(target.id);
  if (c.memo == text) return false;
  CodeEdit edit;
  edit.memo = text;
  book.edit(c.path, edit);
  return true;
}

}  // namespace cmoc::gui
