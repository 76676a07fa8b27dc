// Coding::excerpts: the coded text, its context within the turn, the speaker and the
// attribution line researchers quote, and the filters by code, source, coder, participant and
// attribute.
#include <gtest/gtest.h>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/importers/importer.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "test_support.h"
#include "transcript_builder.h"

using namespace cmoc;
using cmoc::test::TempDir;

namespace {

using test::interview;

ParticipantRow person(const std::string& file, const std::string& code, const std::string& speaker,
                      const std::string& role, const std::string& caseName,
                      const std::string& caseType) {
  return {file,
          code,
          speaker,
          role == "interviewer",
          {{"role", role}, {"case", caseName}, {"case_type", caseType}, {"region", "North"}},
          0};
}

class ExcerptsTest : public ::testing::Test {
 protected:
  TempDir dir;
  Project project = Project::create(dir / "x.cmoc");
  Coding coding{project};
  std::map<std::string, std::string> texts;

  void SetUp() override {
    project.setCoder("ana");
    ParticipantSheet sheet;
    sheet.rows = {person("", "INT1", "Interviewer", "interviewer", "", ""),
                  person("a.txt", "19", "Gwen", "director", "alliance 2", "alliance"),
                  person("b.txt", "22", "R", "ceo", "northshore group", "hospital group")};
    add(interview("a.txt", {{"Interviewer", "What was different this time?"},
                            {"Gwen",
                             "We got a win early. Dev and I sat down and said, look, the big stuff "
                             "will take years. So procurement came first and it saved money."}}),
        &sheet);
    add(interview("b.txt", {{"Interviewer", "Tell me about recruitment."},
                            {"R",
                             "We met in the café first. Vacancies fell once we recruited as "
                             "a group."}}),
        &sheet);
    add({"notes.txt",
         "text",
         "Field notes.\nThe board met twice and trust was discussed.\nEnd.\n",
         {}},
        nullptr);
    Codebook book(project);
    book.add({.name = "Mechanisms"});
    book.add({.name = "Trust", .parent = "Mechanisms", .kind = CodeKind::Mechanism});
    book.add({.name = "Quick wins", .kind = CodeKind::Context});
    book.add({.name = "Recruitment", .kind = CodeKind::Outcome});
  }

  void add(const Transcript& t, const ParticipantSheet* sheet) {
    texts[t.fileName] = t.text;
    project.addTranscript(t, sheet);
  }

  // Codes the first occurrence of `words` in a source.
  CodingRecord code(const std::string& source, const std::string& words, const std::string& code) {
    const std::string& t = texts.at(source);
    const std::int64_t start = text::codePointCount(t.substr(0, t.find(words)));
    return coding.apply(source, code, start, start + text::codePointCount(words));
  }

  // By value: callers pass the temporary that excerpts() returns.
  Excerpt only(const std::vector<Excerpt>& xs) {
    EXPECT_EQ(xs.size(), 1u);
    return xs.at(0);
  }
};

}  // namespace

TEST_F(ExcerptsTest, CarryTheTextSpeakerParticipantAndAttribution) {
  code("a.txt", "win early", "Quick wins");
  const Excerpt x = only(coding.excerpts({}));
  EXPECT_EQ(x.text, "win early");
  EXPECT_EQ(x.speaker, "Gwen");
  EXPECT_EQ(x.participant, "19");
  EXPECT_EQ(x.attribution, "19; director; alliance 2");
  EXPECT_EQ(x.coding.codePath, "Quick wins");
  EXPECT_EQ(x.coding.coder, "ana");
}

TEST_F(ExcerptsTest, ContextStaysWithinTheTurn) {
  code("a.txt", "win early", "Quick wins");
  const Excerpt x = only(coding.excerpts({}, 1000));
  EXPECT_EQ(x.before, "We got a ");
  EXPECT_EQ(x.after,
            ". Dev and I sat down and said, look, the big stuff will take years. So procurement "
            "came first and it saved money.");
}

TEST_F(ExcerptsTest, ContextCutByLengthDropsTheBrokenWord) {
  code("a.txt", "procurement", "Quick wins");
  const Excerpt x = only(coding.excerpts({}, 18));  // 18 code points reach into "will"
  EXPECT_EQ(x.before, "take years. So ");
  EXPECT_EQ(only(coding.excerpts({}, 10)).after, " came");  // " came firs" loses "firs"
  EXPECT_EQ(only(coding.excerpts({}, 20)).before, "will take years. So ");
  const Excerpt none = only(coding.excerpts({}, 0));
  EXPECT_EQ(none.before, "");
  EXPECT_EQ(none.after, "");
}

TEST_F(ExcerptsTest, CountsCodePointsNotBytes) {
  code("b.txt", "café", "Quick wins");
  const Excerpt x = only(coding.excerpts({}, 7));
  EXPECT_EQ(x.text, "café");
  EXPECT_EQ(x.before, "in the ");
  EXPECT_EQ(x.after, " first.");
  EXPECT_EQ(x.attribution, "22; ceo; northshore group");
}

TEST_F(ExcerptsTest, TextOutsideTurnsTakesContextFromItsParagraphAndTheSourceName) {
  code("notes.txt", "trust", "Trust");
  const Excerpt x = only(coding.excerpts({}, 1000));
  EXPECT_EQ(x.before, "The board met twice and ");
  EXPECT_EQ(x.after, " was discussed.");
  EXPECT_EQ(x.speaker, "");
  EXPECT_EQ(x.participant, "");
  EXPECT_EQ(x.attribution, "notes.txt");
}

TEST_F(ExcerptsTest, InterviewerTurnsAreAttributedToTheInterviewer) {
  code("a.txt", "different", "Quick wins");
  EXPECT_EQ(only(coding.excerpts({})).attribution, "INT1; interviewer");
}

TEST_F(ExcerptsTest, FilterByCodeWithChildrenAndBySource) {
  code("a.txt", "win early", "Quick wins");
  code("a.txt", "sat down", "Trust");
  code("b.txt", "recruited", "Recruitment");
  code("notes.txt", "trust", "Trust");
  EXPECT_EQ(coding.excerpts({.codes = {"Trust"}}).size(), 2u);
  EXPECT_TRUE(coding.excerpts({.codes = {"Mechanisms"}}).empty());
  EXPECT_EQ(coding.excerpts({.codes = {"Mechanisms"}, .withChildCodes = true}).size(), 2u);
  EXPECT_EQ(coding.excerpts({.codes = {"Mechanisms/Trust", "Recruitment"}}).size(), 3u);
  EXPECT_EQ(only(coding.excerpts({.codes = {"Trust"}, .sources = {"a.txt"}})).text, "sat down");
  EXPECT_EQ(coding.excerpts({.sources = {"a.txt", "b.txt"}}).size(), 3u);
}

TEST_F(ExcerptsTest, FilterByCoderShowsOneCodersWorkOnly) {
  code("a.txt", "win early", "Quick wins");
  project.setCoder("ben");
  code("a.txt", "win early", "Trust");
  EXPECT_EQ(only(coding.excerpts({.coders = {"ben"}})).coding.codePath, "Mechanisms/Trust");
  EXPECT_EQ(only(coding.excerpts({.coders = {"ana"}})).coding.codePath, "Quick wins");
}

TEST_F(ExcerptsTest, FilterByParticipantAndAttribute) {
  code("a.txt", "win early", "Quick wins");
  code("a.txt", "different", "Quick wins");
  code("b.txt", "recruited", "Recruitment");
  code("notes.txt", "trust", "Trust");
  EXPECT_EQ(only(coding.excerpts({.participants = {"22"}})).text, "recruited");
  EXPECT_EQ(coding.excerpts({.participants = {"19", "INT1"}}).size(), 2u);
  EXPECT_EQ(only(coding.excerpts({.attributes = {{"role", "director"}}})).text, "win early");
  EXPECT_EQ(only(coding.excerpts({.attributes = {{"case_type", "hospital group"}}})).text,
            "recruited");
  EXPECT_EQ(only(coding.excerpts({.attributes = {{"case", "alliance 2"}}})).text, "win early");
  EXPECT_EQ(coding.excerpts({.attributes = {{"region", "North"}}}).size(), 3u);
  EXPECT_EQ(only(coding.excerpts({.attributes = {{"region", "North"}, {"role", "ceo"}}})).text,
            "recruited");
  EXPECT_TRUE(coding.excerpts({.attributes = {{"role", "nurse"}}}).empty());
}

TEST_F(ExcerptsTest, ComeInSourceAndPositionOrder) {
  code("b.txt", "recruited", "Recruitment");
  code("a.txt", "procurement", "Quick wins");
  code("a.txt", "win early", "Quick wins");
  const auto xs = coding.excerpts({});
  ASSERT_EQ(xs.size(), 3u);
  EXPECT_EQ(xs[0].text, "win early");
  EXPECT_EQ(xs[1].text, "procurement");
  EXPECT_EQ(xs[2].text, "recruited");
}

TEST(ExcerptsSample, AttributionComesFromTheParticipantsSheet) {
  TempDir dir;
  Project project = Project::create(dir / "s.cmoc");
  project.setCoder("ana");
  const auto samples = test::samplesDir();
  const ParticipantSheet sheet = importers::loadParticipants(samples / "participants.csv");
  project.addTranscript(importers::loadTranscript(samples / "interview-01-director-alliance2.txt"),
                        &sheet);
  Codebook(project).add({.name = "Initial trust", .kind = CodeKind::Mechanism});
  Coding coding(project);
  coding.applyToTurn("interview-01-director-alliance2.txt", 4, "Initial trust");
  const auto xs = coding.excerpts({.attributes = {{"case_type", "alliance"}, {"phase", "1"}}});
  ASSERT_EQ(xs.size(), 1u);
  EXPECT_EQ(xs[0].attribution, "19; director; alliance 2");
  EXPECT_EQ(xs[0].speaker, "Gwen Pritchard");
  EXPECT_EQ(xs[0].text.substr(0, 11), "Yeah, sure.");
}
