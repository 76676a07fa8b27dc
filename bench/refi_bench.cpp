// REFI-QDA import benchmark (issue 21): .qdpx files of growing size (bench/make_qdpx) through
// the path `cmoc new-from` takes, against a floor measured in the same run. It prints the
// measures and never fails on a missed target: it is not a test.
// - import: importers::loadRefi (zip, XML, texts, positions), then refi::apply into a fresh
//   project (one Action), the project closed (WAL checkpoint) inside the time;
// - floor: the same rows (texts with an FTS5 index, codes, codings with the project's indexes)
//   inserted into a bare SQLite file with prepared statements in one transaction, WAL mode;
// - scaling: each file's import time against the smallest's, beside the ratio of their codings.
//
//   refi_bench FILE.qdpx... [--work DIR] [--repeat R]
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cmoc/error.h"
#include "cmoc/importers/refi_qda.h"
#include "cmoc/project.h"
#include "cmoc/refi.h"
#include "timing.h"

namespace fs = std::filesystem;

namespace {

using namespace cmoc::bench;

struct Config {
  std::vector<fs::path> files;
  fs::path work = "build/bench-work";
  int repeat = 1;
};

[[noreturn]] void usage(const std::string& problem) {
  std::cerr << "refi_bench: " << problem
            << "\nusage: refi_bench FILE.qdpx... [--work DIR] [--repeat R]\n";
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
    else if (a == "--repeat")
      c.repeat = std::max(1, std::stoi(value()));
    else if (!a.empty() && a[0] == '-')
      usage("unknown option " + a);
    else
      c.files.emplace_back(a);
  }
  if (c.files.empty()) usage("no .qdpx file");
  return c;
}

void removeDatabase(const fs::path& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db.string() + suffix);
}

struct Counts {
  std::size_t sources = 0, codes = 0, codings = 0;
};

void countCodes(const std::vector<cmoc::refi::Code>& codes, Counts& n) {
  for (const cmoc::refi::Code& c : codes) {
    ++n.codes;
    countCodes(c.children, n);
  }
}

Counts countsOf(const cmoc::refi::Exchange& x) {
  Counts n;
  countCodes(x.codes, n);
  n.sources = x.sources.size();
  for (const cmoc::refi::Source& s : x.sources) {
    n.codings += s.codings.size();
    for (const cmoc::refi::Selection& sel : s.selections) n.codings += sel.codings.size();
  }
  return n;
}

struct ImportTiming {
  Timing read, save, total;
};

// What `cmoc new-from PROJECT FILE` does, without printing the report.
ImportTiming importFile(const fs::path& db, const fs::path& file) {
  removeDatabase(db);
  ImportTiming t;
  const auto t0 = Clock::now();
  const double c0 = selfCpu();
  cmoc::importers::RefiImport in;
  t.read = timed([&] { in = cmoc::importers::loadRefi(file); });
  t.save = timed([&] {
    cmoc::Project project = cmoc::Project::create(db);
    cmoc::refi::apply(project, in.exchange, in.report);
  });
  t.total = {secondsSince(t0), selfCpu() - c0};
  return t;
}

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::cerr << "refi_bench: floor: " << what << ": " << sqlite3_errmsg(db) << "\n";
    std::exit(1);
  }
}

void exec(sqlite3* db, const char* sql) {
  check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql);
}

struct Insert {
  sqlite3* db;
  sqlite3_stmt* st = nullptr;
  Insert(sqlite3* d, const char* sql) : db(d) {
    check(sqlite3_prepare_v2(d, sql, -1, &st, nullptr), d, sql);
  }
  ~Insert() { sqlite3_finalize(st); }
  Insert& text(int i, const std::string& s) {
    sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
    return *this;
  }
  Insert& num(int i, std::int64_t v) {
    sqlite3_bind_int64(st, i, v);
    return *this;
  }
  std::int64_t run() {
    check(sqlite3_step(st), db, "insert");
    sqlite3_reset(st);
    return sqlite3_last_insert_rowid(db);
  }
};

void floorCodes(Insert& ins, const std::vector<cmoc::refi::Code>& codes, std::int64_t parent,
                std::map<std::string, std::int64_t>& ids) {
  for (const cmoc::refi::Code& c : codes) {
    ins.text(1, c.guid).text(2, c.name);
    if (parent)
      ins.num(3, parent);
    else
      sqlite3_bind_null(ins.st, 3);
    const std::int64_t id = ins.run();
    ids[c.guid] = id;
    floorCodes(ins, c.children, id, ids);
  }
}

// The same rows the import saves, with the indexes a project has on them, and nothing else.
Timing floorInsert(const fs::path& file, const cmoc::refi::Exchange& x) {
  removeDatabase(file);
  return timed([&] {
    sqlite3* db = nullptr;
    check(sqlite3_open(file.c_str(), &db), db, "open");
    exec(db, "PRAGMA journal_mode = WAL");
    exec(db, R"(
      CREATE TABLE sources(id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
                           text TEXT NOT NULL);
      CREATE VIRTUAL TABLE fts USING fts5(text, content='sources', content_rowid='id');
      CREATE TABLE codes(id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
                         parent_id INTEGER REFERENCES codes(id), name TEXT NOT NULL);
      CREATE UNIQUE INDEX codes_sibling_name ON codes(ifnull(parent_id, 0), name);
      CREATE TABLE codings(id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
                           source_id INTEGER NOT NULL, code_id INTEGER NOT NULL,
                           coder TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL);
      CREATE INDEX codings_code ON codings(code_id, source_id);
      CREATE INDEX codings_source ON codings(source_id, start);
      CREATE INDEX codings_coder ON codings(coder);
      BEGIN;)");
    std::map<std::string, std::int64_t> codeIds;
    {
      Insert code(db, "INSERT INTO codes(guid, name, parent_id) VALUES (?, ?, ?)");
      floorCodes(code, x.codes, 0, codeIds);
      Insert src(db, "INSERT INTO sources(guid, name, text) VALUES (?, ?, ?)");
      Insert cod(db,
                 "INSERT INTO codings(guid, source_id, code_id, coder, start, end) "
                 "VALUES (?, ?, ?, ?, ?, ?)");
      for (const cmoc::refi::Source& s : x.sources) {
        const std::int64_t sid = src.text(1, s.guid).text(2, s.name).text(3, s.text).run();
        for (const cmoc::refi::Selection& sel : s.selections)
          for (const cmoc::refi::Coding& c : sel.codings)
            cod.text(1, c.guid)
                .num(2, sid)
                .num(3, codeIds[c.code])
                .text(4, c.stamp.creatingUser)
                .num(5, sel.start)
                .num(6, sel.end)
                .run();
      }
    }
    exec(db, "INSERT INTO fts(rowid, text) SELECT id, text FROM sources; COMMIT;");
    sqlite3_close(db);
  });
}

std::string fixed(double v, int digits = 2) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  const Config c = parse(argc, argv);
  fs::create_directories(c.work);
  struct Row {
    fs::path file;
    Counts n;
    ImportTiming import;
    Timing floor;
  };
  std::vector<Row> rows;
  try {
    for (const fs::path& f : c.files) {
      Row r{f, {}, {}, {}};
      std::vector<double> rw, rc, sw, sc, tw, tc, fw, fc;
      for (int i = 0; i < c.repeat; ++i) {
        const ImportTiming t = importFile(c.work / "refi.cmoc", f);
        rw.push_back(t.read.wall), rc.push_back(t.read.cpu), sw.push_back(t.save.wall);
        sc.push_back(t.save.cpu), tw.push_back(t.total.wall), tc.push_back(t.total.cpu);
        const cmoc::importers::RefiImport in = cmoc::importers::loadRefi(f);
        r.n = countsOf(in.exchange);
        const Timing fl = floorInsert(c.work / "refi-floor.db", in.exchange);
        fw.push_back(fl.wall), fc.push_back(fl.cpu);
      }
      r.import = {{median(rw), median(rc)}, {median(sw), median(sc)}, {median(tw), median(tc)}};
      r.floor = {median(fw), median(fc)};
      rows.push_back(r);
      std::cerr << "refi_bench: " << f.filename().string() << " done\n";
    }
  } catch (const cmoc::Error& e) {
    std::cerr << "refi_bench: " << e.what() << "\n";
    return 1;
  }
  std::cout << "REFI-QDA import (wall / CPU seconds; medians of " << c.repeat << ")\n"
            << "| file | sources | codes | codings | read | save | import | floor | import/floor "
               "(CPU) | import / first (CPU) | codings / first |\n"
               "|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const Row& r : rows) {
    const Row& first = rows.front();
    std::cout << "| " << r.file.filename().string() << " | " << r.n.sources << " | " << r.n.codes
              << " | " << r.n.codings << " | " << fixed(r.import.read.wall) << " / "
              << fixed(r.import.read.cpu) << " | " << fixed(r.import.save.wall) << " / "
              << fixed(r.import.save.cpu) << " | " << fixed(r.import.total.wall) << " / "
              << fixed(r.import.total.cpu) << " | " << fixed(r.floor.wall) << " / "
              << fixed(r.floor.cpu) << " | " << fixed(r.import.total.cpu / r.floor.cpu) << "x | "
              << fixed(r.import.total.cpu / first.import.total.cpu) << "x | "
              << fixed(static_cast<double>(r.n.codings) / static_cast<double>(first.n.codings), 0)
              << "x |\n";
  }
  std::cout << "target: 200,000 codings and 20,000 codes in under 10 s; growth linear in size\n";
  return 0;
}
