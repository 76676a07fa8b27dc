// The Study library window's presenter: studies with their attribute columns, the papers and
// their links, and an import that says what it did and is one undoable step.
#include <gtest/gtest.h>

#include "cmoc/error.h"
#include "cmoc/importers/importer.h"
#include "cmoc/project.h"
#include "model/import_job.h"
#include "model/library_presenter.h"
#include "test_support.h"

using namespace cmoc;
using cmoc::test::samplesDir;
using cmoc::test::TempDir;

namespace {

class LibraryPresenterTest : public ::testing::Test {
 protected:
  TempDir dir;
  Project project = Project::create(dir / "l.cmoc");
  gui::LibraryPresenter model;

  void SetUp() override {
    for (const char* name : {"paper-01-hartley-2017-trust-alliances.pdf",
                             "paper-03-okonkwo-2019-interoperability.pdf"})
      project.addTranscript(importers::loadTranscript(samplesDir() / "papers" / name), nullptr);
    model.reload(project);
  }
};

TEST_F(LibraryPresenterTest, AnEmptyLibraryListsThePapersAsNotLinked) {
  EXPECT_EQ(model.studyCount(), 0u);
  EXPECT_EQ(model.studyColumns(),
            (std::vector<std::string>{"Key", "Citation", "Year", "Title", "Journal", "Papers"}));
  ASSERT_EQ(model.paperCount(), 2u);
  EXPECT_EQ(model.paperRow(0), (std::vector<std::string>{
                                   "paper-01-hartley-2017-trust-alliances.pdf", "not linked", ""}));
}

TEST_F(LibraryPresenterTest, ImportShowsStudiesWithAttributeColumnsAndTheLinksItMade) {
  const std::vector<std::string> lines = model.importFile(project, samplesDir() / "references.bib");
  EXPECT_EQ(
      lines,
      (std::vector<std::string>{
          "Imported 7 studies from references.bib, skipped 0", "Linked 2 of 2 papers to studies:",
          "  paper-01-hartley-2017-trust-alliances.pdf -> hartley2017trust (file name)",
          "  paper-03-okonkwo-2019-interoperability.pdf -> okonkwo2019shared (DOI "
          "10.5555/hisr.2019.0417)"}));
  EXPECT_EQ(model.studyCount(), 7u);
  EXPECT_EQ(model.studyColumns(),
            (std::vector<std::string>{"Key", "Citation", "Year", "Title", "Journal", "Papers",
                                      "country", "design", "partnership_type"}));
  EXPECT_EQ(model.studyCell(3, 0), "lovas2021merged");
  EXPECT_EQ(model.studyCell(3, 1), "Løvås et al. 2021");
  EXPECT_EQ(model.studyCell(3, 6), "Norway");
  EXPECT_EQ(model.studyCell(0, 5), "");  // Adeyemi's paper is not in this project
  EXPECT_EQ(model.paperRow(1),
            (std::vector<std::string>{"paper-03-okonkwo-2019-interoperability.pdf",
                                      "okonkwo2019shared", "doi"}));
  ASSERT_TRUE(project.undo());
  model.reload(project);
  EXPECT_EQ(model.studyCount(), 0u);
}

TEST_F(LibraryPresenterTest, ABadFileIsRefusedWithItsPlaceAndChangesNothing) {
  TempDir files;
  test::writeFile(files / "bad.ris", "TY  - JOUR\nTI  - Trust\n");
  try {
    model.importFile(project, files / "bad.ris");
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "bad.ris: line 1: the reference begun here has no end ('ER  - ')");
  }
  EXPECT_EQ(model.studyCount(), 0u);
  EXPECT_TRUE(project.history().empty());
}

TEST(ImportJobLibrary, PapersImportedAfterTheLibraryAreLinkedAndTheSummarySaysHow) {
  TempDir dir;
  const auto file = dir / "p.cmoc";
  {
    Project project = Project::create(file);
    gui::LibraryPresenter().importFile(project, samplesDir() / "references.ris");
  }
  gui::ImportJob job(file,
                     {samplesDir() / "papers" / "paper-07-whitcombe-2023-scale-recruitment.pdf",
                      samplesDir() / "interview-01-director-alliance2.txt"});
  job.run();
  EXPECT_EQ(job.summary(),
            "Imported 2, skipped 0, failed 0\n"
            "Linked 1 of 1 paper to studies:\n"
            "  paper-07-whitcombe-2023-scale-recruitment.pdf -> whitcombend (title)");
  Project project = Project::open(file);
  gui::LibraryPresenter model;
  model.reload(project);
  EXPECT_EQ(model.paperRow(0)[1], "whitcombend");
}

}  // namespace
