// init, import, sources, show: creating a project and bringing transcripts into it.
#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "cmoc/error.h"
#include "cmoc/file_location.h"
#include "cmoc/importers/importer.h"
#include "cmoc/importers/refi_qda.h"
#include "cmoc/library.h"
#include "cmoc/project.h"
#include "cmoc/text.h"
#include "command.h"
#include "import_run.h"
#include "output.h"
#include "refi_import_command.h"

namespace cmoc::cli {

OptionSpec formatOption() {
  return {"format", true, "output as table (default), csv or json", "FORMAT"};
}

OptionSpec coderOption() {
  return {"coder", true, "who does this (default: $CMOC_CODER, else $USER)", "NAME"};
}

// Said on stderr by every command that opens a project to change it, and by init.
static void warnAboutLocation(const std::string& file) {
  if (const auto warning = syncedFolderWarning(file)) std::cerr << "cmoc: warning: " << *warning << "\n";
}

Project openProject(const Args& args) {
  Project project = Project::open(projectArg(args));
  warnAboutLocation(projectArg(args));
  setActingCoder(project, args);
  return project;
}

void setActingCoder(Project& project, const Args& args) {
  std::string coder = args.get("coder", "");
  for (const char* var : {"CMOC_CODER", "USER"})
    if (coder.empty() && std::getenv(var)) coder = std::getenv(var);
  project.setCoder(coder.empty() ? "researcher" : coder);
}

const std::string& projectArg(const Args& args) {
  if (args.positionals().empty()) throw UsageError("missing the project file (PROJECT.cmoc)");
  return args.positionals()[0];
}

const std::string& onlyProjectArg(const Args& args, const std::string& command) {
  const std::string& file = projectArg(args);
  if (args.positionals().size() > 1) throw UsageError(command + " takes only the project file");
  return file;
}

namespace {

std::string clock(const std::optional<std::int64_t>& ms) {
  if (!ms) return "";
  char buf[32];
  const std::int64_t s = *ms / 1000;
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld.%03lld", static_cast<long long>(s / 3600),
                static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60),
                static_cast<long long>(*ms % 1000));
  return buf;
}

// Refuses what SQLite would quietly turn into something else: "" opens a temporary database
// that vanishes (so "Created project" would be a lie), "x.cmoc/" creates "x.cmoc", and a
// blank name makes a file nobody can see in a listing.
void checkNewProjectPath(const std::string& file) {
  namespace fs = std::filesystem;
  if (file.find_first_not_of(" \t") == std::string::npos)
    throw UsageError("the project file name is empty; usage: cmoc init PROJECT.cmoc");
  const fs::path path(file);
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw UsageError(file + ": is a folder; name a new project file, such as " +
                     (path / "study.cmoc").string());
  if (!path.has_filename())
    throw UsageError(file + ": names a folder, not a project file; leave out the final '/'");
  const fs::path parent = path.parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec))
    throw UsageError(file + ": " + parent.string() +
                     (fs::exists(parent, ec) ? " is a file, not a folder" : ": no such folder"));
}

int runInit(const Args& args) {
  const std::string& file = onlyProjectArg(args, "init");
  checkNewProjectPath(file);
  Project::create(file);
  warnAboutLocation(file);
  std::cout << "Created project " << file << "\n";
  return 0;
}

int runImport(const Args& args) {
  std::vector<std::filesystem::path> files(args.positionals().begin() + 1,
                                           args.positionals().end());
  const auto refi = std::count_if(files.begin(), files.end(), importers::isRefiFile);
  if (refi > 0 && files.size() == 1) return runRefiImport(args);
  if (refi > 0)
    throw UsageError("import a REFI-QDA file (.qdpx .qdc .qde) on its own, not with other files");
  for (const char* option : {"skip-missing-sources", "allow-external", "positions", "format"})
    if (args.has(option))
      throw UsageError(std::string("--") + option +
                       " applies only to REFI-QDA files (.qdpx .qdc .qde)");
  Project project = openProject(args);
  std::optional<ParticipantSheet> sheet;
  if (auto csv = args.get("participants"))
    sheet = importers::loadParticipants(*csv, args.get("encoding", ""));
  if (files.empty() && !sheet)
    throw UsageError("nothing to import: name transcript files or --participants");
  importers::Options options;
  options.encoding = args.get("encoding", "");
  ImportSummary summary = importFiles(project, files, sheet ? &*sheet : nullptr, options, true);
  if (files.empty()) {
    const std::vector<int> unmatched = project.applyParticipants(*sheet);
    if (!unmatched.empty()) {
      // The first lines say what is wrong; a sheet of 100,000 rows for another project would
      // otherwise print 100,000 numbers.
      constexpr std::size_t kListed = 20;
      std::string lines;
      for (std::size_t i = 0; i < std::min(kListed, unmatched.size()); ++i)
        lines += (lines.empty() ? "" : ", ") + std::to_string(unmatched[i]);
      if (unmatched.size() > kListed)
        lines += " and " + std::to_string(unmatched.size() - kListed) + " more";
      std::cerr << "cmoc import: warning: " << sheet->fileName
                << (unmatched.size() == 1 ? ": line " : ": lines ") << lines
                << (unmatched.size() == 1 ? " matches no speaker of any source, so it was"
                                          : " match no speaker of any source, so they were")
                << " not applied\n";
    }
    std::cout << "Applied " << sheet->rows.size() - unmatched.size() << " participant rows to "
              << project.sources().size() << " sources\n";
    return 0;
  }
  printSummary(std::cout, std::cerr, "import", summary);
  // Papers that come after the library are linked to their studies as they arrive.
  if (Library library(project); !summary.importedIds.empty() && !library.empty())
    for (const std::string& line : linkReport(library.autoLink(summary.importedIds)))
      std::cout << line << "\n";
  return summary.failed.empty() ? 0 : 1;
}

int runSources(const Args& args) {
  Project project = Project::open(onlyProjectArg(args, "sources"));
  Table t{{"id", "name", "format", "participant", "turns", "speakers", "characters", "codings",
           "imported"}};
  for (const SourceSummary& s : project.sources())
    t.add({s.id, s.name, s.format, s.participants, s.turns, s.speakers, s.chars, s.codings,
           s.importedAt});
  write(std::cout, t, parseFormat(args.get("format", "table")));
  return 0;
}

// Code point ranges of one text, sliced in about one pass when asked in increasing order.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view text) : text_(text) {}
  std::string_view slice(std::int64_t start, std::int64_t end) {
    const std::size_t from = byteAt(start);
    return text_.substr(from, byteAt(end) - from);
  }

 private:
  std::string_view text_;
  std::int64_t point_ = 0;
  std::size_t byte_ = 0;

  std::size_t byteAt(std::int64_t point) {
    if (point < point_) point_ = 0, byte_ = 0;
    while (point_ < point && byte_ < text_.size()) {
      ++byte_;
      while (byte_ < text_.size() && (static_cast<unsigned char>(text_[byte_]) & 0xC0) == 0x80)
        ++byte_;
      ++point_;
    }
    return byte_;
  }
};

// The first words of a page, cut at a word, to tell the pages apart.
std::string firstWords(std::string_view page) {
  constexpr std::int64_t kMax = 60;
  std::string head(text::sliceCodePoints(page, 0, kMax));
  for (char& c : head)
    if (c == '\n') c = ' ';
  if (text::codePointCount(page) <= kMax) return head;
  if (const std::size_t space = head.rfind(' '); space != std::string::npos && space > 0)
    head.resize(space);
  return head + "…";
}

// A paper's pages: each page's number, code point range and first words.
int showPages(Project& project, const SourceSummary& s, const std::string& text, Format format) {
  const std::vector<PageView> pages = project.pages(s.id);
  if (pages.empty()) throw UsageError("'" + s.name + "' has no pages; only papers (PDF) have them");
  if (format == Format::Json)
    std::cout << "{\"source\": {\"id\": " << s.id << ", \"name\": " << jsonString(s.name)
              << ", \"pages\": " << pages.size() << ", \"characters\": " << s.chars
              << "},\n\"pages\": ";
  RowStream rows(std::cout, {"page", "start", "end", "first_words"}, format);
  CodePointCursor cursor(text);
  for (const PageView& p : pages)
    rows.add({p.page, p.start, p.end, firstWords(cursor.slice(p.start, p.end))});
  rows.finish();
  if (format == Format::Json) std::cout << "}\n";
  return 0;
}

int runShow(const Args& args) {
  Project project = Project::open(projectArg(args));
  if (args.positionals().size() != 2) throw UsageError("show needs one SOURCE (id or file name)");
  if (args.has("turns") && args.has("pages")) throw UsageError("choose --turns or --pages");
  const SourceSummary s = project.source(args.positionals()[1]);
  const Format format = parseFormat(args.get("format", "table"));
  const std::string text = project.sourceText(s.id);
  if (args.has("pages")) return showPages(project, s, text, format);
  if (!args.has("turns")) {
    if (format == Format::Json) {
      std::cout << "{\"id\": " << s.id << ", \"guid\": " << jsonString(s.guid)
                << ", \"name\": " << jsonString(s.name) << ", \"format\": " << jsonString(s.format)
                << ", \"participant\": " << jsonString(s.participants) << ", \"turns\": " << s.turns
                << ", \"speakers\": " << s.speakers << ", \"characters\": " << s.chars
                << ", \"codings\": " << s.codings << ", \"text\": " << jsonString(text) << "}\n";
    } else {
      std::cout << text;
      if (!text.empty() && text.back() != '\n') std::cout << "\n";
    }
    return 0;
  }
  if (format == Format::Json)
    std::cout << "{\"source\": {\"id\": " << s.id << ", \"name\": " << jsonString(s.name)
              << ", \"participant\": " << jsonString(s.participants) << ", \"turns\": " << s.turns
              << ", \"speakers\": " << s.speakers << ", \"characters\": " << s.chars
              << "},\n\"turns\": ";
  RowStream rows(std::cout,
                 {"turn", "speaker", "participant", "interviewer", "start", "end", "start_time",
                  "end_time", "text"},
                 format);
  // Turns come in text order: a cursor walks the text once, where slicing each turn from the
  // start made 100,000 turns take minutes (issue 21).
  CodePointCursor cursor(text);
  for (const TurnView& v : project.turns(s.id)) {
    std::string said(cursor.slice(v.start, v.end));
    // A table shows the start of each turn; CSV and JSON give it whole.
    if (format == Format::Table && text::codePointCount(said) > 60)
      said = std::string(text::sliceCodePoints(said, 0, 59)) + "…";
    rows.add({v.seq, v.speaker, v.participant, v.interviewer, v.start, v.end, clock(v.startMs),
              clock(v.endMs), std::move(said)});
  }
  rows.finish();
  if (format == Format::Json) std::cout << "}\n";
  return 0;
}

}  // namespace

namespace {
std::vector<OptionSpec> importOptions() {
  std::vector<OptionSpec> options{
      {"participants", true, "participant metadata CSV mapping speakers to participants", "CSV"},
      {"encoding", true, "encoding of plain text that is not UTF-8/UTF-16 (e.g. windows-1252)",
       "NAME"}};
  for (OptionSpec o : refiOnlyImportOptions()) options.push_back(std::move(o));
  options.push_back(formatOption());
  options.push_back(coderOption());
  return options;
}

std::vector<Command> projectCommands() {
  return {
      {"init", "create a new, empty project file", "cmoc init PROJECT.cmoc", "", {}, runInit},
      {"import", "import transcripts (.txt .docx .odt .vtt .srt) and participant metadata",
       "cmoc import PROJECT.cmoc FILE... [--participants CSV] [--encoding NAME]\n"
       "       cmoc import PROJECT.cmoc FILE.qdpx|FILE.qdc|FILE.qde [--positions HOW]\n"
       "           [--skip-missing-sources] [--allow-external DIR]",
       "Each file is imported whole or not at all; a failing file does not stop the others.\n"
       "A file whose text is already in the project is skipped. The participants CSV has a\n"
       "`participant` column, a `speaker` (or `name`) column, an optional `file` column and any\n"
       "attribute columns (role, case, case_type, region, phase ...); role `interviewer` marks\n"
       "interviewers. With --participants and no files, it re-maps the existing sources.\n"
       "A REFI-QDA project or codebook is imported on its own, as `cmoc import-qda` does: text\n"
       "files it names outside its archive are refused unless --allow-external DIR holds them\n"
       "(see `cmoc import-qda --help`).",
       importOptions(), runImport},
      {"sources",
       "list the project's sources",
       "cmoc sources PROJECT.cmoc [--format F]",
       "",
       {formatOption()},
       runSources},
      {"show",
       "print a source's text, its speaker turns or a paper's pages",
       "cmoc show PROJECT.cmoc SOURCE [--turns | --pages] [--format F]",
       "SOURCE is a source id or file name (see `cmoc sources`). A paper's (PDF's) paragraphs\n"
       "are its turns, without speakers.",
       {{"turns", false, "list speaker turns with offsets and times", ""},
        {"pages", false, "list a paper's pages: number, offsets and first words", ""},
        formatOption()},
       runShow},
  };
}

}  // namespace

const CommandRegistration registration{projectCommands};

}  // namespace cmoc::cli
