// `cmoc code ...`, run as a user runs it: messages, exit codes, list formats, CSV files, undo.
#include <gtest/gtest.h>

#include <sstream>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/project.h"
#include "test_support.h"

using cmoc::test::readFile;
using cmoc::test::runCli;
using cmoc::test::TempDir;
using cmoc::test::writeFile;

namespace {

struct CliProject {
  TempDir dir;
  std::string p = (dir / "s.cmoc").string();
  CliProject() {
    EXPECT_EQ(runCli({"init", p}).exitCode, 0);
    for (std::vector<std::string> add :
         {std::vector<std::string>{"Mechanisms", "--kind", "mechanism"},
          {"Trust", "--parent", "Mechanisms", "--kind", "m", "--color", "#0072B2", "--definition",
           "Readiness to be exposed"},
          {"Initial trust", "--parent", "Trust", "--kind", "m"},
          {"Outcomes", "--kind", "outcome"}}) {
      add.insert(add.begin(), {"code", "add", p});
      EXPECT_EQ(run(add).exitCode, 0);
    }
  }
  cmoc::test::RunResult run(std::vector<std::string> args) {
    args.insert(args.end(), {"--coder", "ana"});
    // list and export take no --coder: they change nothing.
    if (args.size() > 1 && (args[1] == "list" || args[1] == "export")) args.resize(args.size() - 2);
    return runCli(args);
  }
  // One-line error of a failing command.
  std::string error(std::vector<std::string> args) {
    const auto r = run(std::move(args));
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_EQ(r.out, "");
    return r.err;
  }
};

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST(CodeCli, HelpDocumentsEverySubcommand) {
  auto r = runCli({"code", "--help"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.out.find("usage: cmoc code SUBCOMMAND PROJECT.cmoc [ARGS]"), std::string::npos);
  for (const char* sub :
       {"  add PROJECT NAME [--parent PATH]", "  edit PROJECT CODE [--name NAME]",
        "  move PROJECT CODE (--parent PATH | --top)", "  merge PROJECT FROM INTO",
        "  delete PROJECT CODE [--move-up | --with-codings]",
        "  list PROJECT [--format table|csv|json]", "  import PROJECT FILE.csv",
        "  export PROJECT FILE.csv", "--with-codings"})
    EXPECT_NE(r.out.find(sub), std::string::npos) << sub;
  r = runCli({"code", "add", "--help"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.out.find("  add PROJECT NAME"), std::string::npos);
  EXPECT_NE(runCli({"--help"}).out.find("  code "), std::string::npos);
}

TEST(CodeCli, EachChangeSaysWhatItDidInOneLine) {
  CliProject f;
  auto r = f.run({"code", "add", f.p, "Faith", "--parent", "Mechanisms", "--kind", "m"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Added code Mechanisms/Faith (mechanism)\n");
  r = f.run({"code", "edit", f.p, "Faith", "--name", "Faith in the alliance", "--origin",
             "inductive", "--inclusion", "belief it is worth it"});
  EXPECT_EQ(r.out, "Updated code Mechanisms/Faith in the alliance\n");
  r = f.run({"code", "move", f.p, "Trust", "--top"});
  EXPECT_EQ(r.out, "Moved code Mechanisms/Trust to Trust\n");
  r = f.run({"code", "move", f.p, "Trust", "--parent", "Mechanisms"});
  EXPECT_EQ(r.out, "Moved code Trust to Mechanisms/Trust\n");
  r = f.run({"code", "merge", f.p, "Faith in the alliance", "Trust"});
  EXPECT_EQ(
      r.out,
      "Merged Mechanisms/Faith in the alliance into Mechanisms/Trust, which now has 0 codings\n");
  r = f.run({"code", "delete", f.p, "Initial trust"});
  EXPECT_EQ(r.out, "Deleted code Mechanisms/Trust/Initial trust\n");
  r = f.run({"code", "delete", f.p, "Mechanisms", "--move-up"});
  EXPECT_EQ(r.out, "Deleted code Mechanisms; its sub-codes and codings moved to the top level\n");
  r = f.run({"code", "delete", f.p, "Trust", "--with-codings"});
  EXPECT_EQ(r.out, "Deleted code Trust with 0 sub-codes and 0 codings\n");
  r = f.run({"code", "list", f.p, "--format", "csv"});
  EXPECT_EQ(lines(r.out).size(), 2u) << r.out;  // header and Outcomes
}

TEST(CodeCli, MistakesGetOneLineErrors) {
  CliProject f;
  const std::string all = "add, edit, move, merge, delete, list, import, export";
  EXPECT_EQ(f.error({"code"}), "cmoc code: missing what to do: " + all + "\n");
  EXPECT_EQ(f.error({"code", "rename", f.p}),
            "cmoc code: unknown subcommand 'rename' (" + all + ")\n");
  EXPECT_EQ(f.error({"code", "merge", f.p, "Trust"}),
            "cmoc code: usage: cmoc code merge PROJECT.cmoc FROM INTO\n");
  EXPECT_EQ(f.error({"code", "add", f.p, "X", "--top"}),
            "cmoc code: --top does not apply to `code add`\n");
  EXPECT_EQ(f.error({"code", "add", f.p, "X", "--colour", "red"}),
            "cmoc code: unknown option '--colour'\n");
  EXPECT_EQ(f.error({"code", "add", f.p, "X", "--color", "red"}),
            "cmoc code: colour 'red' is not #RRGGBB\n");
  EXPECT_EQ(f.error({"code", "add", f.p, "X", "--kind", "mech"}),
            "cmoc code: unknown code kind 'mech' (context, mechanism, outcome or other)\n");
  EXPECT_EQ(f.error({"code", "add", f.p, "Trust", "--parent", "Mechanisms"}),
            "cmoc code: a code named 'Trust' already exists there\n");
  EXPECT_EQ(f.error({"code", "edit", f.p, "Nope", "--memo", "x"}),
            "cmoc code: no code named 'Nope'\n");
  EXPECT_EQ(f.error({"code", "edit", f.p, "Trust"}),
            "cmoc code: nothing to change: give --name, --kind, --definition, --inclusion, "
            "--exclusion, --color, --origin or --memo\n");
  EXPECT_EQ(f.error({"code", "move", f.p, "Trust"}),
            "cmoc code: code move needs --parent PATH or --top\n");
  EXPECT_EQ(f.error({"code", "move", f.p, "Mechanisms", "--parent", "Initial trust"}),
            "cmoc code: cannot move 'Mechanisms' under 'Mechanisms/Trust/Initial trust': that is "
            "one of its own sub-codes\n");
  EXPECT_EQ(f.error({"code", "merge", f.p, "Trust", "Mechanisms/Trust"}),
            "cmoc code: cannot merge 'Mechanisms/Trust' into itself\n");
  EXPECT_EQ(f.error({"code", "delete", f.p, "Trust"}),
            "cmoc code: cannot delete 'Mechanisms/Trust': it has 1 sub-code; use --move-up to "
            "move it to 'Mechanisms', or --with-codings to delete it too\n");
  EXPECT_EQ(f.error({"code", "delete", f.p, "Trust", "--move-up", "--with-codings"}),
            "cmoc code: give --move-up or --with-codings, not both\n");
  ASSERT_EQ(f.run({"code", "add", f.p, "Trust", "--parent", "Outcomes"}).exitCode, 0);
  EXPECT_EQ(f.error({"code", "delete", f.p, "Trust"}),
            "cmoc code: several codes are named 'Trust'; name one by its path: Mechanisms/Trust, "
            "Outcomes/Trust\n");
}

TEST(CodeCli, ListShowsTheTreeWithCountsOfCodingsAndSources) {
  CliProject f;
  {
    cmoc::Project project = cmoc::Project::open(f.p);
    project.setCoder("ana");
    for (const char* name : {"a.txt", "b.txt"}) {
      cmoc::Transcript t{name, "text", std::string("R: trust grew. ") + name, {}};
      t.turns = {{"R", 3, 14, {}, {}}};
      project.addTranscript(t);
      cmoc::Coding(project).apply(name, "Initial trust", 3, 8);
    }
    cmoc::Coding(project).apply("a.txt", "Initial trust", 9, 13);
  }
  auto r = f.run({"code", "list", f.p});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto out = lines(r.out);
  ASSERT_EQ(out.size(), 5u) << r.out;
  EXPECT_EQ(out[0].substr(0, 4), "code");
  EXPECT_EQ(out[1].substr(0, 11), "Mechanisms ");
  EXPECT_EQ(out[2].substr(0, 8), "  Trust ");
  EXPECT_EQ(out[3].substr(0, 18), "    Initial trust ");
  EXPECT_NE(out[3].find("  mechanism  deductive  20"), std::string::npos) << out[3];
  EXPECT_EQ(out[3].substr(out[3].size() - 18), "        3        2") << r.out;
  EXPECT_EQ(out[4].substr(out[4].size() - 18), "        0        0") << r.out;

  r = f.run({"code", "list", f.p, "--format", "json"});
  EXPECT_NE(r.out.find("{\"path\": \"Mechanisms/Trust\", \"name\": \"Trust\", \"kind\": "
                       "\"mechanism\", \"origin\": \"deductive\", \"color\": \"#0072B2\", "
                       "\"definition\": \"Readiness to be exposed\", \"created\": \"20"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"codings\": 3, \"sources\": 2, \"guid\": \""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"name\": \"Outcomes\", \"kind\": \"outcome\", \"origin\": \"deductive\", "
                       "\"color\": null"),
            std::string::npos)
      << r.out;
  r = f.run({"code", "list", f.p, "--format", "csv"});
  EXPECT_EQ(lines(r.out)[0], "path,name,kind,origin,color,definition,created,codings,sources,guid");
}

TEST(CodeCli, ImportAndExportRoundTripThroughFiles) {
  CliProject f;
  const std::string sample = (cmoc::test::samplesDir() / "codebook.csv").string();
  const std::string q = (f.dir / "q.cmoc").string();
  ASSERT_EQ(runCli({"init", q}).exitCode, 0);
  auto r = runCli({"code", "import", q, sample});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.rfind("Imported codebook.csv: ", 0), 0u) << r.out;
  EXPECT_TRUE(r.out.ends_with(" codes created, 0 updated\n")) << r.out;
  const std::string out1 = (f.dir / "one.csv").string(), out2 = (f.dir / "two.csv").string();
  r = runCli({"code", "export", q, out1});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.rfind("Exported ", 0), 0u);
  EXPECT_TRUE(r.out.ends_with(" codes to " + out1 + "\n")) << r.out;

  const std::string fresh = (f.dir / "fresh.cmoc").string();
  ASSERT_EQ(runCli({"init", fresh}).exitCode, 0);
  ASSERT_EQ(runCli({"code", "import", fresh, out1}).exitCode, 0);
  ASSERT_EQ(runCli({"code", "export", fresh, out2}).exitCode, 0);
  EXPECT_EQ(readFile(out2), readFile(out1));
  // Exporting again replaces the file whole and leaves no temporary file behind.
  ASSERT_EQ(runCli({"code", "export", fresh, out2}).exitCode, 0);
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(f.dir.path()))
    files += e.path().extension() == ".csv" || e.path().string().find(".tmp-") != std::string::npos;
  EXPECT_EQ(files, 2);
  r = runCli({"code", "import", fresh, out1});
  EXPECT_EQ(r.out, "Imported one.csv: 0 codes created, 0 updated\n");
}

TEST(CodeCli, ABadCsvChangesNothingAndNamesTheLineAndColumn) {
  CliProject f;
  writeFile(f.dir / "bad.csv", "path,kind\nNew code,m\nOther,mech\n");
  EXPECT_EQ(f.error({"code", "import", f.p, (f.dir / "bad.csv").string()}),
            "cmoc code: bad.csv: line 3, column 2: unknown code kind 'mech' (context, mechanism, "
            "outcome or other)\n");
  EXPECT_EQ(lines(f.run({"code", "list", f.p, "--format", "csv"}).out).size(), 5u);
  EXPECT_EQ(f.error({"code", "export", f.p, (f.dir / "no" / "such" / "dir.csv").string()}),
            "cmoc code: cannot write " + (f.dir / "no" / "such" / "dir.csv").string() +
                ": No such file or directory\n");
}

TEST(CodeCli, UndoBringsADeletedBranchBack) {
  CliProject f;
  const std::string before = f.run({"code", "list", f.p, "--format", "json"}).out;
  ASSERT_EQ(f.run({"code", "delete", f.p, "Mechanisms", "--with-codings"}).exitCode, 0);
  auto r = f.run({"undo", f.p});
  EXPECT_EQ(r.out, "Undid: delete code Mechanisms\n");
  EXPECT_EQ(f.run({"code", "list", f.p, "--format", "json"}).out, before);
}

// A codebook saved by Excel on Windows is windows-1252: the error's advice works (issue 21).
TEST(CodeCli, ImportTakesTheEncodingTheErrorAsksFor) {
  CliProject f;
  const std::string csv = (f.dir / "latin.csv").string();
  writeFile(csv, "path,kind\nCaf\xE9 culture,c\n");
  EXPECT_EQ(f.error({"code", "import", f.p, csv}),
            "cmoc code: latin.csv: byte 13: invalid UTF-8; if the file uses another encoding, "
            "name it with --encoding\n");
  const auto r = f.run({"code", "import", f.p, csv, "--encoding", "windows-1252"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out, "Imported latin.csv: 1 code created, 0 updated\n");
  EXPECT_NE(f.run({"code", "list", f.p, "--format", "csv"}).out.find("Café culture,Café culture"),
            std::string::npos);
  EXPECT_EQ(f.error({"code", "import", f.p, csv, "--encoding", "klingon"}),
            "cmoc code: latin.csv: --encoding: unknown encoding 'klingon'\n");
}

// Issue 21, finding 13: a 100 MB code name grew a project to 315 MB. Every way a code name
// enters is held to cmoc::kMaxNameLength.
TEST(CodeCli, NamesOverTheLengthLimitAreRefusedEverywhereTheyEnter) {
  CliProject f;
  const std::string tooLong(1001, 'x');
  const std::string message = "a code name can be at most 1000 characters; this one has 1001\n";
  EXPECT_EQ(f.error({"code", "add", f.p, tooLong}), "cmoc code: " + message);
  EXPECT_EQ(f.error({"code", "edit", f.p, "Trust", "--name", tooLong}), "cmoc code: " + message);
  const std::string csv = (f.dir / "long.csv").string();
  writeFile(csv, "path,kind\nMechanisms/" + tooLong + ",m\n");
  EXPECT_EQ(f.error({"code", "import", f.p, csv}),
            "cmoc code: long.csv: line 2, column 1: " + message);
  writeFile(csv, "name,parent\nShort," + tooLong + "\n");
  EXPECT_EQ(f.error({"code", "import", f.p, csv}),
            "cmoc code: long.csv: line 2, column 2: " + message);
  // Characters, not bytes: 1,000 three-byte characters are within the limit.
  std::string chinese;
  for (int i = 0; i < 1000; ++i) chinese += "\u4E09";
  EXPECT_EQ(f.run({"code", "add", f.p, chinese}).exitCode, 0);
  EXPECT_EQ(lines(f.run({"code", "list", f.p, "--format", "csv"}).out).size(), 6u);
}

// Issue 21, finding 13: what XML cannot hold never enters a code name, so the project's own
// REFI-QDA export always imports again.
TEST(CodeCli, NamesXmlCannotHoldAreRefused) {
  CliProject f;
  EXPECT_EQ(f.error({"code", "add", f.p, "Tr\x01ust"}),
            "cmoc code: a code name cannot hold control characters (found U+0001)\n");
  EXPECT_EQ(f.error({"code", "edit", f.p, "Trust", "--name", "T\x1Fx"}),
            "cmoc code: a code name cannot hold control characters (found U+001F)\n");
  EXPECT_EQ(f.error({"code", "add", f.p, "A\xEF\xBF\xBE"}),
            "cmoc code: a code name cannot hold the non-characters U+FFFE or U+FFFF\n");
  EXPECT_EQ(f.error({"code", "add", f.p, "A\xED\xA0\x80"}),
            "cmoc code: a code name must be valid UTF-8\n");
  EXPECT_EQ(lines(f.run({"code", "list", f.p, "--format", "csv"}).out).size(), 5u);
}
