#include "model/cmoc_builder_model.h"

#include <algorithm>

#include "cmoc/cmoc_text.h"
#include "cmoc/error.h"
#include "cmoc/project.h"

namespace cmoc::gui {

namespace {
constexpr const char* kEmpty = "\xE2\x80\xA6";  // …

CodeKind kindOf(Slot s) {
  switch (s) {
    case Slot::Context: return CodeKind::Context;
    case Slot::Mechanism: return CodeKind::Mechanism;
    case Slot::Outcome: return CodeKind::Outcome;
  }
  return CodeKind::Other;
}
}  // namespace

void CmocBuilderModel::clear() {
  context_ = mechanism_ = outcome_ = {};
  status_ = CmocStatus::Novel;
  label_.clear();
  memo_.clear();
  chainFrom_.reset();
}

BuilderSlot& CmocBuilderModel::mut(Slot slot) {
  switch (slot) {
    case Slot::Context: return context_;
    case Slot::Mechanism: return mechanism_;
    case Slot::Outcome: return outcome_;
  }
  return context_;
}

const BuilderSlot& CmocBuilderModel::slot(Slot slot) const {
  return const_cast<CmocBuilderModel*>(this)->mut(slot);
}

void CmocBuilderModel::setCode(Slot slot, const Code& code) {
  BuilderSlot& s = mut(slot);
  if (s.codeId != code.id) s.codings.clear();
  s.codeId = code.id;
  s.name = code.name;
  s.path = code.path;
  s.kind = code.kind;
  s.colour = codeColour(code.color, code.kind);
}

void CmocBuilderModel::addEvidence(Slot slot, const Code& codingCode, std::int64_t codingId) {
  BuilderSlot& s = mut(slot);
  if (!s.codeId) setCode(slot, codingCode);
  if (std::find(s.codings.begin(), s.codings.end(), codingId) == s.codings.end())
    s.codings.push_back(codingId);
}

void CmocBuilderModel::removeEvidence(Slot slot, std::int64_t codingId) {
  auto& v = mut(slot).codings;
  v.erase(std::remove(v.begin(), v.end(), codingId), v.end());
}

void CmocBuilderModel::clearSlot(Slot slot) { mut(slot) = {}; }

std::string CmocBuilderModel::slotText(Slot slot) const {
  const BuilderSlot& s = this->slot(slot);
  if (!s.codeId) return "(empty)";
  const std::size_t n = s.codings.size();
  return s.name + "  (" + std::to_string(n) + (n == 1 ? " excerpt)" : " excerpts)");
}

std::string CmocBuilderModel::sentence() const {
  auto n = [](const BuilderSlot& s) { return s.codeId ? s.name : std::string(kEmpty); };
  return cmoc::cmocSentence(n(context_), n(mechanism_), n(outcome_));
}

std::string CmocBuilderModel::actionStatement() const {
  auto n = [](const BuilderSlot& s) { return s.codeId ? s.name : std::string(kEmpty); };
  return cmoc::actionStatement(n(context_), n(mechanism_), n(outcome_));
}

bool CmocBuilderModel::complete() const {
  return context_.codeId && mechanism_.codeId && outcome_.codeId;
}

std::string CmocBuilderModel::missing() const {
  std::vector<std::string> m;
  if (!context_.codeId) m.push_back("a context");
  if (!mechanism_.codeId) m.push_back("a mechanism");
  if (!outcome_.codeId) m.push_back("an outcome");
  if (m.empty()) return {};
  std::string s = "choose " + m[0];
  for (std::size_t i = 1; i < m.size(); ++i) s += (i + 1 == m.size() ? " and " : ", ") + m[i];
  return s;
}

std::vector<Slot> CmocBuilderModel::wrongKind() const {
  std::vector<Slot> out;
  for (Slot s : {Slot::Context, Slot::Mechanism, Slot::Outcome}) {
    const BuilderSlot& b = slot(s);
    if (b.codeId && b.kind != CodeKind::Other && b.kind != kindOf(s)) out.push_back(s);
  }
  return out;
}

Cmoc CmocBuilderModel::save(Project& project, KindCheck check) {
  if (!complete()) throw UsageError("to save the CMOC, " + missing());
  CmocDraft d;
  d.context = context_.path;
  d.mechanism = mechanism_.path;
  d.outcome = outcome_.path;
  d.status = status_;
  d.label = label_;
  d.memo = memo_;
  for (Slot s : {Slot::Context, Slot::Mechanism, Slot::Outcome})
    for (std::int64_t id : slot(s).codings) d.evidence.emplace_back(s, id);
  Cmocs cmocs(project);
  const Cmoc saved = cmocs.add(d, check);
  if (chainFrom_) cmocs.link(*chainFrom_, saved.id);
  chainFrom_.reset();
  return saved;
}

void CmocBuilderModel::chainNext(const Cmoc& saved) {
  clear();
  context_.codeId = saved.outcome.codeId;
  context_.name = saved.outcome.code;
  context_.path = saved.outcome.codePath;
  context_.kind = saved.outcome.kind;
  context_.colour = codeColour(saved.outcome.color, saved.outcome.kind);
  chainFrom_ = saved.id;
}

}  // namespace cmoc::gui
