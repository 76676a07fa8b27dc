// The code nesting limit of REFI-QDA imports (issue 21, finding 6): nested <Code> elements and
// ATLAS.ti-style "A::B" names, which refi::apply reads as levels, count alike, and a project
// tree at the limit survives its own export and import.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "cmoc/codebook.h"
#include "cmoc/error.h"
#include "cmoc/importers/refi_qda.h"
#include "cmoc/project.h"
#include "cmoc/refi.h"
#include "cmoc/refi_export.h"
#include "expect_error.h"
#include "test_support.h"
#include "zip_builder.h"

using namespace cmoc;
using cmoc::importers::kMaxRefiCodeDepth;
using cmoc::test::inputErrorOf;
using cmoc::test::makeZip;
using cmoc::test::runCli;
using cmoc::test::TempDir;
using testing::HasSubstr;

namespace {

// "a0::a1::...": `levels` levels once read.
std::string atlasName(int levels) {
  std::string name = "a0";
  for (int i = 1; i < levels; ++i) name += "::a" + std::to_string(i);
  return name;
}

std::string guid(int i) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "5d3a6c1e-3333-4a2b-9c3d-%012d", i);
  return buf;
}

// `depth` <Code> elements, each inside the one before; the outermost is named `topName`.
std::string nestedCodes(const std::string& topName, int depth) {
  std::string open, close;
  for (int i = 0; i < depth; ++i) {
    open += "<Code guid=\"" + guid(i) + "\" name=\"" + (i ? "c" + std::to_string(i) : topName) +
            "\" isCodable=\"true\">";
    close += "</Code>";
  }
  return open + close;
}

std::filesystem::path qdpxWithCodes(const TempDir& dir, const std::string& codes) {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" "
      "name=\"t\" origin=\"ATLAS.ti\"><CodeBook><Codes>" +
      codes + "</Codes></CodeBook></Project>";
  makeZip(dir / "t.qdpx", {{"project.qde", xml}});
  return dir / "t.qdpx";
}

int deepest(Project& p) {
  int depth = -1;
  for (const Code& c : Codebook(p).list()) depth = std::max(depth, c.depth);
  return depth + 1;  // levels
}

}  // namespace

TEST(RefiNesting, AnAtlasNameOneLevelPastTheLimitIsRefusedNamingTheCode) {
  TempDir dir;
  const auto file = qdpxWithCodes(dir, nestedCodes(atlasName(kMaxRefiCodeDepth + 1), 1));
  const std::string error = inputErrorOf([&] { importers::loadRefi(file); });
  EXPECT_THAT(error, HasSubstr("/Project/CodeBook/Codes/Code[1]: code 'a0::a1::a2::"));
  EXPECT_THAT(error, HasSubstr("\u2026' is nested more than 100 levels deep (each \"::\" in an "
                               "ATLAS.ti-style name is a level)"));
}

TEST(RefiNesting, AHugeAtlasNameIsRefusedAtOnce) {
  // 100,000 levels crashed the import after 45 s at 17.8 GB; now the reader stops at the limit.
  TempDir dir;
  const auto file = qdpxWithCodes(dir, nestedCodes(atlasName(100000), 1));
  EXPECT_THAT(inputErrorOf([&] { importers::loadRefi(file); }),
              HasSubstr("is nested more than 100 levels deep"));
}

TEST(RefiNesting, AnAtlasNameCountsWithTheElementsNestedInIt) {
  TempDir dir;
  const auto file = qdpxWithCodes(dir, nestedCodes(atlasName(kMaxRefiCodeDepth - 1), 3));
  EXPECT_THAT(inputErrorOf([&] { importers::loadRefi(file); }),
              HasSubstr("/Project/CodeBook/Codes/Code[1]/Code[1]/Code[1]: code 'c2' is nested "
                        "more than 100 levels deep"));
}

TEST(RefiNesting, NestedCodesOneLevelPastTheLimitAreRefusedNamingTheCode) {
  TempDir dir;
  const auto file = qdpxWithCodes(dir, nestedCodes("top", kMaxRefiCodeDepth + 1));
  const std::string error = inputErrorOf([&] { importers::loadRefi(file); });
  EXPECT_THAT(error, HasSubstr("code 'c100' is nested more than 100 levels deep"));
  EXPECT_THAT(error, testing::Not(HasSubstr("ATLAS.ti")));
}

TEST(RefiNesting, AnAtlasNameAtTheLimitMakesThatManyLevels) {
  TempDir dir;
  const auto file = qdpxWithCodes(dir, nestedCodes(atlasName(kMaxRefiCodeDepth), 1));
  importers::RefiImport in = importers::loadRefi(file);
  Project p = Project::create(dir / "p.cmoc");
  refi::apply(p, in.exchange, in.report);
  EXPECT_EQ(deepest(p), kMaxRefiCodeDepth);
  EXPECT_EQ(Codebook(p).list().size(), static_cast<std::size_t>(kMaxRefiCodeDepth));
}

TEST(RefiNesting, AProjectTreeAtTheLimitRoundTripsThroughExportAndImport) {
  TempDir dir;
  {
    Project p = Project::create(dir / "deep.cmoc");
    Codebook book(p);
    std::string path;
    for (int i = 0; i < kMaxRefiCodeDepth; ++i) {
      CodeDraft d;
      d.name = "level " + std::to_string(i + 1);
      if (!path.empty()) d.parent = path;
      path += (path.empty() ? "" : "/") + d.name;
      book.add(d);
    }
    ASSERT_EQ(deepest(p), kMaxRefiCodeDepth);
    refi::exportQdpx(p, dir / "deep.qdpx");
  }
  importers::RefiImport in = importers::loadRefi(dir / "deep.qdpx");
  Project copy = Project::create(dir / "copy.cmoc");
  refi::apply(copy, in.exchange, in.report);
  EXPECT_EQ(deepest(copy), kMaxRefiCodeDepth);
  EXPECT_EQ(Codebook(copy).list().back().name, "level 100");
}

TEST(RefiNesting, NewFromARefusedFileCreatesNoFiles) {
  TempDir dir;
  const auto file = qdpxWithCodes(dir, nestedCodes(atlasName(100000), 1));
  const std::string target = (dir / "n.cmoc").string();
  const auto r = runCli({"new-from", target, file.string()});
  EXPECT_EQ(r.exitCode, 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("is nested more than 100 levels deep"));
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    EXPECT_FALSE(std::filesystem::exists(target + suffix)) << suffix;
}
