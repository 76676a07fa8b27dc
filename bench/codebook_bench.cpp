// Codebook CSV import benchmark (issue 21): `cmoc code import` of 1,000, 10,000 and 100,000 rows
// (scales with --rows), against a floor measured in the same run. It prints the measures and
// never fails on a missed target: it is not a test.
// - import: importers::loadCodebookCsv (decode, CSV, checks), then Codebook::importRows into a
//   fresh project (one Action, audited, undoable), the project closed inside the time;
// - floor: the same codes inserted into a bare SQLite file (the sibling-name unique index a
//   project has) with prepared statements in one transaction, WAL mode;
// - scaling: each import's CPU time against the smallest's, beside the ratio of their rows.
// The CSV is a two-level tree like bench/make_qdpx's: a group code over every 20 codes, with a
// kind and a definition, in file order.
//
//   codebook_bench [--rows N] [--work DIR] [--repeat R]
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cmoc/codebook.h"
#include "cmoc/error.h"
#include "cmoc/importers/codebook_csv.h"
#include "cmoc/project.h"
#include "timing.h"

namespace fs = std::filesystem;
using namespace cmoc::bench;

namespace {

[[noreturn]] void usage(const std::string& problem) {
  std::cerr << "codebook_bench: " << problem
            << "\nusage: codebook_bench [--rows N] [--work DIR] [--repeat R]\n";
  std::exit(2);
}

std::string groupName(std::size_t i) { return "Group " + std::to_string(i / 20); }
std::string codeName(std::size_t i) { return "Code " + std::to_string(i); }

void writeCsv(const fs::path& file, std::size_t rows) {
  std::ofstream out(file, std::ios::binary);
  out << "path,kind,definition\n";
  for (std::size_t i = 0; i < rows; ++i)
    out << groupName(i) << "/" << codeName(i) << "," << (i % 3 ? "mechanism" : "context")
        << ",\"What code " << i << " means, in a sentence or two\"\n";
}

void removeDatabase(const fs::path& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db.string() + suffix);
}

Timing importCsv(const fs::path& db, const fs::path& csv) {
  removeDatabase(db);
  return timed([&] {
    const std::vector<cmoc::CodebookRow> rows = cmoc::importers::loadCodebookCsv(csv);
    cmoc::Project project = cmoc::Project::create(db);
    project.setCoder("bench");
    cmoc::Codebook(project).importRows(rows, csv.filename().string());
  });
}

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::cerr << "codebook_bench: floor: " << what << ": " << sqlite3_errmsg(db) << "\n";
    std::exit(1);
  }
}

// The same codes, groups first in file order, with the index a project has on them.
Timing floorInsert(const fs::path& file, std::size_t rows) {
  removeDatabase(file);
  return timed([&] {
    sqlite3* db = nullptr;
    check(sqlite3_open(file.c_str(), &db), db, "open");
    check(sqlite3_exec(db, R"(
      PRAGMA journal_mode = WAL;
      CREATE TABLE codes(id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES codes(id),
                         name TEXT NOT NULL, kind TEXT NOT NULL, definition TEXT NOT NULL);
      CREATE UNIQUE INDEX codes_sibling_name ON codes(ifnull(parent_id, 0), name);
      BEGIN;)",
                       nullptr, nullptr, nullptr),
          db, "schema");
    sqlite3_stmt* st = nullptr;
    check(sqlite3_prepare_v2(
              db, "INSERT INTO codes(parent_id, name, kind, definition) VALUES (?, ?, ?, ?)", -1,
              &st, nullptr),
          db, "prepare");
    std::int64_t group = 0;
    for (std::size_t i = 0; i < rows; ++i) {
      auto insert = [&](std::optional<std::int64_t> parent, const std::string& name,
                        const std::string& kind, const std::string& definition) {
        if (parent)
          sqlite3_bind_int64(st, 1, *parent);
        else
          sqlite3_bind_null(st, 1);
        sqlite3_bind_text(st, 2, name.data(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, kind.data(), static_cast<int>(kind.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, definition.data(), static_cast<int>(definition.size()),
                          SQLITE_TRANSIENT);
        check(sqlite3_step(st), db, "insert");
        sqlite3_reset(st);
        return sqlite3_last_insert_rowid(db);
      };
      if (i % 20 == 0) group = insert(std::nullopt, groupName(i), "other", "");
      insert(group, codeName(i), i % 3 ? "mechanism" : "context",
             "What code " + std::to_string(i) + " means, in a sentence or two");
    }
    sqlite3_finalize(st);
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    sqlite3_close(db);
  });
}

std::string fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t base = 1000;
  fs::path work = "build/bench-work";
  int repeat = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) usage(a + " needs a value");
    if (a == "--rows")
      base = std::stoul(argv[++i]);
    else if (a == "--work")
      work = argv[++i];
    else if (a == "--repeat")
      repeat = std::max(1, std::stoi(argv[++i]));
    else
      usage("unknown option " + a);
  }
  fs::create_directories(work);
  struct Row {
    std::size_t rows;
    Timing import, floor;
  };
  std::vector<Row> results;
  try {
    for (std::size_t scale : {1, 10, 100}) {
      const std::size_t n = base * scale;
      const fs::path csv = work / ("codebook-" + std::to_string(n) + ".csv");
      writeCsv(csv, n);
      std::vector<double> iw, ic, fw, fc;
      for (int r = 0; r < repeat; ++r) {
        const Timing t = importCsv(work / "codebook.cmoc", csv);
        iw.push_back(t.wall), ic.push_back(t.cpu);
        const Timing f = floorInsert(work / "codebook-floor.db", n);
        fw.push_back(f.wall), fc.push_back(f.cpu);
      }
      results.push_back({n, {median(iw), median(ic)}, {median(fw), median(fc)}});
      std::cerr << "codebook_bench: " << n << " rows done\n";
    }
  } catch (const cmoc::Error& e) {
    std::cerr << "codebook_bench: " << e.what() << "\n";
    return 1;
  }
  std::cout << "Codebook CSV import (wall / CPU seconds; medians of " << repeat << ")\n"
            << "| rows | codes | import | floor | import/floor (CPU) | import / first (CPU) | "
               "rows / first |\n|---|---|---|---|---|---|---|\n";
  for (const Row& r : results) {
    const Row& first = results.front();
    std::cout << "| " << r.rows << " | " << r.rows + (r.rows + 19) / 20 << " | "
              << fixed(r.import.wall) << " / " << fixed(r.import.cpu) << " | "
              << fixed(r.floor.wall) << " / " << fixed(r.floor.cpu) << " | "
              << fixed(r.import.cpu / r.floor.cpu) << "x | "
              << fixed(r.import.cpu / first.import.cpu) << "x | " << r.rows / first.rows << "x |\n";
  }
  std::cout << "target: growth linear in rows (100x rows within about 100x the time)\n";
  return 0;
}
