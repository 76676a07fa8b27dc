#pragma once
// The CMOC builder beside the transcript: three slots (context, mechanism, outcome), each a code
// and the coded excerpts that back it, a status against the prior theory, and the live
// renderings core writes (sentence and if-then-because). Saving is one core action; "chain to
// next" saves, then starts a CMOC whose context is this one's outcome and links the two when
// that one is saved.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cmoc/cmocs.h"
#include "model/format.h"

namespace cmoc {
class Project;
}

namespace cmoc::gui {

struct BuilderSlot {
  std::optional<std::int64_t> codeId;
  std::string name, path;
  CodeKind kind = CodeKind::Other;
  Rgb colour;
  std::vector<std::int64_t> codings;  // evidence, in the order added
};

class CmocBuilderModel {
 public:
  void clear();
  // Sets the slot's code; evidence of another code is dropped.
  void setCode(Slot slot, const Code& code);
  // Adds a coded excerpt as evidence; an empty slot takes the coding's code.
  void addEvidence(Slot slot, const Code& codingCode, std::int64_t codingId);
  void removeEvidence(Slot slot, std::int64_t codingId);
  void clearSlot(Slot slot);
  void setStatus(CmocStatus status) { status_ = status; }
  CmocStatus status() const { return status_; }
  void setLabel(std::string label) { label_ = std::move(label); }
  void setMemo(std::string memo) { memo_ = std::move(memo); }

  const BuilderSlot& slot(Slot slot) const;
  // "History of competition  (2 excerpts)"; "(empty)" with a hint when no code is chosen.
  std::string slotText(Slot slot) const;
  // Core's renderings, with "…" for slots still empty.
  std::string sentence() const;
  std::string actionStatement() const;
  bool complete() const;
  // What is missing before saving ("choose a mechanism"), or empty.
  std::string missing() const;
  // Slots holding a code of another realist kind (core refuses them unless forced).
  std::vector<Slot> wrongKind() const;

  // Stores the CMOC (and the chain link when started by chainNext). Throws like Cmocs::add.
  Cmoc save(Project& project, KindCheck check = KindCheck::Strict);
  // After a save: a new CMOC whose context is `saved`'s outcome, to be linked from it.
  void chainNext(const Cmoc& saved);
  std::optional<std::int64_t> chainFrom() const { return chainFrom_; }

 private:
  BuilderSlot& mut(Slot slot);
  BuilderSlot context_, mechanism_, outcome_;
  CmocStatus status_ = CmocStatus::Novel;
  std::string label_, memo_;
  std::optional<std::int64_t> chainFrom_;
};

}  // namespace cmoc::gui
