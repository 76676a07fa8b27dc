// `cmoc check` (issue 13): a whole project passes every check; each kind of damage, made behind
// the store's back, is found and named exactly; checking changes nothing.
#include <gtest/gtest.h>

#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/project.h"
#include "cmoc/project_check.h"
#include "sql_peek.h"
#include "test_support.h"
#include "transcript_builder.h"

using namespace cmoc;
using cmoc::test::TempDir;

namespace {

// A paper's three pages: "alpha beta " [0, 11), an empty page [11, 11), "gamma delta" [11, 22).
Transcript paper() {
  Transcript t{"p.pdf", "pdf", "alpha beta gamma delta", {{"", 0, 22}}, {}};
  t.pages = {{0, 11}, {11, 11}, {11, 22}};
  return t;
}

class ProjectCheck : public ::testing::Test {
 protected:
  TempDir dir;
  std::filesystem::path file = dir / "x.cmoc";
  std::int64_t codingId = 0;

  void SetUp() override {
    Project p = Project::create(file);
    p.setCoder("ana");
    // Accents make the turns' byte ranges differ from their code points.
    p.addTranscript(test::TranscriptBuilder("a.txt")
                        .turn("Interviewer", "Wie geht es Ihnen, Frau Müller?")
                        .turn("R", "Trust came from the café meetings, née nothing else.")
                        .build());
    p.addTranscript(paper());
    Codebook book(p);
    book.add({.name = "Trust", .kind = CodeKind::Mechanism});
    book.add({.name = "Meetings", .kind = CodeKind::Context});
    book.add({.name = "Collaboration", .kind = CodeKind::Outcome});
    Coding coding(p);
    codingId = coding.apply("a.txt", "Trust", 50, 55).id;
    const std::int64_t context = coding.apply("a.txt", "Meetings", 60, 65).id;
    Cmocs(p).add({.context = "Meetings",
                  .mechanism = "Trust",
                  .outcome = "Collaboration",
                  .evidence = {{Slot::Mechanism, codingId}, {Slot::Context, context}}});
  }

  CheckReport check() {
    const Project p = Project::open(file);
    return checkProject(p);
  }

  // The one problem the damage should cause.
  void expectOnly(const std::string& name, const std::string& detail,
                  CheckSeverity severity = CheckSeverity::Error) {
    const CheckReport r = check();
    std::string all;
    for (const CheckProblem& p : r.problems) all += p.check + ": " + p.detail + "\n";
    ASSERT_EQ(r.problems.size(), 1u) << all;
    EXPECT_EQ(r.problems[0].check, name);
    EXPECT_EQ(r.problems[0].detail, detail);
    EXPECT_EQ(r.problems[0].severity, severity);
  }
};

TEST_F(ProjectCheck, AWholeProjectPassesEveryCheckAndIsNotChanged) {
  const std::string before = test::sqlDump(file);
  const CheckReport r = check();
  EXPECT_TRUE(r.problems.empty()) << r.problems.front().check << ": " << r.problems.front().detail;
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(test::sqlDump(file), before);
  EXPECT_EQ(checkNames().size(), 11u);
}

TEST_F(ProjectCheck, ACodingPastTheTextsEnd) {
  const std::string length = test::sqlValue(file, "SELECT char_count FROM sources WHERE name = 'a.txt'");
  test::sqlExec(file, "UPDATE codings SET end = 999 WHERE id = " + std::to_string(codingId));
  expectOnly("coding-spans", "coding " + std::to_string(codingId) +
                                 " in a.txt spans [50, 999), past the text's end " + length);
}

TEST_F(ProjectCheck, ATurnInsideTheOneBeforeIt) {
  test::sqlExec(file, "UPDATE turns SET start = 20, start_byte = 20 WHERE seq = 2 AND source_id = "
                      "(SELECT id FROM sources WHERE name = 'a.txt')");
  const CheckReport r = check();
  ASSERT_GE(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].check, "turn-spans");
  EXPECT_EQ(r.problems[0].detail.substr(0, 46), "turn 2 of a.txt starts at 20, inside the turn ");
  EXPECT_FALSE(r.ok());
}

TEST_F(ProjectCheck, TurnBytesThatAreNotTheirCodePoints) {
  const std::string start = test::sqlValue(
      file, "SELECT start FROM turns t JOIN sources s ON s.id = t.source_id "
            "WHERE s.name = 'a.txt' AND seq = 2");
  const std::string end = test::sqlValue(
      file, "SELECT end FROM turns t JOIN sources s ON s.id = t.source_id "
            "WHERE s.name = 'a.txt' AND seq = 2");
  // "Müller?" before turn 2: its bytes start one past its code point.
  ASSERT_EQ(start, test::sqlValue(file, "SELECT start_byte - 1 FROM turns WHERE seq = 2 AND "
                                        "source_id = (SELECT id FROM sources WHERE name = 'a.txt')"));
  test::sqlExec(file, "UPDATE turns SET start_byte = start WHERE seq = 2");
  const std::string endByte = test::sqlValue(
      file, "SELECT end_byte FROM turns WHERE seq = 2 AND source_id = "
            "(SELECT id FROM sources WHERE name = 'a.txt')");
  const std::string startByte = std::to_string(std::stoll(start) + 1);
  expectOnly("turn-bytes", "turn 2 of a.txt records bytes [" + start + ", " + endByte +
                               ") for code points [" + start + ", " + end + "), which are [" +
                               startByte + ", " + endByte + ")");
}

TEST_F(ProjectCheck, APaperWhosePagesLeaveAGapOrStopShort) {
  test::sqlExec(file, "UPDATE pages SET start = 12 WHERE page = 3");
  expectOnly("page-spans", "page 3 of p.pdf starts at 12, not at 11 where the page before it ends");
  test::sqlExec(file, "UPDATE pages SET start = 11, end = 21 WHERE page = 3");
  expectOnly("page-spans", "page 3 of p.pdf ends at 21, not at the text's end 22");
}

TEST_F(ProjectCheck, ASourceWhoseRecordedLengthIsNotItsTexts) {
  test::sqlExec(file, "UPDATE sources SET char_count = 23 WHERE name = 'p.pdf'");
  const CheckReport r = check();
  ASSERT_FALSE(r.problems.empty());
  EXPECT_EQ(r.problems[0].check, "source-text");
  EXPECT_EQ(r.problems[0].detail.substr(r.problems[0].detail.find(' ', 7)),
            " (p.pdf) records 23 code points but its text has 22");
}

TEST_F(ProjectCheck, TextChangedBehindTheSearchIndex) {
  // Same length, so only the index no longer matches the text.
  test::sqlExec(file, "UPDATE source_text SET text = replace(text, 'gamma', 'omega')");
  const CheckReport r = check();
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].check, "search-index");
  EXPECT_EQ(r.problems[0].detail.rfind("the search index does not match the text: ", 0), 0u)
      << r.problems[0].detail;
}

TEST_F(ProjectCheck, ARowPointingAtAMissingRow) {
  test::sqlExec(file, "UPDATE codings SET code_id = 999 WHERE id = " + std::to_string(codingId));
  expectOnly("foreign-keys",
             "codings row " + std::to_string(codingId) + " points at a missing row of codes");
}

TEST_F(ProjectCheck, EvidenceOfAnotherRealistKindIsAWarning) {
  {
    Project p = Project::open(file);
    p.setCoder("ana");
    Cmocs(p).addEvidence(1, Slot::Outcome, codingId);
  }
  expectOnly("evidence-kinds",
             "CMOC 1: coding " + std::to_string(codingId) +
                 " supports its outcome but is coded Trust, a mechanism code",
             CheckSeverity::Warning);
  EXPECT_TRUE(check().ok());
}

TEST_F(ProjectCheck, AGuidHeldByTwoRows) {
  const std::string guid = test::sqlValue(file, "SELECT guid FROM sources WHERE name = 'a.txt'");
  test::sqlExec(file, "UPDATE codes SET guid = '" + guid + "' WHERE name = 'Trust'");
  expectOnly("guids", "GUID " + guid + " is held by 2 rows (codes, sources)");
}

TEST_F(ProjectCheck, AnUnreadableUndoEntryAndAReplayLeftRunning) {
  const std::string last = test::sqlValue(file, "SELECT max(id) FROM history");
  test::sqlExec(file, "UPDATE history SET changeset = x'12ff0000' WHERE id = " + last);
  expectOnly("history", "history entry " + last +
                            " cannot be read back, so it cannot be undone or redone");
  test::sqlExec(file, "UPDATE history SET changeset = x'' WHERE id = " + last +
                          "; INSERT INTO history_replay VALUES (1)");
  expectOnly("history", "an undo or redo was left marked as running");
}

}  // namespace
