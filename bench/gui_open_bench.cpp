// Opening a transcript in cmoc-gui: a 20,000-word transcript with 500 codings, from the project
// file to a filled, styled and painted wxStyledTextCtrl with its coding stripes. DESIGN.md's
// target: under 200 ms. Needs an X display (run under `xvfb-run -a`). Not a test: it prints the
// measures beside the target and never fails on a missed one.
//
//   gui_open_bench [--words N] [--codings N] [--repeat R] [--work DIR]
//
// Phases, each the median of R runs:
//   model      TranscriptViewModel::load: source, text, turns and this source's codings from the
//              store, display layout, byte offsets and stripe lanes;
//   view       TranscriptView::show: SetTextRaw, styling, coded-text indicators, stripe margin,
//              then a synchronous repaint (Update);
//   open       the two together, as a click in the sources list does.
#include <wx/app.h>
#include <wx/frame.h>
#include <wx/init.h>
#include <wx/sizer.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "cmoc/codebook.h"
#include "cmoc/coding_bulk.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "model/transcript_view_model.h"
#include "transcript_view.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// An interview of `words` words: turns of 20-220 words alternating interviewer and participant,
// with timestamps, some accented words and the odd emoji, as captions give them.
cmoc::Transcript makeTranscript(int words, std::mt19937& rng) {
  static const char* vocab[] = {"the", "alliance", "trust", "we", "partners", "board", "café", "naïve",
                                "collaboration", "was", "really", "because", "faith", "déjà", "vu",
                                "money", "stroke", "pathway", "quick", "win", "and", "then", "they",
                                "slow", "conflict", "regional", "team", "mandated", "👍", "Zoë"};
  cmoc::Transcript t;
  t.fileName = "bench-interview.vtt";
  t.format = "vtt";
  std::uniform_int_distribution<int> turnLen(20, 220), pick(0, std::size(vocab) - 1);
  int written = 0, turn = 0;
  std::int64_t cp = 0, ms = 0;
  while (written < words) {
    const std::string speaker = turn % 2 ? "Gwen Pritchard" : "Interviewer";
    const std::string label = speaker + ": ";
    t.text += label;
    cp += cmoc::text::codePointCount(label);
    std::string body;
    const int n = std::min(turnLen(rng) / (turn % 2 ? 1 : 4) + 5, words - written);
    for (int i = 0; i < n; ++i) {
      body += vocab[pick(rng)];
      body += (i % 17 == 16) ? ". " : " ";
    }
    body.pop_back();
    cmoc::Turn tr;
    tr.speaker = speaker;
    tr.start = cp;
    cp += cmoc::text::codePointCount(body);
    tr.end = cp;
    tr.startMs = ms;
    ms += n * 400;
    tr.endMs = ms;
    t.turns.push_back(tr);
    t.text += body + "\n\n";
    cp += 2;
    written += n;
    ++turn;
  }
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  int words = 20000, codings = 500, repeat = 15;
  fs::path work = fs::temp_directory_path() / "cmoc-gui-bench";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--words") words = std::atoi(argv[i + 1]);
    else if (a == "--codings") codings = std::atoi(argv[i + 1]);
    else if (a == "--repeat") repeat = std::atoi(argv[i + 1]);
    else if (a == "--work") work = argv[i + 1];
  }
  // A GUI wxApp, so that GTK is initialised with the display.
  wxApp::SetInstance(new wxApp());
  if (!wxEntryStart(argc, argv)) {
    std::fprintf(stderr, "gui_open_bench: cannot initialise wxWidgets (no X display? use xvfb-run -a)\n");
    return 1;
  }

  // The project: one transcript, 20 codes, `codings` codings in one bulk action.
  fs::remove_all(work);
  fs::create_directories(work);
  const fs::path file = work / "bench.cmoc";
  std::mt19937 rng(42);
  std::int64_t sourceId = 0;
  {
    cmoc::Project p = cmoc::Project::create(file);
    p.setCoder("AJ");
    const cmoc::Transcript t = makeTranscript(words, rng);
    sourceId = p.addTranscript(t).sourceId;
    cmoc::Codebook book(p);
    for (int i = 0; i < 20; ++i) {
      cmoc::CodeDraft d;
      d.name = "Code " + std::to_string(i);
      d.kind = static_cast<cmoc::CodeKind>(i % 4);
      book.add(d);
    }
    std::vector<cmoc::CodingRow> rows;
    std::uniform_int_distribution<std::size_t> turnPick(0, t.turns.size() - 1);
    std::uniform_int_distribution<int> codePick(0, 19), coderPick(0, 2);
    for (int i = 0; i < codings; ++i) {
      const cmoc::Turn& tr = t.turns[turnPick(rng)];
      std::uniform_int_distribution<std::int64_t> at(tr.start, tr.end - 2);
      const std::int64_t s = at(rng);
      std::uniform_int_distribution<std::int64_t> len(1, std::max<std::int64_t>(1, std::min<std::int64_t>(400, tr.end - s)));
      cmoc::CodingRow r;
      r.line = i + 2;
      r.source = std::to_string(sourceId);
      r.start = s;
      r.end = s + len(rng);
      r.code = "Code " + std::to_string(codePick(rng));
      r.coder = coderPick(rng) ? "AJ" : "RM";
      rows.push_back(r);
    }
    cmoc::importCodings(p, rows, false, "bench");
  }

  auto* frame = new wxFrame(nullptr, wxID_ANY, "gui_open_bench", wxDefaultPosition, wxSize(1200, 900));
  auto* view = new cmoc::gui::TranscriptView(frame);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(view, 1, wxEXPAND);
  frame->SetSizer(sizer);
  frame->Show();
  wxTheApp->Yield(true);

  cmoc::Project project = cmoc::Project::open(file);
  const cmoc::gui::CodeLookup codes = cmoc::gui::makeCodeLookup(cmoc::Codebook(project).list());
  std::vector<double> model, show, open;
  std::size_t stripes = 0, bytes = 0;
  int lanes = 0;
  for (int r = 0; r < repeat + 1; ++r) {
    view->show(nullptr);
    wxTheApp->Yield(true);
    const auto t0 = Clock::now();
    auto vm = cmoc::gui::TranscriptViewModel::load(project, sourceId, codes);
    const double m = msSince(t0);
    const auto t1 = Clock::now();
    view->show(&vm);
    view->Update();
    view->text()->Update();
    const double s = msSince(t1);
    if (r > 0) {  // the first run warms SQLite's and the font caches
      model.push_back(m);
      show.push_back(s);
      open.push_back(m + s);
    }
    stripes = vm.stripes().size();
    lanes = vm.laneCount();
    bytes = vm.displayText().size();
    view->show(nullptr);
  }
  std::printf("gui_open_bench: %d words (%zu bytes shown), %zu codings in %d lanes, median of %d runs\n",
              words, bytes, stripes, lanes, repeat);
  std::printf("  %-8s %8.1f ms\n", "model", median(model));
  std::printf("  %-8s %8.1f ms\n", "view", median(show));
  std::printf("  %-8s %8.1f ms   (target < 200 ms: %s)\n", "open", median(open),
              median(open) < 200 ? "met" : "MISSED");
  std::printf("  open min %.1f ms, max %.1f ms\n", *std::min_element(open.begin(), open.end()),
              *std::max_element(open.begin(), open.end()));
  frame->Destroy();
  fs::remove_all(work);
  wxEntryCleanup();
  return 0;
}
