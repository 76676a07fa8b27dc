// Turns' UTF-8 byte ranges (schema 004): every writer of turns or text keeps them true, the
// migration fills them for older projects, and excerpts and keyword-in-context read the same
// text through them as through the whole text.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/importers/refi_qda.h"
#include "cmoc/merge.h"
#include "cmoc/project.h"
#include "cmoc/refi.h"
#include "cmoc/refi_export.h"
#include "cmoc/text.h"
#include "cmoc/text_edit.h"
#include "sql_peek.h"
#include "test_support.h"
#include "transcript_builder.h"

using namespace cmoc;

namespace {

// Turns whose byte range does not hold exactly the turn's code points (or is unknown).
const char* kWrongTurns = R"(
  SELECT count(*) FROM turns t JOIN source_text s ON s.source_id = t.source_id
  WHERE t.start_byte IS NULL OR t.end_byte IS NULL
     OR CAST(substr(CAST(s.text AS BLOB), t.start_byte + 1, t.end_byte - t.start_byte) AS TEXT)
        IS NOT substr(s.text, t.start + 1, t.end - t.start))";

// Two speakers' turns with letters of one, two, three and four bytes before, in and after them.
Transcript interview(const std::string& name) {
  return test::TranscriptBuilder(name)
      .between("\n")
      .turns({{"P", "Grüße aus Köln, café society."},
              {"P", "東京 was a 😀 day; we met Müller."},
              {"P", "Plain ASCII at the end of " + name + "."}})
      .build();
}

struct Study {
  test::TempDir dir;
  std::filesystem::path file = dir / "study.cmoc";
  Study() {
    Project p = Project::create(file);
    p.setCoder("AJ");
    p.addTranscript(interview("one.txt"));
    p.addTranscript(interview("two.txt"));
    Codebook(p).add({.name = "Trust"});
    // "Müller" in the second turn, and a span across the second and third turns.
    const std::int64_t secondTurn = 3 + 29 + 1 + 3;
    Coding(p).apply("one.txt", "Trust", secondTurn + 23, secondTurn + 29);
    Coding(p).apply("two.txt", "Trust", secondTurn + 5, secondTurn + 40);
    // From a speaker label, outside any turn, into the turn.
    Coding(p).apply("two.txt", "Trust", secondTurn - 3, secondTurn + 2);
  }
  std::vector<Excerpt> excerpts() {
    Project p = Project::open(file);
    return Coding(p).excerpts({}, 12);
  }
  std::vector<SearchHit> search(const std::string& q) {
    Project p = Project::open(file);
    return p.search(q);
  }
};

std::string describe(const std::vector<Excerpt>& xs) {
  std::string out;
  for (const Excerpt& x : xs)
    out += x.before + "[" + x.text + "]" + x.after + " / " + x.speaker + "\n";
  return out;
}

std::string describe(const std::vector<SearchHit>& hs) {
  std::string out;
  for (const SearchHit& h : hs)
    out += h.before + "[" + h.match + "]" + h.after + " @" + std::to_string(h.start) + "\n";
  return out;
}

TEST(TurnBytes, ImportSetsThemAndQuotesReadTheSameTextAsTheWholeTextDoes) {
  Study s;
  EXPECT_EQ(test::sqlValue(s.file, kWrongTurns), "0");
  const std::string viaBytes = describe(s.excerpts());
  EXPECT_NE(viaBytes.find("[Müller]"), std::string::npos) << viaBytes;
  EXPECT_NE(viaBytes.find("[P: 東京] was a 😀 / \n"), std::string::npos) << viaBytes;
  const std::string hitsViaBytes = describe(s.search("müller OR café"));
  EXPECT_NE(hitsViaBytes.find("[Müller]"), std::string::npos) << hitsViaBytes;
  // Unknown byte ranges (a project not yet migrated) fall back to the whole text.
  test::sqlExec(s.file, "UPDATE turns SET start_byte = NULL, end_byte = NULL");
  EXPECT_EQ(describe(s.excerpts()), viaBytes);
  EXPECT_EQ(describe(s.search("müller OR café")), hitsViaBytes);
}

TEST(TurnBytes, AnEditRecomputesThemAndUndoRestoresThem) {
  Study s;
  const std::string before = describe(s.excerpts());
  {
    Project p = Project::open(s.file);
    p.setCoder("AJ");
    editText(p, "one.txt", 3, 8, "Liebe Grüße 東京😀");  // longer in bytes than in code points
  }
  EXPECT_EQ(test::sqlValue(s.file, kWrongTurns), "0");
  const std::string edited = describe(s.excerpts());
  EXPECT_NE(edited.find("[Müller]"), std::string::npos) << edited;
  {
    Project p = Project::open(s.file);
    p.setCoder("AJ");
    ASSERT_EQ(p.undo(), "edit text of one.txt");
  }
  EXPECT_EQ(test::sqlValue(s.file, kWrongTurns), "0");
  EXPECT_EQ(describe(s.excerpts()), before);
}

TEST(TurnBytes, MergeCarriesThem) {
  Study mine;
  test::TempDir dir;
  const auto other = dir / "other.cmoc";
  {
    Project p = Project::create(other);
    p.setCoder("RB");
    p.addTranscript(interview("three.txt"));
  }
  {
    Project p = Project::open(mine.file);
    p.setCoder("AJ");
    mergeProject(p, other);
  }
  EXPECT_EQ(test::sqlValue(mine.file, "SELECT count(*) FROM turns"), "9");
  EXPECT_EQ(test::sqlValue(mine.file, kWrongTurns), "0");
}

TEST(TurnBytes, ARefiQdaImportSetsThem) {
  Study s;
  {
    Project p = Project::open(s.file);
    refi::exportQdpx(p, s.dir / "study.qdpx");
  }
  importers::RefiImport in = importers::loadRefi(s.dir / "study.qdpx");
  const auto copy = s.dir / "copy.cmoc";
  {
    Project p = Project::create(copy);
    refi::apply(p, in.exchange, in.report);
  }
  // The importer reads turns from the plain text, where one speaker's lines make one turn.
  EXPECT_EQ(test::sqlValue(copy, "SELECT count(*) FROM turns"), "2");
  EXPECT_EQ(test::sqlValue(copy, kWrongTurns), "0");
}

TEST(TurnBytes, TheMigrationFillsThemForAnOlderProject) {
  Study s;
  const std::string before = describe(s.excerpts());
  // As schema 3 left it: no byte columns, no position index, no text-edit history (schema 5),
  // no theory versions (schema 6), no pages (schema 7), no study library (schema 8). end_byte
  // goes first: start_byte is in its CHECK.
  test::sqlExec(s.file,
                "DROP TABLE history_text; DROP INDEX turns_source_start; "
                "ALTER TABLE turns DROP COLUMN end_byte; "
                "ALTER TABLE turns DROP COLUMN start_byte; "
                "DROP TABLE theory_links; DROP TABLE theory_cmocs; DROP TABLE theory_versions; "
                "DROP TABLE history_replay; DROP TABLE pages; DROP TABLE study_sources; "
                "DROP TABLE study_attributes; DROP TABLE study_authors; DROP TABLE studies; "
                "PRAGMA user_version = 3");
  { Project p = Project::open(s.file); }
  EXPECT_EQ(test::sqlValue(s.file, "PRAGMA user_version"),
            std::to_string(Project::schemaVersion()));
  EXPECT_EQ(test::sqlValue(s.file, kWrongTurns), "0");
  EXPECT_EQ(describe(s.excerpts()), before);
}

}  // namespace
