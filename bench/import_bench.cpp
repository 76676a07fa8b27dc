// Import and search benchmark over a generated corpus (bench/make_corpus). It prints each measure
// beside its target from DESIGN.md (Performance) and never fails on a missed one: it is not a
// test. In one run on one machine, so the ratios hold when the machine's speed drifts:
// - import: every file through the path `cmoc import` takes (importers::loadTranscript, then
//   Project::addTranscript: one transaction per file) into a fresh project;
// - the raw floor: the `sqlite3` shell loading the same files into a table and building an FTS5
//   index over them in one transaction;
// - linear scaling: the whole corpus against its first 100 files;
// - search: the median, over a mix of queries, of each query's median latency.
//
//   import_bench CORPUS_DIR [--work DIR] [--small N] [--repeat R] [--runs R] [--sqlite3 PATH]
//                [--search-only]  (search the project an earlier run left in the work folder)
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "cmoc/error.h"
#include "cmoc/importers/importer.h"
#include "cmoc/project.h"
#include "timing.h"

namespace fs = std::filesystem;

namespace {

using namespace cmoc::bench;

struct Config {
  fs::path corpus, work, sqlite3 = "sqlite3";
  std::size_t small = 100;
  int repeat = 1;           // imports and floor, each; the median is reported
  int searchRuns = 15;      // timed runs of each query after one warm-up
  bool searchOnly = false;  // reuse the project of an earlier run (when profiling search)
};

[[noreturn]] void usage(const std::string& problem) {
  std::cerr << "import_bench: " << problem
            << "\nusage: import_bench CORPUS_DIR [--work DIR] [--small N] [--repeat R] [--runs R] "
               "[--sqlite3 PATH]\n";
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
    else if (a == "--small")
      c.small = std::stoul(value());
    else if (a == "--repeat")
      c.repeat = std::max(1, std::stoi(value()));
    else if (a == "--runs")
      c.searchRuns = std::max(1, std::stoi(value()));
    else if (a == "--sqlite3")
      c.sqlite3 = value();
    else if (a == "--search-only")
      c.searchOnly = true;
    else if (!a.empty() && a[0] == '-')
      usage("unknown option " + a);
    else if (c.corpus.empty())
      c.corpus = a;
    else
      usage("one corpus directory only");
  }
  if (c.corpus.empty()) usage("no corpus directory");
  if (c.work.empty()) c.work = c.corpus.parent_path() / "bench-work";
  return c;
}

void removeDatabase(const fs::path& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db.string() + suffix);
}

// Reads every file once so that neither side pays for the first read from disk.
std::uint64_t warmCache(const std::vector<fs::path>& files) {
  std::uint64_t bytes = 0;
  std::vector<char> buf(1 << 16);
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0)
      bytes += static_cast<std::uint64_t>(in.gcount());
  }
  return bytes;
}

// The `cmoc import` path; the project is closed (WAL checkpoint) inside the timing.
Timing importInto(const fs::path& db, const std::vector<fs::path>& files) {
  removeDatabase(db);
  std::size_t failed = 0;
  const auto t0 = Clock::now();
  const double c0 = selfCpu();
  {
    cmoc::Project project = cmoc::Project::create(db);
    for (const fs::path& f : files) {
      try {
        project.addTranscript(cmoc::importers::loadTranscript(f));
      } catch (const cmoc::Error& e) {
        if (failed++ == 0) std::cerr << "import_bench: " << e.what() << "\n";
      }
    }
  }
  const Timing t{secondsSince(t0), selfCpu() - c0};
  if (failed) std::cerr << "import_bench: " << failed << " files failed to import\n";
  return t;
}

std::string sqlQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// The raw floor: the sqlite3 shell loads the texts into a table and builds an external-content
// FTS5 index over it (unicode61 tokenizer, accents removed), all in one transaction, WAL mode.
// Negative times when the shell failed.
Timing sqliteFloor(const Config& c, const std::vector<fs::path>& files) {
  const fs::path db = c.work / "floor.db", script = c.work / "floor.sql";
  removeDatabase(db);
  {
    std::ofstream sql(script);
    sql << "PRAGMA journal_mode = WAL;\n"
           "CREATE TABLE docs(id INTEGER PRIMARY KEY, name TEXT NOT NULL, text TEXT NOT NULL);\n"
           "CREATE VIRTUAL TABLE fts USING fts5(text, content='docs', content_rowid='id');\n"
           "BEGIN;\n";
    for (const fs::path& f : files)
      sql << "INSERT INTO docs(name, text) VALUES (" << sqlQuote(f.filename().string())
          << ", CAST(readfile(" << sqlQuote(fs::absolute(f).string()) << ") AS TEXT));\n";
    sql << "INSERT INTO fts(rowid, text) SELECT id, text FROM docs;\nCOMMIT;\n";
  }
  const auto t0 = Clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    const int in = open(script.c_str(), O_RDONLY), out = open("/dev/null", O_WRONLY);
    if (in < 0 || out < 0) _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    const std::string exe = c.sqlite3.string(), file = db.string();
    execlp(exe.c_str(), exe.c_str(), "-bail", file.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  if (pid < 0 || wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) ||
      WEXITSTATUS(status) != 0) {
    std::cerr << "import_bench: the sqlite3 shell (" << c.sqlite3.string()
              << ") failed; is it installed (Debian package sqlite3)?\n";
    return {-1, -1};
  }
  return {secondsSince(t0), cpuSeconds(ru)};
}

struct QueryResult {
  std::string query;
  std::size_t hits = 0, firstPageHits = 0;
  double ms = 0, firstPageMs = 0;
};

// Words, accents both ways, phrases, prefixes, boolean operators, a hyphenated name, Greek and
// Chinese: the kinds people type. All occur in bench/make_corpus output.
const char* const kQueries[] = {
    "trust",
    "manager",
    "funding",
    "café",
    "cafe",
    "ZOE",
    "muller",
    "strasse",
    "\"felt supported\"",
    "\"waiting list\"",
    "\"at the end of the day\"",
    "support*",
    "volunteer*",
    "trust AND manager",
    "funding OR budget",
    "trust NOT money",
    "Adebayo-Müller",
    "don't",
    "信任",
    "εμπιστοσυνη",
    "\"local authority\" AND housing",
};

QueryResult timeQuery(const cmoc::Project& p, const std::string& q, int runs) {
  QueryResult r;
  r.query = q;
  cmoc::SearchOptions firstPage;
  firstPage.limit = 50;
  auto measure = [&](const cmoc::SearchOptions& o, std::size_t& hits) {
    hits = p.search(q, o).size();  // warm-up
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
      const auto t0 = Clock::now();
      hits = p.search(q, o).size();
      ms.push_back(secondsSince(t0) * 1000);
    }
    return median(ms);
  };
  r.ms = measure(cmoc::SearchOptions{}, r.hits);
  r.firstPageMs = measure(firstPage, r.firstPageHits);
  return r;
}

const char* verdict(bool met) { return met ? "met" : "MISSED"; }

}  // namespace

int main(int argc, char** argv) {
  const Config c = parse(argc, argv);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(c.corpus))
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  if (files.size() < c.small * 2)
    usage("the corpus needs at least " + std::to_string(c.small * 2) + " .txt files");
  fs::create_directories(c.work);
  const std::vector<fs::path> small(files.begin(),
                                    files.begin() + static_cast<std::ptrdiff_t>(c.small));
  const std::uint64_t bytes = warmCache(files);
  std::printf("corpus: %zu files, %.1f MB (%s)\n", files.size(), static_cast<double>(bytes) / 1e6,
              c.corpus.string().c_str());

  std::vector<double> full, fullCpu, part, partCpu, floor, floorCpu;
  const fs::path project = c.work / "full.cmoc", smallProject = c.work / "small.cmoc";
  for (int r = 0; r < c.repeat && !c.searchOnly; ++r) {
    const Timing p = importInto(smallProject, small);
    part.push_back(p.wall);
    partCpu.push_back(p.cpu);
    std::fprintf(stderr, "  import %zu files: %.2f s (cpu %.2f s)\n", small.size(), p.wall, p.cpu);
    const Timing f = importInto(project, files);
    full.push_back(f.wall);
    fullCpu.push_back(f.cpu);
    std::fprintf(stderr, "  import %zu files: %.2f s (cpu %.2f s)\n", files.size(), f.wall, f.cpu);
    const Timing raw = sqliteFloor(c, files);
    if (raw.wall > 0) {
      floor.push_back(raw.wall);
      floorCpu.push_back(raw.cpu);
    }
    std::fprintf(stderr, "  sqlite3 floor: %.2f s (cpu %.2f s)\n", raw.wall, raw.cpu);
  }
  const double tFull = median(full), tSmall = median(part), tFloor = median(floor);
  const double cFull = median(fullCpu), cSmall = median(partCpu), cFloor = median(floorCpu);

  std::printf("\nsearch latency on the %zu-file project, median of %d runs per query\n",
              files.size(), c.searchRuns);
  std::printf("%-34s %8s %10s %10s\n", "query", "hits", "ms (1000)", "ms (50)");
  std::vector<double> medians, firstPage;
  {
    const cmoc::Project p = cmoc::Project::open(project);
    for (const char* q : kQueries) {
      const QueryResult r = timeQuery(p, q, c.searchRuns);
      std::printf("%-34s %8zu %10.2f %10.2f\n", r.query.c_str(), r.hits, r.ms, r.firstPageMs);
      medians.push_back(r.ms);
      firstPage.push_back(r.firstPageMs);
    }
  }
  const double searchMs = median(medians), firstPageMs = median(firstPage);
  const double maxMs = *std::max_element(medians.begin(), medians.end());

  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("\n| measure | target | result | ratio |\n|---|---|---|---|\n");
  if (!c.searchOnly) {
    std::printf("| import %zu files (cmoc import path), wall | | %.2f s | |\n", files.size(),
                tFull);
    std::printf("| import %zu files, CPU | | %.2f s | |\n", files.size(), cFull);
    if (tFloor > 0) {
      std::printf("| raw floor: sqlite3 shell, table + FTS5, wall | | %.2f s | |\n", tFloor);
      std::printf("| raw floor, CPU | | %.2f s | |\n", cFloor);
      std::printf("| import / raw floor, wall | <= 2.5x | | %.2fx (%s) |\n", tFull / tFloor,
                  verdict(tFull / tFloor <= 2.5));
      std::printf("| import / raw floor, CPU | (<= 2.5x) | | %.2fx |\n", cFull / cFloor);
    }
    std::printf("| import %zu files, wall | | %.2f s | |\n", small.size(), tSmall);
    // Linear scaling allows 10% over the file ratio: 11x for 1,000 files against 100.
    const double linear =
        1.1 * static_cast<double>(files.size()) / static_cast<double>(small.size());
    std::printf("| import %zu / %zu files, wall | <= %.3gx | | %.2fx (%s) |\n", files.size(),
                small.size(), linear, tFull / tSmall, verdict(tFull / tSmall <= linear));
    std::printf("| import %zu / %zu files, CPU | (<= %.3gx) | | %.2fx |\n", files.size(),
                small.size(), linear, cFull / cSmall);
  }
  std::printf("| search, median of %zu queries (up to 1000 hits) | < 5 ms | %.2f ms | (%s) |\n",
              medians.size(), searchMs, verdict(searchMs < 5.0));
  std::printf("| search, slowest query (up to 1000 hits) | | %.2f ms | |\n", maxMs);
  std::printf("| search, median, first 50 hits | | %.2f ms | |\n", firstPageMs);
  std::printf("| peak memory of this process | | %.0f MB | |\n",
              static_cast<double>(ru.ru_maxrss) / 1024);
  return 0;
}
