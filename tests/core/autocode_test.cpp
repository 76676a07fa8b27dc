// Auto-coding: matching rules, scopes, filters, the dry run, the real run as one undoable
// Action, and review (accept, reject).
#include "cmoc/autocode.h"

#include <gtest/gtest.h>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/progress.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "test_support.h"
#include "transcript_builder.h"

using namespace cmoc;

namespace {

// Blank lines between the turns and nothing after the last.
Transcript transcript(const std::string& name, const test::Said& turns) {
  return test::TranscriptBuilder(name).ending("").turns(turns).build();
}

struct Fixture {
  test::TempDir dir;
  Project project = Project::create(dir / "a.cmoc");
  Autocoder autocoder{project};
  Fixture() {
    project.setCoder("ana");
    ParticipantSheet sheet{"participants.csv", {{"", "19", "R", false, {{"role", "director"}}, 2}}};
    project.addTranscript(
        transcript(
            "one.txt",
            {{"Interviewer", "How did trust develop?"},
             {"R",
              "Honestly, trust came late. We trusted the café first, then TRUST grew, "
              "trust everywhere. Trustworthy people matter.\nThe Straße team 👍🏽 helped."},
             {"Interviewer", "And quick wins?"},
             {"R", "Quick\n  wins built trust. Zoë said don’t rush."}}),
        &sheet);
    project.addTranscript(transcript("two.txt", {{"R", "Trust, again. Quick wins too."}}), &sheet);
    Codebook book(project);
    book.add({.name = "Trust", .kind = CodeKind::Mechanism});
    book.add({.name = "Quick wins", .kind = CodeKind::Context});
  }
  std::string textOf(const std::string& source, std::int64_t start, std::int64_t end) {
    const std::string t = project.sourceText(project.source(source).id);
    return std::string(text::sliceCodePoints(t, start, end));
  }
  std::vector<std::string> matched(const AutocodeSpec& spec) {
    std::vector<std::string> out;
    for (const AutocodeHit& h : autocoder.preview(spec)) {
      EXPECT_EQ(textOf(h.sourceName, h.start, h.end), h.text);
      out.push_back(h.sourceName + ":" + h.text);
    }
    return out;
  }
  std::vector<std::string> coded(const std::string& coder = kAutoCoder) {
    std::vector<std::string> out;
    for (const CodingRecord& c : Coding(project).list({.coders = {coder}}))
      out.push_back(c.sourceName + ":" + textOf(c.sourceName, c.start, c.end));
    return out;
  }
};

using Strings = std::vector<std::string>;

AutocodeSpec word(const std::string& w, AutocodeScope scope = AutocodeScope::Match) {
  return {.code = "Trust", .kind = PatternKind::Word, .pattern = w, .scope = scope};
}

}  // namespace

TEST(Autocode, AWordMatchesWholeWordsInAnyCase) {
  Fixture f;
  EXPECT_EQ(f.matched(word("trust")), (Strings{"one.txt:trust", "one.txt:trust", "one.txt:TRUST",
                                               "one.txt:trust", "one.txt:trust", "two.txt:Trust"}));
}

TEST(Autocode, AWordIgnoresAccentsEitherWay) {
  Fixture f;
  EXPECT_EQ(f.matched(word("cafe")), (Strings{"one.txt:café"}));
  EXPECT_EQ(f.matched(word("CAFÉ")), (Strings{"one.txt:café"}));
  EXPECT_EQ(f.matched(word("zoe")), (Strings{"one.txt:Zoë"}));
}

TEST(Autocode, FoldingThatChangesLengthDoesNotShiftPositions) {
  Fixture f;
  // ß folds to ss, and an emoji with a skin tone (two code points) follows.
  EXPECT_EQ(f.matched(word("strasse")), (Strings{"one.txt:Straße"}));
  EXPECT_EQ(f.matched(word("team")), (Strings{"one.txt:team"}));
  EXPECT_EQ(f.matched(word("helped")), (Strings{"one.txt:helped"}));
}

TEST(Autocode, AWordMayHoldAnApostropheOfEitherKind) {
  Fixture f;
  EXPECT_EQ(f.matched(word("don't")), (Strings{"one.txt:don’t"}));
  EXPECT_EQ(f.matched(word("don’t")), (Strings{"one.txt:don’t"}));
}

TEST(Autocode, APhraseMatchesAcrossAnyWhiteSpace) {
  Fixture f;
  const AutocodeSpec spec{
      .code = "Quick wins", .kind = PatternKind::Phrase, .pattern = "quick   wins"};
  EXPECT_EQ(f.matched(spec),
            (Strings{"one.txt:quick wins", "one.txt:Quick\n  wins", "two.txt:Quick wins"}));
}

TEST(Autocode, APhraseNeedsItsWordsInOrderAndAdjacent) {
  Fixture f;
  const AutocodeSpec spec{.code = "Trust", .kind = PatternKind::Phrase, .pattern = "trust came"};
  EXPECT_EQ(f.matched(spec), (Strings{"one.txt:trust came"}));
  const AutocodeSpec none{.code = "Trust", .kind = PatternKind::Phrase, .pattern = "came trust"};
  EXPECT_TRUE(f.matched(none).empty());
}

TEST(Autocode, ARegexIsCaseAndAccentInsensitive) {
  Fixture f;
  const AutocodeSpec spec{
      .code = "Trust", .kind = PatternKind::Regex, .pattern = "trust(ed|worthy)"};
  EXPECT_EQ(f.matched(spec), (Strings{"one.txt:trusted", "one.txt:Trustworthy"}));
  const AutocodeSpec accents{
      .code = "Trust", .kind = PatternKind::Regex, .pattern = "caf[eé] \\w+|zo[eë]"};
  EXPECT_EQ(f.matched(accents), (Strings{"one.txt:café first", "one.txt:Zoë"}));
}

TEST(Autocode, ARegexAnchorsAtLineEnds) {
  Fixture f;
  const AutocodeSpec spec{.code = "Trust", .kind = PatternKind::Regex, .pattern = "^\\w+"};
  // "  wins" starts its line with spaces.
  EXPECT_EQ(f.matched(spec), (Strings{"one.txt:How", "one.txt:Honestly", "one.txt:The",
                                      "one.txt:And", "one.txt:Quick", "two.txt:Trust"}));
}

TEST(Autocode, AnInvalidRegexGivesIcusError) {
  Fixture f;
  const AutocodeSpec spec{.code = "Trust", .kind = PatternKind::Regex, .pattern = "(trust"};
  try {
    f.autocoder.preview(spec);
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(),
                 "invalid regular expression '(trust': U_REGEX_MISMATCHED_PAREN at character 6");
  }
}

TEST(Autocode, SentenceScopeCodesEachSentenceOnce) {
  Fixture f;
  const auto hits = f.autocoder.preview(word("trust", AutocodeScope::Sentence));
  ASSERT_EQ(hits.size(), 6u);
  // The two hits in "We trusted the café first, then TRUST grew, trust everywhere." share it.
  EXPECT_EQ(hits[2].codedStart, hits[3].codedStart);
  EXPECT_EQ(hits[2].codedEnd, hits[3].codedEnd);
  const AutocodeResult r = f.autocoder.run(word("trust", AutocodeScope::Sentence));
  EXPECT_EQ(r.hits, 6);
  EXPECT_EQ(r.coded, 5);
  EXPECT_EQ(r.sources, 2);
  EXPECT_EQ(f.coded(),
            (Strings{"one.txt:How did trust develop?", "one.txt:Honestly, trust came late.",
                     "one.txt:We trusted the café first, then TRUST grew, trust everywhere.",
                     "one.txt:wins built trust.", "two.txt:Trust, again."}));
}

TEST(Autocode, APreviewKeepsTheFirstHitsInOrderAndCountsThemAll) {
  Fixture f;
  const auto spec = word("trust", AutocodeScope::Sentence);
  const auto all = f.autocoder.preview(spec);
  for (std::size_t limit : {0u, 1u, 3u, 6u, 50u}) {
    const AutocodePreview p = f.autocoder.preview(spec, limit);
    EXPECT_EQ(p.totalHits, 6);
    EXPECT_EQ(p.sources, 2);
    EXPECT_EQ(p.excerpts, 5);
    ASSERT_EQ(p.hits.size(), std::min<std::size_t>(limit, all.size()));
    for (std::size_t i = 0; i < p.hits.size(); ++i) {
      EXPECT_EQ(p.hits[i].sourceName, all[i].sourceName);
      EXPECT_EQ(p.hits[i].start, all[i].start);
      EXPECT_EQ(p.hits[i].before, all[i].before);
    }
  }
}

TEST(Autocode, ALineBreakEndsASentenceButAPhraseSpanningItCodesBoth) {
  // ICU ends a sentence at a line break; a phrase across one widens to both sentences.
  Fixture f;
  f.autocoder.run({.code = "Quick wins",
                   .kind = PatternKind::Phrase,
                   .pattern = "quick wins",
                   .scope = AutocodeScope::Sentence,
                   .sources = {"one.txt"}});
  EXPECT_EQ(f.coded(), (Strings{"one.txt:And quick wins?", "one.txt:Quick\n  wins built trust."}));
}

TEST(Autocode, ParagraphScopeCodesTheLineWithinTheTurn) {
  Fixture f;
  f.autocoder.run(word("team", AutocodeScope::Paragraph));
  EXPECT_EQ(f.coded(), (Strings{"one.txt:The Straße team 👍🏽 helped."}));
}

TEST(Autocode, TurnScopeCodesTheWholeTurnOnce) {
  Fixture f;
  const AutocodeResult r = f.autocoder.run(word("trust", AutocodeScope::Turn));
  EXPECT_EQ(r.hits, 6);
  EXPECT_EQ(r.coded, 4);
  EXPECT_EQ(f.coded(),
            (Strings{"one.txt:How did trust develop?",
                     "one.txt:Honestly, trust came late. We trusted the café first, then "
                     "TRUST grew, trust everywhere. Trustworthy people matter.\nThe "
                     "Straße team 👍🏽 helped.",
                     "one.txt:Quick\n  wins built trust. Zoë said don’t rush.",
                     "two.txt:Trust, again. Quick wins too."}));
}

TEST(Autocode, OnlyOneSpeakersTurnsByLabelOrParticipantCode) {
  Fixture f;
  AutocodeSpec spec = word("trust");
  spec.speaker = "Interviewer";
  EXPECT_EQ(f.matched(spec), (Strings{"one.txt:trust"}));
  spec.speaker = "19";
  EXPECT_EQ(f.matched(spec).size(), 5u);
  spec.speaker = "r";  // labels match in any case, as the participants sheet does
  EXPECT_EQ(f.matched(spec).size(), 5u);
}

TEST(Autocode, OnlyTheSourcesNamed) {
  Fixture f;
  AutocodeSpec spec = word("trust");
  spec.sources = {"two.txt"};
  EXPECT_EQ(f.matched(spec), (Strings{"two.txt:Trust"}));
}

TEST(Autocode, BySpeakerCodesEveryTurnOfThatSpeaker) {
  Fixture f;
  const AutocodeSpec spec{.code = "Trust", .kind = PatternKind::Speaker, .speaker = "Interviewer"};
  const AutocodeResult r = f.autocoder.run(spec);
  EXPECT_EQ(r.coded, 2);
  EXPECT_EQ(f.coded(), (Strings{"one.txt:How did trust develop?", "one.txt:And quick wins?"}));
}

TEST(Autocode, TheDryRunWritesNothing) {
  Fixture f;
  const auto hits = f.autocoder.preview(word("trust"));
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].before, "How did ");
  EXPECT_EQ(hits[0].after, " develop?");
  EXPECT_EQ(hits[0].speaker, "Interviewer");
  EXPECT_EQ(hits[1].participant, "19");
  EXPECT_TRUE(Coding(f.project).list().empty());
  EXPECT_TRUE(f.project.history().size() == 2u);  // the two codes added, nothing else
}

TEST(Autocode, ARunIsOneUndoableActionAsCoderAuto) {
  Fixture f;
  const AutocodeResult r = f.autocoder.run(word("trust"));
  EXPECT_EQ(r.coded, 6);
  const auto codings = Coding(f.project).list();
  ASSERT_EQ(codings.size(), 6u);
  for (const CodingRecord& c : codings) EXPECT_EQ(c.coder, "auto");
  EXPECT_EQ(f.project.history()[0].label, "auto-code Trust: word 'trust'");
  EXPECT_EQ(f.project.history()[0].coder, "ana");
  EXPECT_EQ(f.project.auditLog()[0].action, "autocode");
  EXPECT_EQ(f.project.undo(), "auto-code Trust: word 'trust'");
  EXPECT_TRUE(Coding(f.project).list().empty());
}

TEST(Autocode, RunningAgainAddsNoDuplicates) {
  Fixture f;
  f.autocoder.run(word("trust"));
  const AutocodeResult again = f.autocoder.run(word("trust"));
  EXPECT_EQ(again.hits, 6);
  EXPECT_EQ(again.coded, 0);
  EXPECT_EQ(again.alreadyCoded, 6);
  EXPECT_EQ(Coding(f.project).list().size(), 6u);
  EXPECT_EQ(f.project.history()[0].label, "auto-code Trust: word 'trust'");  // no empty entry
}

TEST(Autocode, NoHitsWritesNothing) {
  Fixture f;
  const AutocodeResult r = f.autocoder.run(word("zebra"));
  EXPECT_EQ(r.hits, 0);
  EXPECT_EQ(f.project.history().size(), 2u);
}

TEST(Autocode, AcceptReattributesToAPerson) {
  Fixture f;
  f.autocoder.run(word("trust"));
  f.autocoder.run({.code = "Quick wins", .kind = PatternKind::Phrase, .pattern = "quick wins"});
  const AutocodeReviewResult r = f.autocoder.accept("ben", {.codes = {"Quick wins"}});
  EXPECT_EQ(r.codings, 3);
  EXPECT_EQ(f.coded("ben").size(), 3u);
  EXPECT_EQ(f.coded().size(), 6u);  // the Trust codings still await review
  EXPECT_EQ(f.project.auditLog()[0].action, "accept-autocoding");
  EXPECT_EQ(f.project.undo(), "accept auto codings as ben");
  EXPECT_EQ(f.coded().size(), 9u);
}

TEST(Autocode, AcceptingWhatThePersonAlreadyCodedKeepsOneCoding) {
  Fixture f;
  const AutocodeResult r = f.autocoder.run(word("cafe"));
  ASSERT_EQ(r.coded, 1);
  const CodingRecord autoCoding = Coding(f.project).list()[0];
  f.project.setCoder("ben");
  Coding(f.project).apply("one.txt", "Trust", autoCoding.start, autoCoding.end);
  const AutocodeReviewResult accepted = f.autocoder.accept("ben");
  EXPECT_EQ(accepted.codings, 1);
  EXPECT_EQ(accepted.merged, 1);
  EXPECT_EQ(f.coded("ben"), (Strings{"one.txt:café"}));
}

TEST(Autocode, RejectDeletesAndAuditsEachCoding) {
  Fixture f;
  f.autocoder.run(word("trust"));
  const AutocodeReviewResult r = f.autocoder.reject({.sources = {"two.txt"}});
  EXPECT_EQ(r.codings, 1);
  EXPECT_EQ(f.coded().size(), 5u);
  const AuditEntry last = f.project.auditLog()[0];
  EXPECT_EQ(last.action, "delete-coding");
  EXPECT_NE(last.detail.find("\"reason\":\"auto-coding rejected\""), std::string::npos)
      << last.detail;
  EXPECT_EQ(f.autocoder.reject().codings, 5);
  EXPECT_EQ(f.autocoder.reject().codings, 0);
}

TEST(Autocode, MisuseIsRefusedWithAClearMessage) {
  Fixture f;
  auto message = [&](const AutocodeSpec& spec) {
    try {
      f.autocoder.preview(spec);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message(word("")), "the word to look for is empty");
  EXPECT_EQ(message(word("   ")), "the word to look for is empty");
  EXPECT_EQ(message({.code = "Trust", .kind = PatternKind::Phrase, .pattern = ""}),
            "the phrase to look for is empty");
  EXPECT_EQ(message({.code = "Trust", .kind = PatternKind::Regex, .pattern = ""}),
            "the regular expression is empty");
  EXPECT_EQ(message(word("quick wins")),
            "'quick wins' is more than one word: auto-code it as a phrase");
  EXPECT_EQ(message(word("?!")), "'?!' has no letters or digits to look for");
  AutocodeSpec spec = word("trust");
  spec.code = "Nope";
  EXPECT_EQ(message(spec), "no code named 'Nope'");
  spec = word("trust");
  spec.sources = {"three.txt"};
  EXPECT_EQ(message(spec), "no source named 'three.txt'");
  spec = word("trust");
  spec.speaker = "Bob";
  EXPECT_EQ(message(spec), "no speaker or participant named 'Bob'");
  EXPECT_EQ(message({.code = "Trust", .kind = PatternKind::Speaker}),
            "auto-coding by speaker needs the speaker: a label or a participant code");
  EXPECT_THROW(f.autocoder.run(word("")), UsageError);
  EXPECT_THROW(f.autocoder.accept("auto"), UsageError);
  EXPECT_THROW(f.autocoder.accept(""), UsageError);
  EXPECT_THROW(f.autocoder.reject({.codes = {"Nope"}}), NotFound);
  EXPECT_THROW(parseAutocodeScope("chapter"), UsageError);
}

TEST(Autocode, ChineseWordsAreFoundByDictionaryWordBreaks) {
  Fixture f;
  f.project.addTranscript(transcript("three.txt", {{"R", "我们之间的信任很重要。"}}));
  EXPECT_EQ(f.matched(word("信任")), (Strings{"three.txt:信任"}));
}

// Finding 7 of issue 21: a dry run with millions of hits ran on with no sign of life.
struct Steps final : Progress {
  std::vector<std::string> seen;
  void update(std::size_t done, std::size_t total, std::string_view label) override {
    seen.push_back(std::to_string(done) + "/" + std::to_string(total) + " " + std::string(label));
  }
};

TEST(Autocode, ADryRunAndARunReportEachSourceTheyReach) {
  Fixture f;
  Steps dry;
  EXPECT_EQ(f.autocoder.preview(word("trust"), 1000, &dry).totalHits, 6);
  EXPECT_EQ(dry.seen, (std::vector<std::string>{"0/2 one.txt", "1/2 two.txt", "2/2 "}));
  Steps run;
  f.autocoder.run(word("trust"), &run);
  EXPECT_EQ(run.seen, dry.seen);
}

TEST(Autocode, ProgressCountsOnlyTheSourcesNamed) {
  Fixture f;
  AutocodeSpec spec = word("wins");
  spec.sources = {"two.txt"};
  Steps steps;
  f.autocoder.preview(spec, 1000, &steps);
  EXPECT_EQ(steps.seen, (std::vector<std::string>{"0/1 two.txt", "1/1 "}));
}
