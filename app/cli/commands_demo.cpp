// demo: builds a project from the bundled sample study and shows what it holds.
#include <algorithm>
#include <iostream>

#include "cmoc/error.h"
#include "cmoc/codebook.h"
#include "cmoc/importers/codebook_csv.h"
#include "cmoc/importers/importer.h"
#include "cmoc/project.h"
#include "command.h"
#include "import_run.h"
#include "output.h"

#ifndef CMOC_SAMPLES_DIR
#define CMOC_SAMPLES_DIR "samples"
#endif

namespace cmoc::cli {

namespace {

std::vector<std::filesystem::path> sampleTranscripts(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    for (const auto& imp : importers::transcriptImporters())
      if (imp->canLoad(e.path())) {
        files.push_back(e.path());
        break;
      }
  }
  std::sort(files.begin(), files.end());
  return files;
}

int runDemo(const Args& args) {
  const std::string& file = projectArg(args);
  const std::filesystem::path samples = args.get("samples", CMOC_SAMPLES_DIR);
  if (!std::filesystem::is_directory(samples))
    throw UsageError("no sample study at " + samples.string() + " (use --samples DIR)");
  Project project = Project::create(file);
  project.setCoder("demo");
  const auto codebookRows = importers::loadCodebookCsv(samples / "codebook.csv");
  const auto [created, updated] = Codebook(project).importRows(codebookRows, "codebook.csv");
  (void)updated;
  std::cout << "== Starter realist codebook: " << created << " codes from codebook.csv\n";
  const ParticipantSheet sheet = importers::loadParticipants(samples / "participants.csv");
  const auto files = sampleTranscripts(samples);
  std::cout << "== Importing the sample study (" << files.size() << " transcripts) into " << file
            << "\n";
  const ImportSummary summary = importFiles(project, files, &sheet, {}, true);
  printSummary(std::cout, summary);

  std::cout << "\n== Sources\n";
  Table t{{"id", "name", "format", "participant", "turns", "speakers", "characters"}};
  for (const SourceSummary& s : project.sources())
    t.add({s.id, s.name, s.format, s.participants, s.turns, s.speakers, s.chars});
  write(std::cout, t, Format::Table);

  for (const char* query : {"cafe", "trust AND quick", "\"shared vision\""}) {
    const auto hits = project.search(query, {.limit = 3, .contextChars = 30});
    std::cout << "\n== Search: " << query << " (first " << hits.size() << " hits)\n";
    for (const SearchHit& h : hits)
      std::cout << "  " << h.sourceName << " [" << h.participant << "] @" << h.start << ": …"
                << h.before << "[" << h.match << "]" << h.after << "…\n";
  }
  std::cout << "\n== Codebook (top level)\n";
  Table codes{{"code", "kind", "children"}};
  const auto all = Codebook(project).list();
  for (const Code& c : all) {
    if (c.depth != 0) continue;
    std::int64_t children = 0;
    for (const Code& d : all)
      if (d.parentId == c.id) ++children;
    codes.add({c.name, std::string(toString(c.kind)), children});
  }
  write(std::cout, codes, Format::Table);
  std::cout << "\nTry: cmoc show " << file << " 1 --turns    cmoc search " << file << " zoe\n";
  return summary.failed.empty() ? 0 : 1;
}

}  // namespace

namespace {
std::vector<Command> demoCommands() {
  return {{"demo", "build a demo project from the bundled sample study",
           "cmoc demo PROJECT.cmoc [--samples DIR]",
           "Creates PROJECT.cmoc (it must not exist), imports every sample transcript with its\n"
           "participant metadata, and prints what the project holds.",
           {{"samples", true, "the sample study folder (default: the bundled samples/)", "DIR"}},
           runDemo}};
}

}  // namespace

const CommandRegistration registration{demoCommands};

}  // namespace cmoc::cli
