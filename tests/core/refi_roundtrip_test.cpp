// REFI-QDA round trip: a demo-like project -> .qdpx -> a new project -> .qdpx gives the same
// file, and the new project holds the same codebook, codings, memos, participants, CMOCs and
// chains. Also: one import is one undoable step, and codebooks travel through .qdc.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <tuple>

#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/importers/refi_qda.h"
#include "cmoc/project.h"
#include "cmoc/refi.h"
#include "cmoc/refi_export.h"
#include "test_support.h"

using namespace cmoc;

namespace refi_test {
// Defined in refi_export_test.cpp.
std::filesystem::path buildDemo(const std::filesystem::path& dir);
std::map<std::string, std::string> unzip(const std::filesystem::path& file);
std::map<std::string, std::string> expectValidQdpx(const std::filesystem::path& qdpx);
std::string schemaErrors(const std::filesystem::path& xml, const std::string& xsd);
}  // namespace refi_test

namespace {

// A new project is created when it is imported into: only the project's own date differs.
std::string withoutProjectDate(const std::string& qde) {
  static const std::regex date("(<Project [^>]*?) creationDateTime=\"[^\"]*\"");
  return std::regex_replace(qde, date, "$1", std::regex_constants::format_first_only);
}

using CodeRow = std::tuple<std::string, std::string, std::string, std::string, std::string,
                           std::string, std::string, std::string, std::string>;
std::vector<CodeRow> codes(Project& p) {
  std::vector<CodeRow> out;
  for (const Code& c : Codebook(p).list())
    out.emplace_back(c.guid, c.path, std::string(toString(c.kind)), std::string(toString(c.origin)),
                     c.definition, c.inclusion, c.exclusion, c.memo, c.color);
  return out;
}

using CodingRow = std::tuple<std::string, std::string, std::string, std::string, std::int64_t,
                             std::int64_t, std::string, std::string>;
std::vector<CodingRow> codings(Project& p) {
  std::vector<CodingRow> out;
  for (const CodingRecord& c : Coding(p).list())
    out.emplace_back(c.guid, c.sourceName, c.codePath, c.coder, c.start, c.end, c.memo,
                     c.createdAt);
  return out;
}

std::vector<std::string> cmocs(Project& p) {
  std::vector<std::string> out;
  Coding coding(p);
  for (const Cmoc& m : Cmocs(p).list()) {
    std::string row = m.guid + " " + std::string(toString(m.status)) + " [" + m.label + "] [" +
                      m.memo + "] prior=" + m.priorGuid + " coder=" + m.coder + " " + m.createdAt;
    for (Slot s : {Slot::Context, Slot::Mechanism, Slot::Outcome}) {
      row += " | " + m.slot(s).codePath + ":";
      for (const Evidence& e : m.slot(s).evidence) row += " " + coding.get(e.codingId).guid;
    }
    out.push_back(row);
  }
  for (const CmocLink& l : Cmocs(p).links())
    out.push_back("link " + l.guid + " " + Cmocs(p).get(l.from).guid + " -> " +
                  Cmocs(p).get(l.to).guid + " [" + l.memo + "]");
  return out;
}

std::vector<std::string> sources(Project& p) {
  std::vector<std::string> out;
  for (const SourceSummary& s : p.sources()) {
    std::string row =
        s.guid + " " + s.name + " participant=" + s.participants + " " + p.sourceText(s.id);
    for (const TurnView& t : p.turns(s.id))
      row += " | " + t.speaker + "=" + t.participant + (t.interviewer ? "*" : "") + " " +
             std::to_string(t.start) + "-" + std::to_string(t.end);
    out.push_back(row);
  }
  return out;
}

}  // namespace

TEST(RefiRoundTrip, DemoToQdpxToNewProjectToQdpxGivesTheSameFileAndProject) {
  test::TempDir dir;
  Project first = Project::open(refi_test::buildDemo(dir.path()));
  refi::exportQdpx(first, dir / "one.qdpx");

  importers::RefiImport in = importers::loadRefi(dir / "one.qdpx");
  EXPECT_EQ(in.exchange.cmocs.size(), 2u);
  EXPECT_EQ(in.exchange.chains.size(), 1u);
  Project second = Project::create(dir / "two.cmoc");
  refi::apply(second, in.exchange, in.report);
  EXPECT_TRUE(in.report.skipped.empty())
      << in.report.skipped.front().where << ": " << in.report.skipped.front().why;
  EXPECT_TRUE(in.report.dangling.empty())
      << in.report.dangling.front().what << " " << in.report.dangling.front().guid;
  refi::exportQdpx(second, dir / "two.qdpx");

  auto one = refi_test::expectValidQdpx(dir / "one.qdpx");
  auto two = refi_test::expectValidQdpx(dir / "two.qdpx");
  EXPECT_EQ(withoutProjectDate(one["project.qde"]), withoutProjectDate(two["project.qde"]));
  one.erase("project.qde");
  two.erase("project.qde");
  EXPECT_EQ(one, two);  // every source text, byte for byte

  EXPECT_EQ(codes(first), codes(second));
  EXPECT_EQ(codings(first), codings(second));
  EXPECT_EQ(cmocs(first), cmocs(second));
  EXPECT_EQ(sources(first), sources(second));
}

// Undoing an import whose CMOCs test one another deletes a prior CMOC before the CMOC that
// points at it; undo must not fire ON DELETE SET NULL on the way (history.cpp).
TEST(RefiRoundTrip, AnImportOfCmocsThatTestEachOtherIsUndoable) {
  test::TempDir dir;
  Project first = Project::open(refi_test::buildDemo(dir.path()));
  refi::exportQdpx(first, dir / "one.qdpx");
  Project second = Project::create(dir / "two.cmoc");
  second.setCoder("sam");
  importers::RefiImport in = importers::loadRefi(dir / "one.qdpx");
  refi::apply(second, in.exchange, in.report);
  EXPECT_EQ(second.undo(), "import REFI-QDA one.qdpx");
  EXPECT_TRUE(Cmocs(second).list().empty());
  EXPECT_EQ(second.redo(), "import REFI-QDA one.qdpx");
  EXPECT_EQ(cmocs(first), cmocs(second));
}

TEST(RefiRoundTrip, AnImportIsOneUndoableStep) {
  test::TempDir dir;
  Project first = Project::open(refi_test::buildDemo(dir.path()));
  first.setCoder("ana");
  refi::exportQdpx(first, dir / "one.qdpx");
  Project second = Project::create(dir / "two.cmoc");
  second.setCoder("sam");
  importers::RefiImport in = importers::loadRefi(dir / "one.qdpx");
  refi::apply(second, in.exchange, in.report);
  EXPECT_EQ(second.sources().size(), 2u);
  ASSERT_EQ(second.history(1).size(), 1u);
  EXPECT_EQ(second.history(1)[0].label, "import REFI-QDA one.qdpx");
  EXPECT_EQ(second.undo(), "import REFI-QDA one.qdpx");
  EXPECT_TRUE(second.sources().empty());
  EXPECT_TRUE(Codebook(second).list().empty());
  EXPECT_TRUE(second.search("trust").empty());
  EXPECT_EQ(second.redo(), "import REFI-QDA one.qdpx");
  EXPECT_EQ(Coding(second).list().size(), 8u);
  EXPECT_FALSE(second.search("trust").empty());
}

TEST(RefiRoundTrip, CodebookThroughQdcKeepsKindsOriginsRulesAndMemos) {
  test::TempDir dir;
  Project first = Project::open(refi_test::buildDemo(dir.path()));
  refi::exportQdc(first, dir / "one.qdc");
  Project second = Project::create(dir / "two.cmoc");
  importers::RefiImport in = importers::loadRefi(dir / "one.qdc");
  refi::apply(second, in.exchange, in.report);
  EXPECT_EQ(codes(first), codes(second));
  refi::exportQdc(second, dir / "two.qdc");
  EXPECT_EQ(test::readFile(dir / "one.qdc"), test::readFile(dir / "two.qdc"));
  EXPECT_EQ(refi_test::schemaErrors(dir / "two.qdc", "Codebook.xsd"), "");
}

TEST(RefiRoundTrip, ACodebookMergesIntoCodesOfTheSameName) {
  test::TempDir dir;
  Project first = Project::open(refi_test::buildDemo(dir.path()));
  refi::exportQdc(first, dir / "one.qdc");
  Project other = Project::create(dir / "other.cmoc");
  other.setCoder("sam");
  Codebook(other).add({.name = "Mechanisms", .kind = CodeKind::Mechanism});
  const std::string guid = Codebook(other).find("Mechanisms").guid;
  importers::RefiImport in = importers::loadRefi(dir / "one.qdc");
  refi::apply(other, in.exchange, in.report);
  EXPECT_EQ(Codebook(other).list().size(), 10u);
  EXPECT_EQ(Codebook(other).find("Mechanisms").guid, guid);
  EXPECT_EQ(Codebook(other).find("Mechanisms/Trust").definition,
            "Willingness to accept vulnerability.");
  EXPECT_EQ(in.report.count(in.report.imported, "codes already present"), 1);
}
