// Analysis benchmark over the reference corpus (DESIGN.md, Performance): 1,000 transcripts,
// 200,000 codings, 20,000 CMOCs. Measures, beside their targets:
// - all excerpts of one code (Coding::excerpts, as `cmoc excerpts --code` runs it): < 50 ms;
//   and, on a copy whose turns' byte ranges are unknown (as before schema 004), the same call
//   reading each source's whole text, for the ratio in one run;
// - the demiregularity table for all mechanisms (demiregularities(), as `cmoc demi`): < 200 ms;
// - the CMOC table export as CSV and as XLSX (buildCmocTable + writeCmocTable, as
//   `cmoc export-cmocs`): no target in DESIGN.md; reported with its parts.
// It prints medians of wall and CPU time and never fails on a missed target: it is not a test.
//
// The project is built once into the work folder and reused (delete it to rebuild): the corpus
// through importers::loadTranscript and Project::addTranscript, each interview's participant with
// a role and one of 40 cases; a realist codebook of 20 contexts, 15 mechanisms and 15 outcomes;
// the codings in one importCodings call (two coders); the CMOCs in one importCmocs call, each
// with three pieces of evidence (one per slot) from 1-3 sources, and one in ten chained.
//
//   analysis_bench CORPUS_DIR [--work DIR] [--codings N] [--cmocs N] [--runs R]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <stdexcept>
#include <sqlite3.h>
#include <string>
#include <vector>

#include "timing.h"
#include "cmoc/cmoc_bulk.h"
#include "cmoc/cmoc_table_export.h"
#include "cmoc/codebook.h"
#include "cmoc/coding.h"
#include "cmoc/coding_bulk.h"
#include "cmoc/demiregularity.h"
#include "cmoc/importers/importer.h"
#include "cmoc/project.h"

namespace fs = std::filesystem;

namespace {

using namespace cmoc::bench;

struct MsTiming {
  double wallMs = 0, cpuMs = 0;
};

// One warm-up, then `runs` timed runs; medians.
template <class F>
MsTiming measure(int runs, F&& work) {
  work();
  std::vector<double> wall, cpu;
  for (int i = 0; i < runs; ++i) {
    const Timing t = timed(work);
    wall.push_back(t.wall * 1000);
    cpu.push_back(t.cpu * 1000);
  }
  return {median(wall), median(cpu)};
}

struct Config {
  fs::path corpus, work = "build/bench-work";
  std::size_t codings = 200000, cmocs = 20000;
  int runs = 5;
};

Config parse(int argc, char** argv) {
  Config c;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--work") c.work = value();
    else if (a == "--codings") c.codings = std::stoul(value());
    else if (a == "--cmocs") c.cmocs = std::stoul(value());
    else if (a == "--runs") c.runs = std::stoi(value());
    else if (c.corpus.empty()) c.corpus = a;
    else throw std::runtime_error("unexpected argument " + a);
  }
  if (c.corpus.empty())
    throw std::runtime_error("usage: analysis_bench CORPUS_DIR [--work DIR] [--codings N] [--cmocs N] [--runs R]");
  return c;
}

std::string name(const char* kind, int i) { return std::string(kind) + " " + std::to_string(i + 1); }

void buildCodebook(cmoc::Project& p) {
  cmoc::Codebook book(p);
  for (int i = 0; i < 20; ++i) book.add({.name = name("context", i), .kind = cmoc::CodeKind::Context});
  for (int i = 0; i < 15; ++i) book.add({.name = name("mechanism", i), .kind = cmoc::CodeKind::Mechanism});
  for (int i = 0; i < 15; ++i) book.add({.name = name("outcome", i), .kind = cmoc::CodeKind::Outcome});
}

void importCorpus(cmoc::Project& p, const fs::path& corpus) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(corpus))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (std::size_t i = 0; i < files.size(); ++i) {
    cmoc::Transcript t = cmoc::importers::loadTranscript(files[i]);
    cmoc::ParticipantSheet sheet{"participants.csv", {}};
    for (const cmoc::Turn& turn : t.turns)
      if (!turn.speaker.empty() && turn.speaker != "Interviewer" &&
          std::none_of(sheet.rows.begin(), sheet.rows.end(),
                       [&](const cmoc::ParticipantRow& r) { return r.speaker == turn.speaker; }))
        sheet.rows.push_back({t.fileName, "P" + std::to_string(i + 1), turn.speaker, false,
                              {{"role", i % 3 ? "nurse" : "director"},
                               {"case", "case " + std::to_string(i % 40)},
                               {"case_type", i % 2 ? "alliance" : "merger"}}, 0});
    sheet.rows.push_back({t.fileName, "INT", "Interviewer", true, {}, 0});
    p.addTranscript(t, &sheet);
  }
}

// Codings spread evenly over the codes and sources: spans of 40-400 code points.
std::vector<cmoc::CodingRow> makeCodings(cmoc::Project& p, std::size_t n, std::mt19937& rng) {
  const auto sources = p.sources();
  std::vector<cmoc::CodingRow> rows;
  rows.reserve(n);
  const char* kinds[] = {"context", "mechanism", "outcome"};
  const int counts[] = {20, 15, 15};
  for (std::size_t i = 0; i < n; ++i) {
    const auto& s = sources[i % sources.size()];
    const std::int64_t length = std::uniform_int_distribution<std::int64_t>(40, 400)(rng);
    const std::int64_t start = std::uniform_int_distribution<std::int64_t>(0, s.chars - length - 1)(rng);
    const int k = static_cast<int>(i / sources.size() % 3);
    const int code = std::uniform_int_distribution<int>(0, counts[k] - 1)(rng);
    rows.push_back({static_cast<int>(i + 2), s.name, start, start + length, std::nullopt,
                    name(kinds[k], code), i % 5 ? "AJ" : "RB", ""});
  }
  return rows;
}

// CMOCs whose evidence is codings of the right kind (one per slot), from 1-3 sources.
std::vector<cmoc::CmocRow> makeCmocs(const std::vector<cmoc::CodingRow>& codings, std::size_t n,
                                     std::mt19937& rng) {
  std::vector<std::vector<const cmoc::CodingRow*>> byKind(3);
  for (const auto& c : codings)
    if (c.coder == "AJ") byKind[c.code[0] == 'c' ? 0 : c.code[0] == 'm' ? 1 : 2].push_back(&c);
  const cmoc::Slot slots[] = {cmoc::Slot::Context, cmoc::Slot::Mechanism, cmoc::Slot::Outcome};
  std::vector<cmoc::CmocRow> rows;
  rows.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    cmoc::CmocRow r;
    r.line = static_cast<int>(i + 2);
    r.key = "K" + std::to_string(i);
    for (int k = 0; k < 3; ++k) {
      const auto& pool = byKind[static_cast<std::size_t>(k)];
      const cmoc::CodingRow* c = pool[std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(rng)];
      (k == 0 ? r.context : k == 1 ? r.mechanism : r.outcome) = c->code;
      r.evidence.push_back({slots[k], c->source, *c->start, *c->end});
    }
    r.status = static_cast<cmoc::CmocStatus>(i % 4);
    if (i % 10 == 1) r.feeds.push_back("K" + std::to_string(i - 1));
    rows.push_back(std::move(r));
  }
  return rows;
}

void build(const fs::path& file, const Config& c) {
  const auto t0 = Clock::now();
  cmoc::Project p = cmoc::Project::create(file);
  p.setCoder("AJ");
  buildCodebook(p);
  importCorpus(p, c.corpus);
  std::mt19937 rng(7);
  const auto codings = makeCodings(p, c.codings, rng);
  cmoc::importCodings(p, codings, false, "bench-codings.csv");
  cmoc::importCmocs(p, makeCmocs(codings, c.cmocs, rng), "bench-cmocs.csv");
  std::printf("built %s in %.1f s\n", file.c_str(),
              std::chrono::duration<double>(Clock::now() - t0).count());
}

// A copy of the project as a schema-3 project reads it: turns' byte ranges unknown, so quotes
// come from each source's whole text.
fs::path withoutTurnBytes(const fs::path& file) {
  const fs::path copy = fs::path(file).replace_extension(".nobytes.cmoc");
  fs::copy_file(file, copy, fs::copy_options::overwrite_existing);
  sqlite3* db = nullptr;
  if (sqlite3_open(copy.c_str(), &db) != SQLITE_OK ||
      sqlite3_exec(db, "UPDATE turns SET start_byte = NULL, end_byte = NULL", nullptr, nullptr,
                   nullptr) != SQLITE_OK)
    throw std::runtime_error(copy.string() + ": " + sqlite3_errmsg(db));
  sqlite3_close(db);
  return copy;
}

void row(const char* what, const char* target, const MsTiming& t, const std::string& note) {
  std::printf("| %s | %s | %.1f ms | %.1f ms | %s |\n", what, target, t.wallMs, t.cpuMs, note.c_str());
}

}  // namespace

int main(int argc, char** argv) try {
  const Config c = parse(argc, argv);
  fs::create_directories(c.work);
  const fs::path file = c.work / ("analysis-" + std::to_string(c.codings) + "-" + std::to_string(c.cmocs) + ".cmoc");
  if (!fs::exists(file)) build(file, c);
  { cmoc::Project migrate = cmoc::Project::open(file); }  // a project of an older schema, once
  const fs::path noBytes = withoutTurnBytes(file);
  cmoc::Project p = cmoc::Project::open(file);
  std::printf("project: %zu sources, %zu codings, %zu CMOCs; %d timed runs after one warm-up\n\n",
              p.sources().size(), c.codings, c.cmocs, c.runs);
  std::printf("| measure | target | wall (median) | CPU (median) | size |\n|---|---|---|---|---|\n");

  std::size_t excerpts = 0;
  const MsTiming ex = measure(c.runs, [&] {
    excerpts = cmoc::Coding(p).excerpts({.codes = {"mechanism 1"}}).size();
  });
  row("all excerpts of one code", "< 50 ms", ex, std::to_string(excerpts) + " excerpts");
  {
    cmoc::Project old = cmoc::Project::open(noBytes);
    const MsTiming whole = measure(c.runs, [&] {
      excerpts = cmoc::Coding(old).excerpts({.codes = {"mechanism 1"}}).size();
    });
    row("all excerpts of one code, whole texts (no turn byte ranges)", "-", whole,
        std::to_string(excerpts) + " excerpts");
  }
  fs::remove(noBytes);

  std::size_t mechanisms = 0;
  const MsTiming demi = measure(c.runs, [&] { mechanisms = cmoc::demiregularities(p).size(); });
  row("demiregularity table, all mechanisms", "< 200 ms", demi, std::to_string(mechanisms) + " mechanisms");

  cmoc::CmocTable table;
  const MsTiming build = measure(c.runs, [&] { table = cmoc::buildCmocTable(p); });
  std::size_t quotes = 0;
  for (const auto& g : table.groups)
    for (const auto& r : g.rows) quotes += r.quotes.size();
  row("CMOC table: build (demi + quotes)", "-", build,
      std::to_string(table.rowCount()) + " CMOCs, " + std::to_string(quotes) + " quotes");
  for (const char* ext : {"csv", "xlsx"}) {
    const fs::path out = c.work / (std::string("cmocs.") + ext);
    const MsTiming write = measure(c.runs, [&] { cmoc::writeCmocTable(table, out); });
    row((std::string("CMOC table: write .") + ext).c_str(), "-", write,
        std::to_string(fs::file_size(out) / 1024) + " KB");
    const MsTiming whole = measure(c.runs, [&] { cmoc::writeCmocTable(cmoc::buildCmocTable(p), out); });
    row((std::string("CMOC table export, .") + ext + " (as export-cmocs)").c_str(), "-", whole, "");
  }
  return 0;
} catch (const std::exception& e) {
  std::cerr << "analysis_bench: " << e.what() << "\n";
  return 1;
}
