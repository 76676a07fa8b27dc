// A small deterministic fuzz: mutated versions of valid files must either load or fail with an
// InputError, never crash or throw anything else (ASan/UBSan builds make this sharper).
#include <gtest/gtest.h>

#include <random>

#include "cmoc/error.h"
#include "cmoc/importers/importer.h"
#include "cmoc/text.h"
#include "test_support.h"
#include "zip_builder.h"

using namespace cmoc;
using test::para;
using test::run;

namespace {

constexpr int kRounds = 150;

std::string mutate(std::string s, std::mt19937& rng) {
  const int edits = 1 + static_cast<int>(rng() % 4);
  for (int e = 0; e < edits && !s.empty(); ++e) {
    const std::size_t at = rng() % s.size();
    switch (rng() % 5) {
      case 0:
        s[at] = static_cast<char>(rng());
        break;  // flip a byte
      case 1:
        s.erase(at, 1 + rng() % 16);
        break;  // drop a few
      case 2:
        s.insert(at, 1, "<>&;:\n\0\xFF-"[rng() % 10]);
        break;  // insert a tricky byte
      case 3:
        s.insert(at, s.substr(rng() % s.size(), rng() % 64));
        break;  // duplicate a piece
      default:
        s.resize(at);
        break;  // truncate
    }
  }
  return s;
}

// Loads `bytes` as `name`; returns false (with a test failure) for anything but success or
// an InputError, and checks a loaded transcript's invariants.
void loadsOrRefuses(const test::TempDir& dir, const std::string& name, const std::string& bytes) {
  test::writeFile(dir / name, bytes);
  try {
    const Transcript t = importers::loadTranscript(dir / name);
    EXPECT_EQ(text::firstInvalidUtf8(t.text), std::nullopt);
    const std::int64_t length = text::codePointCount(t.text);
    for (const Turn& turn : t.turns) {
      EXPECT_LE(0, turn.start);
      EXPECT_LE(turn.start, turn.end);
      EXPECT_LE(turn.end, length);
    }
  } catch (const InputError&) {
  } catch (const std::exception& e) {
    ADD_FAILURE() << name << ": " << e.what();
  }
}

void fuzzText(const std::string& name, const std::string& seed) {
  test::TempDir dir;
  std::mt19937 rng(20240611);
  for (int i = 0; i < kRounds; ++i) loadsOrRefuses(dir, name, mutate(seed, rng));
}

// Mutates the XML inside the container (so the XML paths are reached) and, sometimes, the
// zip bytes themselves.
void fuzzZip(const std::string& name, const std::string& entry, const std::string& xml,
             std::vector<test::ZipItem> others) {
  test::TempDir dir;
  std::mt19937 rng(7);
  for (int i = 0; i < kRounds; ++i) {
    std::vector<test::ZipItem> items = others;
    items.push_back({entry, mutate(xml, rng), rng() % 2 == 0});
    std::string zip = test::makeZip(dir / "build.zip", items);
    if (rng() % 4 == 0) zip = mutate(zip, rng);
    loadsOrRefuses(dir, name, zip);
  }
}

}  // namespace

TEST(ImporterRobustness, MutatedPlainTextLoadsOrFailsCleanly) {
  fuzzText("f.txt",
           "\xEF\xBB\xBFInterviewer: café?\r\n[00:01:02] Zoë: 😀 yes\nTom Brennan  00:01:05\nok\n");
}

TEST(ImporterRobustness, MutatedWebVttLoadsOrFailsCleanly) {
  fuzzText("f.vtt",
           "WEBVTT\n\nNOTE hi\n\nab-cd/1-0\n00:00:01.000 --> 00:00:02.500 align:start\n<v.loud "
           "Zoë>caf&eacute; &amp; "
           "<i>tea</i></v>\n\n2\n00:02.500 --> 00:03.000\nTom: 😀 &#x1F600;\n");
}

TEST(ImporterRobustness, MutatedSrtLoadsOrFailsCleanly) {
  fuzzText("f.srt",
           "1\n00:00:01,000 --> 00:00:02,000\n<i>Helen:</i> hi {\\an8}\n\n2\n00:00:02,000 --> "
           "00:00:03,000\nDot: 👍\n");
}

TEST(ImporterRobustness, MutatedDocxLoadsOrFailsCleanly) {
  const std::string body =
      para(run("Interviewer:", true) + run(" café 😀")) + "<w:tbl><w:tr><w:tc>" +
      para(run("a") + "<w:br/>" + run("b")) + "</w:tc></w:tr></w:tbl>" +
      para("<w:del><w:r><w:delText>x</w:delText></w:r></w:del>" + run("R: ok"));
  fuzzZip("f.docx", "word/document.xml", test::documentXml(body),
          {{"[Content_Types].xml", test::contentTypesXml()}});
}

TEST(ImporterRobustness, MutatedOdtLoadsOrFailsCleanly) {
  const std::string body =
      "<text:p><text:span text:style-name=\"B\">Tom:</text:span> hi<text:s "
      "text:c=\"3\"/>é<text:tab/>"
      "<text:line-break/>😀</text:p><table:table><table:table-row><table:table-cell><text:p>x</"
      "text:p>"
      "</table:table-cell></table:table-row></table:table><text:list><text:list-item><text:h>h</"
      "text:h>"
      "</text:list-item></text:list>";
  fuzzZip("f.odt", "content.xml", test::contentXml(body),
          {{"mimetype", "application/vnd.oasis.opendocument.text", true}});
}
