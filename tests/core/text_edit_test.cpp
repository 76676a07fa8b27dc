// editText: fixing a transcription error re-anchors codings and turns, keeps search right, and
// undoes whole.
#include "cmoc/text_edit.h"

#include <gtest/gtest.h>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "sql_peek.h"
#include "src/backend/sqlite/project_impl.h"  // white-box: the index check
#include "test_support.h"

using namespace cmoc;

namespace {

const std::string kText =
    "Interviewer: Why?\n\nR: Becuase trust grew after quick wins. 👍🏽 Zoë agreed.";

// Code point offset of the first `what` in kText (or in `text`).
std::int64_t at(const std::string& what, const std::string& text = kText) {
  const std::size_t byte = text.find(what);
  EXPECT_NE(byte, std::string::npos) << what;
  return text::codePointCount(std::string_view(text).substr(0, byte));
}
std::int64_t endOf(const std::string& what, const std::string& text = kText) {
  return at(what, text) + text::codePointCount(what);
}

struct Fixture {
  test::TempDir dir;
  Project project = Project::create(dir / "e.cmoc");
  Coding coding{project};
  CodingRecord trust, quickWins, around, wholeTurn, zoe;
  Fixture() {
    project.setCoder("ana");
    Transcript t{"a.txt", "text", kText, {}};
    t.turns = {{"Interviewer", at("Why?"), endOf("Why?"), {}, {}},
               {"R", at("Becuase"), text::codePointCount(kText), {}, {}}};
    project.addTranscript(t);
    Codebook book(project);
    for (const char* c : {"Trust", "Quick wins", "Speaker", "Person"}) book.add({.name = c});
    trust = coding.apply("a.txt", "Trust", at("trust"), endOf("trust"));
    quickWins = coding.apply("a.txt", "Quick wins", at("quick wins"), endOf("quick wins"));
    around = coding.apply("a.txt", "Trust", at("Becuase"), endOf("grew"));
    wholeTurn = coding.apply("a.txt", "Speaker", at("Becuase"), text::codePointCount(kText));
    zoe = coding.apply("a.txt", "Person", at("Zoë"), endOf("Zoë"));
  }
  std::string text() { return project.sourceText(project.source("a.txt").id); }
  // The text each coding now covers, in the fixture's order; "-" when it is gone.
  std::vector<std::string> codedTexts() {
    std::vector<std::string> out;
    const std::string t = text();
    for (const CodingRecord* r : {&trust, &quickWins, &around, &wholeTurn, &zoe}) {
      try {
        const CodingRecord now = coding.get(r->id);
        out.emplace_back(text::sliceCodePoints(t, now.start, now.end));
      } catch (const NotFound&) {
        out.emplace_back("-");
      }
    }
    return out;
  }
  std::string turnText(std::size_t i) {
    const TurnView turn = project.turns(project.source("a.txt").id).at(i);
    return std::string(text::sliceCodePoints(text(), turn.start, turn.end));
  }
  std::size_t hits(const std::string& query) { return project.search(query).size(); }
};

using Strings = std::vector<std::string>;
const Strings kBefore{"trust", "quick wins", "Becuase trust grew",
                      "Becuase trust grew after quick wins. 👍🏽 Zoë agreed.", "Zoë"};

std::string failure(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST(TextEdit, FixingAWordMovesEveryCodingWithItsText) {
  Fixture f;
  ASSERT_EQ(f.codedTexts(), kBefore);
  const TextEditResult r = editText(f.project, "a.txt", at("Becuase"), endOf("Becuase"), "Because, I think,");
  EXPECT_EQ(r.oldText, "Becuase");
  EXPECT_EQ(f.codedTexts(), (Strings{"trust", "quick wins", "Because, I think, trust grew",
                                     "Because, I think, trust grew after quick wins. 👍🏽 Zoë agreed.",
                                     "Zoë"}));
  ASSERT_EQ(r.codings.size(), 5u);  // in position order: around, wholeTurn, trust, quickWins, zoe
  EXPECT_EQ(r.codings[0].change, MovedCoding::Change::Resized);
  EXPECT_EQ(r.codings[1].change, MovedCoding::Change::Resized);
  EXPECT_EQ(r.codings[2].change, MovedCoding::Change::Shifted);
  EXPECT_EQ(r.unchangedCodings, 0);
}

TEST(TextEdit, AnEditAfterACodingLeavesItAndOneBeforeShiftsIt) {
  Fixture f;
  const TextEditResult r = editText(f.project, "a.txt", at("after"), endOf("after"), "following");
  EXPECT_EQ(f.codedTexts(), (Strings{"trust", "quick wins", "Becuase trust grew",
                                     "Becuase trust grew following quick wins. 👍🏽 Zoë agreed.", "Zoë"}));
  EXPECT_EQ(r.unchangedCodings, 2);  // trust and around end before the edit
}

TEST(TextEdit, DeletingACodedSpanRemovesTheCodingAndAuditsIt) {
  Fixture f;
  const TextEditResult r = editText(f.project, "a.txt", at(" after quick wins"), endOf("quick wins"), "");
  EXPECT_EQ(f.codedTexts(), (Strings{"trust", "-", "Becuase trust grew",
                                     "Becuase trust grew. 👍🏽 Zoë agreed.", "Zoë"}));
  bool removed = false;
  for (const MovedCoding& m : r.codings) removed |= m.change == MovedCoding::Change::Removed && m.before.id == f.quickWins.id;
  EXPECT_TRUE(removed);
  bool audited = false;
  for (const AuditEntry& e : f.project.auditLog())
    if (e.action == "delete-coding" && e.entityGuid == f.quickWins.guid) {
      audited = true;
      EXPECT_NE(e.detail.find("\"reason\":\"text edited\""), std::string::npos) << e.detail;
    }
  EXPECT_TRUE(audited);
  EXPECT_EQ(f.project.auditLog()[0].action, "edit-text");
}

TEST(TextEdit, ReplacingExactlyACodedWordKeepsItsCodingOnTheNewWord) {
  Fixture f;
  editText(f.project, "a.txt", at("trust"), endOf("trust"), "faith");
  EXPECT_EQ(f.codedTexts()[0], "faith");
  EXPECT_EQ(f.codedTexts()[2], "Becuase faith grew");
}

TEST(TextEdit, AnEditOverlappingACodingClipsItToTheSurvivingText) {
  Fixture f;
  // Overlaps the start of "quick wins" and the end of "Becuase trust grew".
  editText(f.project, "a.txt", at("grew after quick"), endOf("grew after quick"), "rose after fast");
  EXPECT_EQ(f.codedTexts(), (Strings{"trust", " wins", "Becuase trust ",
                                     "Becuase trust rose after fast wins. 👍🏽 Zoë agreed.", "Zoë"}));
}

TEST(TextEdit, TextInsertedAtACodingsStartOrEndStaysOutsideIt) {
  Fixture f;
  editText(f.project, "a.txt", at("trust"), at("trust"), "real ");
  EXPECT_EQ(f.codedTexts()[0], "trust");
  EXPECT_EQ(f.codedTexts()[2], "Becuase real trust grew");
  editText(f.project, "a.txt", endOf("trust", f.text()), endOf("trust", f.text()), "ing");
  EXPECT_EQ(f.codedTexts()[0], "trust");
  EXPECT_EQ(f.codedTexts()[2], "Becuase real trusting grew");
}

TEST(TextEdit, EmojiAndAccentsAroundTheEditKeepPositionsRight) {
  Fixture f;
  editText(f.project, "a.txt", at("👍🏽"), endOf("👍🏽"), "🙂");
  EXPECT_EQ(f.codedTexts()[4], "Zoë");
  editText(f.project, "a.txt", at("Zoë", f.text()), at("Zoë", f.text()), "Ça va, ");
  EXPECT_EQ(f.codedTexts()[4], "Zoë");
  EXPECT_EQ(f.codedTexts()[3], "Becuase trust grew after quick wins. 🙂 Ça va, Zoë agreed.");
}

TEST(TextEdit, TurnsFollowTheTextAndTakeWordsTypedAtTheirEnd) {
  Fixture f;
  editText(f.project, "a.txt", at("Why?"), endOf("Why?"), "Why so?");
  EXPECT_EQ(f.turnText(0), "Why so?");
  EXPECT_EQ(f.turnText(1), "Becuase trust grew after quick wins. 👍🏽 Zoë agreed.");
  const std::int64_t end = text::codePointCount(f.text());
  editText(f.project, "a.txt", end, end, " Definitely.");
  EXPECT_EQ(f.turnText(1), "Becuase trust grew after quick wins. 👍🏽 Zoë agreed. Definitely.");
  EXPECT_EQ(f.hits("definitely"), 1u);
  // The whole-turn coding does not grow: text typed at a coding's end stays outside it.
  EXPECT_EQ(f.codedTexts()[3], "Becuase trust grew after quick wins. 👍🏽 Zoë agreed.");
}

TEST(TextEdit, ATurnWhoseTextIsAllReplacedBecomesEmpty) {
  Fixture f;
  editText(f.project, "a.txt", at("Why?") - 1, at("Becuase"), "");
  EXPECT_EQ(f.turnText(0), "");
  EXPECT_EQ(f.turnText(1), "Becuase trust grew after quick wins. 👍🏽 Zoë agreed.");
  EXPECT_EQ(f.text().substr(0, 20), "Interviewer:Becuase ");
}

TEST(TextEdit, TheSourceLengthHashAndSearchIndexFollow) {
  Fixture f;
  const SourceSummary before = f.project.source("a.txt");
  editText(f.project, "a.txt", at("Becuase"), endOf("Becuase"), "Because");
  editText(f.project, "a.txt", at("quick"), endOf("quick"), "speedy");
  EXPECT_EQ(f.project.source("a.txt").chars, before.chars + 1);
  EXPECT_EQ(f.hits("because"), 1u);
  EXPECT_EQ(f.hits("becuase"), 0u);
  EXPECT_EQ(f.hits("speedy"), 1u);
  EXPECT_EQ(f.hits("quick"), 0u);
  // The old text can be imported again: the hash is of the new text.
  Transcript again{"a-original.txt", "text", kText, {}};
  EXPECT_FALSE(f.project.addTranscript(again).duplicate);
}

TEST(TextEdit, NewTextIsStoredAsNfcWithLfLineEnds) {
  Fixture f;
  const TextEditResult r = editText(f.project, "a.txt", at("agreed"), endOf("agreed"), "Cafe\xCC\x81\r\nnext");
  EXPECT_EQ(r.newText, "Café\nnext");
  EXPECT_NE(f.text().find("Zoë Café\nnext."), std::string::npos);
}

TEST(TextEdit, UndoRestoresTextCodingsTurnsAndSearch) {
  Fixture f;
  editText(f.project, "a.txt", at("Becuase"), endOf("quick wins"), "So");
  EXPECT_EQ(f.codedTexts(), (Strings{"-", "-", "-", "So. 👍🏽 Zoë agreed.", "Zoë"}));
  EXPECT_EQ(f.hits("becuase"), 0u);
  EXPECT_EQ(f.project.undo(), "edit text of a.txt");
  EXPECT_EQ(f.text(), kText);
  EXPECT_EQ(f.codedTexts(), kBefore);
  EXPECT_EQ(f.coding.get(f.trust.id).guid, f.trust.guid);
  EXPECT_EQ(f.turnText(1), "Becuase trust grew after quick wins. 👍🏽 Zoë agreed.");
  EXPECT_EQ(f.hits("becuase"), 1u);
  EXPECT_EQ(f.hits("so"), 0u);
  EXPECT_EQ(f.project.source("a.txt").chars, text::codePointCount(kText));
  EXPECT_EQ(f.project.redo(), "edit text of a.txt");
  EXPECT_EQ(f.hits("becuase"), 0u);
  EXPECT_EQ(f.codedTexts()[3], "So. 👍🏽 Zoë agreed.");
}

TEST(TextEdit, MisuseIsRefusedWithAClearMessageAndChangesNothing) {
  Fixture f;
  const std::int64_t length = text::codePointCount(kText);
  const std::string n = std::to_string(length);
  EXPECT_EQ(failure([&] { editText(f.project, "a.txt", 0, 999, "x"); }),
            "range [0, 999) lies outside a.txt (0 to " + n + ")");
  EXPECT_EQ(failure([&] { editText(f.project, "a.txt", -1, 2, "x"); }),
            "range [-1, 2) lies outside a.txt (0 to " + n + ")");
  EXPECT_EQ(failure([&] { editText(f.project, "a.txt", 5, 3, "x"); }),
            "range [5, 3) is inverted: its end is before its start");
  EXPECT_EQ(failure([&] { editText(f.project, "b.txt", 0, 1, "x"); }), "no source named 'b.txt'");
  const std::int64_t skinTone = at("👍🏽") + 1;  // between the thumb and its modifier
  EXPECT_EQ(failure([&] { editText(f.project, "a.txt", skinTone, skinTone + 1, ""); }),
            "position " + std::to_string(skinTone) +
                " is inside a character (a letter with its accent, or an emoji with its modifiers): use " +
                std::to_string(skinTone - 1) + " or " + std::to_string(skinTone + 1));
  EXPECT_EQ(failure([&] { editText(f.project, "a.txt", 0, 1, "\xFF"); }),
            "the new text is not valid UTF-8 (byte 0)");
  EXPECT_EQ(failure([&] { editText(f.project, "a.txt", at("trust"), endOf("trust"), "trust"); }),
            "nothing to change: [" + std::to_string(at("trust")) + ", " + std::to_string(endOf("trust")) +
                ") of a.txt already reads 'trust'");
  EXPECT_EQ(failure([&] { editText(f.project, "a.txt", 3, 3, ""); }),
            "nothing to change: [3, 3) of a.txt is empty and so is the new text");
  // A combining accent typed after "e" would fuse with it into é.
  EXPECT_EQ(failure([&] { editText(f.project, "a.txt", endOf("agre"), endOf("agre"), "\xCC\x81"); }),
            "the new text would fuse with the character before or after [" + std::to_string(endOf("agre")) +
                ", " + std::to_string(endOf("agre")) + ") into one character; include that character in the range");
  EXPECT_EQ(f.text(), kText);
  EXPECT_EQ(f.codedTexts(), kBefore);
  EXPECT_EQ(f.project.history()[0].label, "apply code Person");
}

TEST(TextEdit, AnEditThatWouldDuplicateAnotherSourceIsRefused) {
  Fixture f;
  f.project.addTranscript({"b.txt", "text", "R: one", {{"R", 3, 6, {}, {}}}});
  f.project.addTranscript({"c.txt", "text", "R: two", {{"R", 3, 6, {}, {}}}});
  EXPECT_EQ(failure([&] { editText(f.project, "c.txt", 3, 6, "one"); }),
            "after this edit c.txt would be identical to b.txt");
}

TEST(TextEdit, HistoryKeepsOnlyTheReplacedBytesNotTheWholeText) {
  test::TempDir dir;
  Project project = Project::create(dir / "big.cmoc");
  project.setCoder("ana");
  std::string text = "R: Becuase it worked.\n\n";
  const std::int64_t padStart = text::codePointCount(text);
  text += std::string(500'000, 'x');
  Transcript t{"big.txt", "text", text, {}};
  t.turns = {{"R", 3, padStart - 2, {}, {}}, {"I", padStart, text::codePointCount(text), {}, {}}};
  project.addTranscript(t);
  editText(project, "big.txt", 3, 10, "Because");
  // SQLite's session would hold the 500 KB text twice; the edit's own record holds 14 bytes.
  EXPECT_LT(std::stoll(test::sqlValue(dir / "big.cmoc",
                                      "SELECT length(changeset) FROM history ORDER BY id DESC")),
            10'000);
  EXPECT_EQ(test::sqlValue(dir / "big.cmoc",
                           "SELECT byte_start || ' ' || old_text || ' ' || new_text FROM "
                           "history_text"),
            "3 Becuase Because");
  project.undo();
  EXPECT_EQ(project.sourceText(project.source("big.txt").id), text);
  project.redo();
  EXPECT_EQ(project.sourceText(project.source("big.txt").id).substr(0, 10), "R: Because");
}

TEST(TextEdit, TheSearchIndexMatchesTheTextAfterEditsAtTurnEdgesUndoAndRedo) {
  Fixture f;
  // FTS5 compares its index with the turns' text and fails on any difference (white-box: it
  // needs the project's connection, which has the tokenizer).
  const auto indexIsConsistent = [&f] {
    f.project.impl().db.exec("INSERT INTO turn_fts(turn_fts, rank) VALUES ('integrity-check', 1)");
  };
  editText(f.project, "a.txt", endOf("Why?"), endOf("Why?"), " Really");  // at a turn's end
  indexIsConsistent();
  editText(f.project, "a.txt", at("Becuase"), at("Becuase"), "Well, ");  // at a turn's start
  indexIsConsistent();
  editText(f.project, "a.txt", at("Why?"), endOf("Becuase", f.text()), "All of it");
  indexIsConsistent();
  EXPECT_EQ(f.hits("really"), 0u);
  for (int i = 0; i < 3; ++i) {
    f.project.undo();
    indexIsConsistent();
  }
  EXPECT_EQ(f.text(), kText);
  EXPECT_EQ(f.hits("becuase"), 1u);
  for (int i = 0; i < 3; ++i) {
    f.project.redo();
    indexIsConsistent();
  }
  EXPECT_EQ(f.hits("becuase"), 0u);
  EXPECT_EQ(f.hits("grew"), 1u);
}

TEST(TextEdit, AnUndoIsRefusedWhenAnotherCoderChangedTheTextSince) {
  Fixture f;
  editText(f.project, "a.txt", at("Becuase"), endOf("Becuase"), "Because");
  f.project.setCoder("ben");
  editText(f.project, "a.txt", at("Because", f.text()), endOf("Because", f.text()), "As");
  const std::string after = f.text();
  f.project.setCoder("ana");
  EXPECT_EQ(failure([&f] { f.project.undo(); }),
            "cannot undo 'edit text of a.txt': the data it changed has been changed since");
  EXPECT_EQ(f.text(), after);
}
