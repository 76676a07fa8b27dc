#pragma once
// The study library of a realist review: the references (RIS or BibTeX, as Zotero, EndNote and
// Mendeley export them) become studies with their authors, year, title, journal and DOI, and
// every other field of the reference (country, design, partnership type ...) as an attribute,
// like a participant's. A PDF paper linked to its study is quoted as "Hartley and Osei 2017,
// p. 4", and the code x attribute matrix splits its codings by the study's attributes.
// Importers (cmoc/importers/references.h) read the files; this is where they are stored,
// matched to papers and corrected. Every change is one undoable, audited Action.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cmoc {

class Project;

struct StudyAuthor {
  std::string family;  // "Løvås", "van der Berg"
  std::string given;   // "Renée"; may be empty (an organisation as author)
};

// One reference as a file gives it, before it is a study. Text is NFC UTF-8 with TeX escapes
// already resolved.
struct Reference {
  std::string key;  // BibTeX's citation key; empty for RIS (the library makes one)
  std::vector<StudyAuthor> authors;
  std::optional<int> year;
  std::string title, journal, doi;
  std::vector<std::pair<std::string, std::string>> fields;  // every other field: the attributes
  int line = 0;  // where the reference starts in its file, for messages
};

struct ReferenceFile {
  std::string fileName;
  std::string format;  // "ris" or "bibtex"
  std::vector<Reference> references;
};

struct Study {
  std::int64_t id = 0;
  std::string guid, key;
  std::vector<StudyAuthor> authors;
  std::optional<int> year;
  std::string title, journal, doi;
  std::vector<std::pair<std::string, std::string>> attributes;  // by name
  std::string origin;                                           // "refs.ris, line 12"
  std::vector<std::string> papers;                              // names of the sources linked to it
  std::string citation;                                         // "Hartley and Osei 2017"
};

// How a paper came to be linked to its study, as the schema spells it.
inline constexpr const char* kMatchedByDoi = "doi";
inline constexpr const char* kMatchedByFileName = "file name";
inline constexpr const char* kMatchedByTitle = "title";
inline constexpr const char* kMatchedByHand = "hand";

// One paper's outcome in an auto-link pass.
struct PaperMatch {
  std::int64_t sourceId = 0;
  std::string source;     // the paper's name
  std::string study;      // its study's key; empty when not matched
  std::string matchedBy;  // kMatchedBy...; empty when not matched
  std::string detail;     // the DOI matched, or why nothing was ("2 studies match by title: a, b")
};

// A paper's link to its study, as `library list` of papers shows it.
struct PaperLink {
  std::int64_t sourceId = 0;
  std::string source, study, matchedBy;  // study and matchedBy empty: not linked
};

struct LibraryImport {
  std::vector<std::string> added;                            // study keys
  std::vector<std::pair<std::string, std::string>> skipped;  // reference, why (already there)
  std::vector<PaperMatch> links;                             // the auto-link pass after adding
};

// The lines that say what an auto-link pass did, for the CLI and the GUI alike: "Linked 6 of 7
// papers to studies:", then "  paper-03-....pdf -> okonkwo2019 (DOI 10.5555/hisr.2019.0417)",
// "  paper-01-....pdf -> hartley2017 (file name)" or "  not matched: x.pdf (why)". None when
// there were no papers to link.
std::vector<std::string> linkReport(const std::vector<PaperMatch>& links);
// "Imported 7 studies from refs.ris, skipped 1", a line per skipped reference, then linkReport.
std::vector<std::string> importReport(const LibraryImport& import, const std::string& fileName);

// The citation a quote names: 1 author "Hartley 2017", 2 "Hartley and Osei 2017", 3 or more
// "Nakamura et al. 2018"; no year "n.d."; no authors: the title.
std::string studyCitation(const std::vector<StudyAuthor>& authors, std::optional<int> year,
                          std::string_view title = {});

class Library {
 public:
  explicit Library(Project& project);

  // Adds the references of one file as studies, then links every unlinked paper it can. One
  // Action ("import library FILE"), audited per study; a reference already in the library (same
  // DOI, else the same title and year) is skipped and said so. A reference without a title is
  // refused (InputError naming its line), and nothing of the file is kept.
  LibraryImport import(const ReferenceFile& file);
  // Every study, by key.
  std::vector<Study> list() const;
  // By key; throws NotFound.
  Study get(std::string_view key) const;
  // Every PDF paper and its study, if any, by name.
  std::vector<PaperLink> papers() const;
  // Links the papers among `sourceIds` that are unlinked PDFs to the study whose DOI is in their
  // text, else whose first author and year are in the file name, else whose title is in the
  // text. One Action when anything is linked; returns each paper's outcome.
  std::vector<PaperMatch> autoLink(const std::vector<std::int64_t>& sourceIds);
  // By hand: SOURCE (id or name) is study KEY, replacing any link it had. One Action; throws
  // NotFound for either, UsageError when the source is not a paper or already linked to it.
  PaperLink link(std::string_view source, std::string_view studyKey);
  // Throws UsageError when the source has no study.
  PaperLink unlink(std::string_view source);
  // Whether the project holds any study (an import of papers then tries to link them).
  bool empty() const;

 private:
  Project& project_;
};

}  // namespace cmoc
