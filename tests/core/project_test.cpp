#include "cmoc/project.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "cmoc/error.h"
#include "test_support.h"
#include "transcript_builder.h"

using namespace cmoc;
using cmoc::test::TempDir;

namespace {

Transcript sampleTranscript(const std::string& name = "a.txt") {
  return test::TranscriptBuilder(name)
      .between("\n")
      .ending("")
      .turn("Interviewer", "How did it start?")
      .turn("Zoë", "With trust, really.", 1000, 5000)
      .build();
}

void execSql(const std::filesystem::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

std::string messageOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST(Project, CreateThenOpenGivesAnEmptyProject) {
  TempDir dir;
  { Project::create(dir / "s.cmoc"); }
  Project p = Project::open(dir / "s.cmoc");
  EXPECT_TRUE(p.sources().empty());
}

TEST(Project, CreateRefusesToOverwriteAnExistingFile) {
  TempDir dir;
  cmoc::test::writeFile(dir / "s.cmoc", "precious");
  EXPECT_EQ(messageOf([&] { Project::create(dir / "s.cmoc"); }),
            (dir / "s.cmoc").string() + ": already exists; not overwriting it");
  EXPECT_EQ(cmoc::test::readFile(dir / "s.cmoc"), "precious");
}

TEST(Project, OpenRefusesAFileThatIsNotAProjectAndLeavesItUntouched) {
  TempDir dir;
  cmoc::test::writeFile(dir / "notes.cmoc", "just some notes\n");
  EXPECT_EQ(messageOf([&] { Project::open(dir / "notes.cmoc"); }),
            (dir / "notes.cmoc").string() + ": not a CMOC Workbench project");
  EXPECT_EQ(cmoc::test::readFile(dir / "notes.cmoc"), "just some notes\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "notes.cmoc-wal"));
}

TEST(Project, OpenRefusesAnotherApplicationsSqliteDatabase) {
  TempDir dir;
  execSql(dir / "other.db", "CREATE TABLE t(x)");
  EXPECT_EQ(messageOf([&] { Project::open(dir / "other.db"); }),
            (dir / "other.db").string() + ": not a CMOC Workbench project");
}

TEST(Project, OpenRefusesAMissingFile) {
  TempDir dir;
  EXPECT_EQ(messageOf([&] { Project::open(dir / "nope.cmoc"); }),
            (dir / "nope.cmoc").string() + ": no such project file");
}

TEST(Project, OpenRefusesANewerSchemaWithoutModifyingTheFile) {
  TempDir dir;
  { Project::create(dir / "s.cmoc"); }
  execSql(dir / "s.cmoc", "PRAGMA user_version = 99");
  const std::string before = cmoc::test::readFile(dir / "s.cmoc");
  EXPECT_EQ(messageOf([&] { Project::open(dir / "s.cmoc"); }),
            (dir / "s.cmoc").string() +
                ": made by a newer CMOC Workbench (schema 99, this version reads up to " +
                std::to_string(Project::schemaVersion()) + "); left untouched");
  EXPECT_EQ(cmoc::test::readFile(dir / "s.cmoc"), before);
}

TEST(Project, AddTranscriptStoresTextTurnsAndSpeakers) {
  TempDir dir;
  Project p = Project::create(dir / "s.cmoc");
  const Transcript t = sampleTranscript();
  const ImportResult r = p.addTranscript(t);
  EXPECT_FALSE(r.duplicate);
  const SourceSummary s = p.source("a.txt");
  EXPECT_EQ(s.id, r.sourceId);
  EXPECT_EQ(s.turns, 2);
  EXPECT_EQ(s.speakers, 2);
  EXPECT_EQ(s.chars, 55);
  EXPECT_EQ(s.guid.size(), 36u);
  EXPECT_EQ(p.sourceText(s.id), t.text);
  const auto turns = p.turns(s.id);
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_EQ(turns[1].speaker, "Zoë");
  EXPECT_EQ(turns[1].start, 36);
  EXPECT_EQ(turns[1].startMs, 1000);
  EXPECT_TRUE(turns[0].interviewer);
  EXPECT_FALSE(turns[1].interviewer);
  EXPECT_EQ(p.source(std::to_string(s.id)).name, "a.txt");
}

TEST(Project, TheSameTextImportedTwiceIsSkippedAndNothingIsWritten) {
  TempDir dir;
  Project p = Project::create(dir / "s.cmoc");
  p.addTranscript(sampleTranscript("a.txt"));
  const ImportResult r = p.addTranscript(sampleTranscript("copy-of-a.txt"));
  EXPECT_TRUE(r.duplicate);
  EXPECT_EQ(r.duplicateOf, "a.txt");
  EXPECT_EQ(p.sources().size(), 1u);
}

TEST(Project, ATurnOutsideTheTextIsRefusedAndNothingIsStored) {
  TempDir dir;
  Project p = Project::create(dir / "s.cmoc");
  Transcript t = sampleTranscript();
  t.turns.push_back({"R", 50, 80, std::nullopt, std::nullopt});
  EXPECT_EQ(messageOf([&] { p.addTranscript(t); }), "a.txt: turn [50, 80) lies outside the text");
  EXPECT_TRUE(p.sources().empty());
}

TEST(Project, InvalidUtf8TextIsRefusedWithItsByteOffset) {
  TempDir dir;
  Project p = Project::create(dir / "s.cmoc");
  Transcript t = sampleTranscript();
  t.text = "ok \xFF bad";
  t.turns.clear();
  EXPECT_EQ(messageOf([&] { p.addTranscript(t); }), "a.txt: byte 3: invalid UTF-8");
  EXPECT_TRUE(p.sources().empty());
}

TEST(Project, UnknownSourceIsNotFound) {
  TempDir dir;
  Project p = Project::create(dir / "s.cmoc");
  EXPECT_THROW(p.source("missing.txt"), NotFound);
  EXPECT_THROW(p.sourceText(42), NotFound);
}

TEST(Project, SpeakersMapToParticipantsWithCasesAndAttributes) {
  TempDir dir;
  Project p = Project::create(dir / "s.cmoc");
  ParticipantSheet sheet;
  sheet.fileName = "participants.csv";
  sheet.rows.push_back({"", "INT1", "Interviewer", true, {{"role", "interviewer"}}, 2});
  sheet.rows.push_back({"a.txt", "19", "zoë", false,
                        {{"role", "director"}, {"case", "alliance 2"}, {"case_type", "alliance"}}, 3});
  const ImportResult r = p.addTranscript(sampleTranscript(), &sheet);
  EXPECT_TRUE(r.unmappedSpeakers.empty());
  const auto turns = p.turns(r.sourceId);
  EXPECT_EQ(turns[0].participant, "INT1");
  EXPECT_TRUE(turns[0].interviewer);
  EXPECT_EQ(turns[1].participant, "19");
  EXPECT_EQ(p.source("a.txt").participants, "19");
}

TEST(Project, SpeakersTheSheetDoesNotNameAreReported) {
  TempDir dir;
  Project p = Project::create(dir / "s.cmoc");
  ParticipantSheet sheet;
  sheet.rows.push_back({"other.txt", "19", "Zoë", false, {}, 2});
  const ImportResult r = p.addTranscript(sampleTranscript(), &sheet);
  EXPECT_EQ(r.unmappedSpeakers, (std::vector<std::string>{"Interviewer", "Zoë"}));
}

TEST(Project, ApplyParticipantsMapsSourcesImportedEarlier) {
  TempDir dir;
  Project p = Project::create(dir / "s.cmoc");
  const ImportResult r = p.addTranscript(sampleTranscript());
  ParticipantSheet sheet;
  sheet.rows.push_back({"", "19", "Zoë", false, {{"role", "nurse"}}, 2});
  p.applyParticipants(sheet);
  EXPECT_EQ(p.turns(r.sourceId)[1].participant, "19");
}

// Every entity's GUID has the 8-4-4-4-12 form REFI-QDA and merges rely on, is unique, and GUIDs
// made one after another sort in order (guid.cpp: they are time-ordered).
TEST(Guid, NewGuidsAreWellFormedUniqueAndInOrder) {
  std::vector<std::string> guids;
  for (int i = 0; i < 10000; ++i) guids.push_back(cmoc::newGuid());
  for (const std::string& g : {guids.front(), guids[4567], guids.back()}) {
    ASSERT_EQ(g.size(), 36u) << g;
    for (std::size_t k = 0; k < g.size(); ++k) {
      if (k == 8 || k == 13 || k == 18 || k == 23)
        EXPECT_EQ(g[k], '-') << g;
      else
        EXPECT_TRUE(std::isxdigit(static_cast<unsigned char>(g[k])) && !std::isupper(g[k])) << g;
    }
    EXPECT_EQ(g[14], '7') << g;                          // version
    EXPECT_NE(std::string("89ab").find(g[19]), std::string::npos) << g;  // variant
  }
  EXPECT_TRUE(std::is_sorted(guids.begin(), guids.end()));
  EXPECT_EQ(std::set<std::string>(guids.begin(), guids.end()).size(), guids.size());
}
