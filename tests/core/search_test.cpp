// Project::search: case-, accent- and script-insensitive full-text search over speaker turns,
// the query language users type, every hit with exact positions and keyword-in-context.
#include <gtest/gtest.h>

#include <functional>

#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "src/search/search_query.h"  // white-box: the query translator
#include "test_support.h"
#include "transcript_builder.h"

using namespace cmoc;
using cmoc::test::TempDir;

namespace {

using test::interview;

class SearchTest : public ::testing::Test {
 protected:
  TempDir dir;
  Project project = Project::create(dir / "search.cmoc");

  void add(const std::string& name, const std::vector<std::pair<std::string, std::string>>& said) {
    project.addTranscript(interview(name, said));
  }

  // The matched text of every hit, after checking that its offsets slice the source text to it.
  std::vector<std::string> matches(const std::string& query, SearchOptions options = {}) {
    std::vector<std::string> out;
    for (const SearchHit& h : project.search(query, options)) {
      const std::string source = project.sourceText(h.sourceId);
      EXPECT_EQ(text::sliceCodePoints(source, h.start, h.end), h.match) << query;
      out.push_back(h.match);
    }
    return out;
  }

  std::string errorOf(const std::string& query) {
    try {
      project.search(query);
    } catch (const UsageError& e) {
      return e.what();
    }
    return "(no error)";
  }
};

using Matches = std::vector<std::string>;

}  // namespace

TEST_F(SearchTest, CafeAndCafeWithAccentFindEachOtherInAnyCase) {
  add("a.txt",
      {{"Zoë", "We met in the café."}, {"Interviewer", "Which cafe?"}, {"Zoë", "CAFÉ ROUGE."}});
  const Matches all{"café", "cafe", "CAFÉ"};
  EXPECT_EQ(matches("cafe"), all);
  EXPECT_EQ(matches("café"), all);
  EXPECT_EQ(matches("CAFÉ"), all);
  EXPECT_EQ(matches("Cafe\xCC\x81"), all);  // decomposed é as typed on some systems
}

TEST_F(SearchTest, ZoeFindsZoeWithDiaeresisAndBack) {
  add("a.txt", {{"Interviewer", "Zoë said so."}, {"R", "zoe agreed, ZOE too."}});
  const Matches all{"Zoë", "zoe", "ZOE"};
  EXPECT_EQ(matches("zoe"), all);
  EXPECT_EQ(matches("Zoë"), all);
}

TEST_F(SearchTest, SharpSFoldsToDoubleS) {
  add("a.txt", {{"R", "Die Straße war lang."}, {"I", "The strasse, the STRASSE."}});
  const Matches all{"Straße", "strasse", "STRASSE"};
  EXPECT_EQ(matches("strasse"), all);
  EXPECT_EQ(matches("Straße"), all);
}

TEST_F(SearchTest, GreekWithoutTonosFindsWithTonosAndCapitals) {
  add("a.txt", {{"R", "Η Αθήνα είναι όμορφη."}, {"I", "ΑΘΗΝΑ!"}});
  EXPECT_EQ(matches("αθηνα"), (Matches{"Αθήνα", "ΑΘΗΝΑ"}));
  EXPECT_EQ(matches("Αθήνα"), (Matches{"Αθήνα", "ΑΘΗΝΑ"}));
  EXPECT_EQ(matches("ομορφη"), Matches{"όμορφη"});
}

TEST_F(SearchTest, ChineseWordsAreFoundInsideASentenceWithoutSpaces) {
  add("a.txt", {{"R", "我们之间的信任很重要。"}, {"I", "你相信他们吗？信任是什么"}});
  EXPECT_EQ(matches("信任"), (Matches{"信任", "信任"}));
  const std::vector<SearchHit> hits = project.search("信任");
  ASSERT_EQ(hits.size(), 2u);
  // "R: " is 3 code points; 我们之间的 is 5 more.
  EXPECT_EQ(hits[0].start, 8);
  EXPECT_EQ(hits[0].end, 10);
  EXPECT_EQ(hits[0].before, "我们之间的");
  EXPECT_EQ(hits[0].after, "很重要。");
  EXPECT_TRUE(matches("重要").size() == 1);
}

TEST_F(SearchTest, PhraseNeedsTheWordsTogetherAndInOrder) {
  add("a.txt", {{"R", "I felt supported by them."}, {"I", "Supported? You felt that?"}});
  EXPECT_EQ(matches("\"felt supported\""), Matches{"felt supported"});
  EXPECT_EQ(matches("\"FELT   Supported\""), Matches{"felt supported"});
  EXPECT_TRUE(matches("\"supported felt\"").empty());
  // The curly quotes a word processor substitutes work as quotes too.
  EXPECT_EQ(matches("“felt supported”"), Matches{"felt supported"});
}

TEST_F(SearchTest, AndOrNotCombineTurns) {
  add("a.txt", {{"R", "trust and faith"}, {"I", "trust without money"}, {"R", "faith alone"}});
  EXPECT_EQ(matches("trust AND faith"), (Matches{"trust", "faith"}));
  EXPECT_EQ(matches("trust faith"), (Matches{"trust", "faith"}));  // AND is implied
  EXPECT_EQ(matches("money OR alone"), (Matches{"money", "alone"}));
  EXPECT_EQ(matches("trust NOT faith"), Matches{"trust"});
  EXPECT_EQ(project.search("trust NOT faith")[0].start, project.search("money")[0].start - 14);
  EXPECT_EQ(matches("faith NOT (trust OR money)"), Matches{"faith"});
  EXPECT_EQ(matches("(money OR alone) AND faith"), (Matches{"faith", "alone"}));
}

TEST_F(SearchTest, LowerCaseAndOrNotAreOrdinaryWords) {
  add("a.txt", {{"R", "trust and faith"}, {"I", "trust or money"}});
  // `and` must occur as a word, so only the first turn matches.
  EXPECT_EQ(matches("trust and faith"), (Matches{"trust", "and", "faith"}));
  EXPECT_EQ(matches("trust or money"), (Matches{"trust", "or", "money"}));
}

TEST_F(SearchTest, TrailingStarSearchesAPrefix) {
  add("a.txt", {{"R", "Support, supported, SUPPORTIVE; superb."}, {"I", "Zoë and Zoëlle"}});
  EXPECT_EQ(matches("support*"), (Matches{"Support", "supported", "SUPPORTIVE"}));
  EXPECT_EQ(matches("zoe*"), (Matches{"Zoë", "Zoëlle"}));
  EXPECT_EQ(matches("\"and zoe\"*"), Matches{"and Zoëlle"});
}

TEST_F(SearchTest, HyphenatedNamesAndApostrophesNeedNoQuotes) {
  add("a.txt", {{"Interviewer", "Dr Adebayo-Müller said I don’t know."},
                {"R", "adebayo muller? don't ask. O'Brien too."}});
  EXPECT_EQ(matches("Adebayo-Müller"), (Matches{"Adebayo-Müller", "adebayo muller"}));
  EXPECT_EQ(matches("don't"), (Matches{"don’t", "don't"}));
  EXPECT_EQ(matches("don’t"), (Matches{"don’t", "don't"}));
  EXPECT_EQ(matches("o'brien"), Matches{"O'Brien"});
  EXPECT_EQ(matches("e.g. Adebayo.Müller"), Matches{});
}

TEST_F(SearchTest, EveryOccurrenceIsAHitInImportThenPositionOrder) {
  add("b.txt", {{"R", "Trust, trust."}, {"I", "more trust"}});
  add("a.txt", {{"R", "trust here"}});
  const std::vector<SearchHit> hits = project.search("trust");
  ASSERT_EQ(hits.size(), 4u);
  EXPECT_EQ(hits[0].sourceName, "b.txt");
  EXPECT_EQ(hits[0].sourceId, 1);
  EXPECT_EQ(hits[0].start, 3);
  EXPECT_EQ(hits[1].start, 10);
  EXPECT_EQ(hits[2].start, 26);  // after "R: Trust, trust.\n\nI: more "
  EXPECT_EQ(hits[2].speaker, "I");
  EXPECT_EQ(hits[3].sourceName, "a.txt");
  EXPECT_EQ(hits[3].sourceId, 2);
  EXPECT_EQ(hits[3].start, 3);
}

TEST_F(SearchTest, OverlappingPhrasesOfOneQueryGiveOneHitPerSpan) {
  add("a.txt", {{"R", "trust me"}});
  EXPECT_EQ(matches("trust OR trust* OR \"trust me\""), (Matches{"trust", "trust me"}));
}

TEST_F(SearchTest, PositionsAreCodePointsEvenAfterEmojiAndAccents) {
  add("a.txt", {{"Zoë", "😀 é 中文 👍🏽 and then trust"}, {"I", "naïve trust"}});
  const std::vector<SearchHit> hits = project.search("trust");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].start, 5 + 19);  // the emoji with a skin tone is two code points
  EXPECT_EQ(hits[0].end, 5 + 24);
  EXPECT_EQ(matches("trust"), (Matches{"trust", "trust"}));
  EXPECT_EQ(matches("naive"), Matches{"naïve"});
}

TEST_F(SearchTest, AnAccentedWordInsideLongAsciiTextIsFound) {
  std::string words;
  for (int i = 0; i < 2000; ++i) words += "plain words here ";
  words += "and Müller's café, then ";
  for (int i = 0; i < 2000; ++i) words += "more plain words ";
  add("a.txt", {{"R", words}});
  const std::vector<SearchHit> hits = project.search("muller");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].start, 3 + 2000 * 17 + 4);
  EXPECT_EQ(matches("cafe"), Matches{"café"});
}

TEST_F(SearchTest, ContextIsCutAtWordsWithinTheTurnOnOneLine) {
  add("a.txt",
      {{"I", "Before this turn."},
       {"R", "one two three four five six\nseven eight trust nine ten eleven twelve thirteen"},
       {"I", "After."}});
  SearchOptions narrow;
  narrow.contextChars = 20;
  const std::vector<SearchHit> hits = project.search("trust", narrow);
  ASSERT_EQ(hits.size(), 1u);
  // 20 characters before start inside "five"; the partial word is dropped.
  EXPECT_EQ(hits[0].before, "six seven eight ");
  EXPECT_EQ(hits[0].match, "trust");
  EXPECT_EQ(hits[0].after, " nine ten eleven");
  SearchOptions wide;
  wide.contextChars = 500;  // never beyond the turn
  const SearchHit whole = project.search("trust", wide).at(0);
  EXPECT_EQ(whole.before, "one two three four five six seven eight ");
  EXPECT_EQ(whole.after, " nine ten eleven twelve thirteen");
  SearchOptions none;
  none.contextChars = 0;
  EXPECT_EQ(project.search("trust", none).at(0).before, "");
}

TEST_F(SearchTest, PhraseAcrossALineBreakKeepsTheExactTextInMatch) {
  add("a.txt", {{"R", "we felt\nsupported"}});
  const std::vector<SearchHit> hits = project.search("\"felt supported\"");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].match, "felt\nsupported");
}

TEST_F(SearchTest, LimitCountsHits) {
  add("a.txt", {{"R", "trust trust trust"}, {"I", "trust"}});
  SearchOptions two;
  two.limit = 2;
  EXPECT_EQ(matches("trust", two).size(), 2u);
  two.limit = 0;
  EXPECT_TRUE(matches("trust", two).empty());
}

TEST_F(SearchTest, NoHitsIsAnEmptyListNotAnError) {
  add("a.txt", {{"R", "nothing to see"}});
  EXPECT_TRUE(project.search("elephant").empty());
  EXPECT_TRUE(project.search("...").empty());  // a term without words matches nothing
}

TEST_F(SearchTest, MalformedQueriesNameTheProblemAndItsPlace) {
  const std::pair<const char*, const char*> cases[] = {
      {"", "empty search query"},
      {"   ", "empty search query"},
      {"\"felt supported", "bad search query: the quote at character 1 is never closed"},
      {"trust \"felt", "bad search query: the quote at character 7 is never closed"},
      {"(trust OR faith", "bad search query: the '(' at character 1 is never closed"},
      {"trust)", "bad search query: the ')' at character 6 has no matching '('"},
      {"trust ()", "bad search query: empty parentheses at character 7"},
      {"trust \"\"", "bad search query: empty phrase at character 7"},
      {"AND trust", "bad search query: AND at character 1 needs a term before it"},
      {"trust OR", "bad search query: OR at character 7 needs a term after it"},
      {"trust AND OR faith", "bad search query: OR at character 11 needs a term before it"},
      {"(trust AND) faith", "bad search query: AND at character 8 needs a term after it"},
      {"NOT money",
       "bad search query: NOT at character 1 needs a term before it (NOT means AND NOT: write "
       "`trust NOT money`)"},
      {"café *", "bad search query: the * at character 6 must follow a word"},
      {"caf\xE9", "bad search query: not valid UTF-8 at byte 4"},  // Latin-1 from an old terminal
  };
  for (const auto& [query, message] : cases) EXPECT_EQ(errorOf(query), message) << query;
}

// Issue 21 finding 9: 5,000 '(' gave FTS5's raw "parser stack overflow".
TEST_F(SearchTest, DeeplyNestedParenthesesAreRefusedBeforeFts5SeesThem) {
  add("a.txt", {{"R", "trust and faith"}});
  auto nested = [](std::size_t depth) {
    std::string q;
    // FTS5's worst case: every level holds operators of each precedence.
    for (std::size_t i = 0; i < depth; ++i) q += "a OR b AND c NOT d OR (";
    q += "trust";
    for (std::size_t i = 0; i < depth; ++i) q += ")";
    return q;
  };
  EXPECT_NO_THROW(project.search(nested(cmoc::store::kMaxSearchNesting)));
  EXPECT_EQ(errorOf(nested(cmoc::store::kMaxSearchNesting + 1)),
            "bad search query: the search has more than 20 nested parentheses (the one at "
            "character 483 is too many)");
  EXPECT_EQ(errorOf(std::string(5000, '(') + "trust" + std::string(5000, ')')),
            "bad search query: the search has more than 20 nested parentheses (the one at "
            "character 21 is too many)");
}

TEST(SearchQuery, QuotesEveryTermAndKeepsTheOperators) {
  using cmoc::store::toFtsQuery;
  EXPECT_EQ(toFtsQuery("Adebayo-Müller"), "\"Adebayo-Müller\"");
  EXPECT_EQ(toFtsQuery("don't  stop"), "\"don't\" \"stop\"");
  EXPECT_EQ(toFtsQuery("trust AND (faith OR hope) NOT money"),
            "\"trust\" AND ( \"faith\" OR \"hope\" ) NOT \"money\"");
  EXPECT_EQ(toFtsQuery("trust and or not"), "\"trust\" \"and\" \"or\" \"not\"");
  EXPECT_EQ(toFtsQuery("support* \"felt sup\"*"), "\"support\" * \"felt sup\" *");
  EXPECT_EQ(toFtsQuery("col:umn ^start +plus NEAR"), "\"col:umn\" \"^start\" \"+plus\" \"NEAR\"");
  EXPECT_EQ(toFtsQuery("a*b"), "\"a*b\"");
}
