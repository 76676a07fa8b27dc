// Agreement benchmark (DESIGN.md Performance: "agreement for two coders over the whole corpus,
// all codes: under 2 s"). Builds the reference project once from a generated corpus
// (bench/make_corpus): every file imported the way `cmoc import` does, 40 codes, and 200,000
// codings by two coders, the second mostly coding what the first did with shifted boundaries
// (as second coders do) and sometimes another code. Codings go straight into SQLite: the
// benchmark measures agreement, not 200,000 undoable Actions. Then it times computeAgreement()
// for all codes at the character and the turn level and prints each beside the target. It never
// fails on a missed target: it is not a test.
//
//   agreement_bench CORPUS_DIR [--work DIR] [--codings N] [--codes K] [--repeat R]
//
// The project is kept in the work folder (agreement.cmoc) and reused while it has N codings.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "timing.h"
#include "cmoc/agreement.h"
#include "cmoc/codebook.h"
#include "cmoc/error.h"
#include "cmoc/importers/importer.h"
#include "cmoc/project.h"

namespace fs = std::filesystem;

namespace {

constexpr double kTargetSeconds = 2.0;

struct Options {
  fs::path corpus, work = "build/bench-work";
  long codings = 200000;
  int codes = 40, repeat = 3;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw cmoc::UsageError(a + " needs a value");
      return argv[++i];
    };
    if (a == "--work") o.work = value();
    else if (a == "--codings") o.codings = std::stol(value());
    else if (a == "--codes") o.codes = std::stoi(value());
    else if (a == "--repeat") o.repeat = std::stoi(value());
    else if (o.corpus.empty()) o.corpus = a;
    else throw cmoc::UsageError("unknown argument " + a);
  }
  if (o.corpus.empty())
    throw cmoc::UsageError("usage: agreement_bench CORPUS_DIR [--work DIR] [--codings N] "
                           "[--codes K] [--repeat R]");
  return o;
}

long existingCodings(const fs::path& file) {
  if (!fs::exists(file)) return -1;
  sqlite3* db = nullptr;
  long n = -1;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM codings", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
      n = static_cast<long>(sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return n;
}

void importCorpus(const Options& o, const fs::path& file) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(o.corpus))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  cmoc::Project p = cmoc::Project::create(file);
  p.setCoder("ana");
  for (int c = 0; c < o.codes; ++c) cmoc::Codebook(p).add({.name = "Code " + std::to_string(c)});
  for (const fs::path& f : files) p.addTranscript(cmoc::importers::loadTranscript(f));
  std::cerr << "agreement_bench: imported " << files.size() << " files\n";
}

void check(sqlite3* db, int rc) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw cmoc::Error(std::string("agreement_bench: ") + sqlite3_errmsg(db));
}

// Half the codings are ana's: spans of 50 to 500 code points at random places of random
// sources. For each, ben codes about the same span (start and end shifted by up to 30, and 40
// longer), with the same code 7 times in 10.
void addCodings(const Options& o, const fs::path& file) {
  sqlite3* db = nullptr;
  check(db, sqlite3_open(file.c_str(), &db));
  std::vector<std::pair<std::int64_t, std::int64_t>> sources;  // id, length in code points
  std::vector<std::int64_t> codeIds;
  {
    sqlite3_stmt* st = nullptr;
    check(db, sqlite3_prepare_v2(db, "SELECT id, char_count FROM sources ORDER BY id", -1, &st, nullptr));
    while (sqlite3_step(st) == SQLITE_ROW)
      sources.emplace_back(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
    sqlite3_finalize(st);
    check(db, sqlite3_prepare_v2(db, "SELECT id FROM codes ORDER BY id", -1, &st, nullptr));
    while (sqlite3_step(st) == SQLITE_ROW) codeIds.push_back(sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
  }
  check(db, sqlite3_exec(db, "BEGIN; DELETE FROM codings; INSERT OR IGNORE INTO coders(guid, name, "
                             "created_at) VALUES ('bench-ana', 'ana', 'now'), ('bench-ben', 'ben', 'now')",
                         nullptr, nullptr, nullptr));
  sqlite3_stmt* ins = nullptr;
  check(db, sqlite3_prepare_v2(db, "INSERT INTO codings(guid, source_id, code_id, coder_id, start, end, "
                                   "created_at, modified_at) VALUES (?, ?, ?, (SELECT id FROM coders "
                                   "WHERE name = ?), ?, ?, 'now', 'now')",
                               -1, &ins, nullptr));
  std::mt19937 rng(7);
  auto insert = [&](long n, const char* coder, std::int64_t source, std::int64_t code,
                    std::int64_t start, std::int64_t end) {
    const std::string guid = std::string(coder) + "-" + std::to_string(n);
    sqlite3_bind_text(ins, 1, guid.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(ins, 2, source);
    sqlite3_bind_int64(ins, 3, code);
    sqlite3_bind_text(ins, 4, coder, -1, SQLITE_STATIC);
    sqlite3_bind_int64(ins, 5, start);
    sqlite3_bind_int64(ins, 6, end);
    check(db, sqlite3_step(ins));
    sqlite3_reset(ins);
  };
  for (long n = 0; n < o.codings / 2; ++n) {
    const auto& [source, length] = sources[rng() % sources.size()];
    const std::int64_t start = static_cast<std::int64_t>(rng() % static_cast<unsigned>(length - 600));
    const std::int64_t end = start + 50 + static_cast<std::int64_t>(rng() % 450);
    const std::int64_t code = codeIds[rng() % codeIds.size()];
    insert(n, "ana", source, code, start, end);
    const bool same = rng() % 10 < 7;
    const std::int64_t shift = static_cast<std::int64_t>(rng() % 61) - 30;
    insert(n, "ben", source, same ? code : codeIds[rng() % codeIds.size()],
           std::max<std::int64_t>(0, start + shift), std::min(length, end + shift + 40));
  }
  sqlite3_finalize(ins);
  check(db, sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr));
  sqlite3_close(db);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options o = parse(argc, argv);
    fs::create_directories(o.work);
    const fs::path file = o.work / "agreement.cmoc";
    if (existingCodings(file) != o.codings) {
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix);
      importCorpus(o, file);
      addCodings(o, file);
    }
    cmoc::Project p = cmoc::Project::open(file);
    std::cout << "project: " << p.sources().size() << " sources, " << o.codings
              << " codings (two coders), " << o.codes << " codes\n";
    for (cmoc::AgreementUnit unit : {cmoc::AgreementUnit::Character, cmoc::AgreementUnit::Turn}) {
      std::vector<double> wall, cpu;
      double kappa = 0;
      for (int r = 0; r < o.repeat; ++r) {
        const cmoc::bench::Timing t = cmoc::bench::timed([&] {
          const cmoc::AgreementReport report =
              cmoc::computeAgreement(p, {.coders = {"ana", "ben"}, .unit = unit});
          kappa = report.overall.cohenKappa.value.value_or(-1);
        });
        wall.push_back(t.wall);
        cpu.push_back(t.cpu);
      }
      const double w = cmoc::bench::median(wall), c = cmoc::bench::median(cpu);
      std::cout << "agree, all codes, " << cmoc::toString(unit) << " level: median of " << o.repeat
                << " runs " << w << " s wall, " << c << " s CPU (pooled kappa " << kappa
                << "); target < " << kTargetSeconds << " s: "
                << (w < kTargetSeconds ? "met" : c < kTargetSeconds ? "met in CPU time" : "missed")
                << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}
