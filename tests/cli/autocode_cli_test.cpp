// `cmoc autocode`, `autocode-review` and `edit-text`, run as a user runs them.
#include <gtest/gtest.h>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "test_support.h"

using cmoc::test::runCli;

namespace {

const std::string kOne =
    "Interviewer: Did trust grow?\n\nR: Trust grew after quick wins. Then trust faded.";

struct Study {
  cmoc::test::TempDir dir;
  std::string file = (dir / "s.cmoc").string();
  Study() {
    cmoc::Project p = cmoc::Project::create(file);
    p.setCoder("ana");
    cmoc::ParticipantSheet sheet{"p.csv", {{"", "19", "R", false, {}, 2}}};
    p.addTranscript({"one.txt", "text", kOne, {{"Interviewer", 13, 28, {}, {}}, {"R", 33, 79, {}, {}}}},
                    &sheet);
    p.addTranscript({"two.txt", "text", "R: Trust, again.", {{"R", 3, 16, {}, {}}}}, &sheet);
    cmoc::Codebook(p).add({.name = "Trust", .kind = cmoc::CodeKind::Mechanism});
  }
  std::vector<cmoc::CodingRecord> codings() {
    cmoc::Project p = cmoc::Project::open(file);
    return cmoc::Coding(p).list();
  }
  cmoc::test::RunResult run(std::vector<std::string> args) {
    args.insert(args.begin() + 1, file);
    args.push_back("--coder");
    args.push_back("ana");
    return runCli(args);
  }
  std::string error(const std::vector<std::string>& args) {
    const auto r = run(args);
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_EQ(r.out, "");
    return r.err;
  }
};

}  // namespace

TEST(CliAutocode, DryRunListsHitsInContextAndCodesNothing) {
  Study s;
  auto r = s.run({"autocode", "--code", "Trust", "--word", "trust", "--dry-run"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("Did [trust] grow?"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Trust grew after quick wins. Then [trust] faded.\n"), std::string::npos) << r.out;
  // Context is cut back to whole words.
  EXPECT_NE(r.out.find("   [Trust] grew after quick wins. Then trust\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("4 hits in 2 sources, 4 excerpts to code (dry run: nothing was coded)\n"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(s.codings().empty());
}

// A dry run lists a page of its hits, in source and position order, and counts them all.
TEST(CliAutocode, DryRunLimitListsTheFirstHitsAndCountsEvery) {
  Study s;
  auto r = s.run({"autocode", "--code", "Trust", "--word", "trust", "--dry-run", "--limit", "2",
                  "--format", "csv"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto all = s.run({"autocode", "--code", "Trust", "--word", "trust", "--dry-run",
                          "--format", "csv"});
  ASSERT_EQ(all.err, "");
  // The header and the first two rows of the whole listing.
  std::size_t third = 0;
  for (int line = 0; line < 3; ++line) third = all.out.find('\n', third) + 1;
  EXPECT_EQ(r.out, all.out.substr(0, third));
  EXPECT_EQ(r.err, "cmoc autocode: listed the first 2 of 4 hits (--limit N lists more)\n");
  r = s.run({"autocode", "--code", "Trust", "--word", "trust", "--dry-run", "--limit", "1"});
  EXPECT_NE(r.out.find("4 hits in 2 sources, 4 excerpts to code (dry run: nothing was coded)\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Did [trust] grow?"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("two.txt"), std::string::npos) << r.out;
  EXPECT_EQ(s.error({"autocode", "--code", "Trust", "--word", "trust", "--dry-run", "--limit",
                     "0"}),
            "cmoc autocode: --limit needs a whole number from 1 to 100000000, not '0'\n");
  EXPECT_EQ(s.error({"autocode", "--code", "Trust", "--word", "trust", "--limit", "2"}),
            "cmoc autocode: --limit goes with --dry-run: a run codes every hit\n");
  EXPECT_TRUE(s.codings().empty());
}

TEST(CliAutocode, DryRunAsJson) {
  Study s;
  auto r = s.run({"autocode", "--code", "Trust", "--word", "TRUST", "--speaker", "19", "--source",
                  "two.txt", "--scope", "sentence", "--dry-run", "--format", "json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "[\n  {\"source_id\": 2, \"source\": \"two.txt\", \"speaker\": \"R\", \"participant\": \"19\", "
            "\"start\": 3, \"end\": 8, \"coded_start\": 3, \"coded_end\": 16, \"before\": \"\", "
            "\"match\": \"Trust\", \"after\": \", again.\"}\n]\n");
}

TEST(CliAutocode, ARealRunCodesAsAutoAndSaysHowToReview) {
  Study s;
  auto r = s.run({"autocode", "--code", "Trust", "--word", "trust", "--scope", "sentence"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Coded 4 excerpts in 2 sources as coder auto (review with: cmoc autocode-review " +
                       s.file + " --accept --as NAME, or --reject)\n");
  const auto codings = s.codings();
  ASSERT_EQ(codings.size(), 4u);
  EXPECT_EQ(codings[0].coder, "auto");
  r = s.run({"autocode", "--code", "Trust", "--word", "trust", "--scope", "sentence"});
  EXPECT_EQ(r.out, "Nothing new to code: 4 excerpts were already coded by auto\n");
  r = s.run({"undo"});
  EXPECT_EQ(r.out, "Undid: auto-code Trust: word 'trust'\n");
  EXPECT_TRUE(s.codings().empty());
}

TEST(CliAutocode, BySpeakerAndByRegex) {
  Study s;
  auto r = s.run({"autocode", "--code", "Trust", "--speaker-only", "--speaker", "interviewer"});
  EXPECT_EQ(r.out, "Coded 1 excerpt in 1 source as coder auto (review with: cmoc autocode-review " +
                       s.file + " --accept --as NAME, or --reject)\n");
  r = s.run({"autocode", "--code", "Trust", "--regex", "tr[uü]st (grew|faded)", "--format", "csv"});
  EXPECT_EQ(r.out, "hits,coded,already_coded,sources,coder\n2,2,0,1,auto\n");
}

TEST(CliAutocode, ReviewAcceptsAndRejects) {
  Study s;
  s.run({"autocode", "--code", "Trust", "--word", "trust"});
  auto r = s.run({"autocode-review", "--accept", "--as", "ben", "--source", "two.txt"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Accepted 1 auto coding as ben\n");
  r = s.run({"autocode-review", "--reject", "--code", "Trust"});
  EXPECT_EQ(r.out, "Rejected 3 auto codings (deleted; each is in the audit log: cmoc log " + s.file + ")\n");
  r = s.run({"autocode-review", "--reject"});
  EXPECT_EQ(r.out, "No auto codings to reject\n");
  const auto codings = s.codings();
  ASSERT_EQ(codings.size(), 1u);
  EXPECT_EQ(codings[0].coder, "ben");
}

TEST(CliAutocode, MisuseGetsAOneLineError) {
  Study s;
  EXPECT_EQ(s.error({"autocode", "--code", "Trust"}),
            "cmoc autocode: say what to look for: --word, --phrase, --regex or --speaker-only\n");
  EXPECT_EQ(s.error({"autocode", "--code", "Trust", "--word", "a", "--regex", "b"}),
            "cmoc autocode: give only one of --word, --phrase, --regex and --speaker-only\n");
  EXPECT_EQ(s.error({"autocode", "--word", "trust"}),
            "cmoc autocode: autocode needs --code CODE: the code to apply\n");
  EXPECT_EQ(s.error({"autocode", "--code", "Trust", "--word", ""}),
            "cmoc autocode: the word to look for is empty\n");
  EXPECT_EQ(s.error({"autocode", "--code", "Trust", "--regex", "tr[ust"}),
            "cmoc autocode: invalid regular expression 'tr[ust': U_REGEX_MISSING_CLOSE_BRACKET at character 6\n");
  EXPECT_EQ(s.error({"autocode", "--code", "Faith", "--word", "trust"}),
            "cmoc autocode: no code named 'Faith'\n");
  EXPECT_EQ(s.error({"autocode", "--code", "Trust", "--word", "trust", "--source", "nine.txt"}),
            "cmoc autocode: no source named 'nine.txt'\n");
  EXPECT_EQ(s.error({"autocode", "--code", "Trust", "--word", "trust", "--speaker", "Bob"}),
            "cmoc autocode: no speaker or participant named 'Bob'\n");
  EXPECT_EQ(s.error({"autocode", "--code", "Trust", "--speaker-only"}),
            "cmoc autocode: --speaker-only needs --speaker LABEL_OR_PARTICIPANT\n");
  EXPECT_EQ(s.error({"autocode", "--code", "Trust", "--speaker-only", "--speaker", "R", "--scope",
                     "sentence"}),
            "cmoc autocode: --speaker-only codes whole turns; leave out --scope or use --scope turn\n");
  EXPECT_EQ(s.error({"autocode", "--code", "Trust", "--word", "trust", "--scope", "page"}),
            "cmoc autocode: unknown scope 'page' (match, sentence, paragraph or turn)\n");
  EXPECT_EQ(s.error({"autocode-review"}),
            "cmoc autocode-review: autocode-review needs --accept --as NAME or --reject\n");
  EXPECT_EQ(s.error({"autocode-review", "--accept"}),
            "cmoc autocode-review: --accept needs --as NAME: the person who takes the codings over\n");
  EXPECT_EQ(s.error({"autocode-review", "--accept", "--reject"}),
            "cmoc autocode-review: give --accept or --reject, not both\n");
  EXPECT_EQ(s.error({"autocode-review", "--accept", "--as", "auto"}),
            "cmoc autocode-review: accept auto codings as a person, not as 'auto'\n");
}

TEST(CliEditText, SaysWhatHappenedToTheCodings) {
  Study s;
  {
    cmoc::Project p = cmoc::Project::open(s.file);
    p.setCoder("ana");
    cmoc::Coding c(p);
    c.apply("one.txt", "Trust", 33, 38);  // "Trust"
    c.apply("one.txt", "Trust", 33, 49);  // "Trust grew after"
    c.apply("one.txt", "Trust", 50, 60);  // "quick wins"
    c.apply("one.txt", "Trust", 67, 72);  // "trust" in "Then trust faded."
  }
  auto r = s.run({"edit-text", "one.txt", "39", "49", "rose. After"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "Replaced [39, 49) of one.txt: \"grew after\" -> \"rose. After\"\n"
            "Codings: 2 shifted, 1 resized, 0 removed, 1 unchanged\n"
            "  resized  Trust (ana) [33, 49) -> [33, 50)\n"
            "Turns re-anchored: 1\n");
  r = s.run({"edit-text", "one.txt", "51", "61", ""});
  EXPECT_EQ(r.out,
            "Replaced [51, 61) of one.txt: \"quick wins\" -> \"\"\n"
            "Codings: 1 shifted, 0 resized, 1 removed, 2 unchanged\n"
            "  removed  Trust (ana) [51, 61): its text was replaced (in the audit log)\n"
            "Turns re-anchored: 1\n");
  r = s.run({"undo"});
  EXPECT_EQ(r.out, "Undid: edit text of one.txt\n");
}

TEST(CliEditText, MisuseGetsAOneLineError) {
  Study s;
  EXPECT_EQ(s.error({"edit-text", "one.txt", "3"}),
            "cmoc edit-text: edit-text needs SOURCE START END NEWTEXT (NEWTEXT \"\" deletes the range)\n");
  EXPECT_EQ(s.error({"edit-text", "one.txt", "three", "4", "x"}),
            "cmoc edit-text: START needs a whole number from 0 to 268435456, not 'three'\n");
  EXPECT_EQ(s.error({"edit-text", "one.txt", "3", "4.5", "x"}),
            "cmoc edit-text: END needs a whole number from 0 to 268435456, not '4.5'\n");
  EXPECT_EQ(s.error({"edit-text", "one.txt", "70", "90", "x"}),
            "cmoc edit-text: range [70, 90) lies outside one.txt (0 to " +
                std::to_string(cmoc::text::codePointCount(kOne)) + ")\n");
  EXPECT_EQ(s.error({"edit-text", "one.txt", "9", "3", "x"}),
            "cmoc edit-text: range [9, 3) is inverted: its end is before its start\n");
  EXPECT_EQ(s.error({"edit-text", "nine.txt", "0", "1", "x"}), "cmoc edit-text: no source named 'nine.txt'\n");
}
