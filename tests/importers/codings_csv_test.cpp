// Codings CSV: reading it (a table of malformed inputs with their exact errors), importing it
// all or nothing, creating codes, coding whole turns, the export/import round trip and undo.
#include "cmoc/importers/codings_csv.h"

#include <gtest/gtest.h>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/coding_bulk.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "test_support.h"

using namespace cmoc;
using cmoc::importers::parseCodingsCsv;
using cmoc::test::TempDir;

namespace {

struct Malformed {
  const char* csv;
  const char* error;
};

const Malformed kMalformed[] = {
    {"start,end,code\n1,2,Trust\n", "f.csv: line 1: no 'source' column"},
    {"source,start,end\na.txt,1,2\n", "f.csv: line 1: no 'code' column"},
    {"source,code\na.txt,Trust\n",
     "f.csv: line 1: no 'start' and 'end' columns (or a 'turn' column)"},
    {"source,start,code\na.txt,1,Trust\n", "f.csv: line 1: no 'end' column"},
    {"source,turn,start,end,code\na.txt,1,1,2,Trust\n",
     "f.csv: line 1: the header has both 'turn' and 'start'/'end' columns; use one or the other"},
    {"source,start,end,code\na.txt,x,2,Trust\n", "f.csv: line 2: start 'x' is not a whole number"},
    {"source,start,end,code\na.txt,1,2.5,Trust\n",
     "f.csv: line 2: end '2.5' is not a whole number"},
    {"source,start,end,code\na.txt,1,,Trust\n", "f.csv: line 2: empty end"},
    {"source,start,end,code\na.txt,1,2,Trust\n,1,2,Trust\n", "f.csv: line 3: empty source"},
    {"source,start,end,code\na.txt,1,2,\n", "f.csv: line 2: empty code"},
    {"source,turn,code\na.txt,0,Trust\n",
     "f.csv: line 2: turn 0 does not exist: turns are numbered from 1"},
    {"source,turn,code\na.txt,two,Trust\n", "f.csv: line 2: turn 'two' is not a whole number"},
    {"source,start,end,code\na.txt,1,2,Trust,extra\n",
     "f.csv: line 2: 5 fields, but the header has 4"},
    {"source,start,end,code,memo\na.txt,1,2,Trust,\"open\n",
     "f.csv: line 2: unterminated quoted field"},
};

TEST(CodingsCsv, MalformedInputsGiveExactErrors) {
  for (const Malformed& m : kMalformed) {
    try {
      parseCodingsCsv(m.csv, "f.csv");
      ADD_FAILURE() << "no error for: " << m.csv;
    } catch (const InputError& e) {
      EXPECT_EQ(std::string(e.what()), m.error) << m.csv;
    }
  }
}

TEST(CodingsCsv, SpanRowsKeepLinesMemosAndOptionalColumns) {
  const auto rows = parseCodingsCsv(
      "Source, Start ,End,Code,Coder,Memo,quote\n"
      "a.txt,1,5,Mechanisms/Trust,ana,\"two\nlines, kept \"\n"
      "\n"
      "7,10,12,Faith,,,ignored\n",
      "f.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].line, 2);
  EXPECT_EQ(rows[0].source, "a.txt");
  EXPECT_EQ(rows[0].start, 1);
  EXPECT_EQ(rows[0].end, 5);
  EXPECT_EQ(rows[0].turn, std::nullopt);
  EXPECT_EQ(rows[0].code, "Mechanisms/Trust");
  EXPECT_EQ(rows[0].coder, "ana");
  EXPECT_EQ(rows[0].memo, "two\nlines, kept ");
  EXPECT_EQ(rows[1].line, 5);
  EXPECT_EQ(rows[1].source, "7");
  EXPECT_EQ(rows[1].coder, "");
  const auto bare = parseCodingsCsv("source,start,end,code\na.txt,0,3,Trust\n", "f.csv");
  EXPECT_EQ(bare[0].memo, "");
}

TEST(CodingsCsv, TurnRowsNumberTurnsFromOne) {
  const auto rows = parseCodingsCsv("source,turn,code,coder,memo\na.txt,2,Trust,ben,m\n", "f.csv");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].turn, 2);
  EXPECT_EQ(rows[0].start, std::nullopt);
}

TEST(CodingsCsv, LoadsAFileWithABom) {
  TempDir dir;
  test::writeFile(dir / "c.csv", "\xEF\xBB\xBFsource,start,end,code\r\na.txt,0,3,Trust\r\n");
  const auto rows = importers::loadCodingsCsv(dir / "c.csv");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].code, "Trust");
  test::writeFile(dir / "empty.csv", "");
  EXPECT_THROW(importers::loadCodingsCsv(dir / "empty.csv"), InputError);
}

// Two interviews of three turns each; the answers are turn 2.
class BulkTest : public ::testing::Test {
 protected:
  TempDir dir;
  Project project = make("b.cmoc");

  Project make(const std::string& name) {
    Project p = Project::create(dir / name);
    p.setCoder("ana");
    // Same shape, different words: the project refuses a second copy of the same text.
    for (auto [file, word] : {std::pair{"a.txt", "trust"}, {"b.txt", "faith"}}) {
      Transcript t{
          file,
          "text",
          std::string("I: Why?\n\nR: Because the quick win built ") + word + ".\n\nI: Thanks.\n",
          {}};
      t.turns = {{"I", 3, 7, {}, {}}, {"R", 12, 46, {}, {}}, {"I", 51, 58, {}, {}}};
      p.addTranscript(t);
    }
    Codebook book(p);
    book.add({.name = "Mechanisms"});
    book.add({.name = "Trust", .parent = "Mechanisms", .kind = CodeKind::Mechanism});
    book.add({.name = "Quick wins", .kind = CodeKind::Context});
    return p;
  }

  BulkCodingResult import(const std::string& csv, bool create = false) {
    return importCodings(project, parseCodingsCsv(csv, "c.csv"), create, "c.csv");
  }

  std::string importError(const std::string& csv, bool create = false) {
    try {
      import(csv, create);
    } catch (const InputError& e) {
      return e.what();
    }
    ADD_FAILURE() << "expected an InputError";
    return {};
  }
};

}  // namespace

TEST_F(BulkTest, ImportsEveryRowWithItsSourceCodeCoderAndMemo) {
  const auto r = import(
      "source,start,end,code,coder,memo\n"
      "a.txt,24,33,Quick wins,ana,early\n"
      "2,40,45,Mechanisms/Trust,ben,\n"
      "b.txt,12,46,Trust,,whole answer\n");
  EXPECT_EQ(r.imported, 3u);
  EXPECT_TRUE(r.createdCodes.empty());
  // ana, the importing coder, had not coded yet: she joins the coders with this import.
  EXPECT_EQ(r.createdCoders, (std::vector<std::string>{"ana", "ben"}));
  const auto all = Coding(project).list();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].sourceName, "a.txt");
  EXPECT_EQ(all[0].codePath, "Quick wins");
  EXPECT_EQ(all[0].memo, "early");
  EXPECT_EQ(all[1].sourceName, "b.txt");
  EXPECT_EQ(all[1].coder, "ana") << "an empty coder is the acting coder";
  EXPECT_EQ(all[1].memo, "whole answer");
  EXPECT_EQ(all[2].coder, "ben");
  EXPECT_EQ(all[2].codePath, "Mechanisms/Trust");
}

TEST_F(BulkTest, ABadRowAtLine7LeavesNothingAndNamesTheLine) {
  const std::string csv =
      "source,start,end,code,coder,memo\n"
      "a.txt,12,20,Trust,ana,\n"
      "a.txt,13,20,Trust,ana,\n"
      "a.txt,14,20,Trust,bea,\n"
      "a.txt,15,20,Trust,ana,\n"
      "a.txt,16,20,Trust,ana,\n"
      "a.txt,17,99,Trust,ana,\n"
      "a.txt,18,20,Trust,ana,\n";
  EXPECT_EQ(importError(csv), "c.csv: line 7: span [17, 99) lies outside a.txt (0 to 59)");
  EXPECT_TRUE(Coding(project).list().empty());
  EXPECT_THROW(Coding(project).list({.coders = {"bea"}}), NotFound) << "the new coder rolled back";
  EXPECT_EQ(project.history().size(), 3u) << "no history entry for the failed import";
}

TEST_F(BulkTest, EachKindOfBadRowNamesItsLine) {
  const std::string head = "source,start,end,code\na.txt,12,20,Trust\n";
  EXPECT_EQ(importError(head + "c.txt,1,2,Trust\n"), "c.csv: line 3: no source named 'c.txt'");
  EXPECT_EQ(importError(head + "a.txt,20,12,Trust\n"),
            "c.csv: line 3: span [20, 12) is inverted: its end is before its start");
  EXPECT_EQ(importError(head + "a.txt,20,20,Trust\n"), "c.csv: line 3: span [20, 20) is empty");
  EXPECT_EQ(importError(head + "a.txt,-1,20,Trust\n"),
            "c.csv: line 3: span [-1, 20) lies outside a.txt (0 to 59)");
  EXPECT_EQ(importError(head + "a.txt,1,2,Faith\n"),
            "c.csv: line 3: no code named 'Faith' (--create-codes creates unknown codes)");
  EXPECT_EQ(importError("source,turn,code\na.txt,2,Trust\nb.txt,4,Trust\n"),
            "c.csv: line 3: source 'b.txt' has no turn 4 (it has 3)");
  EXPECT_TRUE(Coding(project).list().empty());
}

TEST_F(BulkTest, CreateCodesMakesInductiveOtherCodesNestedByPath) {
  const auto r = import(
      "source,start,end,code\n"
      "a.txt,12,20,Mechanisms/Faith\n"
      "a.txt,12,20,Outcomes/Savings/Cash\n"
      "a.txt,13,20,Outcomes/Savings\n"
      "a.txt,14,20,Trust/Initial trust\n"
      "a.txt,15,20,Faith\n",
      true);
  EXPECT_EQ(r.imported, 5u);
  EXPECT_EQ(r.createdCodes,
            (std::vector<std::string>{"Mechanisms/Faith", "Outcomes", "Outcomes/Savings",
                                      "Outcomes/Savings/Cash", "Mechanisms/Trust/Initial trust"}));
  const Code faith = Codebook(project).find("Mechanisms/Faith");
  EXPECT_EQ(faith.kind, CodeKind::Other);
  EXPECT_EQ(faith.origin, CodeOrigin::Inductive);
  EXPECT_EQ(Coding(project).list({.codes = {"Faith"}}).size(), 2u);
  EXPECT_EQ(Codebook(project).find("Trust").origin, CodeOrigin::Deductive)
      << "existing codes untouched";
}

TEST_F(BulkTest, TurnRowsCodeWholeTurns) {
  const auto r =
      import("source,turn,code,coder,memo\na.txt,2,Trust,ben,answer\nb.txt,1,Quick wins,,\n");
  EXPECT_EQ(r.imported, 2u);
  const auto all = Coding(project).list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].start, 12);
  EXPECT_EQ(all[0].end, 46);
  EXPECT_EQ(all[0].memo, "answer");
  EXPECT_EQ(all[1].start, 3);
  EXPECT_EQ(all[1].end, 7);
}

TEST_F(BulkTest, UndoRemovesTheWholeImport) {
  import("source,start,end,code\na.txt,12,20,Trust\na.txt,13,20,New code\nb.txt,1,2,Trust\n", true);
  EXPECT_EQ(Coding(project).list().size(), 3u);
  EXPECT_EQ(project.undo(), "import codings from c.csv");
  EXPECT_TRUE(Coding(project).list().empty());
  EXPECT_FALSE(Codebook(project).tryFind("New code")) << "codes it created go too";
  EXPECT_EQ(project.redo(), "import codings from c.csv");
  EXPECT_EQ(Coding(project).list().size(), 3u);
}

TEST_F(BulkTest, ExportThenImportReproducesTheCodings) {
  Coding coding(project);
  coding.apply("a.txt", "Trust", 12, 20, "said \"trust\", twice\nand more");
  project.setCoder("ben");
  coding.apply("b.txt", "Quick wins", 24, 33);
  Codebook(project).add({.name = "A/B slash", .parent = "Mechanisms"});
  coding.applyToTurn("b.txt", 3, "Mechanisms/A\\/B slash");
  std::size_t rows = 0;
  const std::string csv = exportCodings(project, {}, &rows);
  EXPECT_EQ(rows, 3u);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "source,start,end,code,coder,memo");
  EXPECT_NE(csv.find("a.txt,12,20,Mechanisms/Trust,ana,\"said \"\"trust\"\", twice\nand more\"\n"),
            std::string::npos)
      << csv;

  Project other = make("other.cmoc");
  const auto r = importCodings(other, parseCodingsCsv(csv, "x.csv"), true, "x.csv");
  EXPECT_EQ(r.imported, 3u);
  EXPECT_EQ(r.createdCodes, (std::vector<std::string>{"Mechanisms/A\\/B slash"}));
  auto key = [](const CodingRecord& c) {
    return c.sourceName + "|" + std::to_string(c.start) + "|" + std::to_string(c.end) + "|" +
           c.codePath + "|" + c.coder + "|" + c.memo;
  };
  const auto before = Coding(project).list(), after = Coding(other).list();
  ASSERT_EQ(before.size(), after.size());
  for (std::size_t i = 0; i < before.size(); ++i) EXPECT_EQ(key(before[i]), key(after[i]));
  EXPECT_EQ(exportCodings(other, {}), csv);
}

TEST_F(BulkTest, ExportFollowsTheFilter) {
  Coding coding(project);
  coding.apply("a.txt", "Trust", 12, 20);
  coding.apply("b.txt", "Quick wins", 24, 33);
  EXPECT_EQ(exportCodings(project, {.codes = {"Quick wins"}}),
            "source,start,end,code,coder,memo\nb.txt,24,33,Quick wins,ana,\n");
}
