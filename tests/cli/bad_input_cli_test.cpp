// Issue 21's hostile trial, run as a user runs cmoc: each bad input gets its one-line error
// (exact, here) and leaves the project as it was, as `sqlite3 P .dump` sees it. The acting coder
// is the default one, new to the project, so a write that slipped through would show.
#include <gtest/gtest.h>

#include <filesystem>

#include "sql_peek.h"
#include "test_support.h"
#include "transcript_builder.h"

using cmoc::test::readFile;
using cmoc::test::runCli;
using cmoc::test::sqlDump;
using cmoc::test::sqlExec;
using cmoc::test::TempDir;
using cmoc::test::writeFile;

namespace {

struct BadInputCase {
  std::string name;
  std::vector<std::string> args;  // "P" is the project, "D/" a file in its folder
  std::string err;                // exact; the exit code is 1
};

void PrintTo(const BadInputCase& c, std::ostream* os) { *os << c.name; }

const std::string k20Digits = "12345678901234567890";
const std::string k19Digits = "1234567890123456789";

std::vector<BadInputCase> cases() {
  const std::string noSource20 = "no source named '" + k20Digits + "'\n";
  const std::string noSource19 = "no source named '" + k19Digits + "'\n";
  // clang-format off
  return {
      // Finding 8: numbers. A source named by a number too big to be an id is a name.
      {"ShowTwentyDigitSource", {"show", "P", k20Digits}, "cmoc show: " + noSource20},
      {"ShowNineteenDigitSource", {"show", "P", k19Digits},
       "cmoc show: no source named '" + k19Digits + "'\n"},
      {"CodingApplyTwentyDigitSource", {"coding", "apply", "P", k20Digits, "0", "3", "Trust"},
       "cmoc coding: " + noSource20},
      {"CodingListTwentyDigitSource", {"coding", "list", "P", "--source", k20Digits},
       "cmoc coding: " + noSource20},
      {"ExcerptsTwentyDigitSource", {"excerpts", "P", "--source", k20Digits},
       "cmoc excerpts: " + noSource20},
      {"EditTextTwentyDigitSource", {"edit-text", "P", k20Digits, "0", "1", "x"},
       "cmoc edit-text: " + noSource20},
      {"AutocodeTwentyDigitSource",
       {"autocode", "P", "--code", "Trust", "--word", "trust", "--source", k20Digits},
       "cmoc autocode: " + noSource20},
      // A 19-digit source fits an int64 but is no source's id: a name no source has, not an
      // internal error, wherever a source is named by id or name.
      {"EditTextNineteenDigitSource", {"edit-text", "P", k19Digits, "0", "1", "x"},
       "cmoc edit-text: " + noSource19},
      {"AutocodeNineteenDigitSource",
       {"autocode", "P", "--code", "Trust", "--word", "trust", "--source", k19Digits},
       "cmoc autocode: " + noSource19},
      {"AutocodeReviewNineteenDigitSource",
       {"autocode-review", "P", "--reject", "--source", k19Digits},
       "cmoc autocode-review: " + noSource19},
      {"CodingListNineteenDigitSource", {"coding", "list", "P", "--source", k19Digits},
       "cmoc coding: " + noSource19},
      {"ImportCodingsTwentyDigitSource", {"import-codings", "P", "D/big-source.csv"},
       "cmoc import-codings: big-source.csv: line 2: " + noSource20.substr(0, noSource20.size() - 1) + "\n"},
      {"CodingApplyTwentyDigitEnd", {"coding", "apply", "P", "i.txt", "0", k20Digits, "Trust"},
       "cmoc coding: END needs a whole number from 0 to 268435456, not '" + k20Digits + "'\n"},
      {"CodingTurnTwentyDigitTurn", {"coding", "turn", "P", "i.txt", k20Digits, "Trust"},
       "cmoc coding: TURN needs a whole number from 0 up, not '" + k20Digits + "'\n"},
      {"CodingRemoveZero", {"coding", "remove", "P", "0"},
       "cmoc coding: CODING_ID needs a whole number from 1 up, not '0'\n"},
      {"CodingMovePlusSign", {"coding", "move", "P", "1", "+2", "4"},
       "cmoc coding: START needs a whole number from 0 to 268435456, not '+2'\n"},
      {"EditTextTwentyDigitStart", {"edit-text", "P", "i.txt", k20Digits, "1", "x"},
       "cmoc edit-text: START needs a whole number from 0 to 268435456, not '" + k20Digits + "'\n"},
      {"ExcerptsContextTooWide", {"excerpts", "P", "--context", "10001"},
       "cmoc excerpts: --context needs a whole number from 0 to 10000, not '10001'\n"},
      {"LogLimitTwentyDigits", {"log", "P", "--limit", k20Digits},
       "cmoc log: --limit needs a whole number from 1 to 1000000, not '" + k20Digits + "'\n"},
      {"LogLimitMinusOne", {"log", "P", "--limit=-1"},
       "cmoc log: --limit needs a whole number from 1 to 1000000, not '-1'\n"},
      {"LogLimitZero", {"log", "P", "--limit", "0"},
       "cmoc log: --limit needs a whole number from 1 to 1000000, not '0'\n"},
      {"SearchLimitTwentyDigits", {"search", "P", "trust", "--limit", k20Digits},
       "cmoc search: --limit needs a whole number from 1 to 1000000, not '" + k20Digits + "'\n"},
      {"DemiThresholdTwentyDigits", {"demi", "P", "--threshold", k20Digits},
       "cmoc demi: --threshold needs a whole number from 1 to 1000000, not '" + k20Digits + "'\n"},
      {"CmocEvidenceTwentyDigitCoding",
       {"cmoc", "add", "P", "--context", "Trust", "--mechanism", "Trust", "--outcome", "Trust",
        "--evidence", "context:" + k20Digits},
       "cmoc cmoc: 'context:" + k20Digits + "' is not SLOT:CODING_ID (e.g. context:12)\n"},
      // Finding 8: a command with a fixed number of positionals refuses more.
      {"UndoWithExtraArguments", {"undo", "P", "5", "extra"}, "cmoc undo: undo takes only the project file\n"},
      {"RedoWithExtraArguments", {"redo", "P", "5"}, "cmoc redo: redo takes only the project file\n"},
      {"LogWithExtraArguments", {"log", "P", "5"}, "cmoc log: log takes only the project file\n"},
      {"SourcesWithExtraArguments", {"sources", "P", "i.txt"},
       "cmoc sources: sources takes only the project file\n"},
      {"ParticipantListWithExtraArguments", {"participant", "list", "P", "19"},
       "cmoc participant: participant list takes only the project file\n"},
      // Finding 9: FTS5's own parser would overflow.
      {"SearchWithFiveThousandNestedParentheses",
       {"search", "P", std::string(5000, '(') + "trust" + std::string(5000, ')')},
       "cmoc search: bad search query: the search has more than 20 nested parentheses (the one at "
       "character 21 is too many)\n"},
      // Finding 11: codebook parents that loop.
      {"CodebookCodeIsItsOwnParent", {"code", "import", "P", "D/own-parent.csv"},
       "cmoc code: own-parent.csv: line 2, column 2: code 'Loop' is its own parent\n"},
      {"CodebookParentCycle", {"code", "import", "P", "D/cycle.csv"},
       "cmoc code: cycle.csv: line 3, column 2: parent cycle A -> B -> A\n"},
      // Finding 12: participant sheets.
      {"ParticipantCodeForTwoPeople", {"import", "P", "--participants", "D/two-people.csv"},
       "cmoc import: two-people.csv: line 3: participant '19' has role 'nurse' here but "
       "'director' on line 2\n"},
      {"ParticipantColumnWithoutAName", {"import", "P", "--participants", "D/unnamed.csv"},
       "cmoc import: unnamed.csv: line 1: column 4 has no name\n"},
      // Finding 15: advice that names an option the command takes, and errors in the file's terms.
      {"CmocImportWrongKindAdvisesForce", {"cmoc", "import", "P", "D/wrong-kind.csv"},
       "cmoc cmoc: wrong-kind.csv: line 2: 'Trust' is a mechanism code, not a context code (use "
       "--force to allow)\n"},
      {"CmocImportRowFeedsItself", {"cmoc", "import", "P", "D/feeds-itself.csv"},
       "cmoc cmoc: feeds-itself.csv: line 2: key 'k1' feeds itself: a CMOC cannot chain to "
       "itself\n"},
      {"ImportCodingsLatin1AdvisesEncoding", {"import-codings", "P", "D/latin1.csv"},
       "cmoc import-codings: latin1.csv: byte 53: invalid UTF-8; if the file uses another "
       "encoding, name it with --encoding\n"},
      {"CmocImportLatin1AdvisesEncoding", {"cmoc", "import", "P", "D/latin1-cmocs.csv"},
       "cmoc cmoc: latin1-cmocs.csv: byte 83: invalid UTF-8; if the file uses another encoding, "
       "name it with --encoding\n"},
  };
  // clang-format on
}

class BadInput : public testing::TestWithParam<BadInputCase> {
 protected:
  TempDir dir;
  std::string p = (dir / "s.cmoc").string();

  void SetUp() override {
    writeFile(dir / "i.txt",
              cmoc::test::interviewText({{"Interviewer", "How did the alliance start?"},
                                         {"Zoe", "Over coffee in the cafe. Trust came later."}}));
    writeFile(dir / "big-source.csv",
              "source,start,end,code,coder,memo\n" + k20Digits + ",0,3,Trust,,\n");
    writeFile(dir / "two-people.csv", "participant,speaker,role\n19,Zoe,director\n19,Ana,nurse\n");
    writeFile(dir / "unnamed.csv", "participant,speaker,role,\n19,Zoe,director,x\n");
    const std::string cmocHeader =
        "key,context,mechanism,outcome,status,prior,memo,evidence,feeds\n";
    writeFile(dir / "wrong-kind.csv", cmocHeader + "k1,Trust,Trust,Trust,,,,,\n");
    writeFile(dir / "feeds-itself.csv", cmocHeader + "k1,Any,Any,Any,,,,,k1\n");
    writeFile(dir / "latin1-cmocs.csv", cmocHeader + "k1,Any,Any,Any,,,caf\xe9,,\n");
    writeFile(dir / "latin1.csv", "source,start,end,code,coder,memo\ni.txt,0,3,Trust,,caf\xe9\n");
    writeFile(dir / "own-parent.csv", "name,parent\nLoop,Loop\n");
    writeFile(dir / "cycle.csv", "name,parent\nA,B\nB,A\n");
    for (const std::vector<std::string>& a :
         {std::vector<std::string>{"init", p},
          {"import", p, (dir / "i.txt").string()},
          {"code", "add", p, "Trust", "--kind", "mechanism", "--coder", "ana"},
          {"code", "add", p, "Any", "--coder", "ana"},
          {"coding", "apply", p, "i.txt", "0", "5", "Trust", "--coder", "ana"}}) {
      const auto r = runCli(a);
      ASSERT_EQ(r.exitCode, 0) << a[0] << ": " << r.err;
    }
  }
};

TEST_P(BadInput, IsRefusedWithItsErrorAndLeavesTheProjectAsItWas) {
  const BadInputCase& c = GetParam();
  const std::vector<std::string> args = cmoc::test::placeArgs(c.args, p, dir.path());
  const std::string before = sqlDump(p);
  const auto r = runCli(args);
  EXPECT_EQ(r.exitCode, 1);
  std::string err = c.err;
  if (const auto at = err.find("D/"); at != std::string::npos)
    err.replace(at, 2, (dir / "").string());
  EXPECT_EQ(r.err, err);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(sqlDump(p), before);
}

INSTANTIATE_TEST_SUITE_P(Cli, BadInput, testing::ValuesIn(cases()),
                         [](const auto& param) { return param.param.name; });

// Finding 12: rows that match no speaker are named, not counted as applied; the others apply.
TEST_F(BadInput, ParticipantRowsThatMatchNoSpeakerAreNamedAndNotCounted) {
  writeFile(dir / "nobody.csv", "participant,speaker,file\n7,Nobody,\n8,Zoe,other.txt\n");
  const std::string before = sqlDump(p);
  auto r = runCli({"import", p, "--participants", (dir / "nobody.csv").string()});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.err,
            "cmoc import: warning: nobody.csv: lines 2, 3 match no speaker of any source, so they "
            "were not applied\n");
  EXPECT_EQ(r.out, "Applied 0 participant rows to 1 sources\n");
  EXPECT_EQ(sqlDump(p), before);

  writeFile(dir / "some.csv", "participant,speaker\n7,Nobody\n19,Zoe\n");
  r = runCli({"import", p, "--participants", (dir / "some.csv").string()});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.err,
            "cmoc import: warning: some.csv: line 2 matches no speaker of any source, so it was "
            "not applied\n");
  EXPECT_EQ(r.out, "Applied 1 participant rows to 1 sources\n");
  EXPECT_NE(sqlDump(p), before);
}

// A sheet made for another project: the first twenty lines are named, the rest counted.
TEST_F(BadInput, AThousandUnmatchedParticipantRowsAreNamedTwentyAtATime) {
  std::string csv = "participant,speaker\n";
  for (int i = 0; i < 1000; ++i)
    csv += "P" + std::to_string(i) + ",Nobody " + std::to_string(i) + "\n";
  writeFile(dir / "other.csv", csv);
  const auto r = runCli({"import", p, "--participants", (dir / "other.csv").string()});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(
      r.err,
      "cmoc import: warning: other.csv: lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, "
      "16, 17, 18, 19, 20, 21 and 980 more match no speaker of any source, so they were not "
      "applied\n");
  EXPECT_EQ(r.out, "Applied 0 participant rows to 1 sources\n");
}

// Finding 15: the options the advice names do what it says.
TEST_F(BadInput, ForceAndEncodingDoWhatTheAdviceSays) {
  auto r = runCli({"cmoc", "import", p, (dir / "wrong-kind.csv").string(), "--force"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Imported wrong-kind.csv: 1 CMOC with 0 pieces of evidence and 0 chain links\n");
  r = runCli(
      {"cmoc", "import", p, (dir / "latin1-cmocs.csv").string(), "--encoding", "windows-1252"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  r = runCli({"import-codings", p, (dir / "latin1.csv").string(), "--encoding", "windows-1252"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  r = runCli({"coding", "list", p, "--format", "csv"});
  EXPECT_NE(r.out.find(",caf\xc3\xa9,"), std::string::npos) << r.out;
}

// Finding 17: a file that is refused keeps no -wal or -shm beside it, whatever the reason.
TEST(RefusedProjectFile, LeavesNoWalOrShmBesideIt) {
  TempDir dir;
  writeFile(dir / "notaproject.txt", "hello\n");
  const auto newer = dir / "newer.cmoc";
  ASSERT_EQ(runCli({"init", newer.string()}).exitCode, 0);
  sqlExec(newer, "PRAGMA user_version = 999");
  const std::string bytes = readFile(newer);
  for (const std::string name : {"notaproject.txt", "newer.cmoc"}) {
    const auto r = runCli({"sources", (dir / name).string()});
    EXPECT_EQ(r.exitCode, 1) << name;
    for (const char* side : {"-wal", "-shm"})
      EXPECT_FALSE(std::filesystem::exists(dir / (name + side))) << name << side << ": " << r.err;
  }
  EXPECT_EQ(readFile(newer), bytes);
}

}  // namespace
