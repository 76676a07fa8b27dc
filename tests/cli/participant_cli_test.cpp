// `cmoc participant list|set`, run as a user runs them.
#include <gtest/gtest.h>

#include "test_support.h"

using cmoc::test::runCli;
using cmoc::test::TempDir;
using cmoc::test::writeFile;

namespace {

// A project with interviewee 19 (director, alliance 2) and the interviewer INT1.
std::string studyWithParticipants(const TempDir& dir) {
  const std::string p = (dir / "s.cmoc").string();
  writeFile(dir / "i.txt", "Interviewer: How did it start?\n\nZoë: Over coffee. Trust came later.\n");
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
