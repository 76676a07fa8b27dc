// demi: the demiregularity table, per mechanism.
#include <iostream>

#include "cmoc/demiregularity.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "command.h"
#include "demi_options.h"
#include "output.h"

namespace cmoc::cli {

namespace {

std::string counts(const std::vector<CodeCount>& codes) {
  std::string out;
  for (const CodeCount& c : codes)
    out += (out.empty() ? "" : ", ") + c.path + " (" + std::to_string(c.cmocs) + ")";
  return out;
}

std::string plural(std::int64_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

Table cmocTable(const Demiregularity& d, int threshold) {
  Table t{{"cmoc", "context", "outcome", "status", "excerpts", "sources", "participants", "rule"}};
  for (const DemiCmoc& c : d.cmocs)
    t.add({c.cmoc.id, c.cmoc.context.codePath, c.cmoc.outcome.codePath,
           std::string(toString(c.cmoc.status)), c.excerpts, c.sources, c.participants,
           c.failsRule ? "FAILS (< " + std::to_string(threshold) + " sources)" : std::string("ok")});
  return t;
}

}  // namespace

void writeDemiTable(std::ostream& out, const std::vector<Demiregularity>& demis, int threshold) {
  for (std::size_t i = 0; i < demis.size(); ++i) {
    const Demiregularity& d = demis[i];
    out << (i ? "\n" : "") << d.mechanismPath << ": " << plural(static_cast<std::int64_t>(d.cmocs.size()), "CMOC")
              << ", " << plural(d.excerpts, "excerpt") << ", " << plural(d.sources, "source") << ", "
              << plural(static_cast<std::int64_t>(d.participants.size()), "participant") << ", "
              << plural(static_cast<std::int64_t>(d.caseTypes.size()), "case type");
    if (!d.caseTypes.empty()) out << " (" << joined(d.caseTypes, ", ") << ")";
    out << "\n  contexts: " << counts(d.contexts) << "\n  outcomes: " << counts(d.outcomes)
              << "\n";
    if (d.failing)
      out << "  " << d.failing << " of " << d.cmocs.size()
                << " fail the multiple-sources rule (at least " << threshold << " sources)\n";
    write(out, cmocTable(d, threshold), Format::Table);
  }
}

namespace {

// CSV: one row per CMOC, its mechanism's totals repeated, so a spreadsheet can filter and pivot.
void writeCsv(const std::vector<Demiregularity>& demis) {
  Table t{{"mechanism", "mechanism_cmocs", "mechanism_excerpts", "mechanism_sources",
           "mechanism_participants", "mechanism_case_types", "cmoc", "context", "outcome", "status",
           "excerpts", "sources", "participants", "fails_rule"}};
  for (const Demiregularity& d : demis)
    for (const DemiCmoc& c : d.cmocs)
      t.add({d.mechanismPath, static_cast<std::int64_t>(d.cmocs.size()), d.excerpts, d.sources,
             static_cast<std::int64_t>(d.participants.size()), joined(d.caseTypes, ", "), c.cmoc.id,
             c.cmoc.context.codePath, c.cmoc.outcome.codePath, std::string(toString(c.cmoc.status)),
             c.excerpts, c.sources, c.participants, c.failsRule});
  write(std::cout, t, Format::Csv);
}

std::string jsonStrings(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + jsonString(items[i]);
  return out + "]";
}

Table countTable(const std::vector<CodeCount>& codes) {
  Table t{{"code", "cmocs"}};
  for (const CodeCount& c : codes) t.add({c.path, c.cmocs});
  return t;
}

void writeJson(const std::vector<Demiregularity>& demis, int threshold) {
  std::cout << "[";
  for (std::size_t i = 0; i < demis.size(); ++i) {
    const Demiregularity& d = demis[i];
    std::cout << (i ? ",\n " : "") << "{\"mechanism\": " << jsonString(d.mechanismPath)
              << ", \"cmoc_count\": " << d.cmocs.size() << ", \"excerpts\": " << d.excerpts
              << ", \"sources\": " << d.sources << ", \"participants\": " << jsonStrings(d.participants)
              << ", \"case_types\": " << jsonStrings(d.caseTypes) << ", \"failing\": " << d.failing
              << ", \"threshold\": " << threshold << ", \"contexts\": " << jsonObjects(countTable(d.contexts))
              << ", \"outcomes\": " << jsonObjects(countTable(d.outcomes))
              << ", \"cmocs\": " << jsonObjects(cmocTable(d, threshold)) << "}";
  }
  std::cout << "]\n";
}

int runDemi(const Args& args) {
  if (args.positionals().size() != 1)
    throw UsageError("usage: cmoc demi PROJECT.cmoc [--mechanism M] [--threshold N] [--format F]");
  Project project = Project::open(projectArg(args));
  const DemiOptions options = demiOptions(args);
  const Format format = parseFormat(args.get("format", "table"));
  const std::vector<Demiregularity> demis = demiregularities(project, options);
  if (format == Format::Json) writeJson(demis, options.threshold);
  else if (format == Format::Csv) writeCsv(demis);
  else if (demis.empty()) std::cout << "No CMOCs match.\n";
  else writeDemiTable(std::cout, demis, options.threshold);
  return 0;
}

std::vector<Command> demiCommands() {
  return {{"demi", "demiregularities: CMOCs per mechanism with their support",
           "cmoc demi PROJECT.cmoc [--mechanism M]... [--status S] [--threshold N] [--format F]",
           "For each mechanism: its CMOCs; the contexts and outcomes with how many CMOCs have\n"
           "each; the excerpts, sources, participants and case types supporting them. CMOCs\n"
           "backed by fewer than N distinct sources (default 2) fail the multiple-sources rule\n"
           "and are flagged. Mechanisms are sorted by support: sources, then excerpts.\n"
           "Interviewers are not counted as participants.",
           withOptions(demiOptionSpecs(), {formatOption()}),
           runDemi}};
}

}  // namespace

const CommandRegistration demiRegistration{demiCommands};

}  // namespace cmoc::cli
