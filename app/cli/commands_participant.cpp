// participant list|set|delete: participants' metadata (display name, case, role, interviewer
// flag, attributes).
#include <iostream>

#include "cmoc/error.h"
#include "cmoc/participants.h"
#include "cmoc/project.h"
#include "command.h"
#include "output.h"

namespace cmoc::cli {

namespace {

std::string joinedAttributes(const Participant& p) {
  std::string out;
  for (const auto& [k, v] : p.attributes) out += (out.empty() ? "" : "; ") + k + "=" + v;
  return out;
}

void list(const Args& args) {
  onlyProjectArg(args, "participant list");
  Project project = openProject(args);
  Table t{{"code", "name", "case", "case_type", "role", "interviewer", "sources", "attributes"}};
  for (const Participant& p : Participants(project).list())
    t.add({p.code, p.name, p.caseName, p.caseType, p.role, std::string(p.interviewer ? "yes" : "no"), p.sources,
           joinedAttributes(p)});
  write(std::cout, t, parseFormat(args.get("format", "table")));
}

void set(const Args& args) {
  if (args.positionals().size() != 2)
    throw UsageError("usage: cmoc participant set PROJECT.cmoc CODE [--name N] [--case C] "
                     "[--role R] [--interviewer yes|no] [--attr NAME=VALUE]...");
  ParticipantEdit e;
  e.name = args.get("name");
  e.caseName = args.get("case");
  e.role = args.get("role");
  if (const auto flag = args.get("interviewer")) {
    if (*flag != "yes" && *flag != "no")
      throw UsageError("--interviewer takes yes or no, not '" + *flag + "'");
    e.interviewer = *flag == "yes";
  }
  for (const std::string& kv : args.all("attr")) {
    const auto eq = kv.find('=');
    if (eq == std::string::npos) throw UsageError("--attr takes NAME=VALUE, not '" + kv + "'");
    e.attributes.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
  }
  Project project = openProject(args);
  const Participant p = Participants(project).edit(args.positionals()[1], e);
  std::cout << "Participant " << p.code << ": " << (p.name.empty() ? "(no name)" : p.name) << "; "
            << (p.role.empty() ? "(no role)" : p.role) << "; "
            << (p.caseName.empty() ? "(no case)" : p.caseName)
            << (p.interviewer ? "; interviewer" : "") << "\n";
}

void remove(const Args& args) {
  if (args.positionals().size() != 2)
    throw UsageError("usage: cmoc participant delete PROJECT.cmoc CODE");
  Project project = openProject(args);
  const Participant p = Participants(project).remove(args.positionals()[1]);
  std::cout << "Deleted participant " << p.code << (p.name.empty() ? "" : " (" + p.name + ")");
  // Say what stayed, so nobody fears for the transcripts.
  if (!p.speakers.empty())
    std::cout << "; the transcripts keep its speaker labels (" << p.speakers << "), now unlinked";
  std::cout << "\n";
}

// `cmoc participant VERB PROJECT ...`: openProject() wants PROJECT first, so the verb is taken
// off before it is called.
int runParticipant(const Args& args) {
  if (args.positionals().empty()) throw UsageError("missing what to do: list, set or delete");
  const std::string verb = args.positionals()[0];
  std::vector<std::string> argv;
  for (const char* o : {"name", "case", "role", "interviewer", "attr", "format", "coder"})
    for (const std::string& v : args.all(o)) argv.push_back(std::string("--") + o + "=" + v);
  argv.push_back("--");
  argv.insert(argv.end(), args.positionals().begin() + 1, args.positionals().end());
  const Args rest(argv, {{"name", true, "", ""}, {"case", true, "", ""}, {"role", true, "", ""},
                         {"interviewer", true, "", ""}, {"attr", true, "", ""}, formatOption(),
                         coderOption()});
  if (rest.positionals().empty()) throw UsageError("missing the project file");
  if (verb == "list") list(rest);
  else if (verb == "set") set(rest);
  else if (verb == "delete") remove(rest);
  else throw UsageError("unknown subcommand '" + verb + "' (list, set, delete)");
  return 0;
}

std::vector<Command> participantCommands() {
  return {{"participant",
           "participants: list, set (name, case, role, interviewer, attributes), delete",
           "cmoc participant list PROJECT.cmoc [--format F]\n"
           "       cmoc participant set PROJECT.cmoc CODE [--name N] [--case C] [--role R] "
           "[--interviewer yes|no] [--attr NAME=VALUE]...\n"
           "       cmoc participant delete PROJECT.cmoc CODE",
           "A participant is named by its code (\"19\"). An empty value removes an attribute\n"
           "(--attr region=). A new case name creates the case. --interviewer yes marks an\n"
           "interviewer or facilitator: their turns become interviewer turns, which analyses\n"
           "attribute to no participant.\n"
           "`delete` removes the participant and its attributes; the transcripts keep every\n"
           "speaker label, turn and coding, and the speakers become unlinked. Each `set` or\n"
           "`delete` is one step that `cmoc undo` takes back. Example:\n"
           "  cmoc participant set study.cmoc 19 --role director --attr phase=2",
           {{"name", true, "display name", "NAME"},
            {"case", true, "the participant's case, e.g. \"alliance 2\"", "CASE"},
            {"role", true, "role, e.g. director", "ROLE"},
            {"interviewer", true, "yes: an interviewer or facilitator; no: an interviewee",
             "yes|no"},
            {"attr", true, "set an attribute (repeatable); empty value removes it", "NAME=VALUE"},
            formatOption(),
            coderOption()},
           runParticipant}};
}

}  // namespace

const CommandRegistration participantRegistration{participantCommands};

}  // namespace cmoc::cli
