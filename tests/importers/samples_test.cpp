// Every transcript in samples/ must load with its speakers as participants.csv lists them: the
// demo and the other libraries' tests build on these files.
#include <gtest/gtest.h>

#include <set>

#include "cmoc/importers/importer.h"
#include "cmoc/text.h"
#include "test_support.h"

using namespace cmoc;

namespace {

std::vector<std::filesystem::path> sampleTranscripts() {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(test::samplesDir(), ec)) {
    if (!entry.is_regular_file()) continue;
    for (const auto& importer : importers::transcriptImporters())
      if (importer->canLoad(entry.path()) && entry.path().filename() != "README.txt")
        files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST(ImporterSamples, EveryTranscriptLoadsWithTheSpeakersTheParticipantsSheetNames) {
  const auto files = sampleTranscripts();
  if (files.empty() || !std::filesystem::exists(test::samplesDir() / "participants.csv"))
    GTEST_SKIP() << "no samples yet";
  const ParticipantSheet sheet =
      importers::loadParticipants(test::samplesDir() / "participants.csv");
  for (const auto& file : files) {
    const std::string name = file.filename().string();
    SCOPED_TRACE(name);
    const Transcript t = importers::loadTranscript(file);
    EXPECT_GT(t.turns.size(), 1u);
    std::set<std::string> expected, allowed, found;
    for (const ParticipantRow& row : sheet.rows) {
      if (row.file == name) expected.insert(row.speaker);
      if (row.file == name || row.file.empty()) allowed.insert(row.speaker);
    }
    for (const Turn& turn : t.turns) {
      if (!turn.speaker.empty()) found.insert(turn.speaker);
      ASSERT_LE(turn.start, turn.end);
      ASSERT_LE(turn.end, text::codePointCount(t.text));
    }
    EXPECT_GE(found.size(), 2u);
    for (const std::string& s : expected) EXPECT_TRUE(found.count(s)) << "missing speaker " << s;
    for (const std::string& s : found) EXPECT_TRUE(allowed.count(s)) << "unexpected speaker " << s;
  }
}

TEST(ImporterSamples, TurnsHoldSpeechWithoutLabels) {
  const auto files = sampleTranscripts();
  if (files.empty()) GTEST_SKIP() << "no samples yet";
  for (const auto& file : files) {
    SCOPED_TRACE(file.filename().string());
    const Transcript t = importers::loadTranscript(file);
    for (const Turn& turn : t.turns) {
      if (turn.speaker.empty()) continue;
      const std::string_view speech = text::sliceCodePoints(t.text, turn.start, turn.end);
      EXPECT_NE(speech.substr(0, turn.speaker.size() + 1), turn.speaker + ":")
          << speech.substr(0, 80);
      EXPECT_FALSE(speech.empty());
    }
  }
}
