// `cmoc cmoc ...`, `cmoc web` and `cmoc demi`, run as a user runs them. The project is set up
// through the core API (codebook, codings), so these tests depend only on the commands tested.
#include <gtest/gtest.h>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/project.h"
#include "test_support.h"

using cmoc::test::readFile;
using cmoc::test::runCli;
using cmoc::test::TempDir;

namespace {

// Two interviews, participants 19 (alliance) and 22 (hospital group); codings 1-4 in the first,
// 5-6 in the second.
class CmocCli : public ::testing::Test {
 protected:
  void SetUp() override {
    cmoc::Project p = cmoc::Project::create(dir / "s.cmoc");
    p.setCoder("ana");
    cmoc::ParticipantSheet sheet{"participants.csv", {}};
    sheet.rows.push_back({"", "19", "Gwen", false,
                          {{"role", "director"}, {"case", "alliance 2"}, {"case_type", "alliance"}}, 0});
    sheet.rows.push_back({"", "22", "Raj", false,
                          {{"role", "ceo"}, {"case", "northshore"}, {"case_type", "hospital group"}}, 0});
    //                      0         1         2         3         4         5
    //                      0123456789012345678901234567890123456789012345678901234
    cmoc::Transcript a{"a.txt", "text", "Gwen: The slow pace bred conflict and trust fell away.", {}};
    a.turns = {{"Gwen", 6, 54, {}, {}}};
    cmoc::Transcript b{"b.txt", "text", "Raj: Conflict again, and \"trust\" went too.", {}};
    b.turns = {{"Raj", 5, 42, {}, {}}};
    p.addTranscript(a, &sheet);
    p.addTranscript(b, &sheet);
    cmoc::Codebook book(p);
    book.add({.name = "Slow pace", .kind = cmoc::CodeKind::Context, .color = "#336699"});
    book.add({.name = "Conflict", .kind = cmoc::CodeKind::Mechanism});
    book.add({.name = "Trust", .kind = cmoc::CodeKind::Mechanism});
    book.add({.name = "Reduced trust", .kind = cmoc::CodeKind::Outcome});
    cmoc::Coding c(p);
    c.apply("a.txt", "Slow pace", 10, 19);      // 1 "slow pace"
    c.apply("a.txt", "Conflict", 25, 33);       // 2 "conflict"
    c.apply("a.txt", "Reduced trust", 38, 48);  // 3 "trust fell"
    c.apply("a.txt", "Trust", 38, 43);          // 4 "trust"
    c.apply("b.txt", "Conflict", 5, 13);        // 5 "Conflict"
    c.apply("b.txt", "Reduced trust", 25, 41);  // 6 "\"trust\" went too"
  }

  cmoc::test::RunResult cli(std::vector<std::string> args) {
    args.insert(args.begin() + 2, project);
    args.push_back("--coder");
    args.push_back("ana");
    return runCli(args);
  }
  cmoc::test::RunResult read(std::vector<std::string> args) {  // commands without --coder
    args.insert(args.begin() + (args[0] == "cmoc" ? 2 : 1), project);
    return runCli(args);
  }
  void addFirst() {
    auto r = cli({"cmoc", "add", "--context", "Slow pace", "--mechanism", "Conflict", "--outcome",
                  "Reduced trust", "--status", "affirms", "--evidence", "context:1", "--evidence",
                  "mechanism:2", "--evidence", "mechanism:5"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
  }

  TempDir dir;
  std::string project = (dir / "s.cmoc").string();
};

}  // namespace

TEST_F(CmocCli, AddPrintsTheSentence) {
  auto r = cli({"cmoc", "add", "--context", "Slow pace", "--mechanism", "Conflict", "--outcome",
                "Reduced trust", "--label", "C1", "--memo", "first"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "Added CMOC 1: Slow pace (context) triggers conflict (mechanism), leading to reduced "
            "trust (outcome)\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(CmocCli, MisusesAreOneLineErrors) {
  auto r = cli({"cmoc", "add", "--context", "Trust", "--mechanism", "Conflict", "--outcome", "Reduced trust"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc cmoc: 'Trust' is a mechanism code, not a context code (use --force to allow)\n");
  r = cli({"cmoc", "add", "--context", "Nope", "--mechanism", "Conflict", "--outcome", "Reduced trust"});
  EXPECT_EQ(r.err, "cmoc cmoc: no code named 'Nope'\n");
  r = cli({"cmoc", "add", "--context", "Slow pace", "--mechanism", "Conflict", "--outcome",
           "Reduced trust", "--evidence", "context12"});
  EXPECT_EQ(r.err, "cmoc cmoc: 'context12' is not SLOT:CODING_ID (e.g. context:12)\n");
  r = cli({"cmoc", "add", "--context", "Slow pace", "--mechanism", "Conflict", "--outcome",
           "Reduced trust", "--evidence", "setting:1"});
  EXPECT_EQ(r.err, "cmoc cmoc: unknown CMOC slot 'setting' (context, mechanism or outcome)\n");
  r = cli({"cmoc", "add", "--context", "Slow pace", "--mechanism", "Conflict", "--outcome",
           "Reduced trust", "--evidence", "context:99"});
  EXPECT_EQ(r.err, "cmoc cmoc: no coding with id 99\n");
  r = cli({"cmoc", "add", "--context", "Slow pace", "--mechanism", "Conflict", "--outcome",
           "Reduced trust", "--status", "confirms"});
  EXPECT_EQ(r.err, "cmoc cmoc: unknown CMOC status 'confirms' (affirms, refines, refutes or novel)\n");
  r = cli({"cmoc", "show", "9"});
  EXPECT_EQ(r.exitCode, 1);
  r = read({"cmoc", "show", "9"});
  EXPECT_EQ(r.err, "cmoc cmoc: no CMOC with id 9\n");
  r = read({"cmoc", "list", "--force"});
  EXPECT_EQ(r.err, "cmoc cmoc: --force does not apply to `cmoc cmoc list`\n");
  r = runCli({"cmoc", "frob", project});
  EXPECT_EQ(r.err,
            "cmoc cmoc: unknown subcommand 'frob' (add, edit, delete, list, show, evidence, link, "
            "unlink, links, import)\n");
  r = read({"cmoc", "list"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.out, "id  context  mechanism  outcome  status  evidence  sources  sentence\n");
}

TEST_F(CmocCli, ForceAcceptsAWrongKindAndEvidenceOfAnotherCodeWarns) {
  auto r = cli({"cmoc", "add", "--context", "Trust", "--mechanism", "Conflict", "--outcome",
                "Reduced trust", "--force", "--evidence", "outcome:2"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.err,
            "warning: coding 2 backs the outcome 'Reduced trust' of CMOC 1 but is not coded with it "
            "or a sub-code\n");
}

TEST_F(CmocCli, ListInEachFormat) {
  addFirst();
  auto r = cli({"cmoc", "add", "--context", "Slow pace", "--mechanism", "Trust", "--outcome", "Reduced trust"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  r = read({"cmoc", "list", "--format", "csv"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "id,context,mechanism,outcome,status,evidence,sources,sentence\n"
            "1,Slow pace,Conflict,Reduced trust,affirms,3,2,\"Slow pace (context) triggers conflict "
            "(mechanism), leading to reduced trust (outcome)\"\n"
            "2,Slow pace,Trust,Reduced trust,novel,0,0,\"Slow pace (context) triggers trust "
            "(mechanism), leading to reduced trust (outcome)\"\n");
  r = read({"cmoc", "list", "--mechanism", "Trust", "--format", "json"});
  EXPECT_EQ(r.out,
            "[\n  {\"id\": 2, \"context\": \"Slow pace\", \"mechanism\": \"Trust\", \"outcome\": "
            "\"Reduced trust\", \"status\": \"novel\", \"evidence\": 0, \"sources\": 0, \"sentence\": "
            "\"Slow pace (context) triggers trust (mechanism), leading to reduced trust (outcome)\"}\n]\n");
  r = read({"cmoc", "list", "--status", "affirms", "--format", "csv"});
  EXPECT_EQ(r.out.find("\n2,"), std::string::npos);
  EXPECT_NE(r.out.find("\n1,"), std::string::npos);
}

TEST_F(CmocCli, ShowGivesSentenceActionStatementAndAttributedQuotes) {
  addFirst();
  auto r = read({"cmoc", "show", "1"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("CMOC 1: affirms\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Slow pace (context) triggers conflict (mechanism), leading to reduced trust "
                       "(outcome)\nIf slow pace, then reduced trust, because conflict\n"),
            std::string::npos);
  EXPECT_NE(r.out.find("Evidence: 3 excerpts from 2 sources\n"), std::string::npos);
  EXPECT_NE(r.out.find("  [context] coding 1 (Slow pace)\n    \"slow pace\" (19; director; alliance 2)\n"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"Conflict\" (22; ceo; northshore)"), std::string::npos);
  r = read({"cmoc", "show", "1", "--format", "json"});
  EXPECT_NE(r.out.find("\"action_statement\": \"If slow pace, then reduced trust, because conflict\""),
            std::string::npos);
  EXPECT_NE(r.out.find("\"attribution\": \"19; director; alliance 2\""), std::string::npos);
}

TEST_F(CmocCli, EditChangesFieldsAndRefusesSelfPrior) {
  addFirst();
  auto r = cli({"cmoc", "edit", "1", "--status", "refines", "--outcome", "Reduced trust"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Edited CMOC 1: Slow pace (context) triggers conflict (mechanism), leading to "
                   "reduced trust (outcome)\n");
  r = read({"cmoc", "list", "--status", "refines", "--format", "csv"});
  EXPECT_NE(r.out.find("\n1,"), std::string::npos);
  r = cli({"cmoc", "edit", "1", "--prior", "1"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc cmoc: CMOC 1 cannot test itself\n");
  r = cli({"cmoc", "edit", "1"});
  EXPECT_EQ(r.err,
            "cmoc cmoc: nothing to change: give --context, --mechanism, --outcome, --status, "
            "--prior, --no-prior, --label or --memo\n");
}

TEST_F(CmocCli, EvidenceAddAndRemove) {
  addFirst();
  auto r = cli({"cmoc", "evidence", "1", "--add", "outcome:6"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Coding 6 now supports the outcome of CMOC 1 (4 excerpts from 2 sources)\n");
  r = cli({"cmoc", "evidence", "1", "--add", "outcome:6"});
  EXPECT_EQ(r.err, "cmoc cmoc: coding 6 already supports the outcome of CMOC 1\n");
  r = cli({"cmoc", "evidence", "1", "--remove", "mechanism:5"});
  EXPECT_EQ(r.out, "Coding 5 no longer supports the mechanism of CMOC 1 (3 excerpts from 2 sources)\n");
  r = cli({"cmoc", "evidence", "1", "--remove", "mechanism:5"});
  EXPECT_EQ(r.err, "cmoc cmoc: coding 5 is not evidence for the mechanism of CMOC 1\n");
  r = cli({"cmoc", "evidence", "1"});
  EXPECT_EQ(r.err,
            "cmoc cmoc: evidence needs one --add SLOT:CODING_ID or one --remove SLOT:CODING_ID\n");
}

TEST_F(CmocCli, LinksSuggestionsAndCycles) {
  addFirst();
  auto r = cli({"cmoc", "add", "--context", "Reduced trust", "--mechanism", "Trust", "--outcome",
                "Slow pace", "--force"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  r = read({"cmoc", "links", "--format", "json"});
  EXPECT_EQ(r.out,
            "{\"links\": [],\n\"suggested\": [\n  {\"from\": 1, \"to\": 2, \"code\": \"Reduced trust\"},\n"
            "  {\"from\": 2, \"to\": 1, \"code\": \"Slow pace\"}\n],\n\"cycles\": []}\n");
  r = cli({"cmoc", "link", "1", "2"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Linked CMOC 1 (outcome Reduced trust) to CMOC 2 (context Reduced trust)\n");
  r = cli({"cmoc", "link", "1", "2"});
  EXPECT_EQ(r.err, "cmoc cmoc: CMOC 1 is already linked to CMOC 2\n");
  r = cli({"cmoc", "link", "2", "2"});
  EXPECT_EQ(r.err, "cmoc cmoc: cannot link CMOC 2 to itself\n");
  r = cli({"cmoc", "link", "2", "7"});
  EXPECT_EQ(r.err, "cmoc cmoc: no CMOC with id 7\n");
  r = cli({"cmoc", "link", "2", "1"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  r = read({"cmoc", "links"});
  EXPECT_NE(r.out.find("cycle        length  mechanisms\n1 -> 2 -> 1       2  Conflict -> Trust -> Conflict\n"),
            std::string::npos) << r.out;
  r = read({"cmoc", "links", "--format", "csv"});
  EXPECT_EQ(r.out,
            "kind,from,to,code,cycle\nlink,1,2,Reduced trust,\nlink,2,1,Slow pace,\n"
            "cycle,,,,1 -> 2 -> 1\n");
  r = cli({"cmoc", "unlink", "2", "1"});
  EXPECT_EQ(r.out, "Unlinked CMOC 2 from CMOC 1\n");
  r = cli({"cmoc", "unlink", "2", "1"});
  EXPECT_EQ(r.err, "cmoc cmoc: CMOC 2 is not linked to CMOC 1\n");
}

TEST_F(CmocCli, DeleteAndUndo) {
  addFirst();
  auto r = cli({"cmoc", "delete", "1"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Deleted CMOC 1: Slow pace (context) triggers conflict (mechanism), leading to "
                   "reduced trust (outcome)\n");
  r = cli({"cmoc", "delete", "1"});
  EXPECT_EQ(r.err, "cmoc cmoc: no CMOC with id 1\n");
  r = runCli({"log", project, "--format", "csv"});
  EXPECT_NE(r.out.find("delete-cmoc"), std::string::npos);
  r = runCli({"undo", project, "--coder", "ana"});
  EXPECT_EQ(r.out, "Undid: delete CMOC 1\n");
  r = runCli({"undo", project, "--coder", "ana"});
  EXPECT_EQ(r.out, "Undid: add CMOC Slow pace -> Conflict -> Reduced trust\n");
  r = read({"cmoc", "list", "--format", "json"});
  EXPECT_EQ(r.out, "[]\n");
}

TEST_F(CmocCli, WebWritesDotSvgAndPng) {
  addFirst();
  auto r = read({"web", (dir / "web.dot").string()});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Wrote the causal web (1 CMOC, 3 codes, 2 arrows) to " + (dir / "web.dot").string() + "\n");
  const std::string dot = readFile(dir / "web.dot");
  EXPECT_NE(dot.find("[label=\"Slow pace\", shape=box"), std::string::npos);
  EXPECT_NE(dot.find("fillcolor=\"#336699\""), std::string::npos);
  r = read({"web", (dir / "web.svg").string()});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(readFile(dir / "web.svg").rfind("<?xml", 0), 0u);
  r = read({"web", (dir / "web.png").string(), "--status", "affirms"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(readFile(dir / "web.png").substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos);  // no temp left

  r = read({"web", (dir / "trust.dot").string(), "--mechanism", "Trust"});
  EXPECT_EQ(r.out, "Wrote the causal web (0 CMOCs, 0 codes, 0 arrows) to " + (dir / "trust.dot").string() + "\n");
  EXPECT_EQ(r.err, "note: no CMOCs match, so the web is empty\n");
  r = read({"web", (dir / "web.pdf").string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc web: " + (dir / "web.pdf").string() + ": the file name must end in .dot, .svg or .png\n");
}

TEST_F(CmocCli, DemiShowsSupportAndTheMultipleSourcesRule) {
  addFirst();  // 2 sources
  auto r = cli({"cmoc", "add", "--context", "Slow pace", "--mechanism", "Trust", "--outcome",
                "Reduced trust", "--evidence", "mechanism:4"});  // 1 source
  ASSERT_EQ(r.exitCode, 0) << r.err;
  r = read({"demi"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "Conflict: 1 CMOC, 3 excerpts, 2 sources, 2 participants, 2 case types (alliance, "
            "hospital group)\n"
            "  contexts: Slow pace (1)\n"
            "  outcomes: Reduced trust (1)\n"
            "cmoc  context    outcome        status   excerpts  sources  participants  rule\n"
            "   1  Slow pace  Reduced trust  affirms         3        2             2  ok\n"
            "\n"
            "Trust: 1 CMOC, 1 excerpt, 1 source, 1 participant, 1 case type (alliance)\n"
            "  contexts: Slow pace (1)\n"
            "  outcomes: Reduced trust (1)\n"
            "  1 of 1 fail the multiple-sources rule (at least 2 sources)\n"
            "cmoc  context    outcome        status  excerpts  sources  participants  rule\n"
            "   2  Slow pace  Reduced trust  novel          1        1             1  FAILS (< 2 sources)\n");
  r = read({"demi", "--threshold", "3", "--mechanism", "Conflict", "--format", "csv"});
  EXPECT_EQ(r.out,
            "mechanism,mechanism_cmocs,mechanism_excerpts,mechanism_sources,mechanism_participants,"
            "mechanism_case_types,cmoc,context,outcome,status,excerpts,sources,participants,fails_rule\n"
            "Conflict,1,3,2,2,\"alliance, hospital group\",1,Slow pace,Reduced trust,affirms,3,2,2,yes\n");
  r = read({"demi", "--format", "json", "--mechanism", "Trust"});
  EXPECT_EQ(r.out.rfind("[{\"mechanism\": \"Trust\", \"cmoc_count\": 1, \"excerpts\": 1, \"sources\": 1, "
                        "\"participants\": [\"19\"], \"case_types\": [\"alliance\"], \"failing\": 1, "
                        "\"threshold\": 2, ", 0),
            0u) << r.out;
  r = read({"demi", "--threshold", "0"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc demi: --threshold needs a whole number from 1 to 1000000, not '0'\n");
}
