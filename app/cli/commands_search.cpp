// search: full-text search with keyword-in-context lines.
#include <algorithm>
#include <iostream>

#include "cmoc/attribution.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "command.h"
#include "numbers.h"
#include "output.h"

namespace cmoc::cli {

namespace {

// A phrase match may span lines; the one-line view shows them as spaces.
std::string oneLine(std::string s) {
  std::replace_if(
      s.begin(), s.end(), [](char c) { return c == '\n' || c == '\t' || c == '\r'; }, ' ');
  return s;
}

int runSearch(const Args& args) {
  Project project = Project::open(projectArg(args));
  if (args.positionals().size() < 2) throw UsageError("search needs a QUERY");
  std::string query;
  for (std::size_t i = 1; i < args.positionals().size(); ++i)
    query += (i > 1 ? " " : "") + args.positionals()[i];
  const Format format = parseFormat(args.get("format", "table"));
  SearchOptions options;
  if (auto limit = args.get("limit"))
    options.limit =
        static_cast<std::size_t>(parseWholeNumber(*limit, "--limit", 1, kMaxSearchHits));
  if (auto context = args.get("context"))
    options.contextChars =
        static_cast<int>(parseWholeNumber(*context, "--context", 0, kMaxContextChars));
  // One more than asked tells whether the list was cut.
  const std::size_t wanted = options.limit;
  ++options.limit;
  std::vector<SearchHit> hits = project.search(query, options);
  if (hits.size() > wanted) {
    hits.resize(wanted);
    std::cerr << "cmoc search: showing the first " << wanted << " hits; --limit N shows more\n";
  }

  if (format == Format::Table) {
    // Keyword in context: the matches lined up in one column.
    std::size_t width = 0;
    for (const SearchHit& h : hits) width = std::max(width, displayWidth(h.before));
    Table kwic{{"source", "participant", "position", "context"}};
    for (const SearchHit& h : hits)
      kwic.add({h.page ? paperAttribution(h.sourceName, *h.page, h.study) : h.sourceName,
                h.participant, h.start,
                std::string(width - displayWidth(h.before), ' ') + h.before + "[" +
                    oneLine(h.match) + "]" + h.after});
    write(std::cout, kwic, format);
    return 0;
  }
  // A paper's page last, so scripts reading the older columns by position still work.
  Table t{{"source_id", "source", "participant", "speaker", "start", "end", "before", "match",
           "after", "page"}};
  for (const SearchHit& h : hits)
    t.add({h.sourceId, h.sourceName, h.participant, h.speaker, h.start, h.end, h.before, h.match,
           h.after, h.page ? Cell(*h.page) : Cell()});
  write(std::cout, t, format);
  return 0;
}

std::vector<Command> searchCommands() {
  return {{"search",
           "full-text search of all transcripts, case- and accent-insensitive",
           "cmoc search PROJECT.cmoc QUERY... [--format F] [--limit N] [--context N]",
           "QUERY (the words after the project, joined by spaces):\n"
           "  trust faith        turns holding both words (AND is implied)\n"
           "  \"felt supported\"   a phrase; trust* a prefix; \"felt sup\"* a phrase ending in a "
           "prefix\n"
           "  AND, OR, NOT, ( )  upper case only: lower-case and/or/not are ordinary words;\n"
           "                     NOT means AND NOT (trust NOT money)\n"
           "Case, accents and script variants are ignored: `cafe` finds café, `zoe` finds Zoë,\n"
           "`strasse` finds Straße. Punctuation inside a term is kept as the text has it, so\n"
           "Adebayo-Müller and don't need no quotes. Chinese, Japanese and Thai are split into\n"
           "words by dictionary.\n"
           "Every occurrence is one hit, in source then position order. start and end are code\n"
           "point offsets into the source text (`cmoc show`); `match` is exactly that text,\n"
           "`before` and `after` are context on one line, cut at whole words within the turn.",
           {formatOption(),
            {"limit", true, "at most N hits (default 1000)", "N"},
            {"context", true, "up to N characters of context each side (default 40)", "N"}},
           runSearch}};
}

}  // namespace

const CommandRegistration registration{searchCommands};

}  // namespace cmoc::cli
