// `cmoc init`, `import`, `sources`, `show`, help and errors, run as a user runs them.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"
#include "transcript_builder.h"

using cmoc::test::runCli;
using cmoc::test::TempDir;
using cmoc::test::writeFile;

namespace {
const std::string kInterview =
    cmoc::test::interviewText({{"Interviewer", "How did the alliance start?"},
                               {"Zoë", "Honestly, over coffee in the café. Trust came later."},
                               {"Interviewer", "And the board?"}});
}

TEST(CliProject, HelpListsTheCommands) {
  auto r = runCli({"--help"});
  EXPECT_EQ(r.exitCode, 0);
  for (const char* c : {"init", "import", "sources", "show", "search", "demo"})
    EXPECT_NE(r.out.find(std::string("  ") + c), std::string::npos) << c;
}

TEST(CliProject, CommandHelpShowsUsageAndOptions) {
  auto r = runCli({"import", "--help"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.out.find("usage: cmoc import PROJECT.cmoc FILE..."), std::string::npos);
  EXPECT_NE(r.out.find("--participants CSV"), std::string::npos);
}

TEST(CliProject, UnknownCommandAndOptionAreErrors) {
  auto r = runCli({"frobnicate"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(r.err, "cmoc: unknown command 'frobnicate'; `cmoc --help` lists the commands\n");
  TempDir dir;
  r = runCli({"sources", (dir / "p.cmoc").string(), "--colour"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc sources: unknown option '--colour'\n");
}

TEST(CliProject, InitTwiceRefusesToOverwrite) {
  TempDir dir;
  const std::string p = (dir / "s.cmoc").string();
  auto r = runCli({"init", p});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Created project " + p + "\n");
  r = runCli({"init", p});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc init: " + p + ": already exists; not overwriting it\n");
}

TEST(CliProject, AnArgumentThatIsNotAProjectIsRefused) {
  TempDir dir;
  writeFile(dir / "interview.txt", kInterview);
  auto r = runCli({"import", (dir / "interview.txt").string(), (dir / "interview.txt").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc import: " + (dir / "interview.txt").string() +
                       ": not a CMOC Workbench project\n");
}

TEST(CliProject, ImportSummarisesImportedSkippedAndFailedFiles) {
  TempDir dir;
  const std::string p = (dir / "s.cmoc").string();
  writeFile(dir / "good.txt", kInterview);
  writeFile(dir / "same.txt", kInterview);
  writeFile(dir / "bad.txt", "Interviewer: ok\n\xFF\n");
  writeFile(dir / "empty.txt", "");
  ASSERT_EQ(runCli({"init", p}).exitCode, 0);
  auto r = runCli({"import", p, (dir / "good.txt").string(), (dir / "bad.txt").string(),
                   (dir / "same.txt").string(), (dir / "empty.txt").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.out,
            "Imported 1, skipped 1, failed 2\n"
            "  skipped same.txt: same text as source 'good.txt' (id 1)\n");
  // Issue 21 finding 17: errors go to stderr, as the README says.
  EXPECT_EQ(r.err,
            "cmoc import: bad.txt: byte 16: invalid UTF-8; if the file uses another encoding, "
            "name it with --encoding\n"
            "cmoc import: empty.txt: file: empty file\n");
  r = runCli({"sources", p, "--format", "csv"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "id,name,format,participant,turns,speakers,characters,codings,imported");
  EXPECT_NE(r.out.find("\n1,good.txt,text,,3,2,"), std::string::npos) << r.out;
}

TEST(CliProject, ShowTurnsAsJsonGivesSpeakersOffsetsAndParticipants) {
  TempDir dir;
  const std::string p = (dir / "s.cmoc").string();
  writeFile(dir / "i.txt", kInterview);
  writeFile(dir / "people.csv",
            "file,participant,speaker,role,case,case_type\n"
            ",INT1,Interviewer,interviewer,,\n"
            "i.txt,19,Zoë,director,alliance 2,alliance\n");
  ASSERT_EQ(runCli({"init", p}).exitCode, 0);
  auto r = runCli({"import", p, (dir / "i.txt").string(), "--participants",
                   (dir / "people.csv").string()});
  ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
  r = runCli({"show", p, "i.txt", "--turns", "--format", "json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("{\"source\": {\"id\": 1, \"name\": \"i.txt\", \"participant\": \"19\", "
                       "\"turns\": 3, \"speakers\": 2, \"characters\": 129}"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("{\"turn\": 2, \"speaker\": \"Zoë\", \"participant\": \"19\", "
                       "\"interviewer\": false, \"start\": 47, \"end\": 99, \"start_time\": \"\", "
                       "\"end_time\": \"\", \"text\": \"Honestly, over coffee in the café. Trust "
                       "came later.\"}"),
            std::string::npos)
      << r.out;
  r = runCli({"show", p, "1"});
  EXPECT_EQ(r.out, kInterview);
}

TEST(CliProject, ShowAnUnknownSourceIsAnError) {
  TempDir dir;
  const std::string p = (dir / "s.cmoc").string();
  ASSERT_EQ(runCli({"init", p}).exitCode, 0);
  auto r = runCli({"show", p, "nothing.txt"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc show: no source named 'nothing.txt'\n");
}

TEST(CliProject, ParticipantsAloneRemapExistingSources) {
  TempDir dir;
  const std::string p = (dir / "s.cmoc").string();
  writeFile(dir / "i.txt", kInterview);
  writeFile(dir / "people.csv", "participant,speaker,role\n19,Zoë,nurse\n");
  ASSERT_EQ(runCli({"init", p}).exitCode, 0);
  ASSERT_EQ(runCli({"import", p, (dir / "i.txt").string()}).exitCode, 0);
  auto r = runCli({"import", p, "--participants", (dir / "people.csv").string()});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Applied 1 participant rows to 1 sources\n");
  r = runCli({"sources", p, "--format", "json"});
  EXPECT_NE(r.out.find("\"participant\": \"19\""), std::string::npos) << r.out;
}

// "" would open a temporary database and "x/" would create "x": "Created project" would lie.
TEST(CliInit, RefusesNamesThatCreateNoProjectFile) {
  TempDir dir;
  writeFile(dir / "notes.txt", "x");
  std::filesystem::create_directory(dir / "d");
  const std::string d = (dir / "d").string(), notes = (dir / "notes.txt").string();
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"", "the project file name is empty; usage: cmoc init PROJECT.cmoc"},
      {"  ", "the project file name is empty; usage: cmoc init PROJECT.cmoc"},
      {d, d + ": is a folder; name a new project file, such as " + d + "/study.cmoc"},
      {d + "/new.cmoc/", d + "/new.cmoc/: names a folder, not a project file; leave out the final '/'"},
      {d + "/nope/s.cmoc", d + "/nope/s.cmoc: " + d + "/nope: no such folder"},
      {notes + "/s.cmoc", notes + "/s.cmoc: " + notes + " is a file, not a folder"},
      {notes, notes + ": already exists; not overwriting it"},
  };
  for (const auto& [file, message] : refused) {
    const auto r = runCli({"init", file});
    EXPECT_EQ(r.exitCode, 1) << file;
    EXPECT_EQ(r.err, "cmoc init: " + message + "\n");
    EXPECT_EQ(r.out, "");
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir / "d"));
  EXPECT_EQ(cmoc::test::readFile(dir / "notes.txt"), "x");
}
