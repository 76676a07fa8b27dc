// The study library in the store: references become studies with their attributes, papers are
// linked to them by DOI, file name or title (or by hand), their quotes cite the study, the
// matrix splits by study attributes, and every change is one step undo takes back.
#include <gtest/gtest.h>

#include "cmoc/attribution.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/library.h"
#include "cmoc/matrix.h"
#include "cmoc/project.h"
#include "expect_error.h"
#include "test_support.h"

using namespace cmoc;
using cmoc::test::expectError;
using cmoc::test::TempDir;

namespace {

Transcript paper(const std::string& name, const std::string& text) {
  Transcript t{name, "pdf", text, {{"", 0, static_cast<std::int64_t>(text.size())}}, {}};
  t.pages = {{0, static_cast<std::int64_t>(text.size())}};
  return t;
}

Reference ref(std::vector<StudyAuthor> authors, std::optional<int> year, std::string title,
              std::string doi = "", std::vector<std::pair<std::string, std::string>> fields = {}) {
  Reference r;
  r.authors = std::move(authors);
  r.year = year;
  r.title = std::move(title);
  r.journal = "Journal of Health Partnerships";
  r.doi = std::move(doi);
  r.fields = std::move(fields);
  r.line = 1;
  return r;
}

ReferenceFile file(std::vector<Reference> refs, const std::string& name = "refs.ris") {
  return {name, "ris", std::move(refs)};
}

class LibraryTest : public ::testing::Test {
 protected:
  TempDir dir;
  Project project = Project::create(dir / "x.cmoc");
  Library library{project};

  void SetUp() override { project.setCoder("ana"); }

  std::int64_t addPaper(const std::string& name, const std::string& text) {
    return project.addTranscript(paper(name, text), nullptr).sourceId;
  }
  std::string linkOf(const std::string& source) {
    for (const PaperLink& p : library.papers())
      if (p.source == source) return p.study + (p.matchedBy.empty() ? "" : " by " + p.matchedBy);
    return "(no paper)";
  }
};

TEST(StudyCitation, NamesOneTwoOrTheFirstOfManyAuthorsAndTheYear) {
  EXPECT_EQ(studyCitation({{"Hartley", "M"}}, 2017), "Hartley 2017");
  EXPECT_EQ(studyCitation({{"Hartley", "M"}, {"Osei", "K"}}, 2017), "Hartley and Osei 2017");
  EXPECT_EQ(studyCitation({{"Nakamura", ""}, {"Pryce", ""}, {"Fairweather", ""}}, 2018),
            "Nakamura et al. 2018");
  EXPECT_EQ(studyCitation({{"Whitcombe", ""}}, std::nullopt), "Whitcombe n.d.");
  EXPECT_EQ(studyCitation({}, 2020, "Annual report"), "Annual report 2020");
  EXPECT_EQ(paperAttribution("p.pdf", 4, "Hartley and Osei 2017"), "Hartley and Osei 2017, p. 4");
  EXPECT_EQ(paperAttribution("p.pdf", 4), "p.pdf, p. 4");
}

TEST_F(LibraryTest, ImportMakesStudiesWithKeysAuthorsAndAttributes) {
  const LibraryImport r = library.import(file(
      {ref({{"Løvås", "Renée"}, {"Dubé", "François"}}, 2021, "Merged or swallowed?", "",
           {{"country", "Norway"}, {"design", "case study"}}),
       ref({{"Løvås", "Renée"}}, 2021, "Another one"), ref({{"Whitcombe", "E"}}, {}, "Bigger")}));
  EXPECT_EQ(r.added, (std::vector<std::string>{"lovas2021", "lovas2021a", "whitcombend"}));
  const Study s = library.get("lovas2021");
  EXPECT_EQ(s.citation, "Løvås and Dubé 2021");
  EXPECT_EQ(s.authors.at(1).given, "François");
  EXPECT_EQ(s.attributes,
            (std::vector<std::pair<std::string, std::string>>{{"country", "Norway"},
                                                               {"design", "case study"}}));
  EXPECT_EQ(s.origin, "refs.ris, line 1");
  EXPECT_EQ(library.get("whitcombend").citation, "Whitcombe n.d.");
  expectError<NotFound>([&] { library.get("nobody"); }, "no study with the key 'nobody'");
}

TEST_F(LibraryTest, ADuplicateImportIsSkippedByDoiOrTitleAndYearAndRecordsNothing) {
  library.import(file({ref({{"Okonkwo", "C"}}, 2019, "Shared records", "10.5555/HISR.1"),
                       ref({{"Hartley", "M"}}, 2017, "Trust before structure")}));
  const auto steps = project.history().size();
  Reference sameDoi = ref({{"Okonkwo", "C"}}, 2019, "Shared records!", "https://doi.org/10.5555/hisr.1");
  sameDoi.key = "okonkwo2019shared";
  const LibraryImport again =
      library.import(file({sameDoi, ref({{"Hartley", "M"}}, 2017, "Trust: before structure")}));
  EXPECT_TRUE(again.added.empty());
  ASSERT_EQ(again.skipped.size(), 2u);
  EXPECT_EQ(again.skipped[0].first, "okonkwo2019shared");
  EXPECT_EQ(again.skipped[0].second, "already in the library as okonkwo2019 (DOI)");
  EXPECT_EQ(again.skipped[1].second, "already in the library as hartley2017 (title and year)");
  EXPECT_EQ(project.history().size(), steps);
  EXPECT_EQ(library.list().size(), 2u);
}

TEST_F(LibraryTest, AReferenceWithoutATitleOrWithABadDoiRefusesTheWholeFile) {
  expectError<InputError>(
      [&] { library.import(file({ref({{"A", ""}}, 2001, "Fine"), ref({{"B", ""}}, 2002, " ")})); },
      "refs.ris: line 1: the reference has no title");
  expectError<InputError>([&] { library.import(file({ref({{"A", ""}}, 2001, "T", "doi: none")})); },
                          "refs.ris: line 1: 'doi: none' is not a DOI");
  EXPECT_TRUE(library.empty());
}

TEST_F(LibraryTest, PapersAreLinkedByDoiThenFileNameThenTitle) {
  addPaper("paper-03-okonkwo-2019.pdf",
           "Shared records. doi:10.5555/hisr.\n2019.0417 We cite 10.5555/other.1 later.");
  addPaper("paper-01-hartley-2017-trust.pdf", "Trust before structure and more.");
  addPaper("bigger.pdf", "Bigger is busier:\ngroup scale, recruitment and the rest.");
  addPaper("unknown.pdf", "Nothing to see.");
  project.addTranscript({"i.txt", "text", "Zoe: trust", {{"Zoe", 0, 10}}, {}}, nullptr);
  const LibraryImport r = library.import(file(
      {ref({{"Okonkwo", "C"}}, 2019, "Shared records", "10.5555/hisr.2019.0417"),
       ref({{"Other", ""}}, 2015, "Elsewhere", "10.5555/other.1"),
       ref({{"Hartley", "M"}, {"Osei", "K"}}, 2017, "Trust before structure"),
       ref({{"Whitcombe", "E"}}, {}, "Bigger is busier: group scale, recruitment")}));
  ASSERT_EQ(r.links.size(), 4u);  // the transcript is no paper
  EXPECT_EQ(linkOf("paper-03-okonkwo-2019.pdf"), "okonkwo2019 by doi");
  EXPECT_EQ(r.links[2].detail, "DOI 10.5555/hisr.2019.0417");  // by name: bigger, paper-01, -03
  EXPECT_EQ(linkOf("paper-01-hartley-2017-trust.pdf"), "hartley2017 by file name");
  EXPECT_EQ(linkOf("bigger.pdf"), "whitcombend by title");
  EXPECT_EQ(linkOf("unknown.pdf"), "");
  EXPECT_EQ(r.links[3].detail, "no study's DOI, first author and year, or title");
  EXPECT_EQ(library.get("okonkwo2019").papers,
            std::vector<std::string>{"paper-03-okonkwo-2019.pdf"});
}

TEST_F(LibraryTest, APaperTwoStudiesMatchEquallyIsLeftUnlinkedAndSaysWhich) {
  addPaper("smith-2019.pdf", "Text.");
  const LibraryImport r = library.import(
      file({ref({{"Smith", ""}}, 2019, "One study here"), ref({{"Smith", ""}}, 2019, "Two")}));
  ASSERT_EQ(r.links.size(), 1u);
  EXPECT_EQ(r.links[0].study, "");
  EXPECT_EQ(r.links[0].detail, "2 studies match by file name: smith2019, smith2019a");
}

TEST_F(LibraryTest, PapersImportedAfterTheLibraryAreLinkedAsAStepOfTheirOwn) {
  library.import(file({ref({{"Hartley", "M"}, {"Osei", "K"}}, 2017, "Trust before structure")}));
  const std::int64_t id = addPaper("hartley-2017.pdf", "Text.");
  const std::vector<PaperMatch> links = library.autoLink({id});
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].study, "hartley2017");
  EXPECT_EQ(links[0].matchedBy, "file name");
  EXPECT_EQ(project.history().front().label, "link papers to studies");
  EXPECT_TRUE(library.autoLink({id}).empty());  // linked papers are left alone
  ASSERT_TRUE(project.undo());
  EXPECT_EQ(linkOf("hartley-2017.pdf"), "");
}

TEST_F(LibraryTest, QuotesFromALinkedPaperCiteTheStudyAndUnlinkedOnesTheFile) {
  addPaper("n.pdf", "Told to collaborate, and trust.");
  addPaper("o.pdf", "Trust elsewhere.");
  library.import(file({ref({{"Nakamura", ""}, {"Pryce", ""}, {"Fairweather", ""}}, 2018,
                           "Told to collaborate")}));
  Codebook(project).add({.name = "Trust", .kind = CodeKind::Mechanism});
  Coding coding(project);
  coding.apply("n.pdf", "Trust", 0, 4);
  coding.apply("o.pdf", "Trust", 0, 5);
  const std::vector<Excerpt> xs = coding.excerpts({});
  ASSERT_EQ(xs.size(), 2u);
  EXPECT_EQ(xs[0].attribution, "Nakamura et al. 2018, p. 1");
  EXPECT_EQ(xs[1].attribution, "o.pdf, p. 1");
  const std::vector<SearchHit> hits = project.search("trust");
  ASSERT_EQ(hits.size(), 2u);
  for (const SearchHit& h : hits)
    EXPECT_EQ(h.study, h.sourceName == "n.pdf" ? "Nakamura et al. 2018" : "") << h.sourceName;
}

TEST_F(LibraryTest, TheMatrixSplitsPapersByTheirStudysAttribute) {
  addPaper("a-2001.pdf", "Trust one.");
  addPaper("b-2002.pdf", "Trust two.");
  addPaper("c.pdf", "Trust three.");
  library.import(file({ref({{"A", ""}}, 2001, "Study A", "", {{"country", "England"}}),
                       ref({{"B", ""}}, 2002, "Study B", "", {{"country", "Norway"}}),
                       ref({{"Z", ""}}, 2003, "Study Z", "", {{"country", "Wales"}})}));
  Codebook(project).add({.name = "Trust", .kind = CodeKind::Mechanism});
  Coding coding(project);
  for (const char* p : {"a-2001.pdf", "b-2002.pdf", "c.pdf"}) coding.apply(p, "Trust", 0, 5);
  const CodeMatrix m = codeAttributeMatrix(project, {.attribute = "country"});
  EXPECT_EQ(m.columns, (std::vector<std::string>{"England", "Norway", "Wales", "(none)"}));
  ASSERT_EQ(m.rows.size(), 1u);
  EXPECT_EQ(m.rows[0].cells[0].codings, 1);
  EXPECT_EQ(m.rows[0].cells[1].codings, 1);
  EXPECT_EQ(m.rows[0].cells[2].codings, 0);
  EXPECT_EQ(m.rows[0].cells[3].codings, 1);  // c.pdf has no study
  const CodeMatrix byStudy = codeAttributeMatrix(project, {.attribute = "study"});
  EXPECT_EQ(byStudy.columns, (std::vector<std::string>{"a2001", "b2002", "z2003", "(none)"}));
  expectError<UsageError>([&] { codeAttributeMatrix(project, {.attribute = "colour"}); },
                          "no participant, case or study has an attribute 'colour' (known: case, "
                          "case_type, participant, study, country)");
}

TEST_F(LibraryTest, LinkAndUnlinkByHandAreStepsUndoAndRedoTakeBackAndReplay) {
  addPaper("x.pdf", "Text.");
  project.addTranscript({"i.txt", "text", "Zoe: trust", {{"Zoe", 0, 10}}, {}}, nullptr);
  library.import(file({ref({{"Hartley", ""}}, 2017, "Trust before structure"),
                       ref({{"Osei", ""}}, 2018, "Second study")}));
  EXPECT_EQ(linkOf("x.pdf"), "");
  const PaperLink l = library.link("x.pdf", "hartley2017");
  EXPECT_EQ(l.matchedBy, "hand");
  EXPECT_EQ(linkOf("x.pdf"), "hartley2017 by hand");
  library.link("x.pdf", "osei2018");  // replaces the link
  EXPECT_EQ(linkOf("x.pdf"), "osei2018 by hand");
  expectError<UsageError>([&] { library.link("x.pdf", "osei2018"); },
                          "'x.pdf' is already linked to osei2018");
  expectError<NotFound>([&] { library.link("x.pdf", "nobody"); }, "no study with the key 'nobody'");
  expectError<NotFound>([&] { library.link("y.pdf", "osei2018"); }, "no source named 'y.pdf'");
  expectError<UsageError>([&] { library.link("i.txt", "osei2018"); },
                          "source 'i.txt' is not a PDF paper; only papers link to studies");
  library.unlink("x.pdf");
  EXPECT_EQ(linkOf("x.pdf"), "");
  expectError<UsageError>([&] { library.unlink("x.pdf"); }, "'x.pdf' is not linked to a study");

  ASSERT_TRUE(project.undo());  // the unlink
  EXPECT_EQ(linkOf("x.pdf"), "osei2018 by hand");
  ASSERT_TRUE(project.undo());  // the second link
  EXPECT_EQ(linkOf("x.pdf"), "hartley2017 by hand");
  ASSERT_TRUE(project.undo());  // the first
  EXPECT_EQ(linkOf("x.pdf"), "");
  ASSERT_TRUE(project.undo());  // the import
  EXPECT_TRUE(library.empty());
  ASSERT_TRUE(project.redo());
  EXPECT_EQ(library.list().size(), 2u);
  ASSERT_TRUE(project.redo());
  EXPECT_EQ(linkOf("x.pdf"), "hartley2017 by hand");
}

}  // namespace
