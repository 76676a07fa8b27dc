// Programme-theory diff benchmark (issue 11): two versions of N CMOCs (20,000 by default)
// compared as `cmoc theory diff P V1 V2` compares them, against the target of 500 ms. The
// second version differs from the first as a refining phase would: some CMOCs restated
// (status changed, evidence added), some dropped, some new, chains with them. It prints the
// measures and never fails on a missed target: it is not a test.
// - diff: Theory::load of both versions, diffTheories, and the report table (theoryDiffTable),
//   median of R runs;
// - its parts: loading the two versions, and the comparison alone on the loaded versions;
// - snapshot: freezing the live set as a version (one Action), once.
//
//   theory_bench [--work DIR] [--cmocs N] [--runs R]
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "cmoc/cmoc_bulk.h"
#include "cmoc/codebook.h"
#include "cmoc/coding_bulk.h"
#include "cmoc/project.h"
#include "cmoc/theory.h"
#include "cmoc/theory_diff.h"
#include "cmoc/theory_report.h"
#include "timing.h"

namespace fs = std::filesystem;

namespace {

using namespace cmoc::bench;

struct Config {
  fs::path work = "build/bench-work";
  std::size_t cmocs = 20000;
  int runs = 5;
};

[[noreturn]] void usage(const std::string& problem) {
  std::cerr << "theory_bench: " << problem
            << "\nusage: theory_bench [--work DIR] [--cmocs N] [--runs R]\n";
  std::exit(2);
}

Config parse(int argc, char** argv) {
  Config c;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(a + " needs a value");
      return argv[++i];
    };
    if (a == "--work")
      c.work = value();
    else if (a == "--cmocs")
      c.cmocs = std::stoul(value());
    else if (a == "--runs")
      c.runs = std::max(1, std::stoi(value()));
    else
      usage("unknown option " + a);
  }
  return c;
}

constexpr int kContexts = 20, kMechanisms = 15, kOutcomes = 15, kCodingsPerCode = 8;
const char* const kKinds[] = {"context", "mechanism", "outcome"};

std::string codeName(int kind, int i) {
  return std::string(kKinds[kind]) + " " + std::to_string(i);
}

// One transcript with kCodingsPerCode codings of each code, each at its own span, so that
// evidence can name a coding by its span.
void buildStudy(cmoc::Project& p) {
  const int codes = kContexts + kMechanisms + kOutcomes;
  cmoc::Transcript t{"interview.txt", "text", std::string(codes * kCodingsPerCode * 10, 'x'), {}};
  p.addTranscript(t);
  cmoc::Codebook book(p);
  const int counts[] = {kContexts, kMechanisms, kOutcomes};
  const cmoc::CodeKind kinds[] = {cmoc::CodeKind::Context, cmoc::CodeKind::Mechanism,
                                  cmoc::CodeKind::Outcome};
  std::vector<cmoc::CodingRow> rows;
  std::int64_t at = 0;
  for (int k = 0; k < 3; ++k)
    for (int i = 0; i < counts[k]; ++i) {
      book.add({.name = codeName(k, i), .kind = kinds[k]});
      for (int j = 0; j < kCodingsPerCode; ++j, at += 10)
        rows.push_back({0, "interview.txt", at, at + 5, {}, codeName(k, i), "", ""});
    }
  cmoc::importCodings(p, rows, false, "bench-codings.csv");
}

// The span of coding j of code i of a kind, as buildStudy placed it.
std::int64_t spanStart(int kind, int i, int j) {
  const int before = kind == 0 ? 0 : kind == 1 ? kContexts : kContexts + kMechanisms;
  return (static_cast<std::int64_t>(before + i) * kCodingsPerCode + j) * 10;
}

std::vector<cmoc::CmocRow> makeCmocs(std::size_t from, std::size_t n, std::mt19937& rng) {
  const int counts[] = {kContexts, kMechanisms, kOutcomes};
  const cmoc::Slot slots[] = {cmoc::Slot::Context, cmoc::Slot::Mechanism, cmoc::Slot::Outcome};
  std::vector<cmoc::CmocRow> rows;
  for (std::size_t i = from; i < from + n; ++i) {
    cmoc::CmocRow r;
    r.line = static_cast<int>(i - from + 2);
    r.key = "K" + std::to_string(i);
    for (int k = 0; k < 3; ++k) {
      const int code = std::uniform_int_distribution<int>(0, counts[k] - 1)(rng);
      (k == 0 ? r.context : k == 1 ? r.mechanism : r.outcome) = codeName(k, code);
      const int j = std::uniform_int_distribution<int>(0, kCodingsPerCode - 1)(rng);
      r.evidence.push_back(
          {slots[k], "interview.txt", spanStart(k, code, j), spanStart(k, code, j) + 5});
    }
    r.status = static_cast<cmoc::CmocStatus>(i % 4);
    if (i % 10 == 1) r.feeds.push_back("K" + std::to_string(i - 1));
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  const Config c = parse(argc, argv);
  fs::create_directories(c.work);
  const fs::path file = c.work / "theory-bench.cmoc";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix);
  try {
    const auto t0 = Clock::now();
    cmoc::Project p = cmoc::Project::create(file);
    p.setCoder("AJ");
    buildStudy(p);
    std::mt19937 rng(11);
    cmoc::importCmocs(p, makeCmocs(0, c.cmocs, rng), "bench-cmocs.csv");
    cmoc::Theory theory(p);
    const Timing snap = timed([&] { theory.snapshot("v1"); });

    // The refining phase: 5% restated, 2.5% dropped (each with the chain it starts), as many new.
    cmoc::Cmocs cmocs(p);
    const auto all = cmocs.list();
    const std::size_t changed = c.cmocs / 20, dropped = c.cmocs / 40;
    for (std::size_t i = 0; i < changed; ++i) {
      const cmoc::Cmoc& m = all[i * 20 % all.size()];
      cmocs.edit(m.id, {.status = cmoc::CmocStatus::Refines});
    }
    for (std::size_t i = 0; i < dropped; ++i) cmocs.remove(all[i * 40 + 1].id);
    cmoc::importCmocs(p, makeCmocs(c.cmocs, dropped, rng), "bench-cmocs-2.csv");
    theory.snapshot("v2");
    std::printf(
        "built %s in %.1f s: two versions of %zu CMOCs (%zu changed, %zu dropped, %zu "
        "new)\n",
        file.c_str(), secondsSince(t0), c.cmocs, changed, dropped, dropped);
    std::printf("snapshot of %zu CMOCs: %.3f s wall, %.3f s CPU\n", c.cmocs, snap.wall, snap.cpu);

    std::vector<double> wall, cpu, load, compare;
    cmoc::TheoryDiff d;
    for (int r = 0; r < c.runs; ++r) {
      const Timing t = timed([&] {
        d = cmoc::diffTheories(p, "v1", "v2");
        (void)cmoc::theoryDiffTable(d);
      });
      wall.push_back(t.wall);
      cpu.push_back(t.cpu);
      cmoc::TheorySnapshot a, b;
      load.push_back(timed([&] {
                       a = theory.load("v1");
                       b = theory.load("v2");
                     }).wall);
      compare.push_back(timed([&] { d = cmoc::diffTheories(a, b); }).wall);
    }
    std::printf(
        "theory diff v1 v2 (%s): median %.1f ms wall, %.1f ms CPU over %d runs "
        "(target < 500 ms)\n",
        d.summary().c_str(), median(wall) * 1e3, median(cpu) * 1e3, c.runs);
    std::printf("  of which loading both versions %.1f ms, comparing %.1f ms\n", median(load) * 1e3,
                median(compare) * 1e3);
  } catch (const std::exception& e) {
    std::cerr << "theory_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
