// `cmoc library` as a user runs it on the sample papers and references: the import and its
// link report, papers imported after the library, quotes and the matrix citing studies, undo
// of every step, and each bad input refused with its exact error, the project as it was.
#include <gtest/gtest.h>

#include <filesystem>

#include "sql_peek.h"
#include "test_support.h"

using cmoc::test::runCli;
using cmoc::test::samplesDir;
using cmoc::test::sqlDump;
using cmoc::test::TempDir;
using cmoc::test::writeFile;

namespace {

const std::string kPaper1 = "paper-01-hartley-2017-trust-alliances.pdf";
const std::string kPaper3 = "paper-03-okonkwo-2019-interoperability.pdf";
const std::string kPaper7 = "paper-07-whitcombe-2023-scale-recruitment.pdf";

class LibraryCli : public testing::Test {
 protected:
  TempDir dir;
  std::string p = (dir / "s.cmoc").string();
  std::string ris = (samplesDir() / "references.ris").string();
  std::string bib = (samplesDir() / "references.bib").string();

  std::string paper(const std::string& name) { return (samplesDir() / "papers" / name).string(); }
  cmoc::test::RunResult ok(const std::vector<std::string>& args) {
    auto r = runCli(args);
    EXPECT_EQ(r.exitCode, 0) << args[0] << ": " << r.err;
    return r;
  }
  void SetUp() override { ok({"init", p}); }
};

TEST_F(LibraryCli, ImportLinksThePapersAndSaysHowEachWasMatched) {
  ok({"import", p, paper(kPaper1), paper(kPaper3), paper(kPaper7),
      (samplesDir() / "interview-01-director-alliance2.txt").string()});
  const auto r = ok({"library", "import", p, ris});
  EXPECT_EQ(r.out,
            "Imported 7 studies from references.ris, skipped 0\n"
            "Linked 3 of 3 papers to studies:\n"
            "  " + kPaper1 + " -> hartley2017 (file name)\n"
            "  " + kPaper3 + " -> okonkwo2019 (DOI 10.5555/hisr.2019.0417)\n"
            "  " + kPaper7 + " -> whitcombend (title)\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(ok({"library", "papers", p, "--format", "csv"}).out,
            "source_id,paper,study,matched_by\n"
            "1," + kPaper1 + ",hartley2017,file name\n"
            "2," + kPaper3 + ",okonkwo2019,doi\n"
            "3," + kPaper7 + ",whitcombend,title\n");
}

TEST_F(LibraryCli, BibtexAfterRisAddsOnlyTheNewStudyAndAnImportAgainChangesNothing) {
  ok({"library", "import", p, ris});
  auto r = ok({"library", "import", p, bib});
  EXPECT_EQ(r.out,
            "Imported 2 studies from references.bib, skipped 5\n"
            "  skipped hartley2017trust: already in the library as hartley2017 (title and year)\n"
            "  skipped Nakamura2018: already in the library as nakamura2018 (title and year)\n"
            "  skipped okonkwo2019shared: already in the library as okonkwo2019 (DOI)\n"
            "  skipped lovas2021merged: already in the library as lovas2021 (title and year)\n"
            "  skipped adeyemi2022waiting: already in the library as adeyemi2022 (title and year)\n");
  const std::string before = sqlDump(p);
  r = ok({"library", "import", p, ris});
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "Imported 0 studies from references.ris, skipped 7");
  EXPECT_EQ(sqlDump(p), before);
}

TEST_F(LibraryCli, ListAndShowGiveTheStudiesWithTheirAttributes) {
  ok({"library", "import", p, ris});
  const auto list = ok({"library", "list", p, "--format", "json"}).out;
  EXPECT_NE(list.find("{\"key\": \"lovas2021\", \"citation\": \"Løvås et al. 2021\", \"authors\": "
                      "\"Løvås, Renée; Martínez-Núñez, José; Dubé, François\", \"year\": 2021"),
            std::string::npos)
      << list;
  EXPECT_NE(list.find("{\"key\": \"whitcombend\", \"citation\": \"Whitcombe et al. n.d.\", "
                      "\"authors\": \"Whitcombe, Eleanor; Iqbal, Samir; Sandoval, Lucia\", \"year\": null"),
            std::string::npos);
  EXPECT_EQ(ok({"library", "show", p, "nakamura2018", "--format", "csv"}).out,
            "field,value\n"
            "key,nakamura2018\n"
            "citation,Nakamura et al. 2018\n"
            "authors,\"Nakamura, Hiroshi; Pryce, Alison; Fairweather, Daniel\"\n"
            "year,2018\n"
            "title,Told to collaborate: perceived legitimacy in mandated hospital partnerships\n"
            "journal,International Journal of Integrated Care Policy\n"
            "doi,\n"
            "from,\"references.ris, line 16\"\n"
            "country,Japan\n"
            "design,mixed methods\n"
            "partnership_type,mandated partnership\n");
}

TEST_F(LibraryCli, APaperImportedAfterTheLibraryIsLinkedAndItsQuotesCiteTheStudy) {
  ok({"library", "import", p, ris});
  auto r = ok({"import", p, paper(kPaper1)});
  EXPECT_EQ(r.out,
            "Imported 1, skipped 0, failed 0\n"
            "Linked 1 of 1 paper to studies:\n"
            "  " + kPaper1 + " -> hartley2017 (file name)\n");
  r = ok({"search", p, "hostile"});
  EXPECT_NE(r.out.find("\nHartley and Osei 2017, p. 2 "), std::string::npos) << r.out;
  ok({"code", "add", p, "Trust", "--kind", "mechanism"});
  ok({"coding", "apply", p, kPaper1, "0", "5", "Trust"});
  r = ok({"excerpts", p, "--code", "Trust", "--format", "csv"});
  EXPECT_NE(r.out.find("Hartley and Osei 2017, p. 1"), std::string::npos) << r.out;
  r = ok({"matrix", p, "country", "--format", "csv"});
  // The studies' countries are the columns; the one coded paper is Hartley's, in England.
  EXPECT_EQ(r.out,
            "code,England codings,England sources,Ireland codings,Ireland sources,Japan codings,"
            "Japan sources,Norway codings,Norway sources,Sweden codings,Sweden sources,total "
            "codings,total sources\nTrust,1,1,0,0,0,0,0,0,0,0,1,1\n");
}

TEST_F(LibraryCli, EveryStepIsUndoneAndRedoneByCmocUndo) {
  ok({"import", p, paper(kPaper7)});
  ok({"library", "import", p, ris});
  ok({"library", "link", p, kPaper7, "hartley2017"});
  EXPECT_EQ(ok({"library", "unlink", p, kPaper7}).out, "Unlinked " + kPaper7 + " from hartley2017\n");
  ok({"undo", p});
  EXPECT_EQ(ok({"library", "papers", p, "--format", "csv"}).out,
            "source_id,paper,study,matched_by\n1," + kPaper7 + ",hartley2017,hand\n");
  ok({"undo", p});
  EXPECT_EQ(ok({"library", "papers", p, "--format", "csv"}).out,
            "source_id,paper,study,matched_by\n1," + kPaper7 + ",whitcombend,title\n");
  EXPECT_EQ(ok({"undo", p}).out, "Undid: import library references.ris\n");
  EXPECT_EQ(ok({"library", "list", p}).out,
            "No studies yet (cmoc library import PROJECT refs.ris adds them)\n");
  ok({"redo", p});
  ok({"redo", p});
  EXPECT_EQ(ok({"library", "papers", p, "--format", "csv"}).out,
            "source_id,paper,study,matched_by\n1," + kPaper7 + ",hartley2017,hand\n");
}

struct BadCase {
  std::string name;
  std::vector<std::string> args;  // "P" the project, "D/" a file in its folder
  std::string err;                // exact; the exit code is 1
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

class LibraryBadInput : public testing::TestWithParam<BadCase> {
 protected:
  TempDir dir;
  std::string p = (dir / "s.cmoc").string();

  void SetUp() override {
    const auto papers = samplesDir() / "papers";
    writeFile(dir / "i.txt", "Interviewer: How did it start?\n\nZoe: Over coffee.\n");
    writeFile(dir / "empty.ris", "");
    writeFile(dir / "blank.ris", "\n\n");
    writeFile(dir / "notes.txt", "Dear colleague,\n");
    writeFile(dir / "noend.ris", "TY  - JOUR\r\nTI  - Trust\r\n");
    writeFile(dir / "untitled.ris", "TY  - JOUR\nAU  - Hartley, M\nER  - \nTY  - JOUR\nER  - \n");
    writeFile(dir / "latin1.ris", "TY  - JOUR\nTI  - Caf\xe9\nER  - \n");
    writeFile(dir / "good.ris", "TY  - JOUR\nTI  - Fine\nER  - \n");
    writeFile(dir / "broken.bib", "@article{a, title = {x}\n");
    writeFile(dir / "baddoi.bib", "@article{a, title = {x}, doi = {none}}\n");
    for (const std::vector<std::string>& a :
         {std::vector<std::string>{"init", p},
          {"import", p, (dir / "i.txt").string(), (papers / kPaper1).string()},
          {"library", "import", p, (samplesDir() / "references.ris").string()}}) {
      const auto r = runCli(a);
      ASSERT_EQ(r.exitCode, 0) << a[0] << ": " << r.err;
    }
  }
};

std::vector<BadCase> badCases() {
  const std::string L = "cmoc library: ";
  // clang-format off
  return {
      {"NoSubcommand", {"library"}, L + "missing what to do: import, list, show, papers, link, unlink\n"},
      {"UnknownSubcommand", {"library", "export", "P"},
       L + "unknown subcommand 'export' (import, list, show, papers, link, unlink)\n"},
      {"ImportNoFile", {"library", "import", "P"},
       L + "usage: cmoc library import PROJECT.cmoc FILE... (.ris, .bib) [--encoding NAME]\n"},
      {"ImportMissingFile", {"library", "import", "P", "D/nothing.ris"}, L + "nothing.ris: file: no such file\n"},
      {"ImportEmptyFile", {"library", "import", "P", "D/empty.ris"}, L + "empty.ris: file: empty file\n"},
      {"ImportBlankFile", {"library", "import", "P", "D/blank.ris"},
       L + "blank.ris: file: no text (only white space)\n"},
      {"ImportNotReferences", {"library", "import", "P", "D/notes.txt"},
       L + "notes.txt: file: not a reference file (RIS starts 'TY  - ', BibTeX '@article{'; use .ris or .bib)\n"},
      {"ImportNoEnd", {"library", "import", "P", "D/noend.ris"},
       L + "noend.ris: line 1: the reference begun here has no end ('ER  - ')\n"},
      {"ImportUntitled", {"library", "import", "P", "D/untitled.ris"},
       L + "untitled.ris: line 1: the reference has no title\n"},
      {"ImportNotUtf8", {"library", "import", "P", "D/latin1.ris"},
       L + "latin1.ris: byte 20: invalid UTF-8; if the file uses another encoding, name it with --encoding\n"},
      {"ImportUnknownEncoding", {"library", "import", "P", "D/latin1.ris", "--encoding", "martian"},
       L + "latin1.ris: --encoding: unknown encoding 'martian'\n"},
      {"ImportBrokenBibtexRefusesTheGoodFileBeforeIt", {"library", "import", "P", "D/good.ris", "D/broken.bib"},
       L + "broken.bib: line 2: at end of input, expected end of entry (\"}\" or \")\") (skipping to next \"@\")\n"},
      {"ImportBadDoi", {"library", "import", "P", "D/baddoi.bib"}, L + "baddoi.bib: line 1: 'none' is not a DOI\n"},
      {"ImportWithFormat", {"library", "import", "P", "D/good.ris", "--format", "csv"},
       L + "--format does not apply to `cmoc library import`\n"},
      {"ListBadFormat", {"library", "list", "P", "--format", "xml"}, L + "unknown format 'xml' (table, csv or json)\n"},
      {"ShowUnknownStudy", {"library", "show", "P", "nobody"}, L + "no study with the key 'nobody'\n"},
      {"ShowNoStudy", {"library", "show", "P"}, L + "usage: cmoc library show PROJECT.cmoc STUDY [--format table|csv|json]\n"},
      {"LinkUnknownSource", {"library", "link", "P", "nothing.pdf", "hartley2017"}, L + "no source named 'nothing.pdf'\n"},
      {"LinkUnknownStudy", {"library", "link", "P", kPaper1, "nobody"}, L + "no study with the key 'nobody'\n"},
      {"LinkATranscript", {"library", "link", "P", "i.txt", "hartley2017"},
       L + "source 'i.txt' is not a PDF paper; only papers link to studies\n"},
      {"LinkAgain", {"library", "link", "P", kPaper1, "hartley2017"},
       L + "'" + kPaper1 + "' is already linked to hartley2017\n"},
      {"LinkNoStudy", {"library", "link", "P", kPaper1}, L + "usage: cmoc library link PROJECT.cmoc SOURCE STUDY\n"},
      {"UnlinkATranscript", {"library", "unlink", "P", "i.txt"},
       L + "source 'i.txt' is not a PDF paper; only papers link to studies\n"},
      {"MatrixUnknownAttribute", {"matrix", "P", "colour"},
       "cmoc matrix: no participant, case or study has an attribute 'colour' (known: case, case_type, "
       "participant, study, country, design, partnership_type)\n"},
  };
  // clang-format on
}

TEST_P(LibraryBadInput, IsRefusedWithItsErrorAndLeavesTheProjectAsItWas) {
  const BadCase& c = GetParam();
  const std::vector<std::string> args = cmoc::test::placeArgs(c.args, p, dir.path());
  const std::string before = sqlDump(p);
  const auto r = runCli(args);
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, c.err);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(sqlDump(p), before);
}

INSTANTIATE_TEST_SUITE_P(Cli, LibraryBadInput, testing::ValuesIn(badCases()),
                         [](const auto& param) { return param.param.name; });

TEST_F(LibraryCli, ALatin1FileComesInWithItsEncodingNamed) {
  writeFile(dir / "latin1.ris", "TY  - JOUR\nTI  - Caf\xe9 talk\nAU  - Dub\xe9, F\nPY  - 2001\nER  - \n");
  ok({"library", "import", p, (dir / "latin1.ris").string(), "--encoding", "windows-1252"});
  EXPECT_NE(ok({"library", "show", p, "dube2001"}).out.find("Café talk"), std::string::npos);
}

TEST_F(LibraryCli, UnlinkOfAnUnlinkedPaperIsRefusedAndChangesNothing) {
  ok({"import", p, paper(kPaper1)});
  const std::string before = sqlDump(p);
  const auto r = runCli({"library", "unlink", p, kPaper1});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.err, "cmoc library: '" + kPaper1 + "' is not linked to a study\n");
  EXPECT_EQ(sqlDump(p), before);
}

}  // namespace
