// REFI-QDA import (cmoc/importers/refi_qda.h, refi::apply): the three real exports in
// ../shared/refi-qda/samples (skipped when absent; never copied into the repo), the variants
// NOTES.md lists, position conventions with accents, emoji, CJK and CRLF, and bad input refused
// whole with the element path.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/importers/refi_qda.h"
#include "cmoc/names.h"
#include "cmoc/progress.h"
#include "cmoc/project.h"
#include "cmoc/refi.h"
#include "cmoc/refi_export.h"
#include "cmoc/text.h"
#include "expect_error.h"
#include "malformed_case.h"
#include "test_support.h"
#include "zip_builder.h"

using namespace cmoc;
using cmoc::importers::PositionConvention;
using cmoc::importers::PositionMap;
using cmoc::test::inputErrorOf;
using cmoc::test::makeZip;
using cmoc::test::TempDir;
using testing::HasSubstr;

namespace refi_test {
// Defined in tests/core/refi_export_test.cpp.
std::map<std::string, std::string> expectValidQdpx(const std::filesystem::path& qdpx);
}  // namespace refi_test

namespace {

const std::filesystem::path kSamples =
    std::filesystem::path(CMOC_SOURCE_DIR) / ".." / "shared" / "refi-qda" / "samples";

#define REQUIRE_SAMPLE(name)                       \
  if (!std::filesystem::exists(kSamples / (name))) \
  GTEST_SKIP() << "no sample " << (name) << " in ../shared/refi-qda/samples"

constexpr const char* kUser = "5d3a6c1e-1111-4a2b-9c3d-000000000001";
constexpr const char* kCodeA = "5d3a6c1e-2222-4a2b-9c3d-00000000000a";
constexpr const char* kCodeB = "5d3a6c1e-2222-4a2b-9c3d-00000000000b";
constexpr const char* kSource = "5d3a6c1e-3333-4a2b-9c3d-000000000001";

std::string project(const std::string& body, const std::string& origin = "qc 1.3.2") {
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" "
         "name=\"t\" origin=\"" +
         origin + "\">" + body + "</Project>";
}

std::string users() {
  return std::string("<Users><User guid=\"") + kUser + "\" name=\"ana\"/></Users>";
}

std::string codebook() {
  return std::string("<CodeBook><Codes><Code guid=\"") + kCodeA +
         "\" name=\"Trust\" isCodable=\"true\"/><Code guid=\"" + kCodeB +
         "\" name=\"Conflict\" isCodable=\"true\"/></Codes></CodeBook>";
}

std::string selection(std::int64_t a, std::int64_t b, const std::string& name = "",
                      const std::string& code = kCodeA,
                      const std::string& guid = "5d3a6c1e-4444-4a2b-9c3d-000000000001") {
  return "<PlainTextSelection guid=\"" + guid + "\" name=\"" + name + "\" startPosition=\"" +
         std::to_string(a) + "\" endPosition=\"" + std::to_string(b) + "\"><Coding guid=\"" +
         guid.substr(0, 35) + "f\" creatingUser=\"" + kUser + "\"><CodeRef targetGUID=\"" + code +
         "\"/></Coding></PlainTextSelection>";
}

std::string textSource(const std::string& selections,
                       const std::string& path = std::string("internal://") + kSource + ".txt") {
  return std::string("<Sources><TextSource guid=\"") + kSource +
         "\" name=\"a.txt\" plainTextPath=\"" + path + "\">" + selections +
         "</TextSource></Sources>";
}

// A .qdpx in `dir` with project.qde and sources/<kSource>.txt.
std::filesystem::path qdpx(const TempDir& dir, const std::string& xml, const std::string& text,
                           const std::string& name = "t.qdpx") {
  makeZip(dir / name, {{"project.qde", xml}, {std::string("sources/") + kSource + ".txt", text}});
  return dir / name;
}

struct Imported {
  TempDir dir;
  Project project = Project::create(dir / "p.cmoc");
  refi::ImportReport report;
  refi::Exchange exchange;
};

std::unique_ptr<Imported> importInto(const std::filesystem::path& file,
                                     const importers::RefiOptions& o = {}) {
  auto out = std::make_unique<Imported>();
  importers::RefiImport in = importers::loadRefi(file, o);
  refi::apply(out->project, in.exchange, in.report);
  out->report = std::move(in.report);
  out->exchange = std::move(in.exchange);
  return out;
}

std::vector<std::string> codedTexts(Project& p) {
  std::vector<std::string> out;
  for (const CodingRecord& c : Coding(p).list())
    out.push_back(std::string(text::sliceCodePoints(p.sourceText(c.sourceId), c.start, c.end)));
  return out;
}

std::int64_t utf16Length(std::string_view s) {
  std::int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? (c >= 0xF0 ? 2 : 1) : 0;
  return n;
}

// ATLAS.ti counts code points with CRLF as one: builds a CRLF text where each quote starts at
// its position in those units, over filler lines.
std::string atlasText(const std::vector<std::pair<std::int64_t, std::string>>& quotes,
                      std::int64_t length) {
  std::vector<std::string> units;
  const std::string filler = "Breakfast notes, line by line.";
  while (static_cast<std::int64_t>(units.size()) < length) {
    for (char c : filler) units.emplace_back(1, c);
    units.emplace_back("\r\n");
  }
  for (const auto& [at, q] : quotes) {
    std::size_t i = static_cast<std::size_t>(at);
    for (std::size_t b = 0; b < q.size();) {
      std::size_t n = 1;
      while (b + n < q.size() && (static_cast<unsigned char>(q[b + n]) & 0xC0) == 0x80) ++n;
      units[i++] = q.substr(b, n);
      b += n;
    }
  }
  std::string out;
  for (const std::string& u : units) out += u;
  return out;
}

}  // namespace

// --- The real samples ----------------------------------------------------------------------

TEST(RefiImportSamples, QualCoderStyleQcProject) {
  REQUIRE_SAMPLE("qc-1.3.2_demo.qdpx");
  auto r = importInto(kSamples / "qc-1.3.2_demo.qdpx");
  EXPECT_EQ(r->report.count(r->report.found, "Code"), 262);
  EXPECT_EQ(r->report.count(r->report.found, "TextSource"), 2);
  EXPECT_EQ(r->report.count(r->report.found, "PlainTextSelection"), 158);
  EXPECT_EQ(r->report.count(r->report.found, "Coding"), 205);
  EXPECT_EQ(r->report.count(r->report.imported, "codes"), 262);
  EXPECT_EQ(r->report.count(r->report.imported, "sources"), 2);
  EXPECT_EQ(r->report.count(r->report.imported, "codings"), 205);
  EXPECT_EQ(r->report.count(r->report.imported, "users"), 1);
  EXPECT_TRUE(r->report.dangling.empty());
  EXPECT_EQ(r->report.positions, "code points, CRLF as 2 (from the origin 'qc 1.3.2')");
  EXPECT_EQ(Codebook(r->project).list().size(), 262u);
  // Names without a scheme (plainTextPath="board_2017.txt") are files in sources/.
  const SourceSummary board = r->project.source("board_2017.txt");
  EXPECT_EQ(board.chars, 52543);
  EXPECT_EQ(board.codings, 205);
  EXPECT_EQ(r->project.source("admin-1.txt").chars, 31906);
  const auto texts = codedTexts(r->project);
  EXPECT_THAT(
      texts,
      testing::Contains(
          "This district goal is engage every student in joyful, purposeful learning that \n"));
  EXPECT_THAT(texts,
              testing::Contains(
                  "that all students feel empowered by complex problem solving in computer \n"));
  const auto fun =
      Coding(r->project).list({.codes = {"rq2_curriculum_and_instruction/pedagogy/fun"}});
  ASSERT_FALSE(fun.empty());
  EXPECT_EQ(fun.front().start, 320);
  EXPECT_EQ(fun.front().end, 400);
  EXPECT_EQ(fun.front().coder, "cp");
  // Two codes named "programming" live under different parents.
  EXPECT_THROW(Codebook(r->project).find("programming"), UsageError);
  EXPECT_NO_THROW(Codebook(r->project).find("rq1_definition/competencies/programming"));
  // Speaker turns are recognised as for a plain-text transcript.
  EXPECT_GT(r->project.source("admin-1.txt").speakers, 1);
}

TEST(RefiImportSamples, NvivoForMacProjectWithEmptyPlainTexts) {
  REQUIRE_SAMPLE("nvivo-15.0-mac_qc-project.qdpx");
  auto r = importInto(kSamples / "nvivo-15.0-mac_qc-project.qdpx");
  EXPECT_EQ(r->report.count(r->report.found, "User"), 2);
  EXPECT_EQ(r->report.count(r->report.found, "Code"), 262);
  EXPECT_EQ(r->report.count(r->report.imported, "codes"), 262);
  EXPECT_EQ(r->report.count(r->report.imported, "sources"), 2);
  EXPECT_EQ(r->report.count(r->report.imported, "codings"), 0);
  EXPECT_EQ(r->report.count(r->report.imported, "users"), 2);
  EXPECT_THAT(r->report.positions, HasSubstr("UTF-16 units, CRLF as 2"));
  // Both sources hold the same (empty) text; exchange files identify them by GUID.
  const auto sources = r->project.sources();
  ASSERT_EQ(sources.size(), 2u);
  EXPECT_EQ(sources[0].guid, "e65f5ee2-9a55-47f1-bb0b-4921d8ce15c4");
  EXPECT_EQ(sources[1].guid, "d097e6fd-7671-4d95-a8b6-7795fa4a72e1");
  EXPECT_EQ(r->project.sourceText(sources[0].id), "\n");
  const Code deep =
      Codebook(r->project)
          .find(
              "rq1_definition/defining_education/restructuring_high_school/restructure_curriculum");
  EXPECT_EQ(deep.guid, "62373730-3437-3131-3530-356361313863");
}

TEST(RefiImportSamples, AtlasTiQdeWithoutItsMediaIsRefusedUnlessMissingSourcesMayBeSkipped) {
  REQUIRE_SAMPLE("atlasti-8.4-mac_standard-project.qde");
  TempDir dir;
  std::filesystem::copy_file(kSamples / "atlasti-8.4-mac_standard-project.qde",
                             dir / "project.qde");
  EXPECT_EQ(inputErrorOf([&] { importers::loadRefi(dir / "project.qde"); }),
            "project.qde: line 42:10 /Project/Sources/TextSource[1]: source '1960s Coca Cola "
            "commercial - Audio.docx': "
            "text file internal://01106019-2518-43DD-BBD1-8F0252BACB30.txt is missing");

  auto r = importInto(dir / "project.qde", {.skipMissingSources = true});
  EXPECT_EQ(r->report.count(r->report.found, "Code"), 14);
  EXPECT_EQ(r->report.count(r->report.imported, "codes"), 14);
  EXPECT_EQ(r->report.count(r->report.imported, "users"), 3);
  EXPECT_EQ(r->report.count(r->report.imported, "memos"), 2);
  EXPECT_EQ(r->report.count(r->report.imported, "sources"), 0);
  // "Coke::diet Coke" is diet Coke under Coke; the top-level Coke keeps its own GUID.
  const Code diet = Codebook(r->project).find("Coke/diet Coke");
  EXPECT_EQ(diet.guid, "d299efae-5779-46dc-9827-a3d1a5d544bc");
  EXPECT_EQ(diet.definition, "non sucré");
  EXPECT_EQ(diet.color, "#966450");
  EXPECT_EQ(Codebook(r->project).find("Coke").guid, "7496ba52-9c8d-4396-8fab-cc438614e453");
  EXPECT_EQ(Codebook(r->project).find("\"rushed\"").name, "\"rushed\"");
  // Media are reported with what they held.
  std::string skipped;
  for (const auto& s : r->report.skipped) skipped += s.what + ": " + s.why + "\n";
  EXPECT_THAT(skipped, HasSubstr("PictureSource 'cornflakes-n-milk.jpg': pictures are not "
                                 "supported; 1 selection(s) and 2 coding(s) on it left out"));
  EXPECT_THAT(skipped,
              HasSubstr("PDFSource 'Kellogg's Passion for Nutrition.pdf': PDF pages are not kept"));
  // ATLAS.ti on a Mac writes names decomposed (NFD); they are stored NFC like the text.
  EXPECT_THAT(skipped, HasSubstr("TextSource 'Mab\xC3\xAAl 2i\xC3\xA8me.txt'"));
  EXPECT_THAT(skipped, HasSubstr("VideoSource '1994 Diet Coke-Diet Coke Break.mp4'"));
  EXPECT_THAT(skipped, HasSubstr("TextSource 'Simon.docx'"));
  EXPECT_THAT(skipped, HasSubstr("Graph 'Netzwerk': diagrams are not kept"));
}

TEST(RefiImportSamples, AtlasTiPositionsCountCrlfOnceAndNamesConfirmIt) {
  REQUIRE_SAMPLE("atlasti-8.4-mac_standard-project.qde");
  TempDir dir;
  // The sample's media are not published: give it CRLF texts holding the quotations its
  // selections name, at ATLAS.ti's positions.
  const std::string quoteDiet = "Oh, that was great. See you tomorrow? Eleven thirty. Mm.";
  const std::string quoteSimon = "I did try the gluten free bread, but it was always so soggy,";
  const std::string quoteSimon2 =
      "But to be honest, I used to have a much bigger breakfast, and these days I find myself "
      "snacking abou";
  const std::string quoteMabel =
      "I'm a single mum with an 8 month old and a toddler and breakfast is mayhem. The baby has "
      "porridge, I";
  const std::string quoteMabel2 =
      "For some reason babies aren't supposed to have cow's milk that is low fat. However, I am "
      "really bad";
  const std::string quoteRecipe =
      "favoritos. Dificultad: Media Tiempo: 2 horas 30 minutos Porciones: 8 Ingredientes Para la "
      "bas";
  std::vector<cmoc::test::ZipItem> items{
      {"project.qde", cmoc::test::readFile(kSamples / "atlasti-8.4-mac_standard-project.qde")},
      {"sources/01106019-2518-43DD-BBD1-8F0252BACB30.txt", "Audio transcript.\r\n"},
      {"sources/C8A57C71-D156-4A94-8407-2BD2FA57E2A4.txt", "Visual transcript.\r\n"},
      {"sources/230B768E-5A3D-42B7-BE92-2A3721177944.txt", atlasText({{139, quoteDiet}}, 260)},
      {"sources/88293C71-CB70-4AB7-8413-C24110A19C2E.txt",
       "\xEF\xBB\xBF" + atlasText({{250, quoteMabel2}}, 450)},
      {"sources/B2F54555-0D2D-43B2-B40C-2A1C048F5F1C.txt", atlasText({{0, quoteMabel}}, 450)},
      {"sources/C1C745F7-8E4D-48B2-9710-655AFE7E54FA.txt",
       atlasText({{215, quoteSimon}, {513, quoteSimon2}}, 950)},
      {"sources/B09E8D25-66A6-4D7E-A884-3E1A11A40E7C.txt", "Kellogg's passion.\r\n"},
      {"sources/142EB46D-612E-4593-A385-D0E5D04D1288.txt",
       atlasText({{62, "granola"}, {297, quoteRecipe}}, 520)},
  };
  makeZip(dir / "atlas.qdpx", items);
  auto r = importInto(dir / "atlas.qdpx");
  EXPECT_EQ(r->report.positions, "code points, CRLF as 1 (confirmed by 7 of 8 selection names)");
  EXPECT_EQ(r->report.count(r->report.imported, "sources"), 8);  // 6 texts and 2 PDF texts
  EXPECT_EQ(r->report.count(r->report.imported, "codings"), 9);
  const auto texts = codedTexts(r->project);
  EXPECT_THAT(texts, testing::Contains(quoteDiet));
  EXPECT_THAT(texts, testing::Contains(quoteSimon));
  EXPECT_THAT(texts, testing::Contains("granola"));
  const CodingRecord diet = Coding(r->project).list({.codes = {"Coke/diet Coke"}}).at(0);
  EXPECT_EQ(diet.guid, "445a6aec-1400-4502-919d-0867832ff211");
  EXPECT_EQ(diet.createdAt, "2018-03-27T19:29:27Z");
  EXPECT_EQ(diet.coder, "Friedrich Markgraf");
  // A quotation with a comment and no code is kept as a memo on its source.
  std::string skipped;
  for (const auto& s : r->report.skipped) skipped += s.what + ": " + s.why + "\n";
  EXPECT_THAT(skipped,
              HasSubstr("PlainTextSelection without coding: kept as a memo on the source"));
  // ATLAS.ti's "gender: male" document groups are source attributes; other groups are kept.
  EXPECT_EQ(r->report.count(r->report.imported, "source attributes"), 6);
  EXPECT_EQ(r->report.count(r->report.imported, "sets"), 12);
  // What came in goes out again as a valid exchange file.
  refi::exportQdpx(r->project, dir / "again.qdpx");
  const auto entries = refi_test::expectValidQdpx(dir / "again.qdpx");
  EXPECT_THAT(entries.at("project.qde"), HasSubstr("name=\"negative feelings\""));
}

// --- Position conventions ------------------------------------------------------------------

TEST(RefiPositionMap, CountsUtf16UnitsCrlfAndIgnoresNothingElse) {
  const std::string raw =
      "a\xF0\x9F\x98\x80"
      "b\r\nc";  // a 😀 b CRLF c
  const PositionMap cp(raw, {false, false});
  EXPECT_EQ(cp.text(),
            "a\xF0\x9F\x98\x80"
            "b\nc");
  EXPECT_EQ(cp.units(), 6);
  EXPECT_EQ(cp.start(5), 4);  // c
  const PositionMap u16(raw, {true, false});
  EXPECT_EQ(u16.units(), 7);
  EXPECT_EQ(u16.start(3), 2);  // b
  EXPECT_EQ(u16.start(2), 1);  // inside the surrogate pair: the whole emoji
  EXPECT_EQ(u16.end(2), 2);
  EXPECT_EQ(u16.start(6), 4);  // c
  const PositionMap one(raw, {false, true});
  EXPECT_EQ(one.units(), 5);
  EXPECT_EQ(one.start(4), 4);  // c
  EXPECT_EQ(one.start(3), 3);  // the line end
  EXPECT_EQ(one.end(6), std::nullopt);
  EXPECT_EQ(one.end(5), 5);
}

TEST(RefiPositionMap, NormalisesDecomposedAccentsAndMapsAroundThem) {
  const std::string nfd = "Cafe\xCC\x81 au lait";  // e + combining acute
  const PositionMap m(nfd, {false, false});
  EXPECT_EQ(m.text(), "Caf\xC3\xA9 au lait");
  EXPECT_EQ(m.start(0), 0);
  EXPECT_EQ(m.end(5), 4);    // after the accent
  EXPECT_EQ(m.end(4), 4);    // between e and its accent: the whole letter
  EXPECT_EQ(m.start(6), 5);  // "au"
}

TEST(RefiImport, NvivoUtf16PositionsWithBomCrlfEmojiAndCjk) {
  TempDir dir;
  const std::string text =
      "Emoji \xF0\x9F\x98\x80 here\r\nSecond line: Caf\xC3\xA9\r\n\xE4\xBF\xA1\xE4\xBB\xBB matters";
  auto at = [&](const std::string& what) {
    const std::int64_t a = utf16Length(text.substr(0, text.find(what)));
    return std::make_pair(a, a + utf16Length(what));
  };
  const auto [h1, h2] = at("here");
  const auto [c1, c2] = at("Caf\xC3\xA9");
  const auto [x1, x2] = at("\xE4\xBF\xA1\xE4\xBB\xBB matters");
  const std::string xml =
      project(users() + codebook() +
                  textSource(selection(h1, h2, "", kCodeA, "5d3a6c1e-4444-4a2b-9c3d-000000000001") +
                             selection(c1, c2, "", kCodeB, "5d3a6c1e-4444-4a2b-9c3d-000000000002") +
                             selection(x1, x2, "", kCodeA, "5d3a6c1e-4444-4a2b-9c3d-000000000003")),
              "NVivo 12 (Windows)");
  auto r = importInto(qdpx(dir, xml, "\xEF\xBB\xBF" + text));
  EXPECT_EQ(r->report.positions, "UTF-16 units, CRLF as 2 (from the origin 'NVivo 12 (Windows)')");
  EXPECT_THAT(codedTexts(r->project),
              testing::ElementsAre("here", "Caf\xC3\xA9", "\xE4\xBF\xA1\xE4\xBB\xBB matters"));
  EXPECT_EQ(r->project.sourceText(r->project.sources().at(0).id).find('\r'), std::string::npos);
}

TEST(RefiImport, QuotedNamesOverruleTheOriginsConvention) {
  TempDir dir;
  // Written by a tool we take for code points, but the positions are UTF-16 units.
  const std::string text = "\xF0\x9F\x98\x80\xF0\x9F\x98\x80 Trust grew.\r\nConflict fell.";
  auto at = [&](const std::string& what) {
    const std::int64_t a = utf16Length(text.substr(0, text.find(what)));
    return std::make_pair(a, a + utf16Length(what));
  };
  const auto [a1, a2] = at("Trust grew.");
  const auto [b1, b2] = at("Conflict fell.");
  const std::string xml = project(
      users() + codebook() +
          textSource(
              selection(a1, a2, "Trust grew.", kCodeA, "5d3a6c1e-4444-4a2b-9c3d-000000000001") +
              selection(b1, b2, "Conflict fell.", kCodeB, "5d3a6c1e-4444-4a2b-9c3d-000000000002")),
      "MAXQDA 2024");
  auto r = importInto(qdpx(dir, xml, text));
  EXPECT_EQ(r->report.positions,
            "UTF-16 units, CRLF as 2 (chosen over the origin's code points, CRLF as 2: 2 of 2 "
            "selection names quote the "
            "text this way, 0 the other)");
  EXPECT_THAT(codedTexts(r->project), testing::ElementsAre("Trust grew.", "Conflict fell."));
}

TEST(RefiImport, DecomposedAccentsAreNormalisedWithTheirSelections) {
  TempDir dir;
  const std::string text = "Zoe\xCC\x88 said: cafe\xCC\x81 meetings built trust.";  // NFD
  const std::string xml = project(users() + codebook() + textSource(selection(11, 25, "", kCodeA)));
  auto r = importInto(qdpx(dir, xml, text));
  EXPECT_EQ(r->project.sourceText(r->project.sources().at(0).id),
            "Zo\xC3\xAB said: caf\xC3\xA9 meetings built trust.");
  EXPECT_THAT(codedTexts(r->project), testing::ElementsAre("caf\xC3\xA9 meetings"));
}

// --- Variants real tools write -------------------------------------------------------------

TEST(RefiImport, AcceptsCapitalisedNamesStoredEntriesBracesAndMissingZones) {
  TempDir dir;
  const std::string xml =
      "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"t\" origin=\"NVivo 12\" "
      "creationDateTime=\"2024-01-02T03:04:05\">"
      "<Users><User guid=\"{5D3A6C1E-1111-4A2B-9C3D-000000000001}\" name=\"ana\"/></Users>"
      "<CodeBook><Codes><Code guid=\"{5D3A6C1E-2222-4A2B-9C3D-00000000000A}\" name=\"Trust\" "
      "isCodable=\"true\" color=\"#abc\"/></Codes></CodeBook>"
      "<Sources><TextSource guid=\"{5D3A6C1E-3333-4A2B-9C3D-000000000001}\" name=\"a.txt\" "
      "plainTextPath=\"internal://5D3A6C1E-3333-4A2B-9C3D-000000000001.TXT\">"
      "<PlainTextSelection guid=\"5D3A6C1E-4444-4A2B-9C3D-000000000001\" startPosition=\"0\" "
      "endPosition=\"5\" creationDateTime=\"2024-01-02T05:04:05+02:00\">"
      "<Coding guid=\"5D3A6C1E-5555-4A2B-9C3D-000000000001\" "
      "creatingUser=\"5d3a6c1e-1111-4a2b-9c3d-000000000001\" "
      "creationDateTime=\"2024-01-02T03:04:05.250\">"
      "<CodeRef "
      "targetGUID=\"5d3a6c1e-2222-4a2b-9c3d-00000000000a\"/></Coding></PlainTextSelection></"
      "TextSource></Sources><Sets/></Project>";
  makeZip(dir / "t.qdpx",
          {{"Project.qde", xml, true},
           {"Sources/5D3A6C1E-3333-4A2B-9C3D-000000000001.txt", "Trust me.", true}});
  auto r = importInto(dir / "t.qdpx");
  const auto codings = Coding(r->project).list();
  ASSERT_EQ(codings.size(), 1u);
  EXPECT_EQ(codings[0].guid, "5d3a6c1e-5555-4a2b-9c3d-000000000001");
  EXPECT_EQ(codings[0].createdAt, "2024-01-02T03:04:05Z");
  EXPECT_EQ(codings[0].coder, "ana");
  EXPECT_EQ(Codebook(r->project).find("Trust").color, "#aabbcc");
}

TEST(RefiImport, ResolvesRelativeAbsoluteAndBarePaths) {
  TempDir dir;
  std::filesystem::create_directories(dir / "media" / "sub dir");
  cmoc::test::writeFile(dir / "media" / "sub dir" / "rel.txt", "Relative text here.");
  cmoc::test::writeFile(dir / "abs.txt", "Absolute text here.");
  auto src = [](const char* guid, const std::string& path) {
    return std::string("<TextSource guid=\"") + guid + "\" plainTextPath=\"" + path + "\"/>";
  };
  const std::string xml =
      "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"t\" basePath=\"" +
      (dir / "media").string() + "\"><Sources>" +
      src("5d3a6c1e-3333-4a2b-9c3d-000000000001", "relative:///sub%20dir/rel.txt") +
      src("5d3a6c1e-3333-4a2b-9c3d-000000000002", "absolute://" + (dir / "abs.txt").string()) +
      src("5d3a6c1e-3333-4a2b-9c3d-000000000003", "bare.txt") + "</Sources></Project>";
  makeZip(dir / "t.qdpx", {{"project.qde", xml}, {"sources/bare.txt", "Bare text here."}});
  // Both files outside the archive are read only because their folder is allowed.
  importers::RefiOptions allowed;
  allowed.allowExternal = dir.path();
  auto r = importInto(dir / "t.qdpx", allowed);
  const auto real = std::filesystem::weakly_canonical(dir.path());
  EXPECT_THAT(r->report.external,
              testing::ElementsAre((real / "media" / "sub dir" / "rel.txt").string(),
                                   (real / "abs.txt").string()));
  std::vector<std::string> names;
  for (const SourceSummary& s : r->project.sources())
    names.push_back(s.name + "=" + r->project.sourceText(s.id));
  EXPECT_THAT(names, testing::UnorderedElementsAre("rel.txt=Relative text here.",
                                                   "abs.txt=Absolute text here.",
                                                   "bare.txt=Bare text here."));
}

TEST(RefiImport, CodebooksInEveryNamespaceWithKindsAndNesting) {
  TempDir dir;
  for (const char* ns :
       {"urn:QDA-XML:codebook:1.0", "urn:QDA-XML:codebook:0:4", "urn:QDA-XML:codebook:1:0"}) {
    const std::string qdc =
        std::string("\xEF\xBB\xBF<?xml version=\"1.0\"?>\r\n<CodeBook xmlns=\"") + ns +
        "\" origin=\"ATLAS.ti\"><Codes><Code guid=\"" + kCodeA +
        "\" name=\"Mechanisms\" isCodable=\"false\"><Code guid=\"" + kCodeB +
        "\" name=\"Trust\" isCodable=\"true\" color=\"#0072B2\"><Description>Def.\n\nInclusion: "
        "In.</Description></Code></Code></Codes>"
        "<Sets><Set guid=\"5d3a6c1e-6666-4a2b-9c3d-000000000001\" name=\"CMOC kind: "
        "mechanism\"><MemberCode guid=\"" +
        kCodeB +
        "\"/></Set><Set guid=\"5d3a6c1e-6666-4a2b-9c3d-000000000002\" name=\"CMOC origin: "
        "inductive\"><MemberCode guid=\"" +
        kCodeB + "\"/></Set></Sets></CodeBook>";
    cmoc::test::writeFile(dir / "c.qdc", qdc);
    auto r = importInto(dir / "c.qdc");
    const Code trust = Codebook(r->project).find("Mechanisms/Trust");
    EXPECT_EQ(trust.kind, CodeKind::Mechanism) << ns;
    EXPECT_EQ(trust.origin, CodeOrigin::Inductive);
    EXPECT_EQ(trust.definition, "Def.");
    EXPECT_EQ(trust.inclusion, "In.");
    EXPECT_EQ(trust.guid, kCodeB);
    EXPECT_EQ(r->report.count(r->report.imported, "sets"), 0)
        << "our own groups are not stored as sets";
  }
}

TEST(RefiImport, WholeSourceCodingsUncodedCommentsAndDanglingReferences) {
  TempDir dir;
  const std::string xml = project(
      users() + codebook() + std::string("<Sources><TextSource guid=\"") + kSource +
      "\" name=\"a.txt\" plainTextPath=\"internal://" + kSource +
      ".txt\"><PlainTextSelection guid=\"5d3a6c1e-4444-4a2b-9c3d-000000000009\" name=\"q\" "
      "startPosition=\"0\" endPosition=\"4\">"
      "<Description>Ask about this.</Description></PlainTextSelection>"
      "<Coding guid=\"5d3a6c1e-5555-4a2b-9c3d-000000000001\" creatingUser=\"" +
      kUser + "\"><CodeRef targetGUID=\"" + kCodeB +
      "\"/></Coding><NoteRef "
      "targetGUID=\"5d3a6c1e-7777-4a2b-9c3d-000000000001\"/></TextSource></Sources>"
      "<Sets><Set guid=\"5d3a6c1e-6666-4a2b-9c3d-000000000001\" name=\"group\"><MemberSource "
      "targetGUID=\"5d3a6c1e-9999-4a2b-9c3d-000000000001\"/></Set></Sets>");
  auto r = importInto(qdpx(dir, xml, "Whole text."));
  const auto codings = Coding(r->project).list();
  ASSERT_EQ(codings.size(), 1u);
  EXPECT_EQ(codings[0].start, 0);
  EXPECT_EQ(codings[0].end, 11);
  EXPECT_EQ(r->report.count(r->report.imported, "memos"), 1);
  ASSERT_EQ(r->report.dangling.size(), 2u);
  EXPECT_EQ(r->report.dangling[0].what, "NoteRef");
  EXPECT_EQ(r->report.dangling[1].what, "MemberSource");
}

TEST(RefiImport, ImportingTheSameFileTwiceAddsNothing) {
  TempDir dir;
  const auto file =
      qdpx(dir, project(users() + codebook() + textSource(selection(0, 5))), "Trust me.");
  Project p = Project::create(dir / "p.cmoc");
  for (int i = 0; i < 2; ++i) {
    importers::RefiImport in = importers::loadRefi(file);
    refi::apply(p, in.exchange, in.report);
    if (i == 1) {
      EXPECT_EQ(in.report.count(in.report.imported, "codings"), 0);
      EXPECT_EQ(in.report.count(in.report.imported, "codings already present"), 1);
    }
  }
  EXPECT_EQ(p.sources().size(), 1u);
  EXPECT_EQ(Coding(p).list().size(), 1u);
}

// --- Named conventions and cancelling -------------------------------------------------------

TEST(RefiPositionConventions, EachNameIsTheConventionOfTheToolsItNames) {
  std::vector<std::string_view> names;
  for (const importers::NamedConvention& n : importers::namedConventions()) names.push_back(n.name);
  EXPECT_EQ(names, (std::vector<std::string_view>{"codepoints", "codepoints-crlf1", "utf16",
                                                  "utf16-crlf1"}));
  EXPECT_EQ(importers::conventionNamed("codepoints"), importers::conventionForOrigin("qc 1.3.2"));
  EXPECT_EQ(importers::conventionNamed("codepoints-crlf1"),
            importers::conventionForOrigin("ATLAS.ti 8.4"));
  EXPECT_EQ(importers::conventionNamed("utf16"), importers::conventionForOrigin("NVivo 12"));
  EXPECT_EQ(importers::conventionNamed("utf16-crlf1"), (PositionConvention{true, true}));
  EXPECT_EQ(importers::conventionNamed("UTF16"), std::nullopt);
  EXPECT_EQ(importers::conventionNamed(""), std::nullopt);
}

namespace {

// Cancels from its `at`-th report on.
class CancelAt final : public Progress {
 public:
  explicit CancelAt(int at) : at_(at) {}
  void update(std::size_t, std::size_t, std::string_view) override { ++seen_; }
  bool cancelled() const override { return seen_ >= at_; }

 private:
  int at_, seen_ = 0;
};

}  // namespace

TEST(RefiImport, CancellingWhileReadingOrSavingSavesNothing) {
  TempDir dir;
  const auto file =
      qdpx(dir, project(users() + codebook() + textSource(selection(0, 5))), "Trust me.");
  CancelAt first(1);
  EXPECT_THROW(importers::loadRefi(file, {}, &first), Cancelled);

  Project p = Project::create(dir / "p.cmoc");
  for (int at : {1, 2, 3}) {  // at the source, at its codings, at the end
    importers::RefiImport in = importers::loadRefi(file);
    CancelAt cancel(at);
    EXPECT_THROW(refi::apply(p, in.exchange, in.report, &cancel), Cancelled) << at;
    EXPECT_TRUE(p.sources().empty());
    EXPECT_TRUE(Codebook(p).list().empty());
    EXPECT_TRUE(Coding(p).list().empty());
    EXPECT_TRUE(p.history().empty());
  }
  // Without a cancel the same exchange is saved whole.
  importers::RefiImport in = importers::loadRefi(file);
  CancelAt never(100);
  refi::apply(p, in.exchange, in.report, &never);
  EXPECT_EQ(Coding(p).list().size(), 1u);
}

// --- Bad input: refused whole, with the element path ---------------------------------------

struct BadCase {
  std::string behaviour;
  std::function<std::filesystem::path(const TempDir&)> make;
  std::string expected;  // a part of the message
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.behaviour; }

class RefiBadInput : public testing::TestWithParam<BadCase> {};

TEST_P(RefiBadInput, IsRefusedWithItsPlaceAndNothingIsImported) {
  TempDir dir;
  const BadCase& c = GetParam();
  const auto file = c.make(dir);
  Project p = Project::create(dir / "p.cmoc");
  const std::string error = inputErrorOf([&] {
    importers::RefiImport in = importers::loadRefi(file);
    refi::apply(p, in.exchange, in.report);
  });
  EXPECT_THAT(error, HasSubstr(c.expected));
  EXPECT_TRUE(p.sources().empty());
  EXPECT_TRUE(Codebook(p).list().empty());
}

const std::string kOk = "Trust me, it works.";

INSTANTIATE_TEST_SUITE_P(
    Table, RefiBadInput,
    testing::Values(
        BadCase{"ParentDirectoryEntry",
                [](const TempDir& d) {
                  makeZip(d / "t.qdpx",
                          {{"project.qde", project(users() + codebook())}, {"../evil.txt", "x"}});
                  return d / "t.qdpx";
                },
                "t.qdpx: ../evil.txt: unsafe zip entry name ('..' path component)"},
        BadCase{"AbsoluteEntry",
                [](const TempDir& d) {
                  makeZip(d / "t.qdpx",
                          {{"project.qde", project(users() + codebook())}, {"/etc/evil.txt", "x"}});
                  return d / "t.qdpx";
                },
                "t.qdpx: /etc/evil.txt: unsafe zip entry name (absolute path)"},
        BadCase{"ZipBomb",
                [](const TempDir& d) {
                  makeZip(d / "t.qdpx", {{"project.qde", project(users() + codebook())},
                                         {std::string("sources/") + kSource + ".txt",
                                          std::string(2u << 20, ' ')}});
                  return d / "t.qdpx";
                },
                "compression ratio over 200:1 (possible zip bomb)"},
        BadCase{"NotAZip",
                [](const TempDir& d) {
                  cmoc::test::writeFile(d / "t.qdpx", "just some text, not a zip archive");
                  return d / "t.qdpx";
                },
                "t.qdpx: file: not a valid zip archive"},
        BadCase{"NoProjectInTheZip",
                [](const TempDir& d) {
                  makeZip(d / "t.qdpx", {{"sources/a.txt", "x"}});
                  return d / "t.qdpx";
                },
                "t.qdpx: file: not a REFI-QDA project: the archive holds no project.qde"},
        BadCase{"InvalidXml",
                [](const TempDir& d) {
                  makeZip(d / "t.qdpx", {{"project.qde", "<Project name=\"t\"><Users></Project>"}});
                  return d / "t.qdpx";
                },
                "t.qdpx: project.qde:1:"},
        BadCase{
            "MissingSourceFile",
            [](const TempDir& d) {
              makeZip(
                  d / "t.qdpx",
                  {{"project.qde", project(users() + codebook() + textSource(selection(0, 5)))}});
              return d / "t.qdpx";
            },
            std::string("/Project/Sources/TextSource[1]: source 'a.txt': text file internal://") +
                kSource + ".txt is missing"},
        BadCase{"CodingOutsideTheText",
                [](const TempDir& d) {
                  return qdpx(d, project(users() + codebook() + textSource(selection(5, 99))), kOk);
                },
                "/Project/Sources/TextSource[1]/PlainTextSelection[1]: selection [5, 99) lies "
                "outside the text of "
                "'a.txt' (19 characters under code points, CRLF as 2)"},
        BadCase{"UnknownCode",
                [](const TempDir& d) {
                  return qdpx(d,
                              project(users() + codebook() +
                                      textSource(selection(
                                          0, 5, "", "5d3a6c1e-2222-4a2b-9c3d-0000000000ff"))),
                              kOk);
                },
                "/Project/Sources/TextSource[1]/PlainTextSelection[1]/Coding[1]/CodeRef[1]: "
                "CodeRef refers to unknown "
                "code 5d3a6c1e-2222-4a2b-9c3d-0000000000ff"},
        BadCase{"UnknownUser",
                [](const TempDir& d) {
                  return qdpx(d, project(codebook() + textSource(selection(0, 5))), kOk);
                },
                std::string("/Project/Sources/TextSource[1]/PlainTextSelection[1]/Coding[1] "
                            "@creatingUser: refers to "
                            "unknown user ") +
                    kUser},
        BadCase{"DuplicateCodeGuid",
                [](const TempDir& d) {
                  return qdpx(
                      d,
                      project(users() + std::string("<CodeBook><Codes><Code guid=\"") + kCodeA +
                              "\" name=\"A\" isCodable=\"true\"/><Code guid=\"" + kCodeA +
                              "\" name=\"B\" isCodable=\"true\"/></Codes></CodeBook>"),
                      kOk);
                },
                std::string("/Project/CodeBook/Codes/Code[2]: duplicate GUID ") + kCodeA},
        BadCase{"EndBeforeStart",
                [](const TempDir& d) {
                  return qdpx(d, project(users() + codebook() + textSource(selection(6, 2))), kOk);
                },
                "PlainTextSelection[1]: endPosition 2 is before startPosition 6"},
        BadCase{"PositionNotANumber",
                [](const TempDir& d) {
                  std::string sel = selection(0, 5);
                  sel.replace(sel.find("endPosition=\"5\""), 15, "endPosition=\"five\"");
                  return qdpx(d, project(users() + codebook() + textSource(sel)), kOk);
                },
                "endPosition 'five' is not a whole number"},
        BadCase{"NotARefiFile",
                [](const TempDir& d) {
                  cmoc::test::writeFile(d / "t.qdc", "<html><body/></html>");
                  return d / "t.qdc";
                },
                "t.qdc: file: not a REFI-QDA file: the root element is <html>"},
        BadCase{"InvalidUtf8InASource",
                [](const TempDir& d) {
                  return qdpx(d, project(users() + codebook() + textSource("")),
                              "ab\xFF"
                              "cd");
                },
                "invalid UTF-8 at byte 2"},
        // Issue 21, finding 13: what other programs read differently, or cannot write back.
        BadCase{"TwoProjectFilesDifferingInCase",
                [](const TempDir& d) {
                  const std::string xml = project(users() + codebook());
                  makeZip(d / "t.qdpx", {{"project.qde", xml}, {"Project.QDE", xml}});
                  return d / "t.qdpx";
                },
                "t.qdpx: file: the archive holds two project files, project.qde and Project.QDE; "
                "which one is meant is not clear, so it is refused"},
        BadCase{"TwoEntriesOfOneName",
                [](const TempDir& d) {
                  // libzip refuses to write two entries of one name; renaming the second in
                  // the bytes (same length, names are outside the checksums) makes one.
                  std::string bytes =
                      makeZip(d / "t.qdpx",
                              {{"project.qde", project(users() + codebook() + textSource(""))},
                               {std::string("sources/") + kSource + ".txt", kOk, true},
                               {std::string("sources/") + kSource + ".txx", "other text", true}});
                  const std::string from = std::string(kSource) + ".txx",
                                    to = std::string(kSource) + ".txt";
                  for (std::size_t at; (at = bytes.find(from)) != std::string::npos;)
                    bytes.replace(at, from.size(), to);
                  cmoc::test::writeFile(d / "t.qdpx", bytes);
                  return d / "t.qdpx";
                },
                std::string("t.qdpx: sources/") + kSource +
                    ".txt: the archive holds two entries of this name; which one is meant is not "
                    "clear, so it is refused"},
        BadCase{"ControlCharacterInACodeName",
                [](const TempDir& d) {
                  std::string xml = project(users() + codebook());
                  xml.replace(xml.find("name=\"Trust\""), 12, "name=\"Tr&#1;ust\"");
                  return qdpx(d, xml, kOk);
                },
                "/Project/CodeBook/Codes/Code: attribute 'name' holds the character U+0001, "
                "which XML does not allow"},
        BadCase{"NonCharacterFFFEInACodeName",
                [](const TempDir& d) {
                  std::string xml = project(users() + codebook());
                  xml.replace(xml.find("name=\"Trust\""), 12, "name=\"Trust&#xFFFE;\"");
                  return qdpx(d, xml, kOk);
                },
                "/Project/CodeBook/Codes/Code: attribute 'name' holds the character U+FFFE, "
                "which XML does not allow"},
        BadCase{"LoneSurrogateInAUserName",
                [](const TempDir& d) {
                  std::string xml = project(users() + codebook());
                  xml.replace(xml.find("name=\"ana\""), 10, "name=\"an&#xD800;a\"");
                  return qdpx(d, xml, kOk);
                },
                "/Project/Users/User: attribute 'name' holds the lone surrogate U+D800, which is "
                "not a character"},
        BadCase{"ControlCharacterInADescription",
                [](const TempDir& d) {
                  std::string xml = project(users() + codebook());
                  xml.replace(xml.find("isCodable=\"true\"/>"), 19,
                              "isCodable=\"true\"><Description>a&#x1F;b</Description></Code>");
                  return qdpx(d, xml, kOk);
                },
                "/Project/CodeBook/Codes/Code/Description: its text holds the character U+001F, "
                "which XML does not allow"},
        BadCase{"CodeNameOverTheLengthLimit",
                [](const TempDir& d) {
                  std::string xml = project(users() + codebook());
                  xml.replace(xml.find("name=\"Trust\""), 12,
                              "name=\"" + std::string(kMaxNameLength + 1, 'x') + "\"");
                  return qdpx(d, xml, kOk);
                },
                "/Project/CodeBook/Codes/Code: a code name can be at most 1000 characters; this "
                "one has 1001"},
        BadCase{"SourceNameOverTheLengthLimit",
                [](const TempDir& d) {
                  std::string xml = project(users() + codebook() + textSource(""));
                  xml.replace(xml.find("name=\"a.txt\""), 12,
                              "name=\"" + std::string(1500, 'y') + "\"");
                  return qdpx(d, xml, kOk);
                },
                "/Project/Sources/TextSource: a source name can be at most 1000 characters; this "
                "one has 1500"},
        BadCase{"NulInASourceText",
                [](const TempDir& d) {
                  return qdpx(d, project(users() + codebook() + textSource("")),
                              std::string("ab\0cd", 5));
                },
                "a NUL character after 2 characters: not plain text"}),
    [](const testing::TestParamInfo<BadCase>& p) { return p.param.behaviour; });

// Issue 21, finding 13: a text file written as UTF-16 without its byte-order mark is decoded,
// not stored with a NUL after every letter.
TEST(RefiImport, DecodesASourceTextInUtf16WithoutABom) {
  for (bool le : {true, false}) {
    TempDir dir;
    const std::string bomless = cmoc::test::utf16(kOk, le).substr(2);
    auto r =
        importInto(qdpx(dir, project(users() + codebook() + textSource(selection(0, 5))), bomless));
    ASSERT_EQ(r->project.sources().size(), 1u) << le;
    EXPECT_EQ(r->project.sourceText(r->project.sources()[0].id), kOk) << le;
    const auto codings = Coding(r->project).list();
    ASSERT_EQ(codings.size(), 1u);
    EXPECT_EQ(codings[0].end, 5);
  }
}

// --- Cases, variables and rich text ----------------------------------------------------------

TEST(RefiImport, CasesVariablesAndSourceValuesBecomeCasesAndAttributes) {
  TempDir dir;
  const std::string role = "5d3a6c1e-8888-4a2b-9c3d-000000000001",
                    age = "5d3a6c1e-8888-4a2b-9c3d-000000000002";
  const std::string xml =
      project(users() + codebook() + "<Variables><Variable guid=\"" + role +
                  "\" name=\"role\" typeOfVariable=\"Text\"/><Variable guid=\"" + age +
                  "\" name=\"age\" typeOfVariable=\"Integer\"/></Variables>"
                  "<Cases><Case guid=\"5d3a6c1e-9999-4a2b-9c3d-000000000001\" name=\"Hospital "
                  "A\"><Description>Acute trust.</Description>"
                  "<VariableValue><VariableRef targetGUID=\"" +
                  role +
                  "\"/><TextValue>provider</TextValue></VariableValue>"
                  "<SourceRef targetGUID=\"" +
                  kSource + "\"/></Case></Cases>" + std::string("<Sources><TextSource guid=\"") +
                  kSource + "\" name=\"a.txt\" plainTextPath=\"internal://" + kSource +
                  ".txt\"><VariableValue><VariableRef targetGUID=\"" + age +
                  "\"/><IntegerValue>54</IntegerValue></VariableValue>"
                  "</TextSource></Sources>",
              "MAXQDA 2024");
  auto r = importInto(qdpx(dir, xml, "Some text."));
  EXPECT_EQ(r->report.count(r->report.imported, "cases"), 1);
  EXPECT_EQ(r->report.count(r->report.imported, "source attributes"), 1);
  // What came in goes out: the case with its attribute and source, the source's own value.
  refi::exportQdpx(r->project, dir / "out.qdpx");
  const std::string qde = refi_test::expectValidQdpx(dir / "out.qdpx").at("project.qde");
  EXPECT_THAT(
      qde, HasSubstr("<Case guid=\"5d3a6c1e-9999-4a2b-9c3d-000000000001\" name=\"Hospital A\">"));
  EXPECT_THAT(qde, HasSubstr("<Description>Acute trust.</Description>"));
  EXPECT_THAT(qde, HasSubstr("<TextValue>provider</TextValue>"));
  EXPECT_THAT(qde, HasSubstr(std::string("<SourceRef targetGUID=\"") + kSource + "\" />"));
  EXPECT_THAT(qde, HasSubstr("<TextValue>54</TextValue>"));
}

TEST(RefiImport, TextKeptOnlyInTheDocxIsReadFromIt) {
  TempDir dir;
  // NVivo for Mac writes a 1-byte .txt and keeps the text in the .docx.
  const auto docx = cmoc::test::makeDocx(
      dir, "x.docx",
      cmoc::test::para(cmoc::test::run("I: ", true) + cmoc::test::run("Why?")) +
          cmoc::test::para(cmoc::test::run("R: ", true) +
                           cmoc::test::run("Trust grew \xF0\x9F\x98\x80 fast.")));
  const std::string xml =
      project(users() + codebook() +
                  textSource(selection(11, 24, "Trust grew \xF0\x9F\x98\x80"),
                             std::string("internal://") + kSource +
                                 ".txt\" richTextPath=\"internal://" + kSource + ".docx"),
              "NVivo for Mac 15.0.0");
  makeZip(dir / "t.qdpx",
          {{"project.qde", xml},
           {std::string("sources/") + kSource + ".txt", "\n"},
           {std::string("sources/") + kSource + ".docx", cmoc::test::readFile(docx)}});
  auto r = importInto(dir / "t.qdpx");
  const SourceSummary s = r->project.sources().at(0);
  EXPECT_EQ(r->project.sourceText(s.id), "I: Why?\nR: Trust grew \xF0\x9F\x98\x80 fast.");
  EXPECT_EQ(s.speakers, 2);
  EXPECT_THAT(codedTexts(r->project), testing::ElementsAre("Trust grew \xF0\x9F\x98\x80"));
}

TEST(RefiImport, ImportingIntoAStudyKeepsItsName) {
  TempDir dir;
  Project p = Project::create(dir / "study.cmoc");
  p.setCoder("ana");
  Codebook(p).add({.name = "Existing"});
  importers::RefiImport in = importers::loadRefi(
      qdpx(dir, project(users() + codebook() + textSource(selection(0, 5))), "Trust me."));
  refi::apply(p, in.exchange, in.report);
  refi::exportQdpx(p, dir / "out.qdpx");
  EXPECT_THAT(refi_test::expectValidQdpx(dir / "out.qdpx").at("project.qde"),
              HasSubstr(" name=\"study\""));
}
