// Participants: listing metadata from the sheet, editing names, cases, roles and attributes,
// the audit entry, and undo/redo of an edit.
#include "cmoc/participants.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "cmoc/error.h"
#include "cmoc/matrix.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "test_support.h"

using namespace cmoc;

namespace {

Transcript interview(const std::string& name, const std::string& speaker, const std::string& said) {
  Transcript t{name, "text", speaker + ": " + said, {}};
  t.turns.push_back({speaker, 0, text::codePointCount(t.text), {}, {}});
  return t;
}

struct Fixture {
  test::TempDir dir;
  Project project = Project::create(dir / "p.cmoc");
  Participants people{project};
  Fixture() {
    project.setCoder("ana");
    ParticipantSheet sheet{"participants.csv",
                           {{"", "19", "Dana", false,
                             {{"role", "director"}, {"case", "alliance 2"}, {"case_type", "alliance"},
                              {"region", "north"}}, 2},
                            {"", "2", "Lee", false, {{"role", "nurse"}}, 3}}};
    project.addTranscript(interview("one.txt", "Dana", "Trust came late."), &sheet);
    project.addTranscript(interview("two.txt", "Dana", "Quick wins helped."), &sheet);
    project.addTranscript(interview("three.txt", "Lee", "We shared a vision."), &sheet);
  }
  std::string attribute(const Participant& p, const std::string& name) {
    for (const auto& [k, v] : p.attributes)
      if (k == name) return v;
    return "<none>";
  }
};

TEST(Participants, ListsSheetMetadataInNumericCodeOrder) {
  Fixture f;
  const auto all = f.people.list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].code, "2");
  EXPECT_EQ(all[1].code, "19");
  const Participant& p = all[1];
  EXPECT_EQ(p.role, "director");
  EXPECT_EQ(p.caseName, "alliance 2");
  EXPECT_EQ(p.caseType, "alliance");
  EXPECT_EQ(f.attribute(p, "region"), "north");
  EXPECT_EQ(p.sources, 2);
  EXPECT_EQ(all[0].sources, 1);
}

TEST(Participants, EditSetsNameCaseRoleAndAttributesAndAuditsIt) {
  Fixture f;
  ParticipantEdit e;
  e.name = "Dana Moss";
  e.caseName = "merger 1";
  e.role = " chief executive ";
  e.attributes = {{"phase", "2"}, {"region", ""}};
  const Participant p = f.people.edit("19", e);
  EXPECT_EQ(p.name, "Dana Moss");
  EXPECT_EQ(p.caseName, "merger 1");
  EXPECT_EQ(p.role, "chief executive");
  EXPECT_EQ(f.attribute(p, "phase"), "2");
  EXPECT_EQ(f.attribute(p, "region"), "<none>");  // an empty value removes the attribute
  const auto log = f.project.auditLog(1);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "edit-participant");
  EXPECT_EQ(log[0].coder, "ana");
  EXPECT_NE(log[0].detail.find("\"case\""), std::string::npos);
  // The new case is what analyses split by.
  const auto columns = codeAttributeMatrix(f.project, {.attribute = "case"}).columns;
  EXPECT_NE(std::find(columns.begin(), columns.end(), "merger 1"), columns.end());
}

TEST(Participants, CaseTypeEditReachesTheCase) {
  Fixture f;
  const Participant p = f.people.setAttribute("19", "case_type", "merger");
  EXPECT_EQ(p.caseType, "merger");
}

TEST(Participants, EditIsOneUndoableStep) {
  Fixture f;
  const Participant before = f.people.get("19");
  f.people.setAttribute("19", "phase", "1");
  f.people.edit("19", {.name = "Dana", .caseName = "ICS 4", .role = {}, .attributes = {}});
  ASSERT_TRUE(f.project.undo());
  Participant mid = f.people.get("19");
  EXPECT_EQ(mid.caseName, "alliance 2");
  EXPECT_EQ(mid.name, "");
  EXPECT_EQ(f.attribute(mid, "phase"), "1");
  ASSERT_TRUE(f.project.undo());
  EXPECT_EQ(f.attribute(f.people.get("19"), "phase"), "<none>");
  EXPECT_EQ(f.people.get("19").attributes, before.attributes);
  ASSERT_TRUE(f.project.redo());
  EXPECT_EQ(f.attribute(f.people.get("19"), "phase"), "1");
}

TEST(Participants, UnchangedEditRecordsNothing) {
  Fixture f;
  const auto history = f.project.history().size();
  f.people.setAttribute("19", "role", "director");
  EXPECT_EQ(f.project.history().size(), history);
}

TEST(Participants, RefusesUnknownCodesAndNamelessAttributes) {
  Fixture f;
  EXPECT_THROW(f.people.get("77"), NotFound);
  EXPECT_THROW(f.people.setAttribute("19", " ", "x"), UsageError);
  EXPECT_THROW(f.people.setAttribute("19", "a=b", "x"), UsageError);
}

}  // namespace
