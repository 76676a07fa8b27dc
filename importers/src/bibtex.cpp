// BibTeX through btparse (libbtparse, the parser behind Perl's Text::BibTeX): it lexes entries,
// @string macros, concatenation and braces, and splits author lists and names into their
// von/last/first parts. What it leaves, the TeX inside values, tex_text.h resolves.
#include <btparse.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <set>

#include "cmoc/error.h"
#include "cmoc/importers/references.h"
#include "reference_fields.h"
#include "tex_text.h"

namespace cmoc::importers {

namespace {

// btparse keeps its macros and lexer state in globals and reports problems only by printing
// them on stderr, so one file is parsed at a time and its stderr is caught to become the
// InputError (a CLI command prints one line; the GUI has no stderr to read).
std::mutex& btparseLock() {
  static std::mutex m;
  return m;
}

class CaughtStderr {
 public:
  CaughtStderr() : file_(std::tmpfile()) {
    std::fflush(stderr);
    saved_ = dup(STDERR_FILENO);
    if (file_ && saved_ >= 0) dup2(fileno(file_), STDERR_FILENO);
  }
  ~CaughtStderr() {
    restore();
    if (file_) std::fclose(file_);
  }
  CaughtStderr(const CaughtStderr&) = delete;
  CaughtStderr& operator=(const CaughtStderr&) = delete;
  // What was printed so far; stderr stays caught until the end.
  std::string text() {
    std::fflush(stderr);
    if (!file_) return {};
    std::string out;
    std::rewind(file_);
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, file_)) > 0;) out.append(buf, n);
    return out;
  }

 private:
  void restore() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    dup2(saved_, STDERR_FILENO);
    close(saved_);
    saved_ = -1;
  }
  std::FILE* file_;
  int saved_ = -1;
};

// btparse's first error line, "refs.bib, line 4: syntax error: ..." -> (line 4, the problem).
InputError firstError(const std::string& caught, const std::string& fileName, int fallbackLine) {
  std::string where = "line " + std::to_string(fallbackLine), problem = "not valid BibTeX";
  std::size_t at = 0;
  while (at < caught.size()) {
    const std::size_t nl = caught.find('\n', at);
    const std::string line =
        caught.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
    at = nl == std::string::npos ? caught.size() : nl + 1;
    if (line.find("error") == std::string::npos) continue;  // warnings come first sometimes
    if (const auto l = line.find("line "); l != std::string::npos) {
      const auto colon = line.find(':', l);
      if (colon != std::string::npos) {
        where = line.substr(l, colon - l);
        problem = trimField(line.substr(colon + 1));
      }
    } else {
      problem = trimField(line);
    }
    break;
  }
  // btparse numbers lines from 1 like we do; its "line 4, warning:" forms are handled above.
  if (const auto comma = where.find(','); comma != std::string::npos) where.resize(comma);
  return InputError(fileName, where, problem);
}

struct Freed {
  void operator()(char* p) const { std::free(p); }
};

std::string fieldText(AST* field) {
  std::unique_ptr<char, Freed> text(bt_get_text(field));
  return text ? std::string(text.get()) : std::string();
}

std::string joined(char** tokens, int n) {
  std::string out;
  for (int i = 0; i < n; ++i)
    if (tokens[i]) out += (out.empty() ? "" : " ") + std::string(tokens[i]);
  return out;
}

std::vector<StudyAuthor> splitAuthors(const std::string& value, const std::string& fileName,
                                      int line) {
  std::vector<StudyAuthor> out;
  std::string list = value, file = fileName;
  bt_stringlist* names =
      bt_split_list(list.data(), const_cast<char*>("and"), file.data(), line, nullptr);
  if (!names) return out;
  for (int i = 0; i < names->num_items; ++i) {
    if (!names->items[i]) continue;
    bt_name* name = bt_split_name(names->items[i], file.data(), line, i + 1);
    if (!name) continue;
    std::string family = joined(name->parts[BTN_VON], name->part_len[BTN_VON]);
    const std::string last = joined(name->parts[BTN_LAST], name->part_len[BTN_LAST]);
    family += (family.empty() || last.empty() ? "" : " ") + last;
    const std::string given = joined(name->parts[BTN_FIRST], name->part_len[BTN_FIRST]);
    if (!family.empty() || !given.empty())
      out.push_back({texToUnicode(family.empty() ? given : family),
                     family.empty() ? "" : texToUnicode(given)});
    bt_free_name(name);
  }
  bt_free_list(names);
  return out;
}

// Fields of bookkeeping, not of the study; they do not become attributes.
bool ignoredField(const std::string& name) {
  static const std::set<std::string> ignored = {
      "abstract",      "file",       "url",         "urldate",
      "pages",         "volume",     "number",      "issue",
      "issn",          "isbn",       "publisher",   "address",
      "month",         "language",   "langid",      "keywords",
      "note",          "annote",     "editor",      "edition",
      "series",        "eprint",     "eprinttype",  "archiveprefix",
      "primaryclass",  "timestamp",  "owner",       "mendeley-groups",
      "mendeley-tags", "shorttitle", "copyright",   "pmid",
      "day",           "school",     "institution", "organization",
      "howpublished",  "chapter",    "crossref",    "type"};
  return ignored.count(name) != 0;
}

Reference readEntry(AST* entry, const std::string& fileName) {
  Reference r;
  r.line = entry->line;
  if (const char* key = bt_entry_key(entry)) r.key = key;
  std::string journalFrom;
  char* rawName = nullptr;
  for (AST* field = nullptr; (field = bt_next_field(entry, field, &rawName));) {
    const std::string name = rawName ? rawName : "";  // btparse lower-cases field names
    const std::string raw = fieldText(field);
    if (name == "doi") {
      std::string doi;  // a DOI is not TeX, but exporters escape its underscores
      for (const char c : raw)
        if (c != '{' && c != '}' && c != '\\') doi += c;
      r.doi = trimField(doi);
      continue;
    }
    if (name == "url") {
      if (r.doi.empty()) r.doi = doiFromUrl(raw);
      continue;
    }
    if (name == "author") {
      r.authors = splitAuthors(raw, fileName, entry->line);
      continue;
    }
    const std::string value = texToUnicode(raw);
    if (name == "title") {
      r.title = value;
    } else if (name == "journal" || name == "journaltitle" ||
               (name == "booktitle" && journalFrom.empty())) {
      if (journalFrom != "journal") r.journal = value, journalFrom = name;
    } else if (name == "year") {
      r.year = yearIn(value);
      if (!r.year && !value.empty())
        throw InputError(fileName, "line " + std::to_string(entry->line),
                         "no year in year = {" + value + "}");
    } else if (name == "date") {
      if (!r.year) r.year = yearIn(value);  // biblatex: date = {2019-04-01}
    } else if (name == "keywords" || name == "note" || name == "annote") {
      // Zotero's "Extra" and Mendeley's notes carry "country: Ghana" lines; keywords are a
      // list, notes prose in which a comma is no separator.
      const char* separators = name == "keywords" ? ";," : ";";
      for (std::size_t at = 0; at <= value.size();) {
        const std::size_t sep = value.find_first_of(separators, at);
        addNamedValue(r, value.substr(at, sep == std::string::npos ? std::string::npos : sep - at));
        if (sep == std::string::npos) break;
        at = sep + 1;
      }
    } else if (!ignoredField(name) && !value.empty()) {
      r.fields.emplace_back(attributeName(name), value);
    }
  }
  return r;
}

}  // namespace

ReferenceFile parseBibtex(const std::string& text, const std::string& fileName) {
  ReferenceFile file;
  file.fileName = fileName;
  file.format = "bibtex";
  std::lock_guard<std::mutex> lock(btparseLock());
  std::string buffer = text;
  std::string name = fileName;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(fmemopen(buffer.data(), buffer.size(), "r"),
                                                     &std::fclose);
  if (!in) throw InputError(fileName, "file", "cannot be read");
  if (text.find('@') == std::string::npos)  // btparse would call the whole file junk
    throw InputError(fileName, "file", "no references (a BibTeX entry starts '@article{')");
  CaughtStderr caught;  // declared first: it must outlive the draining below
  bt_initialize();
  bt_set_stringopts(BTE_REGULAR, BTO_FULL);
  bt_set_stringopts(BTE_MACRODEF, BTO_FULL);
  // btparse resets its lexer only when it reads a file to its end; after an error, or a value
  // refused mid-file, the rest is read (and dropped) so the next file starts clean.
  struct Drain {
    std::FILE* in;
    char* name;
    ~Drain() {
      for (;;) {
        boolean ok = TRUE;
        AST* entry = bt_parse_entry(in, name, 0, &ok);
        if (entry) {
          bt_free_ast(entry);
          continue;
        }
        if (std::feof(in)) bt_parse_entry(in, name, 0, &ok);  // at EOF: its reset
        break;
      }
      bt_delete_all_macros();
      bt_cleanup();
    }
  } drain{in.get(), name.data()};
  int lastLine = 1;
  for (;;) {
    boolean ok = TRUE;
    AST* entry = bt_parse_entry(in.get(), name.data(), 0, &ok);
    if (!entry) {
      if (!ok) throw firstError(caught.text(), fileName, lastLine);
      break;
    }
    std::unique_ptr<AST, void (*)(AST*)> owned(entry, &bt_free_ast);
    lastLine = entry->line;
    if (!ok) throw firstError(caught.text(), fileName, entry->line);
    if (bt_entry_metatype(entry) != BTE_REGULAR) continue;  // @string, @comment, @preamble
    file.references.push_back(readEntry(entry, fileName));
  }
  if (file.references.empty())
    throw InputError(fileName, "file", "no references (a BibTeX entry starts '@article{')");
  return file;
}

}  // namespace cmoc::importers
