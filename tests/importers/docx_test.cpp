#include <gtest/gtest.h>

#include "cmoc/importers/importer.h"
#include "cmoc/text.h"
#include "malformed_case.h"
#include "test_support.h"
#include "zip_builder.h"

using namespace cmoc;
using test::documentXml;
using test::MalformedCase;
using test::para;
using test::run;
using test::TempDir;

namespace {

// A case whose bytes are a zip of `items`, built when the test runs.
MalformedCase zipCase(std::string behaviour, std::vector<test::ZipItem> items,
                      std::string expected) {
  return MalformedCase{std::move(behaviour), "x.docx",
                       [items] {
                         TempDir dir;
                         return test::makeZip(dir / "build.zip", items);
                       },
                       "", std::move(expected)};
}

std::vector<MalformedCase> docxCases() {
  const std::string xmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  const std::string open =
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";
  const std::string good = documentXml(para(run("Hello")));
  return {
      test::bytesCase("EmptyFile", "x.docx", "", "x.docx: file: empty file"),
      test::bytesCase(
          "PlainTextRenamedDocx", "x.docx", "Interviewer: hello\n",
          "x.docx: file: not a valid zip archive (no zip directory: not a zip file, or truncated)"),
      MalformedCase{
          "TruncatedArchive", "x.docx",
          [good] {
            TempDir dir;
            std::string zip = test::makeZip(dir / "t.zip", {{"word/document.xml", good}});
            return zip.substr(0, zip.size() * 2 / 3);
          },
          "",
          "x.docx: file: not a valid zip archive (no zip directory: not a zip file, or truncated)"},
      zipCase("EntryEscapingWithDotDot", {{"word/document.xml", good}, {"../evil", "x"}},
              "x.docx: ../evil: unsafe zip entry name ('..' path component)"),
      zipCase("EntryWithAbsolutePath", {{"word/document.xml", good}, {"/abs", "x"}},
              "x.docx: /abs: unsafe zip entry name (absolute path)"),
      zipCase("ZipBombEntry",
              {{"word/document.xml", good}, {"word/media/zeros.bin", std::string(2u << 20, '\0')}},
              "x.docx: word/media/zeros.bin: compression ratio over 200:1 (possible zip bomb)"),
      zipCase("MissingDocumentXml", {{"[Content_Types].xml", test::contentTypesXml()}},
              "x.docx: word/document.xml: missing from the archive; not a Word .docx document"),
      zipCase("OdtRenamedDocx",
              {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<x/>"}},
              "x.docx: word/document.xml: missing from the archive; not a Word .docx document"),
      zipCase("MismatchedXmlTagsNameLineAndColumn",
              {{"word/document.xml",
                xmlHead + open + "<w:body>\n<w:p><w:r><w:t>hi</w:r></w:p></w:body></w:document>"}},
              "x.docx: word/document.xml:3:20: malformed XML (Start-end tags mismatch)"),
      zipCase("UnclosedXmlDocument", {{"word/document.xml", xmlHead + open + "<w:body>\n<w:p>"}},
              "x.docx: word/document.xml:3:5: malformed XML (Start-end tags mismatch)"),
      zipCase("EmptyDocumentXml", {{"word/document.xml", ""}},
              "x.docx: word/document.xml:1:1: malformed XML (No document element found)"),
      zipCase("InvalidUtf8InDocumentXml",
              {{"word/document.xml",
                xmlHead + open +
                    "<w:body>\n<w:p><w:r><w:t>caf\xE9</w:t></w:r></w:p></w:body></w:document>"}},
              "x.docx: word/document.xml:3:19: invalid UTF-8 (byte 149)"),
      zipCase("DocumentXmlThatIsNotWord", {{"word/document.xml", xmlHead + "<html><body/></html>"}},
              "x.docx: word/document.xml: no document body; not a Word .docx document"),
      zipCase("DocumentWithoutText",
              {{"word/document.xml", documentXml(para("") + para(run("  ")))}},
              "x.docx: file: no text"),
      zipCase("MalformedStylesXml",
              {{"word/styles.xml", "<w:styles>\n<w:style>"}, {"word/document.xml", good}},
              "x.docx: word/styles.xml:2:9: malformed XML (Start-end tags mismatch)"),
      zipCase("MalformedRelationships",
              {{"_rels/.rels", "<Relationships><Relationship"}, {"word/document.xml", good}},
              "x.docx: _rels/.rels:1:28: malformed XML (Error parsing start element tag)"),
  };
}

Transcript loadDocx(const std::string& body) {
  TempDir dir;
  return importers::loadTranscript(test::makeDocx(dir, "t.docx", body));
}

std::string said(const Transcript& t, std::size_t turn) {
  return std::string(text::sliceCodePoints(t.text, t.turns.at(turn).start, t.turns.at(turn).end));
}

}  // namespace

class DocxMalformed : public testing::TestWithParam<MalformedCase> {};
TEST_P(DocxMalformed, FailsWithTheExactMessage) {
  EXPECT_EQ(test::importError(GetParam()), GetParam().expected);
}
INSTANTIATE_TEST_SUITE_P(Docx, DocxMalformed, testing::ValuesIn(docxCases()), test::caseName);

TEST(DocxImporter, BoldLabelsGiveSpeakersAndTurnsHoldOnlyTheSpeech) {
  const Transcript t =
      loadDocx(para(run("Interviewer:", true) + run(" How did it start, café? 😀")) +
               para(run("Zoë Adebayo-Müller: ", true) + run("Slowly. Naïve hopes 👍🏽.")));
  EXPECT_EQ(t.format, "docx");
  EXPECT_EQ(t.text,
            "Interviewer: How did it start, café? 😀\nZoë Adebayo-Müller: Slowly. Naïve hopes "
            "👍🏽.");
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[0].speaker, "Interviewer");
  EXPECT_EQ(said(t, 0), "How did it start, café? 😀");
  EXPECT_EQ(t.turns[1].speaker, "Zoë Adebayo-Müller");
  EXPECT_EQ(said(t, 1), "Slowly. Naïve hopes 👍🏽.");
}

TEST(DocxImporter, ALabelSplitOverBoldRunsIsOneSpeaker) {
  // Word splits runs after an edit: "Dr Priya" + " Raman:".
  const Transcript t =
      loadDocx(para(run("Dr Priya", true) + run(" Raman:", true) + run(" We merged.")) +
               para(run("Tom Brennan", true) + run(": Why?")));
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[0].speaker, "Dr Priya Raman");
  EXPECT_EQ(said(t, 0), "We merged.");
  EXPECT_EQ(t.turns[1].speaker, "Tom Brennan");  // colon outside the bold run
  EXPECT_EQ(said(t, 1), "Why?");
}

TEST(DocxImporter, BoldSwitchedOffIsNotBold) {
  const std::string notBold = "<w:r><w:rPr><w:b w:val=\"0\"/></w:rPr><w:t>Summary:</w:t></w:r>";
  const Transcript t =
      loadDocx(para(notBold + run(" three sites merged.")) + para(run("More text.")));
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[0].speaker, "");
  EXPECT_EQ(said(t, 0), "Summary: three sites merged.");
}

TEST(DocxImporter, ABoldHeadingIsNoSpeaker) {
  const Transcript t = loadDocx(para(run("Interview with the director", true)) +
                                para(run("I: Hello.")) + para(run("R: Hi.")));
  ASSERT_EQ(t.turns.size(), 3u);
  EXPECT_EQ(t.turns[0].speaker, "");
  EXPECT_EQ(t.turns[1].speaker, "I");
  EXPECT_EQ(said(t, 2), "Hi.");
}

TEST(DocxImporter, PlainLabelsAreRecognisedLikePlainText) {
  const Transcript t =
      loadDocx(para(run("Interviewer: Hello.")) + para(run("Eleni Christodoulou: Hi.")) +
               para(run("Interviewer: Bye.")) + para(run("Eleni Christodoulou: Bye.")));
  ASSERT_EQ(t.turns.size(), 4u);
  EXPECT_EQ(t.turns[1].speaker, "Eleni Christodoulou");
  EXPECT_EQ(said(t, 1), "Hi.");
}

TEST(DocxImporter, LineBreaksAndTabsStayInTheirParagraph) {
  const Transcript t = loadDocx(para("<w:r><w:t>one</w:t><w:br/><w:t>two</w:t><w:cr/><w:t>three</"
                                     "w:t><w:tab/><w:t>four</w:t></w:r>") +
                                para(run("next")));
  EXPECT_EQ(t.text, "one\ntwo\nthree\tfour\nnext");
  ASSERT_EQ(t.turns.size(), 2u);  // no speakers: one turn per paragraph
  EXPECT_EQ(said(t, 0), "one\ntwo\nthree\tfour");
  EXPECT_EQ(said(t, 1), "next");
}

TEST(DocxImporter, KeepsSpacesInPreservedRuns) {
  const Transcript t =
      loadDocx(para(run("a") + "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>" + run("b")));
  EXPECT_EQ(t.text, "a b");
}

TEST(DocxImporter, LeavesOutDeletionsAndFieldCodesButKeepsInsertions) {
  const Transcript t = loadDocx(
      para(run("We ") + "<w:del w:id=\"1\"><w:r><w:delText>never </w:delText></w:r></w:del>" +
           "<w:ins w:id=\"2\"><w:r><w:t>always </w:t></w:r></w:ins>" +
           "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE "
           "</w:instrText></w:r>" +
           "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run("met") +
           "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
           "<w:moveFrom w:id=\"3\"><w:r><w:t>moved</w:t></w:r></w:moveFrom>"));
  EXPECT_EQ(t.text, "We always met");
}

TEST(DocxImporter, EachTableRowIsOneParagraphWithTabsBetweenCells) {
  auto cell = [](const std::string& p) { return "<w:tc><w:tcPr/>" + p + "</w:tc>"; };
  const std::string table =
      "<w:tbl><w:tblPr/><w:tblGrid/>"
      "<w:tr>" +
      cell(para(run("Site"))) + cell(para(run("Café"))) +
      "</w:tr>"
      "<w:tr>" +
      cell(para(run("Kingsmere"))) + cell(para(run("open")) + para(run("until 9"))) +
      "</w:tr>"
      "</w:tbl>";
  const Transcript t = loadDocx(para(run("Before")) + table + para(run("After")));
  EXPECT_EQ(t.text, "Before\nSite\tCafé\nKingsmere\topen\nuntil 9\nAfter");
  ASSERT_EQ(t.turns.size(), 4u);
  EXPECT_EQ(said(t, 2), "Kingsmere\topen\nuntil 9");
}

TEST(DocxImporter, ASpeakerTableReadsAsLabelledTurns) {
  auto cell = [](const std::string& p) { return "<w:tc>" + p + "</w:tc>"; };
  const std::string table = "<w:tbl><w:tr>" + cell(para(run("Interviewer:", true))) +
                            cell(para(run("Why?"))) + "</w:tr><w:tr>" +
                            cell(para(run("Priya:", true))) + cell(para(run("Money."))) +
                            "</w:tr></w:tbl>";
  const Transcript t = loadDocx(table);
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[0].speaker, "Interviewer");
  EXPECT_EQ(said(t, 0), "Why?");
  EXPECT_EQ(t.turns[1].speaker, "Priya");
  EXPECT_EQ(said(t, 1), "Money.");
}

TEST(DocxImporter, TextBoxesFollowTheirAnchorOnceDespiteTheFallbackCopy) {
  const std::string box = "<w:txbxContent>" + para(run("boxed")) + "</w:txbxContent>";
  const std::string anchored =
      "<w:r><mc:AlternateContent "
      "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
      "<mc:Choice Requires=\"wps\"><w:drawing><wps:wsp xmlns:wps=\"w\"><wps:txbx>" +
      box + "</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict>" + box +
      "</w:pict></mc:Fallback></mc:AlternateContent></w:r>";
  const Transcript t = loadDocx(para(run("anchor ") + anchored + run("text")) + para(run("next")));
  EXPECT_EQ(t.text, "anchor text\nboxed\nnext");
}

TEST(DocxImporter, NormalisesToNfc) {
  EXPECT_EQ(loadDocx(para(run("cafe\xCC\x81"))).text, "caf\xC3\xA9");
}

TEST(DocxImporter, FindsTheMainPartThroughThePackageRelationships) {
  TempDir dir;
  const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
      "officeDocument\" Target=\"/word/document2.xml\"/></Relationships>";
  test::makeZip(dir / "r.docx",
                {{"_rels/.rels", rels}, {"word/document2.xml", documentXml(para(run("Found.")))}});
  EXPECT_EQ(importers::loadTranscript(dir / "r.docx").text, "Found.");
}

TEST(DocxImporter, AcceptsAnyPrefixForTheWordNamespace) {
  TempDir dir;
  const std::string xml =
      "<x:document "
      "xmlns:x=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><x:body><x:p><x:r><x:rPr><x:b/>"
      "</x:rPr><x:t>R:</x:t></x:r><x:r><x:t> Strict.</x:t></x:r></x:p></x:body></x:document>";
  test::makeZip(dir / "s.docx", {{"word/document.xml", xml}});
  const Transcript t = importers::loadTranscript(dir / "s.docx");
  ASSERT_EQ(t.turns.size(), 1u);
  EXPECT_EQ(t.turns[0].speaker, "R");
  EXPECT_EQ(said(t, 0), "Strict.");
}

TEST(DocxImporter, LoadsUpperCaseExtensions) {
  TempDir dir;
  const auto file = test::makeDocx(dir, "T.DOCX", para(run("Hello")));
  EXPECT_EQ(importers::loadTranscript(file).format, "docx");
}

TEST(DocxImporter, ACharacterStyleCanMakeTheLabelBold) {
  TempDir dir;
  const std::string styles =
      "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:style w:type=\"character\" w:styleId=\"Strong\"><w:rPr><w:b/></w:rPr></w:style>"
      "<w:style w:type=\"character\" w:styleId=\"Label\"><w:basedOn "
      "w:val=\"Strong\"/></w:style></w:styles>";
  const std::string styled =
      "<w:r><w:rPr><w:rStyle w:val=\"Label\"/></w:rPr><w:t>Grace Chau:</w:t></w:r>";
  const std::string overridden =
      "<w:r><w:rPr><w:rStyle w:val=\"Strong\"/><w:b "
      "w:val=\"false\"/></w:rPr><w:t>Note:</w:t></w:r>";
  test::makeZip(dir / "s.docx",
                {{"word/styles.xml", styles},
                 {"word/document.xml", documentXml(para(styled + run(" My mum's saying.")) +
                                                   para(overridden + run(" not a label.")))}});
  const Transcript t = importers::loadTranscript(dir / "s.docx");
  ASSERT_EQ(t.turns.size(), 1u);
  EXPECT_EQ(t.turns[0].speaker, "Grace Chau");
  EXPECT_EQ(said(t, 0), "My mum's saying.\nNote: not a label.");
}

TEST(DocxImporter, ABoldLabelAloneOnItsLineIntroducesTheSpeechBelow) {
  const Transcript t =
      loadDocx(para(run("Interviewer:", true)) + para(run("How did the alliance start?")) +
               para(run("Dr Priya Raman:", true)) + para(run("With a crisis.")) +
               para(run("And a deadline.")));
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(t.turns[0].speaker, "Interviewer");
  EXPECT_EQ(said(t, 0), "How did the alliance start?");
  EXPECT_EQ(t.turns[1].speaker, "Dr Priya Raman");
  EXPECT_EQ(said(t, 1), "With a crisis.\nAnd a deadline.");
}

TEST(DocxImporter, AOneOffBoldNoteIsNotASpeaker) {
  const Transcript t = loadDocx(para(run("I:", true) + run(" Hello.")) +
                                para(run("Note:", true) + run(" tape changed.")) +
                                para(run("R:", true) + run(" Hi.")));
  ASSERT_EQ(t.turns.size(), 2u);
  EXPECT_EQ(said(t, 0), "Hello.\nNote: tape changed.");
  EXPECT_EQ(t.turns[1].speaker, "R");
}
