// `cmoc agree`, `disagreements` and `adjudicate` run as a user runs them, on a project coded
// through the API by two coders.
#include <gtest/gtest.h>

#include <string>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/project.h"
#include "test_support.h"

using cmoc::test::runCli;
using cmoc::test::TempDir;

namespace {

// 100 characters; ana codes Trust & <safety> [0, 40), ben [20, 60) and Faith [50, 70).
struct CodedProject {
  TempDir dir;
  std::string file = (dir / "p.cmoc").string();
  CodedProject() {
    cmoc::Project p = cmoc::Project::create(file);
    std::string text = "<b>Trust</b> & \"quotes\" ";
    while (text.size() < 100) text += 'x';
    p.addTranscript({"s.txt", "text", text, {{"P", 0, 100, {}, {}}}});
    p.setCoder("ana");
    cmoc::Codebook(p).add({.name = "Trust & <safety>"});
    cmoc::Codebook(p).add({.name = "Faith"});
    cmoc::Coding(p).apply("s.txt", "Trust & <safety>", 0, 40);
    p.setCoder("ben");
    cmoc::Coding(p).apply("s.txt", "Trust & <safety>", 20, 60);
    cmoc::Coding(p).apply("s.txt", "Faith", 50, 70);
  }
};

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST(CliAgree, TableStatesTheMethodAndEachCodesFigures) {
  CodedProject p;
  auto r = runCli({"agree", p.file, "--coders", "ana,ben"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Agreement between the coders ana and ben was assessed at the character "
                         "level")) << r.out;
  EXPECT_TRUE(has(r.out, "All units were counted")) << r.out;
  EXPECT_TRUE(has(r.out, "code                characters  both  ana only  ben only  neither  "
                         "agreement  Cohen's kappa  Krippendorff's alpha")) << r.out;
  // Trust: both 20, ana only 20, ben only 20, neither 40; kappa 0.08 / 0.48.
  EXPECT_TRUE(has(r.out, "Trust & <safety>           100    20        20        20       40  "
                         "60.0%      0.167          0.171")) << r.out;
  EXPECT_TRUE(has(r.out, "All codes (pooled)")) << r.out;
}

TEST(CliAgree, CsvJsonMarkdownAndHtml) {
  CodedProject p;
  auto csv = runCli({"agree", p.file, "--coders", "ana,ben", "--format", "csv"});
  ASSERT_EQ(csv.exitCode, 0) << csv.err;
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\n')),
            "code,coders,units,both,a_only,b_only,neither,percent_agreement,cohen_kappa,"
            "fleiss_kappa,krippendorff_alpha,notes");
  EXPECT_TRUE(has(csv.out, "Trust & <safety>,\"ana,ben\",100,20,20,20,40,60.000,0.167,")) << csv.out;

  auto json = runCli({"agree", p.file, "--coders", "ana,ben", "--format", "json", "--unit", "char"});
  ASSERT_EQ(json.exitCode, 0) << json.err;
  EXPECT_TRUE(has(json.out, "\"unit\": \"char\"")) << json.out;
  EXPECT_TRUE(has(json.out, "\"overall\": {\"code\": \"All codes (pooled)\"")) << json.out;
  EXPECT_TRUE(has(json.out, "\"cohen_kappa\": 0.166667")) << json.out;

  auto md = runCli({"agree", p.file, "--coders", "ana,ben", "--format", "md", "--coded-only"});
  ASSERT_EQ(md.exitCode, 0) << md.err;
  EXPECT_EQ(md.out.rfind("**Inter-coder agreement**\n\nAgreement between the coders ana and ben", 0), 0u)
      << md.out;
  EXPECT_TRUE(has(md.out, "Only units that at least one coder coded")) << md.out;
  EXPECT_TRUE(has(md.out, "| code | characters | both | ana only | ben only | neither | agreement |"))
      << md.out;
  EXPECT_TRUE(has(md.out, "| --- | ---: | ---: |")) << md.out;
  EXPECT_TRUE(has(md.out, "| \\*\\*All codes (pooled)\\*\\* |") || has(md.out, "| **All codes (pooled)** |"))
      << md.out;

  auto html = runCli({"agree", p.file, "--coders", "ana,ben", "--format", "html"});
  ASSERT_EQ(html.exitCode, 0) << html.err;
  EXPECT_EQ(html.out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_TRUE(has(html.out, "<td>Trust &amp; &lt;safety&gt;</td>")) << html.out;
  EXPECT_FALSE(has(html.out, "<safety>"));
}

TEST(CliAgree, ThreeCodersGetFleissAndPairs) {
  CodedProject p;
  {
    cmoc::Project project = cmoc::Project::open(p.file);
    project.setCoder("cy");
    cmoc::Coding(project).apply("s.txt", "Faith", 50, 70);
  }
  auto r = runCli({"agree", p.file, "--coders", "ana,ben,cy", "--unit", "turn"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Fleiss' kappa")) << r.out;
  EXPECT_TRUE(has(r.out, "Pairs of coders:")) << r.out;
  EXPECT_FALSE(has(r.out, "nan")) << r.out;
  EXPECT_TRUE(has(r.out, "n/a: no variation")) << r.out;  // one turn, all coded it
}

TEST(CliAgree, BadInputGivesAOneLineError) {
  CodedProject p;
  auto r = runCli({"agree", p.file, "--coders", "ana,zed"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc agree: no coder named 'zed'; the project's coders are ana, ben\n");
  r = runCli({"agree", p.file, "--coders", "ana"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc agree: agreement needs at least two coders: name them with --coders A,B\n");
  r = runCli({"agree", p.file, "--coders", "ana,ben", "--unit", "word"});
  EXPECT_EQ(r.err, "cmoc agree: unknown unit 'word' (char, sentence, paragraph or turn)\n");
  r = runCli({"agree", p.file, "--coders", "ana,ben", "--group", "Faith"});
  EXPECT_EQ(r.err, "cmoc agree: group 'Faith' needs at least two child codes to compare as "
                   "categories; it has 0\n");
  r = runCli({"agree", p.file, "--coders", "ana,ben", "--format", "pdf"});
  EXPECT_EQ(r.err, "cmoc agree: unknown format 'pdf' (table, csv, json, md or html)\n");
}

TEST(CliDisagreements, ListsEachWithIdTextAndCodesAndEscapesHtml) {
  CodedProject p;
  auto r = runCli({"disagreements", p.file, "--coders", "ana,ben", "--format", "csv"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(has(r.out, "id,source_id,source,unit,start,end,code,coded_by,not_coded_by,codes_ana,"
                         "codes_ben,text\n")) << r.out;
  EXPECT_TRUE(has(r.out, "s.txt:0-20:Trust & <safety>,1,s.txt,,0,20,Trust & <safety>,ana,ben,"
                         "Trust & <safety>,,\"<b>Trust</b> & \"\"quot\"\n")) << r.out;
  auto html = runCli({"disagreements", p.file, "--coders", "ana,ben", "--format", "html"});
  ASSERT_EQ(html.exitCode, 0) << html.err;
  EXPECT_TRUE(has(html.out, "<td class=\"text\">&lt;b&gt;Trust&lt;/b&gt; &amp; &quot;quot</td>")) << html.out;
  EXPECT_FALSE(has(html.out, "<b>Trust</b>"));
  EXPECT_TRUE(has(html.out, "3 disagreements")) << html.out;
}

TEST(CliAdjudicate, RuleAndDecisionsAreAppliedAndAudited) {
  CodedProject p;
  auto r = runCli({"adjudicate", p.file, "--coders", "ana,ben", "--as", "agreed", "--rule", "union",
                   "--coder", "lead"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Adjudicated 3 disagreements between ana and ben as agreed: 2 codings added, "
                   "0 removed, 0 kept\n");
  r = runCli({"adjudicate", p.file, "--coders", "ana,ben", "--as", "agreed", "--decide",
              "s.txt:0-20:Trust & <safety>=b", "--coder", "lead"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Adjudicated 1 disagreement between ana and ben as agreed: 1 codings added, "
                   "1 removed, 0 kept\n");
  auto log = runCli({"log", p.file, "--format", "csv"});
  EXPECT_TRUE(has(log.out, ",lead,adjudicate,disagreement,s.txt:0-20:Trust & <safety>,")) << log.out;
  // The consensus now agrees with ben on Trust and with both on Faith.
  auto agree = runCli({"agree", p.file, "--coders", "ben,agreed", "--format", "csv"});
  EXPECT_TRUE(has(agree.out, "Trust & <safety>,\"ben,agreed\",100,40,0,0,60,100.000,1.000,")) << agree.out;
  r = runCli({"undo", p.file, "--coder", "lead"});
  EXPECT_EQ(r.out, "Undid: adjudicate ana and ben as agreed\n");
  r = runCli({"adjudicate", p.file, "--coders", "ana,ben", "--as", "ben", "--rule", "union"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc adjudicate: the consensus coder 'ben' must be someone other than the "
                   "coders adjudicated\n");
}
