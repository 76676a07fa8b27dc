// search: full-text search with keyword-in-context lines.
#include <iostream>

#include "cmoc/error.h"
#include "cmoc/project.h"
#include "command.h"
#include "output.h"

namespace cmoc::cli {

namespace {
int runSearch(const Args& args) {
  Project project = Project::open(projectArg(args));
  if (args.positionals().size() < 2) throw UsageError("search needs a QUERY");
  std::string query;
  for (std::size_t i = 1; i < args.positionals().size(); ++i)
    query += (i > 1 ? " " : "") + args.positionals()[i];
  SearchOptions options;
  if (auto limit = args.get("limit")) options.limit = static_cast<std::size_t>(std::stoul(*limit));
  Table t{{"source", "participant", "speaker", "start", "end", "before", "match", "after"}};
  for (const SearchHit& h : project.search(query, options))
    t.add({h.sourceName, h.participant, h.speaker, h.start, h.end, h.before, h.match, h.after});
  const Format format = parseFormat(args.get("format", "table"));
  if (format == Format::Table) {
    // Keyword in context: the match lined up in one column.
    Table kwic{{"source", "participant", "position", "context"}};
    for (auto& r : t.rows)
      kwic.add({r[0], r[1], r[3],
                std::get<std::string>(r[5]) + "[" + std::get<std::string>(r[6]) + "]" +
                    std::get<std::string>(r[7])});
    write(std::cout, kwic, format);
  } else {
    write(std::cout, t, format);
  }
  return 0;
}
}  // namespace

namespace {
std::vector<Command> searchCommands() {
  return {{"search", "full-text search of all transcripts, case- and accent-insensitive",
           "cmoc search PROJECT.cmoc QUERY [--format F] [--limit N]",
           "QUERY: words (all must occur in a turn), \"a phrase\", AND, OR, NOT, prefix*.\n"
           "`cafe` finds café; `zoe` finds Zoë.",
           {formatOption(), {"limit", true, "at most N hits (default 1000)", "N"}},
           runSearch}};
}

}  // namespace

const CommandRegistration registration{searchCommands};

}  // namespace cmoc::cli
