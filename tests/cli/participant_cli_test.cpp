// `cmoc participant list|set|delete`, run as a user runs them.
#include <gtest/gtest.h>

#include "test_support.h"
#include "transcript_builder.h"

using cmoc::test::runCli;
using cmoc::test::TempDir;
using cmoc::test::writeFile;

namespace {

// A project with interviewee 19 (director, alliance 2) and the interviewer INT1.
std::string studyWithParticipants(const TempDir& dir) {
  const std::string p = (dir / "s.cmoc").string();
  writeFile(dir / "i.txt", cmoc::test::interviewText({{"Interviewer", "How did it start?"},
                                                      {"Zoë", "Over coffee. Trust came later."}}));
  writeFile(dir / "people.csv",
            "file,participant,speaker,role,case,case_type\n"
            ",INT1,Interviewer,interviewer,,\n"
            "i.txt,19,Zoë,director,alliance 2,alliance\n");
  EXPECT_EQ(runCli({"init", p}).exitCode, 0);
  const auto r = runCli({"import", p, (dir / "i.txt").string(), "--participants",
                         (dir / "people.csv").string()});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  return p;
}

}  // namespace

TEST(CliParticipant, SetChangesMetadataThatListShowsAndUndoTakesBack) {
  TempDir dir;
  const std::string p = studyWithParticipants(dir);
  auto r = runCli({"participant", "set", p, "19", "--name", "Zoë Brandt", "--case", "merger 1",
                   "--attr", "phase=2", "--coder", "ana"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Participant 19: Zoë Brandt; director; merger 1\n");
  r = runCli({"participant", "list", p, "--format", "csv"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("19,Zoë Brandt,merger 1,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("phase=2"), std::string::npos) << r.out;
  ASSERT_EQ(runCli({"undo", p, "--coder", "ana"}).exitCode, 0);
  r = runCli({"participant", "list", p, "--format", "json"});
  EXPECT_NE(r.out.find("\"case\": \"alliance 2\""), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("phase=2"), std::string::npos) << r.out;
}

TEST(CliParticipant, BadArgumentsAreOneLineErrors) {
  TempDir dir;
  const std::string p = studyWithParticipants(dir);
  auto r = runCli({"participant", "set", p, "77", "--role", "nurse"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("no participant with the code '77'"), std::string::npos) << r.err;
  r = runCli({"participant", "set", p, "19", "--attr", "phase"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("NAME=VALUE"), std::string::npos) << r.err;
  r = runCli({"participant", "frob", p});
  EXPECT_NE(r.exitCode, 0);
}

TEST(CliParticipant, InterviewerFlagIsSetWithYesOrNo) {
  TempDir dir;
  const std::string p = studyWithParticipants(dir);
  auto r = runCli({"participant", "set", p, "19", "--interviewer", "yes"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Participant 19: (no name); director; alliance 2; interviewer\n");
  r = runCli({"participant", "list", p, "--format", "csv"});
  EXPECT_NE(r.out.find("19,,alliance 2,alliance,director,yes,"), std::string::npos) << r.out;
  // Zoë's turn is an interviewer turn now.
  r = runCli({"show", p, "i.txt", "--turns", "--format", "csv"});
  EXPECT_NE(r.out.find("2,Zoë,19,yes,"), std::string::npos) << r.out;
  r = runCli({"participant", "set", p, "19", "--interviewer", "no"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Participant 19: (no name); director; alliance 2\n");
}

TEST(CliParticipant, InterviewerTakesOnlyYesOrNo) {
  TempDir dir;
  const std::string p = studyWithParticipants(dir);
  for (const char* bad : {"maybe", "true", "1", "Yes", ""}) {
    const auto r = runCli({"participant", "set", p, "19", "--interviewer", bad});
    EXPECT_EQ(r.exitCode, 1) << bad;
    EXPECT_EQ(r.err,
              std::string("cmoc participant: --interviewer takes yes or no, not '") + bad + "'\n");
  }
  const auto r = runCli({"participant", "set", p, "19", "--attr", "interviewer=yes"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err,
            "cmoc participant: 'interviewer' is a yes/no field of its own, not an attribute\n");
}

TEST(CliParticipant, DeleteKeepsTheSpeakerLabelsAndUndoRelinksThem) {
  TempDir dir;
  const std::string p = studyWithParticipants(dir);
  const std::string turnsBefore = runCli({"show", p, "i.txt", "--turns", "--format", "csv"}).out;
  auto r = runCli({"participant", "delete", p, "19", "--coder", "ana"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "Deleted participant 19; the transcripts keep its speaker labels (Zoë), now unlinked\n");
  r = runCli({"participant", "list", p, "--format", "csv"});
  EXPECT_EQ(r.out.find("\n19,"), std::string::npos) << r.out;
  r = runCli({"show", p, "i.txt", "--turns", "--format", "csv"});
  EXPECT_NE(r.out.find("2,Zoë,,no,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Over coffee. Trust came later."), std::string::npos) << r.out;
  ASSERT_EQ(runCli({"undo", p, "--coder", "ana"}).exitCode, 0);
  EXPECT_EQ(runCli({"show", p, "i.txt", "--turns", "--format", "csv"}).out, turnsBefore);
  r = runCli({"participant", "list", p, "--format", "csv"});
  EXPECT_NE(r.out.find("\n19,,alliance 2,alliance,director,no,1,"), std::string::npos) << r.out;
}

TEST(CliParticipant, DeleteNeedsOneKnownCode) {
  TempDir dir;
  const std::string p = studyWithParticipants(dir);
  auto r = runCli({"participant", "delete", p, "77"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc participant: no participant with the code '77'\n");
  r = runCli({"participant", "delete", p});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc participant: usage: cmoc participant delete PROJECT.cmoc CODE\n");
  r = runCli({"participant", "frob", p});
  EXPECT_EQ(r.err, "cmoc participant: unknown subcommand 'frob' (list, set, delete)\n");
  r = runCli({"participant", "--help"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.out.find("cmoc participant delete PROJECT.cmoc CODE"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--interviewer yes|no"), std::string::npos) << r.out;
}

// Names have the codebook's limit (cmoc/names.h): a participant's name, case and attribute
// names from `participant set`, and participant codes and cases from a sheet.
TEST(CliParticipant, NamesOverTheLimitAreRefusedAndNothingChanges) {
  TempDir dir;
  const std::string p = studyWithParticipants(dir);
  const std::string before = runCli({"participant", "list", p, "--format", "csv"}).out;
  const std::string longName(1001, 'x');
  const std::pair<const char*, std::string> cases[] = {
      {"--name", "a participant name can be at most 1000 characters; this one has 1001"},
      {"--case", "a case name can be at most 1000 characters; this one has 1001"},
  };
  for (const auto& [option, message] : cases) {
    const auto r = runCli({"participant", "set", p, "19", option, longName});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.err, "cmoc participant: " + message + "\n");
  }
  auto r = runCli({"participant", "set", p, "19", "--attr", longName + "=1"});
  EXPECT_EQ(r.err,
            "cmoc participant: an attribute name can be at most 1000 characters; this one has "
            "1001\n");
  EXPECT_EQ(runCli({"participant", "set", p, "19", "--name", std::string(1000, 'y')}).exitCode, 0);
  ASSERT_EQ(runCli({"undo", p}).exitCode, 0);
  writeFile(dir / "long.csv", "file,participant,speaker,case\n,19,Zoë," + longName + "\n");
  r = runCli({"import", p, "--participants", (dir / "long.csv").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc import: a case name can be at most 1000 characters; this one has 1001\n");
  EXPECT_EQ(runCli({"participant", "list", p, "--format", "csv"}).out, before);
}
