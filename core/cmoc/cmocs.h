#pragma once
// CMOCs: context-mechanism-outcome configurations, each slot a code backed by coded excerpts,
// with a status against the prior theory; and chains of CMOCs (one's outcome feeding another's
// context). Every change is one undoable Action; deletions are audited.
//
// Evidence whose coding is not of the slot's code (nor of one of its sub-codes) is allowed:
// researchers often back a context with a passage coded under a neighbouring code, and refusing
// would force them to double-code it. Such evidence is marked (Evidence::fitsSlot) so the CLI
// and GUI can warn about it.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cmoc/codebook.h"
#include "cmoc/coding.h"

namespace cmoc {

class Project;

enum class CmocStatus { Affirms, Refines, Refutes, Novel };
enum class Slot { Context, Mechanism, Outcome };

std::string_view toString(CmocStatus status);  // "affirms", ...
std::string_view toString(Slot slot);          // "context", ...
CmocStatus parseCmocStatus(std::string_view s);  // throws UsageError
Slot parseSlot(std::string_view s);              // also accepts c/m/o; throws UsageError

// One supporting excerpt: a coding, with what counting and warning need.
struct Evidence {
  std::int64_t codingId = 0;
  std::int64_t codeId = 0;    // the coding's code
  std::int64_t sourceId = 0;
  std::int64_t start = 0, end = 0;  // the coded span, code points
  bool fitsSlot = true;       // the coding's code is the slot's code or one of its sub-codes
};

struct CmocSlot {
  std::int64_t codeId = 0;
  std::string code;      // the code's name, as sentences use it
  std::string codePath;  // unambiguous: "Parent/Child"
  CodeKind kind = CodeKind::Other;
  std::string color;     // "#RRGGBB" or empty
  std::vector<Evidence> evidence;  // by coding id
};

struct Cmoc {
  std::int64_t id = 0;
  std::string guid;
  CmocSlot context, mechanism, outcome;
  CmocStatus status = CmocStatus::Novel;
  std::optional<std::int64_t> priorId;  // the CMOC this one tests
  std::string priorGuid;                // empty when there is none
  std::string label, memo, coder, createdAt, modifiedAt;

  const CmocSlot& slot(Slot s) const;
  CmocSlot& slot(Slot s);
  // Distinct codings across the three slots (one passage may back two slots).
  std::size_t excerptCount() const;
  // Distinct sources among the evidence: what the multiple-sources rule counts.
  std::size_t sourceCount() const;
};

// What a new CMOC is given. Codes are names or paths; the prior CMOC is an id or a GUID.
struct CmocDraft {
  std::string context, mechanism, outcome;
  CmocStatus status = CmocStatus::Novel;
  std::optional<std::string> prior;
  std::string label, memo;
  std::vector<std::pair<Slot, std::int64_t>> evidence;  // (slot, coding id)
};

// Fields to change; unset fields stay. An empty `prior` removes the prior CMOC.
struct CmocEdit {
  std::optional<std::string> context, mechanism, outcome;
  std::optional<CmocStatus> status;
  std::optional<std::string> prior;
  std::optional<std::string> label, memo;
};

// A code of the wrong kind for its slot is refused unless forced (kind `other` fits any slot).
enum class KindCheck { Strict, Force };

// Which CMOCs to list. Empty fields do not filter; fields combine with AND.
struct CmocFilter {
  std::vector<std::string> mechanisms;  // names or paths; any of them
  std::optional<CmocStatus> status;
  std::vector<std::string> coders;
  std::vector<std::string> codes;  // a code in any slot; any of them
  bool withChildCodes = false;     // a code also matches its sub-codes
};

// A chain: `from`'s outcome feeds `to`'s context.
struct CmocLink {
  std::int64_t id = 0;
  std::string guid;
  std::int64_t from = 0, to = 0;
  std::string fromOutcome, toContext;  // code names, for display
  std::string memo, createdAt;
};

// A link the codes suggest: `from`'s outcome code is `to`'s context code, and no link exists.
struct SuggestedLink {
  std::int64_t from = 0, to = 0;
  std::int64_t codeId = 0;
  std::string code;
};

// The most elementary cycles cycles() reports: their number can grow exponentially with the
// links, and past a few hundred a list stops helping anyone.
inline constexpr std::size_t kMaxReportedCycles = 1000;

class Cmocs {
 public:
  explicit Cmocs(Project& project);

  // Throws NotFound for unknown codes, prior CMOCs or codings, UsageError for a wrong-kind slot.
  Cmoc add(const CmocDraft& draft, KindCheck check = KindCheck::Strict);
  Cmoc edit(std::int64_t id, const CmocEdit& changes, KindCheck check = KindCheck::Strict);
  // Deletes the CMOC with its evidence and links (audited); CMOCs that tested it lose their prior.
  void remove(std::int64_t id);
  Cmoc get(std::int64_t id) const;                   // throws NotFound
  std::int64_t resolve(std::string_view idOrGuid) const;  // throws NotFound
  // Ordered by id; the whole set in a few queries, however many CMOCs match.
  std::vector<Cmoc> list(const CmocFilter& filter = {}) const;
  // How many CMOCs list(filter) would return, without reading them.
  std::int64_t count(const CmocFilter& filter = {}) const;

  Cmoc addEvidence(std::int64_t id, Slot slot, std::int64_t codingId);
  Cmoc removeEvidence(std::int64_t id, Slot slot, std::int64_t codingId);
  // The CMOCs' evidence as quotable excerpts (text, context, attribution), by coding id: what
  // `cmoc show` and CMOC tables quote. Coding::excerpts underneath, asked for exactly the
  // evidence codings, so it reads each source holding evidence once.
  std::map<std::int64_t, Excerpt> evidenceExcerpts(const std::vector<Cmoc>& cmocs,
                                                   int contextChars = 80) const;

  // Chains (cmoc_links.cpp). Linking codes that differ is allowed: "reduced trust" as one
  // CMOC's outcome may be the researcher's "low trust" context of another.
  CmocLink link(std::int64_t from, std::int64_t to, const std::string& memo = "");
  void unlink(std::int64_t from, std::int64_t to);
  std::vector<CmocLink> links() const;  // by from, then to
  std::vector<SuggestedLink> suggestedLinks() const;
  // Every elementary cycle of the link graph (up to kMaxReportedCycles), each starting at its
  // smallest CMOC id and listing each CMOC once: {1, 2} is 1 -> 2 -> 1.
  std::vector<std::vector<std::int64_t>> cycles() const;

 private:
  Project& project_;
};

}  // namespace cmoc
