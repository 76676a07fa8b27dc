#pragma once
// The CMOC table a report or paper prints: CMOCs grouped by mechanism, each with its context,
// outcome, status, support (excerpts, sources, participants, the multiple-sources rule) and its
// evidence quoted with the attribution line researchers use ("19; director; alliance 2").
// Built on demiregularities(), so every count agrees with `cmoc demi`; the writers in
// cmoc_table_export.h only lay it out.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cmoc/cmocs.h"
#include "cmoc/demiregularity.h"

namespace cmoc {

class Project;

struct CmocQuote {
  Slot slot = Slot::Context;  // the slot the coding backs (the first, if it backs several)
  std::string text;           // the coded span on one line (white space runs are one space)
  std::string attribution;    // as Coding::excerpts gives it
};

struct CmocTableRow {
  std::int64_t id = 0;
  std::string context, mechanism, outcome;  // code names
  CmocStatus status = CmocStatus::Novel;
  std::optional<std::int64_t> priorId;
  std::string label;
  std::string statement;  // the if-then-because action statement
  std::int64_t excerpts = 0, sources = 0, participants = 0;
  bool failsRule = false;
  std::vector<CmocQuote> quotes;  // context, mechanism, then outcome evidence; each coding once
};

struct CmocTableGroup {
  std::string mechanism, mechanismPath;
  std::int64_t excerpts = 0, sources = 0, failing = 0;
  std::vector<std::string> participants, caseTypes;
  std::vector<CmocTableRow> rows;  // as demiregularities() orders them: best supported first
};

struct CmocTable {
  int threshold = kDefaultSourceThreshold;
  bool pseudonymised = false;
  std::vector<CmocTableGroup> groups;  // best supported mechanism first
  std::size_t rowCount() const;
};

struct CmocTableOptions {
  DemiOptions demi;  // which CMOCs (mechanism, status, ...) and the multiple-sources threshold
  // Participants' and speakers' names become participant codes in quotes, labels and
  // attributions (see pseudonymise.h).
  bool pseudonymise = false;
};

// Throws what demiregularities() throws: NotFound for an unknown mechanism, UsageError for a
// threshold below 1.
CmocTable buildCmocTable(Project& project, const CmocTableOptions& options = {});

// Cell texts shared by every format, so a CSV and a Word table say the same thing.
std::string ruleCell(const CmocTableRow& row, int threshold);  // "ok" / "fails: 1 source"
// A quote on one line: quotes span line breaks in the transcript, a table cell wants one line
// (white space runs become one space).
std::string oneLine(std::string_view text);
std::string quoteLine(const CmocQuote& quote);                  // “text” (19; director; alliance 2)
std::string quoteLines(const CmocTableRow& row);                // its quoteLine()s, one a line
std::string groupSummary(const CmocTableGroup& group);  // "3 CMOCs; 9 excerpts; 4 sources; ..."

}  // namespace cmoc
