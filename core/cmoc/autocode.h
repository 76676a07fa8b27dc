#pragma once
// Auto-coding: find a word, a phrase or a regular expression in the speaker turns (or take
// every turn of one speaker) and code each hit, widened to its sentence, paragraph or turn.
// Hits are coded as the coder `auto`, in one undoable Action, so a person can review them:
// accept (re-attribute to themselves) or reject (delete, audited) in bulk.
//
// Matching is always case- and accent-insensitive:
// - word and phrase patterns are split into words and folded exactly as the search index
//   does it (text::fold: case, accents, compatibility forms; `strasse` finds `Straße`), and a
//   hit is a run of whole words. Positions come from the words' places in the original text,
//   so folding that changes lengths (ß -> ss) never shifts them. A word may hold inner
//   punctuation (`don't`, `Adebayo-Müller`) but no space; a phrase's words may be separated
//   in the text by any run of white space, line breaks included; other punctuation between
//   them must be as written (an apostrophe may be straight or curly).
// - regular expressions (ICU syntax) run with UREGEX_CASE_INSENSITIVE and UREGEX_MULTILINE
//   (^ and $ match at line ends) over an accent-stripped view of each turn: text and pattern
//   are canonically decomposed and their combining marks dropped, and hits are mapped back
//   to the original code points. So `cafe` and `café` find both `café` and `CAFE`.
// Text outside turns (speaker labels) is never matched.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cmoc {

class Progress;

class Project;

// The coder auto-coded codings are recorded under until a person accepts them.
inline constexpr const char* kAutoCoder = "auto";

enum class PatternKind {
  Word,     // one whole word
  Phrase,   // consecutive whole words
  Regex,    // an ICU regular expression
  Speaker,  // no pattern: every turn of AutocodeSpec::speaker
};
enum class AutocodeScope {
  Match,      // the matched text
  Sentence,   // the sentence(s) holding the match (ICU sentence breaks within the turn)
  Paragraph,  // the line(s) holding the match, within the turn
  Turn,       // the whole speaker turn
};

std::string_view toString(PatternKind kind);           // "word", "phrase", "regex", "speaker"
std::string_view toString(AutocodeScope scope);        // "match", "sentence", "paragraph", "turn"
AutocodeScope parseAutocodeScope(std::string_view s);  // throws UsageError

struct AutocodeSpec {
  std::string code;  // name or path
  PatternKind kind = PatternKind::Word;
  std::string pattern;                         // unused for PatternKind::Speaker
  AutocodeScope scope = AutocodeScope::Match;  // PatternKind::Speaker always codes turns
  // Only turns of this speaker: a speaker label (any case) or a participant code.
  std::optional<std::string> speaker;
  std::vector<std::string> sources;  // ids or file names; empty: every source
};

// One match, with the excerpt it would be coded in (after widening to the scope and merging
// hits that overlap or touch, so a sentence with two hits is one excerpt).
struct AutocodeHit {
  std::int64_t sourceId = 0, turnId = 0;
  std::string sourceName, speaker, participant;
  std::int64_t start = 0, end = 0;            // the match, code points
  std::int64_t codedStart = 0, codedEnd = 0;  // the excerpt, code points
  std::string text;                           // the matched text
  std::string before,
      after;  // up to 40 code points of context each side, within the turn, on one line
};

// A dry run's hits, of which only the first `limit` (in source and position order) are kept,
// so a pattern with millions of hits in a large project lists a page of them in bounded memory
// and still counts them all.
struct AutocodePreview {
  std::vector<AutocodeHit> hits;  // the first hits, in order
  std::int64_t totalHits = 0;     // every hit found
  std::int64_t sources = 0;       // sources with a hit
  std::int64_t excerpts = 0;      // excerpts the hits would be coded in
};

struct AutocodeResult {
  std::int64_t hits = 0;          // matches found
  std::int64_t coded = 0;         // new codings written
  std::int64_t alreadyCoded = 0;  // excerpts `auto` had already coded with this code
  std::int64_t sources = 0;       // sources that got new codings
};

// Which auto codings a review acts on. Empty fields do not filter.
struct AutocodeReviewFilter {
  std::vector<std::string> codes;    // names or paths (the code itself, not its children)
  std::vector<std::string> sources;  // ids or file names
};

struct AutocodeReviewResult {
  std::int64_t codings = 0;  // auto codings accepted or rejected
  // Accepting: of those, how many the person had already coded on the same span with the same
  // code; the auto duplicate is dropped (its CMOC evidence moved to the person's coding).
  std::int64_t merged = 0;
};

class Autocoder {
 public:
  explicit Autocoder(Project& project);

  // Throws UsageError for a missing or empty pattern, a word with spaces, an invalid regular
  // expression (with ICU's error and where), a Speaker spec without a speaker; NotFound for an
  // unknown code, source or speaker.
  std::vector<AutocodeHit> preview(const AutocodeSpec& spec) const;  // the dry run: writes nothing
  // `progress` hears of each source the scan reaches (a dry run may find millions of hits).
  AutocodePreview preview(const AutocodeSpec& spec, std::size_t limit,
                          Progress* progress = nullptr) const;
  // Codes every excerpt as `auto` in one Action, skipping excerpts `auto` already coded with
  // the code. Nothing found: nothing written.
  AutocodeResult run(const AutocodeSpec& spec, Progress* progress = nullptr);

  // Re-attributes `auto` codings to `person` (not `auto`), in one Action, audited.
  AutocodeReviewResult accept(const std::string& person, const AutocodeReviewFilter& filter = {});
  // Deletes `auto` codings in one Action; each deletion is audited.
  AutocodeReviewResult reject(const AutocodeReviewFilter& filter = {});

 private:
  Project& project_;
};

}  // namespace cmoc
