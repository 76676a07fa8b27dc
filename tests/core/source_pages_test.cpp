// A paper's pages in the store: written with the source, checked to cover its text, and asked
// for the page of an excerpt or a search hit (the page of its first character).
#include <gtest/gtest.h>

#include "cmoc/attribution.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "expect_error.h"
#include "test_support.h"
#include "transcript_builder.h"

using namespace cmoc;
using cmoc::test::TempDir;

namespace {

class SourcePages : public ::testing::Test {
 protected:
  TempDir dir;
  Project project = Project::create(dir / "x.cmoc");
  Coding coding{project};

  void SetUp() override {
    project.setCoder("ana");
    project.addTranscript(test::threePagePaper(), nullptr);
    Codebook(project).add({.name = "Trust", .kind = CodeKind::Mechanism});
  }

  std::optional<std::int64_t> pageOfExcerpt(std::int64_t start, std::int64_t end) {
    const CodingRecord c = coding.apply("p.pdf", "Trust", start, end);
    for (const Excerpt& x : coding.excerpts({}))
      if (x.coding.id == c.id) return x.page;
    ADD_FAILURE() << "no excerpt";
    return std::nullopt;
  }
};

TEST_F(SourcePages, AreStoredAsImported) {
  const std::vector<PageView> pages = project.pages(project.source("p.pdf").id);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].page, 1);
  EXPECT_EQ(pages[1].start, 11);
  EXPECT_EQ(pages[1].end, 11);
  EXPECT_EQ(pages[2].page, 3);
  EXPECT_EQ(pages[2].end, 22);
}

TEST_F(SourcePages, AnExcerptIsOnThePageOfItsFirstCharacterAtEveryBoundary) {
  EXPECT_EQ(pageOfExcerpt(0, 5), 1);    // "alpha"
  EXPECT_EQ(pageOfExcerpt(10, 11), 1);  // the space before the break is page 1's
  EXPECT_EQ(pageOfExcerpt(6, 16), 1);   // "beta gamma": it starts on page 1
  EXPECT_EQ(pageOfExcerpt(11, 16), 3);  // "gamma": the empty page 2 holds nothing
  EXPECT_EQ(pageOfExcerpt(21, 22), 3);  // the last character
}

TEST_F(SourcePages, AnExcerptOfAPaperIsAttributedToThePaperAndItsPage) {
  coding.apply("p.pdf", "Trust", 17, 22);
  const std::vector<Excerpt> xs = coding.excerpts({});
  ASSERT_EQ(xs.size(), 1u);
  EXPECT_EQ(xs[0].attribution, "p.pdf, p. 3");
  EXPECT_EQ(paperAttribution("p.pdf", 3), "p.pdf, p. 3");
}

TEST_F(SourcePages, ASearchHitSaysItsPageAndATranscriptsDoesNot) {
  project.addTranscript({"i.txt", "text", "gamma rays", {{"", 0, 10}}, {}}, nullptr);
  std::map<std::string, std::optional<std::int64_t>> pages;
  for (const SearchHit& h : project.search("gamma")) pages[h.sourceName] = h.page;
  EXPECT_EQ(pages.at("p.pdf"), 3);
  EXPECT_EQ(pages.at("i.txt"), std::nullopt);
  for (const SearchHit& h : project.search("beta")) EXPECT_EQ(h.page, 1);
}

TEST(SourcePagesRefused, PagesThatDoNotCoverTheTextInOrderAreRefused) {
  TempDir dir;
  Project project = Project::create(dir / "x.cmoc");
  Transcript gap = test::threePagePaper();
  gap.pages = {{0, 10}, {11, 22}};
  test::expectError<Error>([&] { project.addTranscript(gap, nullptr); },
                           "p.pdf: page 2 [11, 22) does not follow the page before it");
  Transcript shortPages = test::threePagePaper();
  shortPages.pages = {{0, 11}};
  test::expectError<Error>([&] { project.addTranscript(shortPages, nullptr); },
                           "p.pdf: the pages end at 11, before the text's end 22");
  EXPECT_TRUE(project.sources().empty());
}

}  // namespace
