// Codebook CSV: what a well-formed file yields, the exact error for each malformed one, the
// export -> import round trip, and the shipped starter codebook.
#include "cmoc/importers/codebook_csv.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "cmoc/error.h"
#include "cmoc/project.h"
#include "test_support.h"

using namespace cmoc;

namespace {

std::string errorOf(const std::string& csv) {
  try {
    importers::parseCodebookCsv(csv, "c.csv");
  } catch (const InputError& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("other error: ") + e.what();
  }
  return "no error";
}

const std::string kColumns =
    " (the columns are path (or name and parent), kind, definition, inclusion, exclusion, color, "
    "origin, created, memo)";

}  // namespace

TEST(CodebookCsv, ReadsEveryColumnInAnyOrder) {
  const auto rows = importers::parseCodebookCsv(
      "Memo,Colour,Path,Kind,Origin,Created,Definition,Inclusion,Exclusion\n"
      "note,#AbCdEf,Mechanisms / Trust,Mechanism,Inductive,2026-09-01,\"Goodwill, expected\","
      "\"relying\non\",contracts\n"
      ",,Either\\/or,c,,2024-02-29T13:05:09Z,,,\n",
      "c.csv");
  ASSERT_EQ(rows.size(), 2u);
  const CodebookRow& a = rows[0];
  EXPECT_EQ(a.line, 2);
  EXPECT_EQ(a.path, "Mechanisms/Trust");
  EXPECT_EQ(a.draft.name, "Trust");
  EXPECT_EQ(a.draft.kind, CodeKind::Mechanism);
  EXPECT_EQ(a.draft.origin, CodeOrigin::Inductive);
  EXPECT_EQ(a.draft.color, "#AbCdEf");
  EXPECT_EQ(a.draft.definition, "Goodwill, expected");
  EXPECT_EQ(a.draft.inclusion, "relying\non");
  EXPECT_EQ(a.draft.exclusion, "contracts");
  EXPECT_EQ(a.draft.memo, "note");
  EXPECT_EQ(a.createdAt, "2026-09-01T00:00:00Z");
  EXPECT_TRUE(a.keep.empty());
  const CodebookRow& b = rows[1];
  EXPECT_EQ(b.line, 4);  // the quoted newline above spans line 3
  EXPECT_EQ(b.draft.name, "Either/or");
  EXPECT_EQ(b.draft.kind, CodeKind::Context);
  EXPECT_EQ(b.createdAt, "2024-02-29T13:05:09Z");
  EXPECT_EQ(b.keep, (std::vector<std::string>{"origin"}));
}

TEST(CodebookCsv, NameAndParentColumnsStandInForPath) {
  const auto rows = importers::parseCodebookCsv(
      "name,parent,kind\nContexts,,context\nQuick wins,Contexts,\nA/B,Contexts,\n", "c.csv");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].path, "Contexts");
  EXPECT_EQ(rows[1].path, "Contexts/Quick wins");
  EXPECT_EQ(rows[2].path, "Contexts/A\\/B");
  // Columns the file lacks, and the empty kind, leave an existing code's fields alone.
  EXPECT_EQ(rows[1].keep, (std::vector<std::string>{"definition", "inclusion", "exclusion", "color",
                                                    "origin", "memo", "kind"}));
}

// Issue 21 finding 11: a parent names a code of the file by its name, however deep, in any order.
TEST(CodebookCsv, AParentNamedByItsNameFindsItsPlaceInTheFile) {
  const auto rows = importers::parseCodebookCsv(
      "name,parent\nDeep trust,Trust\nTrust,Mechanisms\nMechanisms,\nElsewhere,Trust\n", "c.csv");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].path, "Mechanisms/Trust/Deep trust");
  EXPECT_EQ(rows[1].path, "Mechanisms/Trust");
  EXPECT_EQ(rows[2].path, "Mechanisms");
  EXPECT_EQ(rows[3].path, "Mechanisms/Trust/Elsewhere");
  EXPECT_FALSE(rows[0].parentByName);
  // A one-name parent the file lacks may be a project code; the store looks.
  EXPECT_TRUE(importers::parseCodebookCsv("name,parent\nDeep,Faith\n", "c.csv")[0].parentByName);
}

TEST(CodebookCsv, EmptyUnnamedColumnsAreIgnored) {
  const auto rows = importers::parseCodebookCsv("path,kind,\nA,m,\nB,o\n", "c.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].draft.kind, CodeKind::Outcome);
}

struct Malformed {
  const char* name;
  std::string csv;
  std::string error;
};

class CodebookCsvMalformed : public ::testing::TestWithParam<Malformed> {};

TEST_P(CodebookCsvMalformed, GivesTheExactError) {
  EXPECT_EQ(errorOf(GetParam().csv), GetParam().error);
}

INSTANTIATE_TEST_SUITE_P(
    CodebookCsv, CodebookCsvMalformed,
    ::testing::Values(
        Malformed{"Empty", "", "c.csv: line 1: no header row"},
        Malformed{"HeaderOnly", "path,kind\n",
                  "c.csv: line 2: no codes: the file has only a header"},
        Malformed{"NoPathColumn", "kind,definition\nm,x\n",
                  "c.csv: line 1: no 'path' column (or 'name', with an optional 'parent')"},
        Malformed{"UnknownColumn", "path,kind,colour,flavour\nA,m,,x\n",
                  "c.csv: line 1, column 4: unknown column 'flavour'" + kColumns},
        Malformed{"UnknownColumns", "path,Foo,bar\nA,,\n",
                  "c.csv: line 1, column 2: unknown columns 'foo', 'bar'" + kColumns},
        Malformed{"RepeatedColumn", "path,kind,kind\nA,m,m\n",
                  "c.csv: line 1, column 3: column 'kind' appears twice (also column 2)"},
        Malformed{"BothColourSpellings", "path,color,colour\nA,,\n",
                  "c.csv: line 1, column 3: column 'color' appears twice (also column 2)"},
        Malformed{"ValueInUnnamedColumn", "path,,kind\nA,,m\nB,x,m\n",
                  "c.csv: line 3, column 2: a value in a column with no name"},
        Malformed{"PathAndName", "path,name\nA,B\n",
                  "c.csv: line 1, column 2: give either a 'path' column or 'name' and 'parent' "
                  "columns, not both"},
        Malformed{"EmptyPath", "path,kind\nA,m\n  ,m\n", "c.csv: line 3, column 1: empty path"},
        Malformed{"EmptyName", "name,parent\n,A\n", "c.csv: line 2, column 1: empty name"},
        Malformed{"EmptyPart", "kind,path\nm,A//B\n",
                  "c.csv: line 2, column 2: path 'A//B' has an empty part"},
        Malformed{"EmptyParentPart", "name,parent\nB,A/\n",
                  "c.csv: line 2, column 2: path 'A/' has an empty part"},
        Malformed{"NameOverLines", "path\n\"A\nB\"\n",
                  "c.csv: line 2, column 1: a code name cannot span lines"},
        Malformed{"BadKind", "path,kind\nA,mech\n",
                  "c.csv: line 2, column 2: unknown code kind 'mech' (context, mechanism, outcome "
                  "or other)"},
        Malformed{"BadColour", "path,color\nA,red\n",
                  "c.csv: line 2, column 2: colour 'red' is not #RRGGBB"},
        Malformed{"ShortColour", "path,color\nA,#12345\n",
                  "c.csv: line 2, column 2: colour '#12345' is not #RRGGBB"},
        Malformed{
            "BadOrigin", "path,origin\nA,guessed\n",
            "c.csv: line 2, column 2: unknown code origin 'guessed' (deductive or inductive)"},
        Malformed{"BadDate", "path,created\nA,yesterday\n",
                  "c.csv: line 2, column 2: created 'yesterday' is not a date (YYYY-MM-DD or "
                  "YYYY-MM-DDTHH:MM:SSZ)"},
        Malformed{"NoSuchDay", "path,created\nA,2026-02-29\n",
                  "c.csv: line 2, column 2: created '2026-02-29' is not a date (YYYY-MM-DD or "
                  "YYYY-MM-DDTHH:MM:SSZ)"},
        Malformed{"NoSuchHour", "path,created\nA,2026-02-28T24:00:00Z\n",
                  "c.csv: line 2, column 2: created '2026-02-28T24:00:00Z' is not a date "
                  "(YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)"},
        Malformed{"DuplicatePath", "path\nA/B\nC\nA / B\n",
                  "c.csv: line 4, column 1: duplicate path 'A/B' (also on line 2)"},
        Malformed{"DuplicateByNameAndParent", "name,parent\nB,A\nA/B,\nB, A \n",
                  "c.csv: line 4, column 1: duplicate path 'A/B' (also on line 2)"},
        Malformed{"LineAfterQuotedNewlines",
                  "path,definition,kind\nA,\"one\ntwo\nthree\",m\nB,,x\n",
                  "c.csv: line 5, column 3: unknown code kind 'x' (context, mechanism, outcome or "
                  "other)"},
        Malformed{"OwnParent", "name,parent\nTop,\nLoop,Loop\n",
                  "c.csv: line 3, column 2: code 'Loop' is its own parent"},
        Malformed{"ParentCycle", "name,parent\nTop,\nA,B\nB,A\n",
                  "c.csv: line 4, column 2: parent cycle A -> B -> A"},
        Malformed{"LongParentCycle", "name,parent\nA,C\nB,A\nC,B\n",
                  "c.csv: line 3, column 2: parent cycle A -> C -> B -> A"},
        Malformed{"AmbiguousParent", "name,parent\nGood,Outcomes\nGood,Contexts\nBetter,Good\n",
                  "c.csv: line 4, column 2: parent 'Good' names codes on lines 2, 3; give its path "
                  "(Parent/Child)"},
        Malformed{"TooManyFields", "path\nA,b\n", "c.csv: line 2: 2 fields, but the header has 1"},
        Malformed{"UnterminatedQuote", "path\n\"A\n", "c.csv: line 2: unterminated quoted field"}),
    [](const ::testing::TestParamInfo<Malformed>& p) { return std::string(p.param.name); });

TEST(CodebookCsv, AMissingFileIsAnInputError) {
  test::TempDir dir;
  try {
    importers::loadCodebookCsv(dir / "none.csv");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "none.csv: file: no such file");
  }
}

TEST(CodebookCsv, ExportThenImportRoundTrips) {
  test::TempDir dir;
  Project a = Project::create(dir / "a.cmoc");
  a.setCoder("ana");
  Codebook book(a);
  book.add({.name = "Mechanisms", .kind = CodeKind::Mechanism, .color = "#0072B2"});
  book.add({.name = "Trust, \"real\"",
            .parent = "Mechanisms",
            .kind = CodeKind::Mechanism,
            .definition = "Line one\nline two, with \"quotes\"",
            .inclusion = "Zoë's café",
            .exclusion = "contracts",
            .memo = "memo, too"});
  book.add({.name = "Either/or", .parent = "Mechanisms", .origin = CodeOrigin::Inductive});
  book.add({.name = "Back\\slash", .parent = "Mechanisms/Either\\/or", .kind = CodeKind::Outcome});
  book.add({.name = "Contexts", .kind = CodeKind::Context});
  const std::string exported = book.exportCsv();
  test::writeFile(dir / "codebook.csv", exported);

  Project b = Project::create(dir / "b.cmoc");
  b.setCoder("ben");
  Codebook other(b);
  EXPECT_EQ(other.importRows(importers::loadCodebookCsv(dir / "codebook.csv"), "codebook.csv"),
            std::make_pair(5, 0));
  EXPECT_EQ(other.exportCsv(), exported);
  // Importing the same file again changes nothing.
  EXPECT_EQ(other.importRows(importers::loadCodebookCsv(dir / "codebook.csv"), "codebook.csv"),
            std::make_pair(0, 0));
}

TEST(CodebookCsv, TheStarterCodebookImportsCleanly) {
  test::TempDir dir;
  Project p = Project::create(dir / "s.cmoc");
  p.setCoder("ana");
  Codebook book(p);
  const auto rows = importers::loadCodebookCsv(test::samplesDir() / "codebook.csv");
  const auto [created, updated] = book.importRows(rows, "codebook.csv");
  EXPECT_GE(created, 40);
  EXPECT_EQ(updated, 0);
  std::map<CodeKind, int> kinds;
  std::set<std::string> colours;
  for (const Code& c : book.list()) {
    ++kinds[c.kind];
    colours.insert(c.color);
    EXPECT_EQ(c.origin, CodeOrigin::Deductive) << c.path;
    EXPECT_EQ(c.createdAt, "2026-09-01T00:00:00Z") << c.path;
    EXPECT_FALSE(c.definition.empty()) << c.path;
    EXPECT_FALSE(c.color.empty()) << c.path;
    EXPECT_EQ(book.find(c.name).id, c.id) << "names are unique, so each is found by name alone";
  }
  EXPECT_GE(kinds[CodeKind::Mechanism], 20);
  EXPECT_GE(kinds[CodeKind::Context], 10);
  EXPECT_GE(kinds[CodeKind::Outcome], 8);
  EXPECT_GE(colours.size(), 3u);
  for (const char* name :
       {"Trust", "Initial trust", "Faith", "Conflict", "Perception of progress",
        "History of competition", "Mandated collaboration", "Geographical proximity",
        "Interoperable IT", "Collaborative behaviour", "Partnership dissolution", "Cost savings",
        "Loss of geographical proximity", "COVID-19", "Quick wins"})
    EXPECT_TRUE(book.tryFind(name)) << name;
  for (const char* path :
       {"Collaborative functioning/Trust", "Cultural efficacy/Improved reputation",
        "Technological effectiveness/Cross-organisational clinical pathways",
        "Organisational efficiency/Improved coordination", "Contexts/Mandated collaboration",
        "Outcomes/Cost savings"})
    EXPECT_EQ(book.find(path).path, path);
}
