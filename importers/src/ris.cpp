// RIS, the tagged format every reference manager exports ("TY  - JOUR" ... "ER  - "). Debian
// packages no RIS parser for C or C++ (the ones that exist are Python, R and Perl modules), and
// the format is a line per field, so this small reader is ours. It takes both dialects met in
// practice: Zotero's (TI, T2, DA, DO) and EndNote's (T1, JF/JO, Y1, N1), with continuation
// lines (EndNote wraps long values) and tags that repeat (one AU per author).
#include <map>

#include "cmoc/error.h"
#include "cmoc/importers/references.h"
#include "reference_fields.h"

namespace cmoc::importers {

namespace {

// "AU  - Hartley, Margaret": two capital letters or a letter and a digit, two spaces, a hyphen,
// then a space and the value (an empty value may lose its trailing space: "ER  -").
bool tagLine(const std::string& line, std::string& tag, std::string& value) {
  if (line.size() < 5) return false;
  const auto upperOrDigit = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (!(line[0] >= 'A' && line[0] <= 'Z') || !upperOrDigit(line[1])) return false;
  if (line.compare(2, 3, "  -") != 0) return false;
  if (line.size() > 5 && line[5] != ' ') return false;
  tag = line.substr(0, 2);
  value = line.size() > 6 ? line.substr(6) : "";
  return true;
}

// "Løvås, Renée" or "Løvås, Renée, Jr."; without a comma the whole name is the family name
// (an organisation: "World Health Organization").
StudyAuthor risAuthor(const std::string& name) {
  const auto comma = name.find(',');
  if (comma == std::string::npos) return {trimField(name), ""};
  std::string given = name.substr(comma + 1);
  if (const auto second = given.find(','); second != std::string::npos) given.resize(second);
  return {trimField(name.substr(0, comma)), trimField(given)};
}

// Where the journal's name is, best first: Zotero writes T2, EndNote JF or JO, abbreviations last.
int journalRank(const std::string& tag) {
  static const std::map<std::string, int> rank = {{"T2", 1}, {"JF", 2}, {"JO", 3}, {"BT", 4},
                                                  {"JA", 5}, {"J2", 6}, {"J1", 7}};
  const auto it = rank.find(tag);
  return it == rank.end() ? 0 : it->second;
}

// Tags whose value is bibliographic bookkeeping, not something to split a matrix by.
bool ignoredTag(const std::string& tag) {
  static const std::map<std::string, int> ignored = {
      {"AB", 0}, {"N2", 0}, {"UR", 0}, {"L1", 0}, {"L2", 0}, {"L4", 0}, {"SP", 0},
      {"EP", 0}, {"VL", 0}, {"IS", 0}, {"SN", 0}, {"PB", 0}, {"CY", 0}, {"ID", 0},
      {"A2", 0}, {"A3", 0}, {"A4", 0}, {"ED", 0}, {"ET", 0}, {"M1", 0}, {"M2", 0},
      {"M3", 0}, {"AN", 0}, {"DB", 0}, {"DP", 0}, {"Y2", 0}, {"ST", 0}, {"CN", 0},
      {"CA", 0}, {"LA", 0}, {"AD", 0}, {"OP", 0}, {"RP", 0}, {"RN", 0}, {"TA", 0},
      {"TT", 0}, {"U1", 0}, {"U2", 0}, {"U3", 0}, {"U4", 0}, {"U5", 0}, {"PP", 0}};
  return ignored.count(tag) != 0;
}

struct Pending {
  Reference ref;
  int journalRank = 0;
  bool titleFromTi = false;
  std::string yearFrom;  // the tag the year came from
  std::string lastTag;   // what a continuation line continues
  std::string url;
};

void addField(Pending& p, const std::string& tag, const std::string& value,
              const std::string& fileName, int line) {
  Reference& r = p.ref;
  const std::string v = trimField(value);
  p.lastTag = tag;
  if (tag == "AU" || tag == "A1") {
    if (!v.empty()) r.authors.push_back(risAuthor(v));
  } else if (tag == "TI" || tag == "T1") {
    // Zotero writes TI and may add T1 for nothing else; EndNote writes T1 only.
    if (tag == "TI" || !p.titleFromTi) r.title = v;
    p.titleFromTi = p.titleFromTi || tag == "TI";
  } else if (int rank = journalRank(tag); rank) {
    if (!v.empty() && (p.journalRank == 0 || rank < p.journalRank)) {
      r.journal = v;
      p.journalRank = rank;
    }
  } else if (tag == "PY" || tag == "Y1" || tag == "DA") {
    // PY is the year; Y1 and DA ("2019/04/01/") only when PY is missing.
    if (p.yearFrom == "PY") return;
    if (auto year = yearIn(v)) {
      r.year = year;
      p.yearFrom = tag;
    } else if (!v.empty() && tag == "PY") {
      throw InputError(fileName, "line " + std::to_string(line), "no year in PY '" + v + "'");
    }
  } else if (tag == "DO") {
    r.doi = v;
  } else if (tag == "UR") {
    p.url = v;
  } else if (tag == "KW" || tag == "N1") {
    addNamedValue(r, v);  // "country: Ghana" is an attribute; a plain keyword is not
  } else if (tag.size() == 2 && tag[0] == 'C' && tag[1] >= '1' && tag[1] <= '8') {
    if (!v.empty()) r.fields.emplace_back(std::string("custom") + tag[1], v);
  } else if (!ignoredTag(tag) && tag != "TY" && !v.empty()) {
    r.fields.emplace_back(attributeName(tag), v);
  }
}

}  // namespace

ReferenceFile parseRis(const std::string& text, const std::string& fileName) {
  ReferenceFile file;
  file.fileName = fileName;
  file.format = "ris";
  std::optional<Pending> open;
  int lineNo = 0;
  bool sawContent = false;
  std::size_t at = 0;
  while (at <= text.size()) {
    const std::size_t nl = text.find('\n', at);
    std::string line = text.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
    at = nl == std::string::npos ? text.size() + 1 : nl + 1;
    ++lineNo;
    std::string tag, value;
    if (!tagLine(line, tag, value)) {
      if (trimField(line).empty()) continue;
      if (!open) {
        if (!sawContent)
          throw InputError(fileName, "line " + std::to_string(lineNo),
                           "not a RIS file (a RIS reference starts 'TY  - ')");
        throw InputError(fileName, "line " + std::to_string(lineNo),
                         "text outside a reference (after 'ER  - ', before 'TY  - ')");
      }
      // A wrapped value goes on: EndNote breaks abstracts and long titles over lines.
      if (open->lastTag == "TI" || open->lastTag == "T1") open->ref.title += " " + trimField(line);
      continue;
    }
    sawContent = true;
    if (tag == "TY") {
      if (open)
        throw InputError(fileName, "line " + std::to_string(lineNo),
                         "a reference starts before the one on line " +
                             std::to_string(open->ref.line) + " ended ('ER  - ')");
      open.emplace();
      open->ref.line = lineNo;
      continue;
    }
    if (!open)
      throw InputError(fileName, "line " + std::to_string(lineNo),
                       "'" + tag + "' outside a reference (a RIS reference starts 'TY  - ')");
    if (tag == "ER") {
      if (open->ref.doi.empty()) open->ref.doi = doiFromUrl(open->url);
      file.references.push_back(std::move(open->ref));
      open.reset();
      continue;
    }
    addField(*open, tag, value, fileName, lineNo);
  }
  if (open)
    throw InputError(fileName, "line " + std::to_string(open->ref.line),
                     "the reference begun here has no end ('ER  - ')");
  if (file.references.empty())
    throw InputError(fileName, "file", "no references (a RIS reference starts 'TY  - ')");
  return file;
}

}  // namespace cmoc::importers
