// edit-text: fixing a transcription error, with every coding re-anchored.
#include <iostream>

#include "cmoc/error.h"
#include "cmoc/text_edit.h"
#include "command.h"
#include "numbers.h"

namespace cmoc::cli {

namespace {

// Text quoted on one line: line breaks shown as \n.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out + "\"";
}

std::string span(std::int64_t start, std::int64_t end) {
  return "[" + std::to_string(start) + ", " + std::to_string(end) + ")";
}

int runEditText(const Args& args) {
  Project project = openProject(args);
  const auto& p = args.positionals();
  if (p.size() != 5)
    throw UsageError("edit-text needs SOURCE START END NEWTEXT (NEWTEXT \"\" deletes the range)");
  const TextEditResult r = editText(project, p[1], parseWholeNumber(p[2], "START", 0, kMaxPosition),
                                    parseWholeNumber(p[3], "END", 0, kMaxPosition), p[4]);

  std::cout << "Replaced " << span(r.start, r.end) << " of " << r.sourceName << ": "
            << quoted(r.oldText) << " -> " << quoted(r.newText) << "\n";
  std::int64_t shifted = 0, resized = 0, removed = 0;
  for (const MovedCoding& m : r.codings) {
    shifted += m.change == MovedCoding::Change::Shifted;
    resized += m.change == MovedCoding::Change::Resized;
    removed += m.change == MovedCoding::Change::Removed;
  }
  std::cout << "Codings: " << shifted << " shifted, " << resized << " resized, " << removed
            << " removed, " << r.unchangedCodings << " unchanged\n";
  for (const MovedCoding& m : r.codings) {
    const std::string who = m.before.codePath + " (" + m.before.coder + ") ";
    if (m.change == MovedCoding::Change::Resized)
      std::cout << "  resized  " << who << span(m.before.start, m.before.end) << " -> "
                << span(m.start, m.end) << "\n";
    else if (m.change == MovedCoding::Change::Removed)
      std::cout << "  removed  " << who << span(m.before.start, m.before.end)
                << ": its text was replaced (in the audit log)\n";
  }
  if (r.turnsChanged > 0) std::cout << "Turns re-anchored: " << r.turnsChanged << "\n";
  return 0;
}

std::vector<Command> editTextCommands() {
  return {{"edit-text", "fix a transcription error; codings and turns follow the text",
           "cmoc edit-text PROJECT.cmoc SOURCE START END NEWTEXT [--coder NAME]",
           "Replaces the characters [START, END) of SOURCE (id or file name) with NEWTEXT:\n"
           "START = END inserts, NEWTEXT \"\" deletes. Positions count characters (code points).\n"
           "Codings after the edit move with their text; one the edit falls inside grows or\n"
           "shrinks; one cut by the edit keeps its surviving text; one whose text is wholly\n"
           "replaced is removed and recorded in the audit log. Text typed at a coding's start or\n"
           "end stays outside it. Undo with `cmoc undo`. Put -- before a NEWTEXT starting with -.",
           {coderOption()},
           runEditText}};
}

}  // namespace

const CommandRegistration editTextRegistration{editTextCommands};

}  // namespace cmoc::cli
