// coding (apply, turn, remove, move, memo, list), excerpts, import-codings, export-codings,
// matrix: coding transcripts and reading the coding back.

#include <filesystem>
#include <iostream>
#include <set>

#include "cmoc/atomic_file.h"
#include "cmoc/coding.h"
#include "cmoc/coding_bulk.h"
#include "cmoc/error.h"
#include "cmoc/importers/codings_csv.h"
#include "cmoc/matrix.h"
#include "cmoc/project.h"
#include "command.h"
#include "numbers.h"
#include "output.h"
#include "progress_bar.h"

namespace cmoc::cli {

namespace {

std::int64_t position(const std::string& what, const std::string& value) {
  return parseWholeNumber(value, what, 0, kMaxPosition);
}

// Filter options shared by `coding list`, `excerpts` and `export-codings`. --coder filters
// too, so that in blind coding a coder can look at their own codings only.
std::vector<OptionSpec> filterOptions() {
  return {{"code", true, "only codings of this code (name or path); repeatable", "CODE"},
          {"children", false, "--code also matches the codes under it", ""},
          {"source", true, "only codings in this source (id or file name); repeatable", "SOURCE"},
          {"coder", true, "only this coder's codings; repeatable", "NAME"},
          {"participant", true, "only codings of this participant's turns; repeatable", "CODE"},
          {"attr", true, "only codings whose participant or case has NAME=VALUE; repeatable",
           "NAME=VALUE"}};
}

CodingFilter filterFrom(const Args& args) {
  CodingFilter f;
  f.codes = args.all("code");
  f.withChildCodes = args.has("children");
  f.sources = args.all("source");
  f.coders = args.all("coder");
  f.participants = args.all("participant");
  for (const std::string& a : args.all("attr")) {
    const auto eq = a.find('=');
    if (eq == std::string::npos || eq == 0)
      throw UsageError("--attr needs NAME=VALUE, not '" + a + "'");
    f.attributes.emplace_back(a.substr(0, eq), a.substr(eq + 1));
  }
  if (f.withChildCodes && f.codes.empty()) throw UsageError("--children needs --code");
  return f;
}

// A terminal table shows what a reader needs; csv and json carry every field.
std::vector<std::string> codingColumns(Format format) {
  if (format == Format::Table) return {"id", "source", "start", "end", "code", "coder", "memo"};
  return {"id",      "guid",  "source_id", "source", "start",   "end",
          "code_id", "code",  "coder",     "memo",   "created", "modified"};
}

std::vector<Cell> codingRow(const CodingRecord& c, Format format) {
  if (format == Format::Table) return {c.id, c.sourceName, c.start, c.end, c.codePath, c.coder, c.memo};
  return {c.id,     c.guid,     c.sourceId, c.sourceName, c.start,     c.end,
          c.codeId, c.codePath, c.coder,    c.memo,       c.createdAt, c.modifiedAt};
}

Table codingTable(const std::vector<CodingRecord>& codings, Format format) {
  Table t{codingColumns(format), {}};
  for (const CodingRecord& c : codings) t.add(codingRow(c, format));
  return t;
}

std::string describe(const CodingRecord& c) {
  return c.codePath + " on " + c.sourceName + " [" + std::to_string(c.start) + ", " +
         std::to_string(c.end) + ") by " + c.coder;
}

// A changed coding: a confirmation line, or the record in the format asked for.
int printCoding(const Args& args, const CodingRecord& c) {
  if (auto format = args.get("format")) {
    write(std::cout, codingTable({c}, parseFormat(*format)), parseFormat(*format));
    return 0;
  }
  std::cout << "Coding " << c.id << ": " << describe(c) << "\n";
  return 0;
}

// `cmoc coding SUBCOMMAND PROJECT ...` as documented; the project-first order of every other
// command (`cmoc coding PROJECT SUBCOMMAND ...`) is accepted too. Returns the subcommand and
// the arguments re-read with PROJECT first, so openProject() works unchanged.
const std::set<std::string> kSubcommands = {"apply", "turn", "remove", "move", "memo", "list"};

std::pair<std::string, Args> splitSubcommand(const Args& args,
                                             const std::vector<OptionSpec>& specs) {
  std::vector<std::string> pos = args.positionals();
  std::string sub;
  if (!pos.empty() && kSubcommands.count(pos[0])) {
    sub = pos[0];
    pos.erase(pos.begin());
  } else if (pos.size() > 1 && kSubcommands.count(pos[1])) {
    sub = pos[1];
    pos.erase(pos.begin() + 1);
  } else {
    throw UsageError("coding needs a subcommand: apply, turn, remove, move, memo or list");
  }
  std::vector<std::string> argv;
  for (const OptionSpec& s : specs)
    for (const std::string& v : args.all(s.name))
      argv.push_back(s.takesValue ? "--" + s.name + "=" + v : "--" + s.name);
  argv.push_back("--");
  argv.insert(argv.end(), pos.begin(), pos.end());
  return {sub, Args(argv, specs)};
}

void expectPositionals(const Args& args, std::size_t n, const std::string& usage) {
  if (args.positionals().size() != n + 1) throw UsageError("usage: " + usage);
}

std::vector<OptionSpec> codingOptions() {
  std::vector<OptionSpec> o = {{"memo", true, "apply, turn: a memo on the new coding", "TEXT"},
                               formatOption()};
  for (OptionSpec& f : filterOptions()) {
    if (f.name == "coder")
      f.help = "who codes (apply, turn ...); list: only this coder's codings";
    else
      f.help = "list: " + f.help;
    o.push_back(std::move(f));
  }
  return o;
}

int runCoding(const Args& raw) {
  const std::vector<OptionSpec> specs = codingOptions();
  const auto [sub, args] = splitSubcommand(raw, specs);
  const std::set<std::string> listOnly = {"code", "children", "source", "participant", "attr"};
  for (const OptionSpec& s : specs) {
    if (!args.has(s.name)) continue;
    const bool ok = s.name == "coder" || (s.name == "format" && sub != "remove") ||
                    (s.name == "memo" && (sub == "apply" || sub == "turn")) ||
                    (listOnly.count(s.name) && sub == "list");
    if (!ok) throw UsageError("--" + s.name + " does not apply to `coding " + sub + "`");
  }
  const auto& p = args.positionals();
  if (sub == "list") {
    expectPositionals(args, 0, "cmoc coding list PROJECT.cmoc [filters] [--format F]");
    Project project = openProject(args);
    const Format format = parseFormat(args.get("format", "table"));
    // Rows are printed as they are read (a terminal table still waits for its column widths).
    RowStream rows(std::cout, codingColumns(format), format);
    Coding(project).each(filterFrom(args), [&](const CodingRecord& c) { rows.add(codingRow(c, format)); });
    rows.finish();
    return 0;
  }
  Project project = openProject(args);
  Coding coding(project);
  const std::string memo = args.get("memo", "");
  if (sub == "apply") {
    expectPositionals(args, 4, "cmoc coding apply PROJECT.cmoc SOURCE START END CODE");
    return printCoding(
        args, coding.apply(p[1], p[4], position("START", p[2]), position("END", p[3]), memo));
  }
  if (sub == "turn") {
    expectPositionals(args, 3, "cmoc coding turn PROJECT.cmoc SOURCE TURN CODE");
    return printCoding(
        args,
        coding.applyToTurn(p[1], parseWholeNumber(p[2], "TURN", 0, kNoUpperLimit), p[3], memo));
  }
  if (sub == "remove") {
    expectPositionals(args, 1, "cmoc coding remove PROJECT.cmoc CODING_ID");
    const CodingRecord c = coding.get(parseId(p[1], "CODING_ID"));
    coding.remove(c.id);
    std::cout << "Removed coding " << c.id << ": " << describe(c) << "\n";
    return 0;
  }
  if (sub == "move") {
    expectPositionals(args, 3, "cmoc coding move PROJECT.cmoc CODING_ID START END");
    return printCoding(args, coding.moveSpan(parseId(p[1], "CODING_ID"), position("START", p[2]),
                                             position("END", p[3])));
  }
  expectPositionals(args, 2, "cmoc coding memo PROJECT.cmoc CODING_ID TEXT");
  return printCoding(args, coding.setMemo(parseId(p[1], "CODING_ID"), p[2]));
}

int runExcerpts(const Args& args) {
  if (args.positionals().size() != 1)
    throw UsageError("excerpts takes only the project file and options");
  Project project = openProject(args);
  const Format format = parseFormat(args.get("format", "table"));
  const std::int64_t context =
      parseWholeNumber(args.get("context", "80"), "--context", 0, kMaxContextChars);
  const auto excerpts = Coding(project).excerpts(filterFrom(args), static_cast<int>(context));
  if (format == Format::Table) {
    Table t{{"attribution", "code", "coder", "source", "span", "quote"}};
    for (const Excerpt& x : excerpts)
      t.add({x.attribution, x.coding.codePath, x.coding.coder, x.coding.sourceName,
             std::to_string(x.coding.start) + "-" + std::to_string(x.coding.end), x.text});
    write(std::cout, t, format);
    return 0;
  }
  Table t{{"id", "guid", "source_id", "source", "start", "end", "code", "coder", "memo", "speaker",
           "participant", "attribution", "before", "text", "after", "created", "modified"}};
  for (const Excerpt& x : excerpts) {
    const CodingRecord& c = x.coding;
    t.add({c.id, c.guid, c.sourceId, c.sourceName, c.start, c.end, c.codePath, c.coder, c.memo,
           x.speaker, x.participant, x.attribution, x.before, x.text, x.after, c.createdAt,
           c.modifiedAt});
  }
  write(std::cout, t, format);
  return 0;
}

int runImportCodings(const Args& args) {
  if (args.positionals().size() != 2)
    throw UsageError("usage: cmoc import-codings PROJECT.cmoc FILE.csv");
  Project project = openProject(args);
  const std::filesystem::path file = args.positionals()[1];
  const std::vector<CodingRow> rows = importers::loadCodingsCsv(file, args.get("encoding", ""));
  ProgressBar bar("Importing codings");
  const BulkCodingResult r =
      importCodings(project, rows, args.has("create-codes"), file.filename().string(), &bar);
  std::cout << "Imported " << r.imported << " coding" << (r.imported == 1 ? "" : "s") << " from "
            << file.filename().string() << "\n";
  if (!r.createdCodes.empty())
    std::cout << "Created " << r.createdCodes.size() << " code"
              << (r.createdCodes.size() == 1 ? "" : "s") << ": " << joined(r.createdCodes, ", ") << "\n";
  if (!r.createdCoders.empty()) std::cout << "New coders: " << joined(r.createdCoders, ", ") << "\n";
  return 0;
}

int runExportCodings(const Args& args) {
  if (args.positionals().size() != 2)
    throw UsageError("usage: cmoc export-codings PROJECT.cmoc FILE.csv [filters]");
  Project project = openProject(args);
  std::size_t count = 0;
  const std::string csv = exportCodings(project, filterFrom(args), &count);
  const std::string& file = args.positionals()[1];
  if (file == "-") {
    std::cout << csv;
    return 0;
  }
  writeAtomically(file, csv);
  std::cout << "Exported " << count << " coding" << (count == 1 ? "" : "s") << " to " << file
            << "\n";
  return 0;
}

int runMatrix(const Args& args) {
  if (args.positionals().size() != 2)
    throw UsageError("usage: cmoc matrix PROJECT.cmoc ATTRIBUTE [options]");
  Project project = openProject(args);
  MatrixRequest request;
  request.attribute = args.positionals()[1];
  request.codes = args.all("codes");
  request.parent = args.get("parent");
  request.withChildCodes = args.has("children");
  request.coders = args.all("coder");
  const std::string count = args.get("count", "both");
  if (count != "codings" && count != "sources" && count != "both")
    throw UsageError("--count is codings, sources or both, not '" + count + "'");
  const Format format = parseFormat(args.get("format", "table"));
  const CodeMatrix m = codeAttributeMatrix(project, request);

  if (format == Format::Json) {
    auto cellJson = [](const MatrixCell& c) {
      return "{\"codings\": " + std::to_string(c.codings) +
             ", \"sources\": " + std::to_string(c.sources) + "}";
    };
    std::cout << "{\"attribute\": " << jsonString(m.attribute) << ",\n\"columns\": [";
    for (std::size_t i = 0; i < m.columns.size(); ++i)
      std::cout << (i ? ", " : "") << jsonString(m.columns[i]);
    std::cout << "],\n\"rows\": [";
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
      std::cout << (r ? ",\n  " : "\n  ") << "{\"code\": " << jsonString(m.rows[r].codePath)
                << ", \"cells\": {";
      for (std::size_t i = 0; i < m.columns.size(); ++i)
        std::cout << (i ? ", " : "") << jsonString(m.columns[i]) << ": "
                  << cellJson(m.rows[r].cells[i]);
      std::cout << "}, \"total\": " << cellJson(m.rows[r].total) << "}";
    }
    std::cout << (m.rows.empty() ? "]}\n" : "\n]}\n");
    return 0;
  }
  const bool both = count == "both";
  const bool codings = count == "codings";
  Table t{{"code"}};
  std::vector<std::string> heads = m.columns;
  heads.push_back("total");
  for (const std::string& h : heads) {
    if (both && format == Format::Csv) {
      t.columns.push_back(h + " codings");
      t.columns.push_back(h + " sources");
    } else {
      t.columns.push_back(h);
    }
  }
  for (const MatrixRow& row : m.rows) {
    std::vector<Cell> cells{row.codePath};
    std::vector<MatrixCell> all = row.cells;
    all.push_back(row.total);
    for (const MatrixCell& c : all) {
      if (both && format == Format::Csv) {
        cells.emplace_back(c.codings);
        cells.emplace_back(c.sources);
      } else if (both) {
        cells.emplace_back(std::to_string(c.codings) + " (" + std::to_string(c.sources) + ")");
      } else {
        cells.emplace_back(codings ? c.codings : c.sources);
      }
    }
    t.add(std::move(cells));
  }
  write(std::cout, t, format);
  return 0;
}

std::vector<OptionSpec> with(std::vector<OptionSpec> options, std::vector<OptionSpec> more) {
  options.insert(options.end(), more.begin(), more.end());
  return options;
}

std::vector<Command> codingCommands() {
  return {
      {"coding", "code spans and whole turns; remove, move, memo and list codings",
       "cmoc coding SUBCOMMAND PROJECT.cmoc ARGS... [options]",
       "Subcommands:\n"
       "  apply PROJECT SOURCE START END CODE [--memo T]   code the span [START, END)\n"
       "  turn PROJECT SOURCE TURN CODE [--memo T]         code a whole speaker turn\n"
       "  remove PROJECT CODING_ID                         uncode (kept in the audit log)\n"
       "  move PROJECT CODING_ID START END                 move a coding's boundaries\n"
       "  memo PROJECT CODING_ID TEXT                      set a coding's memo\n"
       "  list PROJECT [filters] [--format F]              list codings\n"
       "SOURCE is a source id or file name; CODE a code's name, or its path Parent/Child where\n"
       "the name is not unique. START and END count Unicode characters (code points) from 0, as\n"
       "`cmoc show --turns` does; turns are numbered from 1. Spans may overlap freely.\n"
       "--coder names who codes; with `list` it also shows only that coder's codings, so a\n"
       "second coder can work blind. Every change can be undone with `cmoc undo`.",
       codingOptions(), runCoding},
      {"excerpts", "coded excerpts with context and attribution (19; director; alliance 2)",
       "cmoc excerpts PROJECT.cmoc [filters] [--context N] [--format F]",
       "Filters combine with AND; a repeated filter matches any of its values. A coding's\n"
       "participant is the speaker of the turn where it starts (else the source's main\n"
       "participant); --attr matches that participant's attributes (role, region, phase,\n"
       "case, case_type ...) or its case's. The attribution reads participant; role; case,\n"
       "or the source name when no participant is known. Context stays within the turn.\n"
       "The table shows the quote; csv and json add the context, speaker and every field.",
       with(filterOptions(),
            {{"context", true, "characters of context either side (default 80)", "N"},
             formatOption()}),
       runExcerpts},
      {"import-codings",
       "import codings from a CSV file, all rows or none",
       "cmoc import-codings PROJECT.cmoc FILE.csv [--create-codes] [--coder NAME]",
       "Columns: source,start,end,code,coder,memo (a span in characters), or\n"
       "source,turn,code,coder,memo (a whole turn, numbered from 1). coder and memo may be\n"
       "left out; an empty coder is --coder. A source is named by id or file name, a code by\n"
       "name or path. Unknown codes are an error unless --create-codes, which creates them as\n"
       "inductive codes of kind `other`; unknown coders are added. The first bad row stops\n"
       "the import with its line number, and nothing is imported. `cmoc undo` removes the\n"
       "whole import.",
       {{"create-codes", false, "create unknown codes (inductive, kind other)", ""},
        {"encoding", true, "the file's encoding when not UTF-8/UTF-16 (e.g. windows-1252)", "NAME"},
        coderOption()},
       runImportCodings},
      {"export-codings", "export codings to CSV (source,start,end,code,coder,memo)",
       "cmoc export-codings PROJECT.cmoc FILE.csv [filters]",
       "Sources are written by file name and codes by path, so `import-codings` reads the file\n"
       "back into any project holding the same sources. FILE.csv `-` writes to stdout.",
       filterOptions(), runExportCodings},
      {"matrix",
       "codes x attribute values: counts of codings and sources",
       "cmoc matrix PROJECT.cmoc ATTRIBUTE [--codes CODE]... [--parent CODE] [--count C] [--format "
       "F]",
       "ATTRIBUTE is a participant attribute (role, region, phase ...), case, case_type or\n"
       "participant. Rows are every code, the --codes named, or --parent's children. A coding\n"
       "belongs to the participant speaking where it starts (else the source's main\n"
       "participant); codings without one, or without a value, count under (none). With\n"
       "--count both (the default) a table cell reads CODINGS (SOURCES); csv gives each its own\n"
       "column; json always has both.",
       {{"codes", true, "a row for this code (name or path); repeatable", "CODE"},
        {"parent", true, "a row for each child of this code", "CODE"},
        {"children", false, "a row also counts the codings of the codes under it", ""},
        {"coder", true, "only this coder's codings; repeatable", "NAME"},
        {"count", true, "codings, sources or both (default)", "WHAT"},
        formatOption()},
       runMatrix},
  };
}

}  // namespace

const CommandRegistration codingRegistration{codingCommands};

}  // namespace cmoc::cli
