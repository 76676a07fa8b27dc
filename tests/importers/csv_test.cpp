#include "../../importers/src/csv.h"

#include <gtest/gtest.h>

#include "cmoc/importers/importer.h"
#include "expect_error.h"
#include "test_support.h"

using namespace cmoc;
using namespace cmoc::importers;
using test::inputErrorOf;

TEST(CsvParse, ReadsQuotedFieldsDoubledQuotesEmbeddedNewlinesAndCrLf) {
  const auto rows = parseCsv(
      "\xEF\xBB\xBF"
      "a,\"b, \"\"c\"\"\",d\r\n\r\n\"multi\nline\",x,\n",
      "s.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"a", "b, \"c\"", "d"}));
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"multi\nline", "x", ""}));
  EXPECT_EQ(rows[1].line, 3);
}

TEST(CsvParse, ErrorsNameTheLine) {
  const struct {
    const char* csv;
    const char* expected;
  } cases[] = {
      {"a,b\nc,\"open\n\nstill open", "s.csv: line 2: unterminated quoted field"},
      {"a,b\nc,d\ne,f\"g\n", "s.csv: line 3: stray quote inside a field"},
      {"a,b\n\"c\"x,d\n", "s.csv: line 2: text after a closing quote"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.csv);
    EXPECT_EQ(inputErrorOf([&] { parseCsv(c.csv, "s.csv"); }), c.expected);
  }
}

TEST(CsvTable, LooksUpColumnsByTrimmedCaseInsensitiveName) {
  const CsvTable table(" Participant ,SPEAKER\n19, Gwen \n", "s.csv");
  EXPECT_EQ(table.column("participant"), 0);
  EXPECT_EQ(table.column("Speaker"), 1);
  EXPECT_EQ(table.column("file"), -1);
  EXPECT_EQ(table.cell(table.rows()[0], 1), "Gwen");
  EXPECT_EQ(table.cell(table.rows()[0], 5), "");
}

TEST(CsvTable, RefusesARowWiderThanTheHeaderNamingItsLine) {
  EXPECT_EQ(inputErrorOf([] { CsvTable("a,b\n1,2\n1,2,3\n", "s.csv"); }),
            "s.csv: line 3: 3 fields, but the header has 2");
  EXPECT_EQ(inputErrorOf([] { CsvTable("\n\n", "s.csv"); }), "s.csv: line 1: no header row");
}

namespace {
std::string participantsError(const std::string& csv) {
  test::TempDir dir;
  test::writeFile(dir / "people.csv", csv);
  return inputErrorOf([&] { loadParticipants(dir / "people.csv"); });
}
}  // namespace

TEST(ParticipantsSheet, ReadsSpeakersRolesAndAttributes) {
  test::TempDir dir;
  test::writeFile(dir / "people.csv",
                  "file,participant,speaker,role,case\n"
                  ",INT1,Interviewer,interviewer,\n"
                  "a.txt,19,Zoë Adebayo-Müller,nurse,alliance 1\n");
  const ParticipantSheet sheet = loadParticipants(dir / "people.csv");
  EXPECT_EQ(sheet.fileName, "people.csv");
  ASSERT_EQ(sheet.rows.size(), 2u);
  EXPECT_TRUE(sheet.rows[0].interviewer);
  EXPECT_EQ(sheet.rows[0].file, "");
  EXPECT_FALSE(sheet.rows[1].interviewer);
  EXPECT_EQ(sheet.rows[1].speaker, "Zoë Adebayo-Müller");
  EXPECT_EQ(sheet.rows[1].line, 3);
  EXPECT_EQ(sheet.rows[1].attributes, (std::vector<std::pair<std::string, std::string>>{
                                          {"role", "nurse"}, {"case", "alliance 1"}}));
}

TEST(ParticipantsSheet, AnInterviewerColumnMarksInterviewers) {
  test::TempDir dir;
  test::writeFile(dir / "people.csv", "participant,name,interviewer\nINT2,I,yes\n22,R,no\n");
  const ParticipantSheet sheet = loadParticipants(dir / "people.csv");
  EXPECT_TRUE(sheet.rows[0].interviewer);
  EXPECT_FALSE(sheet.rows[1].interviewer);
  EXPECT_EQ(sheet.rows[1].speaker, "R");
}

TEST(ParticipantsSheet, ErrorsNameTheLine) {
  const struct {
    const char* csv;
    const char* expected;
  } cases[] = {
      {"speaker,role\nGwen,director\n", "people.csv: line 1: no 'participant' column"},
      {"participant,role\n19,director\n", "people.csv: line 1: no 'speaker' or 'name' column"},
      {"participant,speaker\n19,Gwen\n,Dev\n", "people.csv: line 3: empty participant"},
      {"participant,speaker\n19,Gwen\n\n20,  \n", "people.csv: line 4: empty speaker"},
      {"participant,speaker\n19,Gwen,extra\n",
       "people.csv: line 2: 3 fields, but the header has 2"},
      {"participant,speaker\n19,\"Gwen\n", "people.csv: line 2: unterminated quoted field"},
      {"participant,speaker\n19,Gw\xE9n\n",
       "people.csv: byte 25: invalid UTF-8; if the file uses another encoding, name it with "
       "--encoding"},
      {"", "people.csv: file: empty file"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.csv);
    EXPECT_EQ(participantsError(c.csv), c.expected);
  }
}
