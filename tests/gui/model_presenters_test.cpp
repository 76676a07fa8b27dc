// SourcesPresenter, SearchPresenter, QuickCodeModel, history and status presenters, ImportJob.
#include <gtest/gtest.h>

#include <thread>

#include "cmoc/codebook.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "gui_test_project.h"
#include "model/format.h"
#include "model/history_presenter.h"
#include "model/import_job.h"
#include "model/quick_code_model.h"
#include "model/search_presenter.h"
#include "model/sources_presenter.h"

namespace cmoc::gui {
namespace {

TEST(SourcesPresenter, ListsEverySourceWithParticipantsAndCounts) {
  Project p = Project::open(test::sharedDemoProject());
  SourcesPresenter s;
  s.reload(p, {});
  ASSERT_EQ(s.rows().size(), 10u);
  EXPECT_EQ(s.total(), 10u);
  EXPECT_EQ(s.heading(), "Sources (10)");
  const auto& first = s.rows()[0];
  EXPECT_EQ(first.label, first.participants + "  " + first.name);
}

TEST(SourcesPresenter, FiltersByTextParticipantAndCodedState) {
  Project p = Project::open(test::sharedDemoProject());
  SourcesPresenter s;
  s.reload(p, {.text = "NORTHSHORE"});
  EXPECT_EQ(s.rows().size(), 2u);
  s.reload(p, {.participant = "19"});
  ASSERT_EQ(s.rows().size(), 1u);
  EXPECT_EQ(s.rows()[0].name, "interview-01-director-alliance2.txt");
  EXPECT_EQ(s.heading(), "Sources (1 of 10)");
  s.reload(p, {.participant = "3"});  // not a prefix match on "33"
  EXPECT_TRUE(s.rows().empty());
  s.reload(p, {.coded = CodedFilter::Uncoded});
  for (const auto& r : s.rows()) EXPECT_EQ(r.counts, "uncoded");
}

TEST(SourcesPresenter, ACoderFilterCountsThatCodersCodingsOnly) {
  Project p = Project::open(test::sharedDemoProject());
  SourcesPresenter all, rm, rmCoded;
  all.reload(p, {});
  rm.reload(p, {.coder = "RM"});
  rmCoded.reload(p, {.coded = CodedFilter::Coded, .coder = "RM"});
  std::int64_t a = 0, b = 0;
  for (const auto& r : all.rows()) a += r.codings;
  for (const auto& r : rm.rows()) b += r.codings;
  EXPECT_GT(b, 0);
  EXPECT_LT(b, a);
  EXPECT_LE(rmCoded.rows().size(), rm.rows().size());
  for (const auto& r : rmCoded.rows()) EXPECT_GT(r.codings, 0);
}

TEST(SourcesPresenter, AttributeFilterKeepsSourcesCodedOnTurnsOfMatchingParticipants) {
  Project p = Project::open(test::sharedDemoProject());
  const auto values = SourcesPresenter::attributeValues(p, "case_type");
  EXPECT_NE(std::find(values.begin(), values.end(), "alliance"), values.end());
  EXPECT_TRUE(SourcesPresenter::attributeValues(p, "no such attribute").empty());
  SourcesPresenter s;
  s.reload(p, {.attribute = std::make_pair(std::string("case_type"), std::string("alliance"))});
  ASSERT_FALSE(s.rows().empty());
  for (const auto& r : s.rows()) EXPECT_NE(r.name.find("alliance"), std::string::npos) << r.name;
}

TEST(SearchPresenter, KeywordInContextRowsCarryTheJumpTarget) {
  Project p = Project::open(test::sharedDemoProject());
  SearchPresenter s;
  s.run(p, "cafe");
  ASSERT_FALSE(s.rows().empty());
  for (const auto& r : s.rows()) {
    EXPECT_EQ(r.end - r.start, 4);
    const std::string text = p.sourceText(r.sourceId);
    EXPECT_EQ(r.match.size(), 5u) << r.match;  // "café" or "Café"
  }
  EXPECT_NE(s.summary().find("for \"cafe\""), std::string::npos);
  s.run(p, "zzzqqq");
  EXPECT_EQ(s.summary(), "No hits for \"zzzqqq\".");
  EXPECT_THROW(s.run(p, "\"unterminated"), UsageError);
}

TEST(QuickCodeModel, NamePrefixRanksFirstAndMatchingIgnoresCaseAndAccents) {
  Project p = Project::open(test::sharedDemoProject());
  QuickCodeModel q(Codebook(p).list());
  auto m = q.matches("tru");
  ASSERT_GE(m.size(), 2u);
  EXPECT_EQ(m[0].path, "Mechanisms/Trust");
  EXPECT_EQ(m[1].path, "Mechanisms/Trust/Initial trust");  // a later word's start
  m = q.matches("COVÍD");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].path, "Contexts/COVID-19");
  EXPECT_EQ(q.matches("").size(), Codebook(p).list().size());
  EXPECT_TRUE(q.matches("nothing like it").empty());
  EXPECT_EQ(q.matches("", 3).size(), 3u);
}

TEST(HistoryPresenter, AuditRowsAndStatusLine) {
  Project p = Project::open(test::sharedDemoProject());
  p.setCoder("AJ");
  const auto rows = auditRows(p, 10);
  EXPECT_FALSE(rows.empty());
  const auto line = statusLine(p, 6, false);
  EXPECT_EQ(line.project, "demo.cmoc");
  EXPECT_EQ(line.sources, "10 sources");
  EXPECT_EQ(line.cmocs, "6 CMOCs");
  EXPECT_EQ(line.coder, "coder: AJ");
  EXPECT_NE(line.text().find("demo.cmoc  |  10 sources  |  "), std::string::npos);
  // Blind mode shows the coder's own count only.
  EXPECT_EQ(statusLine(p, 0, true, 4).codings, "4 codings (yours)");
  EXPECT_EQ(line.mode, "saved");
  StatusLine failed = line;
  markNotSaved(failed);
  EXPECT_EQ(failed.text().find("|  saved"), std::string::npos);
  EXPECT_NE(failed.text().find("|  NOT SAVED (reopen the project)"), std::string::npos);
}

TEST(ImportJob, ImportsOnAWorkerThreadAndSummarisesEachFile) {
  test::TempDir dir;
  const auto file = dir / "p.cmoc";
  Project::create(file);
  test::writeFile(dir / "empty.txt", "");
  ImportJob job(file,
                {test::samplesDir() / "interview-01-director-alliance2.txt",
                 test::samplesDir() / "interview-01-director-alliance2.txt", dir / "empty.txt",
                 test::samplesDir() / "interview-07-commissioner-riverside.vtt"},
                test::samplesDir() / "participants.csv", {}, "AJ");
  std::thread worker([&] { job.run(); });
  worker.join();
  ASSERT_TRUE(job.progress().finished);
  EXPECT_EQ(job.imported(), 2u);
  using S = ImportFileResult::Status;
  EXPECT_EQ(job.results()[1].status, S::Skipped);
  EXPECT_EQ(job.results()[2].status, S::Failed);
  EXPECT_NE(job.summary().find("Imported 2, skipped 1, failed 1"), std::string::npos);
  EXPECT_NE(job.summary().find("empty.txt"), std::string::npos);
  EXPECT_TRUE(job.anyFailed());
  EXPECT_EQ(Project::open(file).sources().size(), 2u);
}

TEST(ImportJob, CancelStopsBeforeTheNextFileAndSaysWhatDidNotRun) {
  test::TempDir dir;
  const auto file = dir / "p.cmoc";
  Project::create(file);
  ImportJob job(file, {test::samplesDir() / "interview-01-director-alliance2.txt"});
  job.cancel();
  job.run();
  EXPECT_EQ(job.imported(), 0u);
  EXPECT_NE(job.summary().find("not run 1 (cancelled)"), std::string::npos);
  EXPECT_FALSE(job.anyFailed());  // not run is not failed
  EXPECT_TRUE(Project::open(file).sources().empty());
}

TEST(ImportJob, ExchangeFilesAreSplitFromTranscriptsInTheOrderChosen) {
  const ImportSelection s = splitImportSelection(
      {"a.txt", "study.qdpx", "b.docx", "codes.qdc", "c.vtt", "d.srt", "e.odt"});
  EXPECT_EQ(s.exchange, (std::vector<std::filesystem::path>{"study.qdpx", "codes.qdc"}));
  EXPECT_EQ(s.transcripts,
            (std::vector<std::filesystem::path>{"a.txt", "b.docx", "c.vtt", "d.srt", "e.odt"}));
  EXPECT_TRUE(splitImportSelection({}).transcripts.empty());
}

TEST(Format, FirstLineIsTheReportsHeadline) {
  EXPECT_EQ(firstLine("Imported 2, skipped 1, failed 1\n  failed  empty.txt: empty file"),
            "Imported 2, skipped 1, failed 1");
  EXPECT_EQ(firstLine("one line"), "one line");
  EXPECT_EQ(firstLine(""), "");
}

TEST(ImportJob, AProjectThatCannotBeOpenedFailsEveryFile) {
  test::TempDir dir;
  ImportJob job(dir / "missing.cmoc", {test::samplesDir() / "interview-01-director-alliance2.txt"});
  job.run();
  EXPECT_EQ(job.results()[0].status, ImportFileResult::Status::Failed);
}

}  // namespace
}  // namespace cmoc::gui
