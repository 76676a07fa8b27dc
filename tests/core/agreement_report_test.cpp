// The agreement report's tables and files (agreement_report.h), and the disagreements' files
// (disagreement_report.h), from reports built by hand, so the layout is checked apart from the
// statistics: what people read, what data keeps, and the file formats chosen by extension.
#include <gtest/gtest.h>

#include <string>

#include "cmoc/agreement_report.h"
#include "cmoc/disagreement_report.h"
#include "cmoc/error.h"
#include "test_support.h"

using namespace cmoc;
using agreement::Coefficient;

namespace {

CodeAgreement row(const std::string& code, double both, double aOnly, double bOnly, double neither,
                  Coefficient kappa) {
  CodeAgreement r;
  r.code = code;
  r.units = both + aOnly + bOnly + neither;
  r.pairs.push_back({"AJ", "RB", {r.units, both, aOnly, bOnly, neither}, Coefficient::of(0.9), kappa, kappa});
  r.percent = Coefficient::of((both + neither) / r.units);
  r.cohenKappa = kappa;
  r.alpha = kappa;
  r.fleissKappa = Coefficient::undefined("not shown for two coders");
  return r;
}

AgreementReport twoCoders() {
  AgreementReport r;
  r.coders = {"AJ", "RB"};
  r.unit = AgreementUnit::Turn;
  r.codes.push_back(row("Mechanisms/Trust_building", 6, 1, 1, 12, Coefficient::of(0.7123)));
  r.codes.push_back(row("Contexts/Rural", 0, 0, 0, 20, Coefficient::undefined("no variation")));
  r.overall = row("All codes (pooled)", 6, 1, 1, 32, Coefficient::of(0.8));
  r.sourcesCompared = 3;
  r.partialSources.push_back({"Interview 07", {"AJ"}, {"RB"}, false});
  return r;
}

TEST(AgreementReport, PeopleReadFormattedFiguresAndWhyOneIsUndefined) {
  const AgreementTables t = agreementTables(twoCoders(), AgreementLayout::People);
  EXPECT_EQ(t.main.columns, (std::vector<std::string>{"code", "units", "both", "AJ only", "RB only", "neither",
                                                      "agreement", "Cohen's kappa", "Krippendorff's alpha"}));
  ASSERT_EQ(t.main.rows.size(), 3u);
  EXPECT_EQ(cellText(t.main.rows[0][6]), "90.0%");
  EXPECT_EQ(cellText(t.main.rows[0][7]), "0.712");
  EXPECT_EQ(cellText(t.main.rows[1][7]), "n/a");
  EXPECT_EQ(t.notes, (std::vector<std::string>{
                         "Contexts/Rural: Cohen's kappa, Krippendorff's alpha n/a: no variation"}));
  EXPECT_TRUE(t.pairs.rows.empty());
  EXPECT_EQ(agreementSourceLines(twoCoders()),
            (std::vector<std::string>{"Interview 07: coded only by AJ (left out)"}));
}

TEST(AgreementReport, DataKeepsNumbersAndLeavesUndefinedEmpty) {
  const AgreementTables t = agreementTables(twoCoders(), AgreementLayout::Data);
  EXPECT_EQ(t.main.columns.front(), "code");
  EXPECT_EQ(t.main.columns.back(), "notes");
  EXPECT_TRUE(std::holds_alternative<double>(t.main.rows[0][8]));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(t.main.rows[1][8]));
  EXPECT_EQ(agreementCsv(twoCoders()),
            "code,coders,units,both,a_only,b_only,neither,percent_agreement,cohen_kappa,fleiss_kappa,"
            "krippendorff_alpha,notes\n"
            "Mechanisms/Trust_building,\"AJ,RB\",20,6,1,1,12,90.000,0.712,,0.712,\n"
            "Contexts/Rural,\"AJ,RB\",20,0,0,0,20,100.000,,,,\"Cohen's kappa, Krippendorff's alpha n/a: "
            "no variation\"\n"
            "All codes (pooled),\"AJ,RB\",40,6,1,1,32,95.000,0.800,,0.800,\n");
}

TEST(AgreementReport, MarkdownEscapesCodeNamesAndBoldsTheOverallRow) {
  const std::string md = agreementMarkdown(twoCoders());
  EXPECT_EQ(md.rfind("**Inter-coder agreement**\n\n", 0), 0u);
  EXPECT_NE(md.find("| Mechanisms/Trust\\_building | 20 | 6 | 1 | 1 | 12 | 90.0% | 0.712 | 0.712 |"),
            std::string::npos) << md;
  EXPECT_NE(md.find("| **All codes (pooled)** |"), std::string::npos) << md;
  EXPECT_NE(md.find("Sources not coded by every coder:\n\n- Interview 07: coded only by AJ (left out)\n"),
            std::string::npos) << md;
}

TEST(AgreementReport, HtmlIsOneSelfContainedPage) {
  const std::string html = agreementHtml(twoCoders());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<tr class=\"overall\"><td>All codes (pooled)</td>"), std::string::npos) << html;
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
}

TEST(AgreementReport, WritesTheFormatOfTheExtensionAndRefusesOthers) {
  test::TempDir dir;
  writeAgreementReport(twoCoders(), dir / "Agreement.HTML");
  EXPECT_EQ(test::readFile(dir / "Agreement.HTML"), agreementHtml(twoCoders()));
  writeAgreementReport(twoCoders(), dir / "a.md");
  EXPECT_EQ(test::readFile(dir / "a.md"), agreementMarkdown(twoCoders()));
  writeAgreementReport(twoCoders(), dir / "a.csv");
  EXPECT_EQ(test::readFile(dir / "a.csv"), agreementCsv(twoCoders()));
  try {
    writeAgreementReport(twoCoders(), dir / "a.docx");
    FAIL() << "wrote an agreement report as .docx";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), (dir / "a.docx").string() + ": an agreement report is written as .csv, .md or .html");
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "a.docx"));
}

std::vector<Disagreement> twoDisagreements() {
  return {{"a.txt:3-9:Trust", 1, "a.txt", "", 3, 9, "Trust", {true, false}, {{"Trust"}, {}}, "we, & <they>"},
          {"a.txt:turn 2:Faith", 1, "a.txt", "turn 2", 20, 41, "Faith", {false, true}, {{}, {"Faith", "Trust"}},
           "Line one\nline two"}};
}

TEST(DisagreementReport, CsvKeepsEachCodersCodesAndTheWholeText) {
  EXPECT_EQ(disagreementsCsv({"AJ", "RB"}, twoDisagreements()),
            "id,source_id,source,unit,start,end,code,coded_by,not_coded_by,codes_AJ,codes_RB,text\n"
            "a.txt:3-9:Trust,1,a.txt,,3,9,Trust,AJ,RB,Trust,,\"we, & <they>\"\n"
            "a.txt:turn 2:Faith,1,a.txt,turn 2,20,41,Faith,RB,AJ,,Faith; Trust,\"Line one\nline two\"\n");
}

TEST(DisagreementReport, HtmlMarksWhoAppliedTheCodeAndEscapesTheText) {
  const std::string html = disagreementsHtml({"AJ", "RB"}, twoDisagreements());
  EXPECT_NE(html.find("<h1>Disagreements between AJ, RB</h1>\n<p>2 disagreements."), std::string::npos) << html;
  EXPECT_NE(html.find("<td class=\"yes\">Trust</td><td class=\"no\"></td><td class=\"text\">we, &amp; "
                      "&lt;they&gt;</td>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<td>turn 2 20&ndash;41</td>"), std::string::npos) << html;
}

TEST(DisagreementReport, WritesHtmlOrCsvByExtensionAndRefusesOthers) {
  test::TempDir dir;
  writeDisagreements({"AJ", "RB"}, twoDisagreements(), dir / "d.HTM");
  EXPECT_EQ(test::readFile(dir / "d.HTM"), disagreementsHtml({"AJ", "RB"}, twoDisagreements()));
  writeDisagreements({"AJ", "RB"}, twoDisagreements(), dir / "d.csv");
  EXPECT_EQ(test::readFile(dir / "d.csv"), disagreementsCsv({"AJ", "RB"}, twoDisagreements()));
  try {
    writeDisagreements({"AJ", "RB"}, twoDisagreements(), dir / "d.md");
    FAIL() << "wrote disagreements as .md";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), (dir / "d.md").string() + ": disagreements are written as .html or .csv");
  }
}

}  // namespace
