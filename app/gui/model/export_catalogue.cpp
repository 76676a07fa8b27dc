#include "model/export_catalogue.h"

#include "cmoc/agreement_report.h"
#include "cmoc/atomic_file.h"
#include "cmoc/causal_web.h"
#include "cmoc/cmoc_table_export.h"
#include "cmoc/codebook.h"
#include "cmoc/disagreement_report.h"
#include "cmoc/coding_bulk.h"
#include "cmoc/error.h"
#include "cmoc/project.h"
#include "cmoc/refi_export.h"

namespace cmoc::gui {

namespace {

using Writer = std::function<std::string(Project&, const std::filesystem::path&, const ExportScope&)>;

// A writer for exports core returns as bytes.
Writer bytes(std::function<std::string(Project&, const ExportScope&)> make) {
  return [make = std::move(make)](Project& p, const std::filesystem::path& to, const ExportScope& s) {
    writeAtomically(to, make(p, s));
    return "Exported " + to.string();
  };
}

CmocFilter cmocsIn(const ExportScope& s) {
  CmocFilter f;
  if (s.onlyCoder) f.coders = {*s.onlyCoder};
  return f;
}

std::string webDot(Project& p, const ExportScope& s) { return toDot(buildCausalWeb(p, cmocsIn(s))); }

// The CMOC table in the format of the target's extension, with everything the window shows.
Writer cmocTable(bool pseudonymise) {
  return [pseudonymise](Project& p, const std::filesystem::path& to, const ExportScope& s) {
    CmocTableOptions options;
    options.demi.filter = cmocsIn(s);
    options.pseudonymise = pseudonymise;
    const CmocTable table = buildCmocTable(p, options);
    writeCmocTable(table, to);
    return "Exported " + std::to_string(table.rowCount()) + " CMOCs to " + to.string();
  };
}

// The two coders the Agreement tab compares; refused in blind mode, where second coding must
// not see the other coder's codings, even as agreement figures.
const std::vector<std::string>& comparedCoders(const ExportScope& s, const char* what) {
  if (s.onlyCoder)
    throw UsageError(std::string(what) + " is hidden while \"Only my codings\" is on");
  const std::vector<std::string>& c = s.agreement.coders;
  if (c.size() < 2 || c[0].empty() || c[1].empty() || c[0] == c[1])
    throw UsageError("choose two different coders in the Agreement tab first");
  return c;
}

// The agreement report for the coders the Agreement tab compares, in the target's format.
Writer agreementReport() {
  return [](Project& p, const std::filesystem::path& to, const ExportScope& s) {
    const std::vector<std::string>& c = comparedCoders(s, "the agreement report");
    const AgreementReport report = computeAgreement(p, s.agreement);
    writeAgreementReport(report, to);
    return "Exported the agreement of " + c[0] + " and " + c[1] + " on " +
           std::to_string(report.codes.size()) + " codes to " + to.string();
  };
}

// The disagreements the Agreement tab walks, for a coding meeting.
Writer disagreements() {
  return [](Project& p, const std::filesystem::path& to, const ExportScope& s) {
    const std::vector<std::string>& c = comparedCoders(s, "the list of disagreements");
    DisagreementOptions options;
    options.coders = c;
    options.unit = s.agreement.unit;
    const std::vector<Disagreement> list = listDisagreements(p, options);
    writeDisagreements(c, list, to);
    return "Exported " + std::to_string(list.size()) + " disagreements of " + c[0] + " and " + c[1] +
           " to " + to.string();
  };
}

Writer refiFile() {
  // Core validates the exchange file and writes it atomically itself.
  return [](Project& p, const std::filesystem::path& to, const ExportScope&) {
    return refi::describe(refi::exportFile(p, to), to);
  };
}

}  // namespace

const std::vector<ExportFormat>& exportFormats() {
  static const std::vector<ExportFormat> kExports = {
      {"&Codebook (CSV)...", "codebook.csv", "CSV (*.csv)|*.csv", false,
       bytes([](Project& p, const ExportScope&) { return Codebook(p).exportCsv(); })},
      {"Codin&gs (CSV)...", "codings.csv", "CSV (*.csv)|*.csv", false,
       bytes([](Project& p, const ExportScope& s) {
         CodingFilter f;
         if (s.onlyCoder) f.coders = {*s.onlyCoder};
         return exportCodings(p, f);
       })},
      {"CMOC table (&Word)...", "cmocs.docx", "Word document (*.docx)|*.docx", true,
       cmocTable(false)},
      {"CMOC table (E&xcel)...", "cmocs.xlsx", "Excel workbook (*.xlsx)|*.xlsx", false,
       cmocTable(false)},
      {"CMOC table (&HTML, printable)...", "cmocs.html", "HTML (*.html)|*.html", false,
       cmocTable(false)},
      {"CMOC table (&Markdown)...", "cmocs.md", "Markdown (*.md)|*.md", false, cmocTable(false)},
      {"CMOC table (CS&V)...", "cmocs.csv", "CSV (*.csv)|*.csv", false, cmocTable(false)},
      {"CMOC table, pseudonymised (W&ord)...", "cmocs-pseudonymised.docx",
       "Word document (*.docx)|*.docx", false, cmocTable(true)},
      {"&If-then-because statements (Markdown)...", "statements.md", "Markdown (*.md)|*.md", false,
       bytes([](Project& p, const ExportScope& s) {
         CmocTableOptions options;
         options.demi.filter = cmocsIn(s);
         return statementsMarkdown(buildCmocTable(p, options));
       })},
      {"&Agreement report (HTML)...", "agreement.html", "HTML (*.html)|*.html", true,
       agreementReport()},
      {"Agreement report (Mar&kdown)...", "agreement.md", "Markdown (*.md)|*.md", false,
       agreementReport()},
      {"Agreement report (CSV)...", "agreement.csv", "CSV (*.csv)|*.csv", false, agreementReport()},
      {"Disagreemen&ts (HTML)...", "disagreements.html", "HTML (*.html)|*.html", false, disagreements()},
      {"Disagreements (CSV)...", "disagreements.csv", "CSV (*.csv)|*.csv", false, disagreements()},
      {"Causal web (&SVG)...", "causal-web.svg", "SVG (*.svg)|*.svg", true,
       bytes([](Project& p, const ExportScope& s) { return renderDot(webDot(p, s), WebImage::Svg); })},
      {"Causal web (&PNG)...", "causal-web.png", "PNG (*.png)|*.png", false,
       bytes([](Project& p, const ExportScope& s) { return renderDot(webDot(p, s), WebImage::Png); })},
      {"Causal web (Graphviz &DOT)...", "causal-web.dot", "Graphviz (*.dot)|*.dot", false,
       bytes(webDot)},
      {"REFI-QDA &project (.qdpx)...", "project.qdpx", "REFI-QDA project (*.qdpx)|*.qdpx", true,
       refiFile()},
      {"REFI-QDA code&book (.qdc)...", "codebook.qdc", "REFI-QDA codebook (*.qdc)|*.qdc", false,
       refiFile()},
  };
  return kExports;
}

const ExportFormat* exportNamed(std::string_view fileName) {
  for (const ExportFormat& f : exportFormats())
    if (f.fileName == fileName) return &f;
  return nullptr;
}

std::string runExport(const std::filesystem::path& projectFile, const ExportFormat& format,
                      const std::filesystem::path& target, const ExportScope& scope) {
  Project p = Project::open(projectFile);
  return format.write(p, target, scope);
}

}  // namespace cmoc::gui
