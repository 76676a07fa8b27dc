// The GUI smoke test: starts cmoc-gui on a coded demo project under the X server ctest gives
// it (xvfb-run), runs gui_smoke.script, which codes through the window's own widgets and events
// (a tree double-click, the quick-code box, menu commands, the CMOC builder), then checks the
// results through core. CMOC_SCREENSHOTS=DIR makes the script write the README's screenshots.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <thread>

#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/library.h"
#include "cmoc/participants.h"
#include "cmoc/project.h"
#include "cmoc/source_memo.h"
#include "cmoc/text.h"
#include "cmoc/theory.h"
#include "demo_fixture.h"
#include "test_support.h"
#include "transcript_builder.h"

namespace cmoc::test {
namespace {

// Runs cmoc-gui; returns its exit code, or -1 when it had to be killed after `timeout`.
int runGui(const std::vector<std::string>& args, const std::filesystem::path& config,
           std::chrono::seconds timeout) {
  const pid_t pid = fork();
  if (pid == 0) {
    setenv("CMOC_GUI_CONFIG", config.c_str(), 1);
    std::vector<std::string> copy = args;
    std::vector<char*> argv;
    std::string exe = CMOC_GUI;
    argv.push_back(exe.data());
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(exe.c_str(), argv.data());
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -2;
}

std::string textOf(Project& p, const CodingRecord& r) {
  return std::string(text::sliceCodePoints(p.sourceText(r.sourceId), r.start, r.end));
}

const CodingRecord* find(const std::vector<CodingRecord>& v, const std::string& code) {
  for (const auto& r : v)
    if (r.codePath == code) return &r;
  return nullptr;
}

TEST(GuiSmoke, CodesThroughTheWindowAndCoreHoldsTheResult) {
  if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no X display (ctest runs this under xvfb-run)";
  TempDir dir;
  const auto file = dir / "demo.cmoc";
  buildDemoProject(file);
  {
    // For the Theory and Contradictions tabs: a version, then a CMOC refuting the COVID-19 one.
    Project p = Project::open(file);
    p.setCoder("AJ");
    cmoc::Theory(p).snapshot("Initial programme theory", "theory gleaning");
    Cmocs cmocs(p);
    std::int64_t covid = 0;
    for (const Cmoc& c : cmocs.list())
      if (c.context.code == "COVID-19") covid = c.id;
    cmocs.add({.context = "COVID-19", .mechanism = "Trust", .outcome = "Reduced faith",
               .status = CmocStatus::Refutes, .prior = std::to_string(covid)});
  }
  writeFile(dir / "interview-99-new.txt",
            cmoc::test::interviewText(
                {{"Interviewer", "How did it start?"}, {"Zed Okoro", "With trust, mostly."}}));
  writeFile(dir / "empty.txt", "");
  std::filesystem::copy_file(std::filesystem::path(CMOC_SOURCE_DIR) / "samples/references.ris",
                             dir / "references.ris");
  writeFile(dir / "extra.qdc",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\">"
            "<Codes><Code guid=\"5d3a6c1e-2222-4a2b-9c3d-0000000000e1\" name=\"Imported in the GUI\" "
            "isCodable=\"true\"/></Codes></CodeBook>");
  // The script names files in this test's folder as @TMP@.
  std::string text = readFile(std::filesystem::path(CMOC_SOURCE_DIR) / "tests/gui/gui_smoke.script");
  for (std::size_t at; (at = text.find("@TMP@")) != std::string::npos;) text.replace(at, 5, dir.path().string());
  const auto script = dir / "smoke.script";
  writeFile(script, text);
  const int rc = runGui({file.string(), "--coder", "KL", "--self-test", script.string()}, dir / "gui.ini",
                        std::chrono::seconds(240));
  ASSERT_EQ(rc, 0) << "cmoc-gui --self-test failed (its stderr names the script line)";

  Project p = Project::open(file);
  // The import: the new transcript is in, the empty file is not.
  EXPECT_EQ(p.sources().size(), 11u);
  EXPECT_NO_THROW(p.source("interview-99-new.txt"));
  CodingFilter mine;
  mine.coders = {"KL"};
  const auto codings = Coding(p).list(mine);

  // A tree double-click on Trust coded the selection, exactly.
  const CodingRecord* trust = find(codings, "Mechanisms/Trust");
  ASSERT_TRUE(trust);
  EXPECT_EQ(textOf(p, *trust), "we got a win early");
  EXPECT_EQ(trust->sourceName, "interview-01-director-alliance2.txt");
  // The quick-code box ("faith", Enter) coded a selection with accents.
  const CodingRecord* faith = find(codings, "Mechanisms/Faith");
  ASSERT_TRUE(faith);
  EXPECT_EQ(textOf(p, *faith), "a lot of déjà vu in the room");
  // Code turn, undone and redone: the whole turn is coded once.
  const CodingRecord* turn = find(codings, "Contexts/History of competition");
  ASSERT_TRUE(turn);
  EXPECT_TRUE(textOf(p, *turn).starts_with("Oh, dreadful."));
  const auto turns = p.turns(turn->sourceId);
  bool wholeTurn = false;
  for (const auto& t : turns) wholeTurn = wholeTurn || (t.start == turn->start && t.end == turn->end);
  EXPECT_TRUE(wholeTurn);
  // New code from selection: inductive, under the selected code, applied.
  const Code made = Codebook(p).find("Outcomes/perform collaboration");
  EXPECT_EQ(made.origin, CodeOrigin::Inductive);
  EXPECT_EQ(made.kind, CodeKind::Outcome);
  const CodingRecord* madeCoding = find(codings, "Outcomes/perform collaboration");
  ASSERT_TRUE(madeCoding);
  EXPECT_EQ(textOf(p, *madeCoding), "perform collaboration");
  EXPECT_EQ(codings.size(), 4u);

  // The CMOC builder saved KL's CMOC with its evidence.
  CmocFilter f;
  f.coders = {"KL"};
  const auto cmocs = Cmocs(p).list(f);
  ASSERT_EQ(cmocs.size(), 1u);
  EXPECT_EQ(cmocs[0].context.code, "Quick wins");
  EXPECT_EQ(cmocs[0].mechanism.code, "Trust");
  EXPECT_EQ(cmocs[0].outcome.code, "Collaborative behaviour");
  ASSERT_EQ(cmocs[0].mechanism.evidence.size(), 1u);
  EXPECT_EQ(cmocs[0].mechanism.evidence[0].codingId, trust->id);
  EXPECT_EQ(cmocs[0].context.evidence.size(), 1u);

  // Project > Participants saved both cells through core.
  const Participant gwen = Participants(p).get("19");
  std::map<std::string, std::string> attrs(gwen.attributes.begin(), gwen.attributes.end());
  EXPECT_EQ(attrs["region"], "North East");
  EXPECT_EQ(attrs["tenure"], "12 years");
  // The checkbox went through core both ways: two steps, and INT1 is an interviewer again.
  EXPECT_TRUE(Participants(p).get("INT1").interviewer);
  int flagEdits = 0;
  for (const HistoryEntry& h : p.history(500)) flagEdits += h.label == "edit participant INT1";
  EXPECT_EQ(flagEdits, 2);
  // Project > Study library imported the sample references through its window.
  EXPECT_EQ(Library(p).list().size(), 7u);
  // The drop on Trust's top edge put Faith before it.
  std::vector<std::string> paths;
  for (const Code& c : Codebook(p).list()) paths.push_back(c.path);
  const auto faithPath = std::find(paths.begin(), paths.end(), "Mechanisms/Faith");
  ASSERT_NE(faithPath, paths.end());
  EXPECT_EQ(*std::next(faithPath), "Mechanisms/Trust");
  // The panel's memo boxes.
  EXPECT_EQ(Codebook(p).find("Trust").memo,
            "Distinguish trust from confidence: confidence rests on contracts.");
  EXPECT_EQ(sourceMemo(p, p.source("interview-01-director-alliance2.txt").id),
            "Held over Teams; the audio drops for a minute near the end.");
  // File > Export wrote both files.
  EXPECT_NE(readFile(dir / "exported.qdc").find("<CodeBook"), std::string::npos);
  EXPECT_NE(readFile(dir / "web.svg").find("<svg"), std::string::npos);
  // File > Import of the exchange codebook saved its code.
  EXPECT_EQ(Codebook(p).find("Imported in the GUI").guid, "5d3a6c1e-2222-4a2b-9c3d-0000000000e1");
}

}  // namespace
}  // namespace cmoc::test
