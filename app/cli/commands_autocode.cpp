// autocode, autocode-review: coding by word, phrase, regular expression or speaker as the coder
// `auto`, and accepting or rejecting those codings in bulk.
#include <iostream>
#include <set>

#include "cmoc/autocode.h"
#include "cmoc/error.h"
#include "cmoc/text.h"
#include "command.h"
#include "numbers.h"
#include "output.h"
#include "progress_bar.h"

namespace cmoc::cli {

namespace {

constexpr std::int64_t kShownMatchChars = 60;  // a whole turn (--speaker-only) is cut in tables

std::string plural(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string oneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  return s;
}

std::string shorten(const std::string& s) {
  if (text::codePointCount(s) <= kShownMatchChars) return s;
  return std::string(text::sliceCodePoints(s, 0, kShownMatchChars)) + "…";
}

AutocodeSpec specFrom(const Args& args) {
  AutocodeSpec spec;
  std::vector<std::pair<PatternKind, std::string>> patterns;
  for (auto [option, kind] : {std::pair{"word", PatternKind::Word},
                              {"phrase", PatternKind::Phrase},
                              {"regex", PatternKind::Regex}})
    if (auto v = args.get(option)) patterns.emplace_back(kind, *v);
  if (args.has("speaker-only")) patterns.emplace_back(PatternKind::Speaker, "");
  if (patterns.empty())
    throw UsageError("say what to look for: --word, --phrase, --regex or --speaker-only");
  if (patterns.size() > 1)
    throw UsageError("give only one of --word, --phrase, --regex and --speaker-only");
  spec.kind = patterns[0].first;
  spec.pattern = patterns[0].second;
  const auto code = args.get("code");
  if (!code) throw UsageError("autocode needs --code CODE: the code to apply");
  spec.code = *code;
  if (auto scope = args.get("scope")) spec.scope = parseAutocodeScope(*scope);
  if (spec.kind == PatternKind::Speaker) {
    if (!args.has("speaker"))
      throw UsageError("--speaker-only needs --speaker LABEL_OR_PARTICIPANT");
    if (spec.scope != AutocodeScope::Match && spec.scope != AutocodeScope::Turn)
      throw UsageError("--speaker-only codes whole turns; leave out --scope or use --scope turn");
    spec.scope = AutocodeScope::Turn;
  }
  spec.speaker = args.get("speaker");
  spec.sources = args.all("source");
  return spec;
}

// A dry run's table lists this many hits unless --limit says otherwise; CSV and JSON list
// every hit. The counts are always of all of them.
constexpr std::int64_t kDryRunTableRows = 1000;
constexpr std::int64_t kMaxDryRunRows = 100'000'000;

void printHits(const AutocodePreview& p, Format format, bool cut) {
  const std::vector<AutocodeHit>& hits = p.hits;
  if (format == Format::Table) {
    // Keyword in context, the matches lined up in one column.
    std::size_t width = 0;
    for (const AutocodeHit& h : hits) width = std::max(width, displayWidth(h.before));
    Table kwic{{"source", "participant", "position", "coded", "context"}};
    for (const AutocodeHit& h : hits)
      kwic.add({h.sourceName, h.participant, h.start,
                std::to_string(h.codedStart) + "-" + std::to_string(h.codedEnd),
                std::string(width - displayWidth(h.before), ' ') + h.before + "[" +
                    shorten(oneLine(h.text)) + "]" + h.after});
    write(std::cout, kwic, format);
    std::cout << plural(p.totalHits, "hit", "hits") << " in "
              << plural(p.sources, "source", "sources") << ", "
              << plural(p.excerpts, "excerpt", "excerpts")
              << " to code (dry run: nothing was coded)\n";
  } else {
    Table t{{"source_id", "source", "speaker", "participant", "start", "end", "coded_start",
             "coded_end", "before", "match", "after"}};
    for (const AutocodeHit& h : hits)
      t.add({h.sourceId, h.sourceName, h.speaker, h.participant, h.start, h.end, h.codedStart,
             h.codedEnd, h.before, h.text, h.after});
    write(std::cout, t, format);
  }
  if (cut && static_cast<std::int64_t>(hits.size()) < p.totalHits)
    std::cerr << "cmoc autocode: listed the first " << hits.size() << " of " << p.totalHits
              << " hits (--limit N lists more)\n";
}

int runAutocode(const Args& args) {
  Project project = openProject(args);
  if (args.positionals().size() > 1)
    throw UsageError("unexpected argument '" + args.positionals()[1] +
                     "': the pattern goes after --word, --phrase or --regex");
  const AutocodeSpec spec = specFrom(args);
  const Format format = parseFormat(args.get("format", "table"));
  Autocoder autocoder(project);
  if (args.has("dry-run")) {
    const bool limited = args.has("limit") || format == Format::Table;
    const std::int64_t limit =
        args.has("limit") ? parseWholeNumber(*args.get("limit"), "--limit", 1, kMaxDryRunRows)
        : format == Format::Table ? kDryRunTableRows
                                  : kMaxDryRunRows;
    AutocodePreview hits = [&] {
      ProgressBar bar("Finding hits");  // gone from the terminal before the hits are printed
      return autocoder.preview(spec, static_cast<std::size_t>(limit), &bar);
    }();
    printHits(hits, format, limited);
    return 0;
  }
  if (args.has("limit")) {
    throw UsageError("--limit goes with --dry-run: a run codes every hit");
  }
  const AutocodeResult r = [&] {
    ProgressBar bar("Auto-coding");
    return autocoder.run(spec, &bar);
  }();
  if (format != Format::Table) {
    Table t{{"hits", "coded", "already_coded", "sources", "coder"}};
    t.add({r.hits, r.coded, r.alreadyCoded, r.sources, std::string(kAutoCoder)});
    write(std::cout, t, format);
    return 0;
  }
  if (r.hits == 0) {
    std::cout << "No hits: nothing coded\n";
    return 0;
  }
  if (r.coded == 0) {
    std::cout << "Nothing new to code: " << plural(r.alreadyCoded, "excerpt was", "excerpts were")
              << " already coded by " << kAutoCoder << "\n";
    return 0;
  }
  std::cout << "Coded " << plural(r.coded, "excerpt", "excerpts") << " in "
            << plural(r.sources, "source", "sources") << " as coder " << kAutoCoder
            << " (review with: cmoc autocode-review " << projectArg(args)
            << " --accept --as NAME, or --reject)\n";
  if (r.alreadyCoded > 0)
    std::cout << plural(r.alreadyCoded, "excerpt was", "excerpts were") << " already coded by "
              << kAutoCoder << " and skipped\n";
  return 0;
}

int runReview(const Args& args) {
  Project project = openProject(args);
  if (args.positionals().size() > 1)
    throw UsageError("unexpected argument '" + args.positionals()[1] + "'");
  const bool accept = args.has("accept"), reject = args.has("reject");
  if (accept == reject)
    throw UsageError(accept ? "give --accept or --reject, not both"
                            : "autocode-review needs --accept --as NAME or --reject");
  if (accept && !args.has("as"))
    throw UsageError("--accept needs --as NAME: the person who takes the codings over");
  if (reject && args.has("as")) throw UsageError("--as goes with --accept, not --reject");
  AutocodeReviewFilter filter{args.all("code"), args.all("source")};
  Autocoder autocoder(project);
  if (accept) {
    const std::string person = *args.get("as");
    const AutocodeReviewResult r = autocoder.accept(person, filter);
    if (r.codings == 0) {
      std::cout << "No auto codings to accept\n";
      return 0;
    }
    std::cout << "Accepted " << plural(r.codings, "auto coding", "auto codings") << " as "
              << person;
    if (r.merged > 0)
      std::cout << " (" << r.merged << " " << person
                << " had already coded; their duplicates from auto were dropped)";
    std::cout << "\n";
    return 0;
  }
  const AutocodeReviewResult r = autocoder.reject(filter);
  if (r.codings == 0) {
    std::cout << "No auto codings to reject\n";
    return 0;
  }
  std::cout << "Rejected " << plural(r.codings, "auto coding", "auto codings")
            << " (deleted; each is in the audit log: cmoc log " << projectArg(args) << ")\n";
  return 0;
}

std::vector<Command> autocodeCommands() {
  return {
      {"autocode",
       "code every hit of a word, phrase, regex or speaker (as coder auto, for review)",
       "cmoc autocode PROJECT.cmoc --code CODE (--word W | --phrase \"P Q\" | --regex R | "
       "--speaker-only) [--scope S] [--speaker WHO] [--source S]... [--dry-run [--limit N]] "
       "[--format F]",
       "Matching ignores case and accents: --word cafe finds Café. A word or phrase matches whole\n"
       "words (trust does not find trustworthy); a phrase's words may be split by any spaces or\n"
       "line breaks. --regex takes an ICU regular expression (^ and $ match at line ends).\n"
       "--scope widens each hit to its sentence, paragraph (line) or whole speaker turn; hits\n"
       "that overlap are coded once. Only speaker turns are searched, never speaker labels.\n"
       "--dry-run lists the hits and codes nothing: the table the first 1000 (--limit N lists\n"
       "N), CSV and JSON every hit; the counts are always of every hit. Otherwise the codings\n"
       "are recorded as the coder `auto` in one step you can undo, for review with\n"
       "`cmoc autocode-review`.",
       {{"code", true, "the code to apply (name or Parent/Child path)", "CODE"},
        {"word", true, "a whole word", "WORD"},
        {"phrase", true, "consecutive whole words", "PHRASE"},
        {"regex", true, "an ICU regular expression", "REGEX"},
        {"speaker-only", false, "code every turn of --speaker", ""},
        {"scope", true, "match (default), sentence, paragraph or turn", "SCOPE"},
        {"speaker", true, "only turns of this speaker label or participant code", "WHO"},
        {"source", true, "only this source (id or file name); repeatable", "SOURCE"},
        {"dry-run", false, "list the hits without coding them", ""},
        {"limit", true, "dry run: list the first N hits (table: 1000; csv, json: all)", "N"},
        formatOption(),
        coderOption()},
       runAutocode},
      {"autocode-review",
       "accept auto codings as a person's, or reject them",
       "cmoc autocode-review PROJECT.cmoc (--accept --as NAME | --reject) [--code C]... "
       "[--source S]...",
       "--accept re-attributes the coder `auto`'s codings to NAME; --reject deletes them (each\n"
       "deletion is in the audit log). --code and --source narrow what is reviewed.",
       {{"accept", false, "re-attribute the auto codings to --as NAME", ""},
        {"as", true, "the person accepting them", "NAME"},
        {"reject", false, "delete the auto codings", ""},
        {"code", true, "only codings of this code; repeatable", "CODE"},
        {"source", true, "only codings in this source; repeatable", "SOURCE"},
        coderOption()},
       runReview},
  };
}

}  // namespace

const CommandRegistration autocodeRegistration{autocodeCommands};

}  // namespace cmoc::cli
