// `cmoc search`, run as a user runs it: keyword-in-context table, CSV and JSON, errors.
#include <gtest/gtest.h>

#include "cmoc/text.h"
#include "test_support.h"
#include "transcript_builder.h"

using cmoc::test::runCli;
using cmoc::test::TempDir;
using cmoc::test::writeFile;

namespace {

const std::string kInterview =
    cmoc::test::interviewText({{"Interviewer", "Where did you meet?"},
                               {"Zoë", "In the café, with Adebayo-Müller. Trust came later."},
                               {"Interviewer", "And trust now?"}});

class SearchCli : public ::testing::Test {
 protected:
  TempDir dir;
  std::string project = (dir / "p.cmoc").string();

  void SetUp() override {
    writeFile(dir / "a.txt", kInterview);
    ASSERT_EQ(runCli({"init", project}).exitCode, 0);
    ASSERT_EQ(runCli({"import", project, (dir / "a.txt").string()}).exitCode, 0);
  }
};

}  // namespace

TEST_F(SearchCli, TablePrintsSourceParticipantPositionAndKeywordInContext) {
  auto r = runCli({"search", project, "trust"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "source  participant  position  context\n"
            "a.txt                      73  In the café, with Adebayo-Müller. [Trust] came later.\n"
            "a.txt                     109                                And [trust] now?\n");
}

TEST_F(SearchCli, QueryWordsMayBeSeparateArguments) {
  auto r = runCli({"search", project, "Adebayo-Müller", "AND", "cafe", "--format", "csv"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "source_id,source,participant,speaker,start,end,before,match,after,page\n"
            "1,a.txt,,Zoë,46,50,In the ,café,\", with Adebayo-Müller. Trust came later.\",\n"
            "1,a.txt,,Zoë,57,71,\"In the café, with \",Adebayo-Müller,. Trust came later.,\n");
}

TEST_F(SearchCli, JsonCarriesExactCodePointPositions) {
  auto r = runCli({"search", project, "\"came later\"", "--format", "json"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(
      r.out,
      "[\n"
      "  {\"source_id\": 1, \"source\": \"a.txt\", \"participant\": \"\", \"speaker\": \"Zoë\", "
      "\"start\": 79, \"end\": 89, \"before\": \"In the café, with Adebayo-Müller. Trust \", "
      "\"match\": \"came later\", \"after\": \".\", \"page\": null}\n"
      "]\n");
  EXPECT_EQ(cmoc::text::sliceCodePoints(kInterview, 79, 89), "came later");
  EXPECT_EQ(cmoc::text::sliceCodePoints(kInterview, 46, 50), "café");
  EXPECT_EQ(cmoc::text::sliceCodePoints(kInterview, 73, 78), "Trust");
}

TEST_F(SearchCli, NoHitsIsAnEmptyResultAndSuccess) {
  auto r = runCli({"search", project, "elephant"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.out, "source  participant  position  context\n");
  r = runCli({"search", project, "elephant", "--format", "json"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.out, "[]\n");
  r = runCli({"search", project, "elephant", "--format", "csv"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.out, "source_id,source,participant,speaker,start,end,before,match,after,page\n");
}

TEST_F(SearchCli, BadQueryIsAOneLineErrorAndExitOne) {
  auto r = runCli({"search", project, "\"came later"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "cmoc search: bad search query: the quote at character 1 is never closed\n");
  r = runCli({"search", project, "trust", "OR"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc search: bad search query: OR at character 7 needs a term after it\n");
  r = runCli({"search", project});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc search: search needs a QUERY\n");
}

TEST_F(SearchCli, LimitCutsTheListAndSaysSoOnStderr) {
  auto r = runCli({"search", project, "trust", "--limit", "1", "--format", "csv"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.out,
            "source_id,source,participant,speaker,start,end,before,match,after,page\n"
            "1,a.txt,,Zoë,73,78,\"In the café, with Adebayo-Müller. \",Trust, came later.,\n");
  EXPECT_EQ(r.err, "cmoc search: showing the first 1 hits; --limit N shows more\n");
  r = runCli({"search", project, "trust", "--limit", "2"});
  EXPECT_EQ(r.err, "");
  r = runCli({"search", project, "trust", "--limit", "ten"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc search: --limit needs a whole number from 1 to 1000000, not 'ten'\n");
  r = runCli({"search", project, "trust", "--context", "-1"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc search: --context needs a whole number from 0 to 10000, not '-1'\n");
}

TEST_F(SearchCli, ContextOptionNarrowsTheKeywordInContextLine) {
  auto r = runCli({"search", project, "trust", "--context", "0", "--format", "csv"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.out,
            "source_id,source,participant,speaker,start,end,before,match,after,page\n"
            "1,a.txt,,Zoë,73,78,,Trust,,\n"
            "1,a.txt,,Interviewer,109,114,,trust,,\n");
}
