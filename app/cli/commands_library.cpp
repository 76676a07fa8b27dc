// library: the study library of a review. `import` reads RIS and BibTeX references as studies
// and links the PDF papers to them; `list` and `show` read them back; `link` and `unlink`
// correct a paper's study by hand.
#include <iostream>

#include "cmoc/error.h"
#include "cmoc/importers/references.h"
#include "cmoc/library.h"
#include "cmoc/project.h"
#include "command.h"
#include "output.h"
#include "subcommand.h"

namespace cmoc::cli {

namespace {

const std::vector<OptionSpec>& libraryOptions() {
  static const std::vector<OptionSpec> specs = {
      {"format", true, "list, show, papers: table, csv or json", "FORMAT"},
      {"encoding", true, "import: the encoding of a file that is not UTF-8 (windows-1252 ...)",
       "NAME"},
      coderOption(),
  };
  return specs;
}

const std::string& arg(const Args& a, std::size_t i) { return a.positionals()[i]; }

std::string authorsOf(const Study& s) {
  std::string out;
  for (const StudyAuthor& a : s.authors)
    out += (out.empty() ? "" : "; ") + a.family + (a.given.empty() ? "" : ", " + a.given);
  return out;
}

std::string joined(const std::vector<std::pair<std::string, std::string>>& attributes) {
  std::string out;
  for (const auto& [k, v] : attributes) out += (out.empty() ? "" : "; ") + k + "=" + v;
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "; ") + s;
  return out;
}

Cell yearCell(const Study& s) { return s.year ? Cell(std::int64_t{*s.year}) : Cell(); }

// Every file is read before any is stored, so a bad one refuses the lot and the project stays
// as it was; each good file is then one step.
void runImport(const Args& a) {
  std::vector<ReferenceFile> files;
  for (std::size_t i = 1; i < a.positionals().size(); ++i)
    files.push_back(importers::loadReferences(arg(a, i), a.get("encoding", "")));
  Project project = openProject(a);
  Library library(project);
  for (const ReferenceFile& file : files) {
    for (const std::string& line : importReport(library.import(file), file.fileName))
      std::cout << line << "\n";
  }
}

void runList(const Args& a) {
  Project project = openProject(a);
  Table t{
      {"key", "citation", "authors", "year", "title", "journal", "doi", "papers", "attributes"}};
  for (const Study& s : Library(project).list())
    t.add({s.key, s.citation, authorsOf(s), yearCell(s), s.title, s.journal, s.doi,
           joined(s.papers), joined(s.attributes)});
  const Format format = parseFormat(a.get("format", "table"));
  if (format == Format::Table && t.rows.empty()) {
    std::cout << "No studies yet (cmoc library import PROJECT refs.ris adds them)\n";
    return;
  }
  write(std::cout, t, format);
}

void runShow(const Args& a) {
  Project project = openProject(a);
  const Study s = Library(project).get(arg(a, 1));
  const Format format = parseFormat(a.get("format", "table"));
  // One row per field, so attributes read down the page like a participant's.
  Table t{{"field", "value"}};
  t.add({std::string("key"), s.key});
  t.add({std::string("citation"), s.citation});
  t.add({std::string("authors"), authorsOf(s)});
  t.add({std::string("year"), s.year ? std::to_string(*s.year) : std::string("n.d.")});
  t.add({std::string("title"), s.title});
  t.add({std::string("journal"), s.journal});
  t.add({std::string("doi"), s.doi});
  t.add({std::string("from"), s.origin});
  for (const auto& [k, v] : s.attributes) t.add({k, v});
  for (const std::string& p : s.papers) t.add({std::string("paper"), p});
  write(std::cout, t, format);
}

void runLink(const Args& a) {
  Project project = openProject(a);
  const PaperLink l = Library(project).link(arg(a, 1), arg(a, 2));
  std::cout << "Linked " << l.source << " -> " << l.study << " (by hand)\n";
}

void runUnlink(const Args& a) {
  Project project = openProject(a);
  const PaperLink l = Library(project).unlink(arg(a, 1));
  std::cout << "Unlinked " << l.source << " from " << l.study << "\n";
}

void runPapers(const Args& a) {
  Project project = openProject(a);
  Table t{{"source_id", "paper", "study", "matched_by"}};
  for (const PaperLink& p : Library(project).papers())
    t.add({p.sourceId, p.source, p.study, p.matchedBy});
  write(std::cout, t, parseFormat(a.get("format", "table")));
}

const std::vector<Subcommand>& subcommands() {
  static const std::vector<Subcommand> subs = {
      {"import",
       "cmoc library import PROJECT.cmoc FILE... (.ris, .bib) [--encoding NAME]",
       {"coder", "encoding"},
       2,
       runImport,
       true},
      {"list", "cmoc library list PROJECT.cmoc [--format table|csv|json]", {"format"}, 1, runList},
      {"show",
       "cmoc library show PROJECT.cmoc STUDY [--format table|csv|json]",
       {"format"},
       2,
       runShow},
      {"papers",
       "cmoc library papers PROJECT.cmoc [--format table|csv|json]",
       {"format"},
       1,
       runPapers},
      {"link", "cmoc library link PROJECT.cmoc SOURCE STUDY", {"coder"}, 3, runLink},
      {"unlink", "cmoc library unlink PROJECT.cmoc SOURCE", {"coder"}, 2, runUnlink},
  };
  return subs;
}

int runLibrary(const Args& args) {
  return runSubcommand(args, libraryOptions(), subcommands(), "cmoc library");
}

std::vector<Command> libraryCommands() {
  return {{"library", "the study library: import RIS/BibTeX references, link papers to studies",
           "cmoc library SUBCOMMAND PROJECT.cmoc [ARGS] [--options]",
           "Each reference becomes a study: its authors, year, title, journal and DOI, and every\n"
           "other field (country, design, partnership type ...; in RIS as \"name: value\" notes\n"
           "or keywords) as an attribute that `cmoc matrix --attribute` splits papers by.\n"
           "A paper (PDF source) is linked to the study whose DOI its text gives, else whose\n"
           "first author and year its file name holds, else whose title its text holds; its\n"
           "quotes then read \"Hartley and Osei 2017, p. 4\". Papers imported later are linked\n"
           "as they come. STUDY is a study's key (`library list`); SOURCE a paper's name or id.\n"
           "Each import, link or unlink is one step that `cmoc undo` takes back.\n\n"
           "subcommands:\n"
           "  import PROJECT FILE...   add the references of .ris and .bib files\n"
           "  list PROJECT             every study\n"
           "  show PROJECT STUDY       one study with its attributes and papers\n"
           "  papers PROJECT           every paper and its study\n"
           "  link PROJECT SOURCE STUDY   link a paper by hand\n"
           "  unlink PROJECT SOURCE       remove a paper's link",
           libraryOptions(), runLibrary}};
}

}  // namespace

const CommandRegistration libraryRegistration{libraryCommands};

}  // namespace cmoc::cli
