// Coding: applying a code to a span or a whole turn, removing, moving and memoing codings,
// listing them; each misuse with its exact message and nothing stored.
#include "cmoc/coding.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "cmoc/codebook.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "test_support.h"
#include "transcript_builder.h"

using namespace cmoc;
using cmoc::test::TempDir;

namespace {

using test::interview;

// The message of the exception of type E that f throws; a test failure when it throws none.
template <class E, class F>
std::string messageOf(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an exception";
  return {};
}

class CodingTest : public ::testing::Test {
 protected:
  TempDir dir;
  Project project = Project::create(dir / "c.cmoc");
  Coding coding{project};
  std::string text;

  void SetUp() override {
    project.setCoder("ana");
    const Transcript t = interview(
        "a.txt", {{"Interviewer", "How did trust develop?"},
                  {"Zoë", "Slowly. The quick win on procurement changed things for us."}});
    text = t.text;
    project.addTranscript(t);
    Codebook book(project);
    book.add({.name = "Mechanisms"});
    book.add({.name = "Trust", .parent = "Mechanisms", .kind = CodeKind::Mechanism});
    book.add({.name = "Quick wins", .kind = CodeKind::Context});
  }

  std::int64_t at(const std::string& needle) const {
    return text::codePointCount(text.substr(0, text.find(needle)));
  }
};

}  // namespace

TEST_F(CodingTest, CodingsPerCoderCountsMostFirstThenByName) {
  EXPECT_TRUE(coding.codingsPerCoder().empty());
  coding.apply("a.txt", "Trust", at("Slowly"), at("Slowly") + 6);
  project.setCoder("ben");
  coding.apply("a.txt", "Trust", at("quick"), at("quick") + 5);
  project.setCoder("abe");
  coding.apply("a.txt", "Quick wins", at("quick"), at("quick") + 5);
  coding.apply("a.txt", "Trust", at("Slowly"), at("Slowly") + 6);
  const std::vector<CoderCount> counts = coding.codingsPerCoder();
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0].coder, "abe");
  EXPECT_EQ(counts[0].codings, 2);
  EXPECT_EQ(counts[1].coder, "ana");
  EXPECT_EQ(counts[2].coder, "ben");
  EXPECT_EQ(counts[2].codings, 1);
}

TEST_F(CodingTest, CountsPerCodeAndPerSourceAgreeWithTheList) {
  const Transcript second = interview("b.txt", {{"Zoë", "Trust came later, with the quick win."}});
  project.addTranscript(second);
  coding.apply("a.txt", "Trust", at("Slowly"), at("Slowly") + 6);
  coding.apply("a.txt", "Trust", at("quick"), at("quick") + 5);
  coding.apply("b.txt", "Trust", 0, 5);
  project.setCoder("ben");
  coding.apply("a.txt", "Quick wins", at("quick"), at("quick") + 5);
  for (const CodingFilter& f : {CodingFilter{}, CodingFilter{.coders = {"ana"}}, CodingFilter{.coders = {"ben"}}}) {
    std::map<std::int64_t, std::pair<std::int64_t, std::set<std::int64_t>>> byCode;
    std::map<std::int64_t, std::int64_t> bySource;
    for (const CodingRecord& r : coding.list(f)) {
      ++byCode[r.codeId].first;
      byCode[r.codeId].second.insert(r.sourceId);
      ++bySource[r.sourceId];
    }
    std::map<std::int64_t, std::pair<std::int64_t, std::set<std::int64_t>>> counted;
    for (const CodingCount& n : coding.countPerCode(f)) {
      EXPECT_EQ(n.sources, static_cast<std::int64_t>(byCode[n.id].second.size()));
      counted[n.id] = {n.codings, byCode[n.id].second};
    }
    EXPECT_EQ(counted, byCode);
    std::map<std::int64_t, std::int64_t> perSource;
    for (const CodingCount& n : coding.countPerSource(f)) {
      EXPECT_EQ(n.sources, 1);
      perSource[n.id] = n.codings;
    }
    EXPECT_EQ(perSource, bySource);
  }
  EXPECT_EQ(coding.countPerCode({.coders = {"ana"}}).size(), 1u);  // Trust only
  EXPECT_THROW(coding.countPerSource({.coders = {"zed"}}), NotFound);
}

TEST_F(CodingTest, ApplyStoresTheSpanCodeCoderAndMemo) {
  const std::int64_t s = at("quick win"), e = s + 9;
  const CodingRecord r = coding.apply("a.txt", "Quick wins", s, e, "procurement");
  EXPECT_GT(r.id, 0);
  EXPECT_EQ(r.guid.size(), 36u);
  EXPECT_EQ(r.sourceName, "a.txt");
  EXPECT_EQ(r.codePath, "Quick wins");
  EXPECT_EQ(r.coder, "ana");
  EXPECT_EQ(r.start, s);
  EXPECT_EQ(r.end, e);
  EXPECT_EQ(r.memo, "procurement");
  EXPECT_FALSE(r.createdAt.empty());
  ASSERT_EQ(coding.list().size(), 1u);
  EXPECT_EQ(coding.list()[0].guid, r.guid);
}

TEST_F(CodingTest, SourcesAreNamedByIdAndCodesByPath) {
  const CodingRecord r = coding.apply("1", "Mechanisms/Trust", 0, 3);
  EXPECT_EQ(r.sourceName, "a.txt");
  EXPECT_EQ(r.codePath, "Mechanisms/Trust");
}

TEST_F(CodingTest, SpansOverlapFreely) {
  coding.apply("a.txt", "Trust", 10, 40);
  coding.apply("a.txt", "Quick wins", 20, 30);
  coding.apply("a.txt", "Trust", 10, 40);
  EXPECT_EQ(coding.list().size(), 3u);
}

TEST_F(CodingTest, ApplyToTurnCodesTheWholeTurn) {
  const auto turns = project.turns(1);
  const CodingRecord r = coding.applyToTurn("a.txt", 2, "Trust", "whole answer");
  EXPECT_EQ(r.start, turns[1].start);
  EXPECT_EQ(r.end, turns[1].end);
  EXPECT_EQ(r.memo, "whole answer");
}

TEST_F(CodingTest, UnknownSourceCodeOrTurnIsNotFound) {
  EXPECT_EQ(messageOf<NotFound>([&] { coding.apply("b.txt", "Trust", 0, 3); }),
            "no source named 'b.txt'");
  EXPECT_EQ(messageOf<NotFound>([&] { coding.apply("a.txt", "Faith", 0, 3); }),
            "no code named 'Faith'");
  EXPECT_EQ(messageOf<NotFound>([&] { coding.applyToTurn("a.txt", 3, "Trust"); }),
            "source 'a.txt' has no turn 3");
  EXPECT_TRUE(coding.list().empty());
}

TEST_F(CodingTest, BadSpansAreUsageErrorsAndStoreNothing) {
  const std::int64_t length = text::codePointCount(text);
  EXPECT_EQ(messageOf<UsageError>([&] { coding.apply("a.txt", "Trust", 0, length + 1); }),
            "span [0, " + std::to_string(length + 1) + ") lies outside a.txt (0 to " +
                std::to_string(length) + ")");
  EXPECT_EQ(messageOf<UsageError>([&] { coding.apply("a.txt", "Trust", -1, 3); }),
            "span [-1, 3) lies outside a.txt (0 to " + std::to_string(length) + ")");
  EXPECT_EQ(messageOf<UsageError>([&] { coding.apply("a.txt", "Trust", 10, 5); }),
            "span [10, 5) is inverted: its end is before its start");
  EXPECT_EQ(messageOf<UsageError>([&] { coding.apply("a.txt", "Trust", 5, 5); }),
            "span [5, 5) is empty");
  EXPECT_TRUE(coding.list().empty());
  EXPECT_EQ(project.history().size(), 3u) << "only the three codes were added";
}

TEST_F(CodingTest, RemoveDeletesTheCodingAndAuditsIt) {
  const CodingRecord r = coding.apply("a.txt", "Trust", 10, 20);
  coding.remove(r.id);
  EXPECT_TRUE(coding.list().empty());
  EXPECT_EQ(messageOf<NotFound>([&] { coding.get(r.id); }),
            "no coding with id " + std::to_string(r.id));
  EXPECT_EQ(project.auditLog()[0].action, "delete-coding");
  EXPECT_THROW(coding.remove(r.id), NotFound);
}

TEST_F(CodingTest, MoveSpanChangesTheBoundariesAndChecksThem) {
  const CodingRecord r = coding.apply("a.txt", "Trust", 10, 20);
  const CodingRecord moved = coding.moveSpan(r.id, 12, 30);
  EXPECT_EQ(moved.start, 12);
  EXPECT_EQ(moved.end, 30);
  EXPECT_EQ(moved.guid, r.guid);
  EXPECT_EQ(messageOf<UsageError>([&] { coding.moveSpan(r.id, 30, 12); }),
            "span [30, 12) is inverted: its end is before its start");
  EXPECT_EQ(coding.get(r.id).start, 12) << "a refused move leaves the coding where it was";
  EXPECT_THROW(coding.moveSpan(999, 1, 2), NotFound);
}

TEST_F(CodingTest, SetMemoReplacesTheMemo) {
  const CodingRecord r = coding.apply("a.txt", "Trust", 10, 20, "first");
  EXPECT_EQ(coding.setMemo(r.id, "second thoughts").memo, "second thoughts");
  EXPECT_EQ(coding.get(r.id).memo, "second thoughts");
  EXPECT_THROW(coding.setMemo(999, "x"), NotFound);
}

TEST_F(CodingTest, EachChangeIsOneUndoableStep) {
  const CodingRecord r = coding.apply("a.txt", "Trust", 10, 20);
  coding.moveSpan(r.id, 11, 21);
  coding.setMemo(r.id, "m");
  coding.remove(r.id);
  EXPECT_EQ(project.undo(), "remove coding of Mechanisms/Trust");
  EXPECT_EQ(project.undo(), "memo on coding of Mechanisms/Trust");
  EXPECT_EQ(coding.get(r.id).memo, "");
  EXPECT_EQ(project.undo(), "move coding of Mechanisms/Trust");
  EXPECT_EQ(coding.get(r.id).start, 10);
}

TEST_F(CodingTest, ListFiltersByCodeWithChildrenSourceAndCoder) {
  coding.apply("a.txt", "Trust", 10, 20);
  coding.apply("a.txt", "Quick wins", 30, 40);
  project.setCoder("ben");
  coding.apply("a.txt", "Trust", 50, 60);
  EXPECT_EQ(coding.list({.codes = {"Trust"}}).size(), 2u);
  EXPECT_TRUE(coding.list({.codes = {"Mechanisms"}}).empty());
  EXPECT_EQ(coding.list({.codes = {"Mechanisms"}, .withChildCodes = true}).size(), 2u);
  EXPECT_EQ(coding.list({.sources = {"a.txt"}}).size(), 3u);
  const auto bens = coding.list({.coders = {"ben"}});
  ASSERT_EQ(bens.size(), 1u);
  EXPECT_EQ(bens[0].start, 50);
  EXPECT_EQ(messageOf<NotFound>([&] { coding.list({.coders = {"cy"}}); }), "no coder named 'cy'");
  EXPECT_EQ(messageOf<NotFound>([&] { coding.list({.codes = {"Nope"}}); }), "no code named 'Nope'");
}
