// The CMOC table model and its writers: counts agree with demiregularities, every format holds
// the rows and attributed quotes, escaping, pseudonymisation, and refusing bad targets.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <pugixml.hpp>

#include "cmoc/cmoc_table.h"
#include "cmoc/cmoc_table_export.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/pseudonymise.h"
#include "cmoc_table_fixture.h"
#include "test_support.h"

using namespace cmoc;
using ::testing::HasSubstr;
using ::testing::Not;

namespace refi_test {
std::map<std::string, std::string> unzip(const std::filesystem::path& file);
}

namespace {

// RFC 4180 records, enough to read back what the writer wrote.
std::vector<std::vector<std::string>> parseCsv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') field += s[++i];
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

class CmocTableTest : public ::testing::Test {
 protected:
  void SetUp() override { test::buildCmocTableStudy(file); }
  CmocTable table(bool pseudonymise = false) {
    Project p = Project::open(file);
    return buildCmocTable(p, {.pseudonymise = pseudonymise});
  }
  test::TempDir dir;
  std::filesystem::path file = dir / "t.cmoc";
};

}  // namespace

TEST_F(CmocTableTest, GroupsByMechanismWithTheCountsDemiregularitiesGive) {
  const CmocTable t = table();
  ASSERT_EQ(t.groups.size(), 2u);
  EXPECT_EQ(t.groups[0].mechanism, "Conflict");
  EXPECT_EQ(t.groups[1].mechanism, "Trust");
  const CmocTableRow& r = t.groups[0].rows.at(0);
  EXPECT_EQ(r.id, 1);
  EXPECT_EQ(r.excerpts, 5);
  EXPECT_EQ(r.sources, 2);
  EXPECT_EQ(r.participants, 2);
  EXPECT_FALSE(r.failsRule);
  EXPECT_EQ(r.statement, "If slow pace, then reduced trust, because conflict");
  ASSERT_EQ(r.quotes.size(), 5u);
  EXPECT_EQ(r.quotes[0].text, "slow pace <&>");
  EXPECT_EQ(r.quotes[0].attribution, "19; director; alliance 2");
  EXPECT_EQ(r.quotes[2].attribution, "27; nurse; northshore group");
  const CmocTableRow& single = t.groups[1].rows.at(0);
  EXPECT_TRUE(single.failsRule);
  EXPECT_EQ(single.priorId, 1);
  EXPECT_EQ(ruleCell(single, t.threshold), "fails: 1 source (needs 2)");
  Project p = Project::open(file);
  const auto demis = demiregularities(p);
  EXPECT_EQ(t.groups[0].excerpts, demis[0].excerpts);
  EXPECT_EQ(t.groups[0].sources, demis[0].sources);
}

TEST_F(CmocTableTest, CsvParsesBackToOneRowPerCmoc) {
  const auto rows = parseCsv(cmocTableCsv(table()));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], cmocTableColumns(true));
  EXPECT_EQ(rows[1][0], "Conflict");
  EXPECT_EQ(rows[1][1], "1");
  EXPECT_EQ(rows[1][5], "");  // no prior
  EXPECT_EQ(rows[2][5], "1");
  EXPECT_EQ(rows[2][9], "fails: 1 source (needs 2)");
  EXPECT_THAT(rows[1][10], HasSubstr("\u201Cslow pace <&>\u201D (19; director; alliance 2)\n"));
}

TEST_F(CmocTableTest, MarkdownHasAHeadingAndATableRowPerCmoc) {
  const std::string md = cmocTableMarkdown(table());
  EXPECT_THAT(md, HasSubstr("\n## Conflict\n\n1 CMOC; 5 excerpts; 2 sources; 2 participants\n"));
  EXPECT_THAT(md, HasSubstr("| CMOC | context | outcome | status | prior |"));
  EXPECT_THAT(md, HasSubstr("| 1 | Slow pace | Reduced trust | affirms |  | 5 | 2 | 2 | ok | "
                            "\u201Cslow pace &lt;&amp;&gt;\u201D (19; director; alliance 2)<br>"));
  EXPECT_THAT(md, HasSubstr("| 2 | Slow pace | Reduced trust | refines | 1 | 1 | 1 | 1 | fails"));
}

TEST_F(CmocTableTest, HtmlIsSelfContainedAndEscapesQuotes) {
  const std::string html = cmocTableHtml(table(), "CMOCs <draft> & notes");
  EXPECT_THAT(html, HasSubstr("<title>CMOCs &lt;draft&gt; &amp; notes</title>"));
  EXPECT_THAT(html, HasSubstr("\u201Cslow pace &lt;&amp;&gt;\u201D"));
  EXPECT_THAT(html, Not(HasSubstr("<&>")));
  EXPECT_THAT(html, HasSubstr("@media print"));
  EXPECT_THAT(html, HasSubstr("<tr class=\"fails\">"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<link")));
}

TEST_F(CmocTableTest, XlsxHoldsTheQuotesInTheSheetWithAFrozenBoldHeader) {
  writeCmocTable(table(), dir / "t.xlsx");
  auto entries = refi_test::unzip(dir / "t.xlsx");
  ASSERT_TRUE(entries.count("xl/worksheets/sheet1.xml"));
  const std::string& sheet = entries["xl/worksheets/sheet1.xml"];
  EXPECT_THAT(sheet, HasSubstr("\u201Cslow pace &lt;&amp;&gt;\u201D (19; director; alliance 2)"));
  EXPECT_THAT(sheet, HasSubstr("27; nurse; northshore group"));
  EXPECT_THAT(sheet, HasSubstr("ySplit=\"1\""));  // frozen header row
  EXPECT_THAT(entries["xl/styles.xml"], HasSubstr("<b/>"));
  EXPECT_THAT(entries["xl/styles.xml"], HasSubstr("wrapText=\"1\""));
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(sheet.c_str()));
  EXPECT_EQ(doc.select_nodes("//*[local-name()='row']").size(), 3u);
}

TEST_F(CmocTableTest, DocxIsAWordPackageWithATablePerMechanism) {
  writeCmocTable(table(), dir / "t.docx");
  auto entries = refi_test::unzip(dir / "t.docx");
  for (const char* part : {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                           "word/styles.xml", "word/document.xml"}) {
    ASSERT_TRUE(entries.count(part)) << part;
    pugi::xml_document xml;
    EXPECT_TRUE(xml.load_string(entries[part].c_str())) << part << " is not well-formed";
  }
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(entries["word/document.xml"].c_str()));
  const auto tables = doc.select_nodes("//w:tbl");
  ASSERT_EQ(tables.size(), 2u);
  const auto rows = tables[0].node().select_nodes("w:tr");
  ASSERT_EQ(rows.size(), 2u);  // header + CMOC 1
  EXPECT_TRUE(rows[0].node().child("w:trPr").child("w:tblHeader"));
  std::vector<std::string> texts;
  for (const auto& t : rows[1].node().select_nodes(".//w:t")) texts.push_back(t.node().text().get());
  EXPECT_EQ(texts.at(0), "1");
  EXPECT_EQ(texts.at(1), "Slow pace");
  EXPECT_THAT(texts, ::testing::Contains("\u201Cslow pace <&>\u201D (19; director; alliance 2)"));
  EXPECT_THAT(entries["word/document.xml"], HasSubstr("w:orient=\"landscape\""));
}

TEST_F(CmocTableTest, PseudonymisingReplacesNamesInQuotesByParticipantCodes) {
  const std::string csv = cmocTableCsv(table(true));
  for (const char* name : {"Gwen", "Pritchard", "Zoë", "Zoe", "Adebayo", "Müller"})
    EXPECT_THAT(csv, Not(HasSubstr(name))) << name;
  EXPECT_THAT(csv, HasSubstr("bred conflict, and [19]"));
  EXPECT_THAT(csv, HasSubstr("Conflict again, [27] told me"));
  EXPECT_THAT(cmocTableMarkdown(table(true)), HasSubstr("Names are replaced by participant codes."));
}

TEST(Pseudonymiser, MatchesWholeNamesAndCapitalisedPartsWithOrWithoutAccents) {
  const Pseudonymiser names({{"Zoë Adebayo-Müller", "27"},
                             {"Siobhán Kearney", "14"},
                             {"Dr Priya Raman", "11"},
                             {"Dot Lomas", "35"},
                             {"Interviewer", "INT1"},
                             {"R", "22"}});
  EXPECT_EQ(names.apply("Zoë Adebayo-Müller said so, and zoe adebayo-muller agreed"),
            "[27] said so, and [27] agreed");
  EXPECT_EQ(names.apply("Thanks, Siobhan. Priya and Dr Priya Raman."), "Thanks, [14]. [11] and [11].");
  EXPECT_EQ(names.apply("Dot said the dot matters; Dotty did not."), "[35] said the dot matters; Dotty did not.");
  EXPECT_EQ(names.apply("The Interviewer asked R about Rory."), "The Interviewer asked R about Rory.");
  EXPECT_EQ(names.apply("Señora Zoë"), "Señora [27]");
}

TEST_F(CmocTableTest, StatementsAreGroupedByMechanismWithQuotes) {
  const std::string md = statementsMarkdown(table());
  EXPECT_THAT(md, HasSubstr("## Conflict\n"));
  EXPECT_THAT(md, HasSubstr("- **If slow pace, then reduced trust, because conflict.** CMOC 1, affirms; "
                            "5 excerpts, 2 sources, 2 participants\n"));
  EXPECT_THAT(md, HasSubstr("CMOC 2, refines CMOC 1; 1 excerpts, 1 sources, 1 participants; "
                            "**fails: 1 source (needs 2)**"));
  EXPECT_THAT(md, HasSubstr("  - \u201Cslow pace &lt;&amp;&gt;\u201D (19; director; alliance 2)\n"));
}

TEST_F(CmocTableTest, UnknownExtensionsAndUnwritablePlacesAreRefusedLeavingNothing) {
  try {
    writeCmocTable(table(), dir / "t.pdf");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()),
              (dir / "t.pdf").string() + ": a CMOC table is written as .csv, .md, .html, .xlsx or .docx");
  }
  for (const char* name : {"t.csv", "t.xlsx", "t.docx"}) {
    const auto target = dir / "missing" / name;
    try {
      writeCmocTable(table(), target);
      FAIL() << name;
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()), "cannot write " + target.string() + ": No such file or directory");
    }
  }
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    EXPECT_THAT(e.path().filename().string(), Not(HasSubstr(".tmp-")));
}

TEST_F(CmocTableTest, AnUnknownMechanismIsNamed) {
  Project p = Project::open(file);
  CmocTableOptions o;
  o.demi.filter.mechanisms = {"Nope"};
  EXPECT_THROW(
      {
        try {
          buildCmocTable(p, o);
        } catch (const NotFound& e) {
          EXPECT_STREQ(e.what(), "no code named 'Nope'");
          throw;
        }
      },
      NotFound);
}

TEST_F(CmocTableTest, ExcerptsCanBeAskedForByCodingId) {
  Project p = Project::open(file);
  CodingFilter f;
  f.codingIds = {3, 1, 99};
  const auto excerpts = Coding(p).excerpts(f);
  ASSERT_EQ(excerpts.size(), 2u);
  EXPECT_EQ(excerpts[0].coding.id, 1);
  EXPECT_EQ(excerpts[1].coding.id, 3);
  EXPECT_EQ(excerpts[1].text, "Gwen felt trust fall away");
}
