// `cmoc agree --unitized`: Krippendorff's unitized alpha per code and overall, on a project
// coded as Krippendorff's (2004, Content Analysis, 2nd ed., p. 254) worked example.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/project.h"
#include "test_support.h"

using cmoc::test::runCli;
using cmoc::test::TempDir;

namespace {

// The example's continuum [150, 450) as a 300-character source; observers i and j code c and k.
struct Example2004 {
  TempDir dir;
  std::string file = (dir / "p.cmoc").string();
  explicit Example2004(bool thirdCoder = false) {
    cmoc::Project p = cmoc::Project::create(file);
    p.addTranscript({"s.txt", "text", std::string(300, 'x'), {{"P", 0, 300, {}, {}}}});
    using Spans = std::vector<std::pair<int, int>>;
    auto code = [&](const char* name, const Spans& spans) {
      for (const auto& [start, end] : spans) cmoc::Coding(p).apply("s.txt", name, start, end);
    };
    p.setCoder("i");
    cmoc::Codebook(p).add({.name = "c"});
    cmoc::Codebook(p).add({.name = "k"});
    code("c", {{75, 145}, {220, 250}});
    code("k", {{30, 90}, {150, 200}});
    p.setCoder("j");
    code("c", {{70, 150}, {205, 225}, {250, 270}});
    code("k", {{30, 90}, {150, 200}});
    if (thirdCoder) {
      p.setCoder("h");
      cmoc::Coding(p).apply("s.txt", "k", 30, 90);
    }
  }
};

// The table line that starts with `prefix`, or "" when none does.
std::string lineOf(const std::string& out, const std::string& prefix) {
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(prefix, 0) == 0) return line;
  return "";
}

bool endsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST(CliAgreeUnitized, ReproducesKrippendorff2004PerCodeAndOverall) {
  Example2004 p;
  auto r = runCli({"agree", p.file, "--coders", "i,j", "--unitized"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(endsWith(lineOf(r.out, "code "), "Krippendorff's alpha  unitized alpha")) << r.out;
  EXPECT_TRUE(endsWith(lineOf(r.out, "c "), "0.729")) << r.out;  // alpha_c = .7286
  EXPECT_TRUE(endsWith(lineOf(r.out, "k "), "1.000")) << r.out;  // alpha_k = 1
  EXPECT_TRUE(endsWith(lineOf(r.out, "All codes (pooled)"), "0.859")) << r.out;  // alpha-u = .859
  EXPECT_TRUE(has(r.out, "Krippendorff's unitized alpha (alpha-u; Krippendorff 1995, 2004)")) << r.out;
  EXPECT_TRUE(has(r.out, "the overall alpha-u pools the codes as separate continua")) << r.out;

  auto one = runCli({"agree", p.file, "--coders", "i,j", "--unitized", "--codes", "c"});
  ASSERT_EQ(one.exitCode, 0) << one.err;
  EXPECT_TRUE(endsWith(lineOf(one.out, "c "), "0.729")) << one.out;
  EXPECT_TRUE(endsWith(lineOf(one.out, "All codes (pooled)"), "0.729")) << one.out;
  EXPECT_EQ(lineOf(one.out, "k "), "");
}

TEST(CliAgreeUnitized, CsvJsonAndMarkdownCarryTheColumn) {
  Example2004 p;
  auto csv = runCli({"agree", p.file, "--coders", "i,j", "--unitized", "--format", "csv"});
  ASSERT_EQ(csv.exitCode, 0) << csv.err;
  EXPECT_TRUE(has(csv.out, "krippendorff_alpha,krippendorff_alpha_u,notes\n")) << csv.out;
  EXPECT_TRUE(has(lineOf(csv.out, "c,"), ",0.729,")) << csv.out;
  auto json = runCli({"agree", p.file, "--coders", "i,j", "--unitized", "--format", "json"});
  ASSERT_EQ(json.exitCode, 0) << json.err;
  EXPECT_TRUE(has(json.out, "\"krippendorff_alpha_u\": 1")) << json.out;
  EXPECT_TRUE(has(json.out, "\"sources_unitized\": 1")) << json.out;
  auto md = runCli({"agree", p.file, "--coders", "i,j", "--unitized", "--format", "md"});
  ASSERT_EQ(md.exitCode, 0) << md.err;
  EXPECT_TRUE(has(md.out, "| unitized alpha |")) << md.out;
  // Without the flag, no trace of it.
  auto plain = runCli({"agree", p.file, "--coders", "i,j", "--format", "csv"});
  EXPECT_FALSE(has(plain.out, "alpha_u")) << plain.out;
}

TEST(CliAgreeUnitized, ThreeCodersAndACodeNobodyCodedThere) {
  Example2004 p(true);
  // h coded only k, so c has h coding nothing: still defined, lower than for i and j alone.
  auto r = runCli({"agree", p.file, "--coders", "i,j,h", "--unitized"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_FALSE(has(lineOf(r.out, "c "), "n/a")) << r.out;
  EXPECT_FALSE(has(r.out, "nan")) << r.out;
  EXPECT_TRUE(has(r.out, "unitized alpha")) << r.out;
}

TEST(CliAgreeUnitized, NoSourceEveryCoderCodedSaysWhy) {
  TempDir dir;
  const std::string file = (dir / "p.cmoc").string();
  {
    cmoc::Project p = cmoc::Project::create(file);
    p.addTranscript({"a.txt", "text", std::string(50, 'x'), {{"P", 0, 50, {}, {}}}});
    p.addTranscript({"b.txt", "text", std::string(50, 'y'), {{"P", 0, 50, {}, {}}}});
    cmoc::Codebook(p).add({.name = "c"});
    p.setCoder("i");
    cmoc::Coding(p).apply("a.txt", "c", 0, 10);
    p.setCoder("j");
    cmoc::Coding(p).apply("b.txt", "c", 0, 10);
    p.setCoder("h");
    cmoc::Coding(p).apply("a.txt", "c", 0, 10);
    cmoc::Coding(p).apply("b.txt", "c", 0, 10);
  }
  auto r = runCli({"agree", file, "--coders", "i,j,h", "--unitized"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_TRUE(has(r.out, "unitized alpha n/a: no source was coded by every coder; alpha-u "
                         "compares everyone's units of the same text")) << r.out;
}

TEST(CliAgreeUnitized, BadInputGivesAOneLineError) {
  Example2004 p;
  auto r = runCli({"agree", p.file, "--coders", "i", "--unitized"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc agree: agreement needs at least two coders: name them with --coders A,B\n");
  r = runCli({"agree", p.file, "--coders", "i,zed", "--unitized"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc agree: no coder named 'zed'; the project's coders are i, j\n");
  r = runCli({"agree", p.file, "--coders", "i,j", "--unitized", "--unit", "sentence"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc agree: --unitized measures spans of characters; it cannot be combined "
                   "with --unit\n");
  r = runCli({"agree", p.file, "--coders", "i,j", "--unitized", "--group", "c"});
  EXPECT_EQ(r.err, "cmoc agree: --unitized compares each code as its own continuum; it cannot be "
                   "combined with --group\n");
  r = runCli({"agree", p.file, "--coders", "i,j", "--unitized", "--coded-only"});
  EXPECT_EQ(r.err, "cmoc agree: --unitized counts the uncoded gaps too; it cannot be combined "
                   "with --coded-only\n");
  r = runCli({"agree", p.file, "--coders", "i,j", "--unitized", "--cmocs"});
  EXPECT_EQ(r.err, "cmoc agree: --unitized compares codings, --cmocs compares CMOCs: choose one\n");
  // char is the unit alpha-u works on, so naming it is fine.
  r = runCli({"agree", p.file, "--coders", "i,j", "--unitized", "--unit", "char"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
}
