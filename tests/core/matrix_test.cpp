// codeAttributeMatrix: codings and distinct sources per code per attribute value, on a
// hand-built project whose counts are known.
#include "cmoc/matrix.h"

#include <gtest/gtest.h>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "test_support.h"
#include "transcript_builder.h"

using namespace cmoc;
using cmoc::test::TempDir;

namespace {

// Two turns: the interviewer's question, then the interviewee's answer.
Transcript interview(const std::string& name, const std::string& who) {
  return test::interview(name, {{"I", "Why?"}, {who, "Because of the alliance and its history."}});
}

// (codings, sources) of a cell, comparable and printable in expectations.
using Counts = std::pair<std::int64_t, std::int64_t>;
Counts of(const MatrixCell& c) { return {c.codings, c.sources}; }

ParticipantRow row(const std::string& file, const std::string& code, const std::string& speaker,
                   std::vector<std::pair<std::string, std::string>> attributes) {
  return {file, code, speaker, false, std::move(attributes), 0};
}

// Sources: d1 (director, alliance A), d2 (director, alliance B), c1 (ceo, hospital group),
// x (no participants at all).
class MatrixTest : public ::testing::Test {
 protected:
  TempDir dir;
  Project project = Project::create(dir / "m.cmoc");
  Coding coding{project};

  void SetUp() override {
    project.setCoder("ana");
    ParticipantSheet sheet;
    sheet.rows = {
        {"", "INT", "I", true, {{"role", "interviewer"}}, 0},
        row("d1.txt", "1", "Ann",
            {{"role", "director"}, {"case", "A"}, {"case_type", "alliance"}, {"phase", "2"}}),
        row("d2.txt", "2", "Bo",
            {{"role", "director"}, {"case", "B"}, {"case_type", "alliance"}, {"phase", "10"}}),
        row("c1.txt", "3", "Cy",
            {{"role", "ceo"}, {"case", "G"}, {"case_type", "hospital group"}, {"phase", "2"}})};
    for (auto [file, who] :
         {std::pair{"d1.txt", "Ann"}, {"d2.txt", "Bo"}, {"c1.txt", "Cy"}, {"x.txt", "Xi"}})
      project.addTranscript(interview(file, who), &sheet);
    Codebook book(project);
    book.add({.name = "Mechanisms"});
    book.add({.name = "Trust", .parent = "Mechanisms", .kind = CodeKind::Mechanism});
    book.add({.name = "Faith", .parent = "Mechanisms", .kind = CodeKind::Mechanism});
    book.add({.name = "Initial trust", .parent = "Mechanisms/Trust", .kind = CodeKind::Mechanism});
    book.add({.name = "Savings", .kind = CodeKind::Outcome});
    // Answers start after "Name: "; 20..30 lies inside every answer.
    coding.applyToTurn("d1.txt", 2, "Trust");
    coding.apply("d1.txt", "Trust", 20, 30);
    coding.applyToTurn("d2.txt", 2, "Trust");
    coding.applyToTurn("c1.txt", 2, "Trust");
    coding.applyToTurn("d1.txt", 2, "Initial trust");
    coding.applyToTurn("d2.txt", 1, "Faith");  // the interviewer's question
    coding.applyToTurn("x.txt", 2, "Faith");   // nobody known
    project.setCoder("ben");
    coding.applyToTurn("c1.txt", 2, "Savings");
  }

  static Counts cell(const CodeMatrix& m, const std::string& code, const std::string& column) {
    for (const MatrixRow& r : m.rows) {
      if (r.codePath != code) continue;
      for (std::size_t i = 0; i < m.columns.size(); ++i)
        if (m.columns[i] == column) return of(r.cells[i]);
    }
    ADD_FAILURE() << "no cell " << code << " x " << column;
    return {};
  }
};

}  // namespace

TEST_F(MatrixTest, CountsCodingsAndDistinctSourcesPerCaseType) {
  const CodeMatrix m = codeAttributeMatrix(project, {.attribute = "case_type"});
  EXPECT_EQ(m.columns, (std::vector<std::string>{"alliance", "hospital group", "(none)"}));
  std::vector<std::string> rows;
  for (const MatrixRow& r : m.rows) rows.push_back(r.codePath);
  EXPECT_EQ(rows, (std::vector<std::string>{"Mechanisms", "Mechanisms/Trust",
                                            "Mechanisms/Trust/Initial trust", "Mechanisms/Faith",
                                            "Savings"}));
  EXPECT_EQ(cell(m, "Mechanisms/Trust", "alliance"), (Counts{3, 2}));
  EXPECT_EQ(cell(m, "Mechanisms/Trust", "hospital group"), (Counts{1, 1}));
  EXPECT_EQ(cell(m, "Mechanisms/Trust", "(none)"), (Counts{0, 0}));
  EXPECT_EQ(of(m.rows[1].total), (Counts{4, 3}));
  // The interviewer has no case type, and x.txt has no participant: both go to (none).
  EXPECT_EQ(cell(m, "Mechanisms/Faith", "(none)"), (Counts{2, 2}));
  EXPECT_EQ(cell(m, "Mechanisms", "alliance"), (Counts{0, 0}));
}

TEST_F(MatrixTest, ColumnsOfAnyParticipantAttributeAndOfCases) {
  const CodeMatrix roles = codeAttributeMatrix(project, {.attribute = "role", .codes = {"Trust"}});
  EXPECT_EQ(roles.columns, (std::vector<std::string>{"ceo", "director"}));
  ASSERT_EQ(roles.rows.size(), 1u);
  EXPECT_EQ(cell(roles, "Mechanisms/Trust", "director"), (Counts{3, 2}));
  const CodeMatrix cases = codeAttributeMatrix(project, {.attribute = "case", .codes = {"Trust"}});
  EXPECT_EQ(cases.columns, (std::vector<std::string>{"A", "B", "G"}));
  EXPECT_EQ(cell(cases, "Mechanisms/Trust", "A"), (Counts{2, 1}));
  const CodeMatrix people =
      codeAttributeMatrix(project, {.attribute = "participant", .codes = {"Faith"}});
  EXPECT_EQ(people.columns, (std::vector<std::string>{"1", "2", "3", "INT", "(none)"}));
  EXPECT_EQ(cell(people, "Mechanisms/Faith", "INT"), (Counts{1, 1}));
}

TEST_F(MatrixTest, NumericValuesSortAsNumbers) {
  const CodeMatrix m = codeAttributeMatrix(project, {.attribute = "phase", .codes = {"Trust"}});
  EXPECT_EQ(m.columns, (std::vector<std::string>{"2", "10"}));
  EXPECT_EQ(cell(m, "Mechanisms/Trust", "2"), (Counts{3, 2}));
}

TEST_F(MatrixTest, RowsCanBeAParentsChildrenWithTheirDescendants) {
  CodeMatrix m = codeAttributeMatrix(project, {.attribute = "case_type", .parent = "Mechanisms"});
  ASSERT_EQ(m.rows.size(), 2u);
  EXPECT_EQ(m.rows[0].codePath, "Mechanisms/Trust");
  EXPECT_EQ(m.rows[1].codePath, "Mechanisms/Faith");
  EXPECT_EQ(cell(m, "Mechanisms/Trust", "alliance"), (Counts{3, 2}));
  m = codeAttributeMatrix(
      project, {.attribute = "case_type", .parent = "Mechanisms", .withChildCodes = true});
  EXPECT_EQ(cell(m, "Mechanisms/Trust", "alliance"), (Counts{4, 2}));
  EXPECT_EQ(of(m.rows[0].total), (Counts{5, 3}));
}

TEST_F(MatrixTest, CodersFilterTheCodings) {
  const CodeMatrix m = codeAttributeMatrix(
      project, {.attribute = "case_type", .codes = {"Savings", "Trust"}, .coders = {"ben"}});
  EXPECT_EQ(cell(m, "Savings", "hospital group"), (Counts{1, 1}));
  EXPECT_EQ(of(m.rows[1].total), (Counts{0, 0}));
}

TEST_F(MatrixTest, AttributeValuesAreWhatParticipantsHoldInColumnOrder) {
  EXPECT_EQ(attributeValues(project, "phase"), (std::vector<std::string>{"2", "10"}));
  EXPECT_EQ(attributeValues(project, "case"), (std::vector<std::string>{"A", "B", "G"}));
  // The interviewer's role counts too: a filter may want the interviewers' sources.
  EXPECT_EQ(attributeValues(project, "role"), (std::vector<std::string>{"ceo", "director", "interviewer"}));
  try {
    attributeValues(project, "rol");
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(),
                 "no participant or case has an attribute 'rol' (known: case, case_type, "
                 "participant, phase, role)");
  }
}

TEST_F(MatrixTest, MisuseIsAClearError) {
  try {
    codeAttributeMatrix(project, {.attribute = "rol"});
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(),
                 "no participant or case has an attribute 'rol' (known: case, case_type, "
                 "participant, phase, role)");
  }
  EXPECT_THROW(codeAttributeMatrix(project, {.attribute = "role", .codes = {"Nope"}}), NotFound);
  EXPECT_THROW(codeAttributeMatrix(
                   project, {.attribute = "role", .codes = {"Trust"}, .parent = "Mechanisms"}),
               UsageError);
  EXPECT_THROW(codeAttributeMatrix(project, {.attribute = ""}), UsageError);
}

TEST(Matrix, AnEmptyProjectHasNoRows) {
  TempDir dir;
  Project project = Project::create(dir / "e.cmoc");
  const CodeMatrix m = codeAttributeMatrix(project, {.attribute = "case"});
  EXPECT_TRUE(m.rows.empty());
  EXPECT_TRUE(m.columns.empty());
}
