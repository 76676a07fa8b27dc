#pragma once
// The audit log and undo history tabs, and the status bar line.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cmoc/project.h"

namespace cmoc::gui {

struct AuditRow {
  std::string at, coder, action, entity, detail;
};

// Newest first, as core returns them; `at` shortened to "2026-11-12 09:30".
std::vector<AuditRow> auditRows(const Project& project, std::size_t limit = 500);

struct StatusLine {
  std::string project, sources, codings, cmocs, coder, mode;
  // "demo.cmoc | 10 sources | 312 codings | 24 CMOCs | coder: AJ | saved"
  std::string text() const;
};

// Counts come from the source summaries (no coding is loaded); cmocCount is passed in because
// listing CMOCs is the CMOC view's business. In blind mode pass the coder's own number of
// codings as `myCodings`: the line must not reveal how much others coded.
StatusLine statusLine(const Project& project, std::int64_t cmocCount, bool onlyMine,
                      std::optional<std::int64_t> myCodings = std::nullopt);

// After the project file failed to save a change (cmoc::StorageError) the line must never say
// "saved" again until the project is reopened: "NOT SAVED (reopen the project)".
void markNotSaved(StatusLine& line);

}  // namespace cmoc::gui
