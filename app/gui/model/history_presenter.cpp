#include "model/history_presenter.h"

namespace cmoc::gui {

std::vector<AuditRow> auditRows(const Project& project, std::size_t limit) {
  std::vector<AuditRow> out;
  for (const AuditEntry& e : project.auditLog(limit)) {
    AuditRow r;
    r.at = e.at.size() >= 16 ? e.at.substr(0, 10) + " " + e.at.substr(11, 5) : e.at;
    r.coder = e.coder;
    r.action = e.action;
    r.entity = e.entityKind;
    r.detail = e.detail;
    out.push_back(std::move(r));
  }
  return out;
}

std::string StatusLine::text() const {
  std::string s = project;
  for (const std::string* part : {&sources, &codings, &cmocs, &coder, &mode})
    if (!part->empty()) s += "  |  " + *part;
  return s;
}

StatusLine statusLine(const Project& project, std::int64_t cmocCount, bool onlyMine,
                      std::optional<std::int64_t> myCodings) {
  StatusLine line;
  const auto sources = project.sources();
  std::int64_t codings = 0;
  for (const auto& s : sources) codings += s.codings;
  if (onlyMine) codings = myCodings.value_or(0);
  auto plural = [](std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  line.project = project.file().filename().string();
  line.sources = plural(static_cast<std::int64_t>(sources.size()), "source", "sources");
  line.codings = plural(codings, "coding", "codings") + (onlyMine ? " (yours)" : "");
  line.cmocs = cmocCount >= 0 ? plural(cmocCount, "CMOC", "CMOCs") : "";
  line.coder = "coder: " + (project.coder().empty() ? std::string("(none)") : project.coder());
  line.mode = onlyMine ? "only my codings shown" : "saved";
  return line;
}

void markNotSaved(StatusLine& line) { line.mode = "NOT SAVED (reopen the project)"; }

}  // namespace cmoc::gui
