#include "demo_exports.h"

#include "cmoc/agreement_report.h"
#include "cmoc/atomic_file.h"
#include "cmoc/causal_web.h"
#include "cmoc/cmoc_table_export.h"
#include "cmoc/codebook.h"
#include "cmoc/coding_bulk.h"
#include "cmoc/refi_export.h"
#include "demo_theory.h"

namespace cmoc::cli {

std::vector<std::filesystem::path> writeDemoExports(Project& project, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  std::vector<std::filesystem::path> written;
  auto save = [&](const char* name, const std::string& bytes) {
    writeAtomically(dir / name, bytes);
    written.push_back(dir / name);
  };

  const CmocTable table = buildCmocTable(project);
  for (const char* name : {"cmocs.csv", "cmocs.md", "cmocs.html", "cmocs.xlsx", "cmocs.docx"}) {
    writeCmocTable(table, dir / name);
    written.push_back(dir / name);
  }
  const CmocTable anonymous = buildCmocTable(project, {.pseudonymise = true});
  writeCmocTable(anonymous, dir / "cmocs-pseudonymised.docx");
  written.push_back(dir / "cmocs-pseudonymised.docx");
  save("statements.md", statementsMarkdown(table));

  const std::string dot = toDot(buildCausalWeb(project));
  save("causal-web.dot", dot);
  save("causal-web.svg", renderDot(dot, WebImage::Svg));
  save("causal-web.png", renderDot(dot, WebImage::Png));

  save("codebook.csv", Codebook(project).exportCsv());
  save("codings.csv", exportCodings(project, {}));
  save("agreement-AJ-RB.md", agreementMarkdown(computeAgreement(project, {.coders = {"AJ", "RB"}})));

  writeTheoryExports(project, dir, written);

  refi::exportQdpx(project, dir / "project.qdpx");
  written.push_back(dir / "project.qdpx");
  return written;
}

}  // namespace cmoc::cli
