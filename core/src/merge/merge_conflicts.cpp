// Same GUID, different content: what each kind of entity is compared on. Times and sort order
// are left out (copying a project keeps them; they say nothing about content). Foreign keys are
// compared through the id map, so a coder matched by name is not a difference; attributes and
// evidence are compared as sorted lists.
#include <algorithm>
#include <functional>
#include <vector>

#include "merge_run.h"

namespace cmoc::store::merge {

namespace {

// The fields of one pair of rows that differ, in the order compared.
class Diff {
 public:
  explicit Diff(const Run& run) : run_(run) {}
  template <class T>
  void field(const std::string& label, const T& theirs, const T& ours) {
    if (!(theirs == ours)) fields_.push_back(label);
  }
  // A foreign key: theirs is mapped to our id first (unmapped is no row, so a difference).
  void ref(const std::string& label, const std::string& kind, std::optional<std::int64_t> theirs,
           std::optional<std::int64_t> ours) {
    field(label, run_.local(kind, theirs), ours);
  }
  std::vector<std::string> take() { return std::move(fields_); }

 private:
  const Run& run_;
  std::vector<std::string> fields_;
};

// The CMOC's evidence as "slot:coding GUID", sorted: coding ids differ between the projects.
std::vector<std::string> evidence(Gateways& g, std::int64_t cmocId) {
  std::vector<std::string> out;
  for (const EvidenceRow& e : g.cmocs.evidenceOf(cmocId))
    out.push_back(e.slot + ":" + g.codings.byId(e.codingId)->guid);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> members(Gateways& g, std::int64_t setId) {
  std::vector<std::string> out;
  for (const SetMemberRow& m : g.sets.membersOf(setId)) out.push_back(m.kind + ":" + m.guid);
  std::sort(out.begin(), out.end());
  return out;
}

std::string codeName(Gateways& g, std::int64_t id) { return g.codes.byId(id)->name; }

// Walks the other project's rows of one kind in id order; each matched (not added) one is
// compared with its local row by `compare`, which fills the Diff and returns the display name.
template <class Row, class Each, class ById, class Compare>
void check(Run& run, const std::string& kind, const std::string& label, Each each, ById ours,
           Compare compare) {
  MergeReport& report = run.report();
  const std::string reported = kind == "cmoc" ? "CMOC" : kind == "cmoc-link" ? "CMOC chain" : kind;
  std::int64_t present = 0;
  each([&](const Row& theirs) {
    const std::optional<Match> how = run.how(kind, theirs.id);
    if (!how || *how == Match::Added) return;
    const Row local = *ours(*run.local(kind, theirs.id));
    Diff diff(run);
    std::string name = compare(theirs, local, diff);
    MergeConflict c{reported, theirs.guid, std::move(name), diff.take()};
    if (c.fields.empty()) {
      ++present;
    } else {
      report.conflicts.push_back(std::move(c));
      ++report.conflicted[label];
    }
  });
  report.present[label] += present;
}

}  // namespace

void findConflicts(Run& run) {
  Gateways &o = run.theirs(), &m = run.ours();
  check<CoderRow>(
      run, "coder", "coders", [&](auto f) { o.coders.each(f); },
      [&](std::int64_t id) { return m.coders.byId(id); },
      [](const CoderRow& a, const CoderRow& b, Diff& d) {
        d.field("name", a.name, b.name);
        return b.name;
      });
  check<CodeRow>(
      run, "code", "codes", [&](auto f) { o.codes.each(f); },
      [&](std::int64_t id) { return m.codes.byId(id); },
      [](const CodeRow& a, const CodeRow& b, Diff& d) {
        d.field("name", a.name, b.name);
        d.ref("parent", "code", a.parentId, b.parentId);
        d.field("kind", a.kind, b.kind);
        d.field("definition", a.definition, b.definition);
        d.field("inclusion", a.inclusion, b.inclusion);
        d.field("exclusion", a.exclusion, b.exclusion);
        d.field("color", a.color, b.color);
        d.field("origin", a.origin, b.origin);
        d.field("memo", a.memo, b.memo);
        return b.name;
      });
  check<CaseRow>(
      run, "case", "cases", [&](auto f) { o.cases.each(f); },
      [&](std::int64_t id) { return m.cases.byId(id); },
      [&](const CaseRow& a, const CaseRow& b, Diff& d) {
        d.field("name", a.name, b.name);
        d.field("case type", a.caseType, b.caseType);
        d.field("memo", a.memo, b.memo);
        d.field("attributes", o.caseAttributes.of(a.id), m.caseAttributes.of(b.id));
        return b.name;
      });
  check<ParticipantRow>(
      run, "participant", "participants", [&](auto f) { o.participants.each(f); },
      [&](std::int64_t id) { return m.participants.byId(id); },
      [&](const ParticipantRow& a, const ParticipantRow& b, Diff& d) {
        d.field("code", a.code, b.code);
        d.field("interviewer", a.isInterviewer, b.isInterviewer);
        d.ref("case", "case", a.caseId, b.caseId);
        d.field("memo", a.memo, b.memo);
        d.field("attributes", o.participantAttributes.of(a.id), m.participantAttributes.of(b.id));
        return b.code;
      });
  check<SourceRow>(
      run, "source", "sources", [&](auto f) { o.sources.each(f); },
      [&](std::int64_t id) { return m.sources.byId(id); },
      [&](const SourceRow& a, const SourceRow& b, Diff& d) {
        d.field("name", a.name, b.name);
        d.field("format", a.format, b.format);
        d.field("text", o.sources.text(a.id), m.sources.text(b.id));
        d.ref("participant", "participant", a.participantId, b.participantId);
        d.field("memo", a.memo, b.memo);
        d.field("attributes", o.sourceAttributes.of(a.id), m.sourceAttributes.of(b.id));
        return b.name;
      });
  check<CodingRow>(
      run, "coding", "codings", [&](auto f) { o.codings.each(f); },
      [&](std::int64_t id) { return m.codings.byId(id); },
      [&](const CodingRow& a, const CodingRow& b, Diff& d) {
        d.ref("source", "source", a.sourceId, b.sourceId);
        d.ref("code", "code", a.codeId, b.codeId);
        d.ref("coder", "coder", a.coderId, b.coderId);
        d.field("start", a.start, b.start);
        d.field("end", a.end, b.end);
        d.field("memo", a.memo, b.memo);
        return codeName(m, b.codeId) + " in " + m.sources.byId(b.sourceId)->name + " [" +
               std::to_string(b.start) + ", " + std::to_string(b.end) + ")";
      });
  check<MemoRow>(
      run, "memo", "memos", [&](auto f) { o.memos.each(f); },
      [&](std::int64_t id) { return m.memos.byId(id); },
      [](const MemoRow& a, const MemoRow& b, Diff& d) {
        d.field("target", a.targetKind + " " + a.targetGuid.value_or(""),
                b.targetKind + " " + b.targetGuid.value_or(""));
        d.field("title", a.title, b.title);
        d.field("text", a.text, b.text);
        d.ref("coder", "coder", a.coderId, b.coderId);
        return b.title.empty() ? "memo on " + b.targetKind : b.title;
      });
  check<CmocRow>(
      run, "cmoc", "CMOCs", [&](auto f) { o.cmocs.each(f); },
      [&](std::int64_t id) { return m.cmocs.byId(id); },
      [&](const CmocRow& a, const CmocRow& b, Diff& d) {
        d.ref("context", "code", a.contextCodeId, b.contextCodeId);
        d.ref("mechanism", "code", a.mechanismCodeId, b.mechanismCodeId);
        d.ref("outcome", "code", a.outcomeCodeId, b.outcomeCodeId);
        d.field("status", a.status, b.status);
        d.ref("prior", "cmoc", a.priorCmocId, b.priorCmocId);
        d.field("label", a.label, b.label);
        d.field("memo", a.memo, b.memo);
        d.ref("coder", "coder", a.coderId, b.coderId);
        d.field("evidence", evidence(o, a.id), evidence(m, b.id));
        return b.label.empty()
                   ? codeName(m, b.contextCodeId) + " -> " + codeName(m, b.mechanismCodeId) +
                         " -> " + codeName(m, b.outcomeCodeId)
                   : b.label;
      });
  check<CmocLinkRow>(
      run, "cmoc-link", "CMOC chains", [&](auto f) { o.cmocs.eachLink(f); },
      [&](std::int64_t id) { return m.cmocs.linkById(id); },
      [](const CmocLinkRow& a, const CmocLinkRow& b, Diff& d) {
        d.ref("from", "cmoc", a.fromCmocId, b.fromCmocId);
        d.ref("to", "cmoc", a.toCmocId, b.toCmocId);
        d.field("memo", a.memo, b.memo);
        return "chain " + std::to_string(b.fromCmocId) + " -> " + std::to_string(b.toCmocId);
      });
  check<EntitySetRow>(
      run, "set", "sets", [&](auto f) { o.sets.eachSet(f); },
      [&](std::int64_t id) { return m.sets.setById(id); },
      [&](const EntitySetRow& a, const EntitySetRow& b, Diff& d) {
        d.field("name", a.name, b.name);
        d.field("description", a.description, b.description);
        d.field("members", members(o, a.id), members(m, b.id));
        return b.name;
      });
  check<EntityLinkRow>(
      run, "link", "links", [&](auto f) { o.sets.eachLink(f); },
      [&](std::int64_t id) { return m.sets.linkById(id); },
      [](const EntityLinkRow& a, const EntityLinkRow& b, Diff& d) {
        d.field("name", a.name, b.name);
        d.field("direction", a.direction, b.direction);
        d.field("color", a.color, b.color);
        d.field("origin", a.originGuid, b.originGuid);
        d.field("target", a.targetGuid, b.targetGuid);
        d.field("memo", a.memo, b.memo);
        return b.name.empty() ? std::string("link") : b.name;
      });
}

std::vector<std::string> mergeKinds() {
  return {"coders", "codes", "cases",         "participants", "sources", "codings",
          "memos",  "CMOCs", "CMOC evidence", "CMOC chains",  "sets",    "links"};
}

}  // namespace cmoc::store::merge
