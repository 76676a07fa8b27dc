// Participants: listing metadata from the sheet, editing names, cases, roles, the interviewer
// flag and attributes, deleting a participant without touching the transcripts, the audit
// entries, and undo/redo of each.
#include "cmoc/participants.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "cmoc/error.h"
#include "cmoc/matrix.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "sql_peek.h"
#include "test_support.h"

using namespace cmoc;

namespace {

Transcript interview(const std::string& name, const std::string& speaker, const std::string& said) {
  Transcript t{name, "text", speaker + ": " + said, {}};
  t.turns.push_back({speaker, 0, text::codePointCount(t.text), {}, {}});
  return t;
}

ParticipantEdit interviewerFlag(bool interviewer) {
  ParticipantEdit e;
  e.interviewer = interviewer;
  return e;
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
  // A focus group: the interviewer INT1, then 19 (Dana) and 2 (Lee). 19 is its main interviewee.
  void addFocusGroup() {
    ParticipantSheet sheet{"participants.csv",
                           {{"", "INT1", "Interviewer", true, {}, 2},
                            {"", "19", "Dana", false, {}, 3},
                            {"", "2", "Lee", false, {}, 4}}};
    Transcript t{"group.txt", "text", "", {}};
    for (const auto& [speaker, said] :
         {std::pair{"Interviewer", "What changed?"}, std::pair{"Dana", "Trust."},
          std::pair{"Lee", "A vision."}}) {
      t.text += std::string(speaker) + ": ";
      const std::int64_t start = text::codePointCount(t.text);
      t.text += said;
      t.turns.push_back({speaker, start, text::codePointCount(t.text), {}, {}});
      t.text += "\n";
    }
    project.addTranscript(t, &sheet);
  }
  // Who each source names as its main interviewee ("-" for nobody).
  std::string mainParticipant(const std::string& source) {
    return test::sqlValue(project.file(),
                          "SELECT ifnull(p.code, '-') FROM sources s LEFT JOIN participants p ON "
                          "p.id = s.participant_id WHERE s.name = '" + source + "'");
  }
  // Every row that says who a participant is or who speaks, to compare before and after.
  std::string links() {
    return test::sqlValue(project.file(), R"(
      SELECT group_concat(r, ' | ') FROM (
        SELECT 'speaker ' || id || ' ' || label || ' -> ' || ifnull(participant_id, '-') || ' ' ||
               is_interviewer AS r FROM speakers
        UNION ALL SELECT 'source ' || id || ' -> ' || ifnull(participant_id, '-') FROM sources
        UNION ALL SELECT 'participant ' || id || ' ' || guid || ' ' || code || ' ' ||
               is_interviewer || ' ' || ifnull(case_id, '-') || ' ' || ifnull(memo, '-') || ' ' ||
               created_at FROM participants
        UNION ALL SELECT 'attribute ' || participant_id || ' ' || name || '=' || value
               FROM participant_attributes
        UNION ALL SELECT 'case ' || id || ' ' || name FROM cases
        ORDER BY 1))");
  }
  std::int64_t sourceId(const std::string& name) { return project.source(name).id; }
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
  f.people.edit("19", interviewerFlag(false));
  EXPECT_EQ(f.project.history().size(), history);
}

TEST(Participants, InterviewerEditIsAuditedAndMakesTheirTurnsInterviewerTurns) {
  Fixture f;
  f.addFocusGroup();
  const std::string before = f.links();
  ASSERT_EQ(f.mainParticipant("group.txt"), "19");
  const Participant p = f.people.edit("19", interviewerFlag(true));
  EXPECT_TRUE(p.interviewer);
  const auto log = f.project.auditLog(1);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "edit-participant");
  EXPECT_NE(log[0].detail.find("\"interviewer\""), std::string::npos) << log[0].detail;
  const auto turns = f.project.turns(f.sourceId("group.txt"));
  ASSERT_EQ(turns.size(), 3u);
  EXPECT_TRUE(turns[1].interviewer);  // Dana's
  EXPECT_FALSE(turns[2].interviewer);
  // The interviewee is whoever speaks first and is not an interviewer, or nobody.
  EXPECT_EQ(f.mainParticipant("group.txt"), "2");
  EXPECT_EQ(f.mainParticipant("one.txt"), "-");
  EXPECT_EQ(f.project.source("group.txt").participants, "2");
  ASSERT_TRUE(f.project.undo());
  EXPECT_FALSE(f.people.get("19").interviewer);
  EXPECT_EQ(f.links(), before);
}

TEST(Participants, UnmarkedInterviewerKeepsTurnsALabelMarks) {
  Fixture f;
  f.addFocusGroup();
  ASSERT_TRUE(f.people.get("INT1").interviewer);
  EXPECT_FALSE(f.people.edit("INT1", interviewerFlag(false)).interviewer);
  // "Interviewer:" still says who asks the questions.
  EXPECT_TRUE(f.project.turns(f.sourceId("group.txt"))[0].interviewer);
  EXPECT_EQ(f.mainParticipant("group.txt"), "19");
}

TEST(Participants, RefusesUnknownCodesAndNamelessAttributes) {
  Fixture f;
  EXPECT_THROW(f.people.get("77"), NotFound);
  EXPECT_THROW(f.people.setAttribute("19", " ", "x"), UsageError);
  EXPECT_THROW(f.people.setAttribute("19", "a=b", "x"), UsageError);
  try {
    f.people.remove("77");
    ADD_FAILURE() << "deleted an unknown participant";
  } catch (const NotFound& e) {
    EXPECT_STREQ(e.what(), "no participant with the code '77'");
  }
}

TEST(Participants, InterviewerIsAFieldNotAnAttribute) {
  Fixture f;
  try {
    f.people.setAttribute("19", " interviewer ", "yes");
    ADD_FAILURE() << "set the flag's name as an attribute";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "'interviewer' is a yes/no field of its own, not an attribute");
  }
}

TEST(Participants, DeleteUnlinksSpeakersAndKeepsEveryTranscriptWhole) {
  Fixture f;
  f.addFocusGroup();
  const std::int64_t group = f.sourceId("group.txt");
  const std::string text = f.project.sourceText(group);
  const auto turns = f.project.turns(group);
  const auto history = f.project.history().size();
  const Participant gone = f.people.remove("19");
  EXPECT_EQ(gone.code, "19");
  EXPECT_EQ(gone.role, "director");
  EXPECT_EQ(f.project.history().size(), history + 1);
  EXPECT_EQ(f.project.history(1)[0].label, "delete participant 19");
  EXPECT_THROW(f.people.get("19"), NotFound);
  EXPECT_EQ(f.people.list().size(), 2u);
  EXPECT_EQ(f.project.sourceText(group), text);
  const auto after = f.project.turns(group);
  ASSERT_EQ(after.size(), turns.size());
  for (std::size_t i = 0; i < turns.size(); ++i) {
    EXPECT_EQ(after[i].speaker, turns[i].speaker);
    EXPECT_EQ(after[i].start, turns[i].start);
    EXPECT_EQ(after[i].end, turns[i].end);
    EXPECT_EQ(after[i].interviewer, turns[i].interviewer);
  }
  EXPECT_EQ(after[1].participant, "");
  EXPECT_EQ(after[2].participant, "2");
  // The group's interviewee is now the next one who speaks; Dana's interviews have none.
  EXPECT_EQ(f.mainParticipant("group.txt"), "2");
  EXPECT_EQ(f.mainParticipant("one.txt"), "-");
  EXPECT_EQ(test::sqlValue(f.project.file(), "SELECT count(*) FROM participant_attributes WHERE "
                                             "participant_id = " + std::to_string(gone.id)),
            "0");
  // The case stays: it may hold attributes, sources and other participants of its own.
  EXPECT_EQ(test::sqlValue(f.project.file(), "SELECT count(*) FROM cases WHERE name = 'alliance 2'"),
            "1");
  const auto log = f.project.auditLog(1);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "delete-participant");
  EXPECT_EQ(log[0].entityGuid, gone.guid);
  EXPECT_NE(log[0].detail.find("\"code\":\"19\""), std::string::npos) << log[0].detail;
  EXPECT_NE(log[0].detail.find("\"region\":\"north\""), std::string::npos) << log[0].detail;
}

TEST(Participants, DeleteUndoAndRedoRestoreEveryLinkExactly) {
  Fixture f;
  f.addFocusGroup();
  const std::string before = f.links();
  f.people.remove("19");
  const std::string deleted = f.links();
  EXPECT_NE(deleted, before);
  ASSERT_TRUE(f.project.undo());
  EXPECT_EQ(f.links(), before);
  EXPECT_EQ(f.people.get("19").speakers, "Dana");
  EXPECT_EQ(f.people.get("19").sources, 3);
  ASSERT_TRUE(f.project.redo());
  EXPECT_EQ(f.links(), deleted);
  ASSERT_TRUE(f.project.undo());
  EXPECT_EQ(f.links(), before);
  EXPECT_EQ(test::sqlValue(f.project.file(), "SELECT count(*) FROM pragma_foreign_key_check"), "0");
}

}  // namespace
