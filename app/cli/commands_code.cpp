// code: the codebook from the command line. One command whose first argument names what to do
// (add, edit, move, merge, delete, list, import, export), so `cmoc --help` stays one line per
// area and `cmoc code --help` documents the lot.

#include <algorithm>
#include <functional>
#include <iostream>

#include "cmoc/atomic_file.h"
#include "cmoc/codebook.h"
#include "cmoc/error.h"
#include "cmoc/importers/codebook_csv.h"
#include "cmoc/project.h"
#include "command.h"
#include "output.h"
#include "subcommand.h"

namespace cmoc::cli {

namespace {

const std::vector<OptionSpec>& codeOptions() {
  static const std::vector<OptionSpec> specs = {
      {"parent", true, "add/move: the parent code (name or path)", "PATH"},
      {"top", false, "move: to the top level", ""},
      {"name", true, "edit: a new name", "NAME"},
      {"kind", true, "context, mechanism, outcome or other (c, m, o)", "KIND"},
      {"definition", true, "what the code means", "TEXT"},
      {"inclusion", true, "when to apply it", "TEXT"},
      {"exclusion", true, "when not to apply it", "TEXT"},
      {"color", true, "display colour", "#RRGGBB"},
      {"origin", true, "deductive (a priori, the default) or inductive", "ORIGIN"},
      {"memo", true, "a note on the code", "TEXT"},
      {"move-up", false, "delete: give sub-codes and codings to the parent code", ""},
      {"with-codings", false, "delete: delete sub-codes and all their codings too", ""},
      {"encoding", true, "import: the file's encoding when not UTF-8/UTF-16 (e.g. windows-1252)",
       "NAME"},
      formatOption(),
      coderOption(),
  };
  return specs;
}

const std::string& arg(const Args& a, std::size_t i) { return a.positionals()[i]; }

CodeEdit editFrom(const Args& a) {
  CodeEdit e;
  e.name = a.get("name");
  e.definition = a.get("definition");
  e.inclusion = a.get("inclusion");
  e.exclusion = a.get("exclusion");
  e.memo = a.get("memo");
  e.color = a.get("color");
  if (auto k = a.get("kind")) e.kind = parseCodeKind(*k);
  if (auto o = a.get("origin")) e.origin = parseCodeOrigin(*o);
  return e;
}

// Codings of a code and of its sub-codes, from list()'s counts.
std::int64_t codingsUnder(const std::vector<Code>& all, const Code& code) {
  std::int64_t n = 0;
  for (const Code& c : all)
    if (c.id == code.id || c.path.rfind(code.path + "/", 0) == 0) n += c.codings;
  return n;
}

const Code& byId(const std::vector<Code>& all, std::int64_t id) {
  return *std::find_if(all.begin(), all.end(), [&](const Code& c) { return c.id == id; });
}

void runAdd(const Args& a) {
  Project project = openProject(a);
  const CodeEdit e = editFrom(a);
  CodeDraft d{.name = arg(a, 1), .parent = a.get("parent")};
  d.kind = e.kind.value_or(CodeKind::Other);
  d.origin = e.origin.value_or(CodeOrigin::Deductive);
  d.definition = e.definition.value_or("");
  d.inclusion = e.inclusion.value_or("");
  d.exclusion = e.exclusion.value_or("");
  d.memo = e.memo.value_or("");
  d.color = e.color.value_or("");
  const Code c = Codebook(project).add(d);
  std::cout << "Added code " << c.path << " (" << toString(c.kind) << ")\n";
}

void runEdit(const Args& a) {
  const CodeEdit e = editFrom(a);
  if (!e.name && !e.definition && !e.inclusion && !e.exclusion && !e.memo && !e.color && !e.kind &&
      !e.origin)
    throw UsageError(
        "nothing to change: give --name, --kind, --definition, --inclusion, --exclusion, "
        "--color, --origin or --memo");
  Project project = openProject(a);
  const Code c = Codebook(project).edit(arg(a, 1), e);
  std::cout << "Updated code " << c.path << "\n";
}

void runMove(const Args& a) {
  if (a.has("top") == a.has("parent")) throw UsageError("code move needs --parent PATH or --top");
  Project project = openProject(a);
  Codebook book(project);
  const std::string before = book.find(arg(a, 1)).path;
  const auto parent = a.get("parent");
  const Code c =
      book.move(arg(a, 1), parent ? std::optional<std::string_view>(*parent) : std::nullopt);
  std::cout << "Moved code " << before << " to " << c.path << "\n";
}

void runMerge(const Args& a) {
  Project project = openProject(a);
  Codebook book(project);
  const std::string from = book.find(arg(a, 1)).path;
  const Code into = book.merge(arg(a, 1), arg(a, 2));
  const std::int64_t n = byId(book.list(), into.id).codings;
  std::cout << "Merged " << from << " into " << into.path << ", which now has " << n << " coding"
            << (n == 1 ? "" : "s") << "\n";
}

void runDelete(const Args& a) {
  if (a.has("move-up") && a.has("with-codings"))
    throw UsageError("give --move-up or --with-codings, not both");
  Project project = openProject(a);
  Codebook book(project);
  const std::vector<Code> all = book.list();
  const Code c = byId(all, book.find(arg(a, 1)).id);
  const std::string parent = c.parentId ? byId(all, *c.parentId).path : "the top level";
  std::int64_t subCodes = 0;
  for (const Code& k : all) subCodes += k.path.rfind(c.path + "/", 0) == 0 ? 1 : 0;
  const std::int64_t codings = codingsUnder(all, c);
  if (a.has("with-codings")) {
    book.remove(arg(a, 1), DeleteMode::WithCodings);
    std::cout << "Deleted code " << c.path << " with " << subCodes << " sub-code"
              << (subCodes == 1 ? "" : "s") << " and " << codings << " coding"
              << (codings == 1 ? "" : "s") << "\n";
  } else if (a.has("move-up")) {
    book.remove(arg(a, 1), DeleteMode::MoveUp);
    std::cout << "Deleted code " << c.path << "; its sub-codes and codings moved to " << parent
              << "\n";
  } else {
    book.remove(arg(a, 1), DeleteMode::Refuse);
    std::cout << "Deleted code " << c.path << "\n";
  }
}

void runList(const Args& a) {
  Project project = Project::open(projectArg(a));
  const Format format = parseFormat(a.get("format", "table"));
  const std::vector<Code> codes = Codebook(project).list();
  if (format == Format::Table) {
    Table t{{"code", "kind", "origin", "created", "codings", "sources"}};
    for (const Code& c : codes)
      t.add({std::string(2 * static_cast<std::size_t>(c.depth), ' ') + c.name,
             std::string(toString(c.kind)), std::string(toString(c.origin)),
             c.createdAt.substr(0, 10), c.codings, c.sources});
    write(std::cout, t, format);
    return;
  }
  Table t{{"path", "name", "kind", "origin", "color", "definition", "created", "codings", "sources",
           "guid"}};
  for (const Code& c : codes)
    t.add({c.path, c.name, std::string(toString(c.kind)), std::string(toString(c.origin)),
           c.color.empty() ? Cell() : Cell(c.color), c.definition, c.createdAt, c.codings,
           c.sources, c.guid});
  write(std::cout, t, format);
}

void runImport(const Args& a) {
  const std::filesystem::path file = arg(a, 1);
  const std::vector<CodebookRow> rows = importers::loadCodebookCsv(file, a.get("encoding", ""));
  Project project = openProject(a);
  const auto [created, updated] = Codebook(project).importRows(rows, file.filename().string());
  std::cout << "Imported " << file.filename().string() << ": " << created << " code"
            << (created == 1 ? "" : "s") << " created, " << updated << " updated\n";
}

void runExport(const Args& a) {
  Project project = Project::open(projectArg(a));
  Codebook book(project);
  writeAtomically(arg(a, 1), book.exportCsv());
  std::cout << "Exported " << book.list().size() << " codes to " << arg(a, 1) << "\n";
}

const std::vector<Subcommand>& subcommands() {
  static const std::vector<std::string> fields = {"kind",  "definition", "inclusion", "exclusion",
                                                  "color", "origin",     "memo",      "coder"};
  auto with = [](std::vector<std::string> more) {
    more.insert(more.end(), fields.begin(), fields.end());
    return more;
  };
  static const std::vector<Subcommand> subs = {
      {"add",
       "cmoc code add PROJECT.cmoc NAME [--parent PATH] [--kind K] [--definition TEXT] "
       "[--inclusion TEXT] [--exclusion TEXT] [--color #RRGGBB] [--origin deductive|inductive] "
       "[--memo TEXT]",
       with({"parent"}), 2, runAdd},
      {"edit", "cmoc code edit PROJECT.cmoc CODE [--name NAME] [--kind K] [--definition TEXT] ...",
       with({"name"}), 2, runEdit},
      {"move",
       "cmoc code move PROJECT.cmoc CODE (--parent PATH | --top)",
       {"parent", "top", "coder"},
       2,
       runMove},
      {"merge", "cmoc code merge PROJECT.cmoc FROM INTO", {"coder"}, 3, runMerge},
      {"delete",
       "cmoc code delete PROJECT.cmoc CODE [--move-up | --with-codings]",
       {"move-up", "with-codings", "coder"},
       2,
       runDelete},
      {"list", "cmoc code list PROJECT.cmoc [--format table|csv|json]", {"format"}, 1, runList},
      {"import",
       "cmoc code import PROJECT.cmoc FILE.csv [--encoding NAME]",
       {"encoding", "coder"},
       2,
       runImport},
      {"export", "cmoc code export PROJECT.cmoc FILE.csv", {}, 2, runExport},
  };
  return subs;
}

int runCode(const Args& args) { return runSubcommand(args, codeOptions(), subcommands(), "code"); }

std::vector<Command> codeCommands() {
  return {
      {"code", "the codebook: add, edit, move, merge, delete, list, import, export codes",
       "cmoc code SUBCOMMAND PROJECT.cmoc [ARGS] [--options]",
       "A CODE is named by its name where that is unique, else by its path Parent/Child\n"
       "(a '/' inside a name is written \\/).\n\n"
       "subcommands:\n"
       "  add PROJECT NAME [--parent PATH] [--kind K] [--definition TEXT] [--inclusion TEXT]\n"
       "      [--exclusion TEXT] [--color #RRGGBB] [--origin deductive|inductive] [--memo TEXT]\n"
       "                      a new code, last among its siblings\n"
       "  edit PROJECT CODE [--name NAME] [the options of add, except --parent]\n"
       "                      change a code's fields\n"
       "  move PROJECT CODE (--parent PATH | --top)\n"
       "                      put a code (and its sub-codes) under another, or at the top\n"
       "  merge PROJECT FROM INTO\n"
       "                      FROM's codings, CMOC slots and sub-codes go to INTO, then\n"
       "                      FROM is deleted (same-named sub-codes merge too)\n"
       "  delete PROJECT CODE [--move-up | --with-codings]\n"
       "                      refused while the code has sub-codes or codings unless you say\n"
       "                      what happens to them; refused while a CMOC uses it\n"
       "  list PROJECT [--format table|csv|json]\n"
       "                      every code with its kind, origin, created date and its counts of\n"
       "                      codings and sources\n"
       "  import PROJECT FILE.csv [--encoding NAME]\n"
       "                      add and update codes from CSV, all rows or none\n"
       "  export PROJECT FILE.csv\n"
       "                      write the codebook as CSV\n\n"
       "Codebook CSV columns: path, kind, definition, inclusion, exclusion, color, origin,\n"
       "created, memo (path may be replaced by name and parent). Parents may follow their\n"
       "children; a parent not in the file is created with kind `other`. For codes already in\n"
       "the project, absent columns and empty kind/origin/created cells leave fields as they\n"
       "are. Example: cmoc code import study.cmoc samples/codebook.csv\n\n"
       "Every change is one step that `cmoc undo` takes back.",
       codeOptions(), runCode}};
}

}  // namespace

const CommandRegistration codeRegistration{codeCommands};

}  // namespace cmoc::cli
