#pragma once
// The agreement tab: core's agreement report as table rows (per code and overall), the
// disagreements to walk side by side, and adjudication of one disagreement at a time.
// compute() opens its own connection so it can run on a worker thread.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "cmoc/adjudication.h"
#include "cmoc/agreement.h"

namespace cmoc {
class Project;
}

namespace cmoc::gui {

struct AgreementRow {
  std::string code, units, both, aOnly, bOnly, percent, kappa, alpha;
  bool overall = false;
  bool weak = false;  // kappa below 0.6 (or undefined): worth a look
};

struct DisagreementRow {
  std::string id;
  std::int64_t sourceId = 0, start = 0, end = 0;
  std::string source, unit, code, text;
  std::string codesA, codesB;  // each coder's codes there, "Trust, Confidence" or "(none)"
  bool appliedA = false, appliedB = false;
};

// Every coder with codings in the project (and the current one), most codings first.
std::vector<std::string> knownCoders(Project& project);

class AgreementPresenter {
 public:
  // Runs core's computeAgreement on a fresh connection to `file` (thread-safe).
  static AgreementReport compute(const std::filesystem::path& file, const AgreementOptions& options);
  void show(const AgreementReport& report);
  const std::vector<AgreementRow>& rows() const { return rows_; }
  // "Cohen's kappa, character level, 2 coders (AJ, RM), 10 sources" and core's method text.
  const std::string& heading() const { return heading_; }
  const std::string& method() const { return method_; }

  void loadDisagreements(const Project& project, const DisagreementOptions& options);
  const std::vector<DisagreementRow>& disagreements() const { return disagreements_; }
  // Decides one disagreement into the consensus coder's codings (one undoable action).
  static AdjudicationResult adjudicateOne(Project& project, const std::string& coderA,
                                          const std::string& coderB, const std::string& consensus,
                                          const std::string& id, Decision decision);

  static std::string formatCoefficient(const agreement::Coefficient& c);

 private:
  std::vector<AgreementRow> rows_;
  std::vector<DisagreementRow> disagreements_;
  std::string heading_, method_;
};

}  // namespace cmoc::gui
