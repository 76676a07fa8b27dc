// backup: a consistent copy of a project, safe while cmoc-gui has it open (issue 13, 21).
#include <iostream>

#include "cmoc/backup.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "command.h"

namespace cmoc::cli {

namespace {

int runBackup(const Args& args) {
  const std::string& file = projectArg(args);
  if (args.positionals().size() != 2)
    throw UsageError(
        "backup needs one DEST, the new file to write (cmoc backup PROJECT.cmoc DEST)");
  const std::string& dest = args.positionals()[1];
  // Opened as a reader: a backup is no change of anyone's, so no coder is set.
  const Project project = Project::open(file);
  backupProject(project, dest);
  std::cout << "Backed up " << file << " to " << dest << "\n";
  return 0;
}

std::vector<Command> backupCommands() {
  return {
      {"backup",
       "write a consistent copy of the project to a new file",
       "cmoc backup PROJECT.cmoc DEST",
       "Copies the project as it is now, changes still in its write-ahead log (-wal) included,\n"
       "while cmoc-gui or another cmoc may have it open and go on writing; a plain copy of the\n"
       ".cmoc file can miss those changes. DEST must not exist: a backup never replaces a file.\n"
       "It is written to a temporary file beside DEST first, so a failed backup leaves nothing.",
       {},
       runBackup},
  };
}

}  // namespace

const CommandRegistration backupRegistration{backupCommands};

}  // namespace cmoc::cli
