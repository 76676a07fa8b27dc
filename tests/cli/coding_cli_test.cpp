// `cmoc coding`, `excerpts`, `import-codings`, `export-codings` and `matrix`, run as a user
// runs them.
#include <gtest/gtest.h>

#include <sstream>

#include <algorithm>
#include <filesystem>

#include "test_support.h"
#include "transcript_builder.h"

using cmoc::test::readFile;
using cmoc::test::runCli;
using cmoc::test::TempDir;
using cmoc::test::writeFile;

namespace {

// Turn 1 is [13, 40), turn 2 [47, 99): "Honestly" 47, "coffee" 62, "café" 76, "Trust" 82.
const std::string kInterview =
    cmoc::test::interviewText({{"Interviewer", "How did the alliance start?"},
                               {"Zoë", "Honestly, over coffee in the café. Trust came later."},
                               {"Interviewer", "And the board?"}});

class CodingCli : public ::testing::Test {
 protected:
  TempDir dir;
  std::string p = (dir / "s.cmoc").string();

  void SetUp() override {
    writeFile(dir / "i.txt", kInterview);
    writeFile(dir / "people.csv",
              "file,participant,speaker,role,case,case_type\n"
              ",INT1,Interviewer,interviewer,,\n"
              "i.txt,19,Zoë,director,alliance 2,alliance\n");
    writeFile(dir / "codes.csv",
              "source,start,end,code,coder,memo\n"
              "i.txt,62,68,Context/Informal contact,ana,over coffee\n"
              "i.txt,82,87,Mechanisms/Trust,ana,\n");
    ASSERT_EQ(run({"init", p}).exitCode, 0);
    ASSERT_EQ(run({"import", p, path("i.txt"), "--participants", path("people.csv")}).exitCode, 0);
  }

  std::string path(const std::string& name) const { return (dir / name).string(); }

  // Runs cmoc, acting as coder "ana" in commands that change codings unless --coder says
  // otherwise. Reading commands get no --coder, since there it would filter the codings.
  static cmoc::test::RunResult run(const std::vector<std::string>& args) {
    std::vector<std::string> withCoder = args;
    const bool writes =
        args[0] == "import-codings" || args[0] == "undo" ||
        (args[0] == "coding" && std::find(args.begin(), args.end(), "list") == args.end());
    if (writes && std::find(args.begin(), args.end(), "--coder") == args.end()) {
      withCoder.push_back("--coder");
      withCoder.push_back("ana");
    }
    return runCli(withCoder);
  }
};

}  // namespace

TEST_F(CodingCli, HelpDocumentsTheSubcommands) {
  auto r = runCli({"coding", "--help"});
  EXPECT_EQ(r.exitCode, 0);
  for (const char* s : {"apply PROJECT SOURCE START END CODE", "turn PROJECT SOURCE TURN CODE",
                        "remove PROJECT CODING_ID", "move PROJECT CODING_ID START END",
                        "memo PROJECT CODING_ID TEXT", "list PROJECT [filters]"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s;
  r = runCli({"--help"});
  for (const char* c : {"coding", "excerpts", "import-codings", "export-codings", "matrix"})
    EXPECT_NE(r.out.find(std::string("  ") + c + " "), std::string::npos) << c;
}

TEST_F(CodingCli, ApplyTurnMoveMemoRemoveAndList) {
  ASSERT_EQ(run({"import-codings", p, path("codes.csv"), "--create-codes"}).exitCode, 0);
  auto r = run({"coding", "apply", p, "i.txt", "76", "80", "Trust", "--memo", "the café"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Coding 3: Mechanisms/Trust on i.txt [76, 80) by ana\n");
  r = run({"coding", "turn", p, "i.txt", "1", "Informal contact", "--coder", "ben"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Coding 4: Context/Informal contact on i.txt [13, 40) by ben\n");
  r = run({"coding", "move", p, "3", "75", "80"});
  EXPECT_EQ(r.out, "Coding 3: Mechanisms/Trust on i.txt [75, 80) by ana\n");
  r = run({"coding", "memo", p, "3", "café, then trust", "--format", "json"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("\"id\": 3, "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"memo\": \"café, then trust\""), std::string::npos) << r.out;

  r = run({"coding", "list", p, "--format", "csv"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "id,guid,source_id,source,start,end,code_id,code,coder,memo,created,modified");
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 5);
  r = run({"coding", "list", p});
  EXPECT_NE(r.out.find("id  source  start  end  code"), std::string::npos) << r.out;

  r = run({"coding", "remove", p, "3"});
  EXPECT_EQ(r.out, "Removed coding 3: Mechanisms/Trust on i.txt [75, 80) by ana\n");
  r = run({"coding", "list", p, "--code", "Trust", "--format", "csv"});
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2) << r.out;
}

TEST_F(CodingCli, ProjectFirstOrderWorksToo) {
  ASSERT_EQ(run({"import-codings", p, path("codes.csv"), "--create-codes"}).exitCode, 0);
  auto r = run({"coding", p, "apply", "i.txt", "47", "55", "Trust"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Coding 3: Mechanisms/Trust on i.txt [47, 55) by ana\n");
}

TEST_F(CodingCli, BlindCodingShowsACoderOnlyTheirOwnCodings) {
  ASSERT_EQ(run({"import-codings", p, path("codes.csv"), "--create-codes"}).exitCode, 0);
  ASSERT_EQ(run({"coding", "apply", p, "i.txt", "47", "55", "Trust", "--coder", "ben"}).exitCode,
            0);
  auto r = run({"coding", "list", p, "--coder", "ben", "--format", "csv"});
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2) << r.out;
  EXPECT_NE(r.out.find(",47,55,"), std::string::npos);
  r = run({"excerpts", p, "--coder", "ben", "--format", "csv"});
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2) << r.out;
  r = run({"coding", "list", p, "--coder", "cy", "--format", "csv"});
  EXPECT_EQ(r.exitCode, 0) << "a coder with nothing coded yet sees an empty list: " << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
}

TEST_F(CodingCli, MisuseGivesOneLineErrors) {
  ASSERT_EQ(run({"import-codings", p, path("codes.csv"), "--create-codes"}).exitCode, 0);
  auto r = run({"coding", "apply", p, "nope.txt", "0", "1", "Trust"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc coding: no source named 'nope.txt'\n");
  r = run({"coding", "apply", p, "i.txt", "0", "1", "Faith"});
  EXPECT_EQ(r.err, "cmoc coding: no code named 'Faith'\n");
  r = run({"coding", "apply", p, "i.txt", "10", "5", "Trust"});
  EXPECT_EQ(r.err, "cmoc coding: span [10, 5) is inverted: its end is before its start\n");
  r = run({"coding", "apply", p, "i.txt", "0", "500", "Trust"});
  EXPECT_EQ(r.err, "cmoc coding: span [0, 500) lies outside i.txt (0 to 129)\n");
  r = run({"coding", "apply", p, "i.txt", "5", "5", "Trust"});
  EXPECT_EQ(r.err, "cmoc coding: span [5, 5) is empty\n");
  r = run({"coding", "apply", p, "i.txt", "x", "5", "Trust"});
  EXPECT_EQ(r.err, "cmoc coding: START needs a whole number from 0 to 268435456, not 'x'\n");
  r = run({"coding", "turn", p, "i.txt", "9", "Trust"});
  EXPECT_EQ(r.err, "cmoc coding: source 'i.txt' has no turn 9\n");
  r = run({"coding", "remove", p, "42"});
  EXPECT_EQ(r.err, "cmoc coding: no coding with id 42\n");
  r = run({"coding", "remove", p, "1", "--memo", "x"});
  EXPECT_EQ(r.err, "cmoc coding: --memo does not apply to `coding remove`\n");
  r = run({"coding", p});
  EXPECT_EQ(r.err,
            "cmoc coding: coding needs a subcommand: apply, turn, remove, move, memo or list\n");
  r = run({"coding", "apply", p, "i.txt", "1", "5"});
  EXPECT_EQ(r.err, "cmoc coding: usage: cmoc coding apply PROJECT.cmoc SOURCE START END CODE\n");
  r = run({"coding", "list", p, "--format", "csv"});
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3) << "nothing was added: " << r.out;
}

TEST_F(CodingCli, ExcerptsCarryTheAttributionAndFollowTheFilters) {
  ASSERT_EQ(run({"import-codings", p, path("codes.csv"), "--create-codes"}).exitCode, 0);
  ASSERT_EQ(run({"coding", "turn", p, "i.txt", "1", "Trust"}).exitCode, 0);
  auto r = run({"excerpts", p, "--attr", "role=director", "--format", "json", "--context", "20"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(
      r.out.find("\"speaker\": \"Zoë\", \"participant\": \"19\", \"attribution\": \"19; "
                 "director; alliance 2\", \"before\": \"Honestly, over \", \"text\": \"coffee\", "
                 "\"after\": \" in the café. Trust\""),
      std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("INT1"), std::string::npos) << "the interviewer's turn is filtered out";
  r = run({"excerpts", p, "--code", "Mechanisms", "--children"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "attribution               code              coder  source  span   quote\n"
            "INT1; interviewer         Mechanisms/Trust  ana    i.txt   13-40  How did the "
            "alliance start?\n"
            "19; director; alliance 2  Mechanisms/Trust  ana    i.txt   82-87  Trust\n");
  r = run({"excerpts", p, "--participant", "INT1", "--format", "csv"});
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2) << r.out;
  r = run({"excerpts", p, "--attr", "role"});
  EXPECT_EQ(r.err, "cmoc excerpts: --attr needs NAME=VALUE, not 'role'\n");
}

TEST_F(CodingCli, ImportExportRoundTripAndUndo) {
  auto r = run({"import-codings", p, path("codes.csv")});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err,
            "cmoc import-codings: codes.csv: line 2: no code named 'Context/Informal contact' "
            "(--create-codes creates unknown codes)\n");
  r = run({"import-codings", p, path("codes.csv"), "--create-codes", "--coder", "ben"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "Imported 2 codings from codes.csv\n"
            "Created 4 codes: Context, Context/Informal contact, Mechanisms, Mechanisms/Trust\n"
            "New coders: ana\n");  // the refused import before left no trace of ana

  r = run({"export-codings", p, path("out.csv")});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Exported 2 codings to " + path("out.csv") + "\n");
  EXPECT_EQ(readFile(dir / "out.csv"), readFile(dir / "codes.csv"));
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
  r = run({"export-codings", p, "-", "--code", "Trust"});
  EXPECT_EQ(r.out, "source,start,end,code,coder,memo\ni.txt,82,87,Mechanisms/Trust,ana,\n");

  const std::string q = path("q.cmoc");
  ASSERT_EQ(run({"init", q}).exitCode, 0);
  ASSERT_EQ(run({"import", q, path("i.txt")}).exitCode, 0);
  r = run({"import-codings", q, path("out.csv"), "--create-codes"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  ASSERT_EQ(run({"export-codings", q, path("again.csv")}).exitCode, 0);
  EXPECT_EQ(readFile(dir / "again.csv"), readFile(dir / "out.csv"));

  r = run({"undo", q});
  EXPECT_EQ(r.out, "Undid: import codings from out.csv\n");
  r = run({"coding", "list", q, "--format", "csv"});
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
}

TEST_F(CodingCli, ABadRowImportsNothing) {
  writeFile(dir / "bad.csv",
            "source,turn,code\n"
            "i.txt,1,Trust\n"
            "i.txt,7,Trust\n");
  auto r = run({"import-codings", p, path("bad.csv"), "--create-codes"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err,
            "cmoc import-codings: bad.csv: line 3: source 'i.txt' has no turn 7 (it has 3)\n");
  r = run({"coding", "list", p, "--format", "csv"});
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
}

TEST_F(CodingCli, MatrixCountsCodingsAndSourcesPerValue) {
  ASSERT_EQ(run({"import-codings", p, path("codes.csv"), "--create-codes"}).exitCode, 0);
  ASSERT_EQ(run({"coding", "turn", p, "i.txt", "1", "Trust"}).exitCode, 0);
  auto r = run({"matrix", p, "case_type", "--parent", "Mechanisms"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out,
            "code              alliance  (none)  total\n"
            "Mechanisms/Trust  1 (1)     1 (1)   2 (1)\n");
  r = run({"matrix", p, "role", "--codes", "Trust", "--codes", "Informal contact", "--count",
           "codings", "--format", "csv"});
  EXPECT_EQ(r.out,
            "code,director,interviewer,total\n"
            "Mechanisms/Trust,1,1,2\n"
            "Context/Informal contact,1,0,1\n");
  r = run({"matrix", p, "case", "--codes", "Trust", "--format", "json"});
  EXPECT_EQ(r.out,
            "{\"attribute\": \"case\",\n\"columns\": [\"alliance 2\", \"(none)\"],\n\"rows\": [\n"
            "  {\"code\": \"Mechanisms/Trust\", \"cells\": {\"alliance 2\": {\"codings\": 1, "
            "\"sources\": 1}, \"(none)\": {\"codings\": 1, \"sources\": 1}}, \"total\": "
            "{\"codings\": 2, \"sources\": 1}}\n]}\n");
  r = run({"matrix", p, "colour"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err,
            "cmoc matrix: no participant or case has an attribute 'colour' (known: case, "
            "case_type, participant, role)\n");
}

// Codes created as the rows come keep their order and are found again by later rows, under
// their unique names and their paths alike (the index grows with each new code).
TEST_F(CodingCli, CreateCodesBuildsTheTreeInRowOrderAndReusesWhatItMade) {
  writeFile(dir / "new.csv",
            "source,start,end,code,coder,memo\n"
            "i.txt,0,5,Beta/One,,\n"
            "i.txt,0,5,Alpha/Two,,\n"
            "i.txt,0,5,Beta/Three,,\n"
            "i.txt,0,5,Three,,\n"
            "i.txt,0,5,Alpha/Two/Deep,,\n"
            "i.txt,0,5,Beta/One,,\n");
  const auto r = run({"import-codings", p, path("new.csv"), "--create-codes"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  std::string paths;
  std::istringstream list(run({"code", "list", p, "--format", "csv"}).out);
  std::string line;
  std::getline(list, line);
  while (std::getline(list, line)) paths += line.substr(0, line.find(',')) + " ";
  EXPECT_NE(paths.find("Beta Beta/One Beta/Three Alpha Alpha/Two Alpha/Two/Deep "),
            std::string::npos)
      << paths;
  const std::string ones = run({"coding", "list", p, "--code", "Beta/One", "--format", "csv"}).out;
  EXPECT_EQ(std::count(ones.begin(), ones.end(), '\n'), 3) << ones;  // header and two rows
  const std::string threes = run({"coding", "list", p, "--code", "Three", "--format", "csv"}).out;
  EXPECT_EQ(std::count(threes.begin(), threes.end(), '\n'), 3) << threes;  // header and two rows
}
