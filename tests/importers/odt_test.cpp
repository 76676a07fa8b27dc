#include <gtest/gtest.h>

#include "cmoc/importers/importer.h"
#include "cmoc/text.h"
#include "malformed_case.h"
#include "test_support.h"
#include "zip_builder.h"

using namespace cmoc;
using test::contentXml;
using test::MalformedCase;
using test::TempDir;

namespace {

MalformedCase zipCase(std::string behaviour, std::vector<test::ZipItem> items,
                      std::string expected) {
  return MalformedCase{std::move(behaviour), "x.odt",
                       [items] {
                         TempDir dir;
                         return test::makeZip(dir / "build.zip", items);
                       },
                       "", std::move(expected)};
}

std::vector<MalformedCase> odtCases() {
  const std::string good = contentXml("<text:p>Hello</text:p>");
  return {
      test::bytesCase("EmptyFile", "x.odt", "", "x.odt: file: empty file"),
      test::bytesCase(
          "BinaryFileThatIsNotAZip", "x.odt",
          std::string("\x7F"
                      "ELF\x02\x01\x01\0\0\0",
                      10),
          "x.odt: file: not a valid zip archive (no zip directory: not a zip file, or truncated)"),
      zipCase("EntryEscapingWithDotDot", {{"content.xml", good}, {"Pictures/../../evil", "x"}},
              "x.odt: Pictures/../../evil: unsafe zip entry name ('..' path component)"),
      zipCase("EntryWithAbsolutePath", {{"content.xml", good}, {"/etc/passwd", "x"}},
              "x.odt: /etc/passwd: unsafe zip entry name (absolute path)"),
      zipCase("ZipBombEntry",
              {{"content.xml", good}, {"Thumbnails/zeros.png", std::string(3u << 20, '\0')}},
              "x.odt: Thumbnails/zeros.png: compression ratio over 200:1 (possible zip bomb)"),
      zipCase("MissingContentXml", {{"mimetype", "application/vnd.oasis.opendocument.text", true}},
              "x.odt: content.xml: missing from the archive; not an OpenDocument text file"),
      zipCase("DocxRenamedOdt", {{"word/document.xml", "<x/>"}},
              "x.odt: content.xml: missing from the archive; not an OpenDocument text file"),
      zipCase(
          "MalformedContentXmlNamesLineAndColumn",
          {{"content.xml", "<?xml version=\"1.0\"?>\n<office:document-content>\n  <text:p a=b/>"}},
          "x.odt: content.xml:3:13: malformed XML (Error parsing element attribute)"),
      zipCase("MalformedStylesXml",
              {{"content.xml", good},
               {"styles.xml", "<office:document-styles><x></y></office:document-styles>"}},
              "x.odt: styles.xml:1:30: malformed XML (Start-end tags mismatch)"),
      zipCase("SpreadsheetRenamedOdt",
              {{"content.xml",
                "<office:document-content "
                "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">"
                "<office:body><office:spreadsheet/></office:body></office:document-content>"}},
              "x.odt: content.xml: no office:text body; not an OpenDocument text document"),
      zipCase("InvalidUtf8InContentXml", {{"content.xml", "<a>\n\xFF</a>"}},
              "x.odt: content.xml:2:1: invalid UTF-8 (byte 4)"),
      zipCase("DocumentWithoutText", {{"content.xml", contentXml("<text:p/><text:h>  </text:h>")}},
              "x.odt: file: no text"),
  };
}

Transcript loadOdt(const std::string& body, const std::string& styles = "",
                   const std::string& stylesXml = "") {
  TempDir dir;
  return importers::loadTranscript(test::makeOdt(dir, "t.odt", body, styles, stylesXml));
}

std::string said(const Transcript& t, std::size_t turn) {
  return std::string(text::sliceCodePoints(t.text, t.turns.at(turn).start, t.turns.at(turn).end));
}

std::string bold(const std::string& s) {
  return "<text:span text:style-name=\"B\">" + s + "</text:span>";
}

}  // namespace

class OdtMalformed : public testing::TestWithParam<MalformedCase> {};
TEST_P(OdtMalformed, FailsWithTheExactMessage) {
  EXPECT_EQ(test::importError(GetParam()), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Odt, OdtMalformed, testing::ValuesIn(odtCases()), test::caseName);

TEST(OdtImporter, BoldSpansGiveSpeakersAndTurnsHoldOnlyTheSpeech) {
  const Transcript t = loadOdt("<text:p>" + bold("Tom Brennan:") +
                               " Where did trust come from? 🙂</text:p>"
                               "<text:p>" +
                               bold("Dr Farida Haque:") + " From the rota, naïvely.</text:p>");
  EXPECT_EQ(t.format, "odt");
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[0].speaker, "Tom Brennan");
  EXPECT_EQ(said(t, 0), "Where did trust come from? 🙂");
  EXPECT_EQ(t.turns[1].speaker, "Dr Farida Haque");
  EXPECT_EQ(said(t, 1), "From the rota, naïvely.");
}

TEST(OdtImporter, BoldInMidSentenceAndABoldTitleAreNoSpeakers) {
  const Transcript t = loadOdt("<text:h>" + bold("Interview 10") +
                               "</text:h>"
                               "<text:p>We kept " +
                               bold("deciding") + ": against ourselves.</text:p>");
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[0].speaker, "");
  EXPECT_EQ(t.turns[1].speaker, "");
  EXPECT_EQ(t.text, "Interview 10\nWe kept deciding: against ourselves.");
}

TEST(OdtImporter, ResolvesBoldThroughParentStylesAndStylesXml) {
  const std::string stylesXml =
      "<office:document-styles xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
      "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"><office:styles>"
      "<style:style style:name=\"Strong_20_Emphasis\" style:family=\"text\"><style:text-properties "
      "fo:font-weight=\"700\"/></style:style></office:styles></office:document-styles>";
  const std::string derived =
      "<style:style style:name=\"T9\" style:family=\"text\" "
      "style:parent-style-name=\"Strong_20_Emphasis\"/>";
  const Transcript t = loadOdt(
      "<text:p><text:span text:style-name=\"Strong_20_Emphasis\">I:</text:span> Hi.</text:p>"
      "<text:p><text:span text:style-name=\"T9\">Siobhán Kearney:</text:span> Hello.</text:p>",
      derived, stylesXml);
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[0].speaker, "I");
  EXPECT_EQ(t.turns[1].speaker, "Siobhán Kearney");
  EXPECT_EQ(said(t, 1), "Hello.");
}

TEST(OdtImporter, ANormalWeightSpanInsideABoldOneIsNotBold) {
  const std::string normal =
      "<style:style style:name=\"P\" style:family=\"text\"><style:text-properties "
      "fo:font-weight=\"normal\"/></style:style>";
  const Transcript t =
      loadOdt("<text:p>" + bold("<text:span text:style-name=\"P\">Summary:</text:span>") +
                  " all good.</text:p><text:p>More.</text:p>",
              normal);
  EXPECT_EQ(t.turns[0].speaker, "");
}

TEST(OdtImporter, SpacesTabsAndLineBreaks) {
  const Transcript t =
      loadOdt("<text:p>a<text:s/>b<text:s text:c=\"3\"/>c<text:tab/>d<text:line-break/>e</text:p>");
  EXPECT_EQ(t.text, "a b   c\td\ne");
}

TEST(OdtImporter, CollapsesLayoutWhiteSpaceAsOdfRequires) {
  const Transcript t = loadOdt("<text:p>\n    Pretty   printed\n    text </text:p>");
  EXPECT_EQ(t.text, "Pretty printed text ");
}

TEST(OdtImporter, AHugeSpaceCountIsCapped) {
  const Transcript t = loadOdt("<text:p>a<text:s text:c=\"2000000000\"/>b</text:p>");
  EXPECT_EQ(t.text.size(), 10002u);
}

TEST(OdtImporter, ReadsListsSectionsAndTablesInOrder) {
  const std::string body =
      "<text:p>Intro</text:p>"
      "<text:list><text:list-item><text:p>first point</text:p></text:list-item>"
      "<text:list-item><text:list><text:list-item><text:p>nested</text:p></text:list-item></"
      "text:list>"
      "</text:list-item></text:list>"
      "<text:section><text:h>Section</text:h></text:section>"
      "<table:table><table:table-column/><table:table-header-rows><table:table-row>"
      "<table:table-cell><text:p>Site</text:p></table:table-cell><table:table-cell><text:p>Café</"
      "text:p>"
      "</table:table-cell></table:table-row></"
      "table:table-header-rows><table:table-row><table:table-cell>"
      "<text:p>Ambersley</text:p></table:table-cell><table:table-cell><text:p>yes</"
      "text:p><text:p>mostly</text:p>"
      "</table:table-cell></table:table-row></table:table>"
      "<text:p>End</text:p>";
  EXPECT_EQ(loadOdt(body).text,
            "Intro\nfirst point\nnested\nSection\nSite\tCafé\nAmbersley\tyes\nmostly\nEnd");
}

TEST(OdtImporter, LeavesOutTrackedDeletionsAndComments) {
  const std::string body =
      "<text:tracked-changes><text:changed-region "
      "text:id=\"c1\"><text:deletion><text:p>gone</text:p>"
      "</text:deletion></text:changed-region></text:tracked-changes>"
      "<text:p>kept<office:annotation><text:p>a comment</text:p></office:annotation> text</text:p>";
  EXPECT_EQ(loadOdt(body).text, "kept text");
}

TEST(OdtImporter, NotesAndTextBoxesFollowTheirParagraph) {
  const std::string body =
      "<text:p>Said<text:note "
      "text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
      "<text:note-body><text:p>the note</text:p></text:note-body></text:note> this."
      "<draw:frame><draw:text-box><text:p>boxed</text:p></draw:text-box></draw:frame></text:p>";
  EXPECT_EQ(loadOdt(body).text, "Said this.\nthe note\nboxed");
}

TEST(OdtImporter, NormalisesToNfc) {
  EXPECT_EQ(loadOdt("<text:p>cafe\xCC\x81</text:p>").text, "caf\xC3\xA9");
}
