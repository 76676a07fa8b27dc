// export, import-qda, new-from: REFI-QDA exchange with NVivo, ATLAS.ti, MAXQDA, QualCoder ...
#include <iostream>

#include "cmoc/error.h"
#include "cmoc/importers/refi_qda.h"
#include "cmoc/project.h"
#include "cmoc/refi.h"
#include "cmoc/refi_export.h"
#include "command.h"
#include "output.h"
#include "refi_import_command.h"

namespace cmoc::cli {

namespace {

// The names --positions takes, "a, b, c<last>d".
std::string conventionNames(const char* last) {
  const auto& named = importers::namedConventions();
  std::string out;
  for (std::size_t i = 0; i < named.size(); ++i)
    out += (i == 0 ? "" : i + 1 == named.size() ? last : ", ") + std::string(named[i].name);
  return out;
}

importers::RefiOptions refiOptions(const Args& args) {
  importers::RefiOptions o;
  o.skipMissingSources = args.has("skip-missing-sources");
  if (auto dir = args.get("allow-external")) {
    std::error_code ec;
    if (!std::filesystem::is_directory(*dir, ec))
      throw UsageError("--allow-external " + *dir + ": no such folder");
    o.allowExternal = std::filesystem::path(*dir);
  }
  if (auto p = args.get("positions")) {
    o.positions = importers::conventionNamed(*p);
    if (!o.positions)
      throw UsageError("--positions is " + conventionNames(" or ") + ", not '" + *p + "'");
  }
  return o;
}

std::filesystem::path exchangeArg(const Args& args, const char* command) {
  if (args.positionals().size() != 2)
    throw UsageError(std::string(command) +
                     " needs the project and one exchange file (.qdpx, .qdc or .qde)");
  std::filesystem::path file = args.positionals()[1];
  if (!importers::isRefiFile(file))
    throw UsageError(file.string() + ": not a REFI-QDA file (.qdpx, .qdc or .qde)");
  return file;
}

void printReport(const refi::ImportReport& r, const std::string& origin, Format format) {
  if (format == Format::Json) {
    auto counts = [](const std::vector<std::pair<std::string, std::int64_t>>& v) {
      std::string out = "[";
      for (std::size_t i = 0; i < v.size(); ++i)
        out += (i ? ", " : "") + std::string("{\"element\": ") + jsonString(v[i].first) +
               ", \"count\": " + std::to_string(v[i].second) + "}";
      return out + "]";
    };
    std::cout << "{\"file\": " << jsonString(r.file) << ", \"origin\": " << jsonString(origin)
              << ", \"positions\": " << jsonString(r.positions)
              << ",\n\"found\": " << counts(r.found) << ",\n\"imported\": " << counts(r.imported)
              << ",\n\"skipped\": [";
    for (std::size_t i = 0; i < r.skipped.size(); ++i)
      std::cout << (i ? ", " : "") << "{\"where\": " << jsonString(r.skipped[i].where)
                << ", \"what\": " << jsonString(r.skipped[i].what)
                << ", \"why\": " << jsonString(r.skipped[i].why) << "}";
    std::cout << "],\n\"dangling\": [";
    for (std::size_t i = 0; i < r.dangling.size(); ++i)
      std::cout << (i ? ", " : "") << "{\"where\": " << jsonString(r.dangling[i].where)
                << ", \"what\": " << jsonString(r.dangling[i].what)
                << ", \"guid\": " << jsonString(r.dangling[i].guid) << "}";
    std::cout << "],\n\"external\": [";
    for (std::size_t i = 0; i < r.external.size(); ++i)
      std::cout << (i ? ", " : "") << jsonString(r.external[i]);
    std::cout << "],\n\"notes\": [";
    for (std::size_t i = 0; i < r.notes.size(); ++i)
      std::cout << (i ? ", " : "") << jsonString(r.notes[i]);
    std::cout << "]}\n";
    return;
  }
  if (format == Format::Csv) {
    Table t{{"element", "found", "imported"}};
    for (const auto& [k, v] : r.found) t.add({k, v, Cell{}});
    for (const auto& [k, v] : r.imported) t.add({k, Cell{}, v});
    write(std::cout, t, format);
    return;
  }
  std::cout << refi::describe(r, origin);
}

int runExport(const Args& args) {
  Project project = Project::open(projectArg(args));
  if (args.positionals().size() != 2)
    throw UsageError("export needs the project and one FILE.qdpx or FILE.qdc");
  const std::filesystem::path file = args.positionals()[1];
  const refi::ExportSummary s = refi::exportFile(project, file);
  std::cout << refi::describe(s, file) << "\n";
  return 0;
}

int runNewFrom(const Args& args) {
  const std::string& target = projectArg(args);
  const std::filesystem::path file = exchangeArg(args, "new-from");
  if (std::filesystem::exists(target))
    throw UsageError(target + ": already exists; not overwriting it");
  const Format format = parseFormat(args.get("format", "table"));
  // Read the whole exchange first: a refused file leaves no project behind.
  importers::RefiImport in = importers::loadRefi(file, refiOptions(args));
  try {
    Project project = Project::create(target);
    // Without --coder the import acts as no one, so the new project holds exactly the file's
    // users and exporting it again gives the same file.
    if (auto coder = args.get("coder")) project.setCoder(*coder);
    refi::apply(project, in.exchange, in.report);
  } catch (...) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      std::filesystem::remove(target + suffix, ec);
    throw;
  }
  if (format == Format::Table) std::cout << "Created project " << target << "\n";
  printReport(in.report, in.exchange.origin, format);
  return 0;
}

std::vector<OptionSpec> importOptions() {
  std::vector<OptionSpec> options = refiOnlyImportOptions();
  options.push_back(formatOption());
  options.push_back(coderOption());
  return options;
}

constexpr const char* kImportDetails =
    "Reads a REFI-QDA project (.qdpx, or a bare .qde with its sources/ folder beside it) or\n"
    "codebook (.qdc) from NVivo, ATLAS.ti, MAXQDA, QualCoder and others, and saves it in one\n"
    "step (undo takes it back whole). Users, the code hierarchy (ATLAS.ti \"A::B\" names too),\n"
    "cases and variables, text sources with their codings, notes, links and sets are kept;\n"
    "PDF pages, pictures, audio and video are reported and left out. Positions are converted\n"
    "from the writer's convention (NVivo: UTF-16 units; ATLAS.ti: CRLF counts once), checked\n"
    "against the quoted text where selections quote it. Entities already in the project (same\n"
    "GUID) are kept as they are. A file with a broken reference, a missing source text or a\n"
    "coding outside its text is refused whole, with the element path of the problem.\n"
    "Text files outside the archive (absolute://, file://, relative:// or a basePath leading\n"
    "out, `..`, symlinks leading out of a bare .qde's folder) are refused too, all listed in\n"
    "one error, since the project may be shared onward: --allow-external DIR reads those whose\n"
    "real path (symlinks resolved) lies under DIR, and the report lists each one read;\n"
    "--skip-missing-sources leaves such sources out instead.";

std::vector<Command> refiCommands() {
  std::vector<OptionSpec> newFromOptions = importOptions();
  return {
      {"export",
       "export the project (.qdpx) or its codebook (.qdc) in the REFI-QDA format",
       "cmoc export PROJECT.cmoc FILE.qdpx|FILE.qdc",
       "A .qdpx holds every source's text, code, coding, memo, participant and case, with CMOCs\n"
       "and their chains in sets and links other tools show (see docs/refi-qda.md); a .qdc\n"
       "holds the codebook with kinds and origins as code groups. Both validate against the\n"
       "official REFI-QDA schemas. The file is replaced atomically.",
       {},
       runExport},
      {"import-qda", "import a REFI-QDA project or codebook (.qdpx .qde .qdc) into a project",
       "cmoc import-qda PROJECT.cmoc FILE.qdpx|FILE.qdc|FILE.qde [--skip-missing-sources] "
       "[--allow-external DIR] [--positions HOW] [--format F]",
       kImportDetails, importOptions(), runRefiImport},
      {"new-from", "create a project from a REFI-QDA exchange file",
       "cmoc new-from PROJECT.cmoc FILE.qdpx|FILE.qdc|FILE.qde [--skip-missing-sources] "
       "[--allow-external DIR] [--positions HOW] [--format F]",
       std::string("PROJECT.cmoc must not exist; nothing is created when the file is refused.\n") +
           kImportDetails,
       newFromOptions, runNewFrom},
  };
}

}  // namespace

std::vector<OptionSpec> refiOnlyImportOptions() {
  return {{"skip-missing-sources", false,
           "leave out (and report) sources whose text file is missing, e.g. a bare project.qde",
           ""},
          {"allow-external", true,
           "read text files outside the archive (absolute://, relative://, basePath, symlinks) "
           "only when their real path lies under DIR; without it they are refused",
           "DIR"},
          {"positions", true,
           "how a REFI-QDA file counts positions, overriding its origin: " + conventionNames(", "),
           "HOW"}};
}

int runRefiImport(const Args& args) {
  const std::filesystem::path file = exchangeArg(args, "import-qda");
  // Open while the exchange is read, so it cannot be the project itself, but act as the coder
  // only after: that writes the coder's row, and a refused file must leave the project as it was.
  Project project = Project::open(projectArg(args));
  importers::RefiImport in = importers::loadRefi(file, refiOptions(args));
  setActingCoder(project, args);
  refi::apply(project, in.exchange, in.report);
  printReport(in.report, in.exchange.origin, parseFormat(args.get("format", "table")));
  return 0;
}

const CommandRegistration refiRegistration{refiCommands};

}  // namespace cmoc::cli
