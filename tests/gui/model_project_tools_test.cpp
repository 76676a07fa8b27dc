// ParticipantsPresenter (cells, the interviewer flag, deleting), the export catalogue, REFI-QDA
// import, memos on codes and sources, and reordering codes in the tree: what the dialogs, menus
// and panel sections forward to core.
#include <gtest/gtest.h>

#include "cmoc/agreement_report.h"
#include "cmoc/codebook.h"
#include "cmoc/disagreement_report.h"
#include "cmoc/error.h"
#include "cmoc/participants.h"
#include "cmoc/project.h"
#include "cmoc/source_memo.h"
#include "gui_test_project.h"
#include "model/codebook_tree_model.h"
#include "model/export_catalogue.h"
#include "model/memo_presenter.h"
#include "model/participants_presenter.h"
#include "model/refi_import.h"

namespace cmoc::gui {
namespace {

TEST(ParticipantsPresenter, ShowsFixedColumnsThenEveryAttribute) {
  Project p = Project::open(test::sharedDemoProject());
  ParticipantsPresenter m;
  m.reload(p);
  ASSERT_GE(m.rowCount(), 10u);
  EXPECT_EQ(m.columns()[0].title, "Code");
  EXPECT_FALSE(m.columns()[0].editable);
  EXPECT_TRUE(m.columnOf("region").has_value());
  EXPECT_TRUE(m.columnOf("phase").has_value());
  const auto row = m.rowOf("19");
  ASSERT_TRUE(row);
  EXPECT_EQ(m.cell(*row, *m.columnOf("role")), "director");
  EXPECT_EQ(m.cell(*row, *m.columnOf("case")), "alliance 2");
  EXPECT_EQ(m.cell(*row, *m.columnOf("region")), "North");
  EXPECT_EQ(m.cell(*row, 5), "Gwen Pritchard");  // speaks as
}

TEST(ParticipantsPresenter, EditSavesThroughCoreAndUndoTakesItBack) {
  test::TempDir dir;
  Project p = Project::open(test::copyDemoProject(dir));
  p.setCoder("AJ");
  ParticipantsPresenter m;
  m.reload(p);
  const std::size_t row = *m.rowOf("19");
  EXPECT_TRUE(m.edit(p, row, *m.columnOf("region"), "South"));
  EXPECT_TRUE(m.edit(p, row, *m.columnOf("name"), "Gwen P."));
  EXPECT_FALSE(m.edit(p, row, 0, "20"));  // the code is read-only
  EXPECT_EQ(m.cell(row, *m.columnOf("region")), "South");
  EXPECT_EQ(Participants(p).get("19").name, "Gwen P.");
  ASSERT_TRUE(p.undo());
  m.reload(p);
  EXPECT_EQ(m.cell(*m.rowOf("19"), *m.columnOf("name")), "");
  EXPECT_EQ(m.cell(*m.rowOf("19"), *m.columnOf("region")), "South");
}

TEST(ParticipantsPresenter, AddedAttributeColumnStaysUntilFilledAndThenIsSaved) {
  test::TempDir dir;
  Project p = Project::open(test::copyDemoProject(dir));
  ParticipantsPresenter m;
  m.reload(p);
  const std::size_t col = m.addAttribute(" tenure ");
  EXPECT_EQ(m.columns()[col].title, "tenure");
  EXPECT_THROW(m.addAttribute("role"), UsageError);
  EXPECT_THROW(m.addAttribute(" "), UsageError);
  m.reload(p);
  ASSERT_TRUE(m.columnOf("tenure"));
  m.edit(p, *m.rowOf("19"), *m.columnOf("tenure"), "12 years");
  ParticipantsPresenter fresh;
  fresh.reload(p);
  EXPECT_EQ(fresh.cell(*fresh.rowOf("19"), *fresh.columnOf("tenure")), "12 years");
}

TEST(ParticipantsPresenter, InterviewerIsAYesNoColumnSavedThroughCore) {
  test::TempDir dir;
  Project p = Project::open(test::copyDemoProject(dir));
  p.setCoder("AJ");
  ParticipantsPresenter m;
  m.reload(p);
  const auto col = m.columnOf(kParticipantInterviewerField);
  ASSERT_TRUE(col);
  EXPECT_EQ(m.columns()[*col].title, "Interviewer");
  EXPECT_TRUE(m.columns()[*col].flag);
  EXPECT_EQ(m.cell(*m.rowOf("INT1"), *col), "yes");
  const std::size_t row = *m.rowOf("19");
  EXPECT_EQ(m.cell(row, *col), "no");
  EXPECT_TRUE(m.edit(p, row, *col, "yes"));
  EXPECT_EQ(m.cell(row, *col), "yes");
  EXPECT_TRUE(Participants(p).get("19").interviewer);
  try {
    m.edit(p, row, *col, "maybe");
    ADD_FAILURE() << "saved a flag that is neither yes nor no";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "Interviewer takes yes or no, not 'maybe'");
  }
  ASSERT_TRUE(p.undo());
  m.reload(p);
  EXPECT_EQ(m.cell(*m.rowOf("19"), *col), "no");
}

TEST(ParticipantsPresenter, DeleteSaysWhatStaysAndUndoBringsTheParticipantBack) {
  test::TempDir dir;
  Project p = Project::open(test::copyDemoProject(dir));
  p.setCoder("AJ");
  ParticipantsPresenter m;
  m.reload(p);
  const std::size_t rows = m.rowCount(), columns = m.columns().size();
  std::int64_t codings = 0;
  for (const SourceSummary& s : p.sources()) codings += s.codings;
  const std::size_t row = *m.rowOf("19");
  EXPECT_EQ(m.deleteQuestion(row),
            "Delete participant 19 and its attributes?\n\nThe transcripts keep its speaker labels "
            "(Gwen Pritchard), turns and codings; they are no longer linked to a participant.\n\n"
            "Ctrl+Z in the main window undoes it.");
  EXPECT_EQ(m.remove(p, row).code, "19");
  EXPECT_EQ(m.rowCount(), rows - 1);
  EXPECT_FALSE(m.rowOf("19"));
  EXPECT_EQ(m.columns().size(), columns);
  std::int64_t after = 0;
  for (const SourceSummary& s : p.sources()) after += s.codings;
  EXPECT_EQ(after, codings);
  EXPECT_THROW(Participants(p).remove("19"), NotFound);
  ASSERT_TRUE(p.undo());
  m.reload(p);
  ASSERT_TRUE(m.rowOf("19"));
  EXPECT_EQ(m.cell(*m.rowOf("19"), 5), "Gwen Pritchard");
  EXPECT_EQ(m.cell(*m.rowOf("19"), *m.columnOf("role")), "director");
}

TEST(ExportCatalogue, EveryFormatWritesAFileOffTheWindowsConnection) {
  test::TempDir dir;
  ExportScope scope;
  scope.agreement.coders = {"AJ", "RM"};
  for (const ExportFormat& f : exportFormats()) {
    const auto target = dir / f.fileName;
    const std::string summary = runExport(test::sharedDemoProject(), f, target, scope);
    EXPECT_TRUE(std::filesystem::exists(target)) << f.label;
    EXPECT_GT(std::filesystem::file_size(target), 20u) << f.label;
    EXPECT_NE(summary.find(target.string()), std::string::npos) << summary;
    EXPECT_FALSE(std::filesystem::exists(target.string() + ".part")) << f.label;
  }
}

TEST(ExportCatalogue, BlindScopeExportsOnlyThatCodersCodings) {
  test::TempDir dir;
  const ExportFormat* codings = nullptr;
  for (const ExportFormat& f : exportFormats())
    if (f.fileName == "codings.csv") codings = &f;
  ASSERT_TRUE(codings);
  runExport(test::sharedDemoProject(), *codings, dir / "all.csv", {});
  runExport(test::sharedDemoProject(), *codings, dir / "rm.csv", {.onlyCoder = "RM"});
  const std::string rm = test::readFile(dir / "rm.csv");
  EXPECT_LT(rm.size(), test::readFile(dir / "all.csv").size());
  EXPECT_EQ(rm.find(",AJ,"), std::string::npos);
}

TEST(ExportCatalogue, AgreementReportComparesTheAgreementTabsCoders) {
  test::TempDir dir;
  ExportScope scope;
  scope.agreement.coders = {"AJ", "RM"};
  scope.agreement.unit = AgreementUnit::Turn;
  const std::string summary =
      runExport(test::sharedDemoProject(), *exportNamed("agreement.md"), dir / "a.md", scope);
  EXPECT_NE(summary.find("Exported the agreement of AJ and RM on "), std::string::npos) << summary;
  const std::string md = test::readFile(dir / "a.md");
  EXPECT_EQ(md.rfind("**Inter-coder agreement**\n\n", 0), 0u) << md;
  EXPECT_NE(md.find("| code | units | both | AJ only | RM only | neither |"), std::string::npos) << md;
  EXPECT_NE(md.find("| **All codes (pooled)** | 6440 |"), std::string::npos) << md;
  // The same report core gives the CLI.
  Project p = Project::open(test::sharedDemoProject());
  EXPECT_EQ(md, agreementMarkdown(computeAgreement(p, scope.agreement)));
}

TEST(ExportCatalogue, AgreementReportNeedsTwoCodersAndIsHiddenWhenBlind) {
  test::TempDir dir;
  const ExportFormat& html = *exportNamed("agreement.html");
  ExportScope none;
  none.agreement.coders = {"AJ", "AJ"};
  try {
    runExport(test::sharedDemoProject(), html, dir / "a.html", none);
    FAIL() << "exported the agreement of one coder with itself";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "choose two different coders in the Agreement tab first");
  }
  ExportScope blind;
  blind.onlyCoder = "RM";
  blind.agreement.coders = {"AJ", "RM"};
  try {
    runExport(test::sharedDemoProject(), html, dir / "a.html", blind);
    FAIL() << "exported agreement figures during blind coding";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "the agreement report is hidden while \"Only my codings\" is on");
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "a.html"));
  EXPECT_EQ(exportNamed("no-such.txt"), nullptr);
}

TEST(ExportCatalogue, DisagreementsAreTheAgreementTabsAndHiddenWhenBlind) {
  test::TempDir dir;
  ExportScope scope;
  scope.agreement.coders = {"AJ", "RM"};
  scope.agreement.unit = AgreementUnit::Turn;
  const std::string summary =
      runExport(test::sharedDemoProject(), *exportNamed("disagreements.csv"), dir / "d.csv", scope);
  Project p = Project::open(test::sharedDemoProject());
  const auto list = listDisagreements(p, {.coders = {"AJ", "RM"}, .unit = AgreementUnit::Turn});
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(summary, "Exported " + std::to_string(list.size()) + " disagreements of AJ and RM to " +
                         (dir / "d.csv").string());
  EXPECT_EQ(test::readFile(dir / "d.csv"), disagreementsCsv({"AJ", "RM"}, list));
  scope.onlyCoder = "RM";
  try {
    runExport(test::sharedDemoProject(), *exportNamed("disagreements.html"), dir / "d.html", scope);
    FAIL() << "exported disagreements during blind coding";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "the list of disagreements is hidden while \"Only my codings\" is on");
  }
}

TEST(ExportCatalogue, AFailedExportLeavesNoFile) {
  test::TempDir dir;
  const auto target = dir / "missing-folder" / "codebook.csv";
  EXPECT_THROW(runExport(test::sharedDemoProject(), exportFormats().front(), target, {}), std::exception);
  EXPECT_FALSE(std::filesystem::exists(target));
}

TEST(RefiImport, ImportsAnExportedCodebookAndReportsIt) {
  test::TempDir dir;
  const auto qdc = dir / "codebook.qdc";
  for (const ExportFormat& f : exportFormats())
    if (f.fileName == "codebook.qdc") runExport(test::sharedDemoProject(), f, qdc, {});
  EXPECT_TRUE(isExchangeFile(qdc));
  EXPECT_FALSE(isExchangeFile(dir / "interview.txt"));
  const auto target = dir / "new.cmoc";
  Project::create(target);
  const std::string report = importExchangeFile(target, qdc, "AJ").report;
  EXPECT_NE(report.find("Imported"), std::string::npos) << report;
  EXPECT_NE(report.find("saved:"), std::string::npos) << report;
  Project p = Project::open(target);
  EXPECT_NO_THROW(Codebook(p).find("Trust"));
}

TEST(RefiImport, ARefusedFileThrowsAndSavesNothing) {
  test::TempDir dir;
  test::writeFile(dir / "bad.qdc", "<CodeBook><Codes><Code");
  const auto target = dir / "new.cmoc";
  Project::create(target);
  EXPECT_THROW(importExchangeFile(target, dir / "bad.qdc", "AJ"), Error);
  Project p = Project::open(target);
  EXPECT_TRUE(Codebook(p).list().empty());
}

TEST(MemoPresenter, SavesMemosOnCodesAndSourcesAsUndoableSteps) {
  test::TempDir dir;
  Project p = Project::open(test::copyDemoProject(dir));
  p.setCoder("AJ");
  const std::int64_t trust = Codebook(p).find("Trust").id;
  MemoTarget code = codeMemo(p, trust);
  EXPECT_EQ(code.title, "Memo on code Trust");
  EXPECT_TRUE(saveMemo(p, code, "Distinguish from confidence."));
  EXPECT_FALSE(saveMemo(p, code, "Distinguish from confidence."));
  EXPECT_EQ(codeMemo(p, trust).text, "Distinguish from confidence.");
  const std::int64_t source = p.sources().front().id;
  const MemoTarget src = sourceMemo(p, source);
  EXPECT_EQ(src.title, "Memo on source " + p.sources().front().name);
  EXPECT_TRUE(saveMemo(p, src, "Poor audio in the middle."));
  EXPECT_EQ(cmoc::sourceMemo(p, source), "Poor audio in the middle.");
  ASSERT_TRUE(p.undo());
  EXPECT_EQ(cmoc::sourceMemo(p, source), "");
  ASSERT_TRUE(p.undo());
  EXPECT_EQ(codeMemo(p, trust).text, "");
}

TEST(CodebookTreeModel, ShiftAndReorderChangeSiblingOrderInTheTree) {
  test::TempDir dir;
  Project p = Project::open(test::copyDemoProject(dir));
  p.setCoder("AJ");
  CodebookTreeModel m;
  m.reload(p);
  const auto top = m.children(std::nullopt);
  ASSERT_GE(top.size(), 3u);
  const std::int64_t first = top[0]->id, second = top[1]->id, last = top.back()->id;
  EXPECT_FALSE(m.shift(p, first, -1));
  ASSERT_TRUE(m.shift(p, first, +1));
  m.reload(p);
  EXPECT_EQ(m.children(std::nullopt)[0]->id, second);
  EXPECT_EQ(m.children(std::nullopt)[1]->id, first);
  CodebookTreeModel::reorder(p, last, second);
  m.reload(p);
  EXPECT_EQ(m.children(std::nullopt)[0]->id, last);
  ASSERT_TRUE(p.undo());
  m.reload(p);
  EXPECT_EQ(m.children(std::nullopt)[0]->id, second);
}

TEST(CodebookTreeModel, DropOnTheTopThirdOfARowPutsTheCodeBeforeIt) {
  EXPECT_EQ(dropPlace(2, 24), DropPlace::Before);
  EXPECT_EQ(dropPlace(8, 24), DropPlace::Into);
  EXPECT_EQ(dropPlace(20, 24), DropPlace::Into);
  EXPECT_EQ(dropPlace(0, 0), DropPlace::Into);
}

}  // namespace
}  // namespace cmoc::gui
