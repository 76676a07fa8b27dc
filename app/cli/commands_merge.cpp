// merge: bring another copy of the project (a second coder's, a colleague's) in by GUID, and
// report what was added, what was already here, and the conflicts left for discussion.
#include <iostream>

#include "cmoc/error.h"
#include "cmoc/merge.h"
#include "cmoc/project.h"
#include "command.h"
#include "output.h"

namespace cmoc::cli {

namespace {

Table counts(const MergeReport& r) {
  Table t{{"kind", "added", "present", "conflicts"}};
  for (const std::string& kind : r.kinds)
    t.add({kind, r.added.at(kind), r.present.at(kind), r.conflicted.at(kind)});
  return t;
}

Table conflictTable(const MergeReport& r) {
  Table t{{"kind", "guid", "name", "fields"}};
  for (const MergeConflict& c : r.conflicts) t.add({c.kind, c.guid, c.name, joined(c.fields, ",")});
  return t;
}

std::string headline(const MergeReport& r, const std::string& into) {
  std::string line = "Merged " + r.other + " into " + into + ": " + std::to_string(r.totalAdded()) +
                     " added";
  if (r.conflicts.empty()) return line + ", no conflicts.";
  return line + ", " + std::to_string(r.conflicts.size()) +
         " conflict(s): same GUID, different content; the local version was kept.";
}

int runMerge(const Args& args) {
  if (args.positionals().size() != 2)
    throw UsageError("merge takes the project and one other project: cmoc merge PROJECT OTHER");
  const Format format = parseFormat(args.get("format", "table"));
  Project project = openProject(args);
  const MergeReport r = mergeProject(project, args.positionals()[1]);
  if (format == Format::Json) {
    Table notes{{"note"}};
    for (const std::string& n : r.notes) notes.add({n});
    std::cout << "{\"other\": " << jsonString(r.other) << ", \"added\": " << r.totalAdded()
              << ",\n\"kinds\": " << jsonObjects(counts(r))
              << ",\n\"conflicts\": " << jsonObjects(conflictTable(r))
              << ",\n\"notes\": " << jsonObjects(notes) << "}\n";
  } else if (format == Format::Csv) {
    // One table: a row per kind's counts, per conflict and per note.
    Table t{{"record", "kind", "added", "present", "conflicts", "guid", "name", "detail"}};
    for (const auto& row : counts(r).rows) t.add({"count", row[0], row[1], row[2], row[3], {}, {}, {}});
    for (const MergeConflict& c : r.conflicts)
      t.add({"conflict", c.kind, {}, {}, {}, c.guid, c.name, joined(c.fields, ",")});
    for (const std::string& n : r.notes) t.add({"note", {}, {}, {}, {}, {}, {}, n});
    write(std::cout, t, Format::Csv);
  } else {
    std::cout << headline(r, project.file().string()) << "\n\n";
    write(std::cout, counts(r), Format::Table);
    if (!r.conflicts.empty()) {
      std::cout << "\nConflicts (the local version was kept; the fields named differ):\n";
      write(std::cout, conflictTable(r), Format::Table);
    }
    if (!r.notes.empty()) std::cout << "\nNotes:\n  " << joined(r.notes, "\n  ") << "\n";
  }
  return 0;
}

std::vector<Command> mergeCommands() {
  return {{"merge", "bring another copy of the project in by GUID; conflicts are listed, not overwritten",
           "cmoc merge PROJECT.cmoc OTHER.cmoc [--format table|csv|json] [--coder NAME]",
           "Adds what OTHER has and PROJECT lacks: coders, codes (with their hierarchy), cases,\n"
           "participants, sources (text, turns, speakers, attributes), codings, memos, CMOCs\n"
           "(evidence, priors, chains), sets and links. Entities match by GUID; a code with\n"
           "another GUID but the same name under the same parent, a coder or case of the same\n"
           "name, a participant of the same code and a source with the same text are taken as\n"
           "the same. An entity with the same GUID and different content is listed as a\n"
           "conflict and the local version kept. Merging the same file again adds nothing.\n"
           "OTHER is opened read-only; the whole merge is one step that `cmoc undo` takes back.",
           {formatOption(), coderOption()},
           runMerge}};
}

}  // namespace

const CommandRegistration mergeRegistration{mergeCommands};

}  // namespace cmoc::cli
