// Issue 21's rule, run as a user runs cmoc: a command that is refused, reads only, or has
// nothing to do leaves the project as it was, as `sqlite3 P .dump` sees it. New coder names
// are the point: a coder joins the project only with their first change that succeeds.
#include <gtest/gtest.h>

#include "sql_peek.h"
#include "test_support.h"
#include "transcript_builder.h"

using cmoc::test::runCli;
using cmoc::test::sqlDump;
using cmoc::test::TempDir;
using cmoc::test::writeFile;

namespace {

struct NoWriteCase {
  std::string name;
  std::vector<std::string> args;  // "P" is the project, "D/" a file in its folder
  int exitCode;
  std::string err;  // exact, with "D/" for the folder
  std::string out;  // exact, unless empty and ignoreOut
  bool ignoreOut = false;
};

void PrintTo(const NoWriteCase& c, std::ostream* os) { *os << c.name; }

std::vector<NoWriteCase> cases() {
  const std::string span = "cmoc coding: span ";
  // One case to a few lines reads better than one field to a line.
  // clang-format off
  return {
      {"UnknownCode", {"coding", "apply", "P", "i.txt", "0", "5", "Nope", "--coder", "new"}, 1,
       "cmoc coding: no code named 'Nope'\n", ""},
      {"SpanOutOfRange", {"coding", "apply", "P", "i.txt", "0", "999", "Trust", "--coder", "new"},
       1, span + "[0, 999) lies outside i.txt (0 to 90)\n", ""},
      {"InvertedSpan", {"coding", "apply", "P", "i.txt", "5", "2", "Trust", "--coder", "new"}, 1,
       span + "[5, 2) is inverted: its end is before its start\n", ""},
      {"EmptySpan", {"coding", "apply", "P", "i.txt", "5", "5", "Trust", "--coder", "new"}, 1,
       span + "[5, 5) is empty\n", ""},
      {"UnknownSource", {"coding", "apply", "P", "nope.txt", "0", "5", "Trust", "--coder", "new"},
       1, "cmoc coding: no source named 'nope.txt'\n", ""},
      {"UnknownTurn", {"coding", "turn", "P", "i.txt", "9", "Trust", "--coder", "new"}, 1,
       "cmoc coding: source 'i.txt' has no turn 9\n", ""},
      {"UnknownCoding", {"coding", "remove", "P", "99", "--coder", "new"}, 1,
       "cmoc coding: no coding with id 99\n", ""},
      {"MoveOutOfRange", {"coding", "move", "P", "1", "0", "999", "--coder", "new"}, 1,
       span + "[0, 999) lies outside i.txt (0 to 90)\n", ""},
      {"ImportCodingsUnknownCode", {"import-codings", "P", "D/unknown-code.csv", "--coder", "new"},
       1,
       "cmoc import-codings: unknown-code.csv: line 2: no code named 'Nope' (--create-codes "
       "creates unknown codes)\n",
       ""},
      {"ImportCodingsBadNumber", {"import-codings", "P", "D/bad-start.csv", "--coder", "new"}, 1,
       "cmoc import-codings: bad-start.csv: line 2: start 'x' is not a whole number\n", ""},
      {"ImportQdaNotRefi", {"import-qda", "P", "D/i.txt", "--coder", "new"}, 1,
       "cmoc import-qda: D/i.txt: not a REFI-QDA file (.qdpx, .qdc or .qde)\n", ""},
      {"ImportQdaBrokenZip", {"import-qda", "P", "D/broken.qdpx", "--coder", "new"}, 1,
       "cmoc import-qda: broken.qdpx: file: not a valid zip archive (no zip directory: not a zip "
       "file, or truncated)\n",
       ""},
      {"ImportQdaUnknownUser", {"import-qda", "P", "D/unknown-user.qde", "--coder", "new"}, 1,
       "cmoc import-qda: unknown-user.qde: line 1:518 "
       "/Project/Sources/TextSource[1]/PlainTextSelection[1]/Coding[1] @creatingUser: refers to "
       "unknown user 5d3a6c1e-2222-4a2b-9c3d-000000000099\n",
       ""},
      {"ImportBrokenTranscript", {"import", "P", "D/broken.vtt", "--coder", "new"}, 1,
       "cmoc import: broken.vtt: line 1: missing the 'WEBVTT' header line\n",
       "Imported 0, skipped 0, failed 1\n"},
      {"CmocWithUnknownCode",
       {"cmoc", "add", "P", "--context", "Nope", "--mechanism", "Trust", "--outcome", "Trust",
        "--coder", "new"},
       1, "cmoc cmoc: no code named 'Nope'\n", ""},
      {"UndoWithNothingToUndo", {"undo", "P", "--coder", "new"}, 0, "",
       "Nothing to undo for coder new\n"},
      {"RedoWithNothingToRedo", {"redo", "P", "--coder", "ana"}, 0, "",
       "Nothing to redo for coder ana\n"},
      {"LogForANewCoder", {"log", "P", "--coder", "new"}, 0, "", "", true},
      {"CodingListForANewCoder", {"coding", "list", "P", "--coder", "new", "--format", "csv"}, 0,
       "", "id,guid,source_id,source,start,end,code_id,code,coder,memo,created,modified\n"},
      {"ExcerptsForANewCoder", {"excerpts", "P", "--coder", "new", "--format", "csv"}, 0, "", "",
       true},
  };
  // clang-format on
}

class RefusedWrites : public testing::TestWithParam<NoWriteCase> {
 protected:
  TempDir dir;
  std::string p = (dir / "s.cmoc").string();

  void SetUp() override {
    writeFile(dir / "i.txt",
              cmoc::test::interviewText({{"Interviewer", "How did the alliance start?"},
                                         {"Zoe", "Over coffee in the cafe. Trust came later."}}));
    writeFile(dir / "unknown-code.csv", "source,start,end,code,coder,memo\ni.txt,0,3,Nope,,\n");
    writeFile(dir / "bad-start.csv", "source,start,end,code,coder,memo\ni.txt,x,3,Trust,,\n");
    writeFile(dir / "broken.qdpx", "PK not really a zip");
    // Fails while being applied, after its user zed and code Fresh were taken in.
    const std::string g = "5d3a6c1e-2222-4a2b-9c3d-0000000000";
    writeFile(dir / "unknown-user.qde",
              "<?xml version=\"1.0\" encoding=\"utf-8\"?><Project "
              "xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><Users><User guid=\"" +
                  g + "01\" name=\"zed\"/></Users><CodeBook><Codes><Code guid=\"" + g +
                  "0a\" name=\"Fresh\" isCodable=\"true\"/></Codes></CodeBook><Sources><TextSource "
                  "guid=\"" +
                  g +
                  "0b\" name=\"fresh.txt\"><PlainTextContent>Hello there "
                  "world</PlainTextContent><PlainTextSelection guid=\"" +
                  g + "0c\" startPosition=\"0\" endPosition=\"5\"><Coding guid=\"" + g +
                  "0d\" creatingUser=\"" + g + "99\"><CodeRef targetGUID=\"" + g +
                  "0a\"/></Coding></PlainTextSelection></TextSource></Sources></Project>");
    writeFile(dir / "broken.vtt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n");
    for (const std::vector<std::string>& a :
         {std::vector<std::string>{"init", p},
          {"import", p, (dir / "i.txt").string()},
          {"code", "add", p, "Trust", "--kind", "mechanism", "--coder", "ana"},
          {"coding", "apply", p, "i.txt", "0", "5", "Trust", "--coder", "ana"}}) {
      const auto r = runCli(a);
      ASSERT_EQ(r.exitCode, 0) << a[0] << ": " << r.err;
    }
  }
};

TEST_P(RefusedWrites, LeaveTheProjectAsItWas) {
  const NoWriteCase& c = GetParam();
  const std::vector<std::string> args = cmoc::test::placeArgs(c.args, p, dir.path());
  const std::string before = sqlDump(p);
  ASSERT_NE(before.find("coders|"), std::string::npos) << "the dump shows the coders rows";
  const auto r = runCli(args);
  EXPECT_EQ(r.exitCode, c.exitCode);
  std::string err = c.err;
  if (const auto at = err.find("D/"); at != std::string::npos)
    err.replace(at, 2, (dir / "").string());
  EXPECT_EQ(r.err, err);
  if (!c.ignoreOut) {
    EXPECT_EQ(r.out, c.out);
  }
  EXPECT_EQ(sqlDump(p), before);
}

INSTANTIATE_TEST_SUITE_P(Cli, RefusedWrites, testing::ValuesIn(cases()),
                         [](const auto& param) { return param.param.name; });

// The first change that succeeds is what brings a new coder in, and undoing it takes them out.
TEST_F(RefusedWrites, ACoderJoinsWithTheirFirstChangeAndLeavesWithItsUndo) {
  auto coderRows = [&] {
    std::string rows;
    for (std::size_t at = 0; (at = sqlDump(p).find("\ncoders|", at)) != std::string::npos; ++at)
      rows += sqlDump(p).substr(at + 1, sqlDump(p).find('\n', at + 1) - at);
    return rows;
  };
  const std::string before = coderRows();
  EXPECT_EQ(before.find("'new'"), std::string::npos);
  auto r = runCli({"coding", "apply", p, "i.txt", "6", "10", "Trust", "--coder", "new"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(coderRows().find("'new'"), std::string::npos);
  r = runCli({"undo", p, "--coder", "new"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(coderRows(), before);
}

}  // namespace
