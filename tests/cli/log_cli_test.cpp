// `cmoc log --coder NAME`: only that coder's entries, newest first, --limit counting those.
#include <gtest/gtest.h>

#include <sstream>

#include "sql_peek.h"
#include "test_support.h"

using cmoc::test::runCli;

namespace {

// The coder and action columns of `cmoc log --format csv` output, one "coder action" a line.
std::string codersAndActions(const std::string& csv) {
  std::istringstream in(csv);
  std::string line, out;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    out += cells.at(2) + " " + cells.at(3) + "\n";
  }
  return out;
}

}  // namespace

TEST(LogCli, CoderShowsOnlyThatCodersEntries) {
  cmoc::test::TempDir dir;
  const std::string p = (dir / "s.cmoc").string();
  ASSERT_EQ(runCli({"init", p}).exitCode, 0);
  for (const auto& [name, coder] : std::vector<std::pair<std::string, std::string>>{
           {"A", "ana"}, {"B", "ben"}, {"C", "ana"}, {"D", "ben"}})
    ASSERT_EQ(runCli({"code", "add", p, name, "--coder", coder}).exitCode, 0);

  auto r = runCli({"log", p, "--coder", "ana", "--format", "csv"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(codersAndActions(r.out), "ana add-code\nana add-code\n");
  EXPECT_NE(r.out.find("\"{\"\"name\"\":\"\"C\"\"}\""), std::string::npos) << r.out;
  r = runCli({"log", p, "--coder", "ben", "--limit", "1", "--format", "csv"});
  EXPECT_EQ(codersAndActions(r.out), "ben add-code\n");
  EXPECT_NE(r.out.find("\"{\"\"name\"\":\"\"D\"\"}\""), std::string::npos) << r.out;
  r = runCli({"log", p, "--format", "csv"});
  EXPECT_EQ(codersAndActions(r.out), "ben add-code\nana add-code\nben add-code\nana add-code\n");
  // A name with no entries gives the empty table, and reading adds no coder.
  const std::string before = cmoc::test::sqlDump(p);
  r = runCli({"log", p, "--coder", "nobody", "--format", "json"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.out, "[]\n");
  EXPECT_EQ(cmoc::test::sqlDump(p), before);
}

TEST(LogCli, HelpSaysWhatCoderDoes) {
  const auto r = runCli({"log", "--help"});
  EXPECT_NE(r.out.find("--coder NAME"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("show only the entries of coder NAME"), std::string::npos) << r.out;
}
