#pragma once
// Disagreements between coders, and adjudicating them into a consensus coder's codings.
//
// A disagreement is a stretch where the coders differ on one code: at the character level a
// maximal run of text over which the same coders (not all) applied the code; at a unit level a
// sentence, paragraph or turn that some coders coded with it and others did not. Its id,
// "SOURCE:START-END:CODE" (the source's name, or its id when names repeat; the code's path),
// names it stably for as long as the codings there stay the same.
//
// Adjudication works on character spans. Where both coders applied a code the consensus keeps
// it; where neither did, it has nothing. Where they differ, a decision says whose coverage the
// consensus takes: a, b, both (union) or none.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cmoc/agreement.h"

namespace cmoc {

class Project;

struct DisagreementOptions {
  std::vector<std::string> coders;  // two or more
  std::vector<std::string> codes;   // names or paths; empty: every code the coders applied
  std::vector<std::string> sources;
  AgreementUnit unit = AgreementUnit::Character;
  bool includeSingleCoderSources = false;
};

struct Disagreement {
  std::string id;  // "interview-01.txt:120-180:Trust"
  std::int64_t sourceId = 0;
  std::string source;
  std::string unit;  // "sentence 4", "turn 3"; empty at the character level
  std::int64_t start = 0, end = 0;
  std::string code;  // path
  std::vector<bool> applied;  // per coder (options' order): applied `code` here
  // Per coder: the compared codes they applied anywhere in the span, in codebook order.
  std::vector<std::vector<std::string>> codesByCoder;
  std::string text;  // the span's text
};

// In source-name order, then by position and codebook order. Throws as computeAgreement().
std::vector<Disagreement> listDisagreements(const Project& project, const DisagreementOptions& options);

enum class AdjudicationRule { AcceptA, AcceptB, Union, Intersection, Drop };
std::string_view toString(AdjudicationRule rule);  // "accept-a", ...
AdjudicationRule parseAdjudicationRule(std::string_view s);  // throws UsageError

enum class Decision { A, B, Both, None };
std::string_view toString(Decision d);  // "a", "b", "both", "none"
Decision parseDecision(std::string_view s);  // throws UsageError

struct AdjudicationRequest {
  std::string coderA, coderB;
  std::string consensus;  // the coder who receives the consensus codings; neither A nor B
  // In bulk, for every disagreement in scope: accept-a, accept-b, union (both), intersection
  // or drop (none; the two keep the same text, where the coders overlap).
  std::optional<AdjudicationRule> rule;
  // One by one, by disagreement id; applied after the rule. Without a rule only these
  // (source, code) pairs change, starting from the consensus coder's current codings plus
  // what A and B agree on.
  std::vector<std::pair<std::string, Decision>> decisions;
  std::vector<std::string> codes;    // empty: every code A or B applied
  std::vector<std::string> sources;  // empty: all
  bool includeSingleCoderSources = false;
};

struct AdjudicationResult {
  std::int64_t decisions = 0;  // disagreements decided (each one audited)
  std::int64_t added = 0, removed = 0, kept = 0;  // the consensus coder's codings
  std::vector<std::string> skippedSources;  // coded by only one of A and B
};

// One undoable action. Per (source, code) the consensus coder ends with one coding per
// contiguous stretch of consensus coverage; codings already matching are kept. Throws
// NotFound for unknown coders, codes, sources; UsageError for a consensus coder that is A or B,
// neither a rule nor decisions, or an id that is not a current disagreement.
AdjudicationResult adjudicate(Project& project, const AdjudicationRequest& request);

}  // namespace cmoc
