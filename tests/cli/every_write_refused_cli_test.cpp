// Issue 21's rule as a property over the whole CLI: every command and subcommand that writes,
// given input it refuses, exits non-zero with a message on stderr and leaves the project's
// `.dump` as it was. The catalogue below must name every command `cmoc --help` lists (and every
// subcommand its own help lists), as a writer with a refused case or as a reader, so a new
// command cannot join without a refused case here.
#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>
#include <set>
#include <sstream>

#include "sql_peek.h"
#include "test_support.h"

using cmoc::test::runCli;
using cmoc::test::sqlDump;
using cmoc::test::TempDir;
using cmoc::test::writeFile;

namespace {

struct Refusal {
  std::string command;            // "code add", "import", ... as the help names it
  std::vector<std::string> args;  // "P" is the project, "D/x" a file in its folder
};

void PrintTo(const Refusal& r, std::ostream* os) { *os << r.command; }

// One refused input for each writer; several where a writer refuses in different phases
// (arguments, lookups, while applying).
std::vector<Refusal> refusals() {
  // clang-format off
  return {
      {"init", {"init", "P"}},  // the project exists already
      {"import", {"import", "P", "D/missing.txt"}},
      {"import", {"import", "P", "D/broken.vtt"}},
      {"import", {"import", "P", "--participants", "D/participants-no-participant-column.csv"}},
      {"import", {"import", "P", "D/broken.qdpx"}},
      {"import", {"import", "P", "D/broken.pdf"}},
      {"code add", {"code", "add", "P", "Trust", "--kind", "mechanism"}},
      {"code add", {"code", "add", "P", "New", "--color", "red"}},
      {"code add", {"code", "add", "P", "New", "--parent", "Nope"}},
      {"code edit", {"code", "edit", "P", "Nope", "--name", "X"}},
      {"code edit", {"code", "edit", "P", "Trust", "--name", "Context"}},
      {"code move", {"code", "move", "P", "Trust", "--parent", "Nope"}},
      {"code merge", {"code", "merge", "P", "Trust", "Nope"}},
      {"code delete", {"code", "delete", "P", "Trust"}},  // it has codings and a CMOC
      {"code import", {"code", "import", "P", "D/codebook-cycle.csv"}},
      {"code export", {"code", "export", "P", "P"}},
      {"coding apply", {"coding", "apply", "P", "i.txt", "0", "5", "Nope"}},
      {"coding apply", {"coding", "apply", "P", "i.txt", "0", "99999999999999999999", "Trust"}},
      {"coding turn", {"coding", "turn", "P", "i.txt", "9", "Trust"}},
      {"coding remove", {"coding", "remove", "P", "99"}},
      {"coding move", {"coding", "move", "P", "1", "5", "2"}},
      {"coding memo", {"coding", "memo", "P", "99", "a memo"}},
      {"autocode", {"autocode", "P", "--code", "Nope", "--word", "trust"}},
      {"autocode", {"autocode", "P", "--code", "Trust", "--regex", "(unclosed"}},
      {"autocode-review", {"autocode-review", "P", "--accept"}},
      {"edit-text", {"edit-text", "P", "i.txt", "5", "2", "x"}},
      {"edit-text", {"edit-text", "P", "nope.txt", "0", "1", "x"}},
      {"import-codings", {"import-codings", "P", "D/codings-unknown-code.csv"}},
      {"export-codings", {"export-codings", "P", "P"}},
      {"cmoc add", {"cmoc", "add", "P", "--context", "Nope", "--mechanism", "Trust",
                    "--outcome", "Outcome"}},
      {"cmoc add", {"cmoc", "add", "P", "--context", "Trust", "--mechanism", "Trust",
                    "--outcome", "Outcome"}},  // a mechanism in the context slot, no --force
      {"cmoc edit", {"cmoc", "edit", "P", "99", "--label", "x"}},
      {"cmoc delete", {"cmoc", "delete", "P", "99"}},
      {"cmoc evidence", {"cmoc", "evidence", "P", "1", "--add", "context:99"}},
      {"cmoc link", {"cmoc", "link", "P", "1", "99"}},
      {"cmoc unlink", {"cmoc", "unlink", "P", "1", "1"}},  // no such link
      {"cmoc import", {"cmoc", "import", "P", "D/cmocs-unknown-code.csv"}},
      {"web", {"web", "P", "P"}},
      {"web", {"web", "P", "D/web.svg", "--theory", "nope", "--against", "current"}},
      // contradictions writes only its --out report
      {"contradictions", {"contradictions", "P", "--format", "md", "--out", "P"}},
      {"export-cmocs", {"export-cmocs", "P", "P"}},
      {"export-statements", {"export-statements", "P", "P"}},
      {"adjudicate", {"adjudicate", "P", "--coders", "ana,nobody", "--as", "consensus",
                      "--rule", "union"}},
      {"adjudicate", {"adjudicate", "P", "--coders", "ana,ben", "--as", "consensus",
                      "--rule", "sideways"}},
      {"merge", {"merge", "P", "D/missing.cmoc"}},
      {"merge", {"merge", "P", "P"}},
      {"export", {"export", "P", "P"}},
      {"import-qda", {"import-qda", "P", "D/broken.qdpx"}},
      {"new-from", {"new-from", "P", "D/broken.qdpx"}},  // P exists: nothing is made
      {"backup", {"backup", "P", "P"}},
      {"backup", {"backup", "P", "D/i.txt"}},  // DEST exists
      {"undo", {"undo", "P", "5"}},
      {"redo", {"redo", "P", "5"}},
      {"demo", {"demo", "P", "D/exports"}},  // P exists already
      {"participant set", {"participant", "set", "P", "19", "--interviewer", "maybe"}},
      {"participant set", {"participant", "set", "P", "19", "--attr", "=x"}},
      {"participant delete", {"participant", "delete", "P", "nobody"}},
      {"library import", {"library", "import", "P", "D/participants.csv"}},  // no references
      {"library import", {"library", "import", "P", "D/broken.vtt", "--encoding", "martian"}},
      {"library link", {"library", "link", "P", "i.txt", "nobody"}},  // a transcript, no study
      {"library unlink", {"library", "unlink", "P", "i.txt"}},
      {"theory snapshot", {"theory", "snapshot", "P", ""}},
      {"theory snapshot", {"theory", "snapshot", "P", "current"}},
      // diff writes only its --out report
      {"theory diff", {"theory", "diff", "P", "current", "current", "--format", "md",
                       "--out", "D/exports"}},
      {"theory diff", {"theory", "diff", "P", "nope", "current", "--format", "md",
                       "--out", "D/exports"}},
  };
  // clang-format on
}

// Commands that only read the project (their refusals are in the bad-input tables).
// clang-format off
const std::set<std::string> kReaders = {
    "sources",  "show",   "search",        "code list", "coding list",
    "excerpts", "matrix", "cmoc list",     "cmoc show", "cmoc links",
    "demi",     "agree",  "disagreements", "log",       "participant list",
    "theory list", "theory show", "check", "library list", "library show", "library papers",
};
// clang-format on

// The commands and subcommands the help lists: top-level names from `cmoc --help`, and for
// a command with subcommands, the words its help puts before PROJECT.
std::set<std::string> commandsTheHelpLists() {
  std::set<std::string> names;
  std::istringstream top(runCli({"--help"}).out);
  const std::regex topLine(R"(^  ([a-z][a-z-]*) )");
  const std::regex subLine(R"((?:^\s+|^usage: )(?:cmoc [a-z-]+ )?([a-z]+) PROJECT)");
  std::smatch m;
  for (std::string line; std::getline(top, line);) {
    if (!std::regex_search(line, m, topLine)) continue;
    const std::string command = m[1];
    std::set<std::string> subs;
    std::istringstream help(runCli({command, "--help"}).out);
    for (std::string l; std::getline(help, l);)
      if (std::regex_search(l, m, subLine)) subs.insert(command + " " + m[1].str());
    if (subs.empty())
      names.insert(command);
    else
      names.insert(subs.begin(), subs.end());
  }
  return names;
}

TEST(EveryWriteCommand, IsInTheCatalogueWithARefusedCaseOrIsAReader) {
  std::set<std::string> catalogued(kReaders);
  for (const Refusal& r : refusals()) catalogued.insert(r.command);
  const std::set<std::string> listed = commandsTheHelpLists();
  ASSERT_GT(listed.size(), 40u) << "the help's command list was not read";
  for (const std::string& name : listed)
    EXPECT_TRUE(catalogued.count(name)) << name << " needs a refused case here, or is a reader";
  for (const std::string& name : catalogued)
    EXPECT_TRUE(listed.count(name)) << name << " is not in the help any more";
}

class RefusedEverywhere : public testing::TestWithParam<Refusal> {
 protected:
  TempDir dir;
  std::string p = (dir / "s.cmoc").string();

  // A coder new to the project acts, so a coders row written before the refusal shows.
  void TearDown() override { unsetenv("CMOC_CODER"); }

  void SetUp() override {
    writeFile(dir / "i.txt",
              "Interviewer: How did the alliance start?\n\n"
              "19: Over coffee in the cafe. Trust came later.\n");
    writeFile(dir / "participants.csv", "participant,speaker,role\n19,19,director\n");
    writeFile(dir / "broken.vtt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n");
    writeFile(dir / "broken.qdpx", "PK not really a zip");
    writeFile(dir / "broken.pdf", "%PDF-1.4\ncut off by a download");
    writeFile(dir / "participants-no-participant-column.csv", "speaker,case\nnobody,alliance 9\n");
    writeFile(dir / "codebook-cycle.csv", "name,kind,parent\nA,context,B\nB,context,A\n");
    writeFile(dir / "codings-unknown-code.csv",
              "source,start,end,code,coder,memo\ni.txt,0,3,Nope,,\n");
    writeFile(dir / "cmocs-unknown-code.csv",
              "key,context,mechanism,outcome\nk1,Context,Trust,Outcome\nk2,Nope,Trust,Outcome\n");
    for (const std::vector<std::string>& a :
         {std::vector<std::string>{"init", p},
          {"import", p, (dir / "i.txt").string()},
          {"code", "add", p, "Context", "--kind", "context"},
          {"code", "add", p, "Trust", "--kind", "mechanism"},
          {"code", "add", p, "Outcome", "--kind", "outcome"},
          {"coding", "apply", p, "i.txt", "0", "5", "Trust", "--coder", "ana"},
          {"coding", "apply", p, "i.txt", "0", "5", "Context", "--coder", "ben"},
          {"cmoc", "add", p, "--context", "Context", "--mechanism", "Trust", "--outcome", "Outcome",
           "--coder", "ana"},
          {"import", p, "--participants", (dir / "participants.csv").string()}}) {
      const auto r = runCli(a);
      ASSERT_EQ(r.exitCode, 0) << a[0] << ": " << r.err;
    }
    setenv("CMOC_CODER", "newcomer", 1);
  }
};

TEST_P(RefusedEverywhere, SaysWhyAndLeavesTheProjectAsItWas) {
  const Refusal& c = GetParam();
  const std::vector<std::string> args = cmoc::test::placeArgs(c.args, p, dir.path());
  const std::string before = sqlDump(p);
  const auto r = runCli(args);
  EXPECT_NE(r.exitCode, 0) << r.out;
  EXPECT_NE(r.err, "");
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
  EXPECT_EQ(sqlDump(p), before);
  EXPECT_EQ(cmoc::test::sqlValue(p, "PRAGMA integrity_check"), "ok");
  EXPECT_FALSE(std::filesystem::exists(dir / "exports"));
}

INSTANTIATE_TEST_SUITE_P(Cli, RefusedEverywhere, testing::ValuesIn(refusals()),
                         [](const auto& param) {
                           std::string name =
                               param.param.command + "_" + std::to_string(param.index);
                           for (char& ch : name)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return name;
                         });

}  // namespace
