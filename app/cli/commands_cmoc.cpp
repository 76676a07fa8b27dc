// cmoc: CMOCs from the command line. One command whose first argument names what to do (add,
// edit, delete, list, show, evidence, link, unlink, links, import), like `cmoc code`, so `cmoc --help`
// stays one line per area and `cmoc cmoc --help` documents the lot.
#include <algorithm>
#include <functional>
#include <iostream>
#include <map>

#include "cmoc/cmoc_bulk.h"
#include "cmoc/cmoc_text.h"
#include "cmoc/cmocs.h"
#include "cmoc/coding.h"
#include "cmoc/error.h"
#include "cmoc/importers/cmoc_csv.h"
#include "cmoc/project.h"
#include "command.h"
#include "numbers.h"
#include "output.h"
#include "subcommand.h"

namespace cmoc::cli {

namespace {

const std::vector<OptionSpec>& cmocOptions() {
  static const std::vector<OptionSpec> specs = {
      {"context", true, "add/edit: the context code (name or path)", "CODE"},
      {"mechanism", true, "add/edit: the mechanism code; list: only CMOCs under it", "CODE"},
      {"outcome", true, "add/edit: the outcome code", "CODE"},
      {"status", true, "affirms, refines, refutes or novel (add's default: novel)", "STATUS"},
      {"prior", true, "add/edit: the CMOC this one tests (id or GUID)", "ID"},
      {"no-prior", false, "edit: it tests no prior CMOC any more", ""},
      {"label", true, "add/edit: a short label", "TEXT"},
      {"memo", true, "add/edit/link: a note", "TEXT"},
      {"evidence", true, "add: a supporting coding for a slot; repeatable", "SLOT:CODING_ID"},
      {"add", true, "evidence: add a supporting coding to a slot", "SLOT:CODING_ID"},
      {"remove", true, "evidence: remove a supporting coding from a slot", "SLOT:CODING_ID"},
      {"force", false, "add/edit/import: accept a code of another kind in a slot", ""},
      {"encoding", true, "import: the file's encoding when not UTF-8/UTF-16 (e.g. windows-1252)",
       "NAME"},
      {"code", true, "list: only CMOCs with this code in any slot; repeatable", "CODE"},
      formatOption(),
      {"coder", true, "who does this (default: $CMOC_CODER, else $USER); list: only this coder's",
       "NAME"},
  };
  return specs;
}

const std::string& arg(const Args& a, std::size_t i) { return a.positionals()[i]; }

std::int64_t codingId(const std::string& s, const std::string& whole) {
  try {
    return parseId(s, "CODING_ID");
  } catch (const UsageError&) {
    throw UsageError("'" + whole + "' is not SLOT:CODING_ID (e.g. context:12)");
  }
}

std::pair<Slot, std::int64_t> slotAndCoding(const std::string& s) {
  const auto colon = s.rfind(':');
  if (colon == std::string::npos) throw UsageError("'" + s + "' is not SLOT:CODING_ID (e.g. context:12)");
  return {parseSlot(s.substr(0, colon)), codingId(s.substr(colon + 1), s)};
}

KindCheck kindCheck(const Args& a) { return a.has("force") ? KindCheck::Force : KindCheck::Strict; }

// Evidence that is not coded with its slot's code is allowed (see cmocs.h) but worth a word.
void warnAboutEvidence(const Cmoc& c) {
  for (Slot s : {Slot::Context, Slot::Mechanism, Slot::Outcome})
    for (const Evidence& e : c.slot(s).evidence)
      if (!e.fitsSlot)
        std::cerr << "warning: coding " << e.codingId << " backs the " << toString(s) << " '"
                  << c.slot(s).codePath << "' of CMOC " << c.id
                  << " but is not coded with it or a sub-code\n";
}

void runAdd(const Args& a) {
  CmocDraft d;
  d.context = a.get("context", "");
  d.mechanism = a.get("mechanism", "");
  d.outcome = a.get("outcome", "");
  if (auto s = a.get("status")) d.status = parseCmocStatus(*s);
  d.prior = a.get("prior");
  d.label = a.get("label", "");
  d.memo = a.get("memo", "");
  for (const std::string& e : a.all("evidence")) d.evidence.push_back(slotAndCoding(e));
  Project project = openProject(a);
  const Cmoc c = Cmocs(project).add(d, kindCheck(a));
  std::cout << "Added CMOC " << c.id << ": " << cmocSentence(c) << "\n";
  warnAboutEvidence(c);
}

void runEdit(const Args& a) {
  CmocEdit e;
  e.context = a.get("context");
  e.mechanism = a.get("mechanism");
  e.outcome = a.get("outcome");
  if (auto s = a.get("status")) e.status = parseCmocStatus(*s);
  if (a.has("prior") && a.has("no-prior")) throw UsageError("give --prior or --no-prior, not both");
  e.prior = a.has("no-prior") ? std::optional<std::string>("") : a.get("prior");
  e.label = a.get("label");
  e.memo = a.get("memo");
  if (!e.context && !e.mechanism && !e.outcome && !e.status && !e.prior && !e.label && !e.memo)
    throw UsageError(
        "nothing to change: give --context, --mechanism, --outcome, --status, --prior, "
        "--no-prior, --label or --memo");
  Project project = openProject(a);
  Cmocs cmocs(project);
  const Cmoc c = cmocs.edit(cmocs.resolve(arg(a, 1)), e, kindCheck(a));
  std::cout << "Edited CMOC " << c.id << ": " << cmocSentence(c) << "\n";
}

void runDelete(const Args& a) {
  Project project = openProject(a);
  Cmocs cmocs(project);
  const Cmoc c = cmocs.get(cmocs.resolve(arg(a, 1)));
  cmocs.remove(c.id);
  std::cout << "Deleted CMOC " << c.id << ": " << cmocSentence(c) << "\n";
}

void runList(const Args& a) {
  Project project = Project::open(projectArg(a));
  CmocFilter f;
  f.mechanisms = a.all("mechanism");
  f.codes = a.all("code");
  f.coders = a.all("coder");
  if (auto s = a.get("status")) f.status = parseCmocStatus(*s);
  Table t{{"id", "context", "mechanism", "outcome", "status", "evidence", "sources", "sentence"}};
  for (const Cmoc& c : Cmocs(project).list(f))
    t.add({c.id, c.context.codePath, c.mechanism.codePath, c.outcome.codePath,
           std::string(toString(c.status)), static_cast<std::int64_t>(c.excerptCount()),
           static_cast<std::int64_t>(c.sourceCount()), cmocSentence(c)});
  write(std::cout, t, parseFormat(a.get("format", "table")));
}

// Line breaks inside a quote would break the indented layout; the text itself is unchanged.
std::string oneLine(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

void runShow(const Args& a) {
  Project project = Project::open(projectArg(a));
  Cmocs cmocs(project);
  const Cmoc c = cmocs.get(cmocs.resolve(arg(a, 1)));
  const std::map<std::int64_t, Excerpt> excerpts = cmocs.evidenceExcerpts({c}, 60);
  const Format format = parseFormat(a.get("format", "table"));
  Table ev{{"slot", "coding", "code", "source", "start", "end", "attribution", "text", "fits_slot"}};
  for (Slot s : {Slot::Context, Slot::Mechanism, Slot::Outcome})
    for (const Evidence& e : c.slot(s).evidence) {
      auto x = excerpts.find(e.codingId);
      ev.add({std::string(toString(s)), e.codingId,
              x == excerpts.end() ? Cell() : Cell(x->second.coding.codePath),
              x == excerpts.end() ? Cell() : Cell(x->second.coding.sourceName), e.start, e.end,
              x == excerpts.end() ? Cell() : Cell(x->second.attribution),
              x == excerpts.end() ? Cell() : Cell(x->second.text), e.fitsSlot});
    }
  if (format == Format::Csv) {
    write(std::cout, ev, format);
    return;
  }
  if (format == Format::Json) {
    std::cout << "{\"id\": " << c.id << ", \"guid\": " << jsonString(c.guid)
              << ", \"context\": " << jsonString(c.context.codePath)
              << ", \"mechanism\": " << jsonString(c.mechanism.codePath)
              << ", \"outcome\": " << jsonString(c.outcome.codePath)
              << ", \"status\": " << jsonString(toString(c.status))
              << ", \"prior\": " << jsonCell(cell(c.priorId)) << ", \"label\": " << jsonString(c.label)
              << ", \"memo\": " << jsonString(c.memo) << ", \"coder\": " << jsonString(c.coder)
              << ", \"created\": " << jsonString(c.createdAt)
              << ", \"modified\": " << jsonString(c.modifiedAt)
              << ", \"sentence\": " << jsonString(cmocSentence(c))
              << ", \"action_statement\": " << jsonString(actionStatement(c))
              << ", \"excerpts\": " << c.excerptCount() << ", \"sources\": " << c.sourceCount()
              << ",\n\"evidence\": " << jsonObjects(ev) << "}\n";
    return;
  }
  std::cout << "CMOC " << c.id << (c.label.empty() ? "" : " \"" + c.label + "\"") << ": "
            << toString(c.status)
            << (c.priorId ? " (tests CMOC " + std::to_string(*c.priorId) + ")" : "") << "\n"
            << cmocSentence(c) << "\n"
            << actionStatement(c) << "\n\n"
            << "  context    " << c.context.codePath << "\n"
            << "  mechanism  " << c.mechanism.codePath << "\n"
            << "  outcome    " << c.outcome.codePath << "\n"
            << "  coder      " << c.coder << "; created " << c.createdAt << ", modified "
            << c.modifiedAt << "\n";
  if (!c.memo.empty()) std::cout << "  memo       " << c.memo << "\n";
  std::cout << "\nEvidence: " << c.excerptCount() << " excerpt" << (c.excerptCount() == 1 ? "" : "s")
            << " from " << c.sourceCount() << " source" << (c.sourceCount() == 1 ? "" : "s") << "\n";
  for (Slot s : {Slot::Context, Slot::Mechanism, Slot::Outcome})
    for (const Evidence& e : c.slot(s).evidence) {
      auto x = excerpts.find(e.codingId);
      std::cout << "  [" << toString(s) << "] coding " << e.codingId;
      if (x != excerpts.end())
        std::cout << " (" << x->second.coding.codePath << ")" << (e.fitsSlot ? "" : " - not the slot's code")
                  << "\n    \"" << oneLine(x->second.text) << "\" (" << x->second.attribution << ")";
      std::cout << "\n";
    }
}

void runEvidence(const Args& a) {
  if (a.has("add") == a.has("remove") || a.all("add").size() > 1 || a.all("remove").size() > 1)
    throw UsageError("evidence needs one --add SLOT:CODING_ID or one --remove SLOT:CODING_ID");
  Project project = openProject(a);
  Cmocs cmocs(project);
  const std::int64_t id = cmocs.resolve(arg(a, 1));
  if (auto add = a.get("add")) {
    const auto [slot, coding] = slotAndCoding(*add);
    const Cmoc c = cmocs.addEvidence(id, slot, coding);
    std::cout << "Coding " << coding << " now supports the " << toString(slot) << " of CMOC " << id
              << " (" << c.excerptCount() << " excerpts from " << c.sourceCount() << " sources)\n";
    warnAboutEvidence(c);
    return;
  }
  const auto [slot, coding] = slotAndCoding(*a.get("remove"));
  const Cmoc c = cmocs.removeEvidence(id, slot, coding);
  std::cout << "Coding " << coding << " no longer supports the " << toString(slot) << " of CMOC "
            << id << " (" << c.excerptCount() << " excerpts from " << c.sourceCount()
            << " sources)\n";
}

void runLink(const Args& a) {
  Project project = openProject(a);
  Cmocs cmocs(project);
  const std::int64_t from = cmocs.resolve(arg(a, 1));  // FROM's error first, so not in one call
  const std::int64_t to = cmocs.resolve(arg(a, 2));
  const CmocLink l = cmocs.link(from, to, a.get("memo", ""));
  std::cout << "Linked CMOC " << l.from << " (outcome " << l.fromOutcome << ") to CMOC " << l.to
            << " (context " << l.toContext << ")\n";
}

void runUnlink(const Args& a) {
  Project project = openProject(a);
  Cmocs cmocs(project);
  const std::int64_t from = cmocs.resolve(arg(a, 1));
  const std::int64_t to = cmocs.resolve(arg(a, 2));
  cmocs.unlink(from, to);
  std::cout << "Unlinked CMOC " << from << " from CMOC " << to << "\n";
}

std::string cyclePath(const std::vector<std::int64_t>& cycle) {
  std::string s;
  for (std::int64_t id : cycle) s += std::to_string(id) + " -> ";
  return s + std::to_string(cycle.front());
}

void runLinks(const Args& a) {
  Project project = Project::open(projectArg(a));
  Cmocs cmocs(project);
  const Format format = parseFormat(a.get("format", "table"));
  std::map<std::int64_t, std::string> mechanism;
  for (const Cmoc& c : cmocs.list()) mechanism[c.id] = c.mechanism.code;

  Table links{{"from", "to", "outcome", "context", "memo"}};
  for (const CmocLink& l : cmocs.links()) links.add({l.from, l.to, l.fromOutcome, l.toContext, l.memo});
  Table suggested{{"from", "to", "code"}};
  for (const SuggestedLink& s : cmocs.suggestedLinks()) suggested.add({s.from, s.to, s.code});
  Table cycles{{"cycle", "length", "mechanisms"}};
  for (const auto& cycle : cmocs.cycles()) {
    std::string mechs;
    for (std::int64_t id : cycle) mechs += mechanism[id] + " -> ";
    cycles.add({cyclePath(cycle), static_cast<std::int64_t>(cycle.size()), mechs + mechanism[cycle.front()]});
  }

  if (format == Format::Json) {
    std::cout << "{\"links\": " << jsonObjects(links) << ",\n\"suggested\": " << jsonObjects(suggested)
              << ",\n\"cycles\": " << jsonObjects(cycles) << "}\n";
    return;
  }
  if (format == Format::Csv) {
    // One CSV table: a `kind` column tells links, suggestions and cycles apart.
    Table all{{"kind", "from", "to", "code", "cycle"}};
    for (const auto& r : links.rows) all.add({"link", r[0], r[1], r[2], Cell()});
    for (const auto& r : suggested.rows) all.add({"suggested", r[0], r[1], r[2], Cell()});
    for (const auto& r : cycles.rows) all.add({"cycle", Cell(), Cell(), Cell(), r[0]});
    write(std::cout, all, format);
    return;
  }
  auto section = [](const char* title, const Table& t, const char* none) {
    std::cout << title << "\n";
    if (t.rows.empty()) std::cout << "  " << none << "\n";
    else write(std::cout, t, Format::Table);
  };
  section("Links (outcome of FROM feeds the context of TO):", links, "none");
  std::cout << "\n";
  section("Suggested links (FROM's outcome code is TO's context code):", suggested, "none");
  std::cout << "\n";
  section("Cycles:", cycles, "none");
}

void runImport(const Args& a) {
  const std::filesystem::path file = a.positionals()[1];
  const std::vector<CmocRow> rows = importers::loadCmocsCsv(file, a.get("encoding", ""));
  Project project = openProject(a);
  const CmocImportResult r = importCmocs(project, rows, file.filename().string(), kindCheck(a));
  std::cout << "Imported " << file.filename().string() << ": " << r.cmocs << " CMOC"
            << (r.cmocs == 1 ? "" : "s") << " with " << r.evidence << " pieces of evidence and "
            << r.links << " chain link" << (r.links == 1 ? "" : "s") << "\n";
}

const std::vector<Subcommand>& subcommands() {
  static const std::vector<Subcommand> subs = {
      {"add",
       "cmoc cmoc add PROJECT.cmoc --context C --mechanism M --outcome O [--status S] [--prior ID] "
       "[--label T] [--memo T] [--evidence SLOT:CODING_ID]... [--force]",
       {"context", "mechanism", "outcome", "status", "prior", "label", "memo", "evidence", "force",
        "coder"},
       1, runAdd},
      {"edit",
       "cmoc cmoc edit PROJECT.cmoc ID [--context C] [--mechanism M] [--outcome O] [--status S] "
       "[--prior ID | --no-prior] [--label T] [--memo T] [--force]",
       {"context", "mechanism", "outcome", "status", "prior", "no-prior", "label", "memo", "force",
        "coder"},
       2, runEdit},
      {"delete", "cmoc cmoc delete PROJECT.cmoc ID", {"coder"}, 2, runDelete},
      {"list",
       "cmoc cmoc list PROJECT.cmoc [--mechanism M] [--status S] [--code C] [--coder NAME] "
       "[--format table|csv|json]",
       {"mechanism", "status", "code", "coder", "format"}, 1, runList},
      {"show", "cmoc cmoc show PROJECT.cmoc ID [--format table|csv|json]", {"format"}, 2, runShow},
      {"evidence", "cmoc cmoc evidence PROJECT.cmoc ID (--add SLOT:CODING_ID | --remove SLOT:CODING_ID)",
       {"add", "remove", "coder"}, 2, runEvidence},
      {"link", "cmoc cmoc link PROJECT.cmoc FROM TO [--memo T]", {"memo", "coder"}, 3, runLink},
      {"unlink", "cmoc cmoc unlink PROJECT.cmoc FROM TO", {"coder"}, 3, runUnlink},
      {"links", "cmoc cmoc links PROJECT.cmoc [--format table|csv|json]", {"format"}, 1, runLinks},
      {"import", "cmoc cmoc import PROJECT.cmoc FILE.csv [--force] [--encoding NAME]",
       {"force", "encoding", "coder"}, 2, runImport},
  };
  return subs;
}

int runCmoc(const Args& args) {
  return runSubcommand(args, cmocOptions(), subcommands(), "cmoc cmoc");
}

std::vector<Command> cmocCommands() {
  return {{"cmoc", "CMOCs: add, edit, delete, list, show, evidence, link, unlink, links, import",
           "cmoc cmoc SUBCOMMAND PROJECT.cmoc [ARGS] [--options]",
           "A CMOC links a context, a mechanism and an outcome code, each backed by codings\n"
           "(its evidence), with a status against the prior theory. ID is a CMOC's id or GUID;\n"
           "a CODE is a name, or a path Parent/Child; SLOT is context, mechanism or outcome.\n\n"
           "subcommands:\n"
           "  add PROJECT --context C --mechanism M --outcome O [--status S] [--prior ID]\n"
           "      [--label T] [--memo T] [--evidence SLOT:CODING_ID]... [--force]\n"
           "                      a new CMOC; a code of another kind in a slot needs --force\n"
           "                      (codes of kind `other` fit any slot)\n"
           "  edit PROJECT ID [the options of add, --no-prior]\n"
           "                      change any field\n"
           "  delete PROJECT ID   delete a CMOC with its evidence and links (audited)\n"
           "  list PROJECT [--mechanism M] [--status S] [--code C] [--coder NAME] [--format F]\n"
           "                      CMOCs with their evidence and source counts and sentence\n"
           "  show PROJECT ID [--format F]\n"
           "                      the sentence, the action statement and the quoted evidence\n"
           "  evidence PROJECT ID (--add SLOT:CODING_ID | --remove SLOT:CODING_ID)\n"
           "                      back a slot with a coding, or stop; a coding of another code\n"
           "                      is allowed with a warning\n"
           "  link PROJECT FROM TO [--memo T]\n"
           "                      FROM's outcome feeds TO's context (cycles are allowed)\n"
           "  unlink PROJECT FROM TO\n"
           "  links PROJECT [--format F]\n"
           "                      links, suggested links (an outcome code that is another CMOC's\n"
           "                      context code) and cycles\n"
           "  import PROJECT FILE.csv [--force] [--encoding NAME]\n"
           "                      CMOCs from a sheet, in one undoable step: columns key, context,\n"
           "                      mechanism, outcome, status, prior (an earlier key), memo,\n"
           "                      evidence (SLOT:SOURCE@START-END; ...: the coding with that span)\n"
           "                      and feeds (keys this CMOC's outcome chains to; ...)\n\n"
           "Example: cmoc cmoc add study.cmoc --context \"Slow pace\" --mechanism Conflict \\\n"
           "           --outcome \"Reduced trust\" --status affirms --evidence context:12",
           cmocOptions(), runCmoc}};
}

}  // namespace

const CommandRegistration cmocRegistration{cmocCommands};

}  // namespace cmoc::cli
