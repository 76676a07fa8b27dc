// Reading RIS and BibTeX references as Zotero, EndNote and Mendeley export them: authors, years,
// titles, journals, DOIs and the extra fields that become study attributes, and each kind of
// bad file refused with its file and line.
#include "cmoc/importers/references.h"

#include <gtest/gtest.h>

#include "../../importers/src/tex_text.h"
#include "../support/expect_error.h"
#include "cmoc/error.h"
#include "test_support.h"

using namespace cmoc;
using cmoc::test::expectError;
using cmoc::test::samplesDir;
using cmoc::test::TempDir;
using cmoc::test::writeFile;

namespace {

std::string attr(const Reference& r, const std::string& name) {
  std::string out;
  for (const auto& [k, v] : r.fields)
    if (k == name) out += (out.empty() ? "" : "|") + v;
  return out;
}

TEST(Ris, ReadsZoteroTagsWithEveryAuthorInOrder) {
  const ReferenceFile f = importers::parseRis(
      "TY  - JOUR\nTI  - Trust first\nAU  - Hartley, Margaret\nAU  - Osei, Kwame\n"
      "AU  - Cole, M.\nT2  - Journal of Health Partnerships\nDA  - 2017/04/01/\nPY  - 2017\n"
      "DO  - 10.5555/X.1\nER  - \n",
      "z.ris");
  ASSERT_EQ(f.references.size(), 1u);
  const Reference& r = f.references[0];
  EXPECT_EQ(f.format, "ris");
  EXPECT_EQ(r.title, "Trust first");
  ASSERT_EQ(r.authors.size(), 3u);
  EXPECT_EQ(r.authors[0].family, "Hartley");
  EXPECT_EQ(r.authors[0].given, "Margaret");
  EXPECT_EQ(r.authors[2].family, "Cole");
  EXPECT_EQ(r.journal, "Journal of Health Partnerships");
  EXPECT_EQ(r.year, 2017);
  EXPECT_EQ(r.doi, "10.5555/X.1");
  EXPECT_EQ(r.line, 1);
}

TEST(Ris, ReadsEndNoteTagsAndContinuationLines) {
  const ReferenceFile f = importers::parseRis(
      "TY  - JOUR\nA1  - Nakamura, Hiroshi\nT1  - Told to collaborate: perceived\n  legitimacy\n"
      "JA  - Int J Integr\nJF  - International Journal\nY1  - 2018/03/01\n"
      "N1  - country: Japan\nN1  - Partnership Type: mandated\nKW  - trust\nER  -\n",
      "e.ris");
  const Reference& r = f.references.at(0);
  EXPECT_EQ(r.title, "Told to collaborate: perceived legitimacy");
  EXPECT_EQ(r.journal, "International Journal");  // the full name beats the abbreviation
  EXPECT_EQ(r.year, 2018);
  EXPECT_EQ(r.authors.at(0).family, "Nakamura");
  EXPECT_EQ(attr(r, "country"), "Japan");
  EXPECT_EQ(attr(r, "partnership_type"), "mandated");
  EXPECT_EQ(attr(r, "trust"), "");  // a plain keyword is no attribute
}

TEST(Ris, KeepsAccentsAndTakesTheDoiFromADoiLinkAndLeavesAMissingYearUnset) {
  const ReferenceFile f = importers::parseRis(
      "TY  - JOUR\nTI  - Merged\nAU  - Løvås, Renée\nAU  - World Health Organization\n"
      "UR  - https://doi.org/10.5555/m.2\nC1  - Oslo\nER  - \n",
      "a.ris");
  const Reference& r = f.references.at(0);
  EXPECT_EQ(r.authors.at(0).family, "Løvås");
  EXPECT_EQ(r.authors.at(0).given, "Renée");
  EXPECT_EQ(r.authors.at(1).family, "World Health Organization");
  EXPECT_EQ(r.authors.at(1).given, "");
  EXPECT_EQ(r.doi, "10.5555/m.2");
  EXPECT_FALSE(r.year.has_value());
  EXPECT_EQ(attr(r, "custom1"), "Oslo");
}

TEST(Ris, ReadsTheSampleReferences) {
  const ReferenceFile f = importers::loadReferences(samplesDir() / "references.ris");
  ASSERT_EQ(f.references.size(), 7u);
  EXPECT_EQ(f.references[1].title,
            "Told to collaborate: perceived legitimacy in mandated hospital partnerships");
  EXPECT_EQ(f.references[2].doi, "10.5555/hisr.2019.0417");
  EXPECT_EQ(f.references[4].authors.at(1).family, "Martínez-Núñez");
  EXPECT_FALSE(f.references[6].year.has_value());
  EXPECT_EQ(attr(f.references[3], "design"), "qualitative interviews");
}

TEST(Ris, ReadsCrlfAndABomLikeLf) {
  TempDir dir;
  writeFile(dir / "w.ris", "\xEF\xBB\xBFTY  - JOUR\r\nTI  - Trust\r\nPY  - 2001\r\nER  - \r\n");
  const ReferenceFile f = importers::loadReferences(dir / "w.ris");
  ASSERT_EQ(f.references.size(), 1u);
  EXPECT_EQ(f.references[0].title, "Trust");
  EXPECT_EQ(f.references[0].year, 2001);
}

TEST(Ris, RefusesBadFilesNamingTheLine) {
  expectError<InputError>([] { importers::parseRis("Hello\nTY  - JOUR\n", "n.ris"); },
                          "n.ris: line 1: not a RIS file (a RIS reference starts 'TY  - ')");
  expectError<InputError>([] { importers::parseRis("TY  - JOUR\nTI  - A\n", "o.ris"); },
                          "o.ris: line 1: the reference begun here has no end ('ER  - ')");
  expectError<InputError>(
      [] { importers::parseRis("TY  - JOUR\nTI  - A\nTY  - JOUR\n", "t.ris"); },
      "t.ris: line 3: a reference starts before the one on line 1 ended ('ER  - ')");
  expectError<InputError>(
      [] { importers::parseRis("TI  - A\n", "u.ris"); },
      "u.ris: line 1: 'TI' outside a reference (a RIS reference starts 'TY  - ')");
  expectError<InputError>([] { importers::parseRis("\n\n", "e.ris"); },
                          "e.ris: file: no references (a RIS reference starts 'TY  - ')");
  expectError<InputError>([] { importers::parseRis("TY  - JOUR\nPY  - soon\nER  - \n", "y.ris"); },
                          "y.ris: line 2: no year in PY 'soon'");
}

TEST(Bibtex, ReadsAuthorsSplitOnAndInBothNameForms) {
  const ReferenceFile f = importers::parseBibtex(
      "@article{k1, author = {Hartley, Margaret and Kwame Osei and van der Berg, Jan},\n"
      "  title = {{Trust} before structure}, journal = {JHP}, year = {2017}}\n",
      "a.bib");
  ASSERT_EQ(f.references.size(), 1u);
  const Reference& r = f.references[0];
  EXPECT_EQ(f.format, "bibtex");
  EXPECT_EQ(r.key, "k1");
  ASSERT_EQ(r.authors.size(), 3u);
  EXPECT_EQ(r.authors[0].family, "Hartley");
  EXPECT_EQ(r.authors[1].family, "Osei");
  EXPECT_EQ(r.authors[1].given, "Kwame");
  EXPECT_EQ(r.authors[2].family, "van der Berg");
  EXPECT_EQ(r.title, "Trust before structure");
  EXPECT_EQ(r.year, 2017);
}

TEST(Bibtex, ResolvesTexEscapesToUnicode) {
  const ReferenceFile f = importers::parseBibtex(
      "@article{l, author = {L{\\o}v{\\aa}s, Ren{\\'e}e and Mart{\\'\\i}nez-N{\\'u}{\\~n}ez, "
      "Jos\\'e and Dub{\\'e}, Fran{\\c{c}}ois and M\\\"{u}ller, J{\\\"o}rg},\n"
      "  title = {Stra{\\ss}e \\& {\\AA}rhus -- \\emph{merged}}}\n",
      "l.bib");
  const Reference& r = f.references.at(0);
  ASSERT_EQ(r.authors.size(), 4u);
  EXPECT_EQ(r.authors[0].family, "Løvås");
  EXPECT_EQ(r.authors[0].given, "Renée");
  EXPECT_EQ(r.authors[1].family, "Martínez-Núñez");
  EXPECT_EQ(r.authors[1].given, "José");
  EXPECT_EQ(r.authors[2].given, "François");
  EXPECT_EQ(r.authors[3].family, "Müller");
  EXPECT_EQ(r.authors[3].given, "Jörg");
  EXPECT_EQ(r.title, "Straße & Århus – merged");
  EXPECT_FALSE(r.year.has_value());
}

TEST(Bibtex, TurnsExtraFieldsIntoAttributesAndExpandsMacros) {
  const ReferenceFile f = importers::parseBibtex(
      "@string{jhp = \"Journal of Health\"}\n@comment{ignored}\n"
      "@Article{N, Title = \"Told\", Journal = jhp # \" Partnerships\", Year = 2018,\n"
      "  Pages = {1--2}, Country = {Japan}, Partnership-Type = {mandated},\n"
      "  keywords = {trust; design: mixed methods}, doi = {10.5555/A\\_B}}\n",
      "m.bib");
  const Reference& r = f.references.at(0);
  EXPECT_EQ(r.journal, "Journal of Health Partnerships");
  EXPECT_EQ(r.year, 2018);
  EXPECT_EQ(r.doi, "10.5555/A_B");
  EXPECT_EQ(attr(r, "country"), "Japan");
  EXPECT_EQ(attr(r, "partnership_type"), "mandated");
  EXPECT_EQ(attr(r, "design"), "mixed methods");
  EXPECT_EQ(attr(r, "pages"), "");  // bookkeeping, not an attribute
}

TEST(Bibtex, ReadsTheSampleReferences) {
  const ReferenceFile f = importers::loadReferences(samplesDir() / "references.bib");
  ASSERT_EQ(f.references.size(), 7u);
  EXPECT_EQ(f.references[0].journal, "Journal of Health Partnerships");
  EXPECT_EQ(f.references[1].authors.at(2).family, "Fairweather");
  EXPECT_EQ(f.references[3].authors.at(0).family, "Løvås");
  EXPECT_EQ(f.references[3].title,
            "Merged or swallowed? Cultural integration after hospital mergers");
  EXPECT_EQ(attr(f.references[2], "partnership_type"), "hospital group");
  // An organisation as author, braced so it stays one family name; a report with no year.
  ASSERT_EQ(f.references[6].authors.size(), 1u);
  EXPECT_EQ(f.references[6].authors[0].family, "NHS Providers");
  EXPECT_EQ(f.references[6].authors[0].given, "");
  EXPECT_FALSE(f.references[6].year.has_value());
}

TEST(Bibtex, ReadsCrlfAndABom) {
  TempDir dir;
  writeFile(dir / "w.bib",
            "\xEF\xBB\xBF@article{a,\r\n  title = {Trust},\r\n  year = 2001\r\n}\r\n");
  const ReferenceFile f = importers::loadReferences(dir / "w.bib");
  ASSERT_EQ(f.references.size(), 1u);
  EXPECT_EQ(f.references[0].title, "Trust");
  EXPECT_EQ(f.references[0].year, 2001);
}

TEST(Bibtex, RefusesBadFilesNamingTheLine) {
  expectError<InputError>([] { importers::parseBibtex("just some notes\n", "n.bib"); },
                          "n.bib: file: no references (a BibTeX entry starts '@article{')");
  expectError<InputError>(
      [] {
        importers::parseBibtex("@article{a, title = {x}}\n\n@article{b, title = {y\n", "u.bib");
      },
      "u.bib: line 4: at end of input, expected one of: number, name (entry type, key, field, "
      "or macro name) or quoted string ({...} or \"...\")");
  expectError<InputError>(
      [] { importers::parseBibtex("@article{a, title = {x}, year = {in press}}\n", "y.bib"); },
      "y.bib: line 1: no year in year = {in press}");
}

TEST(References, RefusesAFileThatIsNeitherAndAnEmptyOne) {
  TempDir dir;
  writeFile(dir / "notes.txt", "Dear colleague,\n");
  expectError<InputError>([&] { importers::loadReferences(dir / "notes.txt"); },
                          "notes.txt: file: not a reference file (RIS starts 'TY  - ', BibTeX "
                          "'@article{'; use .ris or .bib)");
  writeFile(dir / "empty.ris", "");
  expectError<InputError>([&] { importers::loadReferences(dir / "empty.ris"); },
                          "empty.ris: file: empty file");
  writeFile(dir / "endnote.txt", "TY  - JOUR\nTI  - A\nER  - \n");
  EXPECT_EQ(importers::loadReferences(dir / "endnote.txt").format, "ris");
}

TEST(TexText, LeavesPlainTextAndCollapsesSpaces) {
  EXPECT_EQ(importers::texToUnicode("Trust  before\n structure"), "Trust before structure");
  EXPECT_EQ(importers::texToUnicode("{\\'E}cole \\v{S}koda {\\l}\\'od\\'z"), "École Škoda łódź");
  EXPECT_EQ(importers::texToUnicode("50\\% of~them"), "50% of them");
}

}  // namespace
