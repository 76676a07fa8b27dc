#pragma once
// REFI-QDA interchange (.qdc codebooks, .qdpx projects) as plain values: what the importer
// parses an exchange file into, and what the exporter writes, as far as our model holds it.
//
// In these values GUIDs are lower-case without braces, times are ISO 8601 UTC
// ("2026-11-26T07:05:00Z") or empty, text is NFC with LF line ends, and selection positions are
// code points [start, end) into their source's text: every tool's conventions are converted at
// the file boundary. Our realist data (code kinds and origins, CMOCs with slots, evidence,
// status and chains) travels in the standard's extension points by the names below, the
// contract between writer and reader; docs/refi-qda.md explains it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cmoc/cmocs.h"
#include "cmoc/codebook.h"
#include "cmoc/transcript.h"

namespace cmoc {
class Progress;
class Project;
}  // namespace cmoc

namespace cmoc::refi {

// --- Extension conventions ---------------------------------------------------------------------
// Sets of codes named by kind and origin ("CMOC kind: mechanism", "CMOC origin: inductive"):
// other tools show them as code groups.
inline constexpr std::string_view kKindSetPrefix = "CMOC kind: ";
inline constexpr std::string_view kOriginSetPrefix = "CMOC origin: ";
// A CMOC is a Set (its GUID) whose members are its three codes and whose Description starts
// with this line, followed by "context: {guid} name", "mechanism: ...", "outcome: ...",
// "status: ...", "coder: ...", "created: ...", "modified: ...", "label: ..." and "memo:" lines.
inline constexpr std::string_view kCmocHeader = "CMOC Workbench configuration";
// Evidence: a Link from the CMOC to the PlainTextSelection of a coding, named by slot
// ("CMOC evidence: context"). A prior CMOC: a Link named kPriorLinkName from the CMOC to it.
// A chain: a Link named kChainLinkName (its GUID) from one CMOC to the next.
inline constexpr std::string_view kEvidenceLinkPrefix = "CMOC evidence: ";
inline constexpr std::string_view kPriorLinkName = "CMOC tests";
inline constexpr std::string_view kChainLinkName = "CMOC chain";
// The chains drawn for tools that show networks; rebuilt from the links on import.
inline constexpr std::string_view kChainGraphName = "CMOC chains";
// Participants are Cases carrying a Boolean kInterviewerVariable; a source's speaker labels and
// whose they are travel as its Text kSpeakersVariable ("R = 19; I = INT1").
inline constexpr std::string_view kInterviewerVariable = "interviewer";
inline constexpr std::string_view kSpeakersVariable = "speakers";
inline constexpr std::string_view kCaseTypeVariable = "case_type";
// A code's Description: its definition, then these paragraphs when set.
inline constexpr std::string_view kInclusionHeading = "Inclusion: ";
inline constexpr std::string_view kExclusionHeading = "Exclusion: ";
inline constexpr std::string_view kMemoHeading = "Memo: ";  // .qdc only: projects use a Note

// What a code's Description holds, and back. Paragraphs are separated by a blank line.
struct CodeText {
  std::string definition, inclusion, exclusion, memo;
};
std::string codeDescription(const CodeText& t, bool withMemo);
CodeText parseCodeDescription(std::string_view description);

// A name-based GUID (RFC 4122 version 5 under our namespace): the same key gives the same GUID,
// so exports are reproducible and elements we derive (a coding's selection, a code's memo
// note) are recognised when they come back.
std::string derivedGuid(std::string_view key);
// Lower-case, braces removed; empty when `s` is not 8-4-4-4-12 hex digits.
std::string normalizeGuid(std::string_view s);

// --- The exchange ------------------------------------------------------------------------------
struct Stamp {
  std::string creatingUser, created, modifyingUser, modified;  // user GUIDs, UTC times
};

struct User {
  std::string guid, name, id;
};

struct Code {
  std::string guid, name, color;  // color "#RRGGBB" or empty
  bool codable = true;
  CodeText text;  // memo: the code's own memo (a Note in a project, a paragraph in a .qdc)
  std::optional<CodeKind> kind;
  std::optional<CodeOrigin> origin;
  std::vector<std::string> noteRefs;
  std::vector<Code> children;
  std::string where;  // element path in the file, for messages
};

enum class VariableType { Text, Boolean, Integer, Float, Date, DateTime };
std::string_view toString(VariableType t);  // "Text", ...

struct Variable {
  std::string guid, name, description;
  VariableType type = VariableType::Text;
};

struct VariableValue {
  std::string variable;  // GUID
  std::string value;     // as written: "true", "42", "2024-01-31" ...
};

struct Case {
  std::string guid, name, description;
  std::vector<std::string> codeRefs, sourceRefs, selectionRefs;
  std::vector<VariableValue> values;
  std::string where;
};

struct Coding {
  std::string guid, code;  // code: the CodeRef's GUID
  Stamp stamp;             // creatingUser and created only
  std::vector<std::string> noteRefs;
  std::string where;
};

struct Selection {
  std::string guid, name, description;
  std::int64_t start = 0, end = 0;
  Stamp stamp;
  std::vector<Coding> codings;
  std::vector<std::string> noteRefs;
  std::string where;
};

struct Source {
  std::string guid, name, description;
  std::string text;
  std::vector<Turn> turns;  // speaker turns the importer recognised in the text (not exported)
  Stamp stamp;
  std::vector<Selection> selections;
  std::vector<Coding> codings;  // of the whole source
  std::vector<std::string> noteRefs;
  std::vector<VariableValue> values;
  std::string where;
};

struct Note {
  std::string guid, name, description, text;
  Stamp stamp;
  std::string where;
};

enum class Direction { Associative, OneWay, Bidirectional };
std::string_view toString(Direction d);

struct Link {
  std::string guid, name, color, origin, target;
  Direction direction = Direction::Associative;
  std::vector<std::string> noteRefs;
  std::string where;
};

struct Set {
  std::string guid, name, description;
  std::vector<std::string> memberCodes, memberSources, memberNotes;
  std::string where;
};

struct Vertex {
  std::string guid, represented, name, color, shape;
  std::int64_t firstX = 0, firstY = 0;
  std::optional<std::int64_t> secondX, secondY;
};

struct Edge {
  std::string guid, represented, name, sourceVertex, targetVertex, color, lineStyle;
  std::optional<Direction> direction;
};

struct Graph {
  std::string guid, name;
  std::vector<Vertex> vertices;
  std::vector<Edge> edges;
  std::string where;
};

struct Cmoc {
  std::string guid;
  std::string context, mechanism, outcome;  // code GUIDs
  CmocStatus status = CmocStatus::Novel;
  std::string prior;  // CMOC GUID, or empty
  std::string label, memo, coder, created, modified;
  std::vector<std::pair<Slot, std::string>> evidence;  // a selection's (or coding's) GUID
  std::vector<std::string> noteRefs;                   // memos on the CMOC
  std::string where;
};

struct Chain {
  std::string guid, from, to, memo;  // from/to: CMOC GUIDs
};

struct Exchange {
  bool codebookOnly = false;  // a .qdc: codes and sets only
  std::string name, origin, description, basePath;
  Stamp stamp;
  std::vector<std::string> noteRefs;  // the project's own notes
  std::vector<User> users;
  std::vector<Code> codes;  // top level; children nested
  std::vector<Variable> variables;
  std::vector<Case> cases;
  std::vector<Source> sources;
  std::vector<Note> notes;
  // Sets, links and graphs other than our conventions (those are read into the fields below).
  std::vector<Link> links;
  std::vector<Set> sets;
  std::vector<Graph> graphs;
  std::vector<Cmoc> cmocs;
  std::vector<Chain> chains;
};

// --- What an import did -----------------------------------------------------------------------
struct Skipped {
  std::string where, what, why;  // element path, "PDFSelection", reason
};

struct Dangling {
  std::string where, what, guid;  // element path, "MemberSource", the GUID that resolves to nothing
};

struct ImportReport {
  std::string file;
  std::string positions;  // the position convention used, e.g. "UTF-16 units, CRLF as 2 (NVivo)"
  std::vector<std::pair<std::string, std::int64_t>> found;     // elements read, per kind
  std::vector<std::pair<std::string, std::int64_t>> imported;  // entities saved, per kind
  std::vector<Skipped> skipped;
  std::vector<Dangling> dangling;
  std::vector<std::string> notes;  // conventions chosen, names made unique, matches by GUID
  // Files read from outside the exchange (allowed by the user), by real path: the researcher
  // should know what of this machine went into a project that may be shared onward.
  std::vector<std::string> external;

  void add(std::vector<std::pair<std::string, std::int64_t>>& counts, const std::string& kind,
           std::int64_t n = 1);
  std::int64_t count(const std::vector<std::pair<std::string, std::int64_t>>& counts,
                     std::string_view kind) const;
};

// The report as the researcher reads it after an import: what was read and saved, what was left
// out and why, dangling references and notes. `origin` is the writing program, may be empty.
std::string describe(const ImportReport& report, const std::string& origin);

// Saves `exchange` into `project` as one undoable Action: everything or nothing. Entities are
// matched by GUID: one the project already holds is kept as it is (and counted as matched), so
// importing the same file twice adds nothing. A code whose path already exists under another
// GUID is merged into it. Throws InputError (with the element path) for what the project cannot
// hold: a coding outside its text, a reference to an unknown code or user, a duplicate GUID.
// Counts what was saved, and what was left out and why, into `report`. `progress` hears of each
// source and coding saved; cancelling through it throws Cancelled and saves nothing.
void apply(Project& project, const Exchange& exchange, ImportReport& report,
           Progress* progress = nullptr);

// The whole project as an exchange, for export: every code, source, coding, memo, participant,
// case, attribute, CMOC and chain, in a stable order.
Exchange snapshot(const Project& project);

}  // namespace cmoc::refi
