// export-cmocs, export-statements: the CMOC table and the if-then-because statements as files
// for a report. All layout is core's (cmoc_table_export.h); this only reads options.
#include <iostream>

#include "cmoc/atomic_file.h"
#include "cmoc/cmoc_table_export.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "command.h"
#include "demi_options.h"

namespace cmoc::cli {

namespace {

CmocTableOptions tableOptions(const Args& args) {
  CmocTableOptions o;
  o.demi = demiOptions(args);
  o.pseudonymise = args.has("pseudonymise");
  return o;
}

void reportWritten(const CmocTable& table, const std::filesystem::path& file, const char* what) {
  const std::size_t n = table.rowCount();
  std::cout << "Wrote " << n << " CMOC" << (n == 1 ? "" : "s") << " under " << table.groups.size()
            << " mechanism" << (table.groups.size() == 1 ? "" : "s") << " as " << what << " to "
            << file.string() << (table.pseudonymised ? " (pseudonymised)" : "") << "\n";
  if (n == 0) std::cerr << "note: no CMOCs match, so the file has no rows\n";
}

int runExportCmocs(const Args& args) {
  if (args.positionals().size() != 2)
    throw UsageError("usage: cmoc export-cmocs PROJECT.cmoc FILE.(csv|md|html|xlsx|docx) [options]");
  const std::filesystem::path file = args.positionals()[1];
  // Refused before any work, so a typo in the extension costs nothing.
  if (!cmocTableFormatOf(file))
    throw UsageError(file.string() + ": a CMOC table is written as .csv, .md, .html, .xlsx or .docx");
  Project project = Project::open(projectArg(args));
  const CmocTable table = buildCmocTable(project, tableOptions(args));
  writeCmocTable(table, file);
  reportWritten(table, file, "a CMOC table");
  return 0;
}

int runExportStatements(const Args& args) {
  if (args.positionals().size() != 2)
    throw UsageError("usage: cmoc export-statements PROJECT.cmoc FILE.md [options]");
  const std::filesystem::path file = args.positionals()[1];
  if (cmocTableFormatOf(file) != CmocTableFormat::Markdown)
    throw UsageError(file.string() + ": statements are written as Markdown (.md)");
  Project project = Project::open(projectArg(args));
  const CmocTable table = buildCmocTable(project, tableOptions(args));
  writeAtomically(file, statementsMarkdown(table));
  reportWritten(table, file, "if-then-because statements");
  return 0;
}

std::vector<Command> exportCommands() {
  const std::vector<OptionSpec> options = withOptions(
      demiOptionSpecs(),
      {{"pseudonymise", false,
        "replace participants' and speakers' names by their participant codes, in quotes too", ""}});
  return {
      {"export-cmocs", "the CMOC table by mechanism, with attributed quotes (csv md html xlsx docx)",
       "cmoc export-cmocs PROJECT.cmoc FILE.(csv|md|html|xlsx|docx) [--mechanism M]... "
       "[--status S] [--threshold N] [--pseudonymise]",
       "One row per CMOC, grouped by mechanism (best supported first): context, outcome,\n"
       "status, prior CMOC, the excerpts, sources and participants supporting it (as `cmoc\n"
       "demi` counts them), whether it meets the multiple-sources rule, and its evidence quoted\n"
       "as \"text\" (19; director; alliance 2). The format follows FILE's extension: CSV (one\n"
       "row per CMOC), Markdown and HTML (a heading and table per mechanism; the HTML page is\n"
       "self-contained and prints cleanly), Excel (.xlsx) and Word (.docx). The file is\n"
       "replaced atomically.",
       options, runExportCmocs},
      {"export-statements", "the CMOCs as if-then-because statements by mechanism (Markdown)",
       "cmoc export-statements PROJECT.cmoc FILE.md [--mechanism M]... [--status S] "
       "[--threshold N] [--pseudonymise]",
       "Per mechanism, each CMOC as \"If <context>, then <outcome>, because <mechanism>\" with\n"
       "its status, support and quotes.",
       options, runExportStatements},
  };
}

}  // namespace

const CommandRegistration exportRegistration{exportCommands};

}  // namespace cmoc::cli
