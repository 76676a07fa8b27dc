// demo: builds a project from the bundled sample study (transcripts, codebook, two coders'
// codings, CMOCs), shows what it holds and writes every export into a folder.
#include <algorithm>
#include <iostream>

#include "cmoc/cmoc_bulk.h"
#include "cmoc/codebook.h"
#include "cmoc/coding_bulk.h"
#include "cmoc/demiregularity.h"
#include "cmoc/error.h"
#include "cmoc/importers/cmoc_csv.h"
#include "cmoc/importers/codebook_csv.h"
#include "cmoc/importers/codings_csv.h"
#include "cmoc/importers/importer.h"
#include "cmoc/importers/references.h"
#include "cmoc/library.h"
#include "cmoc/project.h"
#include "command.h"
#include "demi_options.h"
#include "demo_exports.h"
#include "demo_theory.h"
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

// The review's references, after the papers: each paper is linked to its study, so its quotes
// read "Hartley and Osei 2017, p. 4" and the matrix can split by the studies' attributes.
void importSampleLibrary(Project& project, const std::filesystem::path& samples) {
  if (!std::filesystem::exists(samples / "references.ris")) return;
  const ReferenceFile refs = importers::loadReferences(samples / "references.ris");
  const LibraryImport r = Library(project).import(refs);
  std::cout << "\n== Study library: " << r.added.size() << " studies from references.ris\n";
  for (const std::string& line : linkReport(r.links)) std::cout << line << "\n";
}

// The analysis layered on the imported study: the inductive codes made while coding, both
// coders' codings, the CMOCs built from them; then the demiregularities they add up to.
void applySampleAnalysis(Project& project, const std::filesystem::path& samples) {
  const auto inductive = importers::loadCodebookCsv(samples / "codebook-inductive.csv");
  const auto added = Codebook(project).importRows(inductive, "codebook-inductive.csv").first;
  const auto codings = importers::loadCodingsCsv(samples / "codings.csv");
  const BulkCodingResult coded = importCodings(project, codings, false, "codings.csv");
  project.setCoder("AJ");  // AJ built the CMOCs from the coding
  const DemoTheory theory =
      importCmocsByPhase(project, importers::loadCmocsCsv(samples / "cmocs.csv"), "cmocs.csv");
  const CmocImportResult& cmocs = theory.imported;
  std::cout << "\n== Analysis: " << added << " inductive codes, " << coded.imported
            << " codings by AJ and RB (codings.csv), " << cmocs.cmocs << " CMOCs with "
            << cmocs.evidence << " pieces of evidence and " << cmocs.links
            << " chain links (cmocs.csv)\n";
  printDemoTheory(std::cout, project, theory);
  std::cout << "\n== Demiregularities (cmoc demi)\n";
  writeDemiTable(std::cout, demiregularities(project), kDefaultSourceThreshold);
}

int runDemo(const Args& args) {
  const std::string& file = projectArg(args);
  if (args.positionals().size() > 2) throw UsageError("usage: cmoc demo PROJECT.cmoc [DIR]");
  const std::filesystem::path exports =
      args.positionals().size() == 2
          ? std::filesystem::path(args.positionals()[1])
          : std::filesystem::absolute(file).parent_path() / "demo-exports";
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
  auto files = sampleTranscripts(samples);
  const std::size_t transcripts = files.size();
  // The literature the synthesis read: the papers are sources too (their paragraphs are turns).
  if (std::filesystem::is_directory(samples / "papers"))
    for (auto& paper : sampleTranscripts(samples / "papers")) files.push_back(std::move(paper));
  std::cout << "== Importing the sample study (" << transcripts << " transcripts, "
            << files.size() - transcripts << " papers) into " << file << "\n";
  const ImportSummary summary = importFiles(project, files, &sheet, {}, true);
  printSummary(std::cout, std::cerr, "demo", summary);
  importSampleLibrary(project, samples);

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
  if (!summary.failed.empty()) return 1;

  applySampleAnalysis(project, samples);
  std::cout << "\n== Exports in " << exports.string() << "\n";
  for (const auto& f : writeDemoExports(project, exports))
    std::cout << "  " << f.filename().string() << "\n";
  std::cout << "\nTry: cmoc show " << file << " 1 --turns    cmoc search " << file
            << " zoe    cmoc demi " << file << " --mechanism Trust\n";
  return 0;
}

}  // namespace

namespace {
std::vector<Command> demoCommands() {
  return {{"demo", "build a demo project from the bundled sample study",
           "cmoc demo PROJECT.cmoc [DIR] [--samples DIR]",
           "Creates PROJECT.cmoc (it must not exist), imports every sample transcript with its\n"
           "participant metadata and the papers in samples/papers, the starter codebook and its\n"
           "inductive additions, the codings of two coders (AJ, RB) and the CMOCs built from them,\n"
           "and prints what the project holds and its demiregularities. Then writes every export\n"
           "into DIR (default: demo-exports beside the project): the CMOC table as CSV, Markdown,\n"
           "HTML, Excel and Word (and a pseudonymised Word copy), if-then-because statements, the\n"
           "causal web (DOT, SVG, PNG), the codebook and codings as CSV, the AJ-RB agreement\n"
           "report and the project as REFI-QDA (.qdpx). The CMOCs come in two phases, each\n"
           "followed by a theory version ('Initial programme theory', then 'Refined programme\n"
           "theory'); the exports add how the theory changed (theory-diff.md, web-diff.svg)\n"
           "and where the evidence disagrees (contradictions.md, .html).",
           {{"samples", true, "the sample study folder (default: the bundled samples/)", "DIR"}},
           runDemo}};
}

}  // namespace

const CommandRegistration registration{demoCommands};

}  // namespace cmoc::cli
