// cmoc-gui's REFI-QDA import: the options File > Import asks for (RefiImportOptions), the
// progress a dialog follows (SharedProgress), and the import itself (importExchangeFile) on the
// real exports in ../shared/refi-qda/samples (skipped when absent; never copied into the repo).
#include <gtest/gtest.h>

#include <limits>

#include "cmoc/codebook.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "gui_test_project.h"
#include "model/refi_import.h"
#include "model/refi_import_options.h"
#include "model/shared_progress.h"
#include "sql_peek.h"

namespace cmoc::gui {
namespace {

using importers::PositionConvention;

#define REQUIRE_SAMPLE(name)                                     \
  if (!std::filesystem::exists(test::refiSamplesDir() / (name))) \
  GTEST_SKIP() << "no sample " << (name) << " in ../shared/refi-qda/samples"

// Row counts of everything an import can write, the undo history and the audit log included.
std::string fingerprint(const std::filesystem::path& project) {
  std::string sql = "SELECT ''";
  for (const char* table :
       {"sources", "source_text", "turns", "speakers", "codes", "codings", "coders", "memos",
        "cases", "participants", "cmocs", "entity_sets", "entity_links", "source_attributes",
        "history", "audit", "project_meta"})
    sql += std::string(" || '") + table + " ' || (SELECT count(*) FROM " + table + ") || '; '";
  return test::sqlValue(project, sql);
}

// Reports every update; cancels from the `at`-th on.
class CancelAt final : public Progress {
 public:
  explicit CancelAt(std::size_t at) : at_(at) {}
  void update(std::size_t done, std::size_t total, std::string_view label) override {
    ++seen;
    percents.push_back(done);
    totals.push_back(total);
    labels.emplace_back(label);
  }
  bool cancelled() const override { return seen >= at_; }

  std::size_t seen = 0;
  std::vector<std::size_t> percents, totals;
  std::vector<std::string> labels;

 private:
  std::size_t at_;
};

TEST(RefiImportOptions, DefaultsAreTheClisDefaults) {
  const RefiImportOptions o;
  EXPECT_EQ(o.position(), 0u);
  EXPECT_FALSE(o.skipMissingSources);
  // `cmoc import-qda` without options starts from the importer's defaults too.
  EXPECT_EQ(o.options(), importers::RefiOptions{});
}

TEST(RefiImportOptions, OffersAutomaticThenEveryConventionThePositionsOptionNames) {
  const auto& labels = RefiImportOptions::positionLabels();
  const auto& named = importers::namedConventions();
  ASSERT_EQ(labels.size(), named.size() + 1);
  EXPECT_TRUE(labels[0].starts_with("Automatic")) << labels[0];
  EXPECT_EQ(labels[1], "Code points, CRLF as 2 (QualCoder and most other tools)");
  EXPECT_EQ(labels[2], "Code points, CRLF as 1 (ATLAS.ti)");
  EXPECT_EQ(labels[3], "UTF-16 units, CRLF as 2 (NVivo)");
  EXPECT_EQ(labels[4], "UTF-16 units, CRLF as 1");
  for (std::size_t i = 0; i < named.size(); ++i) {
    RefiImportOptions o;
    o.setPosition(i + 1);
    EXPECT_EQ(o.options().positions, importers::conventionNamed(named[i].name)) << named[i].name;
  }
}

TEST(RefiImportOptions, ChoosesByTheClisNamesAndRefusesOthers) {
  RefiImportOptions o;
  ASSERT_TRUE(o.setPosition("utf16-crlf1"));
  o.skipMissingSources = true;
  EXPECT_EQ(o.options().positions, (PositionConvention{true, true}));
  EXPECT_TRUE(o.options().skipMissingSources);
  EXPECT_FALSE(o.setPosition("utf8"));
  EXPECT_EQ(o.position(), 4u);
  ASSERT_TRUE(o.setPosition("auto"));
  EXPECT_EQ(o.options().positions, std::nullopt);
  EXPECT_THROW(o.setPosition(RefiImportOptions::positionLabels().size()), std::out_of_range);
}

TEST(RefiImportOptions, AllowsFilesOutsideTheArchiveOnlyFromAChosenFolder) {
  test::TempDir dir;
  RefiImportOptions o;
  EXPECT_EQ(RefiImportOptions::kAllowExternalLabel,
            "Allow files outside the archive from folder...");
  EXPECT_FALSE(o.allowExternal);
  EXPECT_EQ(o.options().allowExternal, std::nullopt);
  o.allowExternal = true;
  EXPECT_EQ(o.problem(), "Choose the folder that files outside the archive may come from");
  EXPECT_THROW(o.options(), UsageError);
  o.externalFolder = dir / "nope";
  EXPECT_EQ(o.problem(), (dir / "nope").string() + " is not a folder");
  o.externalFolder = dir.path();
  EXPECT_EQ(o.problem(), "");
  EXPECT_EQ(o.options().allowExternal, dir.path());
  // Unticked, a folder once chosen allows nothing.
  o.allowExternal = false;
  EXPECT_EQ(o.options().allowExternal, std::nullopt);
}

TEST(SharedProgress, TheUiThreadSeesTheLastReportAndCancels) {
  SharedProgress p;
  p.update(3, 10, "Reading a.txt");
  EXPECT_EQ(p.snapshot().done, 3u);
  EXPECT_EQ(p.snapshot().total, 10u);
  EXPECT_EQ(p.snapshot().label, "Reading a.txt");
  EXPECT_FALSE(p.cancelled());
  p.cancel();
  EXPECT_TRUE(p.cancelled());
}

TEST(RefiImport, SkipsSourcesWhoseTextsAreMissingOnlyWhenAsked) {
  REQUIRE_SAMPLE("atlasti-8.4-mac_standard-project.qde");
  test::TempDir dir;
  // A bare .qde without its sources/ folder, as the CLI's test reads it.
  std::filesystem::copy_file(test::refiSamplesDir() / "atlasti-8.4-mac_standard-project.qde",
                             dir / "project.qde");
  const auto target = dir / "t.cmoc";
  Project::create(target);
  const std::string before = fingerprint(target);
  EXPECT_THROW(importExchangeFile(target, dir / "project.qde", "AJ"), InputError);
  EXPECT_EQ(fingerprint(target), before);

  RefiImportOptions o;
  o.skipMissingSources = true;
  const ExchangeImportResult r = importExchangeFile(target, dir / "project.qde", "AJ", o.options());
  EXPECT_FALSE(r.cancelled);
  EXPECT_NE(r.report.find("  saved:    users 3, codes 14, memos 2, sets 12\n"), std::string::npos)
      << r.report;
  EXPECT_NE(r.report.find("is missing; left out"), std::string::npos) << r.report;
  Project p = Project::open(target);
  EXPECT_EQ(Codebook(p).find("Coke/diet Coke").guid, "d299efae-5779-46dc-9827-a3d1a5d544bc");
  EXPECT_TRUE(p.sources().empty());
}

TEST(RefiImport, RefusesFilesOutsideTheProjectFolderUnlessTheirFolderIsAllowed) {
  test::TempDir tmp;
  const auto dir = std::filesystem::weakly_canonical(tmp.path());
  std::filesystem::create_directories(dir / "media");
  test::writeFile(dir / "media" / "a.txt", "R: Shared on purpose.\n");
  const std::string file = (dir / "media" / "a.txt").string();
  std::filesystem::create_directories(dir / "project");
  test::writeFile(dir / "project" / "t.qde",
                  "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"t\"><Sources><TextSource "
                  "guid=\"5d3a6c1e-3333-4a2b-9c3d-000000000001\" name=\"a\" "
                  "plainTextPath=\"absolute://" +
                      file + "\"/></Sources></Project>");
  const auto target = dir / "t.cmoc";
  Project::create(target);
  const std::string before = fingerprint(target);
  try {
    importExchangeFile(target, dir / "project" / "t.qde", "AJ");
    ADD_FAILURE() << "not refused";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "t.qde: 1 source names a file outside the project's folder (absolute://" + file +
                  "); to read them, choose \"Allow files outside the archive from folder...\" in "
                  "the import options and a folder that holds them");
  }
  EXPECT_EQ(fingerprint(target), before);

  RefiImportOptions o;
  o.allowExternal = true;
  o.externalFolder = dir / "media";
  const ExchangeImportResult r =
      importExchangeFile(target, dir / "project" / "t.qde", "AJ", o.options());
  EXPECT_NE(r.report.find("Read from outside the archive (1):\n  " + file + "\n"),
            std::string::npos)
      << r.report;
}

TEST(RefiImport, ReportsReadingThenSavingAsOneRunOfPercent) {
  REQUIRE_SAMPLE("qc-1.3.2_demo.qdpx");
  test::TempDir dir;
  const auto target = dir / "t.cmoc";
  Project::create(target);
  CancelAt never(std::numeric_limits<std::size_t>::max());
  const ExchangeImportResult r =
      importExchangeFile(target, test::refiSamplesDir() / "qc-1.3.2_demo.qdpx", "AJ", {}, &never);
  ASSERT_FALSE(r.cancelled);
  ASSERT_FALSE(never.percents.empty());
  for (std::size_t i = 0; i < never.seen; ++i) {
    EXPECT_EQ(never.totals[i], 100u);
    if (i) {
      EXPECT_GE(never.percents[i], never.percents[i - 1]) << never.labels[i];
    }
  }
  EXPECT_EQ(never.labels.front(), "Reading board_2017.txt");
  EXPECT_EQ(never.labels.back(), "Saving");
  EXPECT_EQ(never.percents.back(), 100u);
}

TEST(RefiImport, ACancelAtAnyReportSavesNothing) {
  REQUIRE_SAMPLE("qc-1.3.2_demo.qdpx");
  const auto qdpx = test::refiSamplesDir() / "qc-1.3.2_demo.qdpx";
  test::TempDir dir;
  // Into a study with sources, codes and codings of its own, which must stay exactly as they are.
  const auto target = test::copyDemoProject(dir);
  const std::string before = fingerprint(target);
  std::size_t reports = 0;
  {
    test::TempDir scratch;
    CancelAt never(std::numeric_limits<std::size_t>::max());
    importExchangeFile(test::copyDemoProject(scratch), qdpx, "AJ", {}, &never);
    reports = never.seen;
  }
  ASSERT_GT(reports, 4u);  // reading and saving each source, its codings, the end
  for (std::size_t at = 1; at <= reports; ++at) {
    CancelAt cancel(at);
    const ExchangeImportResult r = importExchangeFile(target, qdpx, "AJ", {}, &cancel);
    EXPECT_TRUE(r.cancelled) << "cancelled at report " << at << " (" << cancel.labels.back() << ")";
    EXPECT_EQ(r.report, "Import cancelled; nothing was saved.");
    EXPECT_EQ(fingerprint(target), before) << "cancelled at " << cancel.labels.back();
    EXPECT_EQ(test::sqlValue(target, "PRAGMA integrity_check"), "ok");
  }
  // Nothing half-done is in the way: the same import then saves everything.
  const ExchangeImportResult r = importExchangeFile(target, qdpx, "AJ");
  EXPECT_FALSE(r.cancelled);
  EXPECT_NE(r.report.find("codings 205"), std::string::npos) << r.report;
  Project p = Project::open(target);
  EXPECT_NO_THROW(p.source("board_2017.txt"));
}

}  // namespace
}  // namespace cmoc::gui
